/**
 * 三公经费 view: bundle → bars (one per unit × year × 预算/决算) and the facts that go with them.
 * Pure: no React, no store. All arithmetic goes through src/domain.
 *
 * The document's own year comes from the one 三公 reader, src/data/sangong.ts (also used by
 * 预算执行); `narrative.noActivity` 'sangong' says 本单位无“三公”经费预算.
 * The year before: `narrative.yoy` keys 'sangong', 'sangong.<part>' — prior values are derived
 * (current ∓ stated change) and always marked as such. Parts the text does not state stay null.
 */
import type { ManifestEntry } from '@/data/load';
import { documentLabel } from '@/data/labels';
import type { Bundle } from '@/data/schema';
import { readSangong, SANGONG_PARTS } from '@/data/sangong';
import type { PartKey, SangongSide } from '@/data/sangong';
import type { DerivedFig, Fig } from '@/data/schema-common';
import type { CountStatement } from '@/data/schema-narrative';
import { executionRate, share } from '@/domain/measures';
import { compareDecimal, dec, sum } from '@/domain/money';
import { computedShare } from '@/components/figure-value';
import type { DerivedFigure } from '@/components/figure-value';
import type { DecimalString } from '@/domain/money';

export { SANGONG_PARTS };
export type { PartKey };

export type AnyFig = Fig | DerivedFig;
/** 预算 = budget (全年预算 in 公开09, or a 预算 document); 决算 = actual spending. */
export type Basis = '预算' | '决算';

type Entry = Pick<ManifestEntry, 'id' | 'unit' | 'kind' | 'fiscalYear'>;

export interface SangongBar {
  /** `${bundleId}:${year}:${basis}`. */
  id: string;
  bundleId: string;
  unitName: string;
  scope: '部门' | '单位';
  /** The document the figures come from ("山西省… 2024年单位决算"). */
  document: string;
  year: number;
  basis: Basis;
  /** A prior-year value derived from a stated change: never printed, shown with ※. */
  derived: boolean;
  /** Where the figures were read: 公开09, 预算10, 情况说明 … */
  sourceLabel: string;
  total: AnyFig | null;
  /** null = the document does not state this part for this year. */
  parts: Record<PartKey, AnyFig | null>;
  /** The document states there was no 三公 spending/budget this year (a fact, not missing data). */
  none: boolean;
  /** Parts whose table cell is blank and whose figure the narrative states (SangongSide). */
  fromText: readonly PartKey[];
}

/** Said after a figure a blank table cell takes from the narrative (a part in `fromText`). */
export const FROM_TEXT_MARK = '（据说明）';

/** A statement that there was nothing (本表无数据, 无“三公”经费预算, 支出决算0万元). */
export interface SangongFact {
  bundleId: string;
  document: string;
  year: number;
  text: string;
  /** Source line, null where the statement is itself derived. */
  line: number | null;
}

export interface SangongUnitData {
  bars: SangongBar[];
  facts: SangongFact[];
  /** Counts from the narrative (团组, 人次, 辆, 批次), first statement of each key. */
  counts: CountStatement[];
  /** Set when the document has no 三公 figures at all. */
  missing: string | null;
}

const NO_PARTS: Record<PartKey, AnyFig | null> = {
  abroad: null,
  vehiclePurchase: null,
  vehicleRunning: null,
  reception: null,
};

const isZero = (f: AnyFig | null): boolean => f !== null && compareDecimal(f.v, '0') === 0;

const BASIS_ORDER: Record<Basis, number> = { 预算: 0, 决算: 1 };

