/**
 * 数据校验 derivations, pure (no React, no store): the findings of the loaded bundles as one list,
 * filtered and counted by unit × severity. The findings themselves come from the ingest
 * (bundle.findings); nothing is re-checked here.
 */
import type { Finding } from '@/data/schema';

export type Severity = Finding['severity'];
export type FindingKind = Finding['kind'];

/** Most serious first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const KINDS: readonly FindingKind[] = [
  'sum',
  'cross-table',
  'percent',
  'narrative',
  'format',
  'completeness',
];

/** Severity as text and icon, so it reads without colour. */
export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};
export const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };
/** What each severity means, in one sentence (src/data/bundle-format.md, Findings). */
export const SEVERITY_MEANING: Record<Severity, string> = {
  error: '文件自相矛盾，超出尾数误差。',
  warning: '两处数字不一致，或数字的印法异常。',
  info: '尾数差在文件允许的误差范围内（每个相加项不超过 0.01），或差异可能合理，不算错误。',
};

export const KIND_LABEL: Record<FindingKind, string> = {
  sum: '合计校验',
  'cross-table': '跨表核对',
  percent: '百分比核对',
  narrative: '文字与表格',
  format: '印刷格式',
  completeness: '完整性',
};

/** A document whose findings are listed. */
export interface CheckedDocument {
  id: string;
  /** Document as the user knows it (unit, year, scope, kind). */
  label: string;
  findings: readonly Finding[];
}

/** One finding with the document it belongs to. */
export interface FindingRow {
  /** Unique across documents: `<bundle id>/<finding id>`. */
  rowId: string;
  docId: string;
  docLabel: string;
  finding: Finding;
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** Every finding of the documents: most serious first, then in document order and line order. */
export function collectFindings(docs: readonly CheckedDocument[]): FindingRow[] {
  const rows = docs.flatMap((d, docIndex) =>
    d.findings.map((finding, i) => ({
      row: { rowId: `${d.id}/${finding.id}`, docId: d.id, docLabel: d.label, finding },
      docIndex,
      i,
    })),
  );
  rows.sort(
    (a, b) =>
      severityRank(a.row.finding.severity) - severityRank(b.row.finding.severity) ||
      a.docIndex - b.docIndex ||
      (a.row.finding.lines[0] ?? 0) - (b.row.finding.lines[0] ?? 0) ||
      a.i - b.i,
  );
  return rows.map((r) => r.row);
}

/** 'all' or one value, as the filter controls give them. */
export interface FindingFilter {
  docId: string;
  severity: Severity | 'all';
  kind: FindingKind | 'all';
}

export const NO_FILTER: FindingFilter = { docId: 'all', severity: 'all', kind: 'all' };

export function filterFindings(rows: readonly FindingRow[], f: FindingFilter): FindingRow[] {
  return rows.filter(
    (r) =>
      (f.docId === 'all' || r.docId === f.docId) &&
      (f.severity === 'all' || r.finding.severity === f.severity) &&
      (f.kind === 'all' || r.finding.kind === f.kind),
  );
}

export type SeverityCounts = Record<Severity, number> & { total: number };

export function emptyCounts(): SeverityCounts {
  return { error: 0, warning: 0, info: 0, total: 0 };
}

/** Findings per severity of a list. */
export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): SeverityCounts {
  const c = emptyCounts();
  for (const f of findings) {
    c[f.severity] += 1;
    c.total += 1;
  }
  return c;
}

/** Sum of count rows (the 合计 line of the unit × severity table). */
export function addCounts(rows: readonly SeverityCounts[]): SeverityCounts {
  const c = emptyCounts();
  for (const r of rows) {
    for (const s of SEVERITIES) c[s] += r[s];
    c.total += r.total;
  }
  return c;
}

export function isSeverity(s: string): s is Severity {
  return (SEVERITIES as readonly string[]).includes(s);
}

export function isFindingKind(s: string): s is FindingKind {
  return (KINDS as readonly string[]).includes(s);
}
