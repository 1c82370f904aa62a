/**
 * A disclosure PDF dropped on 数据文件 from file:// with the network blocked: pdf.js (in
 * dist/ingest-pdf.js, with the GB CMaps inside) is inserted only then; a long PDF shows its
 * progress and can be cancelled with nothing stored; bad PDFs are refused by name; a good one
 * becomes a document whose figures link to their page and line in 原文.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { JSHandle, Page } from 'playwright-core';
import { layoutTextPdf } from '../ingest/helpers/layout-pdf';
import { cjkTextPdf, imageOnlyPdf } from '../ingest/helpers/tiny-pdf';
import type { PlacedText } from '../ingest/helpers/tiny-pdf';
import { DIST, INDEX_URL, expectQuiet, screenshot, sessionPerTest, waitOrExplain } from './browser';
import type { Session } from './browser';

const FIXTURES = join(__dirname, '../fixtures/national');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

interface DropFile {
  name: string;
  bytes: Uint8Array;
}

/** Files as the page's DataTransfer, made ahead so a test can slow the page before dropping. */
function dataTransferOf(page: Page, files: DropFile[]): Promise<JSHandle<DataTransfer>> {
  const payload = files.map((f) => ({
    name: f.name,
    b64: Buffer.from(f.bytes).toString('base64'),
  }));
  return page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: 'application/pdf' }));
    }
    return dt;
  }, payload);
}

/** Drops files on the window as a user drags them from the desktop. */
async function drop(page: Page, files: DropFile[] | JSHandle<DataTransfer>): Promise<void> {
  const dataTransfer = Array.isArray(files) ? await dataTransferOf(page, files) : files;
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

async function openDataFiles(page: Page): Promise<void> {
  await page.goto(`${INDEX_URL}#/data`);
  await waitOrExplain(s, page.getByRole('heading', { level: 2, name: '数据文件' }), 'data-ready');
}

/** A PDF of `count` pages of 40 table-like lines each: long enough to watch and cancel. */
function longPdf(count: number): Uint8Array {
  const page: PlacedText[] = Array.from({ length: 40 }, (_, i) => [
    { x: 20, y: 30 + i * 16, text: `${201 + i} 一般公共服务支出` },
    { x: 400, y: 30 + i * 16, text: '31,146,100.00' },
    { x: 600, y: 30 + i * 16, text: '11,279,300.00' },
  ]).flat();
  return cjkTextPdf(Array.from({ length: count }, () => page));
}

/** The national-layout fixture printed as the committed PDF is, with another unit's name. */
function renamedDatongPdf(unit: string): Uint8Array {
  const text = readFileSync(join(FIXTURES, 'datong-dept-2024-final.layout.txt'), 'utf8');
  return layoutTextPdf(text.replaceAll('大同市行政审批服务管理局', unit));
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2 A/AA violations inside `selector` (as tests/e2e/a11y.e2e.ts runs it). */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (include) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ...a: unknown[]
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(include, { runOnly: ['wcag2a', 'wcag2aa'] });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
    );
  }, selector);
}

let s: Session;
sessionPerTest((next) => (s = next));

