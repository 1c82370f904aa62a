/**
 * `npm run bench`: build (`npm run build`), generate synthetic data of the real schema for
 * 5 / 50 / 500 / 2,000 units × 3 years, measure the app and framework-free floor pages from
 * file:// in headless Chromium (app and floor pages alternating), and rewrite BENCHMARKS.md: the
 * method, the latest run, and one more row of the trend table. Not part of `npm test`.
 *
 * Options: --sizes 5,50,500,2000  --runs 9  --big-runs 2 (runs at 2,000 units)
 *          --scroll-runs 5 (0 skips the table)  --no-build (measure dist/ as it is)
 *          --work DIR  --keep (keep the generated data)  --dry (print, leave BENCHMARKS.md alone)
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { format } from 'prettier';
import { bigTableBundle, loadTemplates, syntheticBundles, writeDataSet } from './generate';
import type { DataSet } from './generate';
import { chromiumPath } from '../e2e/chromium';
import {
  BOOKMARKS,
  launch,
  runApp,
  runBookmark,
  runChartFloor,
  runFloor,
  runScrollApp,
  runScrollFloor,
  VIEWS,
} from './measure';
import type { AppRun, BookmarkRun, ColdOpen, ScrollResult, Timeouts } from './measure';
import type { Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const BENCH_MD = join(ROOT, 'BENCHMARKS.md');
const TREND = '## Trend';
const MECHANISMS = '## Mechanisms: before and after';
const SEED = 20240605;
const started = Date.now();

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const SIZES = arg('sizes', '5,50,500,2000').split(',').map(Number);
/**
 * Nine runs a size: on the two-core machine of BENCHMARKS.md, the median of five cold loads of
 * the same build moved the 总览 ratio between 1.6× and 2.7× from one run to the next.
 */
const RUNS = Number(arg('runs', '9'));
const BIG_RUNS = Number(arg('big-runs', '2'));
/** The scroll figures repeat to the tenth of a millisecond from run to run. */
const SCROLL_RUNS = Number(arg('scroll-runs', '5'));
const WORK = resolve(arg('work', join('/tmp', 'budget-compare-bench')));
/** A second scroll speed, 100 px a frame (6,000 px/s): a fast fling; the sweep is a scrollbar drag. */
const FLING_PX = 100;

const log = (...xs: unknown[]) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s]`, ...xs);

/** Budgets per size; a run whose data does not load in `loaded` ms stops there. */
function timeoutsFor(units: number): Timeouts {
  if (units <= 50) return { cold: 30_000, loaded: 60_000, step: 30_000 };
  if (units <= 500) return { cold: 60_000, loaded: 90_000, step: 60_000 };
  return { cold: 120_000, loaded: 120_000, step: 60_000 };
}

const median = (xs: (number | null | undefined)[]): number | null => {
  const v = xs.filter((x): x is number => typeof x === 'number').sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = Math.floor(v.length / 2);
  const hi = v[m] ?? 0;
  return v.length % 2 ? hi : ((v[m - 1] ?? hi) + hi) / 2;
};
const ms = (x: number | null) => (x === null ? 'timeout' : `${Math.round(x)} ms`);
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b: number | null) => (b === null ? 'n/a' : `${(b / 1024 / 1024).toFixed(1)} MB`);
const times = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(2)}×`);
const ratio = (a: number | null, b: number | null) =>
  a !== null && b !== null && b > 0 ? a / b : null;
/** Median of a measure over runs, with how many timed out. */
const cell = (xs: (number | null)[], f = ms) => {
  const n = xs.filter((x) => x === null).length;
  return `${f(median(xs))}${n ? ` (${n}/${xs.length} timed out)` : ''}`;
};
const pf = (ok: boolean | null) => (ok === null ? '—' : ok ? '**pass**' : '**FAIL**');
const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

// ---------------------------------------------------------------- build and sizes
function build(): void {
  if (!flag('no-build')) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/index.html missing: npm run build');
}

/** Every file under dist/ except data/, as paths relative to dist with '/'. */
function distFiles(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    const rel = relative(DIST, full).split(sep).join('/');
    if (rel === 'data') return [];
    return e.isDirectory() ? distFiles(full) : [rel];
  });
}

interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}
const sizeOf = (file: string): FileSize => {
  const buf = readFileSync(join(DIST, file));
  return { file, raw: buf.length, gzip: gz(buf) };
};

/**
 * What the first view loads: index.html plus every script and stylesheet the page had inserted
 * when 总览's figures were on screen (outside data/); every other .js/.css file is on demand.
 */
function shippedSizes(siteDir: string, assets: string[]) {
  const loaded = assets.flatMap((url) => {
    if (!url.startsWith('file:')) return [];
    const rel = relative(siteDir, fileURLToPath(url)).split(sep).join('/');
    return rel.startsWith('..') || rel.startsWith('data/') ? [] : [rel];
  });
  const first = [...new Set(['index.html', ...loaded])].map(sizeOf);
  const onDemand = distFiles()
    .filter((f) => /\.(js|css)$/.test(f) && !first.some((x) => x.file === f))
    .sort()
    .map(sizeOf);
  return { first, firstGzip: first.reduce((a, x) => a + x.gzip, 0), onDemand };
}

// ---------------------------------------------------------------- per size
interface BookmarkResult {
  app: BookmarkRun[];
  floor: ColdOpen[];
}
interface SizeResult {
  units: number;
  data: DataSet;
  genMs: number;
  runs: AppRun[];
  floor: ColdOpen[];
  bookmarks: BookmarkResult[];
}
interface ScrollRuns {
  rows: number;
  app: (ScrollResult | null)[];
  appFling: (ScrollResult | null)[];
  floor: (ScrollResult | null)[];
  floorFling: (ScrollResult | null)[];
}

