/**
 * The one table component: TanStack Table v9 (headless) with sorting, optional tree rows
 * (类→款→项) and a sticky header. Columns are declared by each view with `dataTableColumns<T>()`
 * at module scope; this component renders only what the table instance gives it.
 *
 * Long tables (a fully expanded 功能分类 tree has 10,000 rows) render only the rows in view, with
 * spacer rows above and below (useRowWindow), so expanding and scrolling stay fast.
 * Printing and exports still get every row: the table renders in full for them.
 */
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { FocusEvent, MouseEvent, ReactNode } from 'react';
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
  TableFeature,
} from '@tanstack/react-table';
import { compareDecimal } from '@/domain/money';
import { tableFromElement, visibleText } from '@/lib/export-table';
import { ExportMenu } from './export-menu';
import { isOffstage } from './offstage';

/** Sort decimal strings (amounts, rates) exactly; null/undefined sort last. */
interface ValueRow {
  getValue: (columnId: string) => unknown;
}

function sortDecimal(a: ValueRow, b: ValueRow, columnId: string): number {
  const x = a.getValue(columnId) as string | null | undefined;
  const y = b.getValue(columnId) as string | null | undefined;
  return compareDecimal(x ?? null, y ?? null);
}

declare module '@tanstack/react-table' {
  interface Plugins {
    leanRowCachesFeature: TableFeature;
  }
}

/** The prototype of the rows' value caches: no prototype of its own, so no `__proto__` setter. */
const CACHE_PROTO: object = Object.freeze(Object.create(null));

/**
 * TanStack gives every row two null-prototype dictionaries as its value caches, about 190 bytes
 * each in V8: half of a row. A 10,000-row tree builds all its rows when its table opens, and the
 * first major GC of the scroll that follows copies every one still young. An object made from a
 * shared, empty null-prototype object is a small fast object instead (about 30 bytes), and just as
 * safe a map: nothing on its prototype chain, so a column id such as `__proto__` or `constructor`
 * (a bundle's column key can be any string) is an ordinary own property; TanStack reads the
 * caches through an own-property check (`hasOwn`).
 */
const leanRowCachesFeature: TableFeature = {
  initRowInstanceData: (row) => {
    row._valuesCache = Object.create(CACHE_PROTO) as Record<string, unknown>;
    row._uniqueValuesCache = Object.create(CACHE_PROTO) as Record<string, unknown>;
  },
};

