/**
 * The first paint, before the app exists.
 *
 * index.html runs this file as a small classic script right after data/manifest.js, before the
 * browser compiles and runs the app's ~900 KB module (≈ 0.4 s on a slow machine). It draws the
 * overview's first page of cards from the manifest's headline figures, with the app's markup and
 * classes, into #root; React's first render replaces it (createRoot clears its container). A
 * reader sees the printed totals at static-page speed; the cards become interactive (links to the
 * source line, 加入对比, measures) when the app mounts. A header link focused meanwhile hands its
 * focus to the app's link to the same view (focus-handover.tsx).
 *
 * It draws only what the app would draw at once: the overview route (no filter) and the shipped
 * manifest. Anything else (another view, an unreadable manifest) leaves #root empty for the app.
 *
 * Written without run-time imports: vite.config.ts transpiles this file alone and inlines it (the CSP hash
 * is added like the app's). tests/app/first-paint.test.ts checks its figures against the source
 * documents and its formatting against src/lib/format.ts for any decimal.
 */

// Type only: erased when vite.config.ts transpiles this file alone.
import type { ViewName } from '@/store/types';

/** The overview's page size (OVERVIEW_PAGE_SIZE in src/features/overview/overview-page.tsx). */
export const FIRST_PAINT_CARDS = 24;

/**
 * The top navigation in display order, as [view, label]: the app's NAV_ITEMS (src/app/nav.ts)
 * are made from this list, which lives here because this file may import nothing at run time.
 */
export const FIRST_PAINT_NAV: readonly (readonly [ViewName, string])[] = [
  ['overview', '总览'],
  ['execution', '预算执行'],
  ['yoy', '同比变化'],
  ['sangong', '三公经费'],
  ['performance', '绩效评价'],
  ['tables', '明细表'],
  ['checks', '数据校验'],
  ['matrix', '对比矩阵'],
  ['flags', '疑点'],
  ['source', '原文'],
  ['present', '演示'],
];
const HEADLINE = [
  ['incomeTotal', '本年收入合计'],
  ['expenseTotal', '本年支出合计'],
  ['basicExpense', '基本支出'],
  ['projectExpense', '项目支出'],
] as const;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * "42683.675" → "42,683.68": 2 decimals, half-up, thousands separators, "-0.00" as "0.00";
 * on the decimal string's digits alone, as formatWanYuan does with decimal.js. null → "—".
 */