/** Bars of one document: its own year (budget and/or actual) and the derived year before. */
export function sangongForBundle(entry: Entry, bundle: Bundle): SangongUnitData {
  const document = documentLabel(entry);
  const base = {
    bundleId: entry.id,
    unitName: entry.unit.name,
    scope: entry.unit.scope,
    document,
  };
  const bars: SangongBar[] = [];
  const facts: SangongFact[] = [];
  const year = entry.fiscalYear;
  const bar = (
    y: number,
    basis: Basis,
    derived: boolean,
    sourceLabel: string,
    total: AnyFig | null,
    parts: Record<PartKey, AnyFig | null>,
    none: boolean,
  ): SangongBar => ({
    ...base,
    id: `${entry.id}:${y}:${basis}${derived ? ':derived' : ''}`,
    year: y,
    basis,
    derived,
    sourceLabel,
    total,
    parts,
    none,
    fromText: [],
  });

  const narr = bundle.narrative.sangong;
  const noActivity = bundle.narrative.noActivity.find((n) => n.key === 'sangong') ?? null;
  const own = readSangong(bundle);
  const table = own.table;
  const sideBar = (basis: Basis, side: SangongSide): SangongBar => ({
    ...bar(year, basis, false, side.sourceLabel, side.total, { ...side.parts }, isZero(side.total)),
    fromText: side.fromText,
  });

  if (bundle.kind === '决算') {
    if (table?.noData) {
      facts.push({
        bundleId: entry.id,
        document,
        year,
        text: `${year}年 ${table.id} ${table.title}：本表无数据（无财政拨款“三公”经费）`,
        line: table.line,
      });
    }
    if (own.budget) bars.push(sideBar('预算', own.budget));
    if (own.actual) bars.push(sideBar('决算', own.actual));
    const actualBar = bars.find((b) => b.year === year && b.basis === '决算');
    if (actualBar?.none && actualBar.total) {
      facts.push({
        bundleId: entry.id,
        document,
        year,
        text: `${year}年无“三公”经费财政拨款支出（支出决算0万元）`,
        line: 'line' in actualBar.total ? actualBar.total.line : null,
      });
    }
  } else {
    const stated = noActivity !== null || table?.noData === true;
    if (stated) {
      const text = noActivity ? `本单位${noActivity.text.replace(/^本单位/, '')}` : '本表无数据';
      facts.push({
        bundleId: entry.id,
        document,
        year,
        text: `${year}年预算：${text}`,
        line: noActivity?.line ?? table?.line ?? null,
      });
      bars.push(bar(year, '预算', false, table?.id ?? '情况说明', null, { ...NO_PARTS }, true));
    } else if (own.budget) {
      bars.push(sideBar('预算', own.budget));
    }
  }

  const prior = priorYearBar(bundle, (t, p, none) =>
    bar(year - 1, bundle.kind, true, '情况说明（由增减额推算）', t, p, none),
  );
  if (prior) {
    bars.push(prior);
    if (prior.none) {
      facts.push({
        bundleId: entry.id,
        document,
        year: year - 1,
        text: `${year - 1}年（推算）：与${year}年相同，无“三公”经费支出`,
        line: null,
      });
    }
  }

  bars.sort((a, b) => a.year - b.year || BASIS_ORDER[a.basis] - BASIS_ORDER[b.basis]);

  const counts: CountStatement[] = [];
  for (const c of narr?.counts ?? []) {
    if (!counts.some((x) => x.key === c.key)) counts.push(c);
  }

  const missing =
    bars.length === 0 && facts.length === 0 ? '本文件未公开“三公”经费的表格或说明。' : null;
  return { bars, facts, counts, missing };
}

/** The year before, from the narrative's stated changes (derived; parts only where stated). */
function priorYearBar(
  bundle: Bundle,
  make: (
    total: DerivedFig | null,
    parts: Record<PartKey, AnyFig | null>,
    none: boolean,
  ) => SangongBar,
): SangongBar | null {
  const first = (key: string) => bundle.narrative.yoy.find((y) => y.key === key) ?? null;
  const total = first('sangong')?.prior ?? null;
  const parts = Object.fromEntries(
    SANGONG_PARTS.map(({ key }) => [key, first(`sangong.${key}`)?.prior ?? null]),
  ) as Record<PartKey, DerivedFig | null>;
  if (total === null && Object.values(parts).every((p) => p === null)) return null;
  return make(total, parts, isZero(total));
}

/** An actual bar's 执行率 (%, 2 places) and the two printed totals it is computed from. */
export interface BarRate {
  v: string;
  actual: AnyFig;
  budget: AnyFig;
}

