/**
 * Layout in real Chromium from file://, at the two screen sizes the dashboard is used at
 * (1920×1080 desktop, 1280×720 projector/laptop): every view is screenshot to
 * test-results/screenshots/views/<route>-<size>.png (look at them), no text of any chart is
 * clipped by its drawing or its frame, the first chart of a comparison view starts on the first
 * screen, no table header is squeezed to one character a line, and no table scrolls sideways on
 * a desktop screen.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { INDEX_URL, SCREENSHOTS, sessionPerTest, shownView, waitOrExplain } from './browser';
import type { Session } from './browser';

const SIZES = [
  { name: '1920', width: 1920, height: 1080 },
  { name: '1280', width: 1280, height: 720 },
] as const;

/** Each view, its heading, and a text that shows its data has arrived (from the seed texts). */
const VIEWS: readonly { route: string; heading: string | RegExp; ready?: string }[] = [
  { route: 'overview', heading: '总览', ready: '42,684.35' },
  // Province 一般公共预算 决算 42,238.46 (line 474).
  { route: 'execution', heading: '预算执行', ready: '42,238.46' },
  // Province 收入总计 增加 6,338.70 (line 422).
  { route: 'yoy', heading: '同比变化', ready: '6,338.70' },
  // Province 三公 2024 决算 3.57.
  { route: 'sangong', heading: '三公经费', ready: '3.57' },
  { route: 'performance', heading: '绩效评价', ready: '营商环境评估费' },
  { route: 'tables', heading: '明细表', ready: '1,564.72' },
  { route: 'checks', heading: '数据校验', ready: '82.36' },
  // Province 完成年初预算的1838.93% (line 474).
  { route: 'matrix', heading: '对比矩阵', ready: '1,838.93%' },
  // The province's 一般公共服务支出: 1980.00% of its 年初预算 (line 476).
  { route: 'flags', heading: '疑点', ready: '1980.00%' },
  {
    route: 'source/shanxi-province-bureau-2024-final?line=113',
    heading: /^原文：/,
    ready: '42684.35',
  },
  { route: 'data', heading: '数据文件' },
];

const CHART_VIEWS = ['execution', 'yoy', 'sangong', 'performance'];

let s: Session;
sessionPerTest((next) => (s = next), { quiet: true });

async function open(page: Page, route: string, heading: string | RegExp, ready?: string) {
  await page.goto(`${INDEX_URL}#/${route}`);
  const view = shownView(page);
  await waitOrExplain(s, view.getByRole('heading', { level: 2, name: heading }), route);
  if (ready) {
    await expect.poll(() => view.evaluate((el) => el.textContent ?? '')).toContain(ready);
  }
  // Charts draw after their bundles arrive; then fonts and a frame.
  if (CHART_VIEWS.includes(route)) {
    await view.locator('.chart-body svg text').first().waitFor();
  }
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(300);
}

/**
 * Every SVG <text> of the shown view whose box leaves its <svg> viewport or its chart frame's
 * body, as "text (where)". Empty texts and texts inside hidden parts are skipped.
 */
function clippedTexts(page: Page): Promise<string[]> {
  return shownView(page).evaluate((view) => {
    const out: string[] = [];
    for (const t of view.querySelectorAll('svg text')) {
      const text = (t.textContent ?? '').trim();
      if (!text) continue;
      const box = t.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const svg = t.closest('svg');
      if (!svg) continue;
      const vp = svg.getBoundingClientRect();
      const body = t.closest('.chart-body') ?? svg.parentElement;
      const frame = body?.getBoundingClientRect() ?? vp;
      const slack = 0.5;
      const inside = (r: DOMRect) =>
        box.left >= r.left - slack &&
        box.right <= r.right + slack &&
        box.top >= r.top - slack &&
        box.bottom <= r.bottom + slack;
      if (!inside(vp) || !inside(frame)) {
        const title = t.closest('figure')?.getAttribute('data-chart-title') ?? '';
        out.push(
          `${text} (${title}: text ${Math.round(box.left)}–${Math.round(box.right)} × ` +
            `${Math.round(box.top)}–${Math.round(box.bottom)}, svg ${Math.round(vp.left)}–` +
            `${Math.round(vp.right)} × ${Math.round(vp.top)}–${Math.round(vp.bottom)})`,
        );
      }
    }
    return out;
  });
}

/**
 * Each table box of the shown view: its caption, body rows, whether it scrolls down or sideways,
 * and its row-count line.
 */
