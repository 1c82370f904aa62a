/**
 * A long 明细表 in real Chromium from file://: a generated 1,011-row 公开03 (the benchmark's
 * generator, smaller) is loaded through 数据文件, expanded, and scrolled by wheel steps and by
 * jumps. Only the rows in view are in the DOM (@tanstack/react-virtual): after every step the rows
 * on screen must be, in order, the rows of the bundle at those positions, with their amounts and
 * source lines, the columns must keep their widths, and the ▾ of a row far down the table must
 * work from the keyboard. The built-in documents have no table this long.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bigTableBundle, loadTemplates } from '../bench/generate';
import { INDEX_URL, screenshot, sessionPerTest, shownView } from './browser';
import type { Session } from './browser';

const UNIT = '长表测试单位（E2E）';
// 10 类 × 10 款 × 9 项, with 合计: 1 + 10 + 100 + 900 rows.
const bundle = (() => {
  const b = bigTableBundle(loadTemplates(), 20261124, 10, 10, 9);
  return { ...b, id: 'e2e-long-table', unit: { ...b.unit, name: UNIT } };
})();
const table = bundle.tables.find((t) => t.id === '公开03');
if (!table) throw new Error('no 公开03 in the generated bundle');
const ROWS = table.rows;

/** "1234.5" → "1,234.50", as a reader sees an amount in 万元 (two decimals, grouped). */
function shown(v: string): string {
  const [int = '', frac = ''] = v.split('.');
  return `${int.replace(/\B(?=(\d{3})+$)/g, ',')}.${frac.padEnd(2, '0')}`;
}

let s: Session;
sessionPerTest((next) => (s = next), { quiet: true });

async function openLongTable(page: Page): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'budget-e2e-long-'));
  const file = join(dir, 'long-table.json');
  writeFileSync(file, JSON.stringify(bundle));
  await page.goto(`${INDEX_URL}#/data`);
  await page.getByLabel('选择数据包或公开文本（.json、.txt、.pdf，可多选）').setInputFiles([file]);
  await expect.poll(() => page.locator('.import-outcomes').innerText()).toContain(UNIT);
  await page.getByRole('link', { name: /^明细表/ }).click();
  const view = shownView(page);
  // The click changes the address; until the view follows, the slot still shows 数据文件.
  await view.getByRole('heading', { level: 2, name: '明细表' }).waitFor();
  await view.getByLabel('文件').selectOption(bundle.id);
  await view.getByRole('tab', { name: /公开03/ }).click();
  await view.getByRole('button', { name: '全部展开' }).click();
  // Header row + every body row counted, though only those in view are in the DOM.
  await expect
    .poll(() => view.locator('table').first().getAttribute('aria-rowcount'))
    .toBe(String(1 + ROWS.length));
}

/** The body rows in the DOM, as the reader sees them: index, code, label, first amount and link. */
async function rowsInDom(page: Page) {
  return shownView(page)
    .locator('.tables-panel tbody > tr[data-index]')
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const a = tr.querySelector('td:nth-child(2) a');
        return {
          index: Number((tr as HTMLElement).dataset.index),
          rowIndex: tr.getAttribute('aria-rowindex'),
          code: tr.querySelector('.row-code')?.textContent ?? '',
          label: tr.querySelector('.row-label')?.textContent ?? '',
          total: a?.textContent ?? '',
          href: a?.getAttribute('href') ?? '',
        };
      }),
    );
}

/** Every row in the DOM is the bundle's row at its position, and they follow one another. */
async function expectRowsMatchBundle(page: Page): Promise<number> {
  const rows = await rowsInDom(page);
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.length).toBeLessThan(60);
  rows.forEach((r, k) => {
    expect(r.index).toBe((rows[0]?.index ?? 0) + k);
    const src = ROWS[r.index];
    if (!src) throw new Error(`row ${r.index} is past the table`);
    expect(r.rowIndex).toBe(String(r.index + 2));
    expect(r.code).toBe(src.code ?? '');
    expect(r.label).toBe(src.label);
    const total = src.cells.total;
    if (total) {
      expect(r.total).toBe(shown(total.v));
      expect(r.href).toMatch(new RegExp(`[?&]line=${total.line}(&|$)`));
    }
  });
  return rows[0]?.index ?? -1;
}

/** The header cells' widths in px, as laid out. */
async function columnWidths(page: Page): Promise<number[]> {
  return shownView(page)
    .locator('.tables-panel thead th')
    .evaluateAll((ths) => ths.map((th) => Math.round(th.getBoundingClientRect().width)));
}

async function scrollTo(page: Page, top: number): Promise<void> {
  await shownView(page)
    .locator('.tables-panel .data-table-wrap')
    .evaluate((el, y) => {
      el.scrollTop = y;
    }, top);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}

