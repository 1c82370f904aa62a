/**
 * `npm run bench`: build once, generate synthetic data of the real schema for 5 / 50 /
 * 500 / 2,000 units × 3 years, measure the app and a framework-free floor page from file:// in
 * headless Chromium, profile (an unminified build) at the --profile-sizes, and prepend a result
 * section to BENCHMARKS.md.
 * Not part of `npm test`.
 *
 * Options: --sizes 5,50,500,2000  --runs 5  --big-runs 2  --profile-sizes 50  --no-profile  --keep
 *          --work DIR  --reuse-results (keep WORK/results.json's sizes, re-measure only the table)
 *          --scroll-runs N (0: skip the table)  --dry (print the section, leave BENCHMARKS.md alone)
 * Profiles need the first page to load; before bundles loaded on demand (2026-11-23, first run in
 * BENCHMARKS.md) that never happened at 500 and 2,000 units.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { format } from 'prettier';
import { bigTableBundle, loadTemplates, sizes, syntheticBundles, writeDataSet } from './generate';
import type { DataSet } from './generate';
import { chromiumPath } from '../e2e/chromium';
import { launch, runApp, runFloor, runScrollApp, runScrollFloor, VIEWS } from './measure';
import type { AppRun, FloorRun, ScrollResult, Timeouts } from './measure';
import type { Page } from 'playwright-core';
import { profileApp } from './profile';
import type { CpuSummary, ProfileResult, TraceSummary } from './profile';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BENCH_MD = join(ROOT, 'BENCHMARKS.md');
const MARKER = '<!-- bench:results (newest first; npm run bench prepends here) -->';
const SEED = 20240605;
const started = Date.now();

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const SIZES = arg('sizes', '5,50,500,2000').split(',').map(Number);
const RUNS = Number(arg('runs', '5'));
/**
 * A second scroll speed, 100 px a frame (6,000 px/s): a fast trackpad fling or a spun wheel. The
 * main measurement (top to bottom in 300 frames, about 1,100 px a frame) is a scrollbar drag.
 */
const SCROLL_FLING_PX = 100;
const BIG_RUNS = Number(arg('big-runs', '2'));
const PROFILE = !flag('no-profile');
const PROFILE_SIZES = arg('profile-sizes', '50').split(',').map(Number);
const WORK = resolve(arg('work', join('/tmp', 'budget-compare-bench')));

