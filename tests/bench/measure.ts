/**
 * Measurements in headless Debian Chromium from file://. Every run uses a fresh
 * browser context; every wait has a timeout, so a hung measurement becomes `null`, never a hang.
 *
 * Timing is taken inside the page: a probe injected with `page.addInitScript` watches the DOM
 * (MutationObserver) for a condition; when it first holds, it records `performance.now()` (dom)
 * and then, after the next animation frame has been produced (rAF → MessageChannel task), records
 * `paint`. All figures below are `paint` times:
 *   cold start   navigation start (performance.timeOrigin) → first .doc-card headline <dd> with a
 *                digit painted (app and floor use the same markup);
 *   page loaded  → the overview's first page has its cards (min(documents, OVERVIEW_PAGE_SIZE))
 *                and no card says 明细加载中 (app: their bundles loaded and validated), or the
 *                bundle scripts of the same first page have run (floor ?bundles=1);
 *   view switch  trusted click on the nav link (event.timeStamp) → the new view's <h2> and its
 *                first chart mark painted (a bar shape, curve, symbol, sector or dot inside the chart <svg>),
 *                or for views without a chart (明细表, 数据校验) its first table body row;
 *   selection    trusted click on a unit checkbox → the charts' signature (mark count + axis and
 *                legend text) differs from before the click, painted.
 */
import { chromium } from 'playwright-core';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { OVERVIEW_PAGE_SIZE } from '@/features/overview/overview-page';
import { CHROMIUM_ARGS } from '../e2e/chromium';

/** The browser tests' flags, plus exact heap figures. */
export const BENCH_CHROMIUM_ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];

export function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: BENCH_CHROMIUM_ARGS,
    headless: true,
    timeout: 60_000,
  });
}

/** Runs in the page before any of its scripts. Plain JS (a string): no transpiler helpers. */
const PROBE = String.raw`(() => {
  const B = (window.__bench = { marks: {}, pending: [], lastClick: null, errors: [] });
  // Drawn marks: a bar's shape (also custom shapes inside .recharts-bar-rectangle), lines, dots.
  const MARK_SEL =
    '.recharts-wrapper > svg :is(.recharts-bar-rectangle :is(rect, path), .recharts-rectangle, ' +
    '.recharts-curve, .recharts-symbols, .recharts-sector, .recharts-dot)';
  // Only what is shown: a view or chart that has just left stays in the DOM, not drawn, until it
  // unmounts (src/components/linger.tsx).
  const shown = (el) => !el.closest('[hidden], [data-leaving], [data-parked]');
  // Search the view on screen only: the views kept drawn but hidden (src/app/view-slots.tsx) hold
  // thousands of marks, and scanning them at every DOM change would slow the page being measured.
  const roots = () => {
    const slots = [...document.querySelectorAll('main > .view-slot')].filter(shown);
    return slots.length > 0 ? slots : [document];
  };
  const all = (sel) => roots().flatMap((r) => [...r.querySelectorAll(sel)]).filter(shown);
  const marks = () => all(MARK_SEL);
  B.signature = () => {
    const ws = all('.recharts-wrapper');
    return marks().length + '|' + ws.map((w) => w.textContent).join('|');
  };
  const headingIs = (text) =>
    [...document.querySelectorAll('h2')].some((h) => shown(h) && h.textContent.trim() === text);
  B.preds = {
    // The first figure on screen: the first paint's (src/app/first-paint.ts) or the app's.
    cards: () => {
      const dd = document.querySelector('.doc-card .headline dd');
      return !!dd && /\d/.test(dd.textContent);
    },
    // The app's own cards: React has mounted and replaced the first paint.
    appCards: () => {
      const dd = document.querySelector('.app:not([data-first-paint]) .doc-card .headline dd');
      return !!dd && /\d/.test(dd.textContent);
    },
    allLoaded: () => {
      if (document.documentElement?.hasAttribute('data-all-loaded')) return true;
      const m = window.__BUDGET_MANIFEST__;
      if (!m || !Array.isArray(m.bundles) || !document.querySelector('.app:not([data-first-paint])'))
        return false;
      return (
        document.querySelectorAll('.doc-card').length >= Math.min(m.bundles.length, ${OVERVIEW_PAGE_SIZE}) &&
        !document.querySelector('.bundle-status')
      );
    },
    chart: (heading) => headingIs(heading) && marks().length > 0,
    table: (heading) => headingIs(heading) && all('table tbody tr').length > 0,
    changed: (before) => marks().length > 0 && B.signature() !== before,
    // A virtualised table has a window of rows in the DOM and its length in aria-rowcount.
    rows: (n) => {
      const t = document.querySelector('.tables-panel table');
      if (!t) return false;
      const total = Number(t.getAttribute('aria-rowcount')) || t.querySelectorAll('tbody tr').length;
      return total >= n;
    },
  };
  const check = () => {
    if (B.pending.length === 0) return;
    for (const p of [...B.pending]) {
      let ok = false;
      try {
        ok = B.preds[p.pred](...p.args);
      } catch (e) {
        B.errors.push(String(e));
      }
      if (!ok) continue;
      B.pending.splice(B.pending.indexOf(p), 1);
      const m = (B.marks[p.name] = { dom: performance.now(), paint: null, start: p.start() });
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => (m.paint = performance.now());
        ch.port2.postMessage(0);
      });
    }
  };
  B.check = check;
  // start: 0 = navigation start; 'click' = timeStamp of the next trusted click.
  B.arm = (name, pred, args, from) => {
    delete B.marks[name];
    B.lastClick = null;
    B.pending.push({ name, pred, args: args || [], start: () => (from === 'click' ? B.lastClick : 0) });
    check();
  };
  addEventListener('click', (e) => { if (e.isTrusted) B.lastClick = e.timeStamp; }, true);
  const observer = new MutationObserver(check);
  observer.observe(document, {
    subtree: true, childList: true, characterData: true, attributes: true,
    attributeFilter: ['data-all-loaded', 'data-parked', 'data-leaving', 'd', 'x', 'y', 'width', 'height', 'class', 'points', 'cx', 'cy'],
  });
  // Before a measurement that marks nothing (scrolling): a user's page has no observer making a
  // record of every text and node the table writes, and no predicates run after each batch.
  B.stop = () => {
    observer.disconnect();
    B.pending.length = 0;
  };
  B.arm('cold', 'cards');
  B.arm('app', 'appCards');
  B.arm('loaded', 'allLoaded');
})();`;

