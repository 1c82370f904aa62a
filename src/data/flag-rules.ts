/**
 * 疑点: the rules an auditor applies by hand to pick out items that need a question, run over one
 * document's bundle. Pure (no React, no store); the 疑点 view lists the result for the compared
 * units and the overview card counts it, so the rules live here, below both features.
 *
 * Every flag names the printed figures that trip it (each with its line) and the measure computed
 * from them by src/domain; nothing is corrected. Findings of the ingest (数据校验) stay where they
 * are: a flag lists those on the same lines as related.
 */
import {
  budgetDeviation,
  beyond,
  elapsedYearShare,
  executionScoreFor,
  indicatorTargetMet,
  pointsMoved,
} from '../domain/flag-measures';
import { executionRate, gradeForScore, share, yoyChange } from '../domain/measures';
import type { Decimal } from '../domain/money';
import { dec, sum } from '../domain/money';
import type { ManifestEntry } from './load';
import { SANGONG_PARTS, readSangong, sangongFigure } from './sangong';
import type { Bundle, Finding } from './schema';
import type { DerivedFig, Fig } from './schema-common';
import {
  isClassKey,
  isItemKey,
  type ExecutionStatement,
  type YoyStatement,
} from './schema-narrative';
import { headlineFunds } from './schema-performance';
import type { FundRow, Grade, Indicator } from './schema-performance';
import { tableCell } from './table-cell';
import type { FlagRuleId, FlagSeverity, ThresholdValues } from './flag-thresholds';
import type { AmountUnit } from '@/domain/money';

/** A figure a flag rests on, as printed (or derived, marked so), with what it is. */
export interface FlagFigure {
  label: string;
  fig: Fig | DerivedFig;
  kind: 'amount' | 'percent' | 'score';
  /** Amounts: the unit printed (the department self-evaluation is in 元). */
  unit?: AmountUnit;
}

export interface Flag {
  /** Unique across documents: `<bundle id>/<rule>/<what>`. */
  id: string;
  docId: string;
  rule: FlagRuleId;
  /** Which test of the rule: 决算/年初预算, 评级与执行率, 总分与分项 … */
  check: string;
  /** The item: a 类, a project, 三公 or a part, the unit's totals. */
  item: string;
  severity: FlagSeverity;
  /** The computed measure that crosses the threshold, as shown ("146.32%（+46.32%）"). */
  measure: string;
  /** One sentence: what the figures say against the threshold. */
  message: string;
  figures: FlagFigure[];
  /** 数据校验 findings on the same lines (they stay in 数据校验; a flag points to them). */
  related: Finding[];
}

/** One sentence and its basis per rule, shown on screen and in the README. */
export interface RuleInfo {
  id: FlagRuleId;
  name: string;
  /** What trips it, in one sentence. */
  sentence: string;
  /** Why this threshold: the assessment practice it comes from. */
  basis: string;
  /** How severity is set. */
  severity: string;
}

