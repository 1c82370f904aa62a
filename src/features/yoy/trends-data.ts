/**
 * 多年趋势: for each unit, every measure its documents state a change for, as a short series of
 * years with the reasons the documents give. Pure (no React, no store).
 *
 * A unit is one name and scope (a 部门 is never merged with a 单位 of the same name). Each
 * document gives two years per measure: its printed value and the prior year derived from the
 * stated change (marked ※). Documents of one unit are merged by year: a printed figure wins over a
 * derived one for the same year, and two documents that give the same year differently are named
 * in `conflicts`, never averaged. 决算 (actual) and 预算 (plan) are separate series: next year's
 * budget is shown beside the actuals, never joined into one line with them.
 */
import type { ManifestEntry } from '@/data/load';
import { documentLabel, levelLabel } from '@/data/labels';
import type { DerivedFig, Fig } from '@/data/schema-common';
import type { YoyStatement } from '@/data/schema-narrative';
import { compareDecimal, dec } from '@/domain/money';
import { idRecord } from '@/lib/id-record';
import type { UnitBundle } from './yoy-data';
import { compareYoySubjects, yoySubjectLabel } from './yoy-data';

export type SeriesKind = '决算' | '预算';

/** One year of one series: `${year}-${kind}`. */
export interface TrendColumn {
  key: string;
  year: number;
  kind: SeriesKind;
}

export interface TrendPoint {
  year: number;
  kind: SeriesKind;
  fig: Fig | DerivedFig;
  bundleId: string;
  document: string;
}

/** The document's own explanation of a change (主要原因是…), with where it is printed. */
export interface TrendReason {
  text: string;
  line: number;
  bundleId: string;
  document: string;
  /** The change explained: from year − 1 to year, in this series. */
  year: number;
  kind: SeriesKind;
}

export interface TrendMeasure {
  key: string;
  label: string;
  /** By column key. */
  points: Record<string, TrendPoint>;
  /** One per document that states a reason for this measure, oldest change first. */
  reasons: TrendReason[];
  /** Years two documents give differently ("2024年决算：…印 3,551.00，…推算 3,550.00"). */
  conflicts: string[];
}

export interface UnitTrend {
  key: string;
  name: string;
  /** "市级 · 部门". */
  tag: string;
  entries: ManifestEntry[];
  /** Columns in time order, 决算 before 预算 within a year. */
  columns: TrendColumn[];
  measures: TrendMeasure[];
}

const columnKey = (year: number, kind: SeriesKind) => `${year}-${kind}`;

function isDerived(f: Fig | DerivedFig): f is DerivedFig {
  return 'derived' in f;
}

function pointsOf(entry: ManifestEntry, s: YoyStatement): TrendPoint[] {
  const document = documentLabel(entry);
  const at = (year: number, fig: Fig | DerivedFig): TrendPoint => ({
    year,
    kind: entry.kind,
    fig,
    bundleId: entry.id,
    document,
  });
  return [at(entry.fiscalYear - 1, s.prior), at(entry.fiscalYear, s.current)];
}

/** A 2024 决算's derived 2023 loses to the 2023 决算's printed 2023; a disagreement is kept. */
function merge(m: TrendMeasure, p: TrendPoint): void {
  const key = columnKey(p.year, p.kind);
  const old = m.points[key];
  if (old === undefined) {
    m.points[key] = p;
    return;
  }
  if (old.bundleId === p.bundleId) return; // a change stated twice in one document
  if (compareDecimal(old.fig.v, p.fig.v) !== 0) {
    const how = (q: TrendPoint) => `${q.document}${isDerived(q.fig) ? '推算' : '所印'} ${q.fig.v}`;
    m.conflicts.push(`${p.year}年${p.kind}：${how(old)}，${how(p)}`);
  }
  if (isDerived(old.fig) && !isDerived(p.fig)) m.points[key] = p;
}

function compareColumns(a: TrendColumn, b: TrendColumn): number {
  return a.year - b.year || (a.kind === b.kind ? 0 : a.kind === '决算' ? -1 : 1);
}