export interface Mark {
  dom: number;
  paint: number | null;
  start: number | null;
}

/** Duration of a mark (paint − start) in ms, or null when it never came. */
async function waitMark(page: Page, name: string, timeout: number): Promise<number | null> {
  try {
    await page.waitForFunction(
      (n) => {
        const w = window as unknown as { __bench?: { marks: Record<string, Mark> } };
        return w.__bench?.marks[n]?.paint != null;
      },
      name,
      { timeout, polling: 50 },
    );
  } catch {
    return null;
  }
  const m = await withTimeout(
    page.evaluate(
      (n) => (window as unknown as { __bench: { marks: Record<string, Mark> } }).__bench.marks[n],
      name,
    ),
    timeout,
  );
  if (!m || m.paint === null || m.start === null) return null;
  return m.paint - m.start;
}

export async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<null>((r) => (timer = setTimeout(() => r(null), ms)));
  try {
    return await Promise.race([p.catch(() => null), t]);
  } finally {
    clearTimeout(timer);
  }
}

async function arm(page: Page, name: string, pred: string, args: unknown[], from?: 'click') {
  await page.evaluate(
    ([n, p, a, f]) =>
      (
        window as unknown as {
          __bench: { arm: (n: string, p: string, a: unknown[], f?: string) => void };
        }
      ).__bench.arm(n, p, a, f),
    [name, pred, args, from] as const,
  );
}

/**
 * The view has finished rendering: no block is still waiting its turn (src/components/deferred.tsx
 * renders the blocks below a view's first chart one frame after another), then 150 ms quiet.
 */
async function settled(page: Page, timeout: number): Promise<void> {
  await page
    .waitForFunction(() => !document.querySelector('.deferred-placeholder'), null, {
      timeout,
      polling: 50,
    })
    .catch(() => undefined);
  await page.waitForTimeout(150);
}

export async function heapAfterGc(cdp: CDPSession): Promise<{ used: number; total: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const u = await cdp.send('Runtime.getHeapUsage');
  return { used: u.usedSize, total: u.totalSize };
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
  });
  // Offline like the e2e tests: only file:, data:, blob: requests.
  await context.route(
    (url) => !/^(file|data|blob):/.test(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript(PROBE);
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, errors };
}

