/**
 * The one table component: TanStack Table v9 (headless) with sorting, optional tree rows
 * (类→款→项) and a sticky header. Columns are declared by each view with `dataTableColumns<T>()`
 * at module scope; this component renders only what the table instance gives it.
 *
 * Long tables (a fully expanded 功能分类 tree has 10,000 rows) render only the rows in view
 * (@tanstack/react-virtual). Printing and exports still get every row: the table renders in full
 * for them.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FocusEvent, ReactNode } from 'react';
import { flushSync } from 'react-dom';
import {
  createColumnHelper,
  createExpandedRowModel,
  createSortedRowModel,
  FlexRender,
  rowExpandingFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_text,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import type {
  Column,
  ColumnDef,
  ExpandedState,
  HeaderGroup,
  Row,
  RowData,
  SortingState,
} from '@tanstack/react-table';
import { defaultRangeExtractor, observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import type { Range, Rect, VirtualizerOptions } from '@tanstack/react-virtual';
import { compareDecimal } from '@/domain/money';
import { tableFromElement, visibleText } from '@/lib/export-table';
import { ExportMenu } from './export-menu';

/** Sort decimal strings (amounts, rates) exactly; null/undefined sort last. */
interface ValueRow {
  getValue: (columnId: string) => unknown;
}

function sortDecimal(a: ValueRow, b: ValueRow, columnId: string): number {
  const x = a.getValue(columnId) as string | null | undefined;
  const y = b.getValue(columnId) as string | null | undefined;
  return compareDecimal(x ?? null, y ?? null);
}

export const features = tableFeatures({
  rowSortingFeature,
  rowExpandingFeature,
  sortedRowModel: createSortedRowModel(),
  expandedRowModel: createExpandedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, decimal: sortDecimal },
});
export type TableFeaturesDef = typeof features;
/**
 * A column of any value type: accessor columns are typed by their value (string, Fig …), and a
 * table mixes them, so the value parameter is left open as TanStack's own column arrays do.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataColumn<T extends RowData> = ColumnDef<TableFeaturesDef, T, any>;

/** Column helper for a row type; call once at module scope. */
export function dataTableColumns<T extends RowData>() {
  return createColumnHelper<TableFeaturesDef, T>();
}

interface DataTableProps<T extends RowData> {
  /** Visible caption: what the table shows, with unit, year and scope. */
  caption: ReactNode;
  data: T[];
  columns: DataColumn<T>[];
  initialSorting?: SortingState;
  /** Tree rows (e.g. 功能分类 类→款→项); rows start collapsed below depth `expandDepth`. */
  getSubRows?: (row: T) => T[] | undefined;
  /** Expand every row initially, and again whenever `expandVersion` changes (else collapse all). */
  expandAll?: boolean;
  /**
   * 全部展开 / 全部收起: a new value applies `expandAll` to every row. The table stays mounted, so
   * the sorting the user chose and the scroll position stay as they are.
   */
  expandVersion?: number;
  getRowId?: (row: T, index: number) => string;
  rowClassName?: (row: T) => string | undefined;
  /** Extra class on the wrapper, e.g. for a fixed height with scrolling. */
  className?: string;
  /** 导出 CSV / Excel of the rows and columns as shown; on unless false. */
  exportable?: boolean;
  /** File name for exports; defaults to the caption's text. */
  exportName?: string;
}

/**
 * Above this many rows (after expansion) only the rows in view are rendered. Below it every row
 * is in the DOM: a short table gains nothing from virtual rows.
 */
export const VIRTUAL_ROW_THRESHOLD = 150;
/**
 * Up to this many rows a table shows every row, with no scroll box of its own (a fixed-height box
 * hid rows with no hint). A longer one keeps the box and says how many rows it has.
 */
export const SHORT_TABLE_ROWS = 30;

/** A one-line row at the table's font size (px), until the first rows are rendered and measured. */
export const ROW_HEIGHT_ESTIMATE = 31;
/** Rows rendered beyond each edge of the view: room for Tab and for a step of fast scrolling. */
const OVERSCAN = 2;

/**
 * The scroll box's size as the virtualizer sees it. A box with no layout (jsdom, a view kept
 * hidden) reports 0 × 0, for which the virtualizer renders no rows at all; the last size known is
 * kept instead, at first one as high as the browser window (the box is never higher), so the first
 * render already holds the rows in view and the table is laid out once before it is painted.
 */
const observeShownRect: VirtualizerOptions<
  HTMLDivElement,
  HTMLTableRowElement
