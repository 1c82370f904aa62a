/**
 * 对比矩阵 in real Chromium from file://: the documents' figures with rank and distance from the
 * median, the sort and group in the address (kept across a reload), the CSV export, and the
 * matrix on a presenter slide in each theme at 1920×1080 and 1280×720 (readable, not cut off).
 * Screenshots: test-results/screenshots/matrix/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { INDEX_URL, SCREENSHOTS, sessionPerTest, shownView, waitOrExplain } from './browser';
import type { Session } from './browser';
import { auditSlide } from './slide-audit';

let s: Session;
sessionPerTest((next) => (s = next), { quiet: true });

const DIR = join(SCREENSHOTS, 'matrix');

async function openMatrix(page: Page, query = ''): Promise<void> {
  await page.goto(`${INDEX_URL}#/matrix${query}`);
  await waitOrExplain(
    s,
    shownView(page).locator('table.matrix-table tbody tr').nth(5),
    'matrix-rows',
  );
}

/** The unit names of the body rows, median row first. */
function rowHeads(page: Page): Promise<string[]> {
  return shownView(page)
    .locator('table.matrix-table tbody tr')
    .evaluateAll((trs) =>
      trs.map(
        (tr) =>
          (tr.querySelector('.matrix-unit-name') ?? tr.querySelector('th'))?.textContent?.trim() ??
          '',
      ),
    );
}

describe('对比矩阵 from file://', () => {
  it('shows each document’s figure with its rank and distance from the median', async () => {
    const { page } = s;
    mkdirSync(DIR, { recursive: true });
    for (const size of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(size);
      await openMatrix(page);
      const text = await shownView(page).locator('table.matrix-table').innerText();
      // Province 完成年初预算的1838.93% (line 474): the largest of four 决算, 1,710.89 points above
      // the median (109.76 + 146.32) ÷ 2 = 128.04%.
      expect(text).toContain('1,838.93%');
      expect(text).toContain('第 1/4');
      expect(text).toContain('+1,710.89 个百分点');
      expect(text).toContain('128.04%');
      // The 2026 budget has no execution figures: "—" and why.
      expect(text).toContain('预算文件，没有执行数');
      // Nothing scrolls sideways at either size.
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      await page.screenshot({
        path: join(DIR, `matrix-${size.width}x${size.height}.png`),
        fullPage: true,
      });
    }
    // A figure opens its source line.
    await shownView(page).getByRole('link', { name: '1,838.93%', exact: true }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('line=474');
  });

  it('keeps the group and the sort in the address, across a reload', async () => {
    const { page } = s;
    await openMatrix(page);
    await shownView(page).getByRole('radio', { name: '“三公”经费' }).check();
    await shownView(page)
      .getByRole('button', { name: /^“三公”经费合计/ })
      .click();
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toBe('#/matrix?group=sangong&sort=sangong.desc');
    await page.reload();
    await shownView(page)
      .getByRole('heading', { level: 3, name: '对比矩阵：“三公”经费，按“三公”经费合计从大到小' })
      .waitFor();
    // Province 三公 决算 3.57 (公开09), then the city 部门 1.01; the median row stays first.
    const heads = await rowHeads(page);
    expect(heads.slice(0, 3)).toEqual([
      '中位数（所比文件的中间值，不是合计）',
      '山西省行政审批服务管理局',
      '大同市行政审批服务管理局[部门]',
    ]);
  });

  it('exports the matrix to CSV with the median row, ranks and distances', async () => {
    const { page } = s;
    await openMatrix(page);
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      shownView(page).getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    expect(d.suggestedFilename()).toBe('对比矩阵：规模与执行.csv');
    const csv = readFileSync(await d.path())
      .subarray(3)
      .toString('utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toContain('本年收入合计（万元）,本年收入合计 排名,本年收入合计 距中位数');
    expect(lines[1]).toMatch(/^中位数,,,,"1,564.72"/);
    const province = lines.find((l) => l.startsWith('山西省行政审批服务管理局,单位,2024,决算'));
    expect(province).toContain('"1,838.93%",1/4');

    // Excel: the same table, the printed rate as a percent number (1,838.93% → 18.3893).
    const [x] = await Promise.all([
      page.waitForEvent('download'),
      shownView(page).getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    const files = unzipSync(new Uint8Array(readFileSync(await x.path())));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    const strings = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
    expect(strings).toContain('一般公共预算执行率 排名');
    expect(strings).toContain('中位数');
    expect(sheet).toContain('<v>18.3893</v>');
    expect(sheet).toContain('<v>42684.35</v>');
  });

  it('shows on a presenter slide in every theme, readable and not cut off', async () => {
    const { page } = s;
    await openMatrix(page, '?group=sangong');
    await shownView(page).getByRole('button', { name: '＋ 加入演示' }).click();
    // The slide shows the group it was added with, whatever the page shows later.
    await shownView(page).getByRole('radio', { name: '规模与执行' }).check();
    await page.getByRole('link', { name: '演示（1）' }).click();
    await page.getByRole('heading', { level: 2, name: '演示' }).waitFor();
    const problems: string[] = [];
    for (const theme of ['标准', '高对比·浅色（投影）', '高对比·深色（投影）'])
      for (const size of [
        { width: 1920, height: 1080 },
        { width: 1280, height: 720 },
      ]) {
        await page.setViewportSize(size);
        await page.getByLabel(theme).check();
        await page.getByRole('button', { name: '开始演示（全屏）' }).click();
        const target = page.locator(
          '.presenter-stage .slide-target[data-chart-title="对比矩阵：“三公”经费"]',
        );
        await target.waitFor({ timeout: 10_000 });
        await page.waitForTimeout(300);
        const where = `${theme} ${size.width}×${size.height}`;
        const text = await target.innerText();
        // Province 三公 决算 3.57 and 公务用车运行维护费 3.20 (公开09, line 380).
        for (const figure of ['3.57', '3.20', '中位数'])
          if (!text.includes(figure)) problems.push(`${where}: ${figure} not shown`);
        await page.screenshot({
          path: join(DIR, `slide-${theme}-${size.width}x${size.height}.png`),
        });
        const audit = await page.evaluate(auditSlide);
        for (const t of audit.lowContrast)
          problems.push(
            `${where}: “${t.text}” ${t.fg} on ${t.bg} = ${t.ratio}:1 < ${t.required}:1`,
          );
        for (const c of audit.clipped) problems.push(`${where}: clipped ${c}`);
        expect(audit.texts.length, `${where}: texts measured`).toBeGreaterThan(20);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('.presenter-stage').count()).toBe(0);
      }
    expect(problems).toEqual([]);
  }, 120_000);
});