function tableBoxes(page: Page) {
  return shownView(page).evaluate((view) =>
    [...view.querySelectorAll<HTMLElement>('.data-table-wrap')]
      .filter((w) => w.getClientRects().length > 0)
      .map((w) => {
        const table = w.querySelector('table');
        const aria = table?.getAttribute('aria-rowcount');
        const head = table?.querySelectorAll('thead tr').length ?? 0;
        const count = w.querySelector(':scope > .table-row-count');
        return {
          caption: (table?.caption?.textContent ?? '').slice(0, 40),
          rows: aria ? Number(aria) - head : (table?.querySelectorAll('tbody tr').length ?? 0),
          vscroll: w.scrollHeight > w.clientHeight + 1,
          hscroll: w.scrollWidth > w.clientWidth + 1,
          count: count?.textContent ?? '',
        };
      }),
  );
}

/**
 * Visible table headers of two characters or more squeezed into a column with room for fewer
 * than two characters a line (the text then stacks one character a line), as "text (width px)".
 */
function squeezedHeaders(page: Page): Promise<string[]> {
  return shownView(page).evaluate((view) =>
    [...view.querySelectorAll<HTMLElement>('thead th')]
      .filter((th) => th.getClientRects().length > 0)
      .flatMap((th) => {
        const cs = getComputedStyle(th);
        const room = th.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        const text = (th.textContent ?? '').replace(/[⇅▲▼\s]/g, '');
        return text.length >= 2 && room < 1.9 * parseFloat(cs.fontSize)
          ? [`${text} (${Math.round(room)} px)`]
          : [];
      }),
  );
}

describe.each(SIZES)('at $width×$height', (size) => {
  it.each(VIEWS)(
    '#/$route: screenshot; no chart text clipped, no table header squeezed',
    async ({ route, heading, ready }) => {
      const { page } = s;
      await page.setViewportSize({ width: size.width, height: size.height });
      await open(page, route, heading, ready);
      const dir = join(SCREENSHOTS, 'views');
      mkdirSync(dir, { recursive: true });
      const name = route.split(/[/?]/)[0] ?? route;
      await page.screenshot({ path: join(dir, `${name}-${size.name}.png`) });
      expect(await clippedTexts(page)).toEqual([]);
      expect(await squeezedHeaders(page), 'headers stacked one character a line').toEqual([]);
      const tables = await tableBoxes(page);
      // No table hides rows in a box without saying how many there are; short ones have no box.
      for (const t of tables) {
        if (t.rows <= 30)
          expect(t, 'a short table shows every row').toMatchObject({ vscroll: false });
        if (t.vscroll) expect(t.count, 'a scrolling table says its rows').toMatch(/^共 \d+ 行/);
      }
      if (size.width === 1920) {
        expect(
          tables.filter((t) => t.hscroll),
          'tables scrolling sideways',
        ).toEqual([]);
      }
    },
  );
});

describe.each(SIZES)('at $width×$height, in a font 4% wider than ours', (size) => {
  // Readers' fonts differ (Microsoft YaHei, PingFang SC, Segoe UI): the user's test at 1920 lost
  // the beginning of "一般公共预算财政拨款支出（合计）", which fits here with 4 px to spare. Charts
  // must leave room rather than fit this machine's font to the pixel.
  it.each(CHART_VIEWS)('#/%s: no chart text is clipped', async (route) => {
    const { page } = s;
    await page.setViewportSize({ width: size.width, height: size.height });
    const view = VIEWS.find((v) => v.route === route);
    if (!view) throw new Error(route);
    await open(page, route, view.heading, view.ready);
    await page.addStyleTag({ content: '.chart-body svg text { letter-spacing: 0.04em; }' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    expect(await clippedTexts(page)).toEqual([]);
  });
});

describe('first screen at 1280×720, all five documents', () => {
  it.each(CHART_VIEWS)('#/%s shows at least 200 px of its first chart', async (route) => {
    const { page } = s;
    await page.setViewportSize({ width: 1280, height: 720 });
    const view = VIEWS.find((v) => v.route === route);
    if (!view) throw new Error(route);
    await open(page, route, view.heading, view.ready);
    const top = await shownView(page)
      .locator('.chart-body svg')
      .first()
      .evaluate((svg) => svg.getBoundingClientRect().top);
    expect(720 - top).toBeGreaterThanOrEqual(200);
  });
});

describe('a table wider than its box at 1280×720', () => {
  it('#/yoy: scrolled sideways, each row still shows what it is (the 项目 column stays)', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1280, height: 720 });
    const view = VIEWS.find((v) => v.route === 'yoy');
    if (!view) throw new Error('yoy');
    await open(page, 'yoy', view.heading, view.ready);
    const wrap = shownView(page).locator('.data-table-wrap.yoy-table');
    const [left, cell] = await wrap.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
      const first = el.querySelector('tbody tr td');
      return [el.getBoundingClientRect().left, first?.getBoundingClientRect().left ?? -1];
    });
    expect(Math.abs(cell - left)).toBeLessThanOrEqual(2);
    expect(await wrap.locator('tbody tr td').first().innerText()).toContain('收入总计');
  });
});

