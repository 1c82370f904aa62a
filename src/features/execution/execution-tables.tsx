/** The execution view's tables: per 类 (narrative statements), per project, and unit summaries. */
import type { ReactNode } from 'react';
import { DataTable, dataTableColumns } from '@/components/data-table';
import type { DataColumn } from '@/components/data-table';
import type { ClassExecutionRow, ProjectExecutionRow, SummaryExecutionRow } from './execution-data';
import { AmountCell, ComputedRateCell, RateCheckBadge, StatedRateCell } from './figure-cells';

const classCol = dataTableColumns<ClassExecutionRow>();

const CLASS_COLUMNS: DataColumn<ClassExecutionRow>[] = [
  classCol.accessor('document', { header: '单位（年度·口径·类型）', sortFn: 'text' }),
  classCol.accessor('subject', { header: '科目', sortFn: 'text' }),
  classCol.accessor('basis', { header: '预算口径', sortFn: 'text' }),
  classCol.accessor((r) => r.budget?.v ?? null, {
    id: 'budget',
    header: '预算数',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <AmountCell
        fig={row.original.budget}
        bundleId={row.original.bundleId}
        document={row.original.document}
      />
    ),
  }),
  classCol.accessor((r) => r.actual.v, {
    id: 'actual',
    header: '决算数',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <AmountCell
        fig={row.original.actual}
        bundleId={row.original.bundleId}
        document={row.original.document}
      />
    ),
  }),
  classCol.accessor((r) => r.stated?.v ?? null, {
    id: 'stated',
    header: '执行率（原文）',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <StatedRateCell
        fig={row.original.stated}
        bundleId={row.original.bundleId}
        document={row.original.document}
      />
    ),
  }),
  classCol.accessor('computed', {
    header: '执行率（计算）',
    sortFn: 'decimal',
    cell: ({ row }) => <ComputedRateCell value={row.original.computed} />,
  }),
  classCol.accessor('check', {
    header: '核对',
    sortFn: 'text',
    cell: ({ row }) => <RateCheckBadge check={row.original.check} />,
  }),
];

export function ClassExecutionTable({
  rows,
  caption,
}: {
  rows: ClassExecutionRow[];
  caption: ReactNode;
}) {
  return (
    <DataTable
      caption={caption}
      data={rows}
      columns={CLASS_COLUMNS}
      getRowId={(r) => r.id}
      rowClassName={(r) => (r.check === 'differs' ? 'row-flag' : undefined)}
    />
  );
}

const projectCol = dataTableColumns<ProjectExecutionRow>();

const PROJECT_COLUMNS: DataColumn<ProjectExecutionRow>[] = [
  projectCol.accessor('document', { header: '单位（年度·口径·类型）', sortFn: 'text' }),
  projectCol.accessor('name', {
    header: '项目',
    sortFn: 'text',
    cell: ({ row }) => (
      <>
        {row.original.name}
        {row.original.fundLabel !== '资金总额' && row.original.fundLabel !== '' ? (
          <span className="fund-label">（{row.original.fundLabel}）</span>
        ) : null}
      </>
    ),
  }),
  projectCol.accessor((r) => r.initialBudget?.v ?? null, {
    id: 'initialBudget',
    header: '年初预算数',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <AmountCell
        fig={row.original.initialBudget}
        bundleId={row.original.bundleId}
        document={row.original.document}
        unit={row.original.unit}
      />
    ),
  }),
  projectCol.accessor((r) => r.fullYearBudget?.v ?? null, {
    id: 'fullYearBudget',
    header: '全年预算数',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <AmountCell
        fig={row.original.fullYearBudget}
        bundleId={row.original.bundleId}
        document={row.original.document}
        unit={row.original.unit}
      />
    ),
  }),
  projectCol.accessor((r) => r.executed?.v ?? null, {
    id: 'executed',
    header: '全年执行数',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <AmountCell
        fig={row.original.executed}
        bundleId={row.original.bundleId}
        document={row.original.document}
        unit={row.original.unit}
      />
    ),
  }),
  projectCol.accessor((r) => r.stated?.v ?? null, {
    id: 'stated',
    header: '执行率（原文）',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <StatedRateCell
        fig={row.original.stated}
        bundleId={row.original.bundleId}
        document={row.original.document}
      />
    ),
  }),
  projectCol.accessor('computed', {
    header: '执行率（计算）',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <>
        <ComputedRateCell value={row.original.computed} />
        {row.original.under ? <span className="under-flag"> ▼ 低于80%</span> : null}
      </>
    ),
  }),
  projectCol.accessor('check', {
    header: '核对',
    sortFn: 'text',
    cell: ({ row }) => <RateCheckBadge check={row.original.check} />,
  }),
];

export function ProjectExecutionTable({
  rows,
  caption,
}: {
  rows: ProjectExecutionRow[];
  caption: ReactNode;
}) {
  return (
    <DataTable
      caption={caption}
      data={rows}
      columns={PROJECT_COLUMNS}
      getRowId={(r) => r.id}
      rowClassName={(r) => (r.under ? 'row-under' : r.check === 'differs' ? 'row-flag' : undefined)}
    />
  );
}

const summaryCol = dataTableColumns<SummaryExecutionRow>();

const SUMMARY_COLUMNS: DataColumn<SummaryExecutionRow>[] = [
  summaryCol.accessor('document', { header: '单位（年度·口径·类型）', sortFn: 'text' }),
  summaryCol.accessor('what', { header: '汇总口径', sortFn: 'text' }),
  summaryCol.display({
    id: 'budget',
    header: '预算数',
    cell: ({ row }) => (
      <AmountCell
        fig={row.original.budget}
        bundleId={row.original.bundleId}
        document={row.original.document}
        unit={row.original.unit}
      />
    ),
  }),
  summaryCol.display({
    id: 'executed',
    header: '执行数',
    cell: ({ row }) => (
      <AmountCell
        fig={row.original.executed}
        bundleId={row.original.bundleId}
        document={row.original.document}
        unit={row.original.unit}
      />
    ),
  }),
  summaryCol.display({
    id: 'stated',
    header: '执行率（原文）',
    cell: ({ row }) => (
      <StatedRateCell
        fig={row.original.stated}
        bundleId={row.original.bundleId}
        document={row.original.document}
      />
    ),
  }),
  summaryCol.display({
    id: 'computed',
    header: '执行率（计算）',
    cell: ({ row }) => <ComputedRateCell value={row.original.computed} />,
  }),
  summaryCol.display({
    id: 'check',
    header: '核对',
    cell: ({ row }) => <RateCheckBadge check={row.original.check} />,
  }),
];

export function SummaryExecutionTable({
  rows,
  caption,
}: {
  rows: SummaryExecutionRow[];
  caption: ReactNode;
}) {
  return (
    <DataTable
      caption={caption}
      data={rows}
      columns={SUMMARY_COLUMNS}
      getRowId={(r) => r.id}
      rowClassName={(r) => (r.check === 'differs' ? 'row-flag' : undefined)}
    />
  );
}