>['observeElementRect'] = (instance, cb) =>
  observeElementRect(instance, (rect) => {
    if (rect.height > 0) cb(rect);
  });

function firstRect(): Rect {
  return { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight };
}

export function DataTable<T extends RowData>({
  caption,
  data,
  columns,
  initialSorting = [],
  getSubRows,
  expandAll = false,
  expandVersion,
  getRowId,
  rowClassName,
  className,
  exportable = true,
  exportName,
}: DataTableProps<T>) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  // `true` (every row expanded) is one state value, not one entry per row: 全部展开 stays O(n).
  const [expanded, setExpanded] = useState<ExpandedState>(expandAll ? true : {});
  const [appliedVersion, setAppliedVersion] = useState(expandVersion);
  if (expandVersion !== appliedVersion) {
    setAppliedVersion(expandVersion);
    setExpanded(expandAll ? true : {});
  }
  // Every row in the DOM while printing or exporting, whatever the table's length.
  const [renderAll, setRenderAll] = useState(false);
  const [rowSlots] = useState(() => new RowSlots());
  const table = useTable({
    features,
    columns,
    data,
    state: { sorting, expanded },
    onSortingChange: setSorting,
    onExpandedChange: setExpanded,
    ...(getSubRows !== undefined ? { getSubRows } : {}),
    ...(getRowId !== undefined ? { getRowId } : {}),
  });
  const rows = table.getRowModel().rows;
  const headerGroups = table.getHeaderGroups();
  const long = rows.length > VIRTUAL_ROW_THRESHOLD;
  const short = rows.length <= SHORT_TABLE_ROWS;
  // Every row of a tree, collapsed ones included (the core model already holds them all).
  const allRows = getSubRows === undefined ? rows.length : table.getCoreRowModel().flatRows.length;
  const virtual = long && !renderAll;
  const leafColumns = table.getAllLeafColumns();

  // Offset of the first body row inside the scroll box (row count, export menu, caption, header).
  const [scrollMargin, setScrollMargin] = useState(0);
  const [wrapWidth, setWrapWidth] = useState(0);
  // Rows are one line, so one height for all: the first rendered row's, measured once.
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT_ESTIMATE);
  // The row holding focus stays rendered when scrolled out of view, so Tab goes on from it.
  const [focusedIndex, setFocusedIndex] = useState<number | null>(null);
  const printing = useRef(false);

  // Only the rows in view are rendered (plus OVERSCAN either side): a 10,000-row tree would
  // otherwise take seconds to expand and to lay out (docs/performance.md, "Long tables"). The
  // virtualizer follows the scroll box and renders each scroll step synchronously (flushSync), so
  // a frame never shows an empty padding row where rows should be.
  // The virtualizer is one mutable object by design (React Compiler, which this build does not
  // use, would skip this component).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count: rows.length,
    getScrollElement: () => wrapRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    scrollMargin,
    enabled: virtual,
    initialRect: firstRect(),
    // Read again whenever the virtualizer is switched back on (after printing or an export): the
    // box stays where the reader left it, not at the top.
    initialOffset: () => wrapRef.current?.scrollTop ?? 0,
    observeElementRect: observeShownRect,
    rangeExtractor: useCallback(
      (range: Range) => {
        const indexes = defaultRangeExtractor(range);
        const f = focusedIndex;
        if (f === null || f >= range.count || indexes.includes(f)) return indexes;
        return f < (indexes[0] ?? 0) ? [f, ...indexes] : [...indexes, f];
      },
      [focusedIndex],
    ),
  });
  // Once, from the first rows rendered. The virtualizer reads estimateSize again only when told.
  const calibrated = useRef(false);
  useLayoutEffect(() => {
    if (!virtual || calibrated.current) return;
    const first = bodyRef.current?.querySelector<HTMLElement>(':scope > tr[data-index]');
    const measured = first?.offsetHeight ?? 0;
    if (measured <= 0) return;
    calibrated.current = true;
    if (measured !== rowHeight) setRowHeight(measured);
  }, [virtual, rowHeight, rows]);
  useLayoutEffect(() => {
    if (rowHeight !== ROW_HEIGHT_ESTIMATE) virtualizer.measure();
  }, [virtualizer, rowHeight]);

  useLayoutEffect(() => {
    const wrap = wrapRef.current;
    const body = bodyRef.current;
    if (!long || !wrap || !body) return;
    const measure = () => {
      const margin =
        body.getBoundingClientRect().top -
        wrap.getBoundingClientRect().top -
        wrap.clientTop +
        wrap.scrollTop;
      setScrollMargin(Math.max(0, Math.round(margin)));
      setWrapWidth(wrap.clientWidth);
    };
    measure();
    // Caption and header change height with the width (wrapping) or an export error message.
    const observer = new ResizeObserver(measure);
    observer.observe(wrap);
    for (const el of wrap.children) if (el !== tableRef.current) observer.observe(el);
    for (const el of tableRef.current?.children ?? []) if (el !== body) observer.observe(el);
    return () => observer.disconnect();
  }, [long]);

  // Column widths. Auto table layout sizes columns by the rows present, so rows scrolling in and
  // out would make them jump; instead the widths are measured once (auto layout over the rows in
  // view plus the rows with the longest value in each column, hidden) and then fixed, until the
  // box's width, the columns or those widest rows change.
  const widest = useMemo(
    () => (long ? widestRows(rows, leafColumns) : []),
    [long, rows, leafColumns],
  );
  const widestKey = widest.map((w) => w.row.id).join('|');
  const [frozen, setFrozen] = useState<FrozenWidths<T> | null>(null);
  const frozenWidths =
    frozen &&
    frozen.widest === widestKey &&
    frozen.wrapWidth === wrapWidth &&
    frozen.columns === columns
      ? frozen.widths
      : null;
  const measuringWidths = virtual && frozenWidths === null;
  const shown = virtual ? virtualizer.getVirtualIndexes() : [];
  const shownCount = shown.length;
  // The measuring render is never painted: the widths are read here and the fixed layout rendered
  // before the browser paints.
  useLayoutEffect(() => {
    if (!measuringWidths) return;
    const first = bodyRef.current?.querySelector(':scope > tr[data-index]');
    if (!first) return; // no rows rendered yet
    const widths = [...first.children].map((td) => td.getBoundingClientRect().width);
    setFrozen({
      widest: widestKey,
      // Read here, not from state: on the first render the state has yet to learn it.
      wrapWidth: wrapRef.current?.clientWidth ?? 0,
      columns,
      // No layout (jsdom, or a hidden table: measured again once its width changes): `[]` keeps
      // the auto layout without measuring at every render.
      widths: widths.every((w) => w > 0) ? widths : [],
    });
  }, [measuringWidths, widestKey, columns, shownCount]);

  // Printing lays out every row: render them all before the print layout, window again after.
  useEffect(() => {
    if (!long) return;
    const all = () => {
      printing.current = true;
      flushSync(() => setRenderAll(true));
    };
    const windowed = () => {
      if (!printing.current) return;
      printing.current = false;
      flushSync(() => setRenderAll(false));
    };
    window.addEventListener('beforeprint', all);
    window.addEventListener('afterprint', windowed);
    const print = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null;
    const onMedia = (e: MediaQueryListEvent) => (e.matches ? all() : windowed());
    print?.addEventListener('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', all);
      window.removeEventListener('afterprint', windowed);
      print?.removeEventListener('change', onMedia);
    };
  }, [long]);

  /** The table as shown, every row: a windowed table renders in full for the read, then again not. */
  const exportTable = () => {
    const el = tableRef.current;
    if (!el) return null;
    if (!virtual) return tableFromElement(el);
    flushSync(() => setRenderAll(true));
    try {
      return tableFromElement(el);
    } finally {
      flushSync(() => setRenderAll(false));
    }
  };

  const onBodyFocus = (e: FocusEvent<HTMLTableSectionElement>) => {
    const tr = (e.target as Element).closest('tr[data-index]');
    setFocusedIndex(tr ? Number(tr.getAttribute('data-index')) : null);
  };
  const onBodyBlur = (e: FocusEvent<HTMLTableSectionElement>) => {
    if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) {
      setFocusedIndex(null);
    }
  };

  const bodyRow = (row: Row<TableFeaturesDef, T>, index: number, key: string = row.id) => (
    <MemoBodyRow
      key={key}
      row={row}
      cells={row.getAllCells()}
      expanded={row.getIsExpanded()}
      className={rowClassName?.(row.original)}
      // A long table, printed or exported too, keeps its rows' indexes (and aria-rowindex).
      {...(long ? { index, rowIndex: headerGroups.length + index + 1 } : {})}
    />
  );

  let body: ReactNode;
  if (virtual) {
    // Padding rows stand in for the rows not rendered: above, between (a focused row kept far
    // from the view) and below the rows in view.
    const padding = (key: string, height: number) =>
      height > 0 ? (
        <tr key={key} className="virtual-spacer" aria-hidden="true">
          <td colSpan={leafColumns.length || 1} style={{ height }} />
        </tr>
      ) : null;
    const parts: ReactNode[] = [];
    let end = scrollMargin; // the virtualizer's offsets count from the top of the scroll box
    const items = virtualizer.getVirtualItems();
    const slots = rowSlots.assign(items.map((item) => rows[item.index]?.id ?? ''));
    items.forEach((item, n) => {
      const row = rows[item.index];
      if (!row) return;
      parts.push(
        padding(n === 0 ? 'pad-start' : `pad-${n}`, item.start - end),
        bodyRow(row, item.index, `slot-${slots[n]}`),
      );
      end = item.end;
    });
    parts.push(padding('pad-end', virtualizer.getTotalSize() + scrollMargin - end));
    for (const { row, index } of measuringWidths ? widest : []) {
      if (shown.includes(index)) continue;
      parts.push(
        <BodyRow
          key={`sizer-${row.id}`}
          row={row}
          cells={row.getAllCells()}
          expanded={row.getIsExpanded()}
          className={[rowClassName?.(row.original), 'virtual-sizer'].filter(Boolean).join(' ')}
          hidden
        />,
      );
    }
    body = parts;
  } else {
    body = rows.map((row, i) => bodyRow(row, i));
  }

  const rowCount =
    short && allRows === rows.length ? null : (
      <p className="table-row-count">
        共 {allRows} 行
        {allRows === rows.length
          ? '，在表格框内滚动查看'
          : `，当前显示 ${rows.length} 行（其余在收起的分组中）`}
      </p>
    );

  return (
    <div
      className={['data-table-wrap', virtual ? 'virtual' : null, short ? 'short' : null, className]
        .filter(Boolean)
        .join(' ')}
      ref={wrapRef}
    >
      {/* Inside the box: a sibling would become a grid item in layouts that place the table. */}
      {rowCount}
      {exportable ? (
        <ExportMenu
          name={() => exportName ?? captionText(tableRef.current)}
          label={exportName ?? (typeof caption === 'string' ? caption : '表格')}
          getTable={exportTable}
        />
      ) : null}
      <table
        className={virtual && frozenWidths?.length ? 'data-table fixed-columns' : 'data-table'}
        ref={tableRef}
        aria-rowcount={long ? headerGroups.length + rows.length : undefined}
      >
        <caption>{caption}</caption>
        {virtual && frozenWidths?.length ? (
          <colgroup>
            {frozenWidths.map((w, i) => (
              <col key={i} style={{ width: w }} />
            ))}
          </colgroup>
        ) : null}
        <MemoTableHead headerGroups={headerGroups} long={long} sorting={sorting} />
        <tbody ref={bodyRef} onFocus={onBodyFocus} onBlur={onBodyBlur}>
          {body}
        </tbody>
      </table>
    </div>
  );
}