const log = (...xs: unknown[]) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s]`, ...xs);

/** Budgets per size; a run whose data does not load in `loaded` ms stops there. */
function timeoutsFor(units: number): Timeouts {
  if (units <= 50) return { cold: 30_000, loaded: 60_000, step: 30_000 };
  if (units <= 500) return { cold: 60_000, loaded: 90_000, step: 60_000 };
  return { cold: 120_000, loaded: 120_000, step: 60_000 };
}

const median = (xs: (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = Math.floor(v.length / 2);
  const hi = v[m] ?? 0;
  return v.length % 2 ? hi : ((v[m - 1] ?? hi) + hi) / 2;
};
const nulls = (xs: (number | null)[]) => xs.filter((x) => x === null).length;
const ms = (x: number | null) => (x === null ? 'timeout' : `${Math.round(x)} ms`);
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b: number | null) => (b === null ? 'n/a' : `${(b / 1024 / 1024).toFixed(1)} MB`);
const cell = (xs: (number | null)[], f = ms) => {
  const n = nulls(xs);
  return `${f(median(xs))}${n ? ` (${n}/${xs.length} timed out)` : ''}`;
};
const pf = (ok: boolean | null) => (ok === null ? '—' : ok ? '**pass**' : '**FAIL**');

// ---------------------------------------------------------------- build
function build(outDir: string, minify: boolean): string {
  const args = ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  if (!minify) args.push('--minify', 'false');
  execFileSync('npx', args, { cwd: ROOT, stdio: 'inherit', timeout: 300_000 });
  return join(outDir, 'index.html');
}

function shippedSizes(html: string) {
  const buf = readFileSync(html);
  const text = buf.toString('utf8');
  const scripts = [...text.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1] ?? '')
    .join('');
  // Styles outside the scripts (the JS itself contains "<style" strings).
  const outside = text.replace(/<script(?![^>]*\ssrc=)[^>]*>[\s\S]*?<\/script>/g, '');
  const styles = [...outside.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)]
    .map((m) => m[1] ?? '')
    .join('');
  const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;
  return {
    raw: buf.length,
    gzip: gz(buf),
    jsRaw: Buffer.byteLength(scripts),
    jsGzip: gz(scripts),
    cssRaw: Buffer.byteLength(styles),
    cssGzip: gz(styles),
  };
}

// ---------------------------------------------------------------- per size
interface SizeResult {
  units: number;
  data: DataSet;
  genMs: number;
  runs: AppRun[];
  /** Runs with `?prerender=0`: every view switch is a first visit (nothing drawn ahead). */
  firstVisits: AppRun[];
  floor: FloorRun[];
  profile: ProfileResult | null;
}

function site(name: string, appHtml: string, unminHtml: string | null): string {
  const dir = join(WORK, 'sites', name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(appHtml, join(dir, 'index.html'));
  if (unminHtml) copyFileSync(unminHtml, join(dir, 'profile.html'));
  copyFileSync(join(ROOT, 'tests', 'bench', 'floor', 'index.html'), join(dir, 'floor.html'));
  return dir;
}

async function main() {
  const chromium = chromiumPath();
  const chromiumVersion = execFileSync(chromium, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  const reuse = flag('reuse-results');
  const previous = reuse
    ? (JSON.parse(readFileSync(join(WORK, 'results.json'), 'utf8')) as { results: SizeResult[] })
    : null;
  if (!reuse) rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });

  log('building app (minified, as shipped)…');
  const appHtml = build(join(WORK, 'build', 'app'), true);
  const unminHtml = PROFILE && !reuse ? build(join(WORK, 'build', 'unminified'), false) : null;
  const shipped = shippedSizes(appHtml);
  log(`shipped index.html ${kb(shipped.raw)} raw, ${kb(shipped.gzip)} gzip`);

  const templates = loadTemplates();
  const browser = await launch(chromium);
  const results: SizeResult[] = [];
  let scroll: {
    app: (ScrollResult | null)[];
    /** The same table scrolled at SCROLL_FLING_PX a frame: a fast fling, not a scrollbar drag. */
    fling: (ScrollResult | null)[];
    floor: (ScrollResult | null)[];
    /** The floor's table windowed (floor.html?window=1): the sweep, and the fling. */
    windowed: (ScrollResult | null)[];
    windowedFling: (ScrollResult | null)[];
    rows: number;
  } | null = null;
  try {
    if (previous) results.push(...previous.results);
    for (const units of previous ? [] : SIZES) {
      const dir = site(`u${units}`, appHtml, unminHtml);
      const t0 = Date.now();
      const data = writeDataSet(
        join(dir, 'data'),
        syntheticBundles(templates, units, SEED + units),
      );
      const genMs = Date.now() - t0;
      log(
        `${units} units: ${data.bundles} bundles, ${mb(data.rawBytes)} (generated in ${genMs} ms)`,
      );
      const t = timeoutsFor(units);
      const runs: AppRun[] = [];
      const firstVisits: AppRun[] = [];
      const floor: FloorRun[] = [];
      const n = units >= 2000 ? BIG_RUNS : RUNS;
      const indexUrl = pathToFileURL(join(dir, 'index.html')).href;
      const floorUrl = pathToFileURL(join(dir, 'floor.html')).href;
      for (let i = 0; i < n; i++) {
        const shot =
          i === 0
            ? async (page: Page) => {
                mkdirSync(join(WORK, 'screenshots'), { recursive: true });
                await page.screenshot({
                  path: join(WORK, 'screenshots', `overview-u${units}.png`),
                });
              }
            : undefined;
        const r = await runApp(browser, indexUrl, t, shot);
        runs.push(r);
        if (r.loaded === null && i === 0) {
          // Each further run would cost the whole budget again; say so instead (15-minute cap).
          log(`  data did not load within ${t.loaded / 1000} s: not repeating this size`);
          floor.push(await runFloor(browser, floorUrl, t));
          break;
        }
        log(
          `  app run ${i + 1}/${n}: cold ${ms(r.cold)}, app ${ms(r.app)}, loaded ${ms(r.loaded)}, views drawn ${ms(r.viewsDrawn)}, views ${VIEWS.map((v) => ms(r.views[v.view] ?? null)).join('/')}, select ${ms(r.select1)}/${ms(r.select2)}, heap ${mb(r.heapLoaded)}${r.errors.length ? `, errors: ${r.errors.slice(0, 2).join('; ')}` : ''}`,
        );
        const fv = await runApp(browser, indexUrl, t, undefined, { prerender: false });
        firstVisits.push(fv);
        log(
          `  first-visit run ${i + 1}/${n} (?prerender=0): views ${VIEWS.map((v) => ms(fv.views[v.view] ?? null)).join('/')}, select ${ms(fv.select1)}/${ms(fv.select2)}${fv.errors.length ? `, errors: ${fv.errors.slice(0, 2).join('; ')}` : ''}`,
        );
        const f = await runFloor(browser, floorUrl, t);
        floor.push(f);
        log(`  floor run ${i + 1}/${n}: cold ${ms(f.cold)}, first page ${ms(f.loaded)}`);
      }
      let profile: ProfileResult | null = null;
      if (PROFILE && unminHtml && PROFILE_SIZES.includes(units) && runs.every((x) => x.loaded)) {
        log(`  profiling at ${units} units (unminified build)…`);
        profile = await profileApp(
          browser,
          pathToFileURL(join(dir, 'profile.html')).href,
          t.loaded,
        );
      }
      results.push({ units, data, genMs, runs, firstVisits, floor, profile });
      if (!flag('keep')) rmSync(join(dir, 'data'), { recursive: true, force: true });
    }

    log('10,000-row table…');
    const dir = site('big-table', appHtml, null);
    const big = bigTableBundle(templates, SEED);
    const rows = big.tables.find((t) => t.id === '公开03')?.rows.length ?? 0;
    writeDataSet(join(dir, 'data'), [big]);
    const t = timeoutsFor(500);
    const app: (ScrollResult | null)[] = [];
    const fling: (ScrollResult | null)[] = [];
    const fl: (ScrollResult | null)[] = [];
    const win: (ScrollResult | null)[] = [];
    const winFling: (ScrollResult | null)[] = [];
    const appUrl = pathToFileURL(join(dir, 'index.html')).href;
    const floorUrl = pathToFileURL(join(dir, 'floor.html')).href;
    for (let i = 0; i < Number(arg('scroll-runs', String(RUNS))); i++) {
      const a = await runScrollApp(browser, appUrl, rows, t);
      app.push(a);
      const f = await runScrollFloor(browser, floorUrl, big.id, t);
      fl.push(f);
      const g = await runScrollApp(browser, appUrl, rows, t, 300, SCROLL_FLING_PX);
      fling.push(g);
      const w = await runScrollFloor(browser, floorUrl, big.id, t, 300, 0, true);
      win.push(w);
      const wf = await runScrollFloor(browser, floorUrl, big.id, t, 300, SCROLL_FLING_PX, true);
      winFling.push(wf);
      log(
        `  scroll run ${i + 1}: app expand ${ms(a?.render ?? null)}, rows ${a?.rows}, dropped ${a?.dropped}/${a?.frames} (worst ${a?.worstMs.toFixed(0)} ms), at ${SCROLL_FLING_PX} px a frame ${g?.dropped}/${g?.frames}; floor dropped ${f?.dropped}/${f?.frames}; windowed floor ${w?.dropped}/${w?.frames}, at ${SCROLL_FLING_PX} px a frame ${wf?.dropped}/${wf?.frames}`,
      );
    }
    scroll = { app, fling, floor: fl, windowed: win, windowedFling: winFling, rows };
  } finally {
    await browser.close();
  }

  const section = report({ shipped, results, scroll, chromiumVersion, reused: reuse });
  if (flag('dry')) {
    console.log(section);
    return;
  }
  const old = existsSync(BENCH_MD) ? readFileSync(BENCH_MD, 'utf8') : '';
  const older = old.includes(MARKER) ? (old.split(MARKER)[1] ?? '') : '';
  const md = await format(`${HEADER}\n${MARKER}\n\n${section}\n${older.trim()}\n`, {
    parser: 'markdown',
    singleQuote: true,
    printWidth: 100,
    trailingComma: 'all',
  });
  writeFileSync(BENCH_MD, md);
  writeFileSync(join(WORK, 'results.json'), JSON.stringify({ shipped, results, scroll }, null, 1));
  log(`wrote BENCHMARKS.md; raw results in ${join(WORK, 'results.json')}`);
}

// ---------------------------------------------------------------- report
const HEADER = `# Benchmarks

