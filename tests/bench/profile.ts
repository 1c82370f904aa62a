/**
 * Where the time goes: a Chrome trace (renderer main thread, self time per trace event) and a
 * CDP CPU profile (self and inclusive time per JS function), both summarised as small tables.
 * Profiles use an unminified build of the same sources so function names are readable.
 */
import { basename } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { arm, profiledPage, waitMark, withTimeout } from './measure';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

export interface Row {
  name: string;
  ms: number;
}

export interface TraceSummary {
  wallMs: number;
  self: Row[];
  /** EvaluateScript (inclusive) split by script: the inlined app vs the data scripts. */
  evaluate: Row[];
}

export function summariseTrace(events: TraceEvent[], top = 12): TraceSummary {
  const names = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  let best: { pid: number; tid: number; n: number } | null = null;
  for (const t of names) {
    const n = events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === 'X').length;
    if (!best || n > best.n) best = { pid: t.pid, tid: t.tid, n };
  }
  if (!best) return { wallMs: 0, self: [], evaluate: [] };
  const main = events
    .filter((e) => e.pid === best.pid && e.tid === best.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  const evaluate = new Map<string, number>();
  for (const e of main) {
    for (let top = stack.at(-1); top && top.ts + (top.dur ?? 0) <= e.ts; top = stack.at(-1))
      stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (e.dur ?? 0));
    self.set(e.name, (self.get(e.name) ?? 0) + (e.dur ?? 0));
    stack.push(e);
    if (
      e.name === 'EvaluateScript' &&
      !stack.slice(0, -1).some((s) => s.name === 'EvaluateScript')
    ) {
      const url = e.args?.data?.url ?? '';
      const key = /\/data\/manifest\.js$/.test(url)
        ? 'data/manifest.js'
        : /\/data\//.test(url)
          ? 'data/<bundle>.js (all bundle scripts)'
          : url
            ? basename(url)
            : '(inline app script)';
      evaluate.set(key, (evaluate.get(key) ?? 0) + (e.dur ?? 0));
    }
  }
  const first = main[0]?.ts ?? 0;
  const last = main.reduce((m, e) => Math.max(m, e.ts + (e.dur ?? 0)), first);
  const rows = (m: Map<string, number>) =>
    [...m]
      .map(([name, us]) => ({ name, ms: us / 1000 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top);
  return { wallMs: (last - first) / 1000, self: rows(self), evaluate: rows(evaluate) };
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

export interface CpuSummary {
  totalMs: number;
  self: Row[];
  inclusive: Row[];
}

export function summariseCpu(p: CpuProfile, top = 15): CpuSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number) => {
    const f = byId.get(id)?.callFrame ?? { functionName: '?', url: '', lineNumber: 0 };
    const where = f.url ? basename(f.url) : '';
    const file = /^u\d{4}-|^big-/.test(where) ? 'data/<bundle>.js' : where;
    return `${f.functionName || '(anonymous)'}${file ? ` ${file}` : ''}${f.url && !/^data|manifest/.test(file) ? `:${f.lineNumber + 1}` : ''}`;
  };
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const l = label(id);
    self.set(l, (self.get(l) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = label(cur);
      if (seen.has(name)) continue;
      seen.add(name);
      incl.set(name, (incl.get(name) ?? 0) + dt);
    }
  });
  const skip = /^\((root|program|idle)\)/;
  const rows = (m: Map<string, number>, noSkip = false) =>
    [...m]
      .filter(([k]) => noSkip || !skip.test(k))
      .map(([name, ms]) => ({ name, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top);
  return { totalMs: total, self: rows(self, true), inclusive: rows(incl) };
}

const TRACE_CATEGORIES = ['devtools.timeline', 'v8.execute'];

export interface ProfileResult {
  coldTrace: TraceSummary | null;
  coldCpu: CpuSummary | null;
  switchCpu: CpuSummary | null;
  selectCpu: CpuSummary | null;
  notes: string[];
}

const log = (...xs: unknown[]) => {
  if (process.env.BENCH_DEBUG) console.log('[profile]', ...xs);
};

async function cpu<T>(
  page: Page,
  send: (m: string, p?: object) => Promise<unknown>,
  f: () => Promise<T>,
) {
  void page;
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 500 });
  await send('Profiler.start');
  log('profiler started');
  const r = await f();
  log('action done', r);
  const stopped = (await withTimeout(send('Profiler.stop'), 60_000)) as {
    profile: CpuProfile;
  } | null;
  if (!stopped) throw new Error('Profiler.stop did not answer');
  return { r, profile: stopped.profile };
}

