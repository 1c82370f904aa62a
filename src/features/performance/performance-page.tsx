/**
 * 绩效评价 view: project self-evaluation scores (sortable table with findings beside
 * each project), grade mix per unit, score against execution rate, the department-wide
 * self-evaluation and the budget's performance targets. Derivation: ./performance-data.ts.
 */
import { ChartFrame } from '@/components/chart-frame';
import { Deferred } from '@/components/deferred';
import { SourceLink } from '@/components/source-link';
import { documentLabel } from '@/data/labels';
import { formatPercent, NO_VALUE } from '@/lib/format';
import { memoByObjects } from '@/lib/memo';
import { useAppStore } from '@/store/app-store';
import { useSourceHref } from '@/store/use-source-href';
import { DepartmentPanel } from './department-panel';
import { AmountFigure, FlagList, PercentFigure, PrintedFigure } from './figure-cells';
import { GRADE_LABEL, GradeChart } from './grade-chart';
import { GRADES, performanceForBundle, scatterSeries, unplottedReason } from './performance-data';
import type { PerformanceUnitData, SummaryBlock } from './performance-data';
import { ProjectTable } from './project-table';
import { ScoreScatter } from './score-scatter';
import { TargetsPanel } from './targets-panel';
import { useComparedUnits } from '@/store/use-compared-units';
import type { ComparedUnit } from '@/store/use-compared-units';
import { CompareNotes, UnitStatusList, viewGate } from '@/components/view-states';
import './performance.css';

// Per document, once: a selection change derives only the document added.
const performanceOf = memoByObjects(performanceForBundle);

interface UnitResult {
  unit: ComparedUnit;
  data: PerformanceUnitData;
}