\`npm run bench\` (\`tests/bench/run.ts\`, run with tsx; not part of \`npm test\`) builds the app once,
generates synthetic bundles of the real schema (\`tests/bench/generate.ts\`: the five real bundles in
\`public/data/\` cloned per unit and year, every money figure multiplied by one seeded integer factor
so sums stay exact and percentages, scores and counts stay as printed; each bundle is validated with
\`bundleSchema\`; written as the ingest writes them, \`JSON.parse("…")\` classic scripts plus
\`manifest.js\` with headline figures) for 5 / 50 / 500 / 2,000 units × 3 documents (2023 决算,
2024 决算, 2025 预算), places them as \`data/\` next to a copy of the built \`index.html\`, and measures
in headless Debian Chromium from \`file://\` (flags as in \`tests/e2e/browser.ts\`, plus
\`--enable-precise-memory-info\`; 1920×1080; every run a fresh browser context; network blocked).

**Definitions** (probe injected with \`page.addInitScript\`, \`tests/bench/measure.ts\`): a
MutationObserver checks a condition; when it first holds, the probe waits for the next animation
frame and then a task (rAF → MessageChannel), and records \`performance.now()\` there = "painted".

- **cold start**: navigation start → first overview card's headline figure (\`.doc-card .headline dd\`
  with a digit) painted. The floor page uses the same markup, so the same probe times it. Since
  2026-11-24 the app's first figures come from its first paint (\`src/app/first-paint.ts\`: a 4 KB
  classic script in index.html draws the first page of cards from \`manifest.js\` before the app's
  module is compiled), so the row **app mounted** also gives the time until React has replaced
  them with the app's own cards (links, 加入对比, measures): the time to an interactive page.
- **first page loaded**: → the overview's first page shows its cards (min(documents, 24)) and no card
  says 明细加载中, i.e. their bundles are loaded and validated (app; bundles load on demand, only
  those on screen); the same 24 bundle scripts have run (floor, \`floor.html?bundles=1\`, same
  \`<script>\` insertion as \`src/data/load.ts\`).
- **view switch**: trusted click on the nav link (\`event.timeStamp\`) → the new view's \`<h2>\` and its
  first chart mark (bar shape, curve, symbol, sector or dot inside the chart \`<svg>\`) painted; for
  明细表 and 数据校验 (no chart) the first table body row. Views are visited in nav order, each from
  the previous one (总览 → 预算执行 → 同比变化 → 三公经费 → 绩效评价 → 明细表 → 数据校验), with nothing
  selected (the app's default: every document, at most the first 20). A view paints its first chart
  in its first render and the blocks below it one frame after another
  (\`src/components/deferred.tsx\`); the next click waits until no block is pending, then 150 ms.
  Since 2026-11-24 the app draws the comparison views it has not shown yet, hidden, in idle time
  after the data is ready, and keeps views drawn when the user leaves them
  (\`src/app/view-slots.tsx\`): the clicks start once all six are drawn (row **views drawn in idle
  time**), as for a user who reads the overview for a few seconds. **first visit** rows: the same
  clicks on \`index.html?prerender=0\`, where nothing is drawn ahead (what a click before the views
  are drawn costs).
- **selection change**: on 预算执行, trusted click on a unit checkbox in the comparison bar → the charts'
  signature (number of marks + axis/legend text) differs from before, painted. "all → 1" selects the
  first document (from showing all), "1 → 2" adds the second.
- **JS heap**: CDP \`HeapProfiler.collectGarbage\` then \`Runtime.getHeapUsage().usedSize\`, after the
  first page loaded on the overview, and again at the end of the run (after every view).
- **scrolling**: one bundle whose 公开03 is a generated 功能分类 tree (25 类 × 20 款 × 19 项 + 合计 =
  10,026 rows, parents are exact sums); 明细表 → (since the run of 2026-11-24 13:25 UTC: wait until the six
  comparison views are drawn ahead, as before the view switches) → 公开03 → 全部展开, then the table wrapper
  (\`.data-table-wrap\`) is scrolled top to bottom by setting \`scrollTop\` in a rAF loop over 300
  frames (about 1,100 px a frame: a scrollbar drag); a frame interval > 1.5 × 16.7 ms = 25 ms
  counts as dropped. Since 2026-11-24 also at a steady 100 px a frame from the top (6,000 px/s, a
  fast fling), 300 frames. 60 idle frames before it
  calibrate the headless compositor. Floor: the same rows as a plain \`<table>\`, every row in the
  DOM; since the run of 2026-11-24 16:03 UTC also **windowed** (\`floor.html?window=1\`: plain text cells, only
  the rows in view and one either side, rewritten on each scroll event by a few lines of script,
  spacer rows for the rest), the least a virtualised table does, at both speeds. Since then the
  probe's MutationObserver is disconnected before the scroll frames (app and floors alike): it
  made a record of every text and node the table wrote, which no user's page does.
- **floor** (\`tests/bench/floor/index.html\`): no framework; reads the same \`data/manifest.js\`, draws the
  same first page of headline figures as cards (24, as the app's overview) plus an inline SVG bar
  list of their 本年支出合计.
- Sizes: \`index.html\` (app with JS and CSS inlined, data excluded) raw and gzip -9; data = bundle
  scripts + \`manifest.js\`, gzip -6 per file. Source texts (\`data/sources/\`, only loaded by the 原文
  view) are not generated.
`;

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function traceTable(t: TraceSummary): string {
  return (
    table(
      ['renderer main thread, self time', 'ms'],
      t.self.map((r) => [r.name, r.ms.toFixed(0)]),
    ) +
    '\n\n' +
    table(
      ['EvaluateScript (inclusive) by script', 'ms'],
      t.evaluate.map((r) => [r.name, r.ms.toFixed(0)]),
    )
  );
}