/** Trace + CPU profiles of cold start, a view switch (→ 预算执行) and a selection change. */
export async function profileApp(
  browser: Browser,
  indexUrl: string,
  timeoutMs: number,
): Promise<ProfileResult> {
  const out: ProfileResult = {
    coldTrace: null,
    coldCpu: null,
    switchCpu: null,
    selectCpu: null,
    notes: [],
  };
  // 1. Trace of cold start → all loaded.
  {
    const { context, page } = await profiledPage(browser);
    try {
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      log('tracing');
      await page.goto(`${indexUrl}#/overview`, { waitUntil: 'commit' });
      const loaded = await waitMark(page, 'loaded', timeoutMs);
      const buf = await withTimeout(browser.stopTracing(), 60_000);
      if (!buf) throw new Error('stopTracing did not finish in 60 s');
      const json = JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
      log('trace stopped', buf.length);
      out.coldTrace = summariseTrace(Array.isArray(json) ? json : json.traceEvents);
      if (loaded === null) out.notes.push('trace: data did not finish loading in time');
    } catch (e) {
      out.notes.push(`trace failed: ${String(e).split('\n')[0]}`);
      await withTimeout(browser.stopTracing(), 30_000);
    } finally {
      await withTimeout(context.close(), 30_000);
    }
  }
  // 2. CPU profiles: cold start, then view switch, then selection change, in one page.
  {
    const { context, page, cdp } = await profiledPage(browser);
    const send = (m: string, p?: object) =>
      (cdp.send as (m: string, p?: object) => Promise<unknown>)(m, p);
    try {
      const cold = await cpu(page, send, async () => {
        await page.goto(`${indexUrl}#/overview`, { waitUntil: 'commit' });
        return waitMark(page, 'loaded', timeoutMs);
      });
      out.coldCpu = summariseCpu(cold.profile);
      if (cold.r === null) {
        out.notes.push(
          `CPU profile: data not loaded within ${timeoutMs / 1000} s; profile covers that window; view switch and selection not profiled`,
        );
        return out;
      }
      await page.waitForTimeout(300);
      const sw = await cpu(page, send, async () => {
        await arm(page, 'p-switch', 'chart', ['预算执行'], 'click');
        await page.locator('nav[aria-label="主导航"] a', { hasText: '预算执行' }).click();
        return waitMark(page, 'p-switch', timeoutMs);
      });
      out.switchCpu = summariseCpu(sw.profile);
      out.notes.push(
        `profiled view switch → 预算执行: ${sw.r === null ? 'timeout' : `${Math.round(sw.r)} ms`}`,
      );
      await page.waitForTimeout(300);
      const sig = await page.evaluate(() =>
        (window as unknown as { __bench: { signature: () => string } }).__bench.signature(),
      );
      const sel = await cpu(page, send, async () => {
        await arm(page, 'p-select', 'changed', [sig], 'click');
        await page.locator('.comparison-bar .unit-picker input[type=checkbox]').first().click();
        return waitMark(page, 'p-select', timeoutMs);
      });
      out.selectCpu = summariseCpu(sel.profile);
      out.notes.push(
        `profiled selection change: ${sel.r === null ? 'timeout' : `${Math.round(sel.r)} ms`}`,
      );
    } catch (e) {
      out.notes.push(`cpu profile failed: ${String(e).split('\n')[0]}`);
    } finally {
      await withTimeout(context.close(), 30_000);
    }
  }
  return out;
}
