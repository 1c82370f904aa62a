/**
 * 数据文件 in real Chromium from file://: load a good bundle and a broken one through the file
 * input, see the Chinese error naming the file and the field, reload, the good one is still there
 * (IndexedDB) and the five built-in documents are unchanged, the header still one row at 1280 px;
 * 移除 takes it away for good.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, INDEX_URL, expectQuiet, screenshot, sessionPerTest, waitOrExplain } from './browser';
import type { Session } from './browser';

const SOURCE_ID = 'shuocheng-district-dept-2023-final';
const USER_ID = 'e2e-user-copy';
const USER_UNIT = '测试导入单位（E2E）';

function writeFixtures(): { good: string; broken: string; notJson: string } {
  const dir = mkdtempSync(join(tmpdir(), 'budget-e2e-'));
  const bundle = JSON.parse(readFileSync(join(DIST, 'data', `${SOURCE_ID}.json`), 'utf8')) as {
    id: string;
    unit: { name: string };
    fiscalYear: unknown;
  };
  const good = join(dir, 'good-bundle.json');
  writeFileSync(
    good,
    JSON.stringify({ ...bundle, id: USER_ID, unit: { ...bundle.unit, name: USER_UNIT } }),
  );
  const broken = join(dir, 'broken-bundle.json');
  writeFileSync(broken, JSON.stringify({ ...bundle, id: 'e2e-broken', fiscalYear: '2023' }));
  const notJson = join(dir, 'truncated.json');
  writeFileSync(notJson, JSON.stringify(bundle).slice(0, 500));
  return { good, broken, notJson };
}

function cards(page: Page) {
  return page.getByRole('article');
}

async function overviewReady(page: Page, count: number): Promise<void> {
  await page.goto(`${INDEX_URL}#/overview`);
  // The overview itself first (with an account of the page if it never shows), then its cards.
  await waitOrExplain(s, page.getByRole('heading', { level: 2, name: '总览' }), 'overview-ready');
  await expect.poll(() => cards(page).count()).toBe(count);
  await expect.poll(() => page.locator('.bundle-status').count()).toBe(0);
}

async function headlineTexts(page: Page): Promise<string[]> {
  return page.locator('.doc-card .headline').allInnerTexts();
}

let s: Session;
sessionPerTest((next) => (s = next));

describe('数据文件 from file://', () => {
  it('loads a good bundle, reports bad ones by file and field, keeps the good one across reloads', async () => {
    const { page } = s;
    const files = writeFixtures();
    await overviewReady(page, 5);
    const builtInBefore = await headlineTexts(page);

    await page.getByRole('link', { name: /^数据文件/ }).click();
    await page.getByRole('heading', { level: 2, name: '数据文件' }).waitFor();
    await page
      .getByLabel('选择数据包或公开文本（.json、.txt、.pdf，可多选）')
      .setInputFiles([files.broken, files.good, files.notJson]);

    const outcomes = page.locator('.import-outcomes');
    await expect
      .poll(() => outcomes.innerText())
      .toContain(
        '已导入文件 good-bundle.json：测试导入单位（E2E） 2023年部门决算（编号 e2e-user-copy）',
      );
    const text = await outcomes.innerText();
    expect(text).toContain(
      '文件 broken-bundle.json：fiscalYear 必须是有限数字，实际为字符串 "2023"',
    );
    // Cut off after 500 characters: said in Chinese, with where it breaks off.
    expect(text).toContain('文件 truncated.json：不是完整的 JSON：内容在第 1 行第 501 列中断');
    expect(await page.getByRole('alert').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'data');

    // The good one joins the overview; the built-in five are unchanged.
    await overviewReady(page, 6);
    const userCard = page.getByRole('article', { name: USER_UNIT, exact: true });
    expect(
      await userCard.locator('.headline-row', { hasText: '本年支出合计' }).innerText(),
    ).toContain('1,322.38');
    expect((await headlineTexts(page)).slice(0, 5)).toEqual(builtInBefore);

    // Reload: restored from IndexedDB, validated again.
    await page.reload();
    await expect.poll(() => cards(page).count()).toBe(6);
    await userCard.waitFor();
    await page.getByRole('link', { name: /^数据文件（用户导入 1）/ }).click();
    // With a user file and a two-slide deck, the header still fits one row on a 1280 px screen.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(
      `${INDEX_URL}#/data?deck=execution~${encodeURIComponent('年初预算与决算金额')}~|sangong~${encodeURIComponent('三公经费：各单位、各年度，分项堆叠（预算数与决算数）')}~`,
    );
    await page.getByRole('link', { name: '演示（2）' }).waitFor();
    const rows = await page.locator('.app-header').evaluate((header) => {
      const tops = [...header.querySelectorAll('h1, nav li, .header-data-link')].map((el) => {
        const box = el.getBoundingClientRect();
        return box.top + box.height / 2;
      });
      return Math.max(...tops) - Math.min(...tops);
    });
    expect(rows).toBeLessThan(10);
    await screenshot(page, 'data-1280x720');
    await page.setViewportSize({ width: 1920, height: 1080 });
    const item = page.locator('.file-list li', { hasText: 'good-bundle.json' });
    expect(await item.innerText()).toContain('用户导入');
    expect(await page.locator('.file-list li', { hasText: 'broken-bundle.json' }).count()).toBe(0);

    // Remove: gone now and after a reload; the five stay.
    await page.getByRole('button', { name: '移除 good-bundle.json' }).click();
    await expect.poll(() => item.count()).toBe(0);
    await page.reload();
    await overviewReady(page, 5);
    expect(await headlineTexts(page)).toEqual(builtInBefore);

    expectQuiet(s);
  });

  it('imports a file dropped anywhere on the window and opens 数据文件', async () => {
    const { page } = s;
    const text = readFileSync(writeFixtures().good, 'utf8');
    await overviewReady(page, 5);
    const dataTransfer = await page.evaluateHandle((json) => {
      const dt = new DataTransfer();
      dt.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
      return dt;
    }, text);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer });
    await page.dispatchEvent('main', 'dragover', { dataTransfer });
    expect(await page.locator('.drop-overlay').isVisible()).toBe(true);
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    await page.waitForURL(/#\/data$/);
    await expect
      .poll(() => page.locator('.import-outcomes').innerText())
      .toContain('已导入文件 dropped.json');
    expect(await page.locator('.drop-overlay').count()).toBe(0);
    await overviewReady(page, 6);
    expect(s.consoleErrors).toEqual([]);
  });

  it('keeps two tabs in step: one id once, a removal seen in the other tab', async () => {
    const { page, context } = s;
    const files = writeFixtures();
    const dir = mkdtempSync(join(tmpdir(), 'budget-e2e-'));
    const other = join(dir, 'other-copy.json');
    const bundle = JSON.parse(readFileSync(files.good, 'utf8')) as { unit: { name: string } };
    writeFileSync(
      other,
      JSON.stringify({ ...bundle, unit: { ...bundle.unit, name: '另一个单位' } }),
    );
    const second = await context.newPage();
    second.on('pageerror', (err) => s.pageErrors.push(String(err)));
    for (const p of [page, second]) {
      await p.goto(`${INDEX_URL}#/data`);
      await p.getByRole('heading', { level: 2, name: '数据文件' }).waitFor();
    }
    const listed = (p: Page, name: string) => p.locator('.file-list li', { hasText: name });

    await page
      .getByLabel('选择数据包或公开文本（.json、.txt、.pdf，可多选）')
      .setInputFiles(files.good);
    await expect.poll(() => listed(page, 'good-bundle.json').count()).toBe(1);
    // The other tab hears of it without a reload.
    await expect.poll(() => listed(second, 'good-bundle.json').count()).toBe(1);

    // The same id with other content is refused there, and says by which file.
    await second
      .getByLabel('选择数据包或公开文本（.json、.txt、.pdf，可多选）')
      .setInputFiles(other);
    await expect
      .poll(() => second.locator('.import-outcomes').innerText())
      .toContain(`文件 other-copy.json：id “${USER_ID}” 已被用户导入的文件 good-bundle.json 使用`);
    await screenshot(second, 'data-second-tab-refused');

    // Removed in the first tab: gone from the second, which can now import its own copy.
    await page.getByRole('button', { name: '移除 good-bundle.json' }).click();
    await expect.poll(() => listed(second, 'good-bundle.json').count()).toBe(0);
    await second
      .getByLabel('选择数据包或公开文本（.json、.txt、.pdf，可多选）')
      .setInputFiles(other);
    await expect
      .poll(() => second.locator('.import-outcomes').innerText())
      .toContain('已导入文件 other-copy.json：另一个单位 2023年部门决算');
    await expect.poll(() => listed(page, 'other-copy.json').count()).toBe(1);

    // A reload shows what storage holds: the second tab's copy, once.
    await page.reload();
    await overviewReady(page, 6);
    expect(await page.getByRole('article', { name: '另一个单位', exact: true }).count()).toBe(1);
    expectQuiet(s);
  });

  it('answers hostile files at once, naming file and place, and keeps what is loaded', async () => {
    const { page } = s;
    const dir = mkdtempSync(join(tmpdir(), 'budget-e2e-'));
    const bundle = JSON.parse(readFileSync(join(DIST, 'data', `${SOURCE_ID}.json`), 'utf8')) as {
      unit: { name: string };
    };
    // 0.2 MB nested 100,000 deep (froze the tab ~70 s), a 6 MB unit name, a prototype-name id.
    const deep = join(dir, 'deep.json');
    writeFileSync(
      deep,
      JSON.stringify({ ...bundle, id: 'deep-copy', skipped: '@' }).replace(
        '"skipped":"@"',
        `"skipped":${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      ),
    );
    const huge = join(dir, 'huge.json');
    writeFileSync(
      huge,
      JSON.stringify({ ...bundle, unit: { ...bundle.unit, name: 'a'.repeat(6e6) } }),
    );
    const proto = join(dir, 'proto.json');
    writeFileSync(proto, JSON.stringify({ ...bundle, id: 'constructor' }));
    await overviewReady(page, 5);
    const builtInBefore = await headlineTexts(page);
    await page.goto(`${INDEX_URL}#/data`);
    const started = Date.now();
    await page
      .getByLabel('选择数据包或公开文本（.json、.txt、.pdf，可多选）')
      .setInputFiles([deep, huge, proto]);
    const outcomes = page.locator('.import-outcomes li');
    await expect.poll(() => outcomes.count(), { timeout: 5000 }).toBe(3);
    const texts = await outcomes.allInnerTexts();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(texts[0]).toContain(`文件 deep.json：skipped${'[0]'.repeat(31)} 嵌套过深`);
    expect(texts[1]).toContain('文件 huge.json：文件过大（5.8 MB，上限 5.0 MB');
    expect(texts[2]).toContain('文件 proto.json：id 编号只能由小写英文字母、数字和连字符组成');
    await screenshot(page, 'data-hostile');
    await overviewReady(page, 5);
    expect(await headlineTexts(page)).toEqual(builtInBefore);
    expectQuiet(s);
  });

  it('refuses a file whose id is a built-in bundle, naming both', async () => {
    const { page } = s;
    const dir = mkdtempSync(join(tmpdir(), 'budget-e2e-'));
    const path = join(dir, 'same-id.json');
    writeFileSync(path, readFileSync(join(DIST, 'data', `${SOURCE_ID}.json`)));
    await page.goto(`${INDEX_URL}#/data`);
    await page.getByLabel('选择数据包或公开文本（.json、.txt、.pdf，可多选）').setInputFiles(path);
    await expect
      .poll(() => page.locator('.import-outcomes').innerText())
      .toContain(`文件 same-id.json：id “${SOURCE_ID}” 与内置数据包`);
    await overviewReady(page, 5);
    expect(s.consoleErrors).toEqual([]);
  });
});
