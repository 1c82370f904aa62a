/**
 * The one table component: TanStack Table v9 (headless) with sorting, optional tree rows
 * (类→款→项) and a sticky header. Columns are declared by each view with `dataTableColumns<T>()`
 * at module scope; this component renders only what the table instance gives it.
 */
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import {
  createColumnHelper,
  createExpandedRowModel,
  createSortedRowModel,
  rowExpandingFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_text,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import type { ColumnDef, ExpandedState, Row, RowData, SortingState } from '@tanstack/react-table';
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
  /** Expand every row initially. */
  expandAll?: boolean;
  getRowId?: (row: T, index: number) => string;
  rowClassName?: (row: T) => string | undefined;
  /** Extra class on the wrapper, e.g. for a fixed height with scrolling. */
  className?: string;
  /** 导出 CSV / Excel of the rows and columns as shown; on unless false. */
  exportable?: boolean;
  /** File name for exports; defaults to the caption's text. */
  exportName?: string;
}

export function DataTable<T extends RowData>({
  caption,
  data,
  columns,
  initialSorting = [],
  getSubRows,
  expandAll = false,
  getRowId,
  rowClassName,
  className,
  exportable = true,
  exportName,
}: DataTableProps<T>) {
  const tableRef = useRef<HTMLTableElement>(null);
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [expanded, setExpanded] = useState<ExpandedState>(expandAll ? true : {});
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

  return (
    <div className={['data-table-wrap', className].filter(Boolean).join(' ')}>
      {exportable ? (
        <ExportMenu
          name={() => exportName ?? captionText(tableRef.current)}
          label={exportName ?? (typeof caption === 'string' ? caption : '表格')}
          getTable={() => (tableRef.current ? tableFromElement(tableRef.current) : null)}
        />
      ) : null}
      <table className="data-table" ref={tableRef}>
        <caption>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
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
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className="sort-mark">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ⇅'}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={rowClassName?.(row.original)} data-depth={row.depth}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function captionText(table: HTMLTableElement | null): string {
  const caption = table?.querySelector(':scope > caption');
  return caption ? visibleText(caption) : '表格';
}

/** The expand/collapse toggle for a tree row's first cell. */
export function ExpandToggle<T extends RowData>({
  row,
  children,
}: {
  row: Row<TableFeaturesDef, T>;
  children: ReactNode;
}) {
  if (!row.getCanExpand()) {
    return <span style={{ paddingLeft: `${row.depth * 1.25 + 1.5}em` }}>{children}</span>;
  }
  const open = row.getIsExpanded();
  return (
    <span style={{ paddingLeft: `${row.depth * 1.25}em` }}>
      <button
        type="button"
        className="expand-button"
        aria-expanded={open}
        onClick={row.getToggleExpandedHandler()}
        aria-label={open ? '收起' : '展开'}
      >
        {open ? '▾' : '▸'}
      </button>{' '}
      {children}
    </span>
  );
}
