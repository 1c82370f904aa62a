/**
 * The built app in real Chromium, opened from file:// with the network blocked: the overview shows
 * the five documents with their printed figures, every view route renders, a figure opens the
 * source viewer at its line, a view left is never shown beside the new one, nothing but local
 * files is requested and nothing logs an error.
 * The same dist/ is then served over http. Screenshots land in test-results/screenshots/.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import {
  DIST,
  INDEX_URL,
  ROOT,
  expectQuiet,
  openSession,
  screenshot,
  sessionPerTest,
} from './browser';
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
  {
    route: 'execution',
    heading: '预算执行',
    // Province 一般公共预算 42,238.46 ÷ 2,296.91 (line 474); district printed 82.26% vs 82.36%.
    check: (page) => mainContains(page, ['1,838.93%', '42,238.46', '82.26%', '82.36%']),
  },
  {
    route: 'yoy',
    heading: '同比变化',
    // Province 收入总计 增加 6,338.70 (line 422); derived prior 42,973.59 − 6,338.70 = 36,634.89.
    check: (page) => mainContains(page, ['6,338.70', '36,634.89', '20.74']),
  },
  {
    route: 'sangong',
    heading: '三公经费',
    check: async (page) => {
      await mainContains(page, ['3.57', '1.01', '本单位无“三公”经费预算']);
      // Hovering a bar shows its figures: the browser's tooltip from the bar's SVG <title>.
      const titles = await page
        .locator('.sg-chart svg rect > title')
        .evaluateAll((ts) => ts.map((t) => t.textContent ?? ''));
      expect(titles).toContain(
        '山西省行政审批服务管理局\n2024年决算数\n因公出国（境）费：0.00（0.00%）\n公务用车购置费：0.00（0.00%）\n公务用车运行维护费：3.20（89.64%）\n公务接待费：0.38（10.64%）\n合计：3.57 万元',
      );
    },
  },
  {
    route: 'performance',
    heading: '绩效评价',
    // Province 营商环境评估费 39.8 差; city 部门 整体自评 98.92 优.
    check: async (page) => {
      await mainContains(page, ['营商环境评估费', '39.8', '98.92']);
      // Each point of the score/rate scatter carries its project's figures as an SVG <title>.
      const titles = await page
        .locator('.perf-chart svg g > title')
        .evaluateAll((ts) => ts.map((t) => t.textContent ?? ''));
      expect(
        titles.some((t) => t.startsWith('营商环境评估费\n') && t.includes('得分：39.8（差）')),
      ).toBe(true);
    },
  },
  {
    route: 'tables',
    heading: '明细表',
    // The first document (2026 budget) opens on 预算01: 收入总计 1,564.72 (line 121).
    check: (page) => mainContains(page, ['1,564.72', '本年收入合计']),
  },
  {
    route: 'checks',
    heading: '数据校验',
    check: (page) => mainContains(page, ['82.26', '82.36', '78.28']),
  },
  {
    route: 'matrix',
    heading: '对比矩阵',
    // Province 完成年初预算的1838.93% (line 474), the largest of the four 决算; their median
    // (109.76 + 146.32) ÷ 2 = 128.04%.
    check: (page) => mainContains(page, ['1,838.93%', '第 1/4', '128.04%']),
  },
  {
    route: 'flags',
    heading: '疑点',
    // The province's 一般公共服务支出 1980.00% of 年初预算 (line 476); QT其他养人2 优 at 34.23%.
    check: (page) => mainContains(page, ['1980.00%（+1880.00%）', '优，执行率34.23%']),
  },
];

/** Wait until the main area shows every text (views fill in as their bundles arrive). */
/**
 * The text of <main> as shown: views kept hidden or about to unmount are left out. textContent,
 * not innerText: blocks far below the fold are not rendered until scrolled to
 * (content-visibility: auto), and innerText leaves out what is not rendered.
 */
function mainText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main > :not([data-parked], [data-leaving])')]
      .map((el) => el.textContent ?? '')
      .join('\n'),
  );
}

async function mainContains(page: Page, texts: readonly string[]): Promise<void> {
  for (const t of texts) {
    await expect.poll(() => mainText(page), { timeout: 15_000 }).toContain(t);
  }
}

/** A document card on the overview, by unit name. */
function card(page: Page, unitName: string) {
  return page.getByRole('article', { name: unitName, exact: true });
}

/** A headline figure (本年收入合计 …) on a card: the <dd> after its <dt>. */
function headline(page: Page, unitName: string, label: string) {
  return card(page, unitName).locator('.headline-row', { hasText: label }).locator('dd');
}

