import { useMemo } from 'react';
import { DataTable, dataTableColumns } from '@/components/data-table';
import type { DataColumn } from '@/components/data-table';
import { FigureValue } from '@/components/figure-value';
import type { FlagFigure } from '@/data/flag-rules';
import { RULE_INFO } from '@/data/flag-rules';
import type { DisplayUnit } from '@/store/types';
import { severityRank } from './flags-data';
import type { FlagRow } from './flags-data';
import { FlagSeverityBadge } from './severity';

const helper = dataTableColumns<FlagRow>();

type HrefFor = (docId: string) => (line: number, text?: string) => string;

/** The figures that trip a flag, each linked to its source line. */
function Figures({
  row,
  hrefFor,
  displayUnit,
}: {
  row: FlagRow;
  hrefFor: HrefFor;
  displayUnit: DisplayUnit;
}) {
  return (
    <ul className="flag-figures">
      {row.figures.map((f: FlagFigure, i) => (
        <li key={`${f.label}-${i}`}>
          <span className="flag-figure-label">{f.label}</span>{' '}
          <FigureValue
            fig={f.fig}
            document={row.docLabel}
            hrefFor={hrefFor(row.docId)}
            kind={f.kind === 'amount' ? 'amount' : f.kind === 'percent' ? 'percent' : 'count'}
            unit={f.unit === '元' ? '元' : displayUnit}
            printed={f.unit ?? '万元'}
          />
          {f.kind === 'amount'
            ? f.unit === '元'
              ? '元'
              : displayUnit
            : f.kind === 'score'
              ? '分'
              : ''}
        </li>
      ))}
    </ul>
  );
}

function flagColumns(
  hrefFor: HrefFor,
  displayUnit: DisplayUnit,
  checksHref: string,
): DataColumn<FlagRow>[] {
  return [
    helper.accessor((r) => String(severityRank(r.severity)), {
      id: 'severity',
      header: '严重程度',
      sortFn: 'alphanumeric',
      cell: ({ row }) => <FlagSeverityBadge severity={row.original.severity} />,
    }) as DataColumn<FlagRow>,
    helper.accessor((r) => r.unitName, {
      id: 'unit',
      header: '单位',
      sortFn: 'text',
    }) as DataColumn<FlagRow>,
    helper.accessor((r) => String(r.year), {
      id: 'year',
      header: '年度',
      sortFn: 'alphanumeric',
    }) as DataColumn<FlagRow>,
    helper.accessor((r) => r.docKind, {
      id: 'document',
      header: '文件',
      sortFn: 'text',
    }) as DataColumn<FlagRow>,
    helper.accessor((r) => r.item, {
      id: 'item',
      header: '项目',
      sortFn: 'text',
    }) as DataColumn<FlagRow>,
    helper.accessor((r) => `${RULE_INFO[r.rule].name}·${r.check}`, {
      id: 'rule',
      header: '规则',
      sortFn: 'text',
    }) as DataColumn<FlagRow>,
    helper.accessor((r) => r.measure, {
      id: 'measure',
      header: '计算结果',
      enableSorting: false,
    }) as DataColumn<FlagRow>,
    helper.display({
      id: 'figures',
      header: '触发的数字（点击查看原文）',
      cell: ({ row }) => <Figures row={row.original} hrefFor={hrefFor} displayUnit={displayUnit} />,
    }) as DataColumn<FlagRow>,
    helper.accessor((r) => r.message, {
      id: 'message',
      header: '说明',
      enableSorting: false,
    }) as DataColumn<FlagRow>,
    helper.display({
      id: 'related',
      header: '数据校验',
      cell: ({ row }) =>
        row.original.related.length === 0 ? (
          '—'
        ) : (
          <a href={checksHref} title={row.original.related.map((f) => f.message).join('\n')}>
            另见 {row.original.related.length} 条
          </a>
        ),
    }) as DataColumn<FlagRow>,
  ];
}

const rowId = (r: FlagRow) => r.id;
const rowClass = (r: FlagRow) => `flag-row flag-${r.severity}`;

interface FlagsTableProps {
  rows: FlagRow[];
  total: number;
  hrefFor: HrefFor;
  displayUnit: DisplayUnit;
  checksHref: string;
}

/** Every flag with its figures; sortable; exported as shown (CSV/Excel). */
export function FlagsTable({ rows, total, hrefFor, displayUnit, checksHref }: FlagsTableProps) {
  const columns = useMemo(
    () => flagColumns(hrefFor, displayUnit, checksHref),
    [hrefFor, displayUnit, checksHref],
  );
  return (
    <DataTable
      caption={
        <>
          疑点清单：显示 {rows.length} 条{rows.length !== total ? `（共 ${total} 条）` : ''}
          <span className="caption-meta">
            {' '}
            · 金额单位{displayUnit}（原文以元计的按原文，标“元”） · 点击数字查看原文
          </span>
        </>
      }
      exportName="疑点清单"
      data={rows}
      columns={columns}
      getRowId={rowId}
      rowClassName={rowClass}
      className="flags-table"
    />
  );
}
