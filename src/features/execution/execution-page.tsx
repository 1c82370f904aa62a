/**
 * 预算执行: 年初预算 vs 决算 per unit and per 功能分类 类 (narrative statements), project-level
 * 全年预算数 vs 全年执行数, each printed rate beside the rate the dashboard computes.
 */
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { ChartFrame } from '@/components/chart-frame';
import { NoteList } from '@/components/note-list';
import { UnitProblems, viewGate } from '@/components/view-states';
import { Deferred } from '@/components/deferred';
import type { ChartTable } from '@/components/chart-frame';
import { comparisonNotes } from '@/data/compare-notes';
import { documentLabel, levelLabel, unitTag } from '@/data/labels';
import type { ManifestEntry } from '@/data/load';
import type { Bundle } from '@/data/schema';
import { formatAmount, formatPercent, NO_VALUE } from '@/lib/format';
import { memoByObjects } from '@/lib/memo';
import { useAppStore } from '@/store/app-store';
import { useComparedUnits } from '@/store/use-compared-units';
import type { DisplayUnit } from '@/store/types';
import { AmountChart } from './amount-chart';
import type { AmountPair } from './amount-chart';
import type {
  ClassExecutionRow,
  ProjectExecutionRow,
  SubjectAcrossUnits,
  SummaryExecutionRow,
} from './execution-data';
import {
  classExecutionRows,
  itemExecutionRows,
  projectExecutionRows,
  RATE_AXIS_CAP,
  RATE_CHECK_LABEL,
  subjectsAcrossUnits,
  summaryExecutionRows,
  UNDER_EXECUTION_THRESHOLD,
  unitExecutionState,
  unitStateMessage,
} from './execution-data';
import {
  ClassExecutionTable,
  ProjectExecutionTable,
  SummaryExecutionTable,
} from './execution-tables';
import { formatPrintedPercent } from '@/lib/format';
import { RateChart } from './rate-chart';
import type { BarCategory, BarSeries } from '@/components/grouped-bars';
import type { RateBar } from './rate-chart';
import './execution.css';
import { idRecord } from '@/lib/id-record';

// Per document, once: a selection change derives only the document added.
const classRowsOf = memoByObjects(classExecutionRows);
const itemRowsOf = memoByObjects(itemExecutionRows);
const projectRowsOf = memoByObjects(projectExecutionRows);
const summaryRowsOf = memoByObjects(summaryExecutionRows);

const BASES = ['年初预算', '全年预算'] as const satisfies readonly ClassExecutionRow['basis'][];

const SUMMARY_BASES = [
  '全年预算',
  '预算到位资金',
] as const satisfies readonly SummaryExecutionRow['basis'][];

/** Colour-blind-safe, dark enough for white text and a projector; series also carry text tags. */
const SERIES_COLORS = ['#1f4e9e', '#b45309', '#047857', '#7c3aed', '#be123c'];

interface AmountMultiple {
  entry: ManifestEntry;
  pairs: AmountPair[];
}

/**
 * One unit's 年初预算 and 决算 per subject, for its small chart. Memoised like the rows it comes
 * from, so a selection change passes the units that stay the same array and their (memoised)
 * charts are not drawn again.
 */
const amountPairsOf = memoByObjects((entry: ManifestEntry, bundle: Bundle): AmountPair[] =>
  classRowsOf(entry, bundle)
    .filter((r) => r.group === 'generalBudget')
    .map((r) => ({ label: r.subject, budget: r.budget, actual: r.actual })),
);

/** One small chart per unit. The first paints at once, the others frame by frame. */
function AmountMultiples({
  charts,
  unit,
  scaleMax,
}: {
  charts: AmountMultiple[];
  unit: DisplayUnit;
  /** Shared axis end (万元, geometry only); undefined: each chart its own scale. */
  scaleMax: number | undefined;
}) {
  return (
    <div className="small-multiples">
      {charts.map(({ entry, pairs }, i) => {
        const chart = (
          <AmountChart title={documentLabel(entry)} unit={unit} pairs={pairs} scaleMax={scaleMax} />
        );
        return (
          <div key={entry.id} className="small-multiple">
            {i === 0 ? chart : <Deferred minHeight={260}>{chart}</Deferred>}
          </div>
        );
      })}
    </div>
  );
}

