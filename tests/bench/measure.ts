/**
 * Measurements in headless Debian Chromium from file://. Every run uses a fresh browser context;
 * every wait has a timeout, so a hung measurement becomes `null`, never a hang.
 *
 * Timing is taken inside the page by a probe injected with `page.addInitScript` (the same probe on
 * the app and the floor pages). A MutationObserver checks a condition; when it first holds, the
 * probe asks for an animation frame (the frame that will paint the change) and, from its callback,
 * for the next one: `performance.now()` in that second callback is the start of the frame after
 * the one that painted the target, if the target is still there then (else the probe waits for it
 * again). A time on screen is that moment, but never earlier than First Contentful Paint: while a
 * page loads, Chromium runs animation frames without committing them to the screen (commits are
 * deferred until the first contentful paint), so before FCP a frame's callbacks say nothing about
 * what is visible, and a target taken before FCP must still be there when FCP comes.
 *   figures     navigation start → every card of the overview's first page (min(documents, 24))
 *               shows a headline figure (`.doc-card .headline dd` with a digit), on screen;
 *   loaded      → those cards' bundles are loaded and validated (no card says 明细加载中);
 *   chart       → the first chart mark (a bar shape, curve, symbol, sector or dot inside the chart
 *               <svg>; on the floor its SVG bar) on screen, under a heading when one is named;
 *   button      → an enabled button with the given text on screen (the 演示 slide's 开始演示);
 *   view switch trusted click on the nav link (event.timeStamp) → the new view's <h2> and its
 *               first chart mark on screen, or for views without a chart its first table body row;
 *   selection   trusted click on a unit checkbox → the charts' signature (mark count + axis and
 *               legend text) differs from before the click, on screen.
 * FCP and LCP are the browser's own paint timing entries (PerformanceObserver, buffered).
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

/**
 * Runs in the page before any of its scripts, called with the marks to arm at navigation start.
 * Plain JS (a string): no transpiler helpers.
 */