export function firstPaintAmount(value: unknown): string {
  const m = typeof value === 'string' ? DECIMAL.exec(value) : null;
  if (!m) return '—';
  const frac = (m[3] ?? '').padEnd(3, '0');
  // Integer part and the first two decimals as one digit string, then add the rounding unit.
  let digits = `${m[2] ?? '0'}${frac.slice(0, 2)}`;
  if (Number(frac[2]) >= 5) {
    const out = digits.split('');
    let i = out.length - 1;
    for (; i >= 0; i--) {
      if (out[i] === '9') out[i] = '0';
      else {
        out[i] = String(Number(out[i]) + 1);
        break;
      }
    }
    digits = (i < 0 ? '1' : '') + out.join('');
  }
  digits = digits.replace(/^0+(?=\d{3})/, '');
  const int = digits.slice(0, -2);
  const cents = digits.slice(-2);
  const zero = /^0+$/.test(digits);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${m[1] && !zero ? '-' : ''}${grouped}.${cents}`;
}

function escapeHtml(s: unknown): string {
  return String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

interface ShellEntry {
  id: string;
  kind: string;
  fiscalYear: number;
  unit: { name: string; level: string; scope: string };
  headline: Record<string, { v: string } | null | undefined> & {
    findings?: { error: number; warning: number; info: number };
  };
}

function isEntry(e: unknown): e is ShellEntry {
  const x = e as Partial<ShellEntry> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.id === 'string' &&
    typeof x.kind === 'string' &&
    typeof x.fiscalYear === 'number' &&
    typeof x.unit?.name === 'string' &&
    typeof x.unit.level === 'string' &&
    typeof x.unit.scope === 'string' &&
    typeof x.headline === 'object' &&
    x.headline !== null
  );
}

/**
 * The level tag as the app shows it (levelLabel in src/data/labels.ts, which this file cannot
 * import): a service center is "市级 · 服务中心", its government level read from its name.
 * tests/app/first-paint.test.ts compares the two on every shipped document.
 */
export function firstPaintLevel(unit: { name: string; level: string }): string {
  if (unit.level !== '服务中心') return unit.level;
  const n = unit.name.replace(/\[.*?\]|（.*?）|\(.*?\)/g, '');
  const level =
    /市.+[区县旗]/.test(n) || /^[^省市]*[区县旗]/.test(n)
      ? '区县级'
      : /省/.test(n) && !/市/.test(n)
        ? '省级'
        : '市级';
  return `${level} · 服务中心`;
}

function card(e: ShellEntry): string {
  const f = e.headline.findings;
  const rows = HEADLINE.map(
    ([key, label]) =>
      `<div class="headline-row"><dt>${label}</dt><dd><span class="money">${firstPaintAmount(e.headline[key]?.v)}</span></dd></div>`,
  ).join('');
  const tags = [firstPaintLevel(e.unit), e.unit.scope, e.kind, `${e.fiscalYear}年`]
    .map((t) => `<li>${escapeHtml(t)}</li>`)
    .join('');
  return (
    `<article class="doc-card"><header class="doc-card-head"><h3>${escapeHtml(e.unit.name)}</h3>` +
    `<p class="doc-card-kind">${escapeHtml(`${e.fiscalYear}年${e.unit.scope}${e.kind}`)}</p>` +
    `<ul class="tags">${tags}</ul></header><dl class="headline">${rows}</dl>` +
    `<p class="unit-note">单位：万元</p><footer class="doc-card-foot">` +
    (f
      ? `<span class="findings">校验：错误 ${f.error} · 警告 ${f.warning} · 提示 ${f.info}</span>`
      : '') +
    `</footer></article>`
  );
}

/**
 * The markup to draw for this manifest and location hash, or null to leave #root to the app:
 * only the overview without a filter, only a manifest that looks like one.
 */
export function firstPaintHtml(manifest: unknown, hash: string): string | null {
  const route = hash.replace(/^#\/?/, '');
  const view = route.split('?')[0] ?? '';
  if (view !== '' && view !== 'overview') return null;
  const list = (manifest as { bundles?: unknown } | null)?.bundles;
  if (!Array.isArray(list) || list.length === 0 || !list.every(isEntry)) return null;
  const entries = list as ShellEntry[];
  const years = [...new Set(entries.map((e) => e.fiscalYear))].sort((a, b) => a - b);
  const nav = FIRST_PAINT_NAV.map(
    ([view, label]) =>
      `<li><a href="#/${view}"${view === 'overview' ? ' aria-current="page"' : ''}>${label}</a></li>`,
  ).join('');
  return (
    // aria-busy: assistive technology waits for the app, which replaces all of this.
    `<div class="app" data-first-paint aria-busy="true"><header class="app-header"><h1>预决算对比看板</h1>` +
    `<nav aria-label="主导航"><ul>${nav}</ul></nav><a class="header-data-link" href="#/data">数据文件</a>` +
    `</header><main class="app-main">` +
    `<section class="overview"><h2>总览</h2><aside class="scope-note"><strong>口径与年度不同，数字不可相加：</strong>` +
    `部门决算合并了其所属单位，单位决算、单位预算只含本单位。各文件年度为 ${years.map((y) => `${y}年`).join('、')}，每个数字都属于其文件的年度。` +
    `请勿把各卡片的金额相加；跨口径、跨年度比较时请注意差异。</aside>` +
    `<div class="card-grid">${entries.slice(0, FIRST_PAINT_CARDS).map(card).join('')}</div>` +
    `</section></main></div>`
  );
}

/**
 * How long the first paint may stand alone. The app replaces it within about a second even at
 * 2,000 units on a slow machine; still there after this, the app has not started (a browser too
 * old for it, a damaged index.html), and the page says so rather than show figures that look
 * interactive and are not.
 */
export const APP_START_TIMEOUT_MS = 15_000;

export const APP_NOT_STARTED =
  '看板程序未能启动（浏览器版本过旧，或文件不完整）。以上数字来自数据清单（data/manifest.js），不能点击查看原文，也不能对比；请用新版 Chrome、Edge 或 Firefox 重新打开。';

/** Draws into #root when it is still empty (the app has not rendered yet). */
export function firstPaint(win: {
  __BUDGET_MANIFEST__?: unknown;
  location: { hash: string };
  document: Document;
  setTimeout: (f: () => void, ms: number) => unknown;
}): void {
  try {
    const root = win.document.getElementById('root');
    if (!root || root.firstChild) return;
    const html = firstPaintHtml(win.__BUDGET_MANIFEST__, win.location.hash);
    if (html === null) return;
    root.innerHTML = html;
    win.setTimeout(() => {
      const shell = root.querySelector('[data-first-paint]');
      const main = shell?.querySelector('main');
      if (!shell || !main) return;
      shell.removeAttribute('aria-busy');
      const p = win.document.createElement('p');
      p.className = 'error-panel';
      p.setAttribute('role', 'alert');
      p.textContent = APP_NOT_STARTED;
      main.prepend(p);
    }, APP_START_TIMEOUT_MS);
  } catch {
    // Nothing drawn: the app draws everything, and reports what is wrong with the data.
  }
}
