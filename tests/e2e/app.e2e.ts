/**
 * The built app in real Chromium, opened from file:// with the network blocked: the overview shows
 * the five documents with their printed figures, every view route renders, a figure opens the
 * source viewer at its line, a view left is never shown beside the new one, nothing but local
 * files is requested and nothing logs an error.
 * The same dist/ is then served over http. Screenshots land in test-results/screenshots/.
 */
import { cpSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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
        '山西省行政审批服务管理局\n2024年决算数\n因公出国（境）费：0.00（0.00%），表中空白，据情况说明\n公务用车购置费：0.00（0.00%），表中空白，据情况说明\n公务用车运行维护费：3.20（89.64%）\n公务接待费：0.38（10.64%）\n合计：3.57 万元',
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
 * The text of <main>. textContent, not innerText: blocks far below the fold are not rendered until
 * scrolled to (content-visibility: auto), and innerText leaves out what is not rendered.
 */
function mainText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('main')?.textContent ?? '');
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

  it('总览 reads its cards’ bundles only once its first picture is on screen', async () => {
    const { page } = s;
    // When the first data script other than the manifest is inserted.
    await page.addInitScript(() => {
      const w = window as unknown as { firstBundleAt?: number };
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes)
            if (
              w.firstBundleAt === undefined &&
              n instanceof HTMLScriptElement &&
              /\/data\/(?!manifest)/.test(n.src)
            )
              w.firstBundleAt = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${INDEX_URL}#/overview`);
    await card(page, '山西省行政审批服务管理局').waitFor();
    const times = () =>
      page.evaluate(() => ({
        bundle: (window as unknown as { firstBundleAt?: number }).firstBundleAt ?? null,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      }));
    await expect.poll(async () => (await times()).bundle).not.toBeNull();
    const { bundle, fcp } = await times();
    expect(fcp).not.toBeNull();
    expect(bundle).toBeGreaterThanOrEqual(fcp ?? Infinity);
    // They still load: every card gets its 疑点 count and no card is left loading.
    await expect.poll(() => page.locator('.bundle-status').count()).toBe(0);
    expectQuiet(s);
  });

  it('index.html is small and starts the app with classic scripts, which load from file://', async () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    // No module scripts and no crossorigin attributes: both are blocked from file:// (CORS).
    expect(html).not.toMatch(/<script[^>]*type="module"/);
    expect(html).not.toMatch(/<script[^>]*\scrossorigin/);
    // No app code: the CSP, the loader lines and the list of each view's scripts.
    expect(Buffer.byteLength(html)).toBeLessThan(10_000);
    // The entry's scripts are preloaded, so they are read while the page is parsed.
    expect(html).toMatch(
      /<link rel="preload" as="script" href="\.\/assets\/index-legacy-[^"]+\.js" \/>/,
    );
    // The CSP allows no inline script but the hashed loader lines.
    expect(html).not.toContain("'unsafe-inline'; style-src");
    const { page } = s;
    await page.goto(`${INDEX_URL}#/sangong`);
    // 三公经费 is an on-demand script: the province's 三公 决算 27.61 (万元) on screen.
    await page.getByRole('heading', { level: 2, name: '三公经费' }).waitFor();
    // index.html asked for the bookmarked view's script before the app ran.
    expect(await page.locator('head link[rel="preload"][href*="sangong-page"]').count()).toBe(1);
    expectQuiet(s);
  });

  it('a view whose script is missing says so in Chinese; the rest of the app still works', async () => {
    const { page } = s;
    // dist/ copied without 三公经费's script: a USB copy that lost a file.
    const dir = join(ROOT, 'test-results', 'missing-view');
    rmSync(dir, { recursive: true, force: true });
    cpSync(DIST, dir, { recursive: true });
    const assets = join(dir, 'assets');
    const chunk = readdirSync(assets).find((f) => f.startsWith('sangong-page'));
    if (!chunk) throw new Error('no sangong-page chunk in dist/assets');
    rmSync(join(assets, chunk));
    await page.goto(`${pathToFileURL(join(dir, 'index.html')).href}#/sangong`);
    await expect
      .poll(() => page.getByRole('alert').innerText(), { timeout: 15_000 })
      .toContain('无法加载“三公经费”页面的程序文件');
    await page.getByRole('link', { name: '总览', exact: true }).click();
    await card(page, '山西省行政审批服务管理局').waitFor();
    await expect
      .poll(() => headline(page, '山西省行政审批服务管理局', '本年收入合计').innerText())
      .toContain('42,684.35');
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

  it('hash routes survive a reload', async () => {
    const { page } = s;
    await page.goto(`${INDEX_URL}#/sangong`);
    await page.getByRole('heading', { level: 2, name: '三公经费' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '三公经费' }).waitFor();
    // index.html asked for the bookmarked view's script before the app ran.
    expect(await page.locator('head link[rel="preload"][href*="sangong-page"]').count()).toBe(1);
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