const PROBE = String.raw`(armed) => {
  const B = (window.__bench = { marks: {}, pending: [], lastClick: null, errors: [], fcp: null, lcp: null, assets: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') B.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) B.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  // Only what is shown: a view that has just left may stay in the DOM, hidden, until it unmounts.
  const SHOWN = ':not([hidden] *, [data-leaving] *, [data-parked] *)';
  // Drawn marks: a bar's shape (also custom shapes inside .recharts-bar-rectangle), lines, dots;
  // the floor's bars.
  const MARK =
    ':is(.recharts-wrapper > svg, svg.floor-chart) :is(.recharts-bar-rectangle :is(rect, path), ' +
    '.recharts-rectangle, .recharts-curve, .recharts-symbols, .recharts-sector, .recharts-dot, .floor-bar)' +
    SHOWN;
  const marks = (scope) => document.querySelectorAll(scope + ' ' + MARK);
  B.signature = () =>
    marks('main').length + '|' +
    [...document.querySelectorAll('main .recharts-wrapper' + SHOWN)].map((w) => w.textContent).join('|');
  const headingIs = (text) =>
    [...document.querySelectorAll('h2' + SHOWN)].some((h) => h.textContent.trim() === text);
  B.preds = {
    figures: () => {
      const m = window.__BUDGET_MANIFEST__;
      if (!m || !Array.isArray(m.bundles)) return false;
      const shown = [...document.querySelectorAll('.doc-card' + SHOWN)].filter((card) =>
        [...card.querySelectorAll('.headline dd')].some((dd) => /\d/.test(dd.textContent)),
      );
      return shown.length >= Math.min(m.bundles.length, ${OVERVIEW_PAGE_SIZE});
    },
    // The app's own cards (not a static first paint) with no bundle still loading.
    loaded: () => B.preds.figures() && !document.querySelector('[data-first-paint], .bundle-status'),
    chart: (scope, heading) => (!heading || headingIs(heading)) && !!document.querySelector(scope + ' ' + MARK),
    table: (heading) => headingIs(heading) && !!document.querySelector('main tbody tr' + SHOWN),
    changed: (before) => marks('main').length > 0 && B.signature() !== before,
    // An enabled button with this text, shown.
    button: (text) =>
      [...document.querySelectorAll('button' + SHOWN)].some((b) => !b.disabled && b.textContent.trim() === text),
    // A virtualised table has a window of rows in the DOM and its length in aria-rowcount.
    rows: (n) => {
      const t = document.querySelector('.tables-panel table');
      if (!t) return false;
      const total = Number(t.getAttribute('aria-rowcount')) || t.querySelectorAll('tbody tr').length;
      return total >= n;
    },
  };
  // Every script and stylesheet the page has inserted so far (some scripts remove themselves).
  const seen = new Set();
  const collect = (node) => {
    const url = node.nodeName === 'SCRIPT' ? node.src
      : node.nodeName === 'LINK' && /stylesheet|preload/.test(node.rel) ? node.href : '';
    if (url && !seen.has(url)) { seen.add(url); B.assets.push(url); }
  };
  const holds = (p) => {
    try {
      return B.preds[p.pred](...p.args);
    } catch (e) {
      B.errors.push(String(e));
      return false;
    }
  };
  // A target counts once it is still there in the frame after the one that painted it, and,
  // before the first contentful paint (nothing on screen yet), until that paint.
  const taken = {};
  const retake = (p) => {
    delete B.marks[p.name];
    delete taken[p.name];
    B.pending.push(p);
  };
  const check = (records) => {
    if (records) for (const r of records) r.addedNodes.forEach(collect);
    if (B.fcp === null) for (const p of Object.values(taken)) if (!holds(p)) retake(p);
    for (const p of [...B.pending]) {
      if (!holds(p)) continue;
      B.pending.splice(B.pending.indexOf(p), 1);
      const m = (B.marks[p.name] = { dom: performance.now(), frameAfter: null, start: p.start(), assets: [] });
      taken[p.name] = p;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (B.marks[p.name] !== m) return;
          if (!holds(p)) return retake(p);
          m.frameAfter = performance.now();
          document.querySelectorAll('script[src], link[href]').forEach(collect);
          m.assets = [...B.assets];
        }),
      );
    }
  };
  // start: 0 = navigation start; 'click' = timeStamp of the next trusted click.
  B.arm = (name, pred, args, from) => {
    delete B.marks[name];
    delete taken[name];
    B.lastClick = null;
    B.pending.push({ name, pred, args: args || [], start: () => (from === 'click' ? B.lastClick : 0) });
    check();
  };
  addEventListener('click', (e) => { if (e.isTrusted) B.lastClick = e.timeStamp; }, true);
  const observer = new MutationObserver(check);
  observer.observe(document, {
    subtree: true, childList: true, characterData: true, attributes: true,
    attributeFilter: ['hidden', 'data-parked', 'data-leaving', 'd', 'x', 'y', 'width', 'height', 'class', 'points', 'cx', 'cy'],
  });
  // Before a measurement that marks nothing (scrolling): a user's page has no observer making a
  // record of every text and node the table writes, and no predicates run after each batch.
  B.stop = () => {
    observer.disconnect();
    B.pending.length = 0;
  };
  for (const [name, pred, args] of armed) B.arm(name, pred, args);
}`;

type Arm = [name: string, pred: string, args?: unknown[]];

interface Mark {
  dom: number;
  frameAfter: number | null;
  start: number | null;
  assets: string[];
}
/** Mark `name` on screen: its time (ms from its start) and the assets loaded by then. */
async function waitMark(
  page: Page,
  name: string,
  timeout: number,
): Promise<{ ms: number; assets: string[]; lastClick: number | null } | null> {
  try {
    // A function (page.waitForFunction evaluates a string with eval, which the app's CSP forbids).
    await page.waitForFunction(
      (n) => {
        const b = (
          window as unknown as { __bench: { fcp: number | null; marks: Record<string, Mark> } }
        ).__bench;
        return b.fcp !== null && b.marks[n]?.frameAfter != null;
      },
      name,
      { timeout, polling: 50 },
    );
  } catch (e) {
    if (process.env.BENCH_DEBUG) console.log(`[${name}]`, String(e).split('\n')[0]);
    return null;
  }
  const r = await withTimeout(
    page.evaluate(
      `(() => { const b = window.__bench; return { m: b.marks[${JSON.stringify(name)}], fcp: b.fcp, lastClick: b.lastClick }; })()`,
    ) as Promise<{
      m: Mark;
      fcp: number;
      lastClick: number | null;
    }>,
    timeout,
  );
  if (!r || r.m.frameAfter === null || r.m.start === null) return null;
  return {
    ms: Math.max(r.m.frameAfter, r.fcp) - r.m.start,
    assets: r.m.assets,
    lastClick: r.lastClick,
  };
}

