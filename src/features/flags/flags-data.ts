/**
 * 疑点 derivations, pure (no React, no store): the flags of the compared documents as one list,
 * filtered and counted. The rules themselves are in src/data/flag-rules.ts.
 */
import { documentKindLabel, documentLabel } from '@/data/labels';
import type { ManifestEntry } from '@/data/load';
import { evaluateFlags } from '@/data/flag-rules';
import type { Flag, FlagContext, FlagDocument, RuleGap } from '@/data/flag-rules';
import { FLAG_RULES, FLAG_SEVERITIES } from '@/data/flag-thresholds';
import type { FlagRuleId, FlagSeverity, ThresholdValues } from '@/data/flag-thresholds';
import type { Bundle } from '@/data/schema';

/** A flag with the document it belongs to, as the list shows it. */
export interface FlagRow extends Flag {
  /** documentLabel: unit, year, scope, kind. */
  docLabel: string;
  unitName: string;
  year: number;
  /** 2024年部门决算. */
  docKind: string;
}

export interface FlagDocInput {
  entry: ManifestEntry;
  bundle: Bundle;
}

export interface FlagList {
  rows: FlagRow[];
  gaps: (RuleGap & { docLabel: string })[];
}

/** Most serious first, then in document order, then by rule as the view lists them. */
export function collectFlags(
  docs: readonly FlagDocInput[],
  thresholds: ThresholdValues,
  ctx: Omit<FlagContext, 'others'>,
  others: readonly FlagDocument[] = [],
): FlagList {
  const rows: { row: FlagRow; doc: number; i: number }[] = [];
  const gaps: FlagList['gaps'] = [];
  docs.forEach((d, doc) => {
    const result = evaluateFlags(d, thresholds, { ...ctx, others: [...docs, ...others] });
    const docLabel = documentLabel(d.entry);
    result.flags.forEach((f, i) =>
      rows.push({
        row: {
          ...f,
          docLabel,
          unitName: d.entry.unit.name,
          year: d.entry.fiscalYear,
          docKind: documentKindLabel(d.entry),
        },
        doc,
        i,
      }),
    );
    for (const g of result.gaps) gaps.push({ ...g, docLabel });
  });
  rows.sort(
    (a, b) =>
      severityRank(a.row.severity) - severityRank(b.row.severity) ||
      a.doc - b.doc ||
      FLAG_RULES.indexOf(a.row.rule) - FLAG_RULES.indexOf(b.row.rule) ||
      a.i - b.i,
  );
  return { rows: rows.map((r) => r.row), gaps };
}

export function severityRank(s: FlagSeverity): number {
  return FLAG_SEVERITIES.indexOf(s);
}

export interface FlagFilter {
  /** null: every compared document. */
  unit: string | null;
  rule: FlagRuleId | null;
  severity: FlagSeverity | null;
}

export function filterFlags(rows: readonly FlagRow[], f: FlagFilter): FlagRow[] {
  return rows.filter(
    (r) =>
      (f.unit === null || r.docId === f.unit) &&
      (f.rule === null || r.rule === f.rule) &&
      (f.severity === null || r.severity === f.severity),
  );
}

/** Flags per rule (the rules panel) or per severity. */
export function countBy<K extends string>(rows: readonly FlagRow[], key: (r: FlagRow) => K) {
  const out = new Map<K, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + 1);
  return out;
}
