/**
 * The built app in real Chromium, opened from file:// with the network blocked: the overview shows
 * the five documents with their printed figures, every view route renders, a figure opens the
 * source viewer at its line, nothing but local files is requested and nothing logs an error.
 * The same dist/ is then served over http. Screenshots land in test-results/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DIST, INDEX_URL, launchChromium, openSession, screenshot } from './browser';
import type { Session } from './browser';
import { serveStatic } from './static-server';

interface Entry {
  id: string;
  unit: { name: string };
}
const manifest = JSON.parse(readFileSync(join(DIST, 'data', 'manifest.json'), 'utf8')) as {
  bundles: Entry[];
};

/**
 * One row per hash route: the heading it must show and, once the view is built, what else to
 * assert. Add content checks to `check` (the page is already on the route and its h2 is visible).
 */
const ROUTES: readonly {
  route: string;
  heading: string;
  check?: (page: Page) => Promise<void>;
}[] = [
  { route: 'execution', heading: '预算执行' },
  { route: 'yoy', heading: '同比变化' },
  { route: 'sangong', heading: '三公经费' },
  { route: 'performance', heading: '绩效评价' },
  { route: 'tables', heading: '明细表' },
  { route: 'checks', heading: '数据校验' },
];

/** A document card on the overview, by unit name. */
function card(page: Page, unitName: string) {
  return page.getByRole('article', { name: unitName, exact: true });
}

/** A headline figure (本年收入合计 …) on a card: the <dd> after its <dt>. */
function headline(page: Page, unitName: string, label: string) {
  return card(page, unitName).locator('.headline-row', { hasText: label }).locator('dd');
}

function expectQuiet(s: Session): void {
  expect(s.blocked, 'requests other than local files').toEqual([]);
  expect(s.consoleErrors, 'console errors').toEqual([]);
  expect(s.pageErrors, 'page errors').toEqual([]);
}

let browser: Browser;
let s: Session;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  s = await openSession(browser);
});
afterEach(async () => {
  await s.context.close();
});

describe('from file://, offline', () => {
  it('the overview shows the five documents with their printed figures', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/overview`);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: '总览' }).count()).toBe(1);
    for (const e of manifest.bundles) {
      await card(page, e.unit.name).waitFor();
    }
    expect(await page.getByRole('article').count()).toBe(manifest.bundles.length);
    expect(manifest.bundles.length).toBe(5);
    await expect
      .poll(() => headline(page, '山西省行政审批服务管理局', '本年收入合计').innerText())
      .toContain('42,684.35');
    expect(
      await headline(page, '朔州市朔城区行政审批服务管理局', '本年支出合计').innerText(),
    ).toContain('1,322.38');
    expect(await headline(page, '大同市政务服务中心', '本年支出合计').innerText()).toContain(
      '1,127.00',
    );
    // Every bundle loaded: no card still says its details are loading, none shows an error.
    await expect.poll(() => page.locator('.bundle-status').count()).toBe(0);
    expect(await page.locator('.bundle-error').count()).toBe(0);
    await screenshot(page, 'overview');
    expectQuiet(s);
  });

  it.each(ROUTES)('#/$route renders the $heading view', async ({ route, heading, check }) => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/${route}`);
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    await check?.(page);
    await screenshot(page, route);
    expectQuiet(s);
  });

  it('clicking a figure opens the source viewer at that line', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/overview`);
    const figure = headline(page, '山西省行政审批服务管理局', '本年收入合计').getByRole('link');
    await figure.click();
    await page.waitForURL(/#\/source\/shanxi-province-bureau-2024-final\?line=113/);
    await page
      .getByRole('heading', { level: 2, name: /^原文：山西省行政审批服务管理局/ })
      .waitFor();
    const target = page.locator('.source-line-target');
    await target.waitFor();
    expect(await target.getAttribute('id')).toBe('L113');
    expect(await target.innerText()).toContain('42684.35');
    expect(await target.isVisible()).toBe(true);
    await screenshot(page, 'source');
    expectQuiet(s);
  });

  it('hash routes survive a reload', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/sangong`);
    await page.getByRole('heading', { level: 2, name: '三公经费' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '三公经费' }).waitFor();
    expectQuiet(s);
  });
});

describe('over http', () => {
  it('the same dist/ renders the overview from 127.0.0.1', async () => {
    const server = await serveStatic(DIST);
    const http = await openSession(browser, { allowOrigin: server.origin });
    try {
      const { page } = http;
      await page.goto(`${server.origin}/index.html#/overview`);
      await expect
        .poll(() => headline(page, '山西省行政审批服务管理局', '本年收入合计').innerText())
        .toContain('42,684.35');
      expect(await page.getByRole('article').count()).toBe(5);
      expectQuiet(http);
    } finally {
      await http.context.close();
      await server.close();
    }
  });
});
