import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { DataTable, ExpandToggle, dataTableColumns } from '@/components/data-table';
import type { DataColumn } from '@/components/data-table';
import { FigureValue } from '@/components/figure-value';
import { someRow } from './tables-data';
import type { DisplayColumn, DisplayRow, TableSection } from './tables-data';
import type { AmountUnit } from '@/domain/money';

const helper = dataTableColumns<DisplayRow>();

interface CellContext {
  /** Document as the user knows it, for the figure's hover text. */
  document: string;
  hrefFor: (line: number, text?: string) => string;
  /** FigureValue's unit (see shownUnit). */
  formatAs: AmountUnit;
  /** The unit the table is printed in (see shownUnit); 万元 when not given. */
  printed?: AmountUnit;
}

function RowLabel({ row }: { row: DisplayRow }) {
  return (
    <>
      {row.code !== undefined ? <span className="row-code">{row.code}</span> : null}
      {row.code !== undefined ? ' ' : null}
      <span className="row-label">{row.label}</span>
    </>
  );
}

function figureKind(col: DisplayColumn, row: DisplayRow): 'count' | 'amount' {
  return col.kind === 'count' || row.valueKind === 'count' ? 'count' : 'amount';
}

function valueColumn(col: DisplayColumn, ctx: CellContext): DataColumn<DisplayRow> {
  return helper.accessor((r) => r.cells[col.key]?.v, {
    id: col.key,
    header: col.label,
    sortFn: 'decimal',
    // Empty cells stay at the bottom whichever way the column is sorted.
    sortUndefined: 'last',
    cell: ({ row }) => (
      <FigureValue
        fig={row.original.cells[col.key]}
        document={ctx.document}
        hrefFor={ctx.hrefFor}
        kind={figureKind(col, row.original)}
        unit={ctx.formatAs}
        printed={ctx.printed ?? '万元'}
      />
    ),
  }) as DataColumn<DisplayRow>;
}

/** Columns of one table section: label (with the tree toggle), optional alt label / group, values. */
function sectionColumns(section: TableSection, ctx: CellContext): DataColumn<DisplayRow>[] {
  const hasCodes = someRow(section.rows, (r) => r.code !== undefined);
  const hasAlt = someRow(section.rows, (r) => r.altLabel !== undefined);
  const label = helper.accessor((r) => r.code ?? r.label, {
    id: 'label',
    header: hasCodes ? '科目编码 · 名称' : hasAlt ? '部门经济科目' : '项目',
    sortFn: 'alphanumeric',
    cell: ({ row }) =>
      section.isTree ? (
        <ExpandToggle row={row}>
          <RowLabel row={row.original} />
        </ExpandToggle>
      ) : (
        <RowLabel row={row.original} />
      ),
  }) as DataColumn<DisplayRow>;
  const cols: DataColumn<DisplayRow>[] = [label];
  if (hasAlt) {
    cols.push(
      helper.accessor((r) => r.altLabel ?? '', {
        id: 'altLabel',
        header: () => <span className="cell-text">政府经济科目</span>,
        sortFn: 'text',
        cell: ({ row }) => <span className="cell-text">{row.original.altLabel ?? ''}</span>,
      }) as DataColumn<DisplayRow>,
    );
  }
  if (section.showGroup) {
    cols.push(
      helper.accessor((r) => r.group ?? '', {
        id: 'group',
        header: () => <span className="cell-text">类别</span>,
        sortFn: 'text',
        cell: ({ row }) => <span className="cell-text">{row.original.group ?? ''}</span>,
      }) as DataColumn<DisplayRow>,
    );
  }
  return [...cols, ...section.columns.map((c) => valueColumn(c, ctx))];
}

interface SectionTableProps extends CellContext {
  section: TableSection;
  rows: DisplayRow[];
  caption: ReactNode;
  expandAll: boolean;
  /** Changes on each 全部展开 / 全部收起 (DataTable's expandVersion). */
  expandVersion: number;
}

function rowClass(row: DisplayRow): string | undefined {
  if (row.level === 0) return 'row-total';
  if (row.level === 1) return 'row-level-1';
  return undefined;
}

const rowId = (row: DisplayRow) => row.id;
const subRows = (row: DisplayRow) => row.subRows;

/** One section of a detail table (the whole table, or its 收入 / 支出 side). */
export function SectionTable({
  section,
  rows,
  caption,
  expandAll,
  expandVersion,
  document,
  hrefFor,
  formatAs,
  printed = '万元',
}: SectionTableProps) {
  // Columns must be stable between renders (TanStack rebuilds its models when they change).
  const columns = useMemo(
    () => sectionColumns(section, { document, hrefFor, formatAs, printed }),
    [section, document, hrefFor, formatAs, printed],
  );
  return (
    <DataTable
      caption={caption}
      data={rows}
      columns={columns}
      getRowId={rowId}
      {...(section.isTree ? { getSubRows: subRows, expandAll, expandVersion } : {})}
      rowClassName={rowClass}
      // Tables with one or two value columns (公开06, 公开09, 公开10) need no full width.
      className={section.columns.length <= 2 ? 'detail-table narrow' : 'detail-table'}
    />
  );
}