/** A copy of dist/ (without its data/) and the floor page, under WORK/sites/<name>. */
function site(name: string): string {
  const dir = join(WORK, 'sites', name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(DIST, dir, { recursive: true, filter: (src) => src !== join(DIST, 'data') });
  copyFileSync(join(ROOT, 'tests', 'bench', 'floor', 'index.html'), join(dir, 'floor.html'));
  return dir;
}

async function main() {
  const chromium = chromiumPath();
  const chromiumVersion = execFileSync(chromium, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  const loadBefore = loadavg();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  log(flag('no-build') ? 'measuring dist/ as it is' : 'npm run build…');
  build();

  const templates = loadTemplates();
  const browser = await launch(chromium);
  const results: SizeResult[] = [];
  let shipped: ReturnType<typeof shippedSizes> | null = null;
  let scroll: ScrollRuns | null = null;
  try {
    for (const units of SIZES) {
      const dir = site(`u${units}`);
      const t0 = Date.now();
      const data = writeDataSet(
        join(dir, 'data'),
        syntheticBundles(templates, units, SEED + units),
      );
      const genMs = Date.now() - t0;
      log(`${units} units: ${data.bundles} bundles, ${mb(data.rawBytes)} (${genMs} ms)`);
      const t = timeoutsFor(units);
      const indexUrl = pathToFileURL(join(dir, 'index.html')).href;
      const floorUrl = pathToFileURL(join(dir, 'floor.html')).href;
      const r: SizeResult = {
        units,
        data,
        genMs,
        runs: [],
        floor: [],
        bookmarks: BOOKMARKS.map(() => ({ app: [], floor: [] })),
      };
      results.push(r);
      const n = units >= 2000 ? BIG_RUNS : RUNS;
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
        const a = await runApp(browser, indexUrl, t, shot);
        r.runs.push(a);
        shipped ??= a.onScreen === null ? null : shippedSizes(dir, a.assets);
        const f = await runFloor(browser, floorUrl, t);
        r.floor.push(f);
        log(
          `  run ${i + 1}/${n}: 总览 figures ${ms(a.onScreen)} (FCP ${ms(a.fcp)}, LCP ${ms(a.lcp)}) vs floor ${ms(f.onScreen)} (FCP ${ms(f.fcp)}); loaded ${ms(a.loaded)}; views ${VIEWS.map((v) => ms(a.views[v.view] ?? null)).join('/')}; select ${ms(a.select1)}/${ms(a.select2)}; heap ${mb(a.heapLoaded)}${a.errors.length ? `; errors: ${a.errors.slice(0, 2).join('; ')}` : ''}`,
        );
        if (a.loaded === null && i === 0) {
          log(`  data did not load within ${t.loaded / 1000} s: not repeating this size`);
          break;
        }
        for (const [k, b] of BOOKMARKS.entries()) {
          const ba = await runBookmark(browser, indexUrl, b, t);
          const bf = await runChartFloor(browser, floorUrl, ba.scripts, t);
          r.bookmarks[k]?.app.push(ba);
          r.bookmarks[k]?.floor.push(bf);
          log(
            `    ${b.name}: ${ms(ba.onScreen)}${ba.clickDelay === null ? '' : ` (+ ${ms(ba.clickDelay)} before the click)`} vs floor ${ms(bf.onScreen)} (${ba.scripts.length} bundle scripts)${ba.errors.length ? `; errors: ${ba.errors.slice(0, 2).join('; ')}` : ''}`,
          );
        }
      }
      if (!flag('keep')) rmSync(join(dir, 'data'), { recursive: true, force: true });
    }

    if (SCROLL_RUNS > 0) {
      log('10,000-row table…');
      const dir = site('big-table');
      const big = bigTableBundle(templates, SEED);
      writeDataSet(join(dir, 'data'), [big]);
      const t = timeoutsFor(500);
      const rows = big.tables.find((x) => x.id === '公开03')?.rows.length ?? 0;
      const appUrl = pathToFileURL(join(dir, 'index.html')).href;
      const floorUrl = pathToFileURL(join(dir, 'floor.html')).href;
      scroll = { rows, app: [], appFling: [], floor: [], floorFling: [] };
      for (let i = 0; i < SCROLL_RUNS; i++) {
        const a = await runScrollApp(browser, appUrl, rows, t);
        const f = await runScrollFloor(browser, floorUrl, big.id, t);
        const af = await runScrollApp(browser, appUrl, rows, t, FLING_PX);
        const ff = await runScrollFloor(browser, floorUrl, big.id, t, FLING_PX);
        scroll.app.push(a);
        scroll.floor.push(f);
        scroll.appFling.push(af);
        scroll.floorFling.push(ff);
        const s = (x: ScrollResult | null) =>
          x ? `p95 ${x.p95Ms.toFixed(1)} ms, ${x.dropped}/${x.frames} dropped` : 'failed';
        log(`  scroll run ${i + 1}: app ${s(a)}, fling ${s(af)}; floor ${s(f)}, fling ${s(ff)}`);
      }
    }
  } finally {
    await browser.close();
  }

  const section = report({ shipped, results, scroll, chromiumVersion, loadBefore });
  if (flag('dry')) {
    console.log(section.latest);
    return;
  }
  const old = existsSync(BENCH_MD) ? readFileSync(BENCH_MD, 'utf8') : '';
  const oldTrend = old.includes(TREND) ? (old.split(TREND)[1] ?? '') : '';
  const trendRows = oldTrend.split('\n').filter((l) => /^\| \d{4}-/.test(l));
  // The hand-written before/after figures of each speed mechanism stay from run to run.
  const mechanisms = old.includes(MECHANISMS)
    ? `${MECHANISMS}${(old.split(MECHANISMS)[1] ?? '').split('## Latest run')[0] ?? ''}`.trim()
    : null;
  const md = [
    METHOD,
    ...(mechanisms ? [mechanisms] : []),
    '## Latest run',
    section.latest,
    TREND,
    'One line per run of `npm run bench` (older runs: `git log -p BENCHMARKS.md`). Ratios are app ÷ floor at 5 units; view switch and selection are the slowest median at 500 units.',
    [table(TREND_HEAD, []), ...trendRows, `| ${section.trend.join(' | ')} |`].join('\n'),
  ].join('\n\n');
  writeFileSync(BENCH_MD, await format(md, { parser: 'markdown', printWidth: 100 }));
  log(`BENCHMARKS.md written (${((Date.now() - started) / 60000).toFixed(1)} min)`);
}

const TREND_HEAD = [
  'date (UTC)',
  'commit',
  'sizes × runs',
  '总览 figures ×floor',
  'bookmarked chart ×floor (worst)',
  'view switch',
  'selection',
  'scroll p95',
  'heap at 500',
  'first view gzip',
];

const METHOD = `# Benchmarks

\`npm run bench\` (\`tests/bench/run.ts\`; not part of \`npm test\`) runs \`npm run build\`, copies
\`dist/\` without its data next to synthetic data (\`tests/bench/generate.ts\`: the five real bundles
cloned per unit and year, money figures multiplied by one seeded integer per bundle so sums stay
exact; 3 documents per unit: 2023 决算, 2024 决算, 2025 预算) for 5 / 50 / 500 / 2,000 units, and
measures in headless Debian Chromium from \`file://\` (1920×1080, software rendering, network
blocked, every page opened in a fresh browser context). App and floor pages alternate, so both
see the same machine load. Figures are medians over the runs.

**On screen** (\`tests/bench/measure.ts\`, one probe injected before any script, the same on app
and floor pages): a MutationObserver sees the target in the DOM and not hidden; the probe requests
an animation frame (the frame that paints it) and, from that callback, the next one;
\`performance.now()\` in the second callback is the start of the frame after the one that painted
the target (Chromium starts a frame's main-thread work only once the previous frame is committed),
provided the target is still there (else the probe waits for it again).
\`performance.now()\`, not the callback's timestamp: that is when the frame was scheduled, which
on a busy main thread can be earlier than the change itself. The time is never taken earlier than
First Contentful Paint: while a page loads, Chromium runs animation frames without committing
them to the screen, so before FCP a frame says nothing about what is visible (and a target must
stay in the DOM until FCP). FCP and LCP are the browser's paint timing entries.

- **总览 figures**: navigation start → every card of the overview's first page (min(documents,
  24)) shows a headline figure (\`.doc-card .headline dd\` with a digit). Floor: \`floor.html\`, a
  static page drawing the same cards from \`data/manifest.js\`. Target at 5 units (15 documents).
- **bookmarked chart view**: \`index.html#/execution\`, \`#/sangong\` and a 演示 deck of one slide
  (\`#/present?deck=execution~年初预算与决算金额~\`, 开始演示 pressed as soon as it can be)
  opened cold: navigation start → the first chart mark (a bar, curve, symbol, sector or dot in
  the chart's \`<svg>\`; on the slide, in the named chart). The slide counts what the app makes
  its user wait: navigation start → 开始演示 on screen, plus the click's \`event.timeStamp\` → the
  slide's chart on screen (a click queued behind a busy main thread counts); the time between,
  the operator's (here Playwright's own checks before it clicks), is left out and listed. Floor:
  \`floor.html?scripts=…\` loads
  \`data/manifest.js\` and the bundle scripts the app had loaded by then, inserted as
  \`src/data/load.ts\` does, and draws an SVG bar chart of one figure of each.
- **view switch**: after 总览's first page has loaded, trusted click on each nav link in turn (a
  first visit: no view was drawn before) → the view's \`<h2>\` and first chart mark (明细表, 数据校验:
  first table row) on screen, from the click's \`event.timeStamp\`; the next click waits until the
  view has no block pending, then 150 ms. **selection**: on 预算执行, click a unit checkbox (all →
  1, then 1 → 2) → the charts' marks or axis/legend text changed, on screen.
- **JS heap**: after garbage collection (CDP), once 总览's first page has loaded.
- **scrolling**: one bundle whose 公开03 has 10,026 rows (a generated 类/款/项 tree); 明细表 →
  公开03 → 全部展开 (2 s after start-up), then the table is scrolled by setting \`scrollTop\` in
  a rAF loop, 300 frames top to bottom (a scrollbar drag), and 300 frames at 100 px a frame (a
  fling); the p95 and the count of frame intervals over 25 ms (1.5 frames). Floor:
  \`floor.html?table=…\`, the same rows windowed by a few lines of script. The probe's observer
  is disconnected first.
- **first view size**: \`index.html\` plus every script and stylesheet the page had inserted when
  总览's figures were on screen (outside \`data/\`), gzip -9 each; every other \`.js\`/\`.css\`
  file under \`dist/\` is listed as loaded on demand.
- **2,000 units**: opens and works (figures, first page loaded, every view, selection, no error
  card).
`;

function report(r: {
  shipped: ReturnType<typeof shippedSizes> | null;
  results: SizeResult[];
  scroll: ScrollRuns | null;
  chromiumVersion: string;
  loadBefore: number[];
}): { latest: string; trend: string[] } {
  const by = (u: number) => r.results.find((x) => x.units === u);
  const u5 = by(5);
  const u500 = by(500);
  const u2000 = by(2000);
  const onScreen = (xs: ColdOpen[]) => median(xs.map((x) => x.onScreen));
  const figuresRatio = (x: SizeResult) => ratio(onScreen(x.runs), onScreen(x.floor));
  const bookmarkRatio = (b: BookmarkResult) => ratio(onScreen(b.app), onScreen(b.floor));
  const viewMed = (x: SizeResult, v: string) => median(x.runs.map((y) => y.views[v] ?? null));
  const worst = (xs: (number | null)[]) =>
    xs.length === 0 ? null : xs.some((x) => x === null) ? Infinity : Math.max(...(xs as number[]));
  const worstView = u500 ? worst(VIEWS.map((v) => viewMed(u500, v.view))) : null;
  const worstSelect = u500
    ? worst([median(u500.runs.map((y) => y.select1)), median(u500.runs.map((y) => y.select2))])
    : null;
  const heap500 = u500 ? median(u500.runs.map((y) => y.heapLoaded)) : null;
  const works2000 = u2000
    ? u2000.runs.some(
        (y) =>
          y.onScreen !== null &&
          y.loaded !== null &&
          y.errorCards === 0 &&
          VIEWS.every((v) => y.views[v.view] !== null) &&
          y.select1 !== null,
      )
    : null;
  const scrollP95 = r.scroll ? median(r.scroll.app.map((s) => s?.p95Ms ?? null)) : null;
  const scrollDropped = r.scroll ? median(r.scroll.app.map((s) => s?.dropped ?? null)) : null;
  const flingP95 = r.scroll ? median(r.scroll.appFling.map((s) => s?.p95Ms ?? null)) : null;
  const flingDropped = r.scroll ? median(r.scroll.appFling.map((s) => s?.dropped ?? null)) : null;
  const fmtWorst = (x: number | null) =>
    x === null ? 'not run' : ms(Number.isFinite(x) ? x : null);
  const firstKb = r.shipped ? r.shipped.firstGzip : null;

  const out: string[] = [];
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16);
  const commit = gitCommit();
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  out.push(
    `- ${date} UTC at \`${commit}\`: \`npm run bench -- ${process.argv.slice(2).join(' ')}\` (${RUNS} runs per size, ${BIG_RUNS} at 2,000 units, ${SCROLL_RUNS} scroll runs), ${((Date.now() - started) / 60000).toFixed(1)} min\n` +
      `- Machine: ${nproc} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load average (1, 5, 15 min) ${load(r.loadBefore)} before, ${load(loadavg())} after\n` +
      `- Browser: ${r.chromiumVersion}, headless, \`--disable-gpu\``,
  );

  const notRun = 'not run';
  const targets: string[][] = [
    [
      'first view ≤ 250 KB gzip',
      r.shipped ? `${kb(r.shipped.firstGzip)} (${r.shipped.first.length} files)` : notRun,
      pf(firstKb === null ? null : firstKb <= 250 * 1024),
    ],
    [
      '总览 figures on screen ≤ 2× floor (5 units)',
      u5
        ? `${ms(onScreen(u5.runs))} vs ${ms(onScreen(u5.floor))} = ${times(figuresRatio(u5))}`
        : notRun,
      pf(u5 ? (figuresRatio(u5) ?? Infinity) <= 2 : null),
    ],
    ...BOOKMARKS.map((b, k) => {
      const x = u5?.bookmarks[k];
      return [
        `${b.name} opened cold: first chart mark ≤ 2× floor (5 units)`,
        x
          ? `${ms(onScreen(x.app))} vs ${ms(onScreen(x.floor))} = ${times(bookmarkRatio(x))}`
          : notRun,
        pf(x ? (bookmarkRatio(x) ?? Infinity) <= 2 : null),
      ];
    }),
    [
      'view switch ≤ 100 ms (500 units, first visit, slowest view)',
      fmtWorst(worstView),
      pf(worstView === null ? null : worstView <= 100),
    ],
    [
      'selection change ≤ 100 ms (500 units, slower of all → 1, 1 → 2)',
      fmtWorst(worstSelect),
      pf(worstSelect === null ? null : worstSelect <= 100),
    ],
    [
      `${r.scroll?.rows ?? '10,026'}-row table: scroll p95 frame interval ≤ 25 ms`,
      r.scroll
        ? `${ms1(scrollP95)} (${scrollDropped ?? 'n/a'} of 300 frames over 25 ms); fling ${ms1(flingP95)} (${flingDropped ?? 'n/a'})`
        : notRun,
      pf(r.scroll ? (scrollP95 ?? Infinity) <= 25 && (flingP95 ?? Infinity) <= 25 : null),
    ],
    [
      'JS heap ≤ 150 MB (500 units, after load, after GC)',
      u500 ? mb(heap500) : notRun,
      pf(u500 ? heap500 !== null && heap500 <= 150 * 1024 * 1024 : null),
    ],
    [
      'opens and works at 2,000 units',
      u2000
        ? `figures ${ms(onScreen(u2000.runs))}, first page loaded ${ms(median(u2000.runs.map((y) => y.loaded)))}`
        : notRun,
      pf(works2000),
    ],
  ];
  out.push('### Targets', table(['target', 'measured (medians)', 'result'], targets));

  const cols = r.results.map((x) => `${x.units} units (${x.data.bundles} docs)`);
  const row = (name: string, f: (x: SizeResult) => string) => [name, ...r.results.map(f)];
  const paints = (xs: ColdOpen[]) =>
    `${ms(median(xs.map((x) => x.fcp)))} / ${ms(median(xs.map((x) => x.lcp)))}`;
  out.push(
    '### Results (medians)',
    table(
      ['measure', ...cols],
      [
        row('runs', (x) => String(x.runs.length)),
        row('总览 figures on screen: app', (x) => cell(x.runs.map((y) => y.onScreen))),
        row('… floor', (x) => cell(x.floor.map((y) => y.onScreen))),
        row('… ratio', (x) => times(figuresRatio(x))),
        row('FCP / LCP: app', (x) => paints(x.runs)),
        row('FCP / LCP: floor', (x) => paints(x.floor)),
        row('总览 first page loaded (app)', (x) => cell(x.runs.map((y) => y.loaded))),
        ...BOOKMARKS.flatMap((b, k) => [
          row(`${b.name} cold: first chart mark, app`, (x) =>
            cell(x.bookmarks[k]?.app.map((y) => y.onScreen) ?? []),
          ),
          row('… floor (same bundle scripts)', (x) =>
            cell(x.bookmarks[k]?.floor.map((y) => y.onScreen) ?? []),
          ),
          row('… ratio; bundle scripts loaded', (x) => {
            const b = x.bookmarks[k];
            return b ? `${times(bookmarkRatio(b))}; ${b.app[0]?.scripts.length ?? 0}` : 'n/a';
          }),
          ...(b.click
            ? [
                row(`… left out: 开始演示 on screen → the click`, (x) =>
                  cell(x.bookmarks[k]?.app.map((y) => y.clickDelay) ?? []),
                ),
              ]
            : []),
        ]),
        ...VIEWS.map((v) =>
          row(`view switch → #/${v.view} (first visit)`, (x) =>
            cell(x.runs.map((y) => y.views[v.view] ?? null)),
          ),
        ),
        row('selection all → 1 (#/execution)', (x) => cell(x.runs.map((y) => y.select1))),
        row('selection 1 → 2 (#/execution)', (x) => cell(x.runs.map((y) => y.select2))),
        row('JS heap after load', (x) => mb(median(x.runs.map((y) => y.heapLoaded)))),
        row('JS heap after every view', (x) => mb(median(x.runs.map((y) => y.heapEnd)))),
        row(
          'cards / with error',
          (x) => `${x.runs[0]?.cardCount ?? 0} / ${x.runs[0]?.errorCards ?? 0}`,
        ),
        row('data raw (gzip -6)', (x) => `${mb(x.data.rawBytes)} (${mb(x.data.gzipBytes)})`),
        row('manifest.js', (x) => kb(x.data.manifestBytes)),
      ],
    ),
  );
  const errs = r.results.flatMap((x) =>
    [...x.runs, ...x.bookmarks.flatMap((b) => b.app)].flatMap((y) =>
      y.errors.slice(0, 2).map((e) => `${x.units} units: ${e}`),
    ),
  );
  if (errs.length)
    out.push(
      `Errors seen:\n\n${[...new Set(errs)]
        .slice(0, 10)
        .map((e) => `- \`${e.slice(0, 200).replace(/`/g, "'")}\``)
        .join('\n')}`,
    );

  if (r.scroll) {
    const s = r.scroll;
    const med = (xs: (ScrollResult | null)[], f: (x: ScrollResult) => number) =>
      median(xs.map((x) => (x ? f(x) : null)));
    const line = (xs: (ScrollResult | null)[]) =>
      `${ms1(med(xs, (x) => x.p95Ms))} / ${med(xs, (x) => x.dropped) ?? 'n/a'} / ${ms1(med(xs, (x) => x.worstMs))}`;
    out.push(
      `### Scrolling the ${s.rows}-row 公开03 (${s.app.length} runs, medians)`,
      table(
        ['', 'app (明细表, 全部展开)', 'floor (windowed, plain script)'],
        [
          ['全部展开 → rows on screen', ms(med(s.app, (x) => x.render ?? NaN)), '—'],
          [
            'rows in the DOM',
            String(med(s.app, (x) => x.rows)),
            String(med(s.floor, (x) => x.rows)),
          ],
          ['sweep: p95 interval / frames over 25 ms (of 300) / worst', line(s.app), line(s.floor)],
          [`fling (${FLING_PX} px a frame): the same`, line(s.appFling), line(s.floorFling)],
          [
            'idle frames over 25 ms before the sweep (of 59)',
            String(med(s.app, (x) => x.idleDropped)),
            String(med(s.floor, (x) => x.idleDropped)),
          ],
          [
            'failed or cut short',
            String([...s.app, ...s.appFling].filter((x) => !x || x.partial).length),
            String([...s.floor, ...s.floorFling].filter((x) => !x || x.partial).length),
          ],
        ],
      ),
    );
  }

  if (r.shipped) {
    const rows = (xs: FileSize[]) => xs.map((x) => [`\`${x.file}\``, kb(x.raw), kb(x.gzip)]);
    const sum = (xs: FileSize[], k: 'raw' | 'gzip') => kb(xs.reduce((a, x) => a + x[k], 0));
    out.push(
      '### What the first view loads',
      table(
        ['file', 'raw', 'gzip -9'],
        [
          ...rows(r.shipped.first),
          ['**total**', sum(r.shipped.first, 'raw'), sum(r.shipped.first, 'gzip')],
        ],
      ),
      '### Loaded on demand',
      r.shipped.onDemand.length
        ? table(['file', 'raw', 'gzip -9'], rows(r.shipped.onDemand))
        : 'Nothing: every script and stylesheet under `dist/` is in the first view.',
    );
  }

  const worstBookmark = u5 ? worst(u5.bookmarks.map(bookmarkRatio)) : null;
  const trend = [
    date,
    `\`${commit}\``,
    `${r.results.map((x) => x.units).join('/')} × ${RUNS}`,
    u5 ? times(figuresRatio(u5)) : 'n/a',
    worstBookmark === null ? 'n/a' : times(Number.isFinite(worstBookmark) ? worstBookmark : null),
    u500 ? fmtWorst(worstView) : 'n/a',
    u500 ? fmtWorst(worstSelect) : 'n/a',
    r.scroll ? ms1(scrollP95) : 'n/a',
    u500 ? mb(heap500) : 'n/a',
    firstKb === null ? 'n/a' : kb(firstKb),
  ];
  return { latest: out.join('\n\n'), trend };
}

const ms1 = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(1)} ms`);

function gitCommit(): string {
  const git = (...a: string[]) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? '+changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
