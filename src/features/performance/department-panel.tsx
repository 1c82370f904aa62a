/**
 * 部门整体支出绩效自评 (department-wide self-evaluation): scores, fund tables and indicators.
 * Amounts are in 元 as printed (the table says 元), whatever unit the comparison bar chooses.
 */
import { DataTable, dataTableColumns } from '@/components/data-table';
import type { DataColumn } from '@/components/data-table';
import type { FundRow, Indicator } from '@/data/schema-performance';
import {
  AmountFigure,
  FlagList,
  IndicatorText,
  PercentFigure,
  PrintedFigure,
} from './figure-cells';
import type { DepartmentBlock } from './performance-data';
import type { AmountUnit } from '@/domain/money';

interface FundLine {
  key: string;
  group: string;
  fund: FundRow;
  bundleId: string;
  document: string;
  unit: AmountUnit;
}

const fundCol = dataTableColumns<FundLine>();

const amountColumn = (
  key: 'declared' | 'budgeted' | 'fullYearBudget' | 'executed' | 'balance',
  header: string,
) =>
  fundCol.accessor((r) => r.fund[key]?.v ?? null, {
    id: key,
    header,
    sortFn: 'decimal',
    cell: ({ row }) => (
      <AmountFigure
        fig={row.original.fund[key]}
        bundleId={row.original.bundleId}
        document={row.original.document}
        unit={row.original.unit}
        asPrinted
      />
    ),
  });

const FUND_COLUMNS: DataColumn<FundLine>[] = [
  fundCol.accessor('group', { header: '划分', sortFn: 'text' }),
  fundCol.accessor((r) => r.fund.label, { id: 'label', header: '项目', sortFn: 'text' }),
  amountColumn('declared', '年初预算数（目标申报数）'),
  amountColumn('budgeted', '年初预算数（预算编制数）'),
  amountColumn('fullYearBudget', '全年预算数'),
  amountColumn('executed', '全年执行数'),
  amountColumn('balance', '资金结余'),
  fundCol.accessor((r) => r.fund.executionRate?.v ?? null, {
    id: 'rate',
    header: '执行率',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <PercentFigure
        fig={row.original.fund.executionRate}
        bundleId={row.original.bundleId}
        document={row.original.document}
      />
    ),
  }),
  fundCol.accessor((r) => r.fund.executionScore?.v ?? null, {
    id: 'score',
    header: '得分（满分10）',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <PrintedFigure
        fig={row.original.fund.executionScore}
        bundleId={row.original.bundleId}
        document={row.original.document}
      />
    ),
  }),
];

interface IndicatorLine {
  key: string;
  ind: Indicator;
  bundleId: string;
  document: string;
}

const indCol = dataTableColumns<IndicatorLine>();

const IND_COLUMNS: DataColumn<IndicatorLine>[] = [
  indCol.accessor((r) => r.ind.level1 ?? '', { id: 'l1', header: '一级指标', sortFn: 'text' }),
  indCol.accessor((r) => r.ind.level2 ?? '', { id: 'l2', header: '二级指标', sortFn: 'text' }),
  indCol.accessor((r) => r.ind.name ?? '', { id: 'name', header: '指标名称', sortFn: 'text' }),
  indCol.accessor((r) => r.ind.target ?? '', {
    id: 'target',
    header: '年度指标',
    sortFn: 'text',
    cell: ({ row }) => <IndicatorText text={row.original.ind.target} row={row.original} />,
  }),
  indCol.accessor((r) => r.ind.actual ?? '', {
    id: 'actual',
    header: '实际完成值',
    sortFn: 'text',
    cell: ({ row }) => <IndicatorText text={row.original.ind.actual} row={row.original} />,
  }),
  indCol.accessor((r) => r.ind.weight?.v ?? null, {
    id: 'weight',
    header: '权重',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <PrintedFigure
        fig={row.original.ind.weight}
        bundleId={row.original.bundleId}
        document={row.original.document}
      />
    ),
  }),
  indCol.accessor((r) => r.ind.score?.v ?? null, {
    id: 'score',
    header: '得分',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <PrintedFigure
        fig={row.original.ind.score}
        bundleId={row.original.bundleId}
        document={row.original.document}
      />
    ),
  }),
];

export function DepartmentPanel({ block }: { block: DepartmentBlock }) {
  const d = block.department;
  const ref = { bundleId: block.bundleId, document: block.document };
  const fundLines: FundLine[] = [
    ...(['bySource', 'byDirection'] as const).flatMap((side) => {
      const b = d[side];
      const group = side === 'bySource' ? '按资金来源' : '按资金方向';
      return [...(b.total ? [b.total] : []), ...b.rows].map((fund, i) => ({
        key: `${side}-${i}`,
        group,
        fund,
        unit: d.unit,
        ...ref,
      }));
    }),
  ];
  const rate = d.bySource.total?.executionRate ?? d.byDirection.total?.executionRate ?? null;
  const title = `部门整体支出绩效自评：${d.name ?? block.unitName}（${block.year}年，${block.scope}）`;
  return (
    <article className="perf-dept" aria-label={title}>
      <h4>{title}</h4>
      <dl className="perf-scores">
        <div>
          <dt>执行率</dt>
          <dd>
            <PercentFigure fig={rate} {...ref} />
          </dd>
        </div>
        <div>
          <dt>预算执行情况得分</dt>
          <dd>
            <PrintedFigure fig={d.statedExecutionScore} {...ref} /> 分
          </dd>
        </div>
        <div>
          <dt>指标完成情况得分</dt>
          <dd>
            <PrintedFigure fig={d.statedIndicatorScore} {...ref} /> 分
          </dd>
        </div>
        <div>
          <dt>总得分</dt>
          <dd className="perf-total">
            <PrintedFigure fig={d.totalScore} {...ref} /> 分{' '}
            {d.grade ? <span className={`grade grade-${d.grade.v}`}>{d.grade.v}</span> : null}
          </dd>
        </div>
      </dl>
      {block.findings.length > 0 ? <FlagList flags={block.findings} {...ref} /> : null}
      <DataTable
        caption={`资金执行（单位：${d.unit}，按原文；${block.document}）`}
        data={fundLines}
        columns={FUND_COLUMNS}
        getRowId={(r) => r.key}
      />
      <DataTable
        caption={`部门整体绩效指标（${d.indicators.length} 项；${block.document}）`}
        data={d.indicators.map((ind, i) => ({ key: `i${i}`, ind, ...ref }))}
        columns={IND_COLUMNS}
        getRowId={(r) => r.key}
        className="perf-scroll"
      />
    </article>
  );
}
