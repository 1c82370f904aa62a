/** The execution view's tables: per 类 (narrative statements), per project, and unit summaries. */
import type { ReactNode } from 'react';
import { DataTable, dataTableColumns } from '@/components/data-table';
import type { DataColumn } from '@/components/data-table';
import { computedRate } from '@/components/figure-value';
import type { Fig } from '@/data/schema-common';
import { valueIn万元 } from '@/data/table-cell';
import type { DecimalString } from '@/domain/money';
import type {
  ClassExecutionRow,
  ProjectExecutionRow,
  RateCheck,
  SummaryExecutionRow,
} from './execution-data';
import { AmountCell, ComputedRateCell, RateCheckBadge, StatedRateCell } from './figure-cells';
import type { AmountUnit } from '@/domain/money';

/** What every row of these tables carries: its document, and the unit its amounts were printed in. */
interface DocumentRow {
  bundleId: string;
  document: string;
  /** 万元 where absent. */
  unit?: AmountUnit;
}

/** A row with a printed rate beside the rate the dashboard computes. */
interface RateRow extends DocumentRow {
  stated: Fig | null;
  computed: DecimalString | null;
  check: RateCheck;
}

/**
 * An amount column: the row's figure `pick`, linked to its source line, in the row's printed unit.
 * It sorts by the figure in 万元, so a project printed in 元 ranks by its size among 万元 ones.
 */
function amountColumn<R extends DocumentRow>(
  id: string,
  header: string,
  pick: (r: R) => Fig | null,
): DataColumn<R> {
  return dataTableColumns<R>().accessor((r) => valueIn万元(r.unit ?? '万元', pick(r)), {
    id,
    header,
    sortFn: 'decimal',
    cell: ({ row }) => (
      <AmountCell
        fig={pick(row.original)}
        bundleId={row.original.bundleId}
        document={row.original.document}
        unit={row.original.unit ?? '万元'}
      />
    ),
  });
}

/**
 * The three columns every execution table ends with, all against one budget (`basis`): the rate
 * as printed, the rate computed from the printed amounts (`mark` adds a flag after it) and whether
 * the two agree. The headers name the basis, so rates against different budgets never share a
 * column.
 */
function rateColumns<R extends RateRow>(
  basis: string,
  amounts: (r: R) => { budget: Fig | null; actual: Fig | null; actualName: string },
  mark?: (r: R) => ReactNode,
): DataColumn<R>[] {
  const col = dataTableColumns<R>();
  return [
    col.accessor((r) => r.stated?.v ?? null, {
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
    col.accessor((r) => r.computed, {
      id: 'computed',
      header: `执行率（计算，对${basis}）`,
      sortFn: 'decimal',
      cell: ({ row }) => {
        const r = row.original;
        const { budget, actual, actualName } = amounts(r);
        return (
          <>
            <ComputedRateCell
              fig={computedRate(
                r.computed,
                { name: actualName, fig: actual },
                { name: `${basis}数`, fig: budget },
              )}
              bundleId={r.bundleId}
              document={r.document}
            />
            {mark?.(r)}
          </>
        );
      },
    }),
    col.accessor((r) => r.check, {
      id: 'check',
      header: () => <span className="rate-check">核对</span>,
      sortFn: 'text',
      cell: ({ row }) => <RateCheckBadge check={row.original.check} />,
    }),
  ];
}

const classCol = dataTableColumns<ClassExecutionRow>();

function classColumns(basis: ClassExecutionRow['basis']): DataColumn<ClassExecutionRow>[] {
  return [
    classCol.accessor('document', { header: '单位（年度·口径·类型）', sortFn: 'text' }),
    classCol.accessor('subject', { header: '科目', sortFn: 'text' }),
    amountColumn('budget', `${basis}数`, (r: ClassExecutionRow) => r.budget),
    amountColumn('actual', '决算数', (r: ClassExecutionRow) => r.actual),
    ...rateColumns<ClassExecutionRow>(basis, (r) => ({
      budget: r.budget,
      actual: r.actual,
      actualName: '决算数',
    })),
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
  amountColumn('initialBudget', '年初预算数', (r: ProjectExecutionRow) => r.initialBudget),
  amountColumn('fullYearBudget', '全年预算数', (r: ProjectExecutionRow) => r.fullYearBudget),
  amountColumn('executed', '全年执行数', (r: ProjectExecutionRow) => r.executed),
  ...rateColumns<ProjectExecutionRow>(
    '全年预算',
    (r) => ({ budget: r.fullYearBudget, actual: r.executed, actualName: '全年执行数' }),
    (r) => (r.under ? <span className="under-flag"> ▼ 低于80%</span> : null),
  ),
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

function summaryColumns(basis: SummaryExecutionRow['basis']): DataColumn<SummaryExecutionRow>[] {
  return [
    summaryCol.accessor('document', { header: '单位（年度·口径·类型）', sortFn: 'text' }),
    summaryCol.accessor('what', { header: '汇总口径', sortFn: 'text' }),
    amountColumn(
      'budget',
      basis === '全年预算' ? '全年预算数' : basis,
      (r: SummaryExecutionRow) => r.budget,
    ),
    amountColumn('executed', '执行数', (r: SummaryExecutionRow) => r.executed),
    ...rateColumns<SummaryExecutionRow>(basis, (r) => ({
      budget: r.budget,
      actual: r.executed,
      actualName: '执行数',
    })),
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