/**
 * React keys for the rendered rows of a long table. A row keeps its key (so its <tr>, and focus
 * inside it) while it stays rendered, and the keys of rows that left go to rows that arrived:
 * React then rewrites those <tr>s in place instead of removing some and creating others, which at
 * a scrollbar drag's speed (every row in view new at each frame) halved the CPU time per frame.
 */
class RowSlots {
  private slots = new Map<string, number>();

  /** Slots for the rows to render, in order. Calling again with the same ids returns the same. */
  assign(ids: readonly string[]): number[] {
    const kept = new Set<number>();
    const next = new Map<string, number>();
    for (const id of ids) {
      const slot = this.slots.get(id);
      if (slot !== undefined) {
        next.set(id, slot);
        kept.add(slot);
      }
    }
    let free = 0;
    const result = ids.map((id) => {
      const slot = next.get(id);
      if (slot !== undefined) return slot;
      while (kept.has(free)) free += 1;
      kept.add(free);
      next.set(id, free);
      return free;
    });
    this.slots = next;
    return result;
  }
}

interface FrozenWidths<T extends RowData> {
  /** What the widths were measured with: the widest rows' ids, the box's width, the columns. */
  widest: string;
  wrapWidth: number;
  columns: DataColumn<T>[];
  /** Leaf column widths in px; empty when there is no layout to measure. */
  widths: number[];
}

