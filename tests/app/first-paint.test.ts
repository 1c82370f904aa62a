// @vitest-environment jsdom
/**
 * The first paint (src/app/first-paint.ts): the overview's cards drawn from data/manifest.js before
 * the app's module runs. It must show the figures the app shows, formatted the same way.
 */
import fc from 'fast-check';
import {
  APP_NOT_STARTED,
  APP_START_TIMEOUT_MS,
  FIRST_PAINT_CARDS,
  firstPaint,
  firstPaintAmount,
  firstPaintHtml,
  firstPaintLevel,
} from '@/app/first-paint';
import { NAV_ITEMS } from '@/app/nav';
import { levelLabel } from '@/data/labels';
import type { Manifest } from '@/data/schema';
import { OVERVIEW_PAGE_SIZE } from '@/features/overview/overview-page';
import { formatWanYuan } from '@/lib/format';
import { viewHref } from '@/store/routes';
import { shippedManifest } from './shipped-manifest';

/** What the inline script is given: the browser's window, with the shipped manifest loaded. */
function browserWindow(hash: string) {
  return { __BUDGET_MANIFEST__: shippedManifest(), location: { hash }, document, setTimeout };
}

function drawn(hash = '#/overview'): HTMLElement {
  const html = firstPaintHtml(shippedManifest(), hash);
  const div = document.createElement('div');
  div.innerHTML = html ?? '';
  return div;
}

function card(root: HTMLElement, unit: string, kind: string): HTMLElement {
  const found = [...root.querySelectorAll<HTMLElement>('.doc-card')].find(
    (c) => c.querySelector('h3')?.textContent === unit && c.textContent?.includes(kind),
  );
  if (!found) throw new Error(`no card for ${unit} ${kind}`);
  return found;
}

function headline(c: HTMLElement): Record<string, string> {
  return Object.fromEntries(
    [...c.querySelectorAll('.headline-row')].map((r) => [
      r.querySelector('dt')?.textContent ?? '',
      r.querySelector('dd')?.textContent ?? '',
    ]),
  );
}

