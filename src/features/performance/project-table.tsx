/** All project self-evaluations of the compared units in one sortable table. */
import { DataTable, dataTableColumns } from '@/components/data-table';
import type { DataColumn } from '@/components/data-table';
import { valueIn万元 } from '@/data/table-cell';
import { AmountFigure, FlagList, GradeBadge, PrintedFigure, RateCell } from './figure-cells';
import type { ProjectRow } from './performance-data';

const GRADE_ORDER = { 优: '1', 良: '2', 中: '3', 差: '4' } as const;

const col = dataTableColumns<ProjectRow>();

const COLUMNS: DataColumn<ProjectRow>[] = [
  col.accessor((r) => `${r.unitName} ${r.year}`, {
    id: 'unit',
    header: '单位（年度·口径）',
    sortFn: 'text',
    cell: ({ row }) => (
      <>
        {row.original.unitName}
        <span className="unit-sub">
          {row.original.year}年 · {row.original.scope}
        </span>
      </>
    ),
  }),
  col.accessor('name', { header: '项目名称', sortFn: 'text' }),
  col.accessor((r) => r.score?.v ?? null, {
    id: 'score',
    header: '自评得分',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <PrintedFigure
        fig={row.original.score}
        bundleId={row.original.bundleId}
        document={row.original.document}
      />
    ),
  }),
  col.accessor((r) => (r.grade ? GRADE_ORDER[r.grade] : null), {
    id: 'grade',
    header: '等级',
    sortFn: 'decimal',
    cell: ({ row }) => <GradeBadge row={row.original} />,
  }),
  // By size in 万元: projects printed in 元 rank among those printed in 万元.
  col.accessor((r) => valueIn万元(r.amountUnit, r.budget), {
    id: 'budget',
    header: '全年预算数',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <AmountFigure
        fig={row.original.budget}
        bundleId={row.original.bundleId}
        document={row.original.document}
        unit={row.original.amountUnit}
        markPrinted
      />
    ),
  }),
  // By size in 万元: projects printed in 元 rank among those printed in 万元.
  col.accessor((r) => valueIn万元(r.amountUnit, r.executed), {
    id: 'executed',
    header: '全年执行数',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <AmountFigure
        fig={row.original.executed}
        bundleId={row.original.bundleId}
        document={row.original.document}
        unit={row.original.amountUnit}
        markPrinted
      />
    ),
  }),
  col.accessor('rate', {
    header: '执行率',
    sortFn: 'decimal',
    cell: ({ row }) => <RateCell row={row.original} />,
  }),
  col.accessor((r) => String(r.flags.length + r.corrections.length), {
    id: 'flags',
    header: '核对',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <FlagList
        flags={row.original.flags}
        corrections={row.original.corrections}
        bundleId={row.original.bundleId}
        document={row.original.document}
      />
    ),
  }),
];

export function ProjectTable({ rows, caption }: { rows: ProjectRow[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      data={rows}
      columns={COLUMNS}
      getRowId={(r) => r.key}
      rowClassName={(r) => (r.flags.some((f) => f.severity === 'error') ? 'row-flag' : undefined)}
      className="perf-projects"
    />
  );
}
