/**
 * 同比变化 › 多年趋势 from the file:// build with the network blocked: a unit's measures over the
 * years with the reason its document states, the reason's line opens in the source viewer, and
 * the section fits both screen sizes (screenshots in test-results/screenshots/trends/).
 * Figures typed from the source texts (public/data/sources/).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  INDEX_URL,
  SCREENSHOTS,
  expectQuiet,
  sessionPerTest,
  shownView,
  waitOrExplain,
} from './browser';
import type { Session } from './browser';

let s: Session;
sessionPerTest((session) => {
  s = session;
});

const CENTER = 'datong-service-center-2024-final';

async function openTrends(page: Page, units: string): Promise<void> {
  await page.goto(`${INDEX_URL}#/yoy${units === '' ? '' : `?units=${units}`}`);
  const heading = shownView(page).getByRole('heading', {
    level: 3,
    name: '多年趋势与原文所述原因',
  });
  await waitOrExplain(s, heading, 'trends');
  await heading.scrollIntoViewIfNeeded();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = join(SCREENSHOTS, 'trends');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

describe('多年趋势 (file://)', () => {
  it('shows the service center 2023※ → 2024 with its stated reason, linked to line 438', async () => {
    const { page } = s;
    await openTrends(page, CENTER);
    const table = shownView(page).locator('.trend-table table');
    // Line 438: 收入总计1,134.08万元 … 增加308.64万元 → 2023: 825.44 (derived).
    const row = table.locator('tbody tr', { hasText: /^收入总计/ });
    await expect.poll(() => row.first().textContent()).toContain('825.44※');
    const text = (await row.first().textContent()) ?? '';
    expect(text).toContain('1,134.08');
    expect(text).toContain('决算上升');
    expect(text).toContain('主要原因是当年新增项目，为新建政务大厅二厅综合改造项目。');
    // The small line is drawn: one solid series, its derived 2023 point hollow.
    const dots = await row
      .first()
      .locator('svg circle')
      .evaluateAll((cs) => cs.map((c) => c.getAttribute('fill')));
    expect(dots).toEqual(['#ffffff', '#1f4e9e']);
    await shot(page, 'center-1920');

    await row.first().getByRole('link', { name: '（第 438 行）' }).click();
    await page.waitForURL(new RegExp(`#/source/${CENTER}\\?line=438`));
    const target = page.locator('.source-line-target');
    await target.waitFor();
    expect(await target.getAttribute('id')).toBe('L438');
    expect(await target.textContent()).toContain('主要原因是当年新增项目');
    expectQuiet(s);
  });

  it.each([
    { name: '1920', width: 1920, height: 1080 },
    { name: '1280', width: 1280, height: 720 },
  ])('all five documents at $name: one table per unit, nothing scrolls sideways', async (size) => {
    const { page } = s;
    await page.setViewportSize({ width: size.width, height: size.height });
    await openTrends(page, '');
    const view = shownView(page);
    const headings = await view
      .locator('.trend-unit h4')
      .evaluateAll((hs) => hs.map((h) => h.textContent ?? ''));
    // Five documents, five units: none shares a name and scope with another.
    expect(headings).toHaveLength(5);
    expect(headings).toContain('大同市行政审批服务管理局（市级 · 单位，2025–2026年）');
    // Province 机关运行经费 133.97 (line 528), 比2023年减少25.28 → 159.25※.
    const province = view.locator('.trend-unit', { hasText: '山西省行政审批服务管理局' });
    const op = province.locator('tbody tr', { hasText: /^机关运行经费/ });
    expect(await op.textContent()).toContain('159.25※');
    expect(await op.textContent()).toContain('133.97');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, `all-${size.name}`);
    await province.scrollIntoViewIfNeeded();
    await shot(page, `province-${size.name}`);
    expectQuiet(s);
  });
});