/**
 * For each leaf column, the row whose value is longest as text (tree depth counts: rows are
 * indented), with its position: with the rows in view, these decide the column widths a full
 * render would have.
 */
function widestRows<T extends RowData>(
  rows: Row<TableFeaturesDef, T>[],
  columns: Column<TableFeaturesDef, T>[],
): { row: Row<TableFeaturesDef, T>; index: number }[] {
  const best = columns.map(() => ({ score: -1, index: -1 }));
  rows.forEach((row, index) => {
    columns.forEach((column, i) => {
      const value = row.getValue(column.id);
      const text =
        typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint'
          ? String(value)
          : '';
      const score = text.length + 2 * row.depth;
      const b = best[i];
      if (b && score > b.score) {
        b.score = score;
        b.index = index;
      }
    });
  });
  return [...new Set(best.map((b) => b.index))].flatMap((index) => {
    const row = rows[index];
    return row ? [{ row, index }] : [];
  });
}

interface BodyRowProps<T extends RowData> {
  row: Row<TableFeaturesDef, T>;
  cells: ReturnType<Row<TableFeaturesDef, T>['getAllCells']>;
  /** Passed so a memoised row re-renders on expand / collapse (the row object stays the same). */
  expanded: boolean;
  className: string | undefined;
  /** Long tables: the row's position among all body rows (0-based) and its aria-rowindex. */
  index?: number;
  rowIndex?: number;
  /** A row present only to size the columns: hidden from everyone. */
  hidden?: boolean;
}

