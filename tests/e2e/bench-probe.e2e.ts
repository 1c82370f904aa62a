/**
 * The benchmark's probe (tests/bench/measure.ts) in real Chromium: a figure counts as on screen
 * when it has been painted and is still there, not when a script wrote it into the DOM.
 * Small pages in a temporary folder, with a manifest of two documents.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launch, runBookmark, runFloor } from '../bench/measure';
import { chromiumPath } from './chromium';

const dir = mkdtempSync(join(tmpdir(), 'budget-e2e-probe-'));
writeFileSync(
  join(dir, 'manifest.js'),
  'window.__BUDGET_MANIFEST__ = { bundles: [{ id: "a" }, { id: "b" }] };\n',
);
const CARDS =
  '<article class="doc-card"><dl class="headline"><dd>42,684.35</dd></dl></article>'.repeat(2);

function page(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    `<!doctype html><html><head><meta charset="utf-8"><script src="./manifest.js"></script></head><body><div id="root"></div>${body}</body></html>`,
  );
  return pathToFileURL(file).href;
}

const T = { cold: 20_000, loaded: 20_000, step: 20_000 };
let browser: Browser;
beforeAll(async () => {
  browser = await launch(chromiumPath());
});
afterAll(async () => {
  await browser.close();
});

describe('bench probe', () => {
  it('does not count figures written and taken away again before anything was painted', async () => {
    // The cards are in the DOM at once; a busy script replaces them with a loading text before
    // the first paint; they come back 600 ms later.
    const url = page(
      'flash.html',
      `<script>document.getElementById('root').innerHTML = ${JSON.stringify(CARDS)};</script>` +
        `<script>var t = performance.now(); while (performance.now() - t < 100) {}
        document.getElementById('root').textContent = '加载中…';
        setTimeout(function () { document.getElementById('root').innerHTML = ${JSON.stringify(CARDS)}; }, 600);</script>`,
    );
    const r = await runFloor(browser, url, T);
    expect(r.onScreen).toBeGreaterThanOrEqual(700);
  });

  it('times a slide by what the app makes its user wait, not the wait before the click', async () => {
    // The button shows at 300 ms but a layer covers it until 1,000 ms, so the click cannot land
    // before then (an operator's delay). The click's handler is busy for 200 ms before it draws.
    const url = page(
      'slide.html',
      `<div id="cover" style="position:fixed;inset:0;z-index:1"></div>` +
        `<script>setTimeout(function () {
          var b = document.createElement('button');
          b.textContent = '开始演示（全屏）';
          b.onclick = function () {
            var t = performance.now(); while (performance.now() - t < 200) {}
            document.getElementById('root').innerHTML = '<div class="presenter-stage"><div class="slide-target"><svg class="floor-chart" width="100" height="50"><rect class="floor-bar" width="80" height="40"></rect></svg></div></div>';
          };
          document.getElementById('root').appendChild(b);
        }, 300);
        setTimeout(function () { document.getElementById('cover').remove(); }, 1000);</script>`,
    );
    const r = await runBookmark(
      browser,
      url,
      {
        name: 'slide',
        hash: '',
        scope: '.presenter-stage .slide-target',
        heading: null,
        click: '开始演示（全屏）',
      },
      T,
    );
    expect(r.errors).toEqual([]);
    expect(r.clickDelay).toBeGreaterThanOrEqual(600);
    // 300 ms to the button, 200 ms of busy handler, and a frame or two to paint.
    expect(r.onScreen).toBeGreaterThanOrEqual(500);
    expect(r.onScreen).toBeLessThan(900);
  });

  it('times static figures at the first contentful paint or later', async () => {
    const url = page(
      'static.html',
      `<script>document.getElementById('root').innerHTML = ${JSON.stringify(CARDS)};</script>`,
    );
    const r = await runFloor(browser, url, T);
    expect(r.fcp).not.toBeNull();
    expect(r.onScreen).toBeGreaterThanOrEqual(r.fcp ?? Infinity);
    expect(r.onScreen).toBeLessThan(5_000);
  });
});
