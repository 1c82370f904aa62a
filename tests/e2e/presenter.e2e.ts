/**
 * Presenter mode in real Chromium from file://: every chart that can be added to the deck, shown
 * on its slide in each projector theme at 1920×1080 and 1280×720 (and 1024×768 in one). On each
 * slide the chart is drawn inside the slide, every text reaches its WCAG contrast against what is
 * painted behind it (the slide, or the bar it sits on) and a size readable on that screen, nothing
 * is cut off or drawn over another label, and the figures are the documents'. Screenshots: test-results/screenshots/presenter/<theme>-<size>-<n>.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  INDEX_URL,
  SCREENSHOTS,
  expectQuiet,
  openComparisonBar,
  sessionPerTest,
  shownView,
} from './browser';
import type { Session } from './browser';
import { auditSlide } from './slide-audit';

/**
 * Every chart a user can add (each has ＋ 加入演示), by view, as titled on screen. Some are drawn only
 * under 显示：占比 / 比率 (the execution-rate chart replaces the amounts there).
 */
const CHART_VIEWS: readonly { route: string; heading: string; charts: string[] }[] = [
  {
    route: 'execution',
    heading: '预算执行',
    charts: ['年初预算与决算金额', '完成年初预算的比例（执行率，对年初预算）'],
  },
  { route: 'yoy', heading: '同比变化', charts: ['主要收支与上年相比的增减幅度'] },
  {
    route: 'sangong',
    heading: '三公经费',
    charts: ['三公经费：各单位、各年度，分项堆叠（预算数与决算数）'],
  },
  {
    route: 'performance',
    heading: '绩效评价',
    charts: ['自评等级分布（各单位）', '自评得分与执行率'],
  },
];

/**
 * Figures each slide must show, typed from the documents: the province (004) 一般公共预算 年初预算
 * 2,296.91, 决算 42,238.46, 完成年初预算的1838.93% (line 474); its 三公 决算 3.57 (line 504);
 * its 营商环境评估费 self-evaluation scored 39.8 差 (line 588; the point's hover text, an SVG <title>).
 */
const SLIDE_FIGURES: Record<string, string[]> = {
  '完成年初预算的比例（执行率，对年初预算）': ['1,838.93%'],
  年初预算与决算金额: ['2,296.91', '42,238.46'],
  '三公经费：各单位、各年度，分项堆叠（预算数与决算数）': ['3.57'],
  自评得分与执行率: ['营商环境评估费', '得分：39.8（差）'],
  '自评等级分布（各单位）': ['山西省行政审批服务管理局'],
};

const THEMES = [
  { key: 'standard', label: '标准' },
  { key: 'hc-light', label: '高对比·浅色（投影）' },
  { key: 'hc-dark', label: '高对比·深色（投影）' },
] as const;
/**
 * Screens, with the smallest text a slide may show on each (px): 12 px chart labels zoomed up on a
 * large screen; on a projector's 1280×720 or 1024×768 the bars pack tighter before the type
 * shrinks (it was 9.1 px and 4.7 px on the most crowded slide when the whole slide was zoomed).
 */
const SIZES = [
  { width: 1920, height: 1080, minText: 15 },
  { width: 1280, height: 720, minText: 9.5 },
] as const;
/** A common 4:3 projector, in the default (projector) theme: the slide takes its whole height. */
const SMALL_PROJECTOR = { width: 1024, height: 768, minText: 10 } as const;
const CASES = [
  ...THEMES.flatMap((theme) => SIZES.map((size) => ({ theme, size }))),
  { theme: THEMES[1], size: SMALL_PROJECTOR },
];

let s: Session;
sessionPerTest((next) => (s = next), { quiet: true });

/**
 * Adds every chart of every chart view to the deck, as a user would, under 金额 and then under
 * 占比 / 比率 (each title once); leaves 金额 chosen. Returns the titles in deck order.
 */
async function addEveryChart(page: Page): Promise<string[]> {
  const added: string[] = [];
  for (const v of CHART_VIEWS) {
    await page.goto(`${INDEX_URL}#/${v.route}`);
    await page.getByRole('heading', { level: 2, name: v.heading }).waitFor();
    const view = shownView(page);
    const seen: string[] = [];
    await openComparisonBar(page);
    for (const mode of ['金额', '占比 / 比率']) {
      await page.getByRole('radio', { name: mode }).check();
      // The charts of this mode are drawn once the first one named here is.
      await view.locator('figure.chart-frame').first().waitFor();
      await page.waitForTimeout(300);
      const titles = await view
        .locator('figure.chart-frame')
        .evaluateAll((fs) => fs.map((f) => (f as HTMLElement).dataset['chartTitle'] ?? ''));
      for (const chart of titles) {
        if (seen.includes(chart)) continue;
        seen.push(chart);
        const frame = view.locator(`figure.chart-frame[data-chart-title="${chart}"]`);
        await frame.getByRole('button', { name: '＋ 加入演示' }).click();
        added.push(chart);
      }
    }
    // No chart of the view is left out of this test, and none is unknown to it.
    expect(seen).toEqual(v.charts);
    await page.getByRole('radio', { name: '金额' }).check();
  }
  await page.getByRole('link', { name: `演示（${added.length}）` }).click();
  await page.getByRole('heading', { level: 2, name: '演示' }).waitFor();
  return added;
}

