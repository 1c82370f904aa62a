/**
 * 明细表 derivations, pure (no React, no store): a bundle table → the sections, columns and
 * (tree) rows the detail view renders. Figures stay `fig`s (decimal strings + source line); this
 * module never computes with amounts, it only arranges them.
 */
import type { Bundle, Table, TableRow } from '@/data/schema';
import type { Fig } from '@/data/schema-common';
import { isCountColumn, isCountRow } from '@/data/table-cell';
import type { AmountUnit } from '@/domain/money';

/** How a cell's value is shown: an amount (万元/元) or a count / code printed as is. */
export type ValueKind = 'amount' | 'count';

/** One row as the view shows it; `subRows` holds its children in a 功能分类 / 经济分类 tree. */
export interface DisplayRow {
  /** Unique within the table (the row key, prefixed by its group where there is one). */
  id: string;
  code?: string;
  label: string;
  altLabel?: string;
  /** 0 合计, 1 类, 2 款, 3 项 where the table says. */
  level?: number;
  group?: string;
  line: number;
  cells: Record<string, Fig | null>;
  /** 'count' for rows of counts (公开10 vehicles, equipment), else 'amount'. */
  valueKind: ValueKind;
  subRows?: DisplayRow[];
}

export interface DisplayColumn {
  key: string;
  label: string;
  kind: ValueKind;
}

/** A block of a table rendered as one data table: the whole table, or one side of 收支总表. */
export interface TableSection {
  /** 'all', or the row group: 'income' / 'expense'. */
  id: string;
  /** 收入 / 支出 for two-sided tables; null for a one-block table. */
  title: string | null;
  columns: DisplayColumn[];
  rows: DisplayRow[];
  /** Rows nest (类→款→项, 经济分类 类→款, 人员经费/公用经费). */
  isTree: boolean;
  /** Show the row group as a column (公开10: 政府采购情况 / 机关运行经费 / 国有资产占用情况). */
  showGroup: boolean;
}

export interface TableLayout {
  table: Table;
  sections: TableSection[];
  /** The one-row 公开09 is shown transposed: items as rows, 预算数 / 决算数 as columns. */
  transposed: boolean;
}

/** The standard tables of each kind of document, in document order. */
export const STANDARD_TABLE_IDS: Record<Bundle['kind'], readonly string[]> = {
  决算: Array.from({ length: 10 }, (_, i) => `公开${String(i + 1).padStart(2, '0')}`),
  预算: Array.from({ length: 13 }, (_, i) => `预算${String(i + 1).padStart(2, '0')}`),
};

/** A tab of the table chooser: a table the document has, or a standard one it lacks. */
export interface TableTab {
  id: string;
  title: string | null;
  present: boolean;
}

/**
 * Every table of the document in order: the standard ids of its kind (absent ones marked, so a
 * missing table is said rather than silently skipped), then any other table the bundle holds.
 */
export function tableTabs(bundle: Pick<Bundle, 'kind' | 'tables'>): TableTab[] {
  const byId = new Map(bundle.tables.map((t) => [t.id, t]));
  const standard = STANDARD_TABLE_IDS[bundle.kind];
  const tabs: TableTab[] = standard.map((id) => {
    const t = byId.get(id);
    return { id, title: t?.title ?? null, present: t !== undefined };
  });
  for (const t of bundle.tables) {
    if (!standard.includes(t.id)) tabs.push({ id: t.id, title: t.title, present: true });
  }
  return tabs;
}

const SIDE_TITLES: Record<string, string> = { income: '收入', expense: '支出' };

function toDisplayRow(row: TableRow): DisplayRow {
  return {
    id: row.group !== undefined ? `${row.group}/${row.key}` : row.key,
    ...(row.code !== undefined ? { code: row.code } : {}),
    label: row.label,
    ...(row.altLabel !== undefined ? { altLabel: row.altLabel } : {}),
    ...(row.level !== undefined ? { level: row.level } : {}),
    ...(row.group !== undefined ? { group: row.group } : {}),
    line: row.line,
    cells: row.cells,
    valueKind: isCountRow(row) ? 'count' : 'amount',
  };
}

function toColumns(table: Table, keys?: ReadonlySet<string>): DisplayColumn[] {
  return table.columns
    .filter((c) => keys === undefined || keys.has(c.key))
    .map((c) => ({
      key: c.key,
      label: c.label,
      kind: isCountColumn(c.key) ? 'count' : 'amount',
    }));
}

