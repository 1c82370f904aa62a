/**
 * 同比变化: bundle → rows for the year-over-year view. Pure (no React, no store). Every change is
 * what the narrative states ("与上年相比…增加X万元，增长Y%"); the prior-year value is the bundle's
 * derived figure (never printed), and the percent is also recomputed (domain yoyChange) only to
 * flag a printed percent that its own figures do not give.
 */
import type { ManifestEntry } from '@/data/load';
import { documentLabel, unitTag } from '@/data/labels';
import type { Bundle } from '@/data/schema';
import { isClassKey, type YoyStatement } from '@/data/schema-narrative';
import { yoyChange } from '@/domain/measures';
import type { DecimalString } from '@/domain/money';
import { dec, printedPlaces, roundHalfUp } from '@/domain/money';
import { memoByObjects } from '@/lib/memo';
import { idRecord } from '@/lib/id-record';

/** Subjects in the order the documents discuss them; 类 codes go after generalBudgetExpense. */
const SUBJECT_ORDER = [
  'incomeTotal',
  'expenseTotal',
  'fiscalIncomeTotal',
  'fiscalExpenseTotal',
  'generalBudgetExpense',
  '#classes',
  'sangong',
  'sangong.abroad',
  'sangong.vehiclePurchase',
  'sangong.vehicleRunning',
  'sangong.reception',
  'operatingCosts',
];

/** The subjects the % chart shows: the totals every document states (the table has them all). */
export const HEADLINE_SUBJECTS = [
  'incomeTotal',
  'expenseTotal',
  'fiscalExpenseTotal',
  'generalBudgetExpense',
  'sangong',
  'operatingCosts',
] as const;