export function PerformancePage() {
  const compared = useComparedUnits();
  const displayUnit = useAppStore((s) => s.displayUnit);
  const mode = useAppStore((s) => s.measureMode);
  const hrefFor = useSourceHref();
  const gate = viewGate(compared);

  const results: UnitResult[] = compared.units.flatMap((unit) =>
    unit.bundle ? [{ unit, data: performanceOf(unit.entry, unit.bundle) }] : [],
  );
  const projects = results.flatMap((r) => r.data.projects);
  const withProjects = results.filter((r) => r.data.projects.length > 0);
  const withoutProjects = results.filter((r) => r.data.projects.length === 0);
  const mixes = withProjects.map((r) => r.data.mix);
  const { series, unplotted } = scatterSeries(projects);
  const departments = results.flatMap((r) => (r.data.department ? [r.data.department] : []));
  const targets = results.flatMap((r) => (r.data.targets ? [r.data.targets] : []));
  const summaries = results.flatMap((r) => (r.data.summary ? [r.data.summary] : []));
  const projectYears = [...new Set(projects.map((p) => p.year))].sort((a, b) => a - b);
  const yearsText = projectYears.map((y) => `${y}年`).join('、');
  const nothing =
    projects.length === 0 && departments.length === 0 && targets.length === 0 && results.length > 0;

  return (
    <section aria-labelledby="performance-title" className="performance-view">
      <h2 id="performance-title">绩效评价</h2>
      {gate ?? (
        <>
          <CompareNotes selected={compared.selected} units={compared.units} />
          <UnitStatusList units={compared.units} />
          {nothing ? (
            <p className="state-message" role="status">
              所选文件没有绩效自评或绩效目标。
            </p>
          ) : null}

          {/* The grade mix first: a chart on the first screen, the long project table after it. */}
          {mixes.length > 0 ? (
            <ChartFrame
              title="自评等级分布（各单位）"
              caption={`${mode === 'share' ? '各等级占本单位已评项目的百分比（%）' : '单位：项目个数'}；年度：${yearsText}；口径：${[...new Set(mixes.map((m) => m.scope))].join('、')}；只计入所附项目自评表，各单位分别列示、不相加。`}
              summary={`自评等级分布：${mixes
                .map(
                  (m) =>
                    `${m.unitName}${m.year}年 ${GRADES.map((g) => `${g}${m.counts[g]}个`).join('、')}`,
                )
                .join('；')}。`}
              table={{
                columns: [
                  '单位（年度·口径）',
                  ...GRADES.map((g) => `${g}（${GRADE_LABEL[g]}）`),
                  '已评项目数',
                  '情况说明所述',
                ],
                rows: mixes.map((m) => [
                  `${m.unitName}（${m.year}年·${m.scope}）`,
                  ...GRADES.map((g) => `${m.counts[g]}个（${formatPercent(m.shares[g])}）`),
                  `${m.graded}个`,
                  m.stated.length > 0
                    ? m.stated.map((s) => `${s.grade}${s.count.v}个`).join('、')
                    : NO_VALUE,
                ]),
              }}
              notes={withoutProjects.map(
                (r) => `${documentLabel(r.unit.entry)}：未附项目自评表，不在图中。`,
              )}
            >
              <GradeChart mixes={mixes} mode={mode} />
            </ChartFrame>
          ) : null}
          <section aria-labelledby="perf-projects-title" className="perf-section">
            <h3 id="perf-projects-title">项目支出绩效自评</h3>
            {withoutProjects.length > 0 ? (
              <ul className="unit-status" aria-label="没有项目自评表的文件">
                {withoutProjects.map((r) => (
                  <NoProjectsNote key={r.unit.entry.id} result={r} />
                ))}
              </ul>
            ) : null}
            {projects.length > 0 ? (
              <Deferred minHeight={600}>
                <ProjectTable
                  rows={projects}
                  caption={`全部项目自评（${projects.length} 个；年度：${yearsText}；金额单位：${displayUnit}；得分满分100；执行率 = 全年执行数 ÷ 全年预算数，带 ※ 者原文未印、为计算值；点击表头排序）`}
                />
              </Deferred>
            ) : null}
            {summaries.map((s) => (
              <SummaryNote key={s.bundleId} block={s} hrefFor={hrefFor(s.bundleId)} />
            ))}
          </section>

          {projects.length > 0 ? (
            <Deferred minHeight={600}>
              <ChartFrame
                title="自评得分与执行率"
                caption={`横轴：执行率（%）；纵轴：自评得分（满分100）；每个单位一个系列（形状不同）；年度：${yearsText}；得分低于80或执行率低于80%的项目标出名称（标签放不下时见悬停提示和数据表）。`}
                summary={`自评得分对执行率的散点图，共 ${projects.length - unplotted.length} 个项目：${series
                  .map((s) => `${s.label} ${s.points.length} 个`)
                  .join('；')}。`}
                table={{
                  columns: ['单位（年度）', '项目', '执行率', '自评得分', '等级'],
                  rows: series.flatMap((s) =>
                    s.points.map((p) => [
                      s.label,
                      p.name,
                      `${formatPercent(p.row.rate)}${p.row.rateComputed ? ' ※' : ''}`,
                      p.row.score?.v ?? NO_VALUE,
                      p.row.grade ?? NO_VALUE,
                    ]),
                  ),
                }}
                notes={[
                  ...unplotted.map(
                    (r) => `未画出：${r.unitName}“${r.name}”——${unplottedReason(r)}。`,
                  ),
                  ...(projects.some((p) => p.rateComputed)
                    ? ['带 ※ 的执行率原文未印出，按 支付金额 ÷ 预算指标 计算。']
                    : []),
                ]}
              >
                <ScoreScatter series={series} />
              </ChartFrame>
            </Deferred>
          ) : null}

          {departments.length > 0 ? (
            <section aria-labelledby="perf-dept-title" className="perf-section">
              <h3 id="perf-dept-title">部门整体支出绩效自评</h3>
              <p className="perf-note">
                金额按原文的单位列示（不随上方金额单位切换），单位见各表标题。
              </p>
              {departments.map((d) => (
                <Deferred key={d.bundleId} minHeight={300}>
                  <DepartmentPanel block={d} />
                </Deferred>
              ))}
            </section>
          ) : null}

          {targets.length > 0 ? (
            <section aria-labelledby="perf-targets-title" className="perf-section">
              <h3 id="perf-targets-title">项目支出绩效目标（预算）</h3>
              {targets.map((t) => (
                <Deferred key={t.bundleId} minHeight={300}>
                  <TargetsPanel block={t} />
                </Deferred>
              ))}
            </section>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Why a document has no rows in the project table, with what it does state. */
function NoProjectsNote({ result }: { result: UnitResult }) {
  const { entry } = result.unit;
  const doc = documentLabel(entry);
  const stated = result.data.mix.statedProjects;
  if (entry.kind === '预算') {
    return (
      <li className="state-message">
        {doc}：预算文件没有自评得分，只有绩效目标（见下方“项目支出绩效目标”）。
      </li>
    );
  }
  return (
    <li className="state-message">
      {doc}：未附项目支出绩效自评表
      {stated ? (
        <>
          ；情况说明称涉及二级项目 <PrintedFigure fig={stated} bundleId={entry.id} document={doc} />{' '}
          个
        </>
      ) : null}
      {result.data.department ? '；部门整体自评见下方' : ''}。
    </li>
  );
}

/** A summary report's totals (district): budget, spent, stated rate, with its finding. */
function SummaryNote({
  block,
  hrefFor,
}: {
  block: SummaryBlock;
  hrefFor: (line: number) => string;
}) {
  const s = block.summary;
  const ref = { bundleId: block.bundleId, document: block.document };
  const displayUnit = useAppStore((st) => st.displayUnit);
  return (
    <div className="perf-summary">
      <p>
        <strong>{block.document}</strong> 项目支出总体情况（原文）：预算到位资金{' '}
        <AmountFigure fig={s.statedBudget} {...ref} unit="万元" />
        {displayUnit}，支出金额 <AmountFigure fig={s.statedExecuted} {...ref} unit="万元" />
        {displayUnit}，预算支出进度 <PercentFigure fig={s.statedRate} {...ref} />
        {s.statedCount ? (
          <>
            ，涉及{' '}
            <SourceLink
              href={hrefFor(s.statedCount.line)}
              document={block.document}
              line={s.statedCount.line}
            >
              {s.statedCount.v}
            </SourceLink>{' '}
            个项目
          </>
        ) : null}
        。
      </p>
      {block.findings.length > 0 ? <FlagList flags={block.findings} {...ref} /> : null}
    </div>
  );
}