describe('a long 明细表, windowed', () => {
  it('shows the bundle’s rows in order wherever it is scrolled, by wheel or by jumps', async () => {
    const { page } = s;
    await openLongTable(page);
    const wrap = shownView(page).locator('.tables-panel .data-table-wrap');
    expect(await expectRowsMatchBundle(page)).toBe(0);
    // Columns are as wide as their widest value anywhere in the table, wherever it is scrolled.
    const widths = await columnWidths(page);
    expect(widths.length).toBeGreaterThan(2);

    // Wheel steps over the table: the rows move a few at a time.
    const box = await wrap.boundingBox();
    if (!box) throw new Error('no table box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    let first = 0;
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, 100);
      await expect.poll(() => wrap.evaluate((el) => el.scrollTop)).toBe(100 * (i + 1));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      const now = await expectRowsMatchBundle(page);
      expect(now).toBeGreaterThanOrEqual(first);
      first = now;
    }
    // 600 px down: some 15 rows scrolled past, less the few kept rendered above the view.
    expect(first).toBeGreaterThan(5);
    // And back up a little.
    for (let i = 5; i >= 3; i--) {
      await page.mouse.wheel(0, -100);
      await expect.poll(() => wrap.evaluate((el) => el.scrollTop)).toBe(100 * i);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      const now = await expectRowsMatchBundle(page);
      expect(now).toBeLessThanOrEqual(first);
      first = now;
    }

    // Jumps, as a scrollbar drag makes, down and back up, then the very bottom.
    const height = await wrap.evaluate((el) => el.scrollHeight - el.clientHeight);
    for (const f of [0.5, 0.2, 0.9, 0.35]) {
      await scrollTo(page, Math.round(height * f));
      const at = await expectRowsMatchBundle(page);
      expect(at / ROWS.length).toBeGreaterThan(f - 0.05);
      expect(at / ROWS.length).toBeLessThan(f + 0.05);
      expect(await columnWidths(page)).toEqual(widths);
    }
    await scrollTo(page, height);
    await expectRowsMatchBundle(page);
    const last = await rowsInDom(page);
    expect(last.at(-1)?.index).toBe(ROWS.length - 1);
    await screenshot(page, 'long-table-bottom');
  });

  it('collapses a 款 far down the table from the keyboard, and the rows below follow', async () => {
    const { page } = s;
    await openLongTable(page);
    const view = shownView(page);
    const wrap = view.locator('.tables-panel .data-table-wrap');
    // Half-way down, far from the rows first rendered.
    const height = await wrap.evaluate((el) => el.scrollHeight - el.clientHeight);
    await scrollTo(page, Math.round(height / 2));
    const rows = await rowsInDom(page);
    const kuanAt = rows.findIndex((r, k) => k > 0 && r.code.length === 5);
    const kuan = rows[kuanAt];
    if (!kuan) throw new Error('no 款 row in view half-way down');
    const button = view.locator(`tbody > tr[data-index="${kuan.index}"] .expand-button`);
    await expect.poll(() => button.getAttribute('aria-label')).toBe('收起');
    await button.focus();
    await page.keyboard.press('Enter');
    // Its 9 项 are gone from the count; the button says 展开 and keeps the focus.
    await expect
      .poll(() => view.locator('table').first().getAttribute('aria-rowcount'))
      .toBe(String(1 + ROWS.length - 9));
    await expect.poll(() => button.getAttribute('aria-label')).toBe('展开');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    // The row after it is the next 款 (or 类) of the bundle, not one of the 项 just hidden.
    const after = (await rowsInDom(page)).find((r) => r.index === kuan.index + 1);
    const next = ROWS.slice(ROWS.findIndex((r) => r.code === kuan.code) + 1).find(
      (r) => (r.code?.length ?? 0) <= 5,
    );
    expect(after?.code).toBe(next?.code);
    await screenshot(page, 'long-table-collapsed');
  });
});

describe('a long 明细表, printed', () => {
  it('lays out every row for print, and only the rows in view again after', async () => {
    const { page } = s;
    await openLongTable(page);
    const body = shownView(page).locator('.tables-panel tbody');
    const rows = () => body.locator(':scope > tr[data-index]').count();
    expect(await rows()).toBeLessThan(60);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(rows).toBe(ROWS.length);
    // In order, the last one included, and nothing standing in for rows not rendered.
    expect(await body.locator(':scope > tr[data-index]').last().getAttribute('data-index')).toBe(
      String(ROWS.length - 1),
    );
    expect(await body.locator(':scope > tr.virtual-spacer').count()).toBe(0);
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(rows).toBeLessThan(60);
    await expectRowsMatchBundle(page);
  });
});
