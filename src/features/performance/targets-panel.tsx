/**
 * 项目支出绩效目标 of a budget: what each project aims for (targets, not scores), with its money
 * in the unit printed (元 in Shanxi's budgets) and its indicators.
 */
import { DataTable, dataTableColumns } from '@/components/data-table';
import { useAppStore } from '@/store/app-store';
import type { DataColumn } from '@/components/data-table';
import type { TargetIndicator } from '@/data/schema-performance';
import { valueIn万元 } from '@/data/table-cell';
import { AmountFigure, FlagList, IndicatorText, PrintedFigure } from './figure-cells';
import type { TargetBlock, TargetRow } from './performance-data';

const col = dataTableColumns<TargetRow>();

/** `mixed`: the block's targets are printed in 元 and in 万元, so a 元 figure says 元. */
const columns = (mixed: boolean): DataColumn<TargetRow>[] => [
  col.accessor((r) => r.target.name, { id: 'name', header: '项目名称', sortFn: 'text' }),
  col.accessor((r) => String(r.year), {
    id: 'year',
    header: '年度',
    sortFn: 'alphanumeric',
    cell: ({ getValue }) => `${getValue()}年`,
  }),
  col.accessor((r) => r.target.implementingUnit ?? '', {
    id: 'impl',
    header: '实施单位',
    sortFn: 'text',
  }),
  col.accessor((r) => r.target.attribute ?? '', { id: 'attr', header: '项目属性', sortFn: 'text' }),
  col.accessor((r) => valueIn万元(r.target.unit, r.annual), {
    id: 'annual',
    header: '年度资金总额',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <AmountFigure
        fig={row.original.annual}
        bundleId={row.original.bundleId}
        document={row.original.document}
        unit={row.original.target.unit}
        asPrinted
        markPrinted={mixed}
      />
    ),
  }),
  col.accessor((r) => valueIn万元(r.target.unit, r.period), {
    id: 'period',
    header: '实施期资金总额',
    sortFn: 'decimal',
    cell: ({ row }) => (
      <AmountFigure
        fig={row.original.period}
        bundleId={row.original.bundleId}
        document={row.original.document}
        unit={row.original.target.unit}
        asPrinted
        markPrinted={mixed}
      />
    ),
  }),
  col.accessor((r) => String(r.target.indicators.length), {
    id: 'count',
    header: '指标数',
    sortFn: 'decimal',
  }),
];

const COLUMNS = { single: columns(false), mixed: columns(true) };

interface IndicatorLine {
  key: string;
  ind: TargetIndicator;
  bundleId: string;
  document: string;
}

const indCol = dataTableColumns<IndicatorLine>();

const IND_COLUMNS: DataColumn<IndicatorLine>[] = [
  indCol.accessor((r) => r.ind.level1 ?? '', { id: 'l1', header: '一级指标', sortFn: 'text' }),
  indCol.accessor((r) => r.ind.level2 ?? '', { id: 'l2', header: '二级指标', sortFn: 'text' }),
  indCol.accessor((r) => r.ind.name ?? '', { id: 'name', header: '三级指标', sortFn: 'text' }),
  indCol.accessor((r) => r.ind.annualValue ?? '', {
    id: 'annual',
    header: '年度指标值（目标）',
    sortFn: 'text',
    cell: ({ row }) => <IndicatorText text={row.original.ind.annualValue} row={row.original} />,
  }),
  indCol.accessor((r) => r.ind.periodValue ?? '', {
    id: 'period',
    header: '实施期指标值（目标）',
    sortFn: 'text',
    cell: ({ row }) => <IndicatorText text={row.original.ind.periodValue} row={row.original} />,
  }),
];

/** The targets' money is shown as printed: its one unit named, or 元 figures marked among 万元. */
function unitNote(units: ReadonlySet<string>): string {
  const [only] = units;
  return units.size === 1
    ? `金额单位：${only}，按原文`
    : '金额按原文，以元计者标“元”，其余以万元计';
}

export function TargetsPanel({ block }: { block: TargetBlock }) {
  const ref = { bundleId: block.bundleId, document: block.document };
  const displayUnit = useAppStore((s) => s.displayUnit);
  const units = new Set(block.rows.map((r) => r.target.unit));
  const title = `${block.unitName}（${block.year}年${block.scope}预算）项目支出绩效目标`;
  return (
    <article className="perf-targets" aria-label={title}>
      <h4>{title}</h4>
      <p className="perf-note">这些是预算编制时设定的目标值，不是评价得分。</p>
      {block.summary ? (
        <p>
          情况说明：纳入绩效目标管理的二级项目 <PrintedFigure fig={block.summary.count} {...ref} />{' '}
          个，共计金额 <AmountFigure fig={block.summary.amount} {...ref} unit="万元" />{' '}
          {displayUnit}。
        </p>
      ) : null}
      {block.findings.length > 0 ? <FlagList flags={block.findings} {...ref} /> : null}
      {block.rows.length === 0 ? (
        <p className="state-message">本文件未附项目支出绩效目标表。</p>
      ) : (
        <>
          <DataTable
            caption={`项目支出绩效目标表（${unitNote(units)}；${block.document}）`}
            data={block.rows}
            columns={COLUMNS[units.size > 1 ? 'mixed' : 'single']}
            getRowId={(r) => r.key}
          />
          {block.rows.map((r) => (
            <details key={r.key} className="perf-target-detail">
              <summary>
                绩效指标：{r.target.name}（{r.target.indicators.length} 项）
              </summary>
              {r.target.annualGoal ? (
                <p className="perf-note">年度目标：{r.target.annualGoal}</p>
              ) : null}
              <DataTable
                caption={`${r.target.name} 绩效指标（${r.year}年目标值）`}
                data={r.target.indicators.map((ind, i) => ({ key: `${r.key}-${i}`, ind, ...ref }))}
                columns={IND_COLUMNS}
                getRowId={(x) => x.key}
              />
            </details>
          ))}
        </>
      )}
    </article>
  );
}
