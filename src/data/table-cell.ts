/**
 * A standard table's cell as a figure in 万元, whatever unit the table is printed in. Tables keep
 * their printed unit (many budget tables outside Shanxi are in 元); every measure that sets a
 * figure beside another document's reads it here, so 元 never passes for 万元. 元 → 万元 is a
 * shift of the decimal point by four places: exact in decimal.js, never rounded.
 */
import { convertAmount } from '../domain/money';
import type { Table, TableRow } from './schema';
import type { Fig } from './schema-common';

/** A figure converted to 万元 keeps the digits it was printed with, so its link marks them. */
export type WanFig = Fig & { printedAs?: string };

/** "96282213.44" 元 → "9628.221344" 万元 (printedAs "96282213.44"); a 万元 figure as is. */
export function figIn万元(unit: Table['unit'], fig: Fig): WanFig {
  return unit === '元'
    ? { ...fig, v: convertAmount(fig.v, '元', '万元').toFixed(), printedAs: fig.v }
    : fig;
}

/**
 * A figure's value in 万元, or null for no figure: what a column of figures printed in different
 * units sorts by, so a 元 figure ranks by its size, not by its digits.
 */
export function valueIn万元(unit: Table['unit'], fig: Fig | null): string | null {
  return fig === null ? null : figIn万元(unit, fig).v;
}

/** Row groups whose values count things, not money (公开10: vehicles in 辆, equipment in 台/套). */
const COUNT_GROUPS = new Set(['国有资产占用情况']);
/** Columns holding codes, not money (预算09 支出科目编码). */
const COUNT_COLUMNS = new Set(['expenseCode']);

/**
 * A row of counts: the table's unit heading (万元 or 元) is about its money, so its figures are
 * shown as printed and never converted.
 */
export function isCountRow(row: Pick<TableRow, 'group'>): boolean {
  return row.group !== undefined && COUNT_GROUPS.has(row.group);
}

/** A column of codes or counts, printed as is and never converted. */
export function isCountColumn(key: string): boolean {
  return COUNT_COLUMNS.has(key);
}

/** A cell of `row`, column `col`, of a table printed in `unit`, in 万元; a count as printed. */
export function cellIn万元(
  unit: Table['unit'],
  row: Pick<TableRow, 'group'>,
  col: string,
  fig: Fig,
): WanFig {
  return isCountRow(row) || isCountColumn(col) ? fig : figIn万元(unit, fig);
}

/** The cell of row `key` (in `group`, for two-sided tables) and column `col`, in 万元. */
export function tableCell(
  tables: readonly Table[],
  id: string,
  key: string,
  col: string,
  group?: string,
): Fig | null {
  const table = tables.find((t) => t.id === id);
  const row = table?.rows.find((r) => r.key === key && (group === undefined || r.group === group));
  const fig = row?.cells[col] ?? null;
  if (table === undefined || row === undefined || fig === null) return null;
  return cellIn万元(table.unit, row, col, fig);
}

/** Every table with its figures in 万元 (for checks that compare figures across tables). */
export function tablesIn万元(tables: readonly Table[]): Table[] {
  return tables.map((t) =>
    t.unit === '万元'
      ? t
      : {
          ...t,
          unit: '万元',
          rows: t.rows.map((r) => ({
            ...r,
            cells: Object.fromEntries(
              Object.entries(r.cells).map(([k, f]) => [
                k,
                f === null ? null : cellIn万元(t.unit, r, k, f),
              ]),
            ),
          })),
        },
  );
}