describe('a narrow window (400 px, a phone or a window snapped beside another)', () => {
  it.each([
    ['sangong', '三公经费'],
    ['performance', '绩效评价'],
  ])('#/%s: the horizontal bar chart keeps room for its bars beside the labels', async (route) => {
    const { page } = s;
    await page.setViewportSize({ width: 400, height: 900 });
    const view = VIEWS.find((v) => v.route === route);
    if (!view) throw new Error(route);
    await open(page, route, view.heading, view.ready);
    const chart = shownView(page).locator('figure.chart-frame').first();
    // Before, the labels took the whole width at 400 px and no bar was drawn.
    const widths = await chart
      .locator('.chart-body svg .recharts-bar-rectangle')
      .evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().width));
    expect(widths.filter((w) => w >= 20).length).toBeGreaterThanOrEqual(3);
    expect(await clippedTexts(page)).toEqual([]);
  });
});

/** Width (px) of the bar whose label reads `label` in the small multiple titled `unit`. */
function barWidth(page: Page, unit: string, label: string): Promise<number> {
  return shownView(page).evaluate(
    (view, [u, l]) => {
      const chart = [...view.querySelectorAll('.small-multiple')].find(
        (m) => m.querySelector('h4')?.textContent === u,
      );
      const text = [...(chart?.querySelectorAll('svg text') ?? [])].find(
        (t) => t.textContent === l,
      );
      const rect = text?.parentElement?.querySelector('rect');
      if (!rect) throw new Error(`no bar labelled ${l} in ${u}`);
      return rect.getBoundingClientRect().width;
    },
    [unit, label] as const,
  );
}

describe('预算执行 small multiples', () => {
  // 决算 of 一般公共预算财政拨款支出: province 42,238.46 (line 474), district 1,322.38.
  const PROVINCE = ['山西省行政审批服务管理局 2024年单位决算', '决算 42,238.46'] as const;
  const DISTRICT = ['朔州市朔城区行政审批服务管理局 2023年部门决算', '决算 1,322.38'] as const;

  it('share one scale by default; 各图独立刻度 gives each its own', async () => {
    const { page } = s;
    await open(page, 'execution', '预算执行', '42,238.46');
    await shownView(page).locator('.small-multiple svg').nth(3).waitFor();
    const province = await barWidth(page, ...PROVINCE);
    const district = await barWidth(page, ...DISTRICT);
    // One scale: the lengths are in the amounts' ratio, 42,238.46 ÷ 1,322.38 ≈ 31.94.
    expect(province / district).toBeGreaterThan(31.94 * 0.9);
    expect(province / district).toBeLessThan(31.94 * 1.1);

    await shownView(page)
      .getByLabel(/^各图独立刻度/)
      .check();
    await expect
      .poll(async () => (await barWidth(page, ...DISTRICT)) / (await barWidth(page, ...PROVINCE)))
      // Own scales: each unit's largest bar fills its chart (district: budget 1,605.63 is larger).
      .toBeGreaterThan(0.7);
  });
});

describe('同比 chart', () => {
  it('gives the amount beside each percent', async () => {
    const { page } = s;
    await open(page, 'yoy', '同比变化', '6,338.70');
    const labels = await shownView(page)
      .locator('.chart-body svg text')
      .evaluateAll((ts) => ts.map((t) => t.textContent ?? ''));
    // Service center 三公: 比上年度减少0.72万元，下降100% (line 512); province 收入 增加 6,338.70.
    expect(labels).toContain('市级服务中心2024 下降100%（减少0.72万元）');
    expect(labels).toContain('省级单位2024 增长17.3%（增加6,338.70万元）');
  });
});

describe('绩效 scatter', () => {
  it.each(SIZES)('labels outliers on either axis, no label over another ($name)', async (size) => {
    const { page } = s;
    await page.setViewportSize({ width: size.width, height: size.height });
    await open(page, 'performance', '绩效评价', '营商环境评估费');
    const chart = shownView(page).locator('figure[data-chart-title="自评得分与执行率"]');
    await chart.locator('svg text').first().waitFor();
    const labels = await chart.locator('.chart-body svg text.scatter-label').evaluateAll((ts) =>
      ts.map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent ?? '', l: r.left, r: r.right, t: r.top, b: r.bottom };
      }),
    );
    const names = labels.map((l) => l.text);
    // QT其他养人2: 执行率 34.24%, 总分 90.42 优 (service center, lines 684, 695): low rate only.
    expect(names).toContain('QT其他养人2');
    // 营商环境评估费: 39.8 差 (province): low score.
    expect(names.some((n) => n.startsWith('营商环境评估'))).toBe(true);
    const clashes = labels.flatMap((a, i) =>
      labels
        .slice(i + 1)
        .filter((b) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b)
        .map((b) => `${a.text} × ${b.text}`),
    );
    expect(clashes).toEqual([]);
  });
});