async function paintEntries(page: Page): Promise<{ fcp: number | null; lcp: number | null }> {
  const r = await withTimeout(
    page.evaluate(`({ fcp: window.__bench.fcp, lcp: window.__bench.lcp })`) as Promise<{
      fcp: number | null;
      lcp: number | null;
    }>,
    10_000,
  );
  return r ?? { fcp: null, lcp: null };
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
    `window.__bench.arm(${JSON.stringify([name, pred, args, from ?? null]).slice(1, -1)})`,
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

export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** A fresh context and page (1920×1080, offline), the probe armed with `armed` at navigation. */
async function freshPage(browser: Browser, armed: Arm[] = []) {
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
  await page.addInitScript(`(${PROBE})(${JSON.stringify(armed)})`);
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

export interface Timeouts {
  cold: number;
  loaded: number;
  step: number;
}

/** A cold open: on screen, and the paint entries. */
export interface ColdOpen {
  onScreen: number | null;
  fcp: number | null;
  lcp: number | null;
}

export interface AppRun extends ColdOpen {
  /** Scripts and stylesheets the page had inserted when the figures were on screen (absolute URLs). */
  assets: string[];
  loaded: number | null;
  heapLoaded: number | null;
  /** First visits: the view was never drawn before the click. */
  views: Record<string, number | null>;
  select1: number | null;
  select2: number | null;
  heapEnd: number | null;
  cardCount: number;
  errorCards: number;
  errors: string[];
}

/**
 * One fresh-context run of the app opened at index.html: 总览's figures on screen, its first page
 * loaded, then a first visit to every view (nav order, each from the previous), two selection
 * changes, the heap.
 */
export async function runApp(
  browser: Browser,
  indexUrl: string,
  t: Timeouts,
  onScreenshot?: (page: Page) => Promise<void>,
): Promise<AppRun> {
  const { context, page, cdp, errors } = await freshPage(browser, [
    ['figures', 'figures'],
    ['loaded', 'loaded'],
  ]);
  const run: AppRun = {
    onScreen: null,
    fcp: null,
    lcp: null,
    assets: [],
    loaded: null,
    heapLoaded: null,
    views: {},
    select1: null,
    select2: null,
    heapEnd: null,
    cardCount: 0,
    errorCards: 0,
    errors,
  };
  try {
    await page.goto(indexUrl, { waitUntil: 'commit', timeout: t.cold });
    const figures = await waitMark(page, 'figures', t.cold);
    run.onScreen = figures?.ms ?? null;
    run.assets = figures?.assets ?? [];
    run.loaded = (await waitMark(page, 'loaded', t.loaded))?.ms ?? null;
    Object.assign(run, await paintEntries(page));
    if (run.loaded === null) {
      errors.push(
        `bench: data not loaded within ${t.loaded / 1000} s; views and selection not measured`,
      );
      return run;
    }
    run.cardCount = await page.locator('.doc-card').count();
    run.errorCards = await page.locator('.bundle-error').count();
    await page.waitForTimeout(300);
    run.heapLoaded = await heapAfterGc(cdp);
    if (onScreenshot) await onScreenshot(page);
    for (const v of VIEWS) {
      const name = `view-${v.view}`;
      const args = v.kind === 'chart' ? ['main', v.heading] : [v.heading];
      await arm(page, name, v.kind, args, 'click');
      await page
        .locator('nav[aria-label="主导航"] a', { hasText: v.label })
        .click({ timeout: t.step });
      run.views[v.view] = (await waitMark(page, name, t.step))?.ms ?? null;
      if (run.views[v.view] === null) continue;
      await settled(page, t.step);
    }
    // Selection: on 预算执行, toggle the first unit (all → 1), then the second (1 → 2).
    await page.locator('nav[aria-label="主导航"] a', { hasText: '预算执行' }).click();
    await page.locator('.recharts-wrapper').first().waitFor({ timeout: t.step });
    await settled(page, t.step);
    // The comparison bar may be folded (a <details>): open it first, as a user would.
    const details = page.locator('details.comparison-details:visible');
    if (
      (await details.count()) > 0 &&
      !(await details.evaluate((d) => (d as HTMLDetailsElement).open))
    )
      await details.locator('summary').click();
    const boxes = page.locator('.comparison-bar .unit-picker input[type=checkbox]');
    for (const [i, key] of [
      [0, 'select1'],
      [1, 'select2'],
    ] as const) {
      const sig = (await page.evaluate(`window.__bench.signature()`)) as string;
      await arm(page, key, 'changed', [sig], 'click');
      await boxes.nth(i).click({ timeout: t.step });
      run[key] = (await waitMark(page, key, t.step))?.ms ?? null;
      await settled(page, t.step);
    }
    run.heapEnd = await heapAfterGc(cdp);
  } catch (e) {
    errors.push(`bench: ${String(e).split('\n')[0]}`);
  } finally {
    await withTimeout(context.close(), 30_000);
  }
  return run;
}

/** The static floor (floor.html): the same first page of figures, from the manifest. */
export async function runFloor(browser: Browser, floorUrl: string, t: Timeouts): Promise<ColdOpen> {
  return coldOpen(browser, floorUrl, ['figures', 'figures'], t);
}

/** A view opened cold from a bookmark, and how its first chart is found. */
export interface Bookmark {
  name: string;
  hash: string;
  /** Where the chart mark must be, and the view's heading when it has one. */
  scope: string;
  heading: string | null;
  /** A button to press as soon as it can be (presenter: the show starts on a click). */
  click?: string;
}

export const BOOKMARKS: readonly Bookmark[] = [
  { name: '#/execution', hash: '#/execution', scope: 'main', heading: '预算执行' },
  { name: '#/sangong', hash: '#/sangong', scope: 'main', heading: '三公经费' },
  {
    // One slide: 预算执行's amounts chart for the default selection (src/store/routes.ts, parseDeck).
    name: '#/present slide (预算执行 · 年初预算与决算金额)',
    hash: `#/present?deck=execution~${encodeURIComponent('年初预算与决算金额')}~`,
    scope: '.presenter-stage .slide-target',
    heading: null,
    click: '开始演示（全屏）',
  },
];

export interface BookmarkRun extends ColdOpen {
  /** The bundle scripts (file names under data/) inserted by the time the chart was on screen. */
  scripts: string[];
  errors: string[];
  /**
   * With a button to press: from the button on screen to the click's `event.timeStamp`, the time
   * the operator (here Playwright, with its own checks) took, which `onScreen` leaves out; null
   * otherwise. `onScreen` + `clickDelay` is navigation start → chart on screen.
   */
  clickDelay: number | null;
}

/**
 * Opens index.html + the bookmark cold: navigation start → first chart mark on screen. With a
 * button to press, the time the app made the user wait: navigation start → the button on screen,
 * plus the click's `event.timeStamp` → the chart on screen (a click that waits for a busy main
 * thread counts, the operator's own delay before clicking does not: `clickDelay`).
 */
export async function runBookmark(
  browser: Browser,
  indexUrl: string,
  b: Bookmark,
  t: Timeouts,
): Promise<BookmarkRun> {
  const { context, page, errors } = await freshPage(browser, [
    ['chart', 'chart', [b.scope, b.heading]],
    ...(b.click ? [['button', 'button', [b.click]] as Arm] : []),
  ]);
  const run: BookmarkRun = {
    onScreen: null,
    fcp: null,
    lcp: null,
    scripts: [],
    errors,
    clickDelay: null,
  };
  try {
    await page.goto(`${indexUrl}${b.hash}`, { waitUntil: 'commit', timeout: t.cold });
    if (b.click) await page.getByRole('button', { name: b.click }).click({ timeout: t.loaded });
    const button = b.click ? await waitMark(page, 'button', t.loaded) : null;
    const mark = await waitMark(page, 'chart', t.loaded);
    if (mark && b.click) {
      // No click seen, or no button mark: the whole time counts (never less than what was seen).
      const delay = button && mark.lastClick !== null ? Math.max(0, mark.lastClick - button.ms) : 0;
      run.clickDelay = delay;

      run.onScreen = mark.ms - delay;
    } else run.onScreen = mark?.ms ?? null;
    run.scripts = (mark?.assets ?? [])
      .map((u) => /\/data\/([^/?#]+\.js)$/.exec(u)?.[1] ?? '')
      .filter((s) => s !== '' && s !== 'manifest.js');
    Object.assign(run, await paintEntries(page));
  } catch (e) {
    errors.push(`bench: ${String(e).split('\n')[0]}`);
  } finally {
    await withTimeout(context.close(), 30_000);
  }
  return run;
}

/** The data-loading floor of a bookmark: the same bundle scripts, then an SVG bar chart. */
export async function runChartFloor(
  browser: Browser,
  floorUrl: string,
  scripts: string[],
  t: Timeouts,
): Promise<ColdOpen> {
  const url = `${floorUrl}?scripts=${scripts.map(encodeURIComponent).join(',')}`;
  return coldOpen(browser, url, ['chart', 'chart', ['body', null]], t);
}

async function coldOpen(browser: Browser, url: string, mark: Arm, t: Timeouts): Promise<ColdOpen> {
  const { context, page } = await freshPage(browser, [mark]);
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: t.cold });
    const onScreen = (await waitMark(page, mark[0], t.loaded))?.ms ?? null;
    return { onScreen, ...(await paintEntries(page)) };
  } catch {
    return { onScreen: null, fcp: null, lcp: null };
  } finally {
    await withTimeout(context.close(), 30_000);
  }
}

export interface ScrollResult {
  /** App only: click 全部展开 → aria-rowcount or rows ≥ the table's length, on screen. */
  render: number | null;
  rows: number;
  frames: number;
  dropped: number;
  worstMs: number;
  p95Ms: number;
  idleDropped: number;
  /** The scroll did not finish its frames within the step timeout (figures cover what ran). */
  partial: boolean;
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
 * top when given); the intervals between frames.
 */
async function scrollFrames(page: Page, frames: number, timeout: number, px: number) {
  // The probe's marks are all taken by now: its observer goes (B.stop, in PROBE).
  await page.evaluate('window.__bench.stop()');
  const r = (await page.evaluate(`(${SCROLL})(${frames}, ${timeout}, ${px})`)) as {
    intervals: number[];
    idle: number[];
    partial: boolean;
  };
  const sorted = [...r.intervals].sort((a, b) => a - b);
  const limit = 1.5 * (1000 / 60);
  return {
    frames: r.intervals.length,
    dropped: r.intervals.filter((x) => x > limit).length,
    worstMs: sorted[sorted.length - 1] ?? 0,
    p95Ms: sorted[Math.ceil(sorted.length * 0.95) - 1] ?? 0,
    idleDropped: r.idle.filter((x) => x > limit).length,
    partial: r.partial,
  };
}

/** 明细表 → 公开03 → 全部展开, then the scroll (300 frames; `px` a frame, or top to bottom). */
export async function runScrollApp(
  browser: Browser,
  indexUrl: string,
  minRows: number,
  t: Timeouts,
  px = 0,
): Promise<ScrollResult | null> {
  const { context, page } = await freshPage(browser);
  try {
    await page.goto(`${indexUrl}#/tables`, { waitUntil: 'commit', timeout: t.cold });
    await page.locator('.tables-panel table tbody tr').first().waitFor({ timeout: t.loaded });
    // Whatever the app does once after start-up is not part of scrolling.
    await settled(page, t.step);
    await page.waitForTimeout(2000);
    await page.getByRole('tab', { name: /公开03/ }).click({ timeout: t.step });
    await page.getByRole('button', { name: '全部展开' }).waitFor({ timeout: t.step });
    await arm(page, 'expand', 'rows', [minRows], 'click');
    await page.getByRole('button', { name: '全部展开' }).click({ timeout: t.step });
    const render = (await waitMark(page, 'expand', t.step))?.ms ?? null;
    const rows = await page.locator('.tables-panel tbody tr').count();
    await page.waitForTimeout(300);
    return { render, rows, ...(await scrollFrames(page, 300, t.step, px)) };
  } catch (e) {
    if (process.env.BENCH_DEBUG)
      console.log('[scroll]', String(e).split('\n').slice(0, 3).join(' '));
    return null;
  } finally {
    await withTimeout(context.close(), 30_000);
  }
}

/** The windowed floor table (floor.html?table=ID): the same scroll. */
export async function runScrollFloor(
  browser: Browser,
  floorUrl: string,
  tableId: string,
  t: Timeouts,
  px = 0,
): Promise<ScrollResult | null> {
  const { context, page } = await freshPage(browser);
  try {
    await page.goto(`${floorUrl}?table=${tableId}`, { waitUntil: 'commit', timeout: t.cold });
    await page
      .locator('.tables-panel tbody tr:not(.virtual-spacer)')
      .first()
      .waitFor({ timeout: t.loaded });
    const rows = await page.locator('.tables-panel tbody tr').count();
    await page.waitForTimeout(300);
    return { render: null, rows, ...(await scrollFrames(page, 300, t.step, px)) };
  } catch (e) {
    if (process.env.BENCH_DEBUG)
      console.log('[scroll]', String(e).split('\n').slice(0, 3).join(' '));
    return null;
  } finally {
    await withTimeout(context.close(), 30_000);
  }
}
