import { routePreloadScript } from '@/app/view-modules';
import { formatHash, parseHash } from '@/store/routes';
import type { Route } from '@/store/types';

/** One made-up script per view, so the preloaded files name the views they were for. */
const SCRIPTS = {
  execution: ['./assets/execution.js', './assets/chart.js'],
  yoy: ['./assets/yoy.js', './assets/chart.js'],
  sangong: ['./assets/sangong.js', './assets/chart.js'],
  performance: ['./assets/performance.js'],
  tables: ['./assets/tables.js'],
  present: ['./assets/present.js'],
};

/** Runs index.html's inline script on `hash`; returns the files it asked the browser to preload. */
function preloadsFor(hash: string): string[] {
  const html = routePreloadScript(SCRIPTS);
  const body = /^<script>([\s\S]*)<\/script>$/.exec(html)?.[1];
  if (body === undefined) throw new Error('not one inline <script>');
  const links: { rel: string; as: string; href: string }[] = [];
  const document = {
    createElement: () => ({ rel: '', as: '', href: '' }),
    head: { appendChild: (l: { rel: string; as: string; href: string }) => links.push(l) },
  };
  // The build's own inline script, run as the browser runs it.
  new Function('location', 'document', body)({ hash }, document);
  expect(links.every((l) => l.rel === 'preload' && l.as === 'script')).toBe(true);
  return links.map((l) => l.href);
}

const deckRoute: Route = {
  view: 'present',
  selectedIds: ['datong-city-dept-2024-final'],
  source: null,
  deck: [
    {
      view: 'sangong',
      chart: '三公经费：预算与决算（按部分堆叠）',
      units: ['datong-city-dept-2024-final', 'shanxi-province-bureau-2024-final'],
    },
    { view: 'execution', chart: '执行率（决算 ÷ 年初预算）', units: [], mode: 'share' },
    {
      view: 'yoy',
      chart: '主要收支与上年相比的增减幅度',
      units: ['shuocheng-district-dept-2023-final'],
    },
  ],
  slide: 1,
};

/** The presenter's scripts, then each slide's view's, each file once. */
const DECK_PRELOADS = [
  './assets/present.js',
  './assets/sangong.js',
  './assets/chart.js',
  './assets/execution.js',
  './assets/yoy.js',
];

describe('index.html preloads the scripts of the views an address opens', () => {
  it('a bookmarked view: its scripts, each once', () => {
    const hash = formatHash({ view: 'sangong', selectedIds: ['a-b', 'c-d'], source: null });
    expect(preloadsFor(hash)).toEqual(['./assets/sangong.js', './assets/chart.js']);
  });

  it('the overview and an unknown address: nothing (the overview is in the entry)', () => {
    expect(preloadsFor('')).toEqual([]);
    expect(preloadsFor('#/overview?units=a-b')).toEqual([]);
    expect(preloadsFor('#/nonsense')).toEqual([]);
  });

  it('a 演示 deck as the app writes it: the presenter and every slide’s view', () => {
    const hash = formatHash(deckRoute);
    // The app reads the same address back to the same slides.
    expect(parseHash(hash).deck?.map((s) => s.view)).toEqual(['sangong', 'execution', 'yoy']);
    expect(preloadsFor(hash)).toEqual(DECK_PRELOADS);
  });

  it('a deck whose separators arrive percent-encoded (a pasted link)', () => {
    const hash = formatHash(deckRoute).replaceAll('|', '%7C');
    expect(hash.match(/%7C/g)).toHaveLength(2);
    expect(parseHash(hash).deck?.map((s) => s.view)).toEqual(['sangong', 'execution', 'yoy']);
    expect(preloadsFor(hash)).toEqual(DECK_PRELOADS);
  });
});