describe('first paint: the overview before the app', () => {
  it('tags the service center 市级 · 服务中心, as the app does', () => {
    const root = drawn();
    const tags = [...card(root, '大同市政务服务中心', '2024年').querySelectorAll('.tags li')];
    expect(tags[0]?.textContent).toBe('市级 · 服务中心');
    const { bundles } = shippedManifest() as Manifest;
    for (const e of bundles) expect(firstPaintLevel(e.unit)).toBe(levelLabel(e.unit));
    for (const name of ['山西省政务服务中心', '朔州市朔城区政务服务中心', '大同市政务服务中心']) {
      const unit = { name, level: '服务中心' as const };
      expect(firstPaintLevel(unit)).toBe(levelLabel(unit));
    }
  });

  it('shows the headline totals as printed in the documents', () => {
    const root = drawn();
    // 山西省行政审批服务管理局 2024年部门决算, 收入支出决算总表 (source line 113) and 支出决算表 (line 172).
    expect(headline(card(root, '山西省行政审批服务管理局', '2024年'))).toEqual({
      本年收入合计: '42,684.35',
      本年支出合计: '42,240.10',
      基本支出: '846.28',
      项目支出: '41,393.83',
    });
    // 大同市政务服务中心 2024年单位决算: income 1126.93 and expenditure 1127.00 (line 110) differ.
    expect(headline(card(root, '大同市政务服务中心', '2024年'))).toMatchObject({
      本年收入合计: '1,126.93',
      本年支出合计: '1,127.00',
    });
    // 朔城区 2023年: 基本支出 607.16 (line 400).
    expect(headline(card(root, '朔州市朔城区行政审批服务管理局', '2023年')).基本支出).toBe(
      '607.16',
    );
    expect(root.querySelectorAll('.doc-card')).toHaveLength(5);
    expect(root.querySelector('[data-first-paint]')).toHaveAttribute('aria-busy', 'true');
  });

  it('formats any decimal exactly as the app does (half-up, grouped, no -0.00)', () => {
    for (const [v, out] of [
      ['42683.675', '42,683.68'],
      ['999.995', '1,000.00'],
      ['-0.005', '-0.01'],
      ['-0.004', '0.00'],
      ['0', '0.00'],
      ['1564.72', '1,564.72'],
      ['0009.5', '9.50'],
    ] as const) {
      expect(firstPaintAmount(v)).toBe(out);
      expect(formatWanYuan(v)).toBe(out);
    }
    expect(firstPaintAmount(null)).toBe('—');
    expect(firstPaintAmount('12abc')).toBe('—');
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 6 }),
        (neg, int, frac) => {
          const v = `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
          expect(firstPaintAmount(v)).toBe(formatWanYuan(v));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('draws the app’s navigation and page size', () => {
    // The links the app's header has: every view, with the app's own hrefs.
    const links = [...drawn().querySelectorAll('nav[aria-label="主导航"] a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).toEqual(NAV_ITEMS.map((n) => [n.label, viewHref(n.view)]));
    expect(NAV_ITEMS.map((n) => n.label)).toEqual([
      '总览',
      '预算执行',
      '同比变化',
      '三公经费',
      '绩效评价',
      '明细表',
      '数据校验',
      '对比矩阵',
      '疑点',
      '原文',
      '演示',
    ]);
    expect(FIRST_PAINT_CARDS).toBe(OVERVIEW_PAGE_SIZE);
    const many = shippedManifest() as { bundles: unknown[] };
    const big = { ...many, bundles: Array.from({ length: 60 }, () => many.bundles).flat() };
    const div = document.createElement('div');
    div.innerHTML = firstPaintHtml(big, '') ?? '';
    expect(div.querySelectorAll('.doc-card')).toHaveLength(OVERVIEW_PAGE_SIZE);
  });

  it('draws nothing for another view or a manifest it cannot read, so the app decides', () => {
    const manifest = shippedManifest();
    expect(firstPaintHtml(manifest, '#/execution?units=a')).toBeNull();
    expect(firstPaintHtml(manifest, '#/source/x/12')).toBeNull();
    expect(firstPaintHtml(manifest, '')).not.toBeNull();
    expect(firstPaintHtml(undefined, '')).toBeNull();
    expect(firstPaintHtml({ bundles: [] }, '')).toBeNull();
    expect(firstPaintHtml({ bundles: [{ id: 'x' }] }, '')).toBeNull();
  });

  it('escapes names from the data', () => {
    const m = shippedManifest() as { bundles: { unit: { name: string } }[] };
    const [first] = m.bundles;
    if (!first) throw new Error('empty manifest');
    first.unit.name = '<img src=x onerror=alert(1)>局';
    const div = document.createElement('div');
    div.innerHTML = firstPaintHtml(m, '') ?? '';
    expect(div.querySelector('img')).toBeNull();
    expect(div.querySelector('.doc-card h3')?.textContent).toBe('<img src=x onerror=alert(1)>局');
  });

  it('draws into an empty #root only', () => {
    const win = browserWindow('');
    document.body.innerHTML = '<div id="root"></div>';
    firstPaint(win);
    expect(document.querySelectorAll('#root .doc-card')).toHaveLength(5);
    document.body.innerHTML = '<div id="root"><p>app</p></div>';
    firstPaint(win);
    expect(document.querySelector('#root')?.textContent).toBe('app');
  });

  it('says so when the app has not replaced it in time, and not when it has', () => {
    vi.useFakeTimers();
    try {
      const win = browserWindow('#/overview');
      document.body.innerHTML = '<div id="root"></div>';
      firstPaint(win);
      vi.advanceTimersByTime(APP_START_TIMEOUT_MS - 1);
      expect(document.querySelector('[role="alert"]')).toBeNull();
      vi.advanceTimersByTime(1);
      expect(document.querySelector('main [role="alert"]')?.textContent).toBe(APP_NOT_STARTED);
      expect(document.querySelector('[data-first-paint]')).not.toHaveAttribute('aria-busy');
      // The figures stay: the message is added above them.
      expect(document.querySelectorAll('#root .doc-card')).toHaveLength(5);

      // The app came in time (React replaced #root's content): nothing is added.
      document.body.innerHTML = '<div id="root"></div>';
      firstPaint(win);
      const root = document.getElementById('root');
      if (!root) throw new Error('no #root');
      root.innerHTML = '<div class="app"><main><h2>总览</h2></main></div>';
      vi.advanceTimersByTime(APP_START_TIMEOUT_MS);
      expect(document.querySelector('[role="alert"]')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