/** The largest amount drawn in any small multiple (万元; `Number()` for pixel geometry only). */
function largestAmount(charts: readonly AmountMultiple[]): number {
  let max = 0;
  for (const { pairs } of charts) {
    for (const p of pairs) {
      for (const f of [p.budget, p.actual]) if (f !== null) max = Math.max(max, Number(f.v));
    }
  }
  return max;
}

/** The labelled switch between one shared scale (default) and a scale per small chart. */
function ScaleSwitch({ own, onChange }: { own: boolean; onChange: (own: boolean) => void }) {
  const id = useId();
  return (
    <p className="scale-switch">
      <input id={id} type="checkbox" checked={own} onChange={(e) => onChange(e.target.checked)} />{' '}
      <label htmlFor={id}>各图独立刻度（看清小单位的构成；条形长短不能跨图比较）</label>
    </p>
  );
}

function captionFor(entries: readonly ManifestEntry[], unit: string): string {
  return `单位：${unit}；${entries.map((e) => `${e.unit.name}（${levelLabel(e.unit)}·${e.unit.scope}·${e.fiscalYear}年${e.kind}）`).join('；')}`;
}

function rateLabel(r: ClassExecutionRow): string {
  if (r.computed === null) {
    return r.stated === null
      ? `${r.tag} ${NO_VALUE}（预算为0）`
      : `${r.tag} ${NO_VALUE}（预算为0，原文印${formatPrintedPercent(r.stated.v)}）`;
  }
  const differs =
    r.check === 'differs' && r.stated !== null ? `（原文${formatPrintedPercent(r.stated.v)}）` : '';
  return `${r.tag} ${formatPercent(r.computed)}${r.overflow ? ' ▶ 未按比例' : ''}${differs}`;
}

function rateTable(
  subjects: readonly SubjectAcrossUnits[],
  entries: readonly ManifestEntry[],
): ChartTable {
  return {
    columns: [
      '科目',
      ...entries.map((e) => `${documentLabel(e)} 执行率（对年初预算；计算 / 原文）`),
    ],
    rows: subjects.map((s) => [
      s.subject,
      ...entries.map((e) => {
        const r = s.byUnit[e.id];
        if (r === undefined) return '未说明';
        const stated = r.stated === null ? NO_VALUE : formatPrintedPercent(r.stated.v);
        return `${formatPercent(r.computed)} / ${stated}${r.check === 'differs' ? '（不一致）' : ''}`;
      }),
    ]),
  };
}

function amountTable(rows: readonly ClassExecutionRow[], unit: DisplayUnit): ChartTable {
  return {
    columns: ['单位', '科目', `年初预算（${unit}）`, `决算（${unit}）`],
    rows: rows.map((r) => [
      r.document,
      r.subject,
      formatAmount(r.budget?.v ?? null, unit),
      formatAmount(r.actual.v, unit),
    ]),
  };
}

