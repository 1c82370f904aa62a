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

  it('builds the same links one document at a time (sourceHrefFor, for long tables)', () => {
    expect(sourceHrefFor('doc-1', ['a', 'b'])(119)).toBe('#/source/doc-1?line=119&units=a,b');
    expect(sourceHrefFor('doc-1')(7)).toBe('#/source/doc-1?line=7');
    for (const ids of [[], ['a'], ['a', 'b', 'c']])
      for (const line of [1, 119, 10012])
        expect(sourceHrefFor('shanxi-2024', ids)(line)).toBe(sourceHref('shanxi-2024', line, ids));
    expect(parseHash(sourceHrefFor('doc-1', ['a'])(42))).toMatchObject({
      view: 'source',
      source: { id: 'doc-1', line: 42 },
      selectedIds: ['a'],
    });
  });
});