describe('a .pdf disclosure in 数据文件, from file://', () => {
  it('pdf.js is not in the first view: index.html lacks it, ingest-pdf.js has it', async () => {
    const marker = 'WorkerMessageHandler';
    expect(readFileSync(join(DIST, 'ingest-pdf.js'), 'utf8')).toContain(marker);
    expect(readFileSync(join(DIST, 'index.html'), 'utf8')).not.toContain(marker);
    await openDataFiles(s.page);
    expect(await s.page.evaluate(() => '__BUDGET_PDF__' in window)).toBe(false);
    expectQuiet(s);
  });

  it('refuses encrypted, non-PDF, scanned and truncated files by name; loaded documents stay', async () => {
    const { page } = s;
    await openDataFiles(page);
    const builtIn = page.getByRole('list', { name: '内置数据' }).getByRole('listitem');
    expect(await builtIn.count()).toBe(5);

    await drop(page, [
      { name: '加密.pdf', bytes: fixture('encrypted.pdf') },
      {
        name: '改名.pdf',
        bytes: new TextEncoder().encode('一、收入支出决算总表\n本年收入合计 3,540.62\n'),
      },
      { name: '扫描件.pdf', bytes: imageOnlyPdf() },
      // A download cut short: the first half of the committed fixture.
      { name: '未下载完.pdf', bytes: fixture('datong-dept-2024-final.pdf').slice(0, 6000) },
    ]);
    const alerts = page.locator('.import-outcomes [role="alert"]');
    await expect.poll(() => alerts.count(), { timeout: 30_000 }).toBe(4);
    const texts = await alerts.allInnerTexts();
    expect(texts[0]).toMatch(/^✗ 文件 加密\.pdf：PDF 已加密（需要密码才能打开），无法读取。/);
    expect(texts[1]).toMatch(/^✗ 文件 改名\.pdf：不是 PDF 文件（文件开头没有 “%PDF-” 标记）/);
    expect(texts[2]).toMatch(
      /^✗ 文件 扫描件\.pdf：PDF 没有文字层（可能是扫描件），无法读取表格数字：第 1 页/,
    );
    expect(texts[3]).toMatch(
      /^✗ 文件 未下载完\.pdf：PDF 文件已损坏或不完整（可能下载未完成），无法读取。/,
    );
    expect(texts.every((t) => t.includes('未导入，已加载的数据不受影响'))).toBe(true);
    expect(await page.evaluate(() => '__BUDGET_PDF__' in window)).toBe(true);
    expect(await builtIn.count()).toBe(5);
    expect(await page.getByText('尚未导入任何文件。').isVisible()).toBe(true);
    await screenshot(page, 'ingest-pdf-refused');
    expectQuiet(s);
  });

  it('shows progress on a long PDF, stays responsive, and a cancel stores nothing', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1280, height: 720 });
    await openDataFiles(page);
    const files = await dataTransferOf(page, [{ name: '全市汇编.pdf', bytes: longPdf(200) }]);
    // An old office PC: 8× slower script, so the read (about 4 ms a page on this machine) lasts
    // long enough to watch and cancel, however fast or busy the machine is.
    const cdp = await s.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    await drop(page, files);

    const status = page.locator('.import-progress [role="status"]');
    await expect
      .poll(() => status.innerText(), { timeout: 30_000 })
      .toMatch(/^正在读取 全市汇编\.pdf：第 ([2-9]|\d\d) \/ 200 页$/);
    const bar = page.getByRole('progressbar', { name: '全市汇编.pdf 读取进度' });
    expect(await bar.getAttribute('max')).toBe('200');
    // The page answers while pages are read (the reader yields after each one).
    const t0 = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - t0).toBeLessThan(1000);
    await screenshot(page, 'ingest-pdf-progress');

    const cancel = page.getByRole('button', { name: '取消' });
    await cancel.focus();
    await page.keyboard.press('Enter');
    const outcome = page.locator('.import-outcomes li');
    await expect
      .poll(() => outcome.innerText())
      .toMatch(/^✗ 文件 全市汇编\.pdf：已取消导入（读到第 \d+ \/ 200 页），未保存任何数据$/);
    expect(await page.locator('.import-progress').count()).toBe(0);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(await page.getByText('尚未导入任何文件。').isVisible()).toBe(true);

    // Nothing reached browser storage either.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '数据文件' }).waitFor();
    await page.getByRole('list', { name: '内置数据' }).waitFor();
    expect(await page.getByText('尚未导入任何文件。').isVisible()).toBe(true);
    expectQuiet(s);
  });

  it('reads a national-layout PDF: the same document as a built-in one is named; another unit’s becomes a document linked to its page and line', async () => {
    const { page } = s;
    await openDataFiles(page);
    // Both committed PDFs are 大同市行政审批服务管理局's 2024 部门决算, which is also built in:
    // one in a non-embedded font (CMaps), one printed by Chromium with embedded fonts.
    await drop(page, [
      { name: 'datong-dept-2024-final.pdf', bytes: fixture('datong-dept-2024-final.pdf') },
      { name: 'national.pdf', bytes: fixture('datong-dept-2024-final.national.pdf') },
    ]);
    const alerts = page.locator('.import-outcomes [role="alert"]');
    await expect.poll(() => alerts.count(), { timeout: 30_000 }).toBe(2);
    for (const [k, name] of ['datong-dept-2024-final\\.pdf', 'national\\.pdf'].entries()) {
      expect(await alerts.nth(k).innerText()).toMatch(
        new RegExp(
          `文件 ${name}：这是“.*大同市行政审批服务管理局.*”（编号 datong-city-dept-2024-final），与内置数据包.*是同一单位、年度和类型的文档，未导入`,
        ),
      );
    }
    const outcomes = page.locator('.import-outcomes');

    const UNIT = '测试市行政审批服务管理局';
    await drop(page, [{ name: '测试市部门决算.pdf', bytes: renamedDatongPdf(UNIT) }]);
    await expect
      .poll(() => outcomes.innerText(), { timeout: 30_000 })
      .toMatch(
        /已导入文件 测试市部门决算\.pdf：测试市行政审批服务管理局 2024年部门决算（编号 [a-z0-9-]+-2024-final），\d+ 条校验结果/,
      );
    const item = page.locator('.file-list li', { hasText: '测试市部门决算.pdf' });
    expect(await item.innerText()).toMatch(
      /用户导入[\s\S]*测试市行政审批服务管理局 2024年部门决算/,
    );
    await screenshot(page, 'ingest-pdf-data');

    await page.goto(`${INDEX_URL}#/overview`);
    const card = page.getByRole('article', { name: UNIT, exact: true });
    const headline = (label: string) =>
      card.locator('.headline-row', { hasText: label }).locator('dd');
    await expect.poll(() => headline('本年收入合计').innerText()).toContain('3,540.62');
    await expect.poll(() => headline('本年支出合计').innerText()).toContain('3,540.42');

    // 本年支出合计 is printed on page 2, line 9 (page 1 has 7 lines: global line 16).
    await headline('本年支出合计').getByRole('link').click();
    await page.waitForURL(/#\/source\/[a-z0-9-]+-2024-final\?line=16/);
    const target = page.locator('.source-line-target');
    await target.waitFor();
    expect(await target.innerText()).toMatch(/本年支出合计\s+3,540\.42/);
    expect(await page.locator('.source-target').innerText()).toMatch(
      /^定位到第 2 页第 9 行（全文第 16 行）/,
    );
    expect(await page.getByRole('separator').allInnerTexts()).toEqual([
      '— 第 1 页 —',
      '— 第 2 页 —',
      '— 第 3 页 —',
      '— 第 4 页 —',
      '— 第 5 页 —',
    ]);
    await page.setViewportSize({ width: 1280, height: 720 });
    // Wide rows are not wrapped: 九、卫生健康支出 keeps its 71.24 on its own line (page 2, line 7).
    const rowHeight = async (n: number) =>
      (await page.locator(`#L${n}`).boundingBox())?.height ?? 0;
    expect(await rowHeight(14)).toBeLessThan((await rowHeight(13)) * 1.5);
    expect(await page.locator('#L14').innerText()).toMatch(/九、卫生健康支出\s+71\.24$/);
    await screenshot(page, 'ingest-pdf-source');
    expect(await axeViolations(page, '.source-viewer')).toEqual([]);
    expectQuiet(s);
  });

  it('reads pages of a real 上海市普陀区财政局 PDF: rows printed above their labels and over several lines', async () => {
    const { page } = s;
    await openDataFiles(page);
    await drop(page, [{ name: '普陀财政局.pdf', bytes: fixture('putuo-finance-2024-final.pdf') }]);
    const outcomes = page.locator('.import-outcomes');
    await expect
      .poll(() => outcomes.innerText(), { timeout: 30_000 })
      .toMatch(
        /已导入文件 普陀财政局\.pdf：上海市普陀区财政局 2024年部门决算（编号 county-dept-[0-9a-f]{8}-2024-final），\d+ 条校验结果/,
      );
    expect(await outcomes.innerText()).not.toMatch(/未能读入|没有读出数字/);
    await page.goto(`${INDEX_URL}#/tables`);
    await page.getByRole('heading', { level: 2, name: '明细表' }).waitFor();
    await page.goto(`${INDEX_URL}#/checks`);
    await expect
      .poll(() => page.locator('main').innerText(), { timeout: 10_000 })
      .toMatch(/上海市普陀区财政局 2024年部门决算/);
    // Its tables add up as printed: no sum error for 支出决算表 (公开03) or 基本支出 (公开06).
    expect(await page.locator('main').innerText()).not.toMatch(
      /错误\s+上海市普陀区财政局[^\n]*公开0[36]/,
    );
    expectQuiet(s);
  });
});
