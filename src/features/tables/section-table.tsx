import { useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Row } from '@tanstack/react-table';
import {
  paintFigure,
  paintNoFigure,
  paintText,
  setText,
  shaped,
  textElement,
} from '@/components/cell-paint';
import type { Built, TextRef } from '@/components/cell-paint';
import {
  DataTable,
  ExpandToggle,
  dataTableColumns,
  expandIndent,
  expandMark,
} from '@/components/data-table';
import type {
  CellPainter,
  CellPainters,
  DataColumn,
  TableFeaturesDef,
} from '@/components/data-table';
import { FigureValue, figureLink, figureText, printedLink } from '@/components/figure-value';
import type { DerivedFigure, FigureLink, PrintedFigure } from '@/components/figure-value';
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
export function sectionColumns(section: TableSection, ctx: CellContext): DataColumn<DisplayRow>[] {
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

interface LabelRefs {
  code: TextRef | null;
  label: TextRef;
  /** Tree sections: ExpandToggle's span, and its button when the row has children. */
  span: HTMLSpanElement | null;
  toggle: { button: HTMLButtonElement; mark: TextRef } | null;
  /** The depth last indented for and the toggle's state (compared in JS, not read back). */
  depth: number;
  open: boolean | null;
}

/** RowLabel's nodes: code (when the row has one), a space, label. */
function labelNodes(hasCode: boolean): {
  children: Node[];
  refs: Pick<LabelRefs, 'code' | 'label'>;
} {
  const [labelEl, label] = textElement('span', 'row-label');
  if (!hasCode) return { children: [labelEl], refs: { code: null, label } };
  const [codeEl, code] = textElement('span', 'row-code');
  return { children: [codeEl, document.createTextNode(' '), labelEl], refs: { code, label } };
}

/** The shapes of a label cell: tree section or not, with a toggle or not, with a code or not. */
interface LabelShape {
  key: string;
  isTree: boolean;
  canExpand: boolean;
  hasCode: boolean;
}

const LABEL_SHAPES: readonly LabelShape[] = [false, true].flatMap((isTree) =>
  [false, true].flatMap((canExpand) =>
    [false, true].map((hasCode) => ({
      key: `label:${isTree}:${canExpand}:${hasCode}`,
      isTree,
      canExpand,
      hasCode,
    })),
  ),
);

function labelShape(isTree: boolean, canExpand: boolean, hasCode: boolean): LabelShape {
  return LABEL_SHAPES[(isTree ? 4 : 0) + (canExpand ? 2 : 0) + (hasCode ? 1 : 0)] as LabelShape;
}

function buildLabel({ isTree, canExpand, hasCode }: LabelShape): Built<LabelRefs> {
  const inner = labelNodes(hasCode);
  if (!isTree)
    return {
      children: inner.children,
      refs: { ...inner.refs, span: null, toggle: null, depth: -1, open: null },
    };
  const span = document.createElement('span');
  let toggle: LabelRefs['toggle'] = null;
  if (canExpand) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'expand-button';
    const mark = document.createTextNode('');
    button.append(mark);
    span.append(button, document.createTextNode(' '));
    toggle = { button, mark: { node: mark, text: '' } };
  }
  span.append(...inner.children);
  return { children: [span], refs: { ...inner.refs, span, toggle, depth: -1, open: null } };
}

/** The label cell as the column renders it: RowLabel, in ExpandToggle for tree sections. */
function paintLabel(td: Element, row: Row<TableFeaturesDef, DisplayRow>, isTree: boolean): void {
  const r = row.original;
  const canExpand = isTree && row.getCanExpand();
  const shape = labelShape(isTree, canExpand, r.code !== undefined);
  const refs = shaped(td, shape.key, buildLabel, shape);
  // The indent follows from the depth (the shape says whether there is a toggle).
  if (refs.span && refs.depth !== row.depth) {
    refs.span.style.paddingLeft = expandIndent(row.depth, canExpand);
    refs.depth = row.depth;
  }
  if (refs.toggle) {
    const open = row.getIsExpanded();
    if (refs.open !== open) {
      const { mark, label } = expandMark(open);
      refs.toggle.button.setAttribute('aria-expanded', String(open));
      refs.toggle.button.setAttribute('aria-label', label);
      setText(refs.toggle.mark, mark);
      refs.open = open;
    }
  }
  if (refs.code) setText(refs.code, r.code ?? '');
  setText(refs.label, r.label);
}

/**
 * A painter for each column of sectionColumns: the same markup, written into a windowed row.
 * Painting allocates as little as it can (a drag paints some two hundred cells a frame, and what
 * it allocates comes back as garbage-collection pauses that drop frames): no closure or options
 * object per cell, and one link (href and hover text) per figure, reused when the same figure is
 * painted again in the same cell.
 */
export function sectionPainters(section: TableSection, ctx: CellContext): CellPainters<DisplayRow> {
  // The link of the figure painted last (its href names the figure's value, marked in the source
  // line): one per figure, and none when the same figure is painted again.
  let lastLink: FigureLink | null = null;
  let lastFig: PrintedFigure | null = null;
  const linkFor = (fig: PrintedFigure | DerivedFigure): FigureLink => {
    if ('derived' in fig) return figureLink(fig, ctx.document, ctx.hrefFor);
    if (lastLink === null || lastFig !== fig) {
      lastLink = printedLink(fig.line, ctx.document, ctx.hrefFor, fig.v);
      lastFig = fig;
    }
    return lastLink;
  };
  const painters: Record<string, CellPainter<DisplayRow>> = {
    label: (td, row) => paintLabel(td, row, section.isTree),
    altLabel: (td, row) => paintText(td, 'cell-text', row.original.altLabel ?? ''),
    group: (td, row) => paintText(td, 'cell-text', row.original.group ?? ''),
  };
  for (const col of section.columns) {
    painters[col.key] = (td, row) => {
      const fig = row.original.cells[col.key];
      if (fig === null || fig === undefined) paintNoFigure(td);
      else
        paintFigure(
          td,
          figureText(fig, figureKind(col, row.original), ctx.formatAs, ctx.printed),
          linkFor(fig),
        );
    };
  }
  return painters;
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
  const painters = useMemo(
    () => sectionPainters(section, { document, hrefFor, formatAs, printed }),
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
      painters={painters}
      // Tables with one or two value columns (公开06, 公开09, 公开10) need no full width.
      className={section.columns.length <= 2 ? 'detail-table narrow' : 'detail-table'}
    />
  );
}