export const VIEWS = [
  { view: 'execution', label: '预算执行', heading: '预算执行', kind: 'chart' },
  { view: 'yoy', label: '同比变化', heading: '同比变化', kind: 'chart' },
  { view: 'sangong', label: '三公经费', heading: '三公经费', kind: 'chart' },
  { view: 'performance', label: '绩效评价', heading: '绩效评价', kind: 'chart' },
  { view: 'tables', label: '明细表', heading: '明细表', kind: 'table' },
  { view: 'checks', label: '数据校验', heading: '数据校验', kind: 'table' },
] as const;

export interface AppRun {
  cold: number | null;
  /** Navigation → the app's own first card painted (React mounted; cold may be the first paint). */
  app: number | null;
  loaded: number | null;
  heapLoaded: number | null;
  views: Record<string, number | null>;
  select1: number | null;
  select2: number | null;
  heapEnd: number | null;
  /**
   * Navigation → every comparison view drawn in idle time (src/app/view-slots.tsx), hidden, with
   * no block pending: the clicks start after this. Null with `prerender: false` or on timeout.
   */
  viewsDrawn: number | null;
  cardCount: number;
  errorCards: number;
  errors: string[];
}

export interface Timeouts {
  cold: number;
  loaded: number;
  step: number;
}

/** The overview and the six comparison views, each in a `.view-slot` (src/app/view-slots.tsx). */
const KEPT_VIEW_COUNT = 7;

/**
 * Waits until `count` views are drawn (kept in `.view-slot`s, none with a block still to draw);
 * resolves to the page's `performance.now()` then.
 */