export const features = tableFeatures({
  leanRowCachesFeature,
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
   * 全部展开 / 全部收起: a new value applies `expandAll` to every row, in place. The table keeps
   * its row objects (a remount would rebuild TanStack's row model: 10,000 rows of fresh objects
   * for the first garbage collection of the next scroll to copy).
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
  /**
   * Painters of the cells, by column id (cell-paint.ts). When every column has one, a windowed
   * table writes the rows scrolled into view straight into their cells instead of rendering them;
   * each painter must write what its column's `cell` renders (printing and exports still render).
   */
  painters?: CellPainters<T>;
}

/** Writes a row's cell content into `td`, as the column's `cell` would render it. */
export type CellPainter<T extends RowData> = (
  td: HTMLTableCellElement,
  row: Row<TableFeaturesDef, T>,
) => void;
export type CellPainters<T extends RowData> = Readonly<Record<string, CellPainter<T>>>;

/**
 * Above this many rows (after expansion) only the rows in view are rendered. Below it every row
 * is in the DOM, exactly as before: a short table gains nothing from virtual rows.
 */
export const VIRTUAL_ROW_THRESHOLD = 150;
/**
 * Up to this many rows a table shows every row, with no scroll box of its own (a fixed-height box
 * hid rows with no hint). A longer one keeps the box and says how many rows it has.
 */
export const SHORT_TABLE_ROWS = 30;

/** A one-line row at the table's font size (px), until the row is rendered and measured. */
export const ROW_HEIGHT_ESTIMATE = 31;
/** Rows rendered beyond each edge of the view at least: room for Tab and fast scrolling. */
const OVERSCAN = 2;
/**
 * The rendered window starts and ends on multiples of this many rows, so it changes only every
 * few rows scrolled: in between, the DOM stays as it is and the browser just scrolls it.
 */
const WINDOW_STEP = 8;

/** The rows in view (first and last index, inclusive) and how many rows there are. */
interface RowRange {
  startIndex: number;
  endIndex: number;
  overscan: number;
  count: number;
  /** The most rows a view this high can show in part: its height in rows, plus one. */
  viewRows: number;
}

/** First and last row index to render, inclusive (last < first: none). */
interface RowWindow {
  first: number;
  last: number;
}

const NO_ROWS: RowWindow = { first: 0, last: -1 };

/**
 * The rows a view of `height` px shows when the first body row is `offset` px above its top
 * (negative: below), every row being `rowHeight` px high.
 */
function rowsInView(offset: number, height: number, rowHeight: number, count: number): RowRange {
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  return {
    startIndex: clamp(Math.floor(offset / rowHeight)),
    endIndex: clamp(Math.ceil((offset + Math.max(height, rowHeight)) / rowHeight) - 1),
    overscan: OVERSCAN,
    count,
    viewRows: Math.ceil(Math.max(height, rowHeight) / rowHeight) + 1,
  };
}

/**
 * The window of a table not yet laid out: the rows a view as high as the browser window shows
 * from the top (the scroll container is never higher), read without forcing a layout.
 */
function firstWindow(count: number, sliding: boolean): RowWindow {
  const height = typeof window === 'undefined' ? 0 : window.innerHeight;
  return windowIndexes(rowsInView(0, height, ROW_HEIGHT_ESTIMATE, count), null, sliding);
}

/**
 * The rows to render: the view plus overscan, widened to WINDOW_STEP boundaries. After a jump
 * (the view shares no row with the previous window: a scrollbar drag, a fast fling) only the
 * view and one row either side, as rows rendered beyond it would be replaced at the next frame;
 * one row below is enough for Tab to go on (focusing it scrolls, and the window widens again).
 * That window is always as many rows (a view's worth, viewRows, plus the two), wherever the view
 * cuts a row: a scrollbar drag then rewrites the same rows frame after frame, without adding one
 * in one frame and removing it in the next.
 *
 * `sliding` (painted rows, whose steps cost no render): every window is that one, the view and
 * one row either side, kept as long at the ends of the table. Each row scrolled moves the window
 * by a row, and a step that keeps some rows only writes the rows that arrive (DataTable's
 * `fastPaint`), so a slow scroll lays out a few rows a frame, not a view's worth every few rows.
 */
function windowIndexes(range: RowRange, previous: RowWindow | null, sliding = false): RowWindow {
  if (sliding) {
    const length = Math.min(range.count, range.viewRows + 2);
    const first = Math.max(0, Math.min(range.startIndex - 1, range.count - length));
    return { first, last: first + length - 1 };
  }
  const jump =
    previous !== null && (range.startIndex > previous.last || range.endIndex < previous.first);
  const first = jump
    ? Math.max(0, range.startIndex - 1)
    : Math.max(0, Math.floor((range.startIndex - range.overscan) / WINDOW_STEP) * WINDOW_STEP);
  const last = jump
    ? Math.min(range.count - 1, first + range.viewRows + 1)
    : Math.min(
        range.count - 1,
        Math.ceil((range.endIndex + range.overscan + 1) / WINDOW_STEP) * WINDOW_STEP - 1,
      );
  return { first, last };
}

/**
 * Which DOM row each rendered body row of a windowed table uses. Rows are keyed by slot, not by
 * row id: a row that stays in the window keeps its slot (and its <tr>, and focus inside it), and
 * the slots of rows that left go to rows that arrived. Scrolling then rewrites the text of
 * existing rows instead of removing some and creating others: after a jump (scrollbar drag, fast
 * wheel) every row in view is new, and creating and styling 25 rows of cells every frame dropped
 * frames where rewriting them does not.
 */
export class RowSlots {
  private slots = new Map<string, number>();

  /** Slots for the rows to render, in order. Calling again with the same ids returns the same. */
  assign(ids: readonly string[]): number[] {
    const next = new Map<string, number>();
    const used = new Set<number>();
    for (const id of ids) {
      const slot = this.slots.get(id);
      if (slot !== undefined && !used.has(slot)) {
        next.set(id, slot);
        used.add(slot);
      }
    }
    let free = 0;
    const result = ids.map((id) => {
      const kept = next.get(id);
      if (kept !== undefined) return kept;
      while (used.has(free)) free += 1;
      used.add(free);
      next.set(id, free);
      return free;
    });
    this.slots = next;
    return result;
  }

  /** Records that the rows `ids` are in the slots `slots` (rows painted into <tr>s directly). */
  set(ids: readonly string[], slots: readonly number[]): void {
    this.slots = new Map(ids.map((id, i) => [id, slots[i] ?? i]));
  }
}

/**
 * The rendered window, read by React with useSyncExternalStore. A scroll step that rows are
 * painted for directly (DataTable's `fastPaint`) replaces it without telling React, which has
 * nothing to change; any later render reads it, so React never renders a window older than the
 * one on screen.
 */
class WindowStore {
  private listeners = new Set<() => void>();
  constructor(private value: RowWindow) {}
  get = (): RowWindow => this.value;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  set(value: RowWindow): void {
    this.value = value;
    this.listeners.forEach((l) => l());
  }
  /** The window is already on screen (painted): nothing for React to render now. */
  replace(value: RowWindow): void {
    this.value = value;
  }
}

/**
 * Which rows of a long table to render. Rows are taken to be one height, the median of the first
 * rows rendered (a table row is one line here: columns are as wide as their widest value), so the
 * rows in view follow from the scroll position by a division, and nothing is measured while
 * scrolling. The window changes only when the rows in view leave it (windowIndexes); then it is
 * rendered inside the scroll event (flushSync), so a frame never shows the spacer where rows
 * should be. While `paused` (printing: the wrapper grows to the whole table) it stays as it is.
 */
function useRowWindow({
  count,
  enabled,
  wrapRef,
  bodyRef,
  scrollMargin,
  paused,
  fastPaint,
  sliding,
}: {
  count: number;
  enabled: boolean;
  wrapRef: { readonly current: HTMLDivElement | null };
  bodyRef: { readonly current: HTMLTableSectionElement | null };
  scrollMargin: number;
  paused: { readonly current: boolean };
  /** Puts a scroll step's window on screen without React when it can (returns true then). */
  fastPaint: { readonly current: ((next: RowWindow) => boolean) | null };
  /** Rows are painted: windows slide row by row (windowIndexes). */
  sliding: boolean;
}) {
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT_ESTIMATE);
  // The first render already has rows: those a window-high view at the top would show. The table
  // is then laid out once before it is painted, instead of once empty and again with its rows.
  const [store] = useState(() => new WindowStore(enabled ? firstWindow(count, sliding) : NO_ROWS));
  const win = useSyncExternalStore(store.subscribe, store.get);
  const previous = useRef<RowWindow | null>(win === NO_ROWS ? null : win);
  const calibrated = useRef(false);

  const update = useCallback(
    (sync: boolean, keepIfInView = false) => {
      const el = wrapRef.current;
      if (!el || !enabled || paused.current) return;
      const range = rowsInView(el.scrollTop - scrollMargin, el.clientHeight, rowHeight, count);
      const prev = previous.current;
      if (
        keepIfInView &&
        prev &&
        prev.last < count &&
        prev.first <= range.startIndex &&
        prev.last >= range.endIndex
      )
        return;
      const next = windowIndexes(range, keepIfInView ? null : prev, sliding);
      if (prev && prev.first === next.first && prev.last === next.last) return;
      previous.current = next;
      if (sync && fastPaint.current?.(next)) store.replace(next);
      else if (sync) flushSync(() => store.set(next));
      else store.set(next);
    },
    [wrapRef, enabled, paused, scrollMargin, rowHeight, count, store, fastPaint, sliding],
  );

  // Rows, row height or the offset of the first row changed: the window rendered stays if it still
  // has every row in view; otherwise a new one, from no previous one.
  useLayoutEffect(() => {
    update(false, true);
  }, [update]);

  useEffect(() => {
    const el = wrapRef.current;
    if (!el || !enabled) return;
    const onScroll = () => update(true);
    el.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(() => update(false));
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [wrapRef, enabled, update]);

  // Once, from the first rows rendered: their median height is every row's.
  useLayoutEffect(() => {
    if (!enabled || calibrated.current) return;
    const sizes = [
      ...(bodyRef.current?.querySelectorAll<HTMLElement>(':scope > tr[data-index]') ?? []),
    ]
      .map((tr) => tr.offsetHeight)
      .filter((h) => h > 0)
      .sort((a, b) => a - b);
    if (sizes.length < 5) return;
    calibrated.current = true;
    const median = sizes[sizes.length >> 1] ?? ROW_HEIGHT_ESTIMATE;
    if (median !== rowHeight) setRowHeight(median);
  }, [enabled, win, bodyRef, rowHeight]);

  return { win: enabled ? win : NO_ROWS, rowHeight };
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
  painters,
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
  // Painted rows need only the column ids: a row's cells (objects TanStack makes on first use and
  // keeps) are not made for the thousands of rows a drag shows once.
  const columnIds = useMemo(() => leafColumns.map((c) => c.id), [leafColumns]);
  const paint =
    virtual && painters !== undefined && columnIds.every((id) => painters[id] !== undefined)
      ? painters
      : null;

  // Offset of the first body row inside the scroll container (export menu, caption, header).
  const [scrollMargin, setScrollMargin] = useState(0);
  // The row holding focus stays rendered when scrolled out of view, so Tab goes on from it.
  const [focusedIndex, setFocusedIndex] = useState<number | null>(null);
  const printing = useRef(false);
  const fastPaint = useRef<((next: RowWindow) => boolean) | null>(null);
  const { win, rowHeight } = useRowWindow({
    count: rows.length,
    enabled: long,
    wrapRef,
    bodyRef,
    scrollMargin,
    paused: printing,
    fastPaint,
    sliding: paint !== null,
  });

  // Column widths. Auto table layout sizes columns by the rows present, so a moving window would
  // make them jump; instead the widths are measured once (auto layout over the window plus the
  // rows with the longest value in each column) and then fixed, until the wrapper's width, the
  // columns or those widest rows change.
  const [wrapWidth, setWrapWidth] = useState(0);
  const widest = useMemo(
    () => (long ? widestRows(rows, leafColumns) : []),
    [long, rows, leafColumns],
  );
  const widestKey = widest.map((r) => r.id).join('|');
  const [frozen, setFrozen] = useState<FrozenWidths<T> | null>(null);
  const frozenWidths =
    frozen &&
    frozen.widest === widestKey &&
    frozen.wrapWidth === wrapWidth &&
    frozen.columns === columns
      ? frozen.widths
      : null;
  const measuringWidths = virtual && frozenWidths === null;
  // Indexes of the rows to render: the window, and the focused row wherever it is.
  const shownIndexes = useMemo(() => {
    if (!virtual) return [];
    const indexes: number[] = [];
    for (let i = win.first; i <= win.last && i < rows.length; i++) indexes.push(i);
    const f = focusedIndex;
    if (f !== null && f < rows.length && (f < win.first || f > win.last)) {
      if (f < win.first) indexes.unshift(f);
      else indexes.push(f);
    }
    return indexes;
  }, [virtual, win, focusedIndex, rows.length]);

  // A scroll step to a window as long as the one on screen is painted into the rows already there
  // without React (the window store then holds it for the next render). A step that keeps some
  // rows moves the <tr>s of the rows that left to the other end and writes only those: the rows
  // that stay keep their nodes and their layout. A focused row kept outside the window, widths
  // being measured or printing: React renders.
  useLayoutEffect(() => {
    const headerRows = headerGroups.length;
    fastPaint.current =
      paint && !measuringWidths
        ? (next) => {
            const body = bodyRef.current;
            if (!body || printing.current || next.last >= rows.length) return false;
            if (focusedIndex !== null && (focusedIndex < next.first || focusedIndex > next.last))
              return false;
            const trs = [...body.querySelectorAll<HTMLTableRowElement>(':scope > tr[data-index]')];
            const length = next.last - next.first + 1;
            if (trs.length !== length) return false;
            const spacer = (el: Element | null) =>
              el?.classList.contains('virtual-spacer') ? el.firstElementChild : null;
            const top = spacer(body.firstElementChild);
            const end = spacer(body.lastElementChild);
            if (!(top instanceof HTMLElement) || !(end instanceof HTMLElement)) return false;
            const shown = Number(trs[0]?.dataset.index);
            const shift = next.first - shown;
            let order = trs;
            if (shift > 0 && shift < length) {
              // Down: the top rows' <tr>s go below the last for the rows arriving there.
              const moved = trs.slice(0, shift);
              const after = trs[length - 1]?.nextSibling ?? null;
              for (const tr of moved) body.insertBefore(tr, after);
              order = [...trs.slice(shift), ...moved];
            } else if (shift < 0 && -shift < length) {
              const moved = trs.slice(length + shift);
              for (const tr of moved) body.insertBefore(tr, trs[0] ?? null);
              order = [...moved, ...trs.slice(0, length + shift)];
            }
            const ids: string[] = [];
            const slots: number[] = [];
            order.forEach((tr, k) => {
              const index = next.first + k;
              const row = rows[index];
              if (!row) return;
              // A row that stays shows what it showed (same rows: a change of rows renders).
              if (index < shown || index >= shown + length) {
                const className = rowClassName?.(row.original);
                paintRow(
                  tr,
                  { row, columnIds, className, index, rowIndex: headerRows + index + 1 },
                  paint,
                );
              }
              ids.push(row.id);
              slots.push(paintedRows.get(tr)?.slot ?? k);
            });
            rowSlots.set(ids, slots);
            const topHeight = `${next.first * rowHeight}px`;
            const endHeight = `${(rows.length - 1 - next.last) * rowHeight}px`;
            if (top.style.height !== topHeight) top.style.height = topHeight;
            if (end.style.height !== endHeight) end.style.height = endHeight;
            return true;
          }
        : null;
  });

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

  // The measuring render (auto layout, widest rows included) is never painted: the widths are read
  // here and the fixed layout rendered before the browser paints.
  useLayoutEffect(() => {
    if (!measuringWidths) return;
    const first = bodyRef.current?.querySelector(':scope > tr[data-index]');
    if (!first) return; // the window is still empty (no view measured yet): no rows to measure
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
  }, [measuringWidths, widestKey, columns, shownIndexes.length]);

  // Printing lays out every row: render them all before the print layout, window again after.
  useEffect(() => {
    if (!long) return;
    const all = () => {
      if (isOffstage(tableRef.current)) return;
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
  // Painted rows have no React handlers: their expand buttons are answered here.
  const onBodyClick = paint
    ? (e: MouseEvent<HTMLTableSectionElement>) => {
        const tr = (e.target as Element).closest('button.expand-button')?.closest('tr[data-index]');
        if (tr && e.currentTarget.contains(tr))
          rows[Number(tr.getAttribute('data-index'))]?.toggleExpanded();
      }
    : undefined;
  const onBodyBlur = (e: FocusEvent<HTMLTableSectionElement>) => {
    if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) {
      setFocusedIndex(null);
    }
  };

  let body: ReactNode;
  if (virtual) {
    const columnCount = columnIds.length || 1;
    // Painted rows: the spacers above and below the window are there even when empty (at the top
    // or bottom of the table), so every scroll step finds them (fastPaint).
    const edge = paint !== null;
    const spacer = (key: string, height: number, keep = false) =>
      height > 0 || keep ? (
        <tr key={key} className="virtual-spacer" aria-hidden="true">
          <td colSpan={columnCount} style={{ height }} />
        </tr>
      ) : null;
    const parts: ReactNode[] = [];
    const slots = rowSlots.assign(shownIndexes.map((index) => rows[index]?.id ?? ''));
    let end = 0; // list coordinates: 0 is the top of the first body row
    shownIndexes.forEach((index, n) => {
      const row = rows[index];
      if (!row) return;
      const start = index * rowHeight;
      parts.push(spacer(`spacer-${n}`, start - end, n === 0 && edge));
      parts.push(
        paint ? (
          <MemoPaintedRow
            key={`painted-${slots[n]}`}
            row={row}
            columnIds={columnIds}
            expanded={row.getIsExpanded()}
            className={rowClassName?.(row.original)}
            index={index}
            rowIndex={headerGroups.length + index + 1}
            painters={paint}
            slot={slots[n] ?? n}
          />
        ) : (
          <MemoBodyRow
            key={`slot-${slots[n]}`}
            row={row}
            cells={row.getAllCells()}
            expanded={row.getIsExpanded()}
            className={rowClassName?.(row.original)}
            index={index}
            rowIndex={headerGroups.length + index + 1}
          />
        ),
      );
      end = start + rowHeight;
    });
    parts.push(spacer('spacer-end', rows.length * rowHeight - end, edge));
    if (measuringWidths) {
      const shown = new Set(shownIndexes.map((index) => rows[index]?.id));
      for (const row of widest) {
        if (shown.has(row.id)) continue;
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
    }
    body = parts;
  } else {
    // A long table printed or exported keeps its rows' indexes (and aria-rowindex).
    body = rows.map((row, i) => (
      <BodyRow
        key={row.id}
        row={row}
        cells={row.getAllCells()}
        expanded={row.getIsExpanded()}
        className={rowClassName?.(row.original)}
        {...(long ? { index: i, rowIndex: headerGroups.length + i + 1 } : {})}
      />
    ));
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
        <tbody ref={bodyRef} onFocus={onBodyFocus} onBlur={onBodyBlur} onClick={onBodyClick}>
          {body}
        </tbody>
      </table>
    </div>
  );
}

interface FrozenWidths<T extends RowData> {
  /** What the widths were measured with: the widest rows' ids, the wrapper's width, columns. */
  widest: string;
  wrapWidth: number;
  columns: DataColumn<T>[];
  /** Leaf column widths in px; empty when there is no layout to measure. */
  widths: number[];
}

/**
 * For each leaf column, the row whose value is longest as text (tree depth counts: rows are
 * indented): with the rows in view, these decide the column widths a full render would have.
 */
function widestRows<T extends RowData>(
  rows: Row<TableFeaturesDef, T>[],
  columns: Column<TableFeaturesDef, T>[],
): Row<TableFeaturesDef, T>[] {
  const best = columns.map(() => ({ score: -1, row: null as Row<TableFeaturesDef, T> | null }));
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      // The accessor itself, not row.getValue(): that caches every value on its row, a few MB
      // of objects for a 10,000-row tree that nothing reads again.
      const value = columns[i]?.accessorFn?.(row.original, row.index);
      const text =
        typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint'
          ? String(value)
          : '';
      const score = text.length + 2 * row.depth;
      const b = best[i];
      if (b && score > b.score) {
        b.score = score;
        b.row = row;
      }
    }
  }
  return [...new Set(best.map((b) => b.row).filter((r) => r !== null))];
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
      {/* Keyed by column: a windowed row's cells are reused by the next row in its slot. */}
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
 * A windowed row whose cells are painted, not rendered: React keeps the <tr> and its empty <td>s
 * (it never touches children it did not render), and the painters fill them in before the
 * browser paints.
 */
function PaintedRow<T extends RowData>({
  row,
  columnIds,
  expanded,
  className,
  index,
  rowIndex,
  painters,
  slot,
}: PaintedRowContent<T> & {
  /** Passed so the row is painted again on expand / collapse (the row object stays the same). */
  expanded: boolean;
  painters: CellPainters<T>;
  slot: number;
}) {
  const ref = useRef<HTMLTableRowElement>(null);
  useLayoutEffect(() => {
    const tr = ref.current;
    if (!tr) return;
    paintedState(tr).slot = slot;
    paintRow(tr, { row, columnIds, className, index, rowIndex }, painters);
  }, [row, columnIds, expanded, className, index, rowIndex, painters, slot]);
  return (
    <tr ref={ref}>
      {columnIds.map((id) => (
        <td key={id} />
      ))}
    </tr>
  );
}

/**
 * What is known of each painted <tr>: the slot (React key) it was rendered for, and the attributes
 * paintRow last wrote to it (React never sets them).
 */
interface PaintedTr {
  slot: number;
  className: string | undefined;
  depth: number;
  index: number;
  rowIndex: number;
}
const paintedRows = new WeakMap<Element, PaintedTr>();

function paintedState(tr: Element): PaintedTr {
  let state = paintedRows.get(tr);
  if (!state) {
    state = { slot: -1, className: undefined, depth: -1, index: -1, rowIndex: -1 };
    paintedRows.set(tr, state);
  }
  return state;
}

interface PaintedRowContent<T extends RowData> {
  row: Row<TableFeaturesDef, T>;
  /** The leaf columns, in order: a painter for each, into the <td> at its position. */
  columnIds: readonly string[];
  className: string | undefined;
  index: number;
  rowIndex: number;
}

/**
 * Writes a row into a painted <tr>: its attributes (in BodyRow's order) and its cells. React
 * renders the <tr> bare, so whatever wrote it last (this, from a render or from a scroll step)
 * is what it shows.
 */
function paintRow<T extends RowData>(
  tr: HTMLTableRowElement,
  { row, columnIds, className, index, rowIndex }: PaintedRowContent<T>,
  painters: CellPainters<T>,
): void {
  // The attributes as last written here (React never sets a painted <tr>'s): compared in JS, not
  // read back from the DOM, as a drag writes some thirty rows a frame.
  const was = paintedState(tr);
  if (was.className !== className) {
    if (className) tr.setAttribute('class', className);
    else tr.removeAttribute('class');
    was.className = className;
  }
  if (was.depth !== row.depth) tr.setAttribute('data-depth', String((was.depth = row.depth)));
  if (was.index !== index) tr.setAttribute('data-index', String((was.index = index)));
  if (was.rowIndex !== rowIndex)
    tr.setAttribute('aria-rowindex', String((was.rowIndex = rowIndex)));
  const tds = tr.children;
  for (let i = 0; i < columnIds.length; i++) {
    const td = tds[i];
    const id = columnIds[i];
    if (td instanceof HTMLTableCellElement && id !== undefined) painters[id]?.(td, row);
  }
}

const MemoPaintedRow = memo(PaintedRow) as typeof PaintedRow;

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
export function expandIndent(depth: number, canExpand: boolean): string {
  return `${canExpand ? depth * 1.25 : depth * 1.25 + 1.5}em`;
}

/** The toggle's mark and accessible name, open or closed. */
export function expandMark(open: boolean): { mark: string; label: string } {
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