function BodyRow<T extends RowData>({
  row,
  cells,
  className,
  index,
  rowIndex,
  hidden,
}: BodyRowProps<T>) {
  return (
    <tr
      className={className}
      data-depth={row.depth}
      data-index={index}
      aria-rowindex={rowIndex}
      aria-hidden={hidden ? 'true' : undefined}
    >
      {cells.map((cell) => (
        <td key={cell.column.id}>
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  );
}

/**
 * A windowed table re-renders on every scroll step; rows that stay in view are not rendered again
 * (a row depends on its row object, cells and expanded state only).
 */
const MemoBodyRow = memo(BodyRow) as typeof BodyRow;

/**
 * The header rows. A windowed table renders again at each scroll step; its header, unchanged,
 * is not (it changes with the columns, the sorting and the table's length only).
 */
function TableHead<T extends RowData>({
  headerGroups,
  long,
}: {
  headerGroups: HeaderGroup<TableFeaturesDef, T>[];
  long: boolean;
  /** Passed so the header renders again when the sorting changes (the groups stay the same). */
  sorting: SortingState;
}) {
  return (
    <thead>
      {headerGroups.map((group, g) => (
        <tr key={group.id} aria-rowindex={long ? g + 1 : undefined}>
          {group.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            const canSort = header.column.getCanSort();
            return (
              <th
                key={header.id}
                colSpan={header.colSpan}
                scope="col"
                aria-sort={
                  sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                }
              >
                {header.isPlaceholder ? null : canSort ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={header.column.getToggleSortingHandler()}
                    title="点击排序"
                  >
                    <FlexRender header={header} />
                    <span aria-hidden="true" className="sort-mark">
                      {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ⇅'}
                    </span>
                  </button>
                ) : (
                  <FlexRender header={header} />
                )}
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}

const MemoTableHead = memo(TableHead) as typeof TableHead;

function captionText(table: HTMLTableElement | null): string {
  const caption = table?.querySelector(':scope > caption');
  return caption ? visibleText(caption) : '表格';
}

/** Left indent of a tree row's first cell: its depth, and the toggle's width when it has none. */
function expandIndent(depth: number, canExpand: boolean): string {
  return `${canExpand ? depth * 1.25 : depth * 1.25 + 1.5}em`;
}

/** The toggle's mark and accessible name, open or closed. */
function expandMark(open: boolean): { mark: string; label: string } {
  return open ? { mark: '▾', label: '收起' } : { mark: '▸', label: '展开' };
}

/** The expand/collapse toggle for a tree row's first cell. */
export function ExpandToggle<T extends RowData>({
  row,
  children,
}: {
  row: Row<TableFeaturesDef, T>;
  children: ReactNode;
}) {
  const canExpand = row.getCanExpand();
  if (!canExpand) {
    return <span style={{ paddingLeft: expandIndent(row.depth, false) }}>{children}</span>;
  }
  const open = row.getIsExpanded();
  const { mark, label } = expandMark(open);
  return (
    <span style={{ paddingLeft: expandIndent(row.depth, true) }}>
      <button
        type="button"
        className="expand-button"
        aria-expanded={open}
        onClick={row.getToggleExpandedHandler()}
        aria-label={label}
      >
        {mark}
      </button>{' '}
      {children}
    </span>
  );
}
