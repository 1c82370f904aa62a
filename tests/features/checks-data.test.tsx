import type { Finding } from '@/data/schema';
import {
  NO_FILTER,
  addCounts,
  collectFindings,
  countBySeverity,
  filterFindings,
} from '@/features/checks/checks-data';
import type { CheckedDocument, FindingFilter } from '@/features/checks/checks-data';

function finding(
  id: string,
  severity: Finding['severity'],
  kind: Finding['kind'],
  line: number,
): Finding {
  return { id, severity, kind, message: id, expected: '1', printed: '2', lines: [line] };
}

const docs: CheckedDocument[] = [
  {
    id: 'a',
    label: 'A 2024年单位决算',
    findings: [
      finding('a1', 'info', 'sum', 10),
      finding('a2', 'error', 'percent', 50),
      finding('a3', 'warning', 'format', 5),
      finding('a4', 'error', 'sum', 20),
    ],
  },
  {
    id: 'b',
    label: 'B 2023年部门决算',
    findings: [finding('b1', 'error', 'percent', 1), finding('b2', 'info', 'narrative', 3)],
  },
];

describe('collectFindings', () => {
  it('orders by severity, then document, then line', () => {
    expect(collectFindings(docs).map((r) => r.rowId)).toEqual([
      'a/a4',
      'a/a2',
      'b/b1',
      'a/a3',
      'a/a1',
      'b/b2',
    ]);
  });

  it('keeps the document label with each finding', () => {
    expect(collectFindings(docs).find((r) => r.finding.id === 'b1')?.docLabel).toBe(
      'B 2023年部门决算',
    );
  });

  it('is empty for no documents', () => {
    expect(collectFindings([])).toEqual([]);
  });
});

describe('filterFindings', () => {
  const all = collectFindings(docs);
  it.each<[string, FindingFilter, string[]]>([
    ['no filter', NO_FILTER, ['a/a4', 'a/a2', 'b/b1', 'a/a3', 'a/a1', 'b/b2']],
    ['severity error', { ...NO_FILTER, severity: 'error' }, ['a/a4', 'a/a2', 'b/b1']],
    ['unit b', { ...NO_FILTER, docId: 'b' }, ['b/b1', 'b/b2']],
    ['kind percent', { ...NO_FILTER, kind: 'percent' }, ['a/a2', 'b/b1']],
    ['unit a + error + sum', { docId: 'a', severity: 'error', kind: 'sum' }, ['a/a4']],
    ['nothing matches', { docId: 'b', severity: 'warning', kind: 'all' }, []],
  ])('%s', (_name, filter, expected) => {
    expect(filterFindings(all, filter).map((r) => r.rowId)).toEqual(expected);
  });
});

describe('counts', () => {
  it.each<
    [string, Finding['severity'][], { error: number; warning: number; info: number; total: number }]
  >([
    ['none', [], { error: 0, warning: 0, info: 0, total: 0 }],
    ['one of each', ['error', 'warning', 'info'], { error: 1, warning: 1, info: 1, total: 3 }],
    ['info only', ['info', 'info'], { error: 0, warning: 0, info: 2, total: 2 }],
  ])('countBySeverity: %s', (_name, severities, expected) => {
    expect(countBySeverity(severities.map((severity) => ({ severity })))).toEqual(expected);
  });

  it('addCounts sums the rows of the summary', () => {
    const rows = docs.map((d) => countBySeverity(d.findings));
    expect(addCounts(rows)).toEqual({ error: 3, warning: 1, info: 2, total: 6 });
  });
});
