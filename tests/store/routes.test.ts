import { formatHash, parseHash, sourceHref } from '@/store/routes';
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
    ['#/nonsense/deep', { view: 'overview', selectedIds: [], source: null }, '#/overview'],
    ['#/source', { view: 'source', selectedIds: [], source: null }, '#/source'],
    [
      '#/source/doc-1?line=12',
      { view: 'source', selectedIds: [], source: { id: 'doc-1', line: 12 } },
      '#/source/doc-1?line=12',
    ],
    [
      '#/source/doc-1?line=0',
      { view: 'source', selectedIds: [], source: { id: 'doc-1', line: null } },
      '#/source/doc-1',
    ],
    [
      '#/source/doc-1?line=-3',
      { view: 'source', selectedIds: [], source: { id: 'doc-1', line: null } },
      '#/source/doc-1',
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
  });
});
