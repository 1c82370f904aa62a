import { formatHash, parseHash, sourceHref, sourceHrefFor } from '@/store/routes';
import type { Route } from '@/store/types';

describe('parseHash / formatHash', () => {
  it.each<[string, Route, string]>([
    ['', { view: 'overview', selectedIds: [], source: null }, '#/overview'],
    ['#/', { view: 'overview', selectedIds: [], source: null }, '#/overview'],
    [
      '#/overview?units=a,b',
      { view: 'overview', selectedIds: ['a', 'b'], source: null },
      '#/overview?units=a,b',
    ],
    [
      '#/overview?units=b,a,b',
      { view: 'overview', selectedIds: ['b', 'a'], source: null },
      '#/overview?units=b,a',
    ],
    [
      '#/overview?units=a,<x>,',
      { view: 'overview', selectedIds: ['a'], source: null },
      '#/overview?units=a',
    ],
    ['#/sangong', { view: 'sangong', selectedIds: [], source: null }, '#/sangong'],
    [
      '#/nonsense/deep',
      {
        view: 'overview',
        selectedIds: [],
        source: null,
        notice: '网址中的页面“nonsense”不存在，已打开总览。',
      },
      '#/overview',
    ],
    ['#/source', { view: 'source', selectedIds: [], source: null }, '#/source'],
    [
      '#/source/doc-1?line=12',
      { view: 'source', selectedIds: [], source: { id: 'doc-1', line: 12 } },
      '#/source/doc-1?line=12',
    ],
    // A line parameter that names no line is kept, for the viewer to say that line does not exist.
    [
      '#/source/doc-1?line=0',
      { view: 'source', selectedIds: [], source: { id: 'doc-1', line: null, badLine: '0' } },
      '#/source/doc-1?line=0',
    ],
    [
      '#/source/doc-1?line=-3',
      { view: 'source', selectedIds: [], source: { id: 'doc-1', line: null, badLine: '-3' } },
      '#/source/doc-1?line=-3',
    ],
    [
      '#/source/doc-1?line=abc',
      { view: 'source', selectedIds: [], source: { id: 'doc-1', line: null, badLine: 'abc' } },
      '#/source/doc-1?line=abc',
    ],
    [
      `#/source/doc-1?line=${'9'.repeat(400)}`,
      {
        view: 'source',
        selectedIds: [],
        source: { id: 'doc-1', line: null, badLine: '9'.repeat(400) },
      },
      `#/source/doc-1?line=${'9'.repeat(400)}`,
    ],
    [
      '#/source/doc-1?line=',
      { view: 'source', selectedIds: [], source: { id: 'doc-1', line: null } },
      '#/source/doc-1',
    ],
    [
      '#/source/doc-1?line=0113',
      { view: 'source', selectedIds: [], source: { id: 'doc-1', line: 113 } },
      '#/source/doc-1?line=113',
    ],
    // q: the figure's printed text, marked inside the line.
    [
      '#/source/doc-1?line=113&q=42684.35&units=a',
      { view: 'source', selectedIds: ['a'], source: { id: 'doc-1', line: 113, text: '42684.35' } },
      '#/source/doc-1?line=113&q=42684.35&units=a',
    ],
    [
      '#/source/doc-1?line=5&q=1%2C564.72',
      { view: 'source', selectedIds: [], source: { id: 'doc-1', line: 5, text: '1,564.72' } },
      '#/source/doc-1?line=5&q=1%2C564.72',
    ],
    [
      `#/source/doc-1?line=5&q=${'1'.repeat(65)}`,
      { view: 'source', selectedIds: [], source: { id: 'doc-1', line: 5 } },
      '#/source/doc-1?line=5',
    ],
    // Display options and the 明细表's choice; the defaults are not written.
    [
      '#/execution?units=a,b&money=yuan&mode=share',
      {
        view: 'execution',
        selectedIds: ['a', 'b'],
        source: null,
        displayUnit: '元',
        measureMode: 'share',
      },
      '#/execution?units=a,b&money=yuan&mode=share',
    ],
    [
      '#/yoy?money=wan&mode=amount',
      { view: 'yoy', selectedIds: [], source: null, displayUnit: '万元', measureMode: 'absolute' },
      '#/yoy',
    ],
    [
      '#/tables?doc=shanxi-2024&table=%E5%85%AC%E5%BC%8003&money=yuan&mode=share',
      {
        view: 'tables',
        selectedIds: [],
        source: null,
        displayUnit: '元',
        measureMode: 'share',
        tableDoc: 'shanxi-2024',
        tableId: '公开03',
      },
      '#/tables?money=yuan&mode=share&doc=shanxi-2024&table=%E5%85%AC%E5%BC%8003',
    ],
    // Values the app does not know are ignored (the current or default ones stay).
    [
      '#/tables?doc=<script>&table=&money=dollar&mode=1',
      { view: 'tables', selectedIds: [], source: null },
      '#/tables',
    ],
    [
      `#/tables?table=${'x'.repeat(65)}&money=YUAN`,
      { view: 'tables', selectedIds: [], source: null },
      '#/tables',
    ],
    // 对比矩阵: the measure group and the sort.
    [
      '#/matrix?units=a,b&group=sangong&sort=sangong.reception.desc',
      {
        view: 'matrix',
        selectedIds: ['a', 'b'],
        source: null,
        matrixGroup: 'sangong',
        matrixSort: 'sangong.reception.desc',
      },
      '#/matrix?units=a,b&group=sangong&sort=sangong.reception.desc',
    ],
    [
      '#/matrix?group=%3Cscript%3E&sort=',
      { view: 'matrix', selectedIds: [], source: null },
      '#/matrix',
    ],
    [
      '#/overview?group=sangong&sort=expense.desc',
      { view: 'overview', selectedIds: [], source: null },
      '#/overview',
    ],
    // doc and table belong to the 明细表 only.
    [
      '#/overview?doc=shanxi-2024&table=x',
      { view: 'overview', selectedIds: [], source: null },
      '#/overview',
    ],
    [
      '#/source/doc-1?line=5&units=a',
      { view: 'source', selectedIds: ['a'], source: { id: 'doc-1', line: 5 } },
      '#/source/doc-1?line=5&units=a',
    ],
  ])('%s', (hash, route, canonical) => {
    expect(parseHash(hash)).toEqual(route);
    expect(formatHash(route)).toBe(canonical);
  });

  it('builds links to a source line', () => {
    expect(sourceHref('doc-1', 119, ['a', 'b'])).toBe('#/source/doc-1?line=119&units=a,b');
    expect(sourceHref('doc-1', 119, ['a'], '3540.62')).toBe(
      '#/source/doc-1?line=119&q=3540.62&units=a',
    );
  });

  it('builds the same links one document at a time (sourceHrefFor, for long tables)', () => {
    expect(sourceHrefFor('doc-1', ['a', 'b'])(119)).toBe('#/source/doc-1?line=119&units=a,b');
    expect(sourceHrefFor('doc-1')(7)).toBe('#/source/doc-1?line=7');
    for (const ids of [[], ['a'], ['a', 'b', 'c']])
      for (const line of [1, 119, 10012]) {
        expect(sourceHrefFor('shanxi-2024', ids)(line)).toBe(sourceHref('shanxi-2024', line, ids));
        for (const text of ['42684.35', '-0.50', '1,838.93'])
          expect(sourceHrefFor('shanxi-2024', ids)(line, text)).toBe(
            sourceHref('shanxi-2024', line, ids, text),
          );
      }
    expect(parseHash(sourceHrefFor('doc-1', ['a'])(42))).toMatchObject({
      view: 'source',
      source: { id: 'doc-1', line: 42 },
      selectedIds: ['a'],
    });
  });
});