/** Units with their measures over the years; a unit only when its documents state changes. */
export function unitTrends(units: readonly UnitBundle[]): UnitTrend[] {
  const byUnit = new Map<string, UnitTrend>();
  for (const { entry, bundle } of units) {
    if (bundle.narrative.yoy.length === 0) continue;
    const key = `${entry.unit.name}\u0000${entry.unit.scope}`;
    let unit = byUnit.get(key);
    if (unit === undefined) {
      unit = {
        key,
        name: entry.unit.name,
        tag: `${levelLabel(entry.unit)} · ${entry.unit.scope}`,
        entries: [],
        columns: [],
        measures: [],
      };
      byUnit.set(key, unit);
    }
    unit.entries.push(entry);
    for (const s of bundle.narrative.yoy) {
      let m = unit.measures.find((x) => x.key === s.key);
      if (m === undefined) {
        m = {
          key: s.key,
          label: yoySubjectLabel(s),
          points: idRecord<TrendPoint>(),
          reasons: [],
          conflicts: [],
        };
        unit.measures.push(m);
      }
      for (const p of pointsOf(entry, s)) merge(m, p);
      const dup = m.reasons.some((r) => r.bundleId === entry.id);
      if (s.reason !== undefined && !dup) {
        m.reasons.push({
          ...s.reason,
          bundleId: entry.id,
          document: documentLabel(entry),
          year: entry.fiscalYear,
          kind: entry.kind,
        });
      }
    }
  }
  const out = [...byUnit.values()];
  for (const u of out) {
    const cols = new Map<string, TrendColumn>();
    for (const m of u.measures) {
      for (const p of Object.values(m.points)) {
        cols.set(columnKey(p.year, p.kind), {
          key: columnKey(p.year, p.kind),
          year: p.year,
          kind: p.kind,
        });
      }
      m.reasons.sort((a, b) => a.year - b.year);
    }
    u.columns = [...cols.values()].sort(compareColumns);
    u.entries.sort((a, b) => a.fiscalYear - b.fiscalYear);
    u.measures.sort((a, b) => compareYoySubjects(a.key, b.key));
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The points of one series, in year order. */
export function seriesPoints(
  m: TrendMeasure,
  columns: readonly TrendColumn[],
  kind: SeriesKind,
): TrendPoint[] {
  return columns.flatMap((c) => {
    const p = c.kind === kind ? m.points[c.key] : undefined;
    return p === undefined ? [] : [p];
  });
}

/** "上升" / "下降" / "持平" for each step of a series, compared exactly (decimal.js). */
export function stepWords(points: readonly TrendPoint[]): string[] {
  const words: string[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a === undefined || b === undefined) continue;
    const d = dec(b.fig.v).comparedTo(dec(a.fig.v));
    words.push(d > 0 ? '上升' : d < 0 ? '下降' : '持平');
  }
  return words;
}

/** Pixel geometry of the small line: x by year, y from 0 to the measure's largest value. */
export interface Spark {
  width: number;
  height: number;
  series: { kind: SeriesKind; dots: { x: number; y: number; derived: boolean; year: number }[] }[];
}

export function sparkGeometry(
  m: TrendMeasure,
  columns: readonly TrendColumn[],
  width: number,
  height: number,
  pad = 4,
): Spark {
  // A zero baseline (not min–max): a 1% change must not look like a fall to nothing.
  // `Number()` only for pixel geometry; every label is the printed decimal text.
  const values = Object.values(m.points).map((p) => Math.max(0, Number(p.fig.v)));
  const max = Math.max(...values, 0);
  // x by year, so a year's 决算 and 预算 points stand one above the other.
  const years = [...new Set(columns.map((c) => c.year))].sort((a, b) => a - b);
  const step = years.length > 1 ? (width - 2 * pad) / (years.length - 1) : 0;
  const xOf = (year: number) => (years.length > 1 ? pad + years.indexOf(year) * step : width / 2);
  const yOf = (v: number) =>
    max === 0 ? height - pad : height - pad - (Math.max(0, v) / max) * (height - 2 * pad);
  const kinds: SeriesKind[] = ['决算', '预算'];
  return {
    width,
    height,
    series: kinds
      .map((kind) => ({
        kind,
        dots: seriesPoints(m, columns, kind).map((p) => ({
          x: xOf(p.year),
          y: yOf(Number(p.fig.v)),
          derived: isDerived(p.fig),
          year: p.year,
        })),
      }))
      .filter((s) => s.dots.length > 0),
  };
}
