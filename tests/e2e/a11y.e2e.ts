/**
 * Accessibility in the real browser: axe-core's WCAG 2 A/AA rules (contrast included) find no
 * violation on any route, and the dashboard can be driven from the keyboard alone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { INDEX_URL, sessionPerTest, waitOrExplain } from './browser';
import type { Page } from 'playwright-core';
import type { Session } from './browser';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const ROUTES = [
  ['overview', '总览'],
  ['execution', '预算执行'],
  ['yoy', '同比变化'],
  ['sangong', '三公经费'],
  ['performance', '绩效评价'],
  ['tables', '明细表'],
  ['checks', '数据校验'],
  ['matrix', '对比矩阵'],
  ['matrix?group=all', '对比矩阵'],
  ['flags', '疑点'],
  ['present', '演示'],
  ['data', '数据文件'],
  ['source/shanxi-province-bureau-2024-final?line=113&q=42684.35', /^原文/],
] as const;

/** Presses Tab until the element with this text has focus (at most ten times). */
async function tabTo(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent ?? '')) === text) return;
  }
}

let s: Session;
sessionPerTest((next) => (s = next));

describe('axe-core, WCAG 2 A and AA', () => {
  it.each(ROUTES)('#/%s has no violations', async (route, heading) => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/${route}`);
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    // Let the bundles arrive and the views fill in before auditing.
    await page.waitForLoadState('load');
    await page.waitForTimeout(800);
    // Injected through the debugger protocol: the page's CSP rightly refuses inline scripts.
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              ...a: unknown[]
            ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] });
      return result.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
      );
    });
    expect(violations).toEqual([]);
    // An id names one element: aria-labelledby and a chart's url(#pattern) take the first one.
    const duplicateIds = await page.evaluate(() => {
      const seen = new Map<string, number>();
      for (const el of document.querySelectorAll('[id]'))
        seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    expect(duplicateIds).toEqual([]);
    // A chart is one image (named by its summary), not a Tab stop with nothing to do.
    const focusableCharts = await page.evaluate(
      () =>
        document.querySelectorAll(
          '.chart-body [tabindex]:not([tabindex="-1"]), .chart-body [role="application"]',
        ).length,
    );
    expect(focusableCharts).toBe(0);
  });
});

describe('keyboard only', () => {
  it('Tab reaches the navigation; Enter opens a view; a figure opens its source', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/overview`);
    await page.getByRole('heading', { level: 2, name: '总览' }).waitFor();
    await tabTo(page, '预算执行');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('预算执行');
    await page.keyboard.press('Enter');
    await waitOrExplain(
      s,
      page.getByRole('heading', { level: 2, name: '预算执行' }),
      'keyboard-enter-execution',
    );
    // The first figure link in the main area, reached by Tab, opens the source viewer.
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(
        () => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? '',
      );
      if (href.startsWith('#/source/')) break;
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/source\/[a-z0-9-]+\?line=\d+/);
    await page.locator('.source-line-target').waitFor();
  });

  it('the first Tab stop skips the header to the view; the focus ring stands out on the page', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/execution`);
    await page.getByRole('heading', { level: 2, name: '预算执行' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('button', { name: '跳到正文' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    // The next Tab lands in the view (its comparison bar), not on the header's links.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => Boolean(document.activeElement?.closest('main.app-main'))),
    ).toBe(true);
    // WCAG 2.4.11/1.4.11: the ring is at least 3:1 against the page behind it.
    const [ring, page_] = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return [getComputedStyle(el).outlineColor, getComputedStyle(document.body).backgroundColor];
    });
    const lum = (c: string) => {
      const [r = 0, g = 0, b = 0] = (c.match(/\d+(?:\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
        const x = Number(v) / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [hi, lo] = [lum(ring), lum(page_)].sort((a, b) => b - a) as [number, number];
    expect((hi + 0.05) / (lo + 0.05)).toBeGreaterThanOrEqual(3);
  });
});