/** True when rows carry a classification (a code, or a level below 合计): they form a tree. */
export function isTreeTable(rows: readonly TableRow[]): boolean {
  return rows.some((r) => r.code !== undefined || (r.level !== undefined && r.level > 0));
}

function byCode(a: DisplayRow, b: DisplayRow): number {
  const x = a.code ?? '';
  const y = b.code ?? '';
  return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
}

/** Siblings in code order when every one has a code (公开06 prints codes across four columns). */
function orderSiblings(rows: DisplayRow[]): DisplayRow[] {
  return rows.every((r) => r.code !== undefined) ? [...rows].sort(byCode) : rows;
}

/**
 * Builds the classification tree of a table's rows.
 * - A row with a code hangs under the row whose code is its longest proper prefix
 *   (功能分类 201 → 20103 → 2010301; 经济分类 301 → 30101).
 * - A level-0 row (合计) is a root shown on top; a level-0 row with a group (人员经费合计) is the
 *   root of the coded rows of that group that have no coded parent.
 * - A row with a level but no code (预算06) hangs under the nearest preceding row of a lower level.
 * - Anything else is a root, in document order.
 * Siblings that all have codes are put in code order; otherwise document order is kept.
 */
export function buildTree(rows: readonly TableRow[]): DisplayRow[] {
  const nodes = rows.map(toDisplayRow);
  const children = new Map<DisplayRow, DisplayRow[]>();
  const codeIndex = new Map<string, DisplayRow>();
  const groupRoots = new Map<string, DisplayRow>();
  for (const n of nodes) {
    if (n.code !== undefined && !codeIndex.has(n.code)) codeIndex.set(n.code, n);
    if (n.level === 0 && n.code === undefined && n.group !== undefined && !groupRoots.has(n.group))
      groupRoots.set(n.group, n);
  }

  const totals: DisplayRow[] = [];
  const roots: DisplayRow[] = [];
  const attach = (parent: DisplayRow | undefined, child: DisplayRow) => {
    if (parent === undefined) {
      roots.push(child);
      return;
    }
    const list = children.get(parent);
    if (list) list.push(child);
    else children.set(parent, [child]);
  };
  // Rows with a level but no code, by depth, for the level-sequence fallback.
  let stack: DisplayRow[] = [];

  for (const n of nodes) {
    if (n.level === 0 && n.code === undefined) {
      totals.push(n);
      stack = [];
      continue;
    }
    if (n.code !== undefined) {
      let parent: DisplayRow | undefined;
      for (let len = n.code.length - 1; len > 0 && parent === undefined; len--) {
        parent = codeIndex.get(n.code.slice(0, len));
      }
      if (parent === undefined && n.group !== undefined) parent = groupRoots.get(n.group);
      attach(parent, n);
      continue;
    }
    if (n.level !== undefined) {
      const level = n.level;
      stack = stack.filter((s) => (s.level ?? 0) < level);
      attach(stack.at(-1), n);
      stack.push(n);
      continue;
    }
    roots.push(n);
  }

  const finish = (n: DisplayRow): DisplayRow => {
    const kids = children.get(n);
    return kids ? { ...n, subRows: orderSiblings(kids).map(finish) } : n;
  };
  return [...totals, ...orderSiblings(roots)].map(finish);
}

/**
 * Keeps rows that have at least one figure, or a descendant with one (the "隐藏全空行" option).
 * An empty cell means zero or not applicable, so nothing printed is lost.
 */
export function withoutEmptyRows(rows: readonly DisplayRow[]): DisplayRow[] {
  const out: DisplayRow[] = [];
  for (const r of rows) {
    const kids = r.subRows ? withoutEmptyRows(r.subRows) : [];
    const hasFigure = Object.values(r.cells).some((c) => c !== null);
    if (!hasFigure && kids.length === 0) continue;
    const copy: DisplayRow = { ...r };
    delete copy.subRows;
    out.push(kids.length > 0 ? { ...copy, subRows: kids } : copy);
  }
  return out;
}

/** True when some row of a (tree) list, descendants included, satisfies `test`. */
export function someRow(rows: readonly DisplayRow[], test: (r: DisplayRow) => boolean): boolean {
  return rows.some((r) => test(r) || (r.subRows !== undefined && someRow(r.subRows, test)));
}

/** Number of rows in a (tree) list, descendants included. */
export function countRows(rows: readonly DisplayRow[]): number {
  return rows.reduce((n, r) => n + 1 + (r.subRows ? countRows(r.subRows) : 0), 0);
}