async function viewsDrawn(page: Page, count: number, timeout: number): Promise<number> {
  const handle = await page.waitForFunction(
    (n) =>
      document.querySelectorAll('main > .view-slot').length >= n &&
      !document.querySelector('.deferred-placeholder')
        ? performance.now()
        : false,
    count,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * One fresh-context run of the app: cold start, every view switch, two selection changes.
 * `prerender: false` opens `index.html?prerender=0`: no view is drawn before it is opened, so each
 * switch measures a first visit. Otherwise the clicks wait until the views are drawn in idle time
 * (what a user who looks at the overview for a few seconds gets).
 */
export async function runApp(
  browser: Browser,
  indexUrl: string,
  t: Timeouts,
  onScreenshot?: (page: Page) => Promise<void>,
  { prerender = true }: { prerender?: boolean } = {},
): Promise<AppRun> {
  const { context, page, cdp, errors } = await freshPage(browser);
  const run: AppRun = {
    cold: null,
    app: null,
    loaded: null,
    heapLoaded: null,
    views: {},
    select1: null,
    select2: null,
    heapEnd: null,
    viewsDrawn: null,
    cardCount: 0,
    errorCards: 0,
    errors,
  };
  try {
    await page.goto(`${indexUrl}${prerender ? '' : '?prerender=0'}#/overview`, {
      waitUntil: 'commit',
      timeout: t.cold,
    });
    run.cold = await waitMark(page, 'cold', t.cold);
    run.app = await waitMark(page, 'app', t.cold);
    run.loaded = await waitMark(page, 'loaded', t.loaded);
    if (run.loaded === null) {
      // The main thread may be stuck: try the heap (inspector interrupts JS), skip the rest.
      run.heapLoaded = await withTimeout(
        cdp.send('Runtime.getHeapUsage').then((u) => u.usedSize),
        10_000,
      );
      errors.push(
        `bench: data not loaded within ${t.loaded / 1000} s (cold ${run.cold === null ? 'timeout' : 'ok'}); views and selection not measured, heap without GC`,
      );
      return run;
    }
    run.cardCount = await page.locator('.doc-card').count();
    run.errorCards = await page.locator('.bundle-error').count();
    await page.waitForTimeout(300);
    run.heapLoaded = (await heapAfterGc(cdp)).used;
    if (onScreenshot) await onScreenshot(page);
    if (prerender) {
      run.viewsDrawn = await viewsDrawn(page, KEPT_VIEW_COUNT, t.step).catch(() => null);
      if (run.viewsDrawn === null) errors.push('bench: the views were not drawn in idle time');
      await page.waitForTimeout(150);
    }
    for (const v of VIEWS) {
      const name = `view-${v.view}`;
      await arm(page, name, v.kind, [v.heading], 'click');
      await page
        .locator('nav[aria-label="主导航"] a', { hasText: v.label })
        .click({ timeout: t.step });
      run.views[v.view] = await waitMark(page, name, t.step);
      if (run.views[v.view] === null) continue;
      await settled(page, t.step);
    }
    // Selection: on 预算执行, toggle the first unit (all → 1), then the second (1 → 2).
    await page.locator('nav[aria-label="主导航"] a', { hasText: '预算执行' }).click();
    await page.locator('.recharts-wrapper').first().waitFor({ timeout: t.step });
    await settled(page, t.step);
    const boxes = page.locator('.comparison-bar .unit-picker input[type=checkbox]');
    for (const [i, key] of [
      [0, 'select1'],
      [1, 'select2'],
    ] as const) {
      const sig = await page.evaluate(() =>
        (window as unknown as { __bench: { signature: () => string } }).__bench.signature(),
      );
      await arm(page, key, 'changed', [sig], 'click');
      await boxes.nth(i).click({ timeout: t.step });
      run[key] = await waitMark(page, key, t.step);
      await settled(page, t.step);
    }
    run.heapEnd = (await heapAfterGc(cdp)).used;
  } catch (e) {
    errors.push(`bench: ${String(e).split('\n')[0]}`);
  } finally {
    await withTimeout(context.close(), 30_000);
  }
  return run;
}

export interface FloorRun {
  cold: number | null;
  loaded: number | null;
  heapCards: number | null;
  heapLoaded: number | null;
}

/** The floor page: cold start (cards) and, with ?bundles=1, all bundle scripts loaded. */
export async function runFloor(browser: Browser, floorUrl: string, t: Timeouts): Promise<FloorRun> {
  const out: FloorRun = { cold: null, loaded: null, heapCards: null, heapLoaded: null };
  {
    const { context, page, cdp } = await freshPage(browser);
    try {
      await page.goto(floorUrl, { waitUntil: 'commit', timeout: t.cold });
      out.cold = await waitMark(page, 'cold', t.cold);
      await page.waitForTimeout(200);
      out.heapCards = (await heapAfterGc(cdp)).used;
    } finally {
      await context.close().catch(() => undefined);
    }
  }
  {
    const { context, page, cdp } = await freshPage(browser);
    try {
      await page.goto(`${floorUrl}?bundles=1`, { waitUntil: 'commit', timeout: t.cold });
      out.loaded = await waitMark(page, 'loaded', t.loaded);
      await page.waitForTimeout(200);
      if (out.loaded !== null) out.heapLoaded = (await heapAfterGc(cdp)).used;
    } finally {
      await context.close().catch(() => undefined);
    }
  }
  return out;
}

export interface ScrollResult {
  /** Time to the expanded table (app: click 全部展开 → aria-rowcount or rows ≥ 10,026, painted; floor: cold). */
  render: number | null;
  rows: number;
  frames: number;
  dropped: number;
  worstMs: number;
  p95Ms: number;
  idleDropped: number;
  /** The scroll did not finish its frames within the step timeout (figures cover what ran). */
  partial: boolean;
  /** Wall time of the measured scroll frames. */
  scrollMs: number;
}

// A string, not a function: tsx (esbuild keepNames) would inject a `__name` helper the page lacks.
const SCROLL = String.raw`(n, limit, px) =>
  new Promise((resolve, reject) => {
    const wrap = document.querySelector('.tables-panel .data-table-wrap');
    if (!wrap) return reject(new Error('no .tables-panel .data-table-wrap'));
    // Past the limit: stop and report the frames measured so far (partial: true).
    const timer = setTimeout(() => { i = n + 1; resolve({ intervals, idle, partial: true }); }, limit);
    const idle = [];
    const intervals = [];
    let last = 0;
    let i = 0;
    const max = wrap.scrollHeight - wrap.clientHeight;
    // 60 idle frames first (calibration: does headless drop frames doing nothing?).
    const step = (ts) => {
      if (last) intervals.push(ts - last);
      last = ts;
      // px > 0: a steady scroll of px a frame from the top; otherwise top to bottom in n frames.
      wrap.scrollTop = px > 0 ? Math.min(max, px * i) : Math.round((max * i) / n);
      i++;
      if (i <= n) requestAnimationFrame(step);
      else if (i === n + 1) {
        clearTimeout(timer);
        resolve({ intervals, idle, partial: false });
      }
    };
    const idleStep = (ts) => {
      if (last) idle.push(ts - last);
      last = ts;
      if (idle.length < 60) requestAnimationFrame(idleStep);
      else {
        last = 0;
        requestAnimationFrame(step);
      }
    };
    requestAnimationFrame(idleStep);
  })`;

/**
 * rAF-driven scroll of the table wrapper: `frames` frames, top to bottom (or `px` a frame from the
 * top when given); counts intervals > 25 ms.
 */
async function scrollFrames(page: Page, frames: number, timeout: number, px = 0) {
  // The probe's marks are all taken by now: its observer goes (B.stop, in PROBE).
  await page.evaluate('window.__bench.stop()');
  return page.evaluate(`(${SCROLL})(${frames}, ${timeout}, ${px})`) as Promise<{
    intervals: number[];
    idle: number[];
    partial: boolean;
  }>;
}

function frameStats(r: { intervals: number[]; idle: number[]; partial: boolean }) {
  const sorted = [...r.intervals].sort((a, b) => a - b);
  const limit = 1.5 * (1000 / 60);
  return {
    frames: r.intervals.length,
    dropped: r.intervals.filter((x) => x > limit).length,
    worstMs: sorted[sorted.length - 1] ?? 0,
    p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
    idleDropped: r.idle.filter((x) => x > limit).length,
    partial: r.partial,
    scrollMs: r.intervals.reduce((a, b) => a + b, 0),
  };
}

export async function runScrollApp(
  browser: Browser,
  indexUrl: string,
  minRows: number,
  t: Timeouts,
  frames = 300,
  px = 0,
): Promise<ScrollResult | null> {
  const { context, page } = await freshPage(browser);
  try {
    await page.goto(`${indexUrl}#/tables`, { waitUntil: 'commit', timeout: t.cold });
    await page.locator('.tables-panel table tbody tr').first().waitFor({ timeout: t.loaded });
    // As for the view switches: the six comparison views are drawn ahead in idle time first
    // (opened at #/tables, the overview is not), so none of that one-off start-up work lands in
    // the measured frames (committing a drawn view is one task of up to ~50 ms that nothing can
    // interrupt; README, "Views are drawn before they are opened").
    await viewsDrawn(page, KEPT_VIEW_COUNT - 1, t.step);
    await page.getByRole('tab', { name: /公开03/ }).click({ timeout: t.step });
    await page.getByRole('button', { name: '全部展开' }).waitFor({ timeout: t.step });
    await arm(page, 'expand', 'rows', [minRows], 'click');
    await page.getByRole('button', { name: '全部展开' }).click({ timeout: t.step });
    const render = await waitMark(page, 'expand', t.step);
    const rows = await page.locator('.tables-panel tbody tr').count();
    await page.waitForTimeout(300);
    const s = frameStats(await scrollFrames(page, frames, t.step, px));
    return { render, rows, ...s };
  } catch (e) {
    if (process.env.BENCH_DEBUG)
      console.log('[scroll]', String(e).split('\n').slice(0, 3).join(' '));
    return null;
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * The floor's table: every row in a plain <table>, or (`windowed`) the rows in view only, written
 * into the same <tr>s on each scroll event by a few lines of script (floor.html?window=1).
 */
export async function runScrollFloor(
  browser: Browser,
  floorUrl: string,
  tableId: string,
  t: Timeouts,
  frames = 300,
  px = 0,
  windowed = false,
): Promise<ScrollResult | null> {
  const { context, page } = await freshPage(browser);
  try {
    const start = Date.now();
    const url = `${floorUrl}?table=${tableId}${windowed ? '&window=1' : ''}`;
    await page.goto(url, { waitUntil: 'commit', timeout: t.cold });
    await page
      .locator('.tables-panel tbody tr:not(.virtual-spacer)')
      .first()
      .waitFor({ timeout: t.loaded });
    const render = Date.now() - start;
    const rows = await page.locator('.tables-panel tbody tr').count();
    await page.waitForTimeout(300);
    const s = frameStats(await scrollFrames(page, frames, t.step, px));
    return { render, rows, ...s };
  } catch (e) {
    if (process.env.BENCH_DEBUG)
      console.log('[scroll]', String(e).split('\n').slice(0, 3).join(' '));
    return null;
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** One page for profiling: navigates with a hook before and after (tracing or CPU profile). */
export async function profiledPage(browser: Browser) {
  return freshPage(browser);
}
export { waitMark, arm };