export const RULE_INFO: Record<FlagRuleId, RuleInfo> = {
  deviation: {
    id: 'deviation',
    name: '预算偏离',
    sentence:
      '一般公共预算财政拨款支出合计及各“类”（情况说明逐“项”说明的，各“项”）的决算与年初预算相比（部门整体绩效自评另与全年预算相比）偏离超过阈值。',
    basis:
      '预算执行评价中“预算调整率”超过30%即扣分；决算与预算相差三成以上说明预算编制或调整需要解释。',
    severity: '偏离超过阈值两倍或年初预算为0而有支出为“高”，其余为“中”。',
  },
  lowExecution: {
    id: 'lowExecution',
    name: '执行率偏低',
    sentence:
      '一般公共预算财政拨款支出合计、各“类”或情况说明逐项说明的“项”（决算÷年初预算，说明对全年预算的按全年预算），或项目（全年执行数÷全年预算数）的执行率低于阈值；年度尚未结束的文件改按序时进度（当年已过天数占全年的比例）比较。',
    basis:
      '绩效自评中预算执行率占10分，按执行率计分；执行率低于80%通常被视为执行偏慢，年度中按序时进度考核。',
    severity: '执行率不到阈值一半为“高”，其余为“中”。',
  },
  gradeExecution: {
    id: 'gradeExecution',
    name: '评级与执行',
    sentence:
      '项目自评为“优”（≥90分）或“良”（80–89分）而执行率低于阈值；或等级与总分分数段不符（优≥90、良80–89、中60–79、差<60）；或总分不等于各指标得分与预算执行得分之和；或预算执行率得分与实际执行率（执行率×10%，最高10分）不符；或某项指标的实际完成值未达到其指标值（如目标≥80%、实际30%），却得了该项满分。',
    basis:
      '绩效自评满分100分，其中预算执行率占10分；等级按总分分数段评定；指标按完成程度计分，未完成目标不应得满分。',
    severity:
      '评为“优”而执行率低于阈值、等级与分数段不符、总分不等于分项之和为“高”；评为“良”而执行率低、执行率得分不符、指标未达标仍得满分为“中”。',
  },
  sangong: {
    id: 'sangong',
    name: '“三公”只减不增',
    sentence: '“三公”经费合计或任一分项比上年增长超过阈值（默认任何增长），或“三公”决算超过预算。',
    basis: '“三公”经费按“只减不增”的要求管理，决算不得超过预算。',
    severity: '决算超过预算为“高”，比上年增长为“中”。',
  },
  structure: {
    id: 'structure',
    name: '支出结构',
    sentence:
      '项目支出或基本支出占本年支出的比重比上年变动超过阈值（个百分点），或年末结转和结余占本年支出合计的比例超过阈值。',
    basis:
      '结构大幅变动和资金沉淀需要说明原因；默认阈值（10个百分点、10%）为本看板设定，可按评价口径修改。',
    severity: '超过阈值两倍为“中”，其余为“低”。',
  },
};

export const SEVERITY_INFO: Record<FlagSeverity, { label: string; meaning: string }> = {
  high: { label: '高', meaning: '远超阈值，或文件自身前后矛盾，或“三公”决算超预算：优先提问。' },
  medium: { label: '中', meaning: '超过阈值：需要说明原因。' },
  low: { label: '低', meaning: '结构性提示：不一定是问题，可结合原因说明核对。' },
};

/** A document to evaluate: its manifest entry and bundle. */
export interface FlagDocument {
  entry: Pick<ManifestEntry, 'id' | 'unit' | 'kind' | 'fiscalYear'>;
  bundle: Bundle;
}

export interface FlagContext {
  /** The day the view is looked at: decides whether a year is still in progress (序时进度). */
  today: Date;
  /** Other loaded documents: the same unit's previous year gives prior-year shares. */
  others: readonly FlagDocument[];
}

/** A rule that could not be applied to a document, and why (shown under the list). */
export interface RuleGap {
  docId: string;
  rule: FlagRuleId;
  text: string;
}

export interface FlagResult {
  flags: Flag[];
  gaps: RuleGap[];
}

const pct = (d: Decimal) => `${d.toFixed(2)}%`;
const signed = (d: Decimal, unit: string) => `${d.isNegative() ? '' : '+'}${d.toFixed(2)}${unit}`;

/** How a 类 or the total is named: "201 一般公共服务支出", "一般公共预算财政拨款支出（合计）". */
function subjectName(s: Pick<ExecutionStatement, 'key' | 'label'>): string {
  if (s.key === 'total') return `${s.label}（合计）`;
  return isClassKey(s.key) ? `${s.key} ${s.label}` : s.label;
}

/**
 * The general budget's statements against `basis` (the total, each 类, and each 项 where a national
 * 说明 states them 项 by 项), each subject once (the first).
 */
function generalStatements(
  bundle: Bundle,
  basis: ExecutionStatement['basis'],
): ExecutionStatement[] {
  const seen = new Set<string>();
  return bundle.narrative.executions.filter((s) => {
    if (s.basis !== basis || !(s.key === 'total' || isClassKey(s.key) || isItemKey(s.key)))
      return false;
    if (seen.has(s.key)) return false;
    seen.add(s.key);
    return true;
  });
}

function figLines(f: Fig | DerivedFig): number[] {
  return 'derived' in f ? f.derived.lines : [f.line];
}

/** Findings of the bundle that share a line with the flag's figures. */
function relatedFindings(bundle: Bundle, figures: readonly FlagFigure[]): Finding[] {
  const lines = new Set(figures.flatMap((f) => figLines(f.fig)));
  return bundle.findings.filter((f) => f.lines.some((l) => lines.has(l)));
}

type Draft = Omit<Flag, 'id' | 'docId' | 'related'> & { what: string };

