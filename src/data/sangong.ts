/**
 * The one reader of a document's own-year 三公经费 figures: the 三公经费 view, the 三公 rows of
 * 预算执行 and their exports all read them here, so two views never read the same table apart.
 *
 * - 决算: table 公开09 (row `sangong`, cells `budget.*` = 全年预算数, `actual.*` = 决算数); an
 *   empty actual cell falls back to the narrative's part (which states 0 万元 explicitly). When
 *   公开09 has no row (本表无数据), the narrative's 三公 paragraph: its total budget and actual and
 *   its actual parts; it prints no budget per part.
 * - 预算: table 预算10 (rows by label, column `total`).
 * Figures are in 万元 whatever unit the table is printed in (table-cell.ts).
 */
import type { Bundle, Table } from './schema';
import type { Fig } from './schema-common';
import { tableCell } from './table-cell';

/** The four parts of 三公经费, in the order the documents list them. */
export const SANGONG_PARTS = [
  { key: 'abroad', label: '因公出国（境）费' },
  { key: 'vehiclePurchase', label: '公务用车购置费' },
  { key: 'vehicleRunning', label: '公务用车运行维护费' },
  { key: 'reception', label: '公务接待费' },
] as const;
export type PartKey = (typeof SANGONG_PARTS)[number]['key'];

/** One side (预算 or 决算) of the document's own year. */
export interface SangongSide {
  /** Where the figures were read: 公开09, 预算10, 情况说明. */
  sourceLabel: string;
  total: Fig | null;
  /** null = the document does not state this part (an empty cell, or a sentence without it). */
  parts: Record<PartKey, Fig | null>;
  /** Parts whose table cell is blank and whose figure is the narrative's (决算 only). */
  fromText: readonly PartKey[];
}

export interface SangongOwnYear {
  /** 全年预算数 (决算) or the budget (预算 document). */
  budget: SangongSide | null;
  actual: SangongSide | null;
  /** The 三公 table (公开09 / 预算10) as found, for its 本表无数据 and line. */
  table: Table | null;
}

const noParts = (): Record<PartKey, Fig | null> => ({
  abroad: null,
  vehiclePurchase: null,
  vehicleRunning: null,
  reception: null,
});

function partsFrom(read: (key: PartKey) => Fig | null): Record<PartKey, Fig | null> {
  return Object.fromEntries(SANGONG_PARTS.map(({ key }) => [key, read(key)])) as Record<
    PartKey,
    Fig | null
  >;
}

export function readSangong(bundle: Bundle): SangongOwnYear {
  if (bundle.kind === '预算') {
    const table = bundle.tables.find((t) => t.id === '预算10') ?? null;
    if (table === null || table.noData) return { budget: null, actual: null, table };
    const find = (label: string): Fig | null => tableCell([table], table.id, label, 'total');
    const byLabel = Object.fromEntries(SANGONG_PARTS.map((p) => [p.key, p.label])) as Record<
      PartKey,
      string
    >;
    return {
      budget: {
        sourceLabel: table.id,
        total: find('合计'),
        parts: partsFrom((k) => find(byLabel[k])),
        fromText: [],
      },
      actual: null,
      table,
    };
  }

  const narr = bundle.narrative.sangong;
  const narrPart = (k: PartKey): Fig | null =>
    narr?.parts.find((p) => p.key === `sangong.${k}`)?.amount ?? null;
  const table = bundle.tables.find((t) => t.id === '公开09') ?? null;
  const row = table && !table.noData ? table.rows.find((r) => r.key === 'sangong') : undefined;
  if (table !== null && row !== undefined) {
    const cell = (k: string): Fig | null => tableCell([table], table.id, 'sangong', k);
    const printed = partsFrom((k) => cell(`actual.${k}`));
    // An empty table cell is zero or n/a; the narrative states the actual part (0 万元).
    const parts = partsFrom((k) => printed[k] ?? narrPart(k));
    return {
      budget: {
        sourceLabel: table.id,
        total: cell('budget.total'),
        parts: partsFrom((k) => cell(`budget.${k}`)),
        fromText: [],
      },
      actual: {
        sourceLabel: table.id,
        total: cell('actual.total'),
        parts,
        fromText: SANGONG_PARTS.map((p) => p.key).filter((k) => printed[k] === null && parts[k]),
      },
      table,
    };
  }
  if (narr === null) return { budget: null, actual: null, table };
  return {
    budget: narr.budget
      ? { sourceLabel: '情况说明', total: narr.budget, parts: noParts(), fromText: [] }
      : null,
    actual: narr.actual
      ? { sourceLabel: '情况说明', total: narr.actual, parts: partsFrom(narrPart), fromText: [] }
      : null,
    table,
  };
}

/** A figure of one side by its 三公 key: 'sangong' (the total) or 'sangong.<part>'. */
export function sangongFigure(side: SangongSide | null, key: string): Fig | null {
  if (side === null) return null;
  if (key === 'sangong') return side.total;
  const part = key.slice('sangong.'.length);
  return SANGONG_PARTS.some((p) => p.key === part) ? side.parts[part as PartKey] : null;
}
