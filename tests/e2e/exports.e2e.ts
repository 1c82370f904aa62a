/**
 * Exports in real Chromium from file:// (under the build's CSP): a chart's data table to CSV
 * (BOM, printed figures) and Excel, its drawing to PNG (2×) and SVG, and the print stylesheet.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  it('an Excel file deflated, rates as percent numbers, document labels in their own columns', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/execution`);
    const wrap = shownView(page)
      .locator('.data-table-wrap')
      .filter({ hasText: '年初预算、决算与执行率' })
      .first();
    await wrap.locator('tbody tr').first().waitFor();
    const { bytes } = await download(page, wrap.getByRole('button', { name: '导出 Excel' }));
    // Every part deflated (method 8 in each local header).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const methods = new Map<string, number>();
    for (let at = 0; view.getUint32(at, true) === 0x04034b50;) {
      const nameLength = view.getUint16(at + 26, true);
      const name = bytes.subarray(at + 30, at + 30 + nameLength).toString('utf8');
      methods.set(name, view.getUint16(at + 8, true));
      at += 30 + nameLength + view.getUint16(at + 28, true) + view.getUint32(at + 18, true);
    }
    expect(methods.size).toBe(7);
    expect(methods.get('xl/worksheets/sheet1.xml')).toBe(8);
    expect(methods.get('xl/sharedStrings.xml')).toBe(8);
    const files = unzipSync(new Uint8Array(bytes));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    const strings = [
      ...strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array()).matchAll(
        /<t(?: [^>]*)?>([^<]*)<\/t>/g,
      ),
    ].map((m) => m[1] ?? '');
    const styles = strFromU8(files['xl/styles.xml'] ?? new Uint8Array());
    // Row 2, the header: 单位 / 年度 / 口径 / 类型 apart.
    const header = [
      ...(/<row r="2">(.*?)<\/row>/.exec(sheet)?.[1] ?? '').matchAll(/<v>(\d+)<\/v>/g),
    ].map((m) => strings[Number(m[1])]);
    expect(header.slice(0, 4)).toEqual(['单位', '年度', '口径', '类型']);
    // 山西省 2024: 完成年初预算的1838.93% → 18.3893 with a percent format.
    const rate = /<c r="[A-Z]+\d+" s="(\d+)"><v>18\.3893<\/v><\/c>/.exec(sheet);
    expect(rate).not.toBeNull();
    const xf = [
      ...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*>/g),
    ][Number(rate?.[1])]?.[0];
    const fmtId = /numFmtId="(\d+)"/.exec(xf ?? '')?.[1];
    expect(styles).toContain(`<numFmt numFmtId="${fmtId}" formatCode="0.00%"/>`);
    expect(strings).toContain('山西省行政审批服务管理局');
    expect(strings.some((t) => /\d{4}年(单位|部门)(预算|决算)/.test(t))).toBe(false);
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

  it('a chart of patterned bars (三公经费, 自评等级) exports with its patterns', async () => {
    const { page } = s;
    for (const [view, title] of [
      ['sangong', /^三公经费：各单位、各年度/],
      ['performance', /^自评等级分布/],
    ] as const) {
      await page.goto(`${INDEX_URL}#/${view}`);
      const chart = shownView(page)
        .locator('figure.chart-frame')
        .filter({ has: page.locator('.chart-title', { hasText: title }) });
      await chart
        .locator('.chart-body svg .recharts-bar-rectangle')
        .first()
        .waitFor({ state: 'attached' });
      const svg = await download(page, chart.getByRole('button', { name: '导出 SVG' }));
      const text = svg.bytes.toString('utf8');
      // Each stacked part is filled with a pattern (colour and texture); a reference to a pattern
      // the file does not define draws that bar with no fill.
      const used = new Set([...text.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]));
      const defined = new Set([...text.matchAll(/<pattern [^>]*id="([^"]+)"/g)].map((m) => m[1]));
      expect(used.size, view).toBeGreaterThanOrEqual(4);
      expect(
        [...used].filter((id) => !defined.has(id)),
        view,
      ).toEqual([]);
    }
  });

  it('a chart exports with its legend: 同比变化 names each colour', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/yoy`);
    const chart = shownView(page).locator('figure.chart-frame').first();
    await chart.locator('.chart-body svg .recharts-bar-rectangle').first().waitFor();
    const svg = await download(page, chart.getByRole('button', { name: '导出 SVG' }));
    const text = svg.bytes.toString('utf8');
    // The legend is hidden from screen readers (the data table names the series), not from the
    // picture: its names and colour swatches travel with the bars.
    for (const name of [
      '省级单位2024：山西省行政审批服务管理局 2024年单位决算',
      '区县级部门2023：朔州市朔城区行政审批服务管理局 2023年部门决算',
    ])
      expect(text).toContain(name);
    const swatches = [...text.matchAll(/<rect [^>]*rx="2"[^>]*>/g)];
    expect(swatches).toHaveLength(5);
  });

  it('a chart exported from a narrow window keeps its title and legend inside the picture', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 560, height: 900 });
    await page.goto(`${INDEX_URL}#/sangong`);
    const chart = shownView(page).locator('figure.chart-frame').first();
    await chart
      .locator('.chart-body svg .recharts-bar-rectangle')
      .first()
      .waitFor({ state: 'attached' });
    const title = (await chart.locator('.chart-title').innerText()).trim();
    const svg = await download(page, chart.getByRole('button', { name: '导出 SVG' }));
    const file = join(ROOT, 'test-results', 'exports', 'narrow-sangong.svg');
    mkdirSync(join(ROOT, 'test-results', 'exports'), { recursive: true });
    await svg.d.saveAs(file);
    // Open the file itself and measure what it draws: every line of text ends inside it.
    await page.goto(`file://${file}`);
    const drawn = await page.evaluate(() => {
      const root = document.documentElement as unknown as SVGSVGElement;
      const texts = [...root.querySelectorAll(':scope > text')] as SVGTextElement[];
      return {
        width: root.width.baseVal.value,
        texts: texts.map((t) => ({
          text: t.textContent ?? '',
          right: t.getBBox().x + t.getBBox().width,
        })),
      };
    });
    const overflowing = drawn.texts.filter((t) => t.right > drawn.width + 1);
    expect(overflowing).toEqual([]);
    // The long title and the legend's longest label wrap onto lines of their own, in order.
    const bare = (text: string) => text.replace(/\s/g, '');
    const joined = bare(drawn.texts.map((t) => t.text).join(''));
    expect(joined).toContain(bare(title));
    expect(drawn.texts[0]?.text).not.toBe(title);
    expect(joined).toContain(bare('※ 推算值（上年数 = 本年数 ∓ 增减额，原文未印出）'));
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

  it.each(['execution', 'yoy', 'sangong', 'performance'])(
    'prints %s with title, selection, date and page numbers on every page; no chart title ends a page',
    async (route) => {
      const { page } = s;
      await page.goto(`${INDEX_URL}#/${route}`);
      await shownView(page).locator('figure.chart-frame .chart-body svg:visible').first().waitFor();
      // Chart titles and section headings: none may be left alone at the foot of a page.
      const titles = (await shownView(page).locator('.chart-title, h2, h3').allInnerTexts()).map(
        (t) => t.trim(),
      );
      const heading = (await shownView(page).locator('h2').first().innerText()).trim();
      await page.emulateMedia({ media: 'print' });
      // Charts answer the print width in the next frames; print the layout they settle on.
      await page.evaluate(
        () =>
          new Promise((done) =>
            requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300))),
          ),
      );
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const dir = mkdtempSync(join(tmpdir(), 'print-'));
      writeFileSync(join(dir, 'p.pdf'), pdf);
      mkdirSync(join(ROOT, 'test-results', 'exports'), { recursive: true });
      writeFileSync(join(ROOT, 'test-results', 'exports', `print-${route}.pdf`), pdf);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'p.pdf'), '-'], {
        encoding: 'utf8',
      });
      const pages = text.split('\f').filter((p) => p.trim() !== '');
      expect(pages.length).toBeGreaterThan(1);
      const now = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
      pages.forEach((p, i) => {
        const flat = p.replace(/\s+/g, '');
        expect(flat, `page ${i + 1}`).toContain(`预决算对比看板·${heading}`.replace(/\s+/g, ''));
        // The five shipped documents are the default selection: unit and year of each.
        for (const doc of [
          '山西省行政审批服务管理局2024年单位决算',
          '大同市政务服务中心2024年单位决算',
          '朔州市朔城区行政审批服务管理局2023年部门决算',
        ]) {
          expect(flat, `page ${i + 1}`).toContain(doc);
        }
        expect(flat, `page ${i + 1}`).toContain(`打印日期：${date}`);
        expect(flat, `page ${i + 1}`).toContain(`第${i + 1}页/共${pages.length}页`);
        // The last line of the page body (above the page number) is never a title.
        const lines = p
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '' && !/第\s*\d+\s*页\s*\/\s*共\s*\d+\s*页/.test(l));
        expect(lines.length, `page ${i + 1}`).toBeGreaterThan(3);
        const last = lines[lines.length - 1] ?? '';
        expect(titles, `page ${i + 1} ends with "${last}"`).not.toContain(last);
      });
    },
  );
});
