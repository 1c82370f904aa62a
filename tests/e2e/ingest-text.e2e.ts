/**
 * A disclosure text (.txt) loaded in 数据文件 from file:// with the network blocked: the ingest
 * script (dist/ingest.js) is inserted only then, the text becomes a document compared like the
 * built-in ones, and clicking one of its figures shows that line of the stored text in 原文.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, INDEX_URL, expectQuiet, screenshot, sessionPerTest, waitOrExplain } from './browser';
import type { Session } from './browser';

// Seed 003 (大同市政务服务中心 2024 单位决算) as another unit's document.
const UNIT = '测试市政务服务中心';

function writeText(): string {
  const seed = readFileSync('public/data/sources/datong-service-center-2024-final.txt', 'utf8');
  const path = join(mkdtempSync(join(tmpdir(), 'budget-e2e-')), '测试市公开文本.txt');
  writeFileSync(path, seed.replaceAll('大同市政务服务中心', UNIT));
  return path;
}

let s: Session;
sessionPerTest((next) => (s = next));

describe('a .txt disclosure in 数据文件, from file://', () => {
  it('the ingest is not in the first view: index.html lacks it, ingest.js has it', () => {
    const marker = '未识别的文档格式';
    expect(readFileSync(join(DIST, 'ingest.js'), 'utf8')).toContain(marker);
    expect(readFileSync(join(DIST, 'index.html'), 'utf8')).not.toContain(marker);
  });

  it('becomes a document: listed, on the overview with its printed figures, linked to its text', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/data`);
    await waitOrExplain(s, page.getByRole('heading', { level: 2, name: '数据文件' }), 'data-ready');
    expect(await page.evaluate(() => '__BUDGET_INGEST__' in window)).toBe(false);

    await page
      .getByLabel('选择数据包或公开文本（.json、.txt、.pdf，可多选）')
      .setInputFiles(writeText());
    const outcomes = page.locator('.import-outcomes');
    await expect
      .poll(() => outcomes.innerText(), { timeout: 20_000 })
      .toMatch(
        /已导入文件 测试市公开文本\.txt：测试市政务服务中心 2024年单位决算（编号 center-unit-[0-9a-f]{8}-2024-final），\d+ 条校验结果/,
      );
    expect(await page.evaluate(() => '__BUDGET_INGEST__' in window)).toBe(true);
    const item = page.locator('.file-list li', { hasText: '测试市公开文本.txt' });
    expect(await item.innerText()).toMatch(/用户导入[\s\S]*\d+ 条校验结果/);
    await screenshot(page, 'ingest-text-data');

    await page.goto(`${INDEX_URL}#/overview`);
    const card = page.getByRole('article', { name: UNIT, exact: true });
    const income = card.locator('.headline-row', { hasText: '本年收入合计' }).locator('dd');
    await expect.poll(() => income.innerText()).toContain('1,126.93');
    await screenshot(page, 'ingest-text-overview');

    await income.getByRole('link').click();
    await page.waitForURL(/#\/source\/center-unit-[0-9a-f]{8}-2024-final\?line=110/);
    const target = page.locator('.source-line-target');
    await target.waitFor();
    expect(await target.getAttribute('id')).toBe('L110');
    expect(await target.innerText()).toContain('本年收入合计\t27\t1126.93');
    await screenshot(page, 'ingest-text-source');

    // After a reload the text comes back from IndexedDB, not from a file beside the app.
    await page.reload();
    await target.waitFor();
    expect(await target.innerText()).toContain('1126.93');
    expectQuiet(s);
  });
});
