/**
 * The disclosure checks in the browser: a disclosure text imported on 数据文件 from
 * file:// goes through the same ingest (dist/ingest.js), and 数据校验 lists what the document
 * fails to disclose, linked to its lines. The text is seed 003 (大同市政务服务中心 2024 单位决算)
 * as another unit, with line 502 (本年度无此项收支) and one table's 部门名称 (line 122) changed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  INDEX_URL,
  expectQuiet,
  screenshot,
  sessionPerTest,
  shownView,
  waitOrExplain,
} from './browser';
import type { Session } from './browser';

const UNIT = '测试市政务服务中心';

function writeText(): string {
  const lines = readFileSync('public/data/sources/datong-service-center-2024-final.txt', 'utf8')
    .replaceAll('大同市政务服务中心', UNIT)
    .split('\n');
  lines[501] = '详见公开07表。';
  lines[121] = '部门名称：测试市行政审批服务管理局';
  const path = join(mkdtempSync(join(tmpdir(), 'budget-e2e-')), '披露检查.txt');
  writeFileSync(path, lines.join('\n'));
  return path;
}

let s: Session;
sessionPerTest((next) => (s = next));

describe('disclosure checks on an imported text, from file://', () => {
  it('数据校验 names the unexplained empty table and the other unit name, with their lines', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/data`);
    await waitOrExplain(s, page.getByRole('heading', { level: 2, name: '数据文件' }), 'data');
    await page
      .getByLabel('选择数据包或公开文本（.json、.txt、.pdf，可多选）')
      .setInputFiles(writeText());
    const outcomes = page.locator('.import-outcomes');
    await expect
      .poll(() => outcomes.innerText(), { timeout: 20_000 })
      .toMatch(/已导入文件 披露检查\.txt/);
    const id = /编号 (center-unit-[0-9a-f]{8}-2024-final)/.exec(await outcomes.innerText())?.[1];
    expect(id).toBeDefined();

    await page.goto(`${INDEX_URL}#/checks?units=${id ?? ''}`);
    const view = shownView(page);
    await waitOrExplain(s, view.getByRole('heading', { level: 2, name: '数据校验' }), 'checks');
    const empty = view.locator('tr', {
      hasText: '公开07“政府性基金预算财政拨款收入支出决算表”注明“本表无数据”',
    });
    await expect.poll(() => empty.count(), { timeout: 15_000 }).toBe(1);
    // 公开07's title is on line 343.
    expect(await empty.getByRole('link', { name: /343/ }).count()).toBeGreaterThan(0);
    const name = view.locator('tr', { hasText: '名称却是“测试市行政审批服务管理局”' });
    expect(await name.count()).toBe(1);
    expect(await name.getByRole('link', { name: /122/ }).count()).toBeGreaterThan(0);
    await screenshot(page, 'disclosure-checks');
    expectQuiet(s);
  });
});