function cpuTable(title: string, c: CpuSummary, n = 10): string {
  const esc = (s: string) => `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
  return (
    `${title} (${c.totalMs.toFixed(0)} ms sampled)\n\n` +
    table(
      ['self time', 'ms', 'inclusive (JS functions)', 'ms'],
      Array.from({ length: n }, (_, i) => [
        c.self[i] ? esc(c.self[i].name) : '',
        c.self[i] ? c.self[i].ms.toFixed(0) : '',
        c.inclusive[i] ? esc(c.inclusive[i].name) : '',
        c.inclusive[i] ? c.inclusive[i].ms.toFixed(0) : '',
      ]),
    )
  );
}

function report(r: {
  shipped: ReturnType<typeof shippedSizes>;
  results: SizeResult[];
  scroll: {
    app: (ScrollResult | null)[];
    fling?: (ScrollResult | null)[];
    floor: (ScrollResult | null)[];
    windowed?: (ScrollResult | null)[];
    windowedFling?: (ScrollResult | null)[];
    rows: number;
  } | null;
  chromiumVersion: string;
  reused: boolean;
}): string {
  const cpuModel = cpus()[0]?.model ?? 'unknown';
  let freeH = '';
  try {
    freeH = execFileSync('free', ['-h'], { encoding: 'utf8' }).split('\n')[1]?.trim() ?? '';
  } catch {
    freeH = `${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free`;
  }
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const by = (u: number) => r.results.find((x) => x.units === u);
  const coldOf = (x: SizeResult) => median(x.runs.map((y) => y.cold));
  const floorOf = (x: SizeResult) => median(x.floor.map((y) => y.cold));
  const ratio = (x: SizeResult) => {
    const a = coldOf(x);
    const f = floorOf(x);
    return a !== null && f !== null && f > 0 ? a / f : null;
  };
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16);
  const out: string[] = [];
  out.push(`## Run ${date} UTC`);
  out.push(
    `- Machine: ${nproc} cores (\`nproc\`), CPU ${cpuModel}, memory (\`free -h\`): \`${freeH}\`\n` +
      `- Browser: ${r.chromiumVersion}, headless, software rendering (\`--disable-gpu\`)\n` +
      `- Command: \`npm run bench\` (${RUNS} runs per size, ${BIG_RUNS} at 2,000 units; medians), whole run ${((Date.now() - started) / 60000).toFixed(1)} min${r.reused ? ' (this invocation: `--reuse-results`, sizes taken from the previous full run in the same work dir, only the table re-measured; the full run took 15.6 min)' : ''}`,
  );

  // Targets.
  const u5 = by(5);
  const u500 = by(500);
  const u2000 = by(2000);
  const scrollDropped = r.scroll ? median(r.scroll.app.map((s) => s?.dropped ?? null)) : null;
  const viewMed = (x: SizeResult, v: string) => median(x.runs.map((y) => y.views[v] ?? null));
  const worstView = u500 ? Math.max(...VIEWS.map((v) => viewMed(u500, v.view) ?? Infinity)) : null;
  const firstVisitMed = (x: SizeResult, v: string) =>
    median((x.firstVisits ?? []).map((y) => y.views[v] ?? null));
  const worstFirstVisit =
    u500 && (u500.firstVisits ?? []).length > 0
      ? Math.max(...VIEWS.map((v) => firstVisitMed(u500, v.view) ?? Infinity))
      : null;
  const sel500 = u500
    ? Math.max(
        median(u500.runs.map((y) => y.select1)) ?? Infinity,
        median(u500.runs.map((y) => y.select2)) ?? Infinity,
      )
    : null;
  const heap500 = u500 ? median(u500.runs.map((y) => y.heapLoaded)) : null;
  const works2000 = u2000
    ? u2000.runs.some(
        (y) =>
          y.cold !== null &&
          y.loaded !== null &&
          y.errorCards === 0 &&
          VIEWS.every((v) => y.views[v.view] !== null) &&
          y.select1 !== null,
      )
    : null;
  const fmtMax = (x: number | null) =>
    x === null ? 'n/a' : Number.isFinite(x) ? ms(x) : 'timeout';
  out.push('### Targets');
  out.push(
    table(
      ['target', 'measured', 'result'],
      [
        [
          'shipped JS+CSS (index.html, no data) ≤ 250 KB gzip',
          `${kb(r.shipped.gzip)} gzip (${kb(r.shipped.raw)} raw)`,
          pf(r.shipped.gzip <= 250 * 1024),
        ],
        [
          'cold start ≤ 2× floor at 5 units',
          u5
            ? `${ms(coldOf(u5))} vs floor ${ms(floorOf(u5))} = ${ratio(u5)?.toFixed(2) ?? 'n/a'}×`
            : 'not run',
          pf(u5 ? (ratio(u5) ?? Infinity) <= 2 : null),
        ],
        [
          'cold start ≤ 1 s at 500 units',
          u500 ? ms(coldOf(u500)) : 'not run',
          pf(u500 ? (coldOf(u500) ?? Infinity) <= 1000 : null),
        ],
        [
          'view switch ≤ 100 ms at 500 units (slowest view, median; views drawn ahead in idle time)',
          u500 ? fmtMax(worstView) : 'not run',
          pf(worstView === null ? null : worstView <= 100),
        ],
        [
          '… the same on a first visit (`?prerender=0`: nothing drawn ahead; not the target, for the record)',
          u500 ? fmtMax(worstFirstVisit) : 'not run',
          pf(worstFirstVisit === null ? null : worstFirstVisit <= 100),
        ],
        [
          'selection change ≤ 100 ms at 500 units (slower of all→1, 1→2)',
          u500 ? fmtMax(sel500) : 'not run',
          pf(sel500 === null ? null : sel500 <= 100),
        ],
        [
          `${r.scroll?.rows ?? 10000}-row table scrolls without dropped frames (top to bottom in 300 frames)`,
          r.scroll
            ? `${scrollDropped ?? 'n/a'} of ${r.scroll.app[0]?.frames ?? 300} measured frames dropped (median); at ${SCROLL_FLING_PX} px a frame ${median((r.scroll.fling ?? []).map((s) => s?.dropped ?? null)) ?? 'n/a'}${r.scroll.windowed ? `; the windowed floor: ${median(r.scroll.windowed.map((s) => s?.dropped ?? null)) ?? 'n/a'} and ${median((r.scroll.windowedFling ?? []).map((s) => s?.dropped ?? null)) ?? 'n/a'}` : ''}`
            : 'not run',
          pf(scrollDropped === null ? (r.scroll ? false : null) : scrollDropped === 0),
        ],
        [
          'JS heap ≤ 150 MB at 500 units (after load, after GC)',
          u500 ? mb(heap500) : 'not run',
          pf(heap500 === null ? (u500 ? false : null) : heap500 <= 150 * 1024 * 1024),
        ],
        [
          'opens and works at 2,000 units',
          u2000
            ? `cold ${ms(coldOf(u2000))}, first page ${ms(median(u2000.runs.map((y) => y.loaded)))}, heap ${mb(median(u2000.runs.map((y) => y.heapLoaded)))}`
            : 'not run',
          pf(works2000),
        ],
      ],
    ),
  );

  out.push('### Results (medians)');
  const cols = r.results.map((x) => `${x.units} units (${x.data.bundles} docs)`);
  const row = (name: string, f: (x: SizeResult) => string) => [name, ...r.results.map(f)];
  out.push(
    table(
      ['measure', ...cols],
      [
        row('runs', (x) => String(x.runs.length)),
        row('cold start (app)', (x) => cell(x.runs.map((y) => y.cold))),
        row('cold start (floor)', (x) => cell(x.floor.map((y) => y.cold))),
        row('cold start ratio app / floor', (x) => `${ratio(x)?.toFixed(2) ?? 'n/a'}×`),
        row('app mounted (its own first card painted)', (x) => cell(x.runs.map((y) => y.app))),
        row('first page loaded (app)', (x) => cell(x.runs.map((y) => y.loaded))),
        row('first page loaded (floor, scripts only)', (x) => cell(x.floor.map((y) => y.loaded))),
        ...VIEWS.map((v) =>
          row(`view switch → #/${v.view}`, (x) => cell(x.runs.map((y) => y.views[v.view] ?? null))),
        ),
        row('views drawn in idle time (navigation → all 6 drawn, hidden)', (x) =>
          cell(x.runs.map((y) => y.viewsDrawn)),
        ),
        ...VIEWS.map((v) =>
          row(`first visit (\`?prerender=0\`) → #/${v.view}`, (x) =>
            cell((x.firstVisits ?? []).map((y) => y.views[v.view] ?? null)),
          ),
        ),
        row('selection all → 1 (#/execution)', (x) => cell(x.runs.map((y) => y.select1))),
        row('selection 1 → 2 (#/execution)', (x) => cell(x.runs.map((y) => y.select2))),
        row('JS heap after load (app)', (x) => mb(median(x.runs.map((y) => y.heapLoaded)))),
        row('JS heap after all views (app)', (x) => mb(median(x.runs.map((y) => y.heapEnd)))),
        row('JS heap, floor cards only', (x) => mb(median(x.floor.map((y) => y.heapCards)))),
        row('JS heap, floor + first-page bundles', (x) =>
          mb(median(x.floor.map((y) => y.heapLoaded))),
        ),
        row('heap ratio app / floor+bundles', (x) => {
          const a = median(x.runs.map((y) => y.heapLoaded));
          const f = median(x.floor.map((y) => y.heapLoaded));
          return a !== null && f ? `${(a / f).toFixed(2)}×` : 'n/a';
        }),
        row(
          'cards rendered / with error',
          (x) => `${x.runs[0]?.cardCount ?? 0} / ${x.runs[0]?.errorCards ?? 0}`,
        ),
        row('data raw (gzip)', (x) => `${mb(x.data.rawBytes)} (${mb(x.data.gzipBytes)})`),
        row(
          'data per unit raw (gzip)',
          (x) => `${kb(x.data.rawBytes / x.units)} (${kb(x.data.gzipBytes / x.units)})`,
        ),
        row('manifest.js', (x) => kb(x.data.manifestBytes)),
        row('generation + validation', (x) => `${(x.genMs / 1000).toFixed(1)} s`),
      ],
    ),
  );
  const errs = r.results.flatMap((x) =>
    x.runs.flatMap((y, i) =>
      y.errors.slice(0, 3).map((e) => `${x.units} units run ${i + 1}: ${e}`),
    ),
  );
  if (errs.length)
    out.push(
      `Errors seen:\n\n${errs
        .slice(0, 12)
        .map((e) => `- \`${e.slice(0, 200)}\``)
        .join('\n')}`,
    );

  out.push(
    `Shipped: \`index.html\` ${kb(r.shipped.raw)} raw / ${kb(r.shipped.gzip)} gzip; inline JS ${kb(r.shipped.jsRaw)} / ${kb(r.shipped.jsGzip)}, inline CSS ${kb(r.shipped.cssRaw)} / ${kb(r.shipped.cssGzip)}. Real data for comparison: ${realDataLine()}.`,
  );

  if (r.scroll) {
    const s = r.scroll;
    const med = (xs: (ScrollResult | null)[], f: (x: ScrollResult) => number) =>
      median(xs.map((x) => (x ? f(x) : null)));
    out.push(`### Scrolling the ${s.rows}-row 公开03 (${s.app.length} runs, medians)`);
    const win = s.windowed ?? [];
    const winFling = s.windowedFling ?? [];
    const count = (xs: (ScrollResult | null)[], f: (x: ScrollResult) => number) =>
      xs.length ? String(med(xs, f) ?? 'n/a') : 'not measured';
    const intervals = (xs: (ScrollResult | null)[]) =>
      xs.length
        ? `${med(xs, (x) => x.p95Ms)?.toFixed(1) ?? 'n/a'} / ${med(xs, (x) => x.worstMs)?.toFixed(1) ?? 'n/a'} ms`
        : 'not measured';
    const wall = (xs: (ScrollResult | null)[]) =>
      xs.length
        ? `${med(xs, (x) => x.frames) ?? 'n/a'} in ${ms(med(xs, (x) => x.scrollMs))}${xs.some((x) => x?.partial) ? ' (stopped at the 60 s limit)' : ''}`
        : 'not measured';
    out.push(
      table(
        [
          '',
          'app (明细表, 全部展开)',
          'floor (plain table, every row)',
          'floor, windowed (rows in view only)',
        ],
        [
          [
            'time to the expanded table painted',
            `${ms(med(s.app, (x) => x.render ?? NaN))} (click 全部展开 → every row counted, first rows painted)`,
            `${ms(med(s.floor, (x) => x.render ?? NaN))} (goto → rows, wall clock)`,
            win.length ? `${ms(med(win, (x) => x.render ?? NaN))} (goto → rows)` : 'not measured',
          ],
          [
            'rows in the DOM',
            count(s.app, (x) => x.rows),
            count(s.floor, (x) => x.rows),
            count(win, (x) => x.rows),
          ],
          [
            'dropped frames while scrolling (of 300)',
            count(s.app, (x) => x.dropped),
            count(s.floor, (x) => x.dropped),
            count(win, (x) => x.dropped),
          ],
          [
            `dropped frames at ${SCROLL_FLING_PX} px a frame (${SCROLL_FLING_PX * 60} px/s, a fast fling; of 300)`,
            count(s.fling ?? [], (x) => x.dropped),
            'not measured',
            count(winFling, (x) => x.dropped),
          ],
          ['p95 / worst frame interval', intervals(s.app), intervals(s.floor), intervals(win)],
          ['scroll frames measured / wall time', wall(s.app), wall(s.floor), wall(win)],
          [
            'dropped idle frames (of 59, calibration)',
            count(s.app, (x) => x.idleDropped),
            count(s.floor, (x) => x.idleDropped),
            count(win, (x) => x.idleDropped),
          ],
          [
            'failed runs',
            String(s.app.filter((x) => x === null).length),
            String(s.floor.filter((x) => x === null).length),
            String(win.filter((x) => x === null).length),
          ],
        ],
      ),
    );
  }

  const profiled = r.results.filter((x) => x.profile);
  if (profiled.length) {
    out.push('### Profile (raw)');
    out.push(
      'One extra run per size on an unminified build of the same sources (`vite build --minify false`), so names are readable; absolute times are a little higher than the minified build. Trace: `browser.startTracing` (devtools.timeline, v8.execute), navigation → first page loaded. CPU: CDP `Profiler` at 0.5 ms sampling.',
    );
    for (const x of profiled) {
      const p = x.profile;
      if (!p) continue;
      out.push(`#### ${x.units} units`);
      if (p.notes.length) out.push(p.notes.map((n) => `- ${n}`).join('\n'));
      if (p.coldTrace)
        out.push(
          `Cold start → first page loaded, trace (${p.coldTrace.wallMs.toFixed(0)} ms on the main thread's timeline)\n\n${traceTable(p.coldTrace)}`,
        );
      if (p.coldCpu) out.push(cpuTable('Cold start → first page loaded, CPU profile', p.coldCpu));
      if (p.switchCpu) out.push(cpuTable('View switch 总览 → 预算执行, CPU profile', p.switchCpu));
      if (p.selectCpu)
        out.push(cpuTable('Selection change all → 1 on 预算执行, CPU profile', p.selectCpu));
    }
  }
  return out.join('\n\n') + '\n';
}

function realDataLine(): string {
  const dir = join(ROOT, 'public', 'data');
  const files = ['manifest.js', ...readFileSyncList(dir)];
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const s = sizes(readFileSync(join(dir, f)));
    raw += s.raw;
    gz += s.gzip;
  }
  return `public/data's 5 bundle scripts + manifest.js = ${kb(raw)} raw / ${kb(gz)} gzip (${kb(raw / 5)} / ${kb(gz / 5)} per document)`;
}
function readFileSyncList(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    bundles: { script: string }[];
  };
  return manifest.bundles.map((b) => b.script);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