function finish(doc: FlagDocument, drafts: readonly Draft[]): Flag[] {
  return drafts.map(({ what, ...d }) => ({
    ...d,
    id: `${doc.entry.id}/${d.rule}/${what}`,
    docId: doc.entry.id,
    related: relatedFindings(doc.bundle, d.figures),
  }));
}

// ---------------------------------------------------------------- 预算偏离

function deviationFlags(doc: FlagDocument, t: ThresholdValues): Draft[] {
  const limit = t.deviation;
  const out: Draft[] = [];
  for (const s of generalStatements(doc.bundle, '年初预算')) {
    if (s.budget === null) continue;
    const figures: FlagFigure[] = [
      { label: '年初预算', fig: s.budget, kind: 'amount', unit: '万元' },
      { label: '决算', fig: s.actual, kind: 'amount', unit: '万元' },
    ];
    if (s.rate !== null) figures.push({ label: '原文完成年初预算', fig: s.rate, kind: 'percent' });
    const dev = budgetDeviation(s.actual.v, s.budget.v);
    if (dev === null) {
      if (!dec(s.actual.v).greaterThan(0)) continue;
      out.push({
        what: `${s.key}`,
        rule: 'deviation',
        check: '决算/年初预算',
        item: subjectName(s),
        severity: 'high',
        measure: '—（年初预算为0）',
        message: `年初预算为0，决算支出${s.actual.v}万元：没有执行率可算，整笔支出都在年初预算之外。`,
        figures,
      });
      continue;
    }
    if (!beyond(dev, limit)) continue;
    const rate = dev.plus(100);
    out.push({
      what: `${s.key}`,
      rule: 'deviation',
      check: '决算/年初预算',
      item: subjectName(s),
      severity: beyond(dev, dec(limit).times(2)) ? 'high' : 'medium',
      measure: `${pct(rate)}（${signed(dev, '%')}）`,
      message: `决算是年初预算的${pct(rate)}，偏离${signed(dev, '%')}，超过±${limit}%。`,
      figures,
    });
  }
  const dept = doc.bundle.performance.department;
  const total = dept?.bySource.total ?? null;
  if (dept !== null && total !== null && total.executed !== null) {
    const bases: [string, string, Fig | null][] = [
      ['initial', '年初预算', total.budgeted],
      ['fullYear', '全年预算', total.fullYearBudget],
    ];
    for (const [what, label, budget] of bases) {
      if (budget === null) continue;
      const dev = budgetDeviation(total.executed.v, budget.v);
      if (dev === null || !beyond(dev, limit)) continue;
      const rate = dev.plus(100);
      out.push({
        what: `department-${what}`,
        rule: 'deviation',
        check: `执行数/${label}`,
        item: '部门整体支出（绩效自评·合计）',
        severity: beyond(dev, dec(limit).times(2)) ? 'high' : 'medium',
        measure: `${pct(rate)}（${signed(dev, '%')}）`,
        message: `全年执行数是${label}的${pct(rate)}，偏离${signed(dev, '%')}，超过±${limit}%。`,
        figures: [
          { label, fig: budget, kind: 'amount', unit: dept.unit },
          { label: '全年执行数', fig: total.executed, kind: 'amount', unit: dept.unit },
        ],
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- 执行率偏低

/** A project's headline fund row: its computed rate (else the printed one) and the figures. */
function projectRate(
  row: FundRow | null,
  unit: AmountUnit,
): { rate: Decimal | null; figures: FlagFigure[] } {
  if (row === null) return { rate: null, figures: [] };
  const figures: FlagFigure[] = [];
  if (row.fullYearBudget)
    figures.push({ label: '全年预算数', fig: row.fullYearBudget, kind: 'amount', unit });
  if (row.executed) figures.push({ label: '全年执行数', fig: row.executed, kind: 'amount', unit });
  if (row.executionRate)
    figures.push({ label: '原文执行率', fig: row.executionRate, kind: 'percent' });
  const computed = executionRate(row.executed?.v ?? null, row.fullYearBudget?.v ?? null);
  return {
    rate: computed ?? (row.executionRate ? dec(row.executionRate.v) : null),
    figures,
  };
}

function lowExecutionFlags(
  doc: FlagDocument,
  t: ThresholdValues,
  ctx: FlagContext,
): { drafts: Draft[]; gaps: string[] } {
  if (doc.entry.kind === '预算') return { drafts: [], gaps: ['预算文件只有计划数，没有执行数。'] };
  // A year still running is measured against the share of the year gone (序时进度).
  const elapsed = elapsedYearShare(doc.entry.fiscalYear, ctx.today);
  const inProgress = elapsed.lessThan(100);
  const limit = inProgress ? elapsed : dec(t.execution);
  const limitText = inProgress ? `序时进度${pct(elapsed)}` : `${t.execution}%`;
  const severityOf = (rate: Decimal): FlagSeverity =>
    rate.lessThan(limit.div(2)) ? 'high' : 'medium';
  const out: Draft[] = [];
  const statements = [
    ...generalStatements(doc.bundle, '年初预算'),
    ...generalStatements(doc.bundle, '全年预算'),
  ];
  for (const s of statements) {
    const rate = executionRate(s.actual.v, s.budget?.v ?? null);
    if (rate === null || s.budget === null || !rate.lessThan(limit)) continue;
    const figures: FlagFigure[] = [
      { label: s.basis, fig: s.budget, kind: 'amount', unit: '万元' },
      { label: '决算', fig: s.actual, kind: 'amount', unit: '万元' },
    ];
    if (s.rate !== null)
      figures.push({ label: `原文完成${s.basis}`, fig: s.rate, kind: 'percent' });
    out.push({
      what: s.basis === '年初预算' ? s.key : `${s.key}/全年预算`,
      rule: 'lowExecution',
      check: `决算/${s.basis}`,
      item: subjectName(s),
      severity: severityOf(rate),
      measure: pct(rate),
      message: `决算只完成${s.basis}的${pct(rate)}，低于${limitText}。`,
      figures,
    });
  }
  for (const p of doc.bundle.performance.projects) {
    const { rate, figures } = projectRate(headlineFunds(p.funds), p.unit);
    if (rate === null || !rate.lessThan(limit)) continue;
    out.push({
      what: p.id,
      rule: 'lowExecution',
      check: '全年执行数/全年预算数',
      item: `项目：${p.name}`,
      severity: severityOf(rate),
      measure: pct(rate),
      message: `项目执行率${pct(rate)}，低于${limitText}。`,
      figures,
    });
  }
  return { drafts: out, gaps: [] };
}

// ---------------------------------------------------------------- 评级与执行

function scoreParts(indicatorScores: readonly (Fig | null)[], execution: Fig | null): Decimal {
  return sum([
    ...indicatorScores.flatMap((s) => (s ? [s.v] : [])),
    ...(execution ? [execution.v] : []),
  ]);
}

function gradeFlags(doc: FlagDocument, t: ThresholdValues): Draft[] {
  const out: Draft[] = [];
  const evaluate = (
    what: string,
    item: string,
    unit: AmountUnit,
    row: FundRow | null,
    totalScore: Fig | null,
    grade: { v: Grade; line: number } | null,
    parts: { sum: Decimal; figures: FlagFigure[]; text: string } | null,
  ) => {
    const { rate, figures: amountFigures } = projectRate(row, unit);
    const scoreFigures: FlagFigure[] = [];
    if (totalScore) scoreFigures.push({ label: '总分', fig: totalScore, kind: 'score' });
    const gradeText = grade ? `“${grade.v}”` : '';
    // 1. 优/良 with execution below the threshold.
    if (
      grade &&
      (grade.v === '优' || grade.v === '良') &&
      rate !== null &&
      rate.lessThan(t.gradeExecution)
    ) {
      out.push({
        what: `${what}-grade-rate`,
        rule: 'gradeExecution',
        check: '评级与执行率',
        item,
        severity: grade.v === '优' ? 'high' : 'medium',
        measure: `${grade.v}，执行率${pct(rate)}`,
        message: `自评为${gradeText}${totalScore ? `（总分${totalScore.v}）` : ''}，但执行率只有${pct(rate)}，低于${t.gradeExecution}%。`,
        figures: [...scoreFigures, ...amountFigures],
      });
    }
    // 2. The grade against its score band.
    if (grade && totalScore) {
      const band = gradeForScore(totalScore.v);
      if (band !== grade.v) {
        out.push({
          what: `${what}-band`,
          rule: 'gradeExecution',
          check: '等级与分数段',
          item,
          severity: 'high',
          measure: `${grade.v}（按分数段应为${band}）`,
          message: `总分${totalScore.v}按分数段应为“${band}”，原文评为${gradeText}。`,
          figures: scoreFigures,
        });
      }
    }
    // 3. The total against its parts.
    if (
      totalScore &&
      parts &&
      !dec(totalScore.v).minus(parts.sum).abs().lessThanOrEqualTo('0.01')
    ) {
      const band = gradeForScore(parts.sum);
      out.push({
        what: `${what}-total`,
        rule: 'gradeExecution',
        check: '总分与分项',
        item,
        severity: 'high',
        measure: `总分${totalScore.v}，分项合计${parts.sum.toFixed(2)}`,
        message: `总分${totalScore.v}不等于分项得分之和${parts.sum.toFixed(2)}（${parts.text}）${band !== grade?.v ? `；按分项之和应为“${band}”` : ''}。`,
        figures: [...scoreFigures, ...parts.figures],
      });
    }
    // 4. The 预算执行率 indicator's score against the rate.
    const score = row?.executionScore ?? null;
    if (score !== null && rate !== null) {
      const expected = executionScoreFor(rate);
      if (dec(score.v).minus(expected).abs().greaterThan('0.01')) {
        out.push({
          what: `${what}-exec-score`,
          rule: 'gradeExecution',
          check: '执行率得分',
          item,
          severity: 'medium',
          measure: `得分${score.v}，按执行率应为${expected.toFixed(2)}`,
          message: `预算执行率得分${score.v}，按执行率${pct(rate)}×10%应为${expected.toFixed(2)}分（满分10分）。`,
          figures: [{ label: '执行率得分', fig: score, kind: 'score' }, ...amountFigures],
        });
      }
    }
  };

  // 5. An indicator that misses its own target and still scores its full weight.
  const unmet = (what: string, item: string, indicators: readonly Indicator[]) => {
    for (const i of indicators) {
      const target = i.target ?? i.initialTarget;
      const { actual, weight, score } = i;
      if (!target || !actual || !weight || !score || dec(weight.v).isZero()) continue;
      if (!dec(score.v).equals(dec(weight.v))) continue;
      if (indicatorTargetMet(target, actual) !== false) continue;
      const name = i.name ?? i.level2 ?? '';
      out.push({
        what: `${what}-indicator-L${i.line}`,
        rule: 'gradeExecution',
        check: '未达标仍满分',
        item,
        severity: 'medium',
        measure: `“${name}”目标${target}，实际${actual}，得分${score.v}/${weight.v}`,
        message: `指标“${name}”的目标为${target}，实际完成${actual}，未达到目标，仍得满分${score.v}分。`,
        figures: [
          { label: '分值', fig: weight, kind: 'score' },
          { label: '得分', fig: score, kind: 'score' },
        ],
      });
    }
  };

  for (const p of doc.bundle.performance.projects) {
    unmet(p.id, `项目：${p.name}`, p.indicators);
    const row = headlineFunds(p.funds);
    const scored = p.indicators.filter((i) => i.score !== null);
    const exec = row?.executionScore ?? null;
    const parts =
      p.layout === 'full-table' && scored.length > 0
        ? {
            sum: scoreParts(
              scored.map((i) => i.score),
              exec,
            ),
            figures: exec ? [{ label: '预算执行得分', fig: exec, kind: 'score' as const }] : [],
            text: `指标得分${scoreParts(
              scored.map((i) => i.score),
              null,
            ).toFixed(2)}${exec ? ` + 预算执行得分${exec.v}` : ''}`,
          }
        : null;
    evaluate(p.id, `项目：${p.name}`, p.unit, row, p.totalScore, p.grade, parts);
  }
  const d = doc.bundle.performance.department;
  if (d !== null) {
    const parts =
      d.statedExecutionScore && d.statedIndicatorScore
        ? {
            sum: sum([d.statedExecutionScore.v, d.statedIndicatorScore.v]),
            figures: [
              { label: '预算执行情况得分', fig: d.statedExecutionScore, kind: 'score' as const },
              { label: '指标完成情况得分', fig: d.statedIndicatorScore, kind: 'score' as const },
            ],
            text: `预算执行${d.statedExecutionScore.v} + 指标完成${d.statedIndicatorScore.v}`,
          }
        : null;
    unmet('department', '部门整体支出绩效自评', d.indicators);
    evaluate(
      'department',
      '部门整体支出绩效自评',
      d.unit,
      d.bySource.total,
      d.totalScore,
      d.grade,
      parts,
    );
  }
  return out;
}

// ---------------------------------------------------------------- 三公

function sangongKeyLabel(key: string): string | null {
  if (key === 'sangong') return '“三公”经费合计';
  const part = SANGONG_PARTS.find((p) => `sangong.${p.key}` === key);
  return part ? part.label : null;
}

function sangongFlags(doc: FlagDocument, t: ThresholdValues): Draft[] {
  const out: Draft[] = [];
  const seen = new Set<string>();
  for (const y of doc.bundle.narrative.yoy) {
    const item = sangongKeyLabel(y.key);
    if (item === null || seen.has(y.key) || y.direction !== '增加') continue;
    seen.add(y.key);
    const change = yoyChange(y.current.v, y.prior.v);
    if (!change.amount.isPositive()) continue;
    if (change.percent !== null && !change.percent.greaterThan(t.sangongIncrease)) continue;
    out.push({
      what: `yoy-${y.key}`,
      rule: 'sangong',
      check: '比上年增长',
      item,
      severity: 'medium',
      measure: `${signed(change.amount, '万元')}${change.percent ? `（${signed(change.percent, '%')}）` : ''}`,
      message: `${y.basis}${y.direction}${change.amount.toFixed(2)}万元${change.percent ? `，增长${pct(change.percent)}` : '（上年为0）'}，违背“只减不增”${t.sangongIncrease === '0' ? '' : `（阈值${t.sangongIncrease}%）`}。`,
      figures: yoyFigures(y),
    });
  }
  if (doc.entry.kind === '决算') {
    const { budget, actual } = readSangong(doc.bundle);
    for (const key of ['sangong', ...SANGONG_PARTS.map((p) => `sangong.${p.key}`)]) {
      const b = sangongFigure(budget, key);
      const a = sangongFigure(actual, key);
      if (b === null || a === null || !dec(a.v).greaterThan(dec(b.v))) continue;
      const over = dec(a.v).minus(dec(b.v));
      out.push({
        what: `over-${key}`,
        rule: 'sangong',
        check: '决算超预算',
        item: sangongKeyLabel(key) ?? key,
        severity: 'high',
        measure: `超出${over.toFixed(2)}万元`,
        message: `决算${a.v}万元超过预算${b.v}万元，超出${over.toFixed(2)}万元。`,
        figures: [
          { label: '预算数', fig: b, kind: 'amount', unit: '万元' },
          { label: '决算数', fig: a, kind: 'amount', unit: '万元' },
        ],
      });
    }
  }
  return out;
}

function yoyFigures(y: YoyStatement): FlagFigure[] {
  const figures: FlagFigure[] = [
    { label: '本年', fig: y.current, kind: 'amount', unit: '万元' },
    { label: '上年', fig: y.prior, kind: 'amount', unit: '万元' },
  ];
  if (y.change)
    figures.push({ label: `${y.direction}`, fig: y.change, kind: 'amount', unit: '万元' });
  if (y.pct) figures.push({ label: `${y.pctDirection ?? '幅度'}`, fig: y.pct, kind: 'percent' });
  return figures;
}

// ---------------------------------------------------------------- 支出结构

interface Shares {
  basic: Fig;
  project: Fig;
  total: Fig;
}

/** 基本支出 and 项目支出 with the 本年支出合计 the narrative states them against. */
function expenseShares(bundle: Bundle): Shares | null {
  const b = bundle.narrative.breakdowns.find((x) => x.key === 'expense');
  const basic = b?.parts.find((p) => p.key === 'basic')?.amount;
  const project = b?.parts.find((p) => p.key === 'project')?.amount;
  if (!b || !b.total || !basic || !project || dec(b.total.v).isZero()) return null;
  return { basic, project, total: b.total };
}

/** The same unit's document of the year before (name, scope and kind alike). */
function priorDocument(doc: FlagDocument, others: readonly FlagDocument[]): FlagDocument | null {
  return (
    others.find(
      (o) =>
        o.entry.unit.name === doc.entry.unit.name &&
        o.entry.unit.scope === doc.entry.unit.scope &&
        o.entry.kind === doc.entry.kind &&
        o.entry.fiscalYear === doc.entry.fiscalYear - 1,
    ) ?? null
  );
}

function structureFlags(
  doc: FlagDocument,
  t: ThresholdValues,
  ctx: FlagContext,
): { drafts: Draft[]; gaps: string[] } {
  const out: Draft[] = [];
  const gaps: string[] = [];
  const now = expenseShares(doc.bundle);
  const prior = priorDocument(doc, ctx.others);
  const before = prior ? expenseShares(prior.bundle) : null;
  if (now === null) {
    gaps.push('文件未给出基本支出、项目支出及其合计，无法计算支出结构。');
  } else if (prior === null || before === null) {
    gaps.push(
      `文件没有给出上年的基本支出和项目支出，也没有载入该单位${doc.entry.fiscalYear - 1}年的${doc.entry.unit.scope}${doc.entry.kind}，无法比较占比变动。`,
    );
  } else {
    const priorLabel = `${prior.entry.fiscalYear}年`;
    for (const part of ['basic', 'project'] as const) {
      const shareNow = share(now[part].v, now.total.v);
      const shareBefore = share(before[part].v, before.total.v);
      if (shareNow === null || shareBefore === null) continue;
      const moved = pointsMoved(shareNow, shareBefore);
      if (!beyond(moved, t.shareMove)) continue;
      const name = part === 'basic' ? '基本支出' : '项目支出';
      out.push({
        what: `share-${part}`,
        rule: 'structure',
        check: '占比变动',
        item: `${name}占本年支出`,
        severity: beyond(moved, dec(t.shareMove).times(2)) ? 'medium' : 'low',
        measure: `${pct(shareBefore)} → ${pct(shareNow)}（${signed(moved, '个百分点')}）`,
        message: `${name}占本年支出的比重由${priorLabel}的${pct(shareBefore)}变为${pct(shareNow)}，变动${signed(moved, '个百分点')}，超过${t.shareMove}个百分点。`,
        figures: [
          { label: `本年${name}`, fig: now[part], kind: 'amount', unit: '万元' },
          { label: '本年支出合计', fig: now.total, kind: 'amount', unit: '万元' },
          // The prior year's figures are on the prior document's lines: named in the message.
        ],
      });
    }
  }
  if (doc.entry.kind === '决算') {
    const carry = tableCell(doc.bundle.tables, '公开01', '年末结转和结余', 'amount', 'expense');
    const spent = tableCell(doc.bundle.tables, '公开01', '本年支出合计', 'amount', 'expense');
    const ratio = carry && spent ? share(carry.v, spent.v) : null;
    if (carry && spent && ratio !== null && ratio.greaterThan(t.carryOver)) {
      out.push({
        what: 'carry-over',
        rule: 'structure',
        check: '结转和结余',
        item: '年末结转和结余',
        severity: ratio.greaterThan(dec(t.carryOver).times(2)) ? 'medium' : 'low',
        measure: pct(ratio),
        message: `年末结转和结余${carry.v}万元，是本年支出合计的${pct(ratio)}，超过${t.carryOver}%。`,
        figures: [
          { label: '年末结转和结余', fig: carry, kind: 'amount', unit: '万元' },
          { label: '本年支出合计', fig: spent, kind: 'amount', unit: '万元' },
        ],
      });
    }
  }
  return { drafts: out, gaps };
}

// ----------------------------------------------------------------

/** Every flag of one document under the thresholds, and the rules it could not be checked by. */
export function evaluateFlags(
  doc: FlagDocument,
  thresholds: ThresholdValues,
  ctx: FlagContext,
): FlagResult {
  const low = lowExecutionFlags(doc, thresholds, ctx);
  const structure = structureFlags(doc, thresholds, ctx);
  const drafts = [
    ...deviationFlags(doc, thresholds),
    ...low.drafts,
    ...gradeFlags(doc, thresholds),
    ...sangongFlags(doc, thresholds),
    ...structure.drafts,
  ];
  const gaps: RuleGap[] = [
    ...low.gaps.map((text) => ({ docId: doc.entry.id, rule: 'lowExecution' as const, text })),
    ...structure.gaps.map((text) => ({ docId: doc.entry.id, rule: 'structure' as const, text })),
  ];
  if (doc.entry.kind === '预算') {
    gaps.push({
      docId: doc.entry.id,
      rule: 'deviation',
      text: '预算文件没有决算数，无法比较偏离。',
    });
  }
  return { flags: finish(doc, drafts), gaps };
}