/** Whether the slide's chart is drawn inside the slide, waiting a few seconds for it. */
async function chartShown(page: Page): Promise<boolean> {
  for (let tries = 0; tries < 20; tries++) {
    const { chart } = await page.evaluate(auditSlide);
    if (chart.marks > 0 && chart.hit && chart.insideShare > 0.98) return true;
    await page.waitForTimeout(250);
  }
  return false;
}

function slideNumber(page: Page): Promise<string> {
  return page.locator('.presenter-stage .slide-number').innerText();
}

describe('presenter mode', () => {
  it.each(CASES)(
    'theme $theme.key at $size.width×$size.height: every chart shows on its slide, readable, uncut, with its figures',
    async ({ theme, size }) => {
      const { page } = s;
      await page.setViewportSize({ width: size.width, height: size.height });
      const charts = await addEveryChart(page);
      await page.getByLabel(theme.label).check();
      await page.getByRole('button', { name: '开始演示（全屏）' }).click();
      const dir = join(SCREENSHOTS, 'presenter');
      mkdirSync(dir, { recursive: true });
      const problems: string[] = [];
      for (const [i, chart] of charts.entries()) {
        await expect.poll(() => slideNumber(page)).toBe(`${i + 1} / ${charts.length}`);
        const where = `slide ${i + 1} (${chart})`;
        const target = page.locator(`.presenter-stage .slide-target[data-chart-title="${chart}"]`);
        const found = await target
          .waitFor({ timeout: 8000 })
          .then(() => true)
          .catch(() => false);
        if (!found) {
          problems.push(`${where}: the slide does not find its chart`);
          await page.screenshot({
            path: join(dir, `${theme.key}-${size.width}x${size.height}-${i + 1}.png`),
          });
          await page.keyboard.press('PageDown');
          continue;
        }
        const shownText = await target.evaluate((el) => el.textContent ?? '');
        for (const figure of SLIDE_FIGURES[chart] ?? [])
          if (!shownText.includes(figure)) problems.push(`${chart}: ${figure} not shown`);
        // The chart is drawn, on the slide (not laid out somewhere below it, not skipped).
        if (!(await chartShown(page))) problems.push(`${where}: chart not shown on the slide`);
        await page.waitForTimeout(150);
        await page.screenshot({
          path: join(dir, `${theme.key}-${size.width}x${size.height}-${i + 1}.png`),
        });
        const audit = await page.evaluate(auditSlide);
        for (const t of audit.lowContrast)
          problems.push(
            `${where}: “${t.text}” ${t.fg} on ${t.bg} = ${t.ratio}:1 < ${t.required}:1`,
          );
        for (const c of audit.clipped) problems.push(`${where}: clipped ${c}`);
        for (const o of audit.overlapping) problems.push(`${where}: overlapping ${o}`);
        for (const c of audit.faintMarks)
          problems.push(`${where}: bars or symbols in ${c} under 3:1 against the slide`);
        const smallest = Math.min(...audit.texts.map((t) => t.fontPx));
        if (smallest < size.minText)
          problems.push(`${where}: text ${smallest.toFixed(1)} px, under ${size.minText} px`);
        for (const id of audit.ambiguousPatterns)
          problems.push(`${where}: pattern #${id} is defined more than once in the page`);
        expect(audit.texts.length, `${where}: texts measured`).toBeGreaterThan(5);
        await page.keyboard.press('PageDown');
      }
      expect(problems).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.presenter-stage').count()).toBe(0);
      expectQuiet(s);
    },
    180_000,
  );

  it('starts on the first slide again after Esc; keys and clicker keys move through the deck', async () => {
    const { page } = s;
    const charts = await addEveryChart(page);
    const n = charts.length;
    const start = page.getByRole('button', { name: '开始演示（全屏）' });
    await start.click();
    await expect.poll(() => slideNumber(page)).toBe(`1 / ${n}`);
    // A clicker sends PageDown / PageUp; keyboards use the arrows, space, Home and End.
    await page.keyboard.press('PageDown');
    await expect.poll(() => slideNumber(page)).toBe(`2 / ${n}`);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slideNumber(page)).toBe(`3 / ${n}`);
    await page.keyboard.press(' ');
    await expect.poll(() => slideNumber(page)).toBe(`4 / ${n}`);
    await page.keyboard.press('PageUp');
    await expect.poll(() => slideNumber(page)).toBe(`3 / ${n}`);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slideNumber(page)).toBe(`2 / ${n}`);
    await page.keyboard.press('End');
    await expect.poll(() => slideNumber(page)).toBe(`${n} / ${n}`);
    // Full screen is asked for on the stage.
    await expect
      .poll(() => page.evaluate(() => document.fullscreenElement?.className ?? ''))
      .toContain('presenter-stage');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.presenter-stage').count()).toBe(0);
    await start.click();
    await expect.poll(() => slideNumber(page)).toBe(`1 / ${n}`);
    await expect
      .poll(() => page.locator('.presenter-stage .slide-target').getAttribute('data-chart-title'))
      .toBe(charts[0]);
  });
});