/** 执行率 of an actual bar against the budget bar of the same document and year; null = "—". */
export function barExecutionRate(bar: SangongBar, bars: readonly SangongBar[]): BarRate | null {
  if (bar.basis !== '决算' || bar.derived || bar.total === null) return null;
  const budget = bars.find(
    (b) => b.bundleId === bar.bundleId && b.year === bar.year && b.basis === '预算' && !b.derived,
  );
  if (!budget?.total) return null;
  const rate = executionRate(bar.total.v, budget.total.v);
  return rate === null ? null : { v: rate.toFixed(2), actual: bar.total, budget: budget.total };
}

/** A part's share of its bar's stated total (%), null where there is no total or it is zero. */
export function partShare(bar: SangongBar, key: PartKey): DecimalString | null {
  const part = bar.parts[key];
  if (part === null || bar.total === null) return null;
  return share(part.v, bar.total.v)?.toFixed(2) ?? null;
}

/** partShare as a figure to show: computed by the dashboard (※ 计算值, computedShare). */
export function partShareFigure(bar: SangongBar, key: PartKey): DerivedFigure | null {
  const label = SANGONG_PARTS.find((p) => p.key === key)?.label ?? key;
  return computedShare(
    partShare(bar, key),
    { name: label, fig: bar.parts[key] },
    { name: '合计', fig: bar.total },
  );
}

/**
 * A printed bar whose stated parts do not add up to its stated total (the province's 2024
 * budget: 3.20 + 0.38 = 3.58 against 3.57): its shares do not add up to 100%. Null otherwise.
 */
export function partsOffTotal(
  bar: SangongBar,
): { sum: DecimalString; total: DecimalString } | null {
  if (bar.derived || bar.total === null) return null;
  const parts = SANGONG_PARTS.flatMap(({ key }) => {
    const p = bar.parts[key as PartKey];
    return p ? [p.v] : [];
  });
  if (parts.length === 0) return null;
  const total = sum(parts);
  return total.eq(dec(bar.total.v)) ? null : { sum: total.toFixed(2), total: bar.total.v };
}

/** One bar as the chart draws it: numbers for geometry only (text comes from the figures). */
export interface SangongChartRow {
  id: string;
  bar: SangongBar;
  /** Part values for drawing, in 万元 (absolute) or % of the total (share); 0 where not stated. */
  abroad: number;
  vehiclePurchase: number;
  vehicleRunning: number;
  reception: number;
  /** When no part is stated but the total is: draw the total as one undivided segment. */
  totalOnly: number;
}

export function chartRows(
  bars: readonly SangongBar[],
  mode: 'absolute' | 'share',
): SangongChartRow[] {
  return bars.map((bar) => {
    const anyPart = SANGONG_PARTS.some(({ key }) => bar.parts[key] !== null);
    const value = (key: PartKey): number => {
      const v = mode === 'share' ? partShare(bar, key) : (bar.parts[key]?.v ?? null);
      return v === null ? 0 : Number(v);
    };
    const totalOnly =
      !anyPart && bar.total !== null ? (mode === 'share' ? 100 : Number(bar.total.v)) : 0;
    return {
      id: bar.id,
      bar,
      abroad: value('abroad'),
      vehiclePurchase: value('vehiclePurchase'),
      vehicleRunning: value('vehicleRunning'),
      reception: value('reception'),
      totalOnly: bar.none ? 0 : totalOnly,
    };
  });
}

/** "2024年决算数", "2023年决算数（推算）". */
export function barLabel(bar: Pick<SangongBar, 'year' | 'basis' | 'derived'>): string {
  return `${bar.year}年${bar.basis}数${bar.derived ? '（推算）' : ''}`;
}

/** Count labels in the order the view shows them. */
export const COUNT_KEYS = [
  { key: 'sangong.abroad.groups', label: '出国（境）团组' },
  { key: 'sangong.abroad.persons', label: '出国（境）人次' },
  { key: 'sangong.vehiclePurchase.vehicles', label: '购置公务用车' },
  { key: 'sangong.vehicleRunning.fleet', label: '公务用车保有量' },
  { key: 'sangong.reception.batches', label: '公务接待批次' },
  { key: 'sangong.reception.persons', label: '公务接待人次' },
] as const;