let s: Session;
const browser = sessionPerTest((next) => (s = next));

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

  it('the first paint shows the printed totals before the app runs; the app replaces it', async () => {
    const { page } = s;
    // index.html: data/manifest.js, then the first paint, then the app's module, in that order.
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const at = (needle: string) => html.indexOf(needle);
    expect(at('src="./data/manifest.js"')).toBeGreaterThan(0);
    // The first paint's script (minified) is the first to mention data-first-paint.
    expect(at('data-first-paint')).toBeGreaterThan(at('src="./data/manifest.js"'));
    expect(at('<script type="module"')).toBeGreaterThan(at('data-first-paint'));
    // What #root held, in order: recorded from the page's first mutation on.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      new MutationObserver(() => {
        const shell = document.querySelector('[data-first-paint]');
        const app = document.querySelector('.app:not([data-first-paint]) .doc-card');
        const state = shell
          ? `first paint: ${shell.querySelectorAll('.doc-card').length} cards, ${shell.querySelector('.doc-card .headline dd')?.textContent ?? ''}`
          : app
            ? 'app'
            : null;
        if (state !== null && seen.at(-1) !== state) seen.push(state);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${INDEX_URL}#/overview`);
    await card(page, '山西省行政审批服务管理局').waitFor();
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    // The first card is 大同市行政审批服务管理局 2026 budget: 本年收入合计 1,564.72 (line 119).
    expect(seen).toEqual(['first paint: 5 cards, 1,564.72', 'app']);
    expect(await page.locator('[data-first-paint]').count()).toBe(0);
    expectQuiet(s);
  });

  it('without the app (its script removed), the first paint says after 15 s that it cannot be used', async () => {
    const { page } = s;
    // dist/index.html without the app's module: what an old browser or a damaged file leaves.
    const dir = join(ROOT, 'test-results', 'no-app');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const stripped = html.replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/, '');
    expect(stripped.length).toBeLessThan(html.length / 2);
    writeFileSync(join(dir, 'index.html'), stripped);
    symlinkSync(join(DIST, 'data'), join(dir, 'data'));
    await page.clock.install();
    await page.goto(`${pathToFileURL(join(dir, 'index.html')).href}#/overview`);
    await expect.poll(() => page.locator('[data-first-paint] .doc-card').count()).toBe(5);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.clock.fastForward(15_000);
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('看板程序未能启动');
    expect(await page.locator('[data-first-paint] .doc-card').count()).toBe(5);
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

  it('presenter mode: add two charts, present them full screen, move by keyboard, leave', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${INDEX_URL}#/sangong`);
    await page.getByRole('heading', { level: 2, name: '三公经费' }).waitFor();
    const add = page.getByRole('button', { name: '＋ 加入演示' });
    await add.first().click();
    await page.getByRole('link', { name: '预算执行' }).click();
    await page.getByRole('heading', { level: 2, name: '预算执行' }).waitFor();
    await add.first().click();
    await page.getByRole('link', { name: '演示（2）' }).click();
    await page.getByRole('heading', { level: 2, name: '演示' }).waitFor();
    // The deck is in the URL: a reload keeps it.
    expect(page.url()).toMatch(/deck=sangong~/);
    await page.reload();
    await page.getByRole('button', { name: '开始演示（全屏）' }).click();
    const stage = page.locator('.presenter-stage');
    await stage.waitFor();
    await expect.poll(() => stage.locator('.slide-number').innerText()).toBe('1 / 2');
    await stage.locator('.slide-target').waitFor();
    await screenshot(page, 'presenter');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stage.locator('.slide-number').innerText()).toBe('2 / 2');
    await page.keyboard.press('PageUp');
    await expect.poll(() => stage.locator('.slide-number').innerText()).toBe('1 / 2');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.presenter-stage').count()).toBe(0);
    await page.getByRole('list', { name: '演示稿' }).waitFor();
    expectQuiet(s);
  });

  it('a view left is kept hidden and unreachable, or unmounted after the paint; never shown beside the new one', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/execution`);
    await mainContains(page, ['42,238.46']);
    // Watch every DOM change: views left stay in the DOM (kept: data-parked; about to unmount:
    // data-leaving) and must be invisible (content-visibility: hidden) and inert all that time.
    await page.evaluate(`(() => {
      const seen = (window.__offstage = { offstage: 0, visibleTogether: 0, reachable: 0 });
      new MutationObserver(() => {
        const off = [...document.querySelectorAll('main :is([data-leaving], [data-parked])')];
        if (off.length === 0) return;
        seen.offstage += 1;
        const shown = [...document.querySelectorAll('main h2')].filter((h) => h.checkVisibility());
        if (shown.length > 1) seen.visibleTogether += 1;
        if (off.some((el) => !el.inert)) seen.reachable += 1;
      }).observe(document.querySelector('main'), { subtree: true, childList: true, attributes: true });
    })()`);
    const visibleHeadings = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('main h2')]
          .filter((h) => h.checkVisibility())
          .map((h) => h.textContent),
      );
    // A comparison view is kept: 预算执行 stays drawn, hidden, while 同比变化 is shown.
    await page.getByRole('link', { name: '同比变化' }).click();
    await page.getByRole('heading', { level: 2, name: '同比变化' }).waitFor();
    expect(await page.locator('main [data-parked] h2', { hasText: '预算执行' }).count()).toBe(1);
    expect(await visibleHeadings()).toEqual(['同比变化']);
    // A change made meanwhile shows when it is shown again: only the province now (the
    // comparison bar opens from its summary line).
    await page.locator('.comparison-bar summary').click();
    await page
      .locator('.comparison-bar label', { hasText: '山西省行政审批服务管理局' })
      .getByRole('checkbox')
      .check();
    await page.getByRole('link', { name: '预算执行' }).click();
    await page.getByRole('heading', { level: 2, name: '预算执行' }).waitFor();
    await mainContains(page, ['42,238.46']);
    expect(await mainText(page)).not.toContain('652.22');
    // The data-file view is not kept: it unmounts after the paint of the view that replaces it.
    await page.getByRole('link', { name: /^数据文件/ }).click();
    await page.getByRole('heading', { level: 2, name: '数据文件' }).waitFor();
    await page.getByRole('link', { name: '预算执行' }).click();
    await page.getByRole('heading', { level: 2, name: '预算执行' }).waitFor();
    await expect.poll(() => page.locator('main [data-leaving]').count()).toBe(0);
    expect(await page.locator('main h2', { hasText: '数据文件' }).count()).toBe(0);
    const seen = (await page.evaluate('window.__offstage')) as Record<string, number>;
    expect(seen.offstage).toBeGreaterThan(0);
    expect(seen.visibleTogether).toBe(0);
    expect(seen.reachable).toBe(0);
    expect(await visibleHeadings()).toEqual(['预算执行']);
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
    const http = await openSession(browser(), { allowOrigin: server.origin });
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