export function ExecutionPage() {
  const compared = useComparedUnits();
  const displayUnit = useAppStore((s) => s.displayUnit);
  const measureMode = useAppStore((s) => s.measureMode);
  // Off: one scale for all small multiples, so bar lengths compare across units.
  const [ownScales, setOwnScales] = useState(false);

  const heading = <h2 id="execution-title">预算执行</h2>;
  const frame = (body: ReactNode) => (
    <section className="execution" aria-labelledby="execution-title">
      {heading}
      {body}
    </section>
  );

  const gate = viewGate(compared);
  if (gate) return frame(gate);

  const states = compared.units.map(({ entry, bundle, error }) => ({
    entry,
    state: unitExecutionState(entry, bundle ?? undefined, error ?? undefined),
  }));
  const ready = states.flatMap(({ entry, state }) =>
    state.kind === 'ready' || state.kind === 'noStatements'
      ? [{ entry, bundle: state.bundle }]
      : [],
  );
  const withRates = states.flatMap(({ entry, state }) =>
    state.kind === 'ready' ? [{ entry, bundle: state.bundle }] : [],
  );
  const classRows = withRates.flatMap(({ entry, bundle }) => classRowsOf(entry, bundle));
  const amountCharts = withRates.map(({ entry, bundle }) => ({
    entry,
    pairs: amountPairsOf(entry, bundle),
  }));
  const generalRows = classRows.filter((r) => r.group === 'generalBudget');
  const itemRows = withRates.flatMap(({ entry, bundle }) => itemRowsOf(entry, bundle));
  const sangongRows = classRows.filter((r) => r.group === 'sangong');
  const subjects = subjectsAcrossUnits(classRows);
  const rateEntries = withRates.map((w) => w.entry);
  const projectRows: ProjectExecutionRow[] = ready.flatMap(({ entry, bundle }) =>
    projectRowsOf(entry, bundle),
  );
  const summaryRows: SummaryExecutionRow[] = ready.flatMap(({ entry, bundle }) =>
    summaryRowsOf(entry, bundle),
  );
  const projectNotes = comparisonNotes(ready.map((r) => r.entry));
  const rateNotes = comparisonNotes(rateEntries);
  const series: BarSeries[] = rateEntries.map((e, i) => ({
    id: e.id,
    name: `${unitTag(e)}：${documentLabel(e)}`,
    color: SERIES_COLORS[i % SERIES_COLORS.length] ?? '#1f4e9e',
  }));
  const categories: BarCategory<RateBar>[] = subjects.map((s) => ({
    key: s.key,
    label: s.subject,
    bars: idRecord(
      Object.entries(s.byUnit).map(([id, r]) => [
        id,
        { rate: r.computed, overflow: r.overflow, label: rateLabel(r) },
      ]),
    ),
  }));
  const unitsWithoutProjects = ready.filter(
    ({ bundle }) =>
      bundle.performance.projects.length === 0 &&
      bundle.performance.projectSummary === null &&
      bundle.performance.department === null,
  );
  const messages = states.flatMap(({ entry, state }) => {
    const m = unitStateMessage(entry, state);
    return m === null || state.kind === 'error' ? [] : [m];
  });
  const errors = states.flatMap(({ entry, state }) =>
    state.kind === 'error' ? [{ entry, message: state.message }] : [],
  );
  const overflowRows = generalRows.filter((r) => r.overflow);

  return frame(
    <>
      {/* One line on the first screen; the rest folds, like the scope notes (print opens it). */}
      <details className="view-intro notes-fold">
        <summary>
          <span className="notes-fold-count">
            执行率口径：一般公共预算对年初预算，“三公”、项目和部门整体对全年预算
          </span>
        </summary>
        <p>
          一般公共预算按“完成年初预算”计算（决算数 ÷
          年初预算数）；“三公”经费、项目和部门整体自评按全年预算（调整后的预算，全年执行数 ÷
          全年预算数）。两种口径不放在同一列。多数文件的情况说明按“类”只印出年初预算，未印各类科目的全年（调整）预算数，所以图表中的一般公共预算没有对全年预算的执行率；有的文件（如上海市各部门决算）逐“项”说明执行情况，有的对全年预算，列在图表下方的逐项表中，表头写明口径。原文印出的执行率与本看板按原文金额计算的执行率并列显示，不一致处标“⚠
          不一致”，只差尾数的标“尾数差（提示）”；预算为0时没有执行率，显示“{NO_VALUE}”。
        </p>
      </details>
      <UnitProblems
        label="未显示执行情况的单位"
        what="预算执行"
        messages={messages}
        errors={errors}
      />

      <section className="execution-section" aria-labelledby="execution-class-title">
        <h3 id="execution-class-title">
          一般公共预算财政拨款支出：年初预算与决算（按功能分类 类）
        </h3>
        {withRates.length === 0 ? (
          <p className="state-message" role="status">
            所选单位都没有年初预算与决算的对比数据（预算文件没有执行数）。
          </p>
        ) : (
          <>
            {measureMode === 'share' ? (
              <ChartFrame
                title="完成年初预算的比例（执行率，对年初预算）"
                caption={`${captionFor(rateEntries, '%（执行率 = 决算 ÷ 年初预算，按原文金额计算）')}。横轴截至${RATE_AXIS_CAP}%，超出部分画入灰色区域并标出真实数值。`}
                summary={`各单位一般公共预算财政拨款支出及各类科目的执行率。${overflowRows
                  .map(
                    (r) =>
                      `${r.document}${r.subject}执行率${formatPercent(r.computed)}，超出${RATE_AXIS_CAP}%刻度`,
                  )
                  .join('；')}`}
                table={rateTable(subjects, rateEntries)}
                notes={rateNotes}
              >
                <RateChart
                  categories={categories}
                  series={series}
                  cap={Number(RATE_AXIS_CAP)}
                  references={[
                    { at: 100, label: '100%' },
                    {
                      at: Number(UNDER_EXECUTION_THRESHOLD),
                      label: `${UNDER_EXECUTION_THRESHOLD}%`,
                    },
                  ]}
                  labelWidth={210}
                  basis="年初预算"
                />
              </ChartFrame>
            ) : (
              <>
                <ScaleSwitch own={ownScales} onChange={setOwnScales} />
                <ChartFrame
                  title="年初预算与决算金额"
                  caption={`${captionFor(rateEntries, displayUnit)}。每个单位一张小图，${ownScales ? '各用自己的刻度（省级约为区县级的30倍），请勿跨图比较长短' : '各图共用同一刻度，条形长短可跨图比较'}。`}
                  summary="各单位一般公共预算财政拨款支出及各类科目的年初预算与决算金额，每个单位一张小图。"
                  table={amountTable(generalRows, displayUnit)}
                  notes={rateNotes}
                >
                  <AmountMultiples
                    charts={amountCharts}
                    unit={displayUnit}
                    scaleMax={ownScales ? undefined : largestAmount(amountCharts)}
                  />
                </ChartFrame>
              </>
            )}
            <Deferred minHeight={400}>
              <ClassExecutionTable
                rows={generalRows}
                basis="年初预算"
                caption={`年初预算、决算与执行率（对年初预算；金额单位：${displayUnit}；“原文”为文件印出的数，“计算”为决算数 ÷ 年初预算数）`}
              />
            </Deferred>
            {sangongRows.length > 0 ? (
              <Deferred minHeight={300}>
                <ClassExecutionTable
                  rows={sangongRows}
                  basis="全年预算"
                  caption={`“三公”经费：全年预算与决算（执行率对全年预算；金额单位：${displayUnit}；分项原文未印预算数时无法核算）`}
                />
              </Deferred>
            ) : null}
            {BASES.map((basis) => {
              // One table per basis, as above: rates against different budgets never share a column.
              const rows = itemRows.filter((r) => r.basis === basis);
              return rows.length > 0 ? (
                <Deferred key={basis} minHeight={300}>
                  <ClassExecutionTable
                    rows={rows}
                    basis={basis}
                    caption={`情况说明逐项列出的一般公共预算财政拨款支出（${basis === '全年预算' ? '合计与功能分类科目' : '功能分类 款、项'}，执行率对${basis}；按原文顺序；金额单位：${displayUnit}）`}
                  />
                </Deferred>
              ) : null;
            })}
          </>
        )}
      </section>

      <section className="execution-section" aria-labelledby="execution-project-title">
        <h3 id="execution-project-title">项目支出：全年预算数与全年执行数</h3>
        {projectRows.length === 0 && summaryRows.length === 0 ? (
          <p className="state-message" role="status">
            所选单位没有项目支出绩效自评表，无法显示项目执行率。
          </p>
        ) : null}
        {unitsWithoutProjects.length > 0 ? (
          <div role="status" aria-label="没有项目自评表的单位">
            <ul className="unit-messages">
              {unitsWithoutProjects.map(({ entry }) => (
                <li key={entry.id}>{documentLabel(entry)}：没有项目支出绩效自评表。</li>
              ))}
            </ul>
          </div>
        ) : null}
        {projectRows.length > 0 ? (
          <>
            <NoteList
              role="note"
              label="项目对比口径说明"
              className="scope-notes"
              items={projectNotes}
            />
            <p className="legend-note">
              <span className="under-flag">▼ 低于{UNDER_EXECUTION_THRESHOLD}%</span>
              ：执行率低于{UNDER_EXECUTION_THRESHOLD}
              %的项目（执行不足），整行以浅红底标出。点击表头排序。
            </p>
            <Deferred minHeight={400}>
              <ProjectExecutionTable
                rows={projectRows}
                caption={`项目执行率（对全年预算 = 全年执行数 ÷ 全年预算数；金额单位：${displayUnit}，原文以元计的标“元”；${RATE_CHECK_LABEL.differs}处标⚠）`}
              />
            </Deferred>
          </>
        ) : null}
        {SUMMARY_BASES.map((basis) => {
          // One table per basis: a rate against 全年预算 and one against 预算到位资金 never share
          // a column.
          const rows = summaryRows.filter((r) => r.basis === basis);
          return rows.length > 0 ? (
            <Deferred key={basis} minHeight={300}>
              <SummaryExecutionTable
                rows={rows}
                basis={basis}
                caption={`项目/部门整体执行情况汇总（执行率对${basis}；金额单位：${displayUnit}，原文以元计的按原文标“元”）`}
              />
            </Deferred>
          ) : null;
        })}
      </section>
    </>,
  );
}
