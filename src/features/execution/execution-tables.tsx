/** The execution view's tables: per 类 (narrative statements), per project, and unit summaries. */
import type { ReactNode } from 'react';
import { DataTable, dataTableColumns } from '@/components/data-table';
import type { DataColumn } from '@/components/data-table';
import type { Fig } from '@/data/schema-common';
import type { ClassExecutionRow, ProjectExecutionRow, SummaryExecutionRow } from './execution-data';
import { AmountCell, ComputedRateCell, RateCheckBadge, StatedRateCell } from './figure-cells';
import type { AmountUnit } from '@/domain/money';

/**
 * The cell of an amount column: the row's figure `pick`, linked to its source line, in the row's
 * printed unit (万元 unless the row says 元).
 */
function amountCell<R extends { bundleId: string; document: string; unit?: AmountUnit }>(
  pick: (r: R) => Fig | null,
) {
  return ({ row }: { row: { original: R } }) => (
    <AmountCell
      fig={pick(row.original)}
      bundleId={row.original.bundleId}
      document={row.original.document}
      unit={row.original.unit ?? '万元'}
    />
  );
}

const classCol = dataTableColumns<ClassExecutionRow>();

/**
 * Columns of a 类 / 三公 table whose rates are all against one budget (`basis`): the headers say
 * which, so 年初预算 and 全年预算 rates never share a column.
 */
function classColumns(basis: ClassExecutionRow['basis']): DataColumn<ClassExecutionRow>[] {
  return [
    classCol.accessor('document', { header: '单位（年度·口径·类型）', sortFn: 'text' }),
    classCol.accessor('subject', { header: '科目', sortFn: 'text' }),
    classCol.accessor((r) => r.budget?.v ?? null, {
      id: 'budget',
      header: `${basis}数`,
      sortFn: 'decimal',
      cell: amountCell((r) => r.budget),
    }),
    classCol.accessor((r) => r.actual.v, {
      id: 'actual',
      header: '决算数',
      sortFn: 'decimal',
      cell: amountCell((r) => r.actual),
    }),
    classCol.accessor((r) => r.stated?.v ?? null, {
      id: 'stated',
      header: `执行率（原文，对${basis}）`,
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
      header: `执行率（计算，对${basis}）`,
      sortFn: 'decimal',
      cell: ({ row }) => <ComputedRateCell value={row.original.computed} />,
    }),
    classCol.accessor('check', {
      header: () => <span className="rate-check">核对</span>,
      sortFn: 'text',
      cell: ({ row }) => <RateCheckBadge check={row.original.check} />,
    }),
  ];
}

const CLASS_COLUMNS: Record<ClassExecutionRow['basis'], DataColumn<ClassExecutionRow>[]> = {
  年初预算: classColumns('年初预算'),
  全年预算: classColumns('全年预算'),
};

export function ClassExecutionTable({
  rows,
  basis,
  caption,
}: {
  /** Rows whose rates are against `basis` only. */
  rows: ClassExecutionRow[];
  basis: ClassExecutionRow['basis'];
  caption: ReactNode;
}) {
  return (
    <DataTable
      caption={caption}
      data={rows}
      columns={CLASS_COLUMNS[basis]}
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
    cell: amountCell((r) => r.initialBudget),
  }),
  projectCol.accessor((r) => r.fullYearBudget?.v ?? null, {
    id: 'fullYearBudget',
    header: '全年预算数',
    sortFn: 'decimal',
    cell: amountCell((r) => r.fullYearBudget),
  }),
  projectCol.accessor((r) => r.executed?.v ?? null, {
    id: 'executed',
    header: '全年执行数',
    sortFn: 'decimal',
    cell: amountCell((r) => r.executed),
  }),
  projectCol.accessor((r) => r.stated?.v ?? null, {
    id: 'stated',
    header: '执行率（原文，对全年预算）',
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
    header: '执行率（计算，对全年预算）',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <>
        <ComputedRateCell value={row.original.computed} />
        {row.original.under ? <span className="under-flag"> ▼ 低于80%</span> : null}
      </>
    ),
  }),
  projectCol.accessor('check', {
    header: () => <span className="rate-check">核对</span>,
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

/** Columns of a summary table whose rates are all against `basis`. */
function summaryColumns(basis: SummaryExecutionRow['basis']): DataColumn<SummaryExecutionRow>[] {
  return [
    summaryCol.accessor('document', { header: '单位（年度·口径·类型）', sortFn: 'text' }),
    summaryCol.accessor('what', { header: '汇总口径', sortFn: 'text' }),
    summaryCol.display({
      id: 'budget',
      header: basis === '全年预算' ? '全年预算数' : basis,
      cell: amountCell((r) => r.budget),
    }),
    summaryCol.display({
      id: 'executed',
      header: '执行数',
      cell: amountCell((r) => r.executed),
    }),
    summaryCol.display({
      id: 'stated',
      header: `执行率（原文，对${basis}）`,
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
      header: `执行率（计算，对${basis}）`,
      cell: ({ row }) => <ComputedRateCell value={row.original.computed} />,
    }),
    summaryCol.display({
      id: 'check',
      header: () => <span className="rate-check">核对</span>,
      cell: ({ row }) => <RateCheckBadge check={row.original.check} />,
    }),
  ];
}

const SUMMARY_COLUMNS: Record<SummaryExecutionRow['basis'], DataColumn<SummaryExecutionRow>[]> = {
  全年预算: summaryColumns('全年预算'),
  预算到位资金: summaryColumns('预算到位资金'),
};

export function SummaryExecutionTable({
  rows,
  basis,
  caption,
}: {
  /** Rows whose rates are against `basis` only. */
  rows: SummaryExecutionRow[];
  basis: SummaryExecutionRow['basis'];
  caption: ReactNode;
}) {
  return (
    <DataTable
      caption={caption}
      data={rows}
      columns={SUMMARY_COLUMNS[basis]}
      getRowId={(r) => r.id}
      rowClassName={(r) => (r.check === 'differs' ? 'row-flag' : undefined)}
    />
  );
}
