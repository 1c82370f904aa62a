/**
 * What the address carries, in real Chromium from file://: display options and the 明细表's
 * document and table restored from a shared link; 原文 marking the figure followed, naming a line
 * that does not exist, and 返回 going back to the view and place the figure was clicked in.
 * Figures are typed from the source texts (public/data/sources/).
 */
import type { Page } from 'playwright-core';
import {
  INDEX_URL,
  expectQuiet,
  openComparisonBar,
  screenshot,
  sessionPerTest,
  shownView,
} from './browser';
import type { Session } from './browser';

const PROVINCE = 'shanxi-province-bureau-2024-final';
const CENTER = 'datong-service-center-2024-final';

let s: Session;
sessionPerTest((next) => (s = next));

function hashOf(page: Page): Promise<string> {
  return page.evaluate(() => window.location.hash);
}

describe('the address, from file://', () => {
  it('a shared 明细表 link opens the same document, table, 元 and 占比', async () => {
    const { page } = s;
    const table = encodeURIComponent('公开03');
    const hash = `#/tables?units=${PROVINCE},${CENTER}&money=yuan&mode=share&doc=${CENTER}&table=${table}`;
    await page.goto(`${INDEX_URL}${hash}`);
    const view = shownView(page);
    await view.getByRole('heading', { level: 2, name: '明细表' }).waitFor();
    await expect
      .poll(() => view.getByLabel('文件').evaluate((el) => (el as HTMLSelectElement).value))
      .toBe(CENTER);
    await expect
      .poll(() => view.getByRole('tab', { name: /^公开03/ }).getAttribute('aria-selected'))
      .toBe('true');
    const caption = view.locator('table caption').first();
    await expect.poll(() => caption.textContent()).toContain('大同市政务服务中心 2024年单位决算');
    expect(await caption.textContent()).toContain('单位：元');
    await openComparisonBar(page);
    expect(await page.getByRole('radio', { name: '元', exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: '占比 / 比率' }).isChecked()).toBe(true);
    expect(await hashOf(page)).toBe(hash);
    await screenshot(page, 'tables-shared-link');

    // Toggling rewrites the address in place: no history entry per toggle.
    const entries = await page.evaluate(() => window.history.length);
    await page.getByRole('radio', { name: '万元' }).check();
    await page.getByRole('radio', { name: '金额' }).check();
    await expect
      .poll(() => hashOf(page))
      .toBe(`#/tables?units=${PROVINCE},${CENTER}&doc=${CENTER}&table=${table}`);
    await view.getByRole('tab', { name: /^公开06/ }).click();
    await expect.poll(() => hashOf(page)).toContain(`table=${encodeURIComponent('公开06')}`);
    expect(await page.evaluate(() => window.history.length)).toBe(entries);
    expectQuiet(s);
  });

  it('values the app does not know are ignored: the defaults, no crash', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/tables?money=dollar&mode=pie&doc=%3Cx%3E&table=nope`);
    const view = shownView(page);
    await view.getByRole('heading', { level: 2, name: '明细表' }).waitFor();
    await openComparisonBar(page);
    expect(await page.getByRole('radio', { name: '万元' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: '金额' }).isChecked()).toBe(true);
    // The first document (2026 budget) on its first table, 预算01: 收入总计 1,564.72 (line 121).
    await expect.poll(() => view.textContent()).toContain('1,564.72');
    // The table id is not checked against the document's tables (it may name one of another
    // document); it stays in the address and the first table is shown.
    await expect.poll(() => hashOf(page)).toBe('#/tables?table=nope');
    expect(await view.getByRole('tab', { name: /^预算01/ }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expectQuiet(s);
  });

  it('返回 goes back to 预算执行, scrolled to the figure clicked, which has the focus', async () => {
    const { page } = s;
    const from = `#/execution?units=${PROVINCE}`;
    // A laptop screen, so the figure is below the fold and 返回 has a place to scroll back to.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${INDEX_URL}${from}`);
    const view = shownView(page);
    // The province's printed execution rate 1,838.93% (line 474), below the fold.
    const rate = view.getByRole('link', { name: '1,838.93%', exact: true });
    await rate.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(200);
    await rate.click();
    await page.waitForURL(/#\/source\/shanxi-province-bureau-2024-final\?line=474&q=1838\.93/);
    const mark = page.locator('.source-line-target mark');
    await mark.waitFor();
    expect(await mark.textContent()).toBe('1838.93');
    expect(await page.locator('.source-line-target').getAttribute('id')).toBe('L474');
    await screenshot(page, 'source-mark');

    await page.getByRole('link', { name: '← 返回' }).click();
    await expect.poll(() => hashOf(page)).toBe(from);
    await view.getByRole('heading', { level: 2, name: '预算执行' }).waitFor();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(y - 40);
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(y + 40);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe('1,838.93%');
    expect(await rate.isVisible()).toBe(true);
    expectQuiet(s);
  });

  it('a pasted source link marks the figure; 返回总览 leads to the overview', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/source/${PROVINCE}?line=113&q=42240.10`);
    const mark = page.locator('.source-line-target mark');
    await mark.waitFor();
    expect(await mark.textContent()).toBe('42240.10');
    await page.getByRole('link', { name: '← 返回总览' }).click();
    await expect.poll(() => hashOf(page)).toBe('#/overview');
    await page.getByRole('heading', { level: 2, name: '总览' }).waitFor();
    expectQuiet(s);
  });

  it('a line that does not exist is named, with the line count; never Infinity', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/source/${PROVINCE}?line=${'1'.repeat(400)}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(`第 ${'1'.repeat(12)}… 行不存在：本文共 773 行。`);
    for (const line of ['0', '-1', 'abc', '774']) {
      await page.goto(`${INDEX_URL}#/source/${PROVINCE}?line=${line}`);
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe(`第 ${line} 行不存在：本文共 773 行。`);
    }
    expect(await page.locator('main').textContent()).not.toMatch(/Infinity|NaN/);
    expectQuiet(s);
  });
});