export function compareYoySubjects(a: string, b: string): number {
  const rank = (k: string): number => {
    const i = SUBJECT_ORDER.indexOf(isClassKey(k) ? '#classes' : k);
    return i === -1 ? SUBJECT_ORDER.length : i;
  };
  const d = rank(a) - rank(b);
  if (d !== 0) return d;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "201 一般公共服务支出" for a 类, the printed label otherwise. */
export function yoySubjectLabel(s: Pick<YoyStatement, 'key' | 'label'>): string {
  return isClassKey(s.key) ? `${s.key} ${s.label}` : s.label;
}

/** What the change is measured against: last year's final accounts, or last year's budget. */
export type YoyBase = '上年决算' | '上年预算';

export function yoyBase(entry: Pick<ManifestEntry, 'kind'>): YoyBase {
  // A budget compares with last year's budget ("比上年", "比2025年预算"); final accounts with
  // last year's final accounts, whatever the wording (与上年相比, 较上年决算, 比上年度, 比2023年).
  return entry.kind === '预算' ? '上年预算' : '上年决算';
}

/** Does the printed percent agree with change ÷ prior at its printed precision? */
export type PctCheck = 'agrees' | 'differs' | 'none';

export interface YoyCell {
  bundleId: string;
  document: string;
  statement: YoyStatement;
  base: YoyBase;
  /** Signed change (减少 negative), for sorting and the chart; null for 持平. */
  signedChange: DecimalString | null;
  /** Signed printed percent (下降 negative); '0' for 持平; null when no percent is printed. */
  signedPct: DecimalString | null;
}

function negatedIf(v: DecimalString, negative: boolean): DecimalString {
  return negative ? dec(v).negated().toFixed() : v;
}

export function yoyCell(entry: ManifestEntry, s: YoyStatement): YoyCell {
  const flat = s.direction === '持平';
  return {
    bundleId: entry.id,
    document: documentLabel(entry),
    statement: s,
    base: yoyBase(entry),
    signedChange: s.change === null ? null : negatedIf(s.change.v, s.direction === '减少'),
    signedPct: flat
      ? '0'
      : s.pct === null
        ? null
        : negatedIf(
            s.pct.v,
            (s.pctDirection ?? (s.direction === '减少' ? '下降' : '增长')) === '下降',
          ),
  };
}

/** The printed percent against the one its own figures give. */
export interface YoyPctCheck {
  /** Percent recomputed from current and the derived prior (2 places); null without a base. */
  computedPct: DecimalString | null;
  pctCheck: PctCheck;
}

/**
 * Recomputes a statement's percent (change ÷ prior, domain yoyChange) and compares it with the
 * printed one at the printed precision. Only the 同比 table shows it, so it is computed there, below
 * the chart, and not for every statement before the chart is drawn.
 */
export function yoyPctCheck(s: YoyStatement): YoyPctCheck {
  if (s.direction === '持平') return { computedPct: null, pctCheck: 'none' };
  const percent = yoyChange(s.current.v, s.prior.v).percent;
  const computedPct = percent === null ? null : percent.abs().toFixed(2);
  if (s.pct === null || computedPct === null) return { computedPct, pctCheck: 'none' };
  const atPrinted = roundHalfUp(dec(computedPct), printedPlaces(s.pct.v));
  return { computedPct, pctCheck: atPrinted.equals(dec(s.pct.v)) ? 'agrees' : 'differs' };
}

/** One subject across the compared units (one table row). */
export interface YoyRow {
  key: string;
  subject: string;
  /** By bundle id; absent where the unit's document states no change for this subject. */
  cells: Record<string, YoyCell>;
  /** The compared units measure this change against different bases (上年决算 vs 上年预算). */
  mixedBase: boolean;
}

export interface UnitBundle {
  entry: ManifestEntry;
  bundle: Bundle;
}

/** yoyCell once per entry and statement: a selection change derives only the document added. */
const yoyCellOf = memoByObjects(yoyCell);

export function yoyRows(units: readonly UnitBundle[]): YoyRow[] {
  const rows = new Map<string, YoyRow>();
  for (const { entry, bundle } of units) {
    for (const s of bundle.narrative.yoy) {
      const row = rows.get(s.key) ?? {
        key: s.key,
        subject: yoySubjectLabel(s),
        cells: idRecord<YoyCell>(),
        mixedBase: false,
      };
      // A change stated twice keeps its first statement; the checks view compares the copies.
      if (row.cells[entry.id] === undefined) row.cells[entry.id] = yoyCellOf(entry, s);
      rows.set(s.key, row);
    }
  }
  return [...rows.values()]
    .map((r) => ({
      ...r,
      mixedBase: new Set(Object.values(r.cells).map((c) => c.base)).size > 1,
    }))
    .sort((a, b) => compareYoySubjects(a.key, b.key));
}

/** Notes on what each unit's changes are measured against, in the documents' words. */
export function basisNotes(units: readonly UnitBundle[]): string[] {
  const notes: string[] = [];
  for (const { entry, bundle } of units) {
    const wordings = [...new Set(bundle.narrative.yoy.map((s) => s.basis))];
    if (wordings.length === 0) continue;
    notes.push(
      `${documentLabel(entry)}：与${yoyBase(entry)}比较（原文：${wordings.map((w) => `“${w}”`).join('、')}）。`,
    );
  }
  const bases = new Set(
    units.filter((u) => u.bundle.narrative.yoy.length > 0).map((u) => yoyBase(u.entry)),
  );
  if (bases.size > 1) {
    notes.unshift(
      '比较基准不同：决算文件的增减是与上年决算（实际数）相比，预算文件的增减是与上年预算（计划数）相比，两者不可直接对比。',
    );
  }
  return notes;
}

/** Why a unit shows no changes, or 'ready'. */
export type UnitYoyState =
  | { kind: 'ready'; bundle: Bundle }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'noStatements'; bundle: Bundle };

export function unitYoyState(
  bundle: Bundle | undefined,
  loadError: string | undefined,
): UnitYoyState {
  if (bundle === undefined) {
    return loadError === undefined ? { kind: 'loading' } : { kind: 'error', message: loadError };
  }
  return bundle.narrative.yoy.length === 0
    ? { kind: 'noStatements', bundle }
    : { kind: 'ready', bundle };
}

/** Short tag for chart labels and legends: the one unitTag of src/data/labels.ts. */
export const yoyUnitTag = unitTag;
