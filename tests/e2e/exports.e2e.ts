/**
 * Exports in real Chromium from file:// (under the build's CSP): a chart's data table to CSV
 * (BOM, printed figures) and Excel, its drawing to PNG (2×) and SVG, and the print stylesheet.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Locator, Page } from 'playwright-core';
import { DIST, INDEX_URL, ROOT, sessionPerTest, shownView } from './browser';
import type { Session } from './browser';

/** Every source text, without thousands separators, to check exported figures are printed ones. */
const SOURCES = readdirSync(join(DIST, 'data', 'sources'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(DIST, 'data', 'sources', f), 'utf8'))
  .join('\n');

async function download(page: Page, button: Locator): Promise<{ d: Download; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await d.path();
  return { d, bytes: readFileSync(path) };
}

/** The first chart on the 预算执行 view, once drawn. */
async function firstChart(page: Page): Promise<Locator> {
  await page.goto(`${INDEX_URL}#/execution`);
  const chart = shownView(page).locator('figure.chart-frame').first();
  await chart.locator('.chart-body svg').first().waitFor();
  return chart;
}

let s: Session;
sessionPerTest((next) => (s = next), { quiet: true });

describe('exports from file://', () => {
  it('a chart data table to CSV: UTF-8 BOM, the cells as shown, printed figures', async () => {
    const { page } = s;
    const chart = await firstChart(page);
    const title = (await chart.locator('.chart-title').innerText()).trim();
    const { d, bytes } = await download(page, chart.getByRole('button', { name: '导出 CSV' }));
    expect(d.suggestedFilename()).toBe(`${title}.csv`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    // The same cells as the chart's data table on screen.
    const rows = await chart
      .locator('.chart-data tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    const header = rows[0] ?? [];
    expect(csv.split('\r\n')[0]).toBe(header.join(','));
    expect(csv.split('\r\n').length).toBe(rows.length + 1);
    const figures = [...csv.matchAll(/"?(-?\d{1,3}(?:,\d{3})*\.\d{2})"?/g)].map((m) => m[1] ?? '');
    expect(figures.length).toBeGreaterThan(0);
    // Every figure with two decimals is printed in a source text (as 1234.56).
    const printed = figures.filter((f) => SOURCES.includes(f.replace(/,/g, '')));
    expect(printed.length).toBeGreaterThan(0);
  });

  it('a table to Excel: the printed figures as exact numbers', async () => {
    const { page } = s;
    const chart = await firstChart(page);
    const { bytes } = await download(page, chart.getByRole('button', { name: '导出 Excel' }));
    const files = unzipSync(new Uint8Array(bytes));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    const strings = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
    expect(strings).toContain((await chart.locator('.chart-title').innerText()).trim());
    const numbers = [...sheet.matchAll(/<v>(-?\d+(?:\.\d+)?)<\/v>/g)].map((m) => m[1] ?? '');
    expect(numbers.some((n) => n.includes('.') && SOURCES.includes(n))).toBe(true);
  });

  it('a DataTable (明细表) to CSV', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/tables`);
    const wrap = shownView(page).locator('.data-table-wrap').first();
    await wrap.locator('tbody tr').first().waitFor();
    const { bytes } = await download(page, wrap.getByRole('button', { name: '导出 CSV' }));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    const firstRow = await wrap.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(csv).toContain(
      firstRow
        .map((c) => c.trim())
        .map((c) => (/[",]/.test(c) ? `"${c}"` : c))
        .join(','),
    );
  });

  it('a chart to PNG at 2× and to SVG, within the CSP', async () => {
    const { page } = s;
    const chart = await firstChart(page);
    const body = await chart.locator('.chart-body').boundingBox();
    const png = await download(page, chart.getByRole('button', { name: '导出 PNG' }));
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = png.bytes.readUInt32BE(16);
    expect(width).toBe(Math.round(Math.round(body?.width ?? 0) * 2));
    expect(png.bytes.length).toBeGreaterThan(10_000);
    const svg = await download(page, chart.getByRole('button', { name: '导出 SVG' }));
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain((await chart.locator('.chart-title').innerText()).trim());
    expect(svg.d.suggestedFilename()).toMatch(/\.svg$/);
    // Kept for a look (gitignored).
    await png.d.saveAs(join(ROOT, 'test-results', 'exports', 'chart.png'));
    await svg.d.saveAs(join(ROOT, 'test-results', 'exports', 'chart.svg'));
  });

  it('prints to A4 landscape without the header and controls, chart tables open', async () => {
    const { page } = s;
    await firstChart(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await shownView(page).locator('.export-menu').first().isVisible()).toBe(false);
    expect(await shownView(page).locator('.chart-data table').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 landscape: 842 × 595 pt.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.9\d* 59[45]\.\d+\]/);
    await page.screenshot({
      path: join(ROOT, 'test-results', 'screenshots', 'print-execution.png'),
    });
  });
});
