import { useMemo } from 'react';
import { DataTable, dataTableColumns } from '@/components/data-table';
import type { DataColumn } from '@/components/data-table';
import { KIND_LABEL, severityRank } from './checks-data';
import type { FindingRow } from './checks-data';
import { SeverityBadge } from './severity-badge';

const helper = dataTableColumns<FindingRow>();

/** Links to each source line of a finding; the first is where the printed figure stands. */
function LineLinks({ row, hrefFor }: { row: FindingRow; hrefFor: (line: number) => string }) {
  const { lines } = row.finding;
  return (
    <ul className="finding-lines">
      {lines.map((line, i) => (
        <li key={`${line}-${i}`}>
          <a
            className="source-link"
            href={hrefFor(line)}
            title={`来源：${row.docLabel}，第 ${line} 行（点击查看原文）`}
          >
            第 {line} 行
          </a>
          {i === 0 && lines.length > 1 ? (
            <span className="finding-line-note">（印出处）</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function findingColumns(
  sourceHref: (docId: string) => (line: number) => string,
): DataColumn<FindingRow>[] {
  return [
    helper.accessor((r) => String(severityRank(r.finding.severity)), {
      id: 'severity',
      header: '严重程度',
      sortFn: 'alphanumeric',
      cell: ({ row }) => <SeverityBadge severity={row.original.finding.severity} />,
    }) as DataColumn<FindingRow>,
    helper.accessor((r) => r.docLabel, {
      id: 'doc',
      header: '文件',
      sortFn: 'text',
    }) as DataColumn<FindingRow>,
    helper.accessor((r) => KIND_LABEL[r.finding.kind], {
      id: 'kind',
      header: '类型',
      sortFn: 'text',
    }) as DataColumn<FindingRow>,
    helper.accessor((r) => r.finding.message, {
      id: 'message',
      header: '说明',
      enableSorting: false,
    }) as DataColumn<FindingRow>,
    helper.accessor((r) => r.finding.printed, {
      id: 'printed',
      header: '原文印为',
      enableSorting: false,
    }) as DataColumn<FindingRow>,
    helper.accessor((r) => r.finding.expected, {
      id: 'expected',
      header: '按文件自身数字应为',
      enableSorting: false,
    }) as DataColumn<FindingRow>,
    helper.display({
      id: 'lines',
      header: '原文位置',
      cell: ({ row }) => <LineLinks row={row.original} hrefFor={sourceHref(row.original.docId)} />,
    }) as DataColumn<FindingRow>,
  ];
}

const rowId = (r: FindingRow) => r.rowId;
const rowClass = (r: FindingRow) => `finding-${r.finding.severity}`;

interface FindingsTableProps {
  rows: FindingRow[];
  total: number;
  sourceHref: (docId: string) => (line: number) => string;
}

/** The findings list: sortable by severity, document and kind; every line a link to the source. */
export function FindingsTable({ rows, total, sourceHref }: FindingsTableProps) {
  const columns = useMemo(() => findingColumns(sourceHref), [sourceHref]);
  return (
    <DataTable
      caption={
        <>
          校验结果：显示 {rows.length} 条{rows.length !== total ? `（共 ${total} 条）` : ''}
          <span className="caption-meta">
            {' '}
            · “原文印为”“应为”按原文的单位与精度 · 点击“第 N 行”查看原文
          </span>
        </>
      }
      data={rows}
      columns={columns}
      getRowId={rowId}
      rowClassName={rowClass}
      className="findings-table"
    />
  );
}