/**
 * A one-row table whose column keys are `side.item` (公开09 `budget.total` …) turned so the
 * items are rows and the sides (预算数 / 决算数) are columns. Labels come from the printed
 * column headings ("预算数·公务用车购置费" → column 预算数, row 公务用车购置费).
 */
function transposeOneRow(table: Table): TableSection | null {
  const only = table.rows.length === 1 ? table.rows[0] : undefined;
  if (!only || table.columns.length === 0 || !table.columns.every((c) => c.key.includes('.')))
    return null;
  const columns: DisplayColumn[] = [];
  const rows = new Map<string, DisplayRow>();
  for (const c of table.columns) {
    const dot = c.key.indexOf('.');
    const side = c.key.slice(0, dot);
    const item = c.key.slice(dot + 1);
    const sep = c.label.indexOf('·');
    const sideLabel = sep === -1 ? side : c.label.slice(0, sep);
    const itemLabel = sep === -1 ? c.label : c.label.slice(sep + 1);
    if (!columns.some((col) => col.key === side))
      columns.push({ key: side, label: sideLabel, kind: 'amount' });
    const row: DisplayRow = rows.get(item) ?? {
      id: item,
      label: itemLabel,
      line: only.line,
      cells: {},
      valueKind: 'amount',
    };
    row.cells[side] = only.cells[c.key] ?? null;
    rows.set(item, row);
  }
  return {
    id: 'all',
    title: null,
    columns,
    rows: [...rows.values()],
    isTree: false,
    showGroup: false,
  };
}

/** How to show a table: its sections (one, or 收入 + 支出), columns and rows. */
export function layoutTable(table: Table): TableLayout {
  const transposed = transposeOneRow(table);
  if (transposed) return { table, sections: [transposed], transposed: true };

  const sides = [...new Set(table.rows.map((r) => r.group))].filter(
    (g): g is string => g !== undefined && g in SIDE_TITLES,
  );
  if (
    sides.length > 0 &&
    table.rows.every((r) => r.group !== undefined && r.group in SIDE_TITLES)
  ) {
    const sections = (['income', 'expense'] as const)
      .filter((side) => sides.includes(side))
      .map((side): TableSection => {
        const rows = table.rows.filter((r) => r.group === side);
        const keys = new Set(rows.flatMap((r) => Object.keys(r.cells)));
        return {
          id: side,
          title: SIDE_TITLES[side] ?? side,
          columns: toColumns(table, keys),
          rows: rows.map(toDisplayRow),
          isTree: false,
          showGroup: false,
        };
      });
    return { table, sections, transposed: false };
  }

  const tree = isTreeTable(table.rows);
  const rows = tree ? buildTree(table.rows) : table.rows.map(toDisplayRow);
  const groupsAreRoots = rows.some((r) => r.group !== undefined && r.subRows !== undefined);
  return {
    table,
    sections: [
      {
        id: 'all',
        title: null,
        columns: toColumns(table),
        rows,
        isTree: tree,
        showGroup: !groupsAreRoots && table.rows.some((r) => r.group !== undefined),
      },
    ],
    transposed: false,
  };
}

/** The unit a figure is shown in and how FigureValue must format it. */
export interface ShownUnit {
  /** What the caption says. */
  unit: AmountUnit;
  /** FigureValue's `unit`. */
  formatAs: AmountUnit;
  /** FigureValue's `printed`: the table's own unit (元 figures keep their printed decimals). */
  printed: AmountUnit;
  /** True when the figures are converted from the printed unit. */
  converted: boolean;
}

/**
 * A table printed in 万元 follows the chosen display unit (元 = × 10,000, at the printed
 * precision); a table printed in 元 is always shown as printed.
 */
export function shownUnit(tableUnit: AmountUnit, displayUnit: AmountUnit): ShownUnit {
  if (tableUnit === '元') return { unit: '元', formatAs: '元', printed: '元', converted: false };
  return {
    unit: displayUnit,
    formatAs: displayUnit,
    printed: '万元',
    converted: displayUnit === '元',
  };
}

/** Corrections and skipped figures of a document, in line order, for the notes under the table. */
export function documentNotes(bundle: Pick<Bundle, 'corrections' | 'skipped'>) {
  return {
    corrections: [...bundle.corrections].sort((a, b) => a.line - b.line),
    skipped: [...bundle.skipped].sort((a, b) => a.line - b.line),
  };
}
