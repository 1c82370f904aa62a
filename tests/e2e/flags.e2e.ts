/**
 * 疑点 from the file:// build in real Chromium: the rows the rules give on the five shipped
 * documents (figures typed from public/data/sources/), a figure opening its source line, a
 * threshold kept in the address across a reload, the 总览 card's count leading to its unit's
 * flags, and the list as a presenter slide. Screenshots at 1920×1080 and 1280×720.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  INDEX_URL,
  expectQuiet,
  screenshot,
  sessionPerTest,
  shownView,
  waitOrExplain,
} from './browser';
import type { Session } from './browser';
import { auditSlide } from './slide-audit';

const THEMES = ['标准', '高对比·浅色（投影）', '高对比·深色（投影）'] as const;

const CENTER = 'datong-service-center-2024-final';

let s: Session;
sessionPerTest((next) => (s = next));

function hashOf(page: Page): Promise<string> {
  return page.evaluate(() => window.location.hash);
}

/** The rows of the 疑点 table as their visible text. */
async function flagRows(page: Page): Promise<string[]> {
  return shownView(page)
    .locator('.flags-table table tbody tr')
    .evaluateAll((trs) => trs.map((tr) => (tr.textContent ?? '').replace(/\s+/g, ' ')));
}

describe('疑点 (#/flags), from file://', () => {
  it('lists what the rules pick out, each figure linked to its line', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/flags`);
    const view = shownView(page);
    await waitOrExplain(s, view.getByRole('heading', { level: 2, name: '疑点' }), 'flags');
    await waitOrExplain(s, view.locator('.flags-table table tbody tr').first(), 'flags-rows');
    // Every document loaded: 31 flags at the default thresholds (6 偏离, 9 执行率, 13 评级, 3 三公).
    await expect.poll(() => view.getByRole('status').first().textContent()).toContain('共 31 条');
    const rows = await flagRows(page);
    // The province's 一般公共服务支出: 年初预算 2,122.88, 决算 42,033.11 (完成 1980.00%).
    expect(rows.some((r) => r.includes('201 一般公共服务支出') && r.includes('1980.00%'))).toBe(
      true,
    );
    // The service center's QT其他养人2 graded 优 (90.42) with 1.4 of 4.09 spent.
    expect(rows.some((r) => r.includes('QT其他养人2') && r.includes('优，执行率34.23%'))).toBe(
      true,
    );
    // Every rule is explained on screen with its basis.
    for (const name of ['预算偏离', '执行率偏低', '评级与执行', '“三公”只减不增', '支出结构']) {
      await view.getByRole('heading', { level: 4, name }).waitFor();
    }
    // The list exports as shown: CSV with BOM, the header and the printed figures.
    const wrap = view.locator('.flags-table');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      wrap.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv).toContain('严重程度,单位,年度,文件,项目,规则,计算结果');
    expect(csv).toContain('年初预算 2,122.88万元');
    expect(csv).toContain('优，执行率34.23%');
    await screenshot(page, 'views/flags-1920x1080');
    await page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(page, 'views/flags-1280x720');

    // A figure opens the source viewer at its line: the province's 年初预算 2,122.88 (line 476).
    const row = view.locator('.flags-table table tbody tr', { hasText: '201 一般公共服务支出' });
    await row.getByRole('link', { name: '2,122.88' }).first().click();
    await expect
      .poll(() => hashOf(page))
      .toContain('#/source/shanxi-province-bureau-2024-final?line=476');
    expectQuiet(s);
  });

  it('keeps a threshold in the address, across a reload', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/flags`);
    const view = shownView(page);
    await waitOrExplain(s, view.locator('.flags-table table tbody tr').first(), 'flags-rows');
    const input = view.getByLabel('决算偏离预算超过 ±');
    await input.fill('40');
    await input.press('Enter');
    await expect.poll(() => hashOf(page)).toBe('#/flags?dev=40');
    // At ±40% the city 部门's 社会保障和就业支出 (130.66%) no longer trips; the center's 146.32% does.
    await expect
      .poll(async () => (await flagRows(page)).some((r) => r.includes('130.66%')))
      .toBe(false);
    await page.reload();
    await waitOrExplain(s, view.locator('.flags-table table tbody tr').first(), 'flags-reload');
    expect(await view.getByLabel('决算偏离预算超过 ±').inputValue()).toBe('40');
    expect((await flagRows(page)).some((r) => r.includes('146.32%'))).toBe(true);
    expect((await flagRows(page)).some((r) => r.includes('130.66%'))).toBe(false);
    expectQuiet(s);
  });

  it('a 总览 card counts its flags and links to them; the list becomes a slide', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/overview`);
    const card = page.locator('article.doc-card', { hasText: '大同市政务服务中心' });
    const link = card.getByRole('link', { name: /^疑点 \d+ 条$/ });
    await waitOrExplain(s, link, 'card-flag-count');
    // 偏离 2 (合计, 201), 执行率 3 (J残疾人就业保障金, QT其他养人2, Z大厅…), 评级 3.
    expect(await link.textContent()).toBe('疑点 8 条');
    await link.click();
    const view = shownView(page);
    await expect.poll(() => hashOf(page)).toBe(`#/flags?unit=${CENTER}`);
    await expect.poll(async () => (await flagRows(page)).length).toBe(8);
    expect((await flagRows(page)).every((r) => r.includes('大同市政务服务中心'))).toBe(true);

    // ＋ 加入演示 on the 疑点一览, then present it.
    const frame = view.locator('figure.chart-frame', { hasText: '疑点一览' });
    await frame.getByRole('button', { name: '＋ 加入演示' }).click();
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: /演示/ })
      .click();
    // In each projector theme and at both sizes, every text on the slide is readable (WCAG
    // contrast against what is behind it) and nothing is cut off or drawn over another text.
    const problems: string[] = [];
    for (const [i, theme] of THEMES.entries()) {
      for (const size of [
        { width: 1920, height: 1080 },
        { width: 1280, height: 720 },
      ]) {
        await page.setViewportSize(size);
        await page.getByLabel(theme).check();
        await page.getByRole('button', { name: '开始演示（全屏）' }).click();
        const target = page.locator('.presenter-stage figure.slide-target');
        await waitOrExplain(s, target, 'flags-slide');
        expect(await target.textContent()).toContain('QT其他养人2');
        await page.waitForTimeout(200);
        await screenshot(page, `presenter/flags-${i}-${size.width}x${size.height}`);
        const audit = await page.evaluate(auditSlide);
        for (const t of audit.lowContrast)
          problems.push(`${theme} ${size.width}: “${t.text}” ${t.fg} on ${t.bg} = ${t.ratio}:1`);
        for (const c of audit.clipped) problems.push(`${theme} ${size.width}: clipped ${c}`);
        for (const o of audit.overlapping)
          problems.push(`${theme} ${size.width}: overlapping ${o}`);
        expect(audit.texts.length).toBeGreaterThan(8);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('.presenter-stage').count()).toBe(0);
      }
    }
    expect(problems).toEqual([]);
    expectQuiet(s);
  });
});
