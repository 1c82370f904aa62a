/**
 * 预算执行: bundle → rows for the execution view. Pure (no React, no store): figures come from the
 * narrative's "完成年初预算的X%" statements and the project self-evaluation tables as printed;
 * every rate is computed by src/domain (executionRate) and set beside the printed one.
 */
import type { ManifestEntry } from '@/data/load';
import { documentLabel, unitTag } from '@/data/labels';
import { readSangong, sangongFigure } from '@/data/sangong';
import type { Bundle } from '@/data/schema';
import type { Fig } from '@/data/schema-common';
import { isClassKey, type ExecutionStatement } from '@/data/schema-narrative';
import { headlineFunds } from '@/data/schema-performance';
import type { FundRow, ProjectEvaluation } from '@/data/schema-performance';
import { checkPercent } from '@/domain/consistency';
import { executionRate } from '@/domain/measures';
import type { DecimalString } from '@/domain/money';
import { compareDecimal } from '@/domain/money';
import { idRecord } from '@/lib/id-record';
import type { AmountUnit } from '@/domain/money';

/** Projects whose 执行率 is below this (percent) are picked out as under-executed. */
export const UNDER_EXECUTION_THRESHOLD: DecimalString = '80';

/**
 * The rate axis stops here (percent); rates above it are drawn to the edge with a break mark and
 * their true value as a label. See RateChart for why a capped linear axis, not a log scale.
 */
export const RATE_AXIS_CAP: DecimalString = '200';

/**
 * How the printed rate relates to the computed one:
 * agrees / differs (at the printed precision) · rounding (differs, but within what the rounding
 * of the printed amounts allows: a hint, domain checkPercent) · notStated (no printed rate) ·
 * noBudget (the sentence gives no budget, so nothing to compute: 三公 parts) ·
 * zeroBase (budget 0: no rate exists, shown "—"; `stated` may still hold what was printed).
 */
export type RateCheck = 'agrees' | 'differs' | 'rounding' | 'notStated' | 'noBudget' | 'zeroBase';

export const RATE_CHECK_LABEL: Record<RateCheck, string> = {
  agrees: '一致',
  differs: '不一致',
  rounding: '尾数差（提示）',
  notStated: '原文未印执行率',
  noBudget: '原文未印预算数，无法核算',
  zeroBase: '预算为0，无执行率',
};

/**
 * Compare a printed rate with actual ÷ budget at the precision the document printed ("78" is
 * compared with the rate rounded to whole percent), as the ingest checks do (one rule:
 * domain checkPercent).
 */
export function checkRate(budget: Fig | null, actual: Fig | null, stated: Fig | null): RateCheck {
  if (budget === null) return 'noBudget';
  if (actual === null || executionRate(actual.v, budget.v) === null) return 'zeroBase';
  if (stated === null) return 'notStated';
  const { verdict } = checkPercent(actual.v, budget.v, stated.v);
  return verdict === 'exact' ? 'agrees' : verdict === 'rounding' ? 'rounding' : 'differs';
}

/** Why a unit shows no execution figures, or 'ready'. */
export type UnitExecutionState =
  | { kind: 'ready'; bundle: Bundle }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  /** A 预算 document: plans only, nothing executed yet. */
  | { kind: 'budget' }
  /** A 决算 without "完成年初预算" statements. */
  | { kind: 'noStatements'; bundle: Bundle };

export function unitExecutionState(
  entry: ManifestEntry,
  bundle: Bundle | undefined,
  loadError: string | undefined,
): UnitExecutionState {
  if (entry.kind === '预算') return { kind: 'budget' };
  if (bundle === undefined) {
    return loadError === undefined ? { kind: 'loading' } : { kind: 'error', message: loadError };
  }
  return bundle.narrative.executions.length === 0
    ? { kind: 'noStatements', bundle }
    : { kind: 'ready', bundle };
}

/** The Chinese sentence for a unit that has no execution to show (null when it has). */
export function unitStateMessage(entry: ManifestEntry, state: UnitExecutionState): string | null {
  const doc = documentLabel(entry);
  switch (state.kind) {
    case 'ready':
      return null;
    case 'loading':
      return `${doc}：正在加载数据…`;
    case 'error':
      return `${doc}：数据加载失败，无法显示预算执行。${state.message}`;
    case 'budget':
      return `${doc}是预算文件，只有计划数，没有决算（执行）数，因此没有预算执行情况可比较。`;
    case 'noStatements':
      return `${doc}的情况说明没有给出年初预算与决算的对比（完成年初预算的比例）。`;
  }
}

/** 'total' first, then 类 codes ascending, then 三公 and its parts in document order. */
function subjectRank(key: string): [number, string] {
  if (key === 'total') return [0, ''];
  if (isClassKey(key)) return [1, key];
  if (key === 'sangong') return [2, ''];
  return [3, key];
}

export function compareSubjects(a: string, b: string): number {
  const [ra, ka] = subjectRank(a);
  const [rb, kb] = subjectRank(b);
  return ra !== rb ? ra - rb : ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** How a subject is named on screen: the 类 code before its name, the total marked as such. */
export function subjectLabel(s: Pick<ExecutionStatement, 'key' | 'label'>): string {
  if (s.key === 'total') return `${s.label}（合计）`;
  if (isClassKey(s.key)) return `${s.key} ${s.label}`;
  return s.label;
}

/** One "年初预算X万元，支出决算Y万元，完成年初预算的Z%" statement of one unit (amounts 万元). */
export interface ClassExecutionRow {
  id: string;
  bundleId: string;
  /** documentLabel: unit name, year, scope, kind. */
  document: string;
  tag: string;
  key: string;
  subject: string;
  /** 一般公共预算 (per 类) or 三公 (全年预算). */
  group: 'generalBudget' | 'sangong';
  basis: '年初预算' | '全年预算';
  budget: Fig | null;
  actual: Fig;
  stated: Fig | null;
  /** executionRate(actual, budget), 2 places; null for a zero or missing budget. */
  computed: DecimalString | null;
  check: RateCheck;
  /** The computed rate is beyond the chart's rate axis. */
  overflow: boolean;
}

/** 三公 or one of its items: 'sangong', 'sangong.reception' … */
function isSangongKey(key: string): boolean {
  return key === 'sangong' || key.startsWith('sangong.');
}

/**
 * What the 类 chart and table show: 三公 and its items; of the general budget, the total and each
 * 类 against 年初预算, as their title says. A national 说明's 项 statements and statements against
 * 全年预算 are listed apart (itemExecutionRows): a 项 under a 类 heading, or a 全年预算 drawn as
 * 年初预算, would misstate them.
 */
function isChartSubject(s: ExecutionStatement): boolean {
  if (isSangongKey(s.key)) return true;
  return s.basis === '年初预算' && (s.key === 'total' || isClassKey(s.key));
}

/**
 * The statements `pick` keeps as rows, in the order the 说明 prints them; a key printed twice
 * (a total against 年初预算 and against 全年预算) numbered over the whole 说明, so ids are stable.
 */
function executionRows(
  entry: ManifestEntry,
  bundle: Bundle,
  pick: (s: ExecutionStatement) => boolean,
): ClassExecutionRow[] {
  const document = documentLabel(entry);
  const tag = unitTag(entry);
  const seen = new Map<string, number>();
  const sangong = readSangong(bundle);
  return bundle.narrative.executions.flatMap((s) => {
    const n = (seen.get(s.key) ?? 0) + 1;
    seen.set(s.key, n);
    if (!pick(s)) return [];
    const group = isSangongKey(s.key) ? 'sangong' : 'generalBudget';
    // 三公 amounts come from the one 三公 reader (公开09 first), as in the 三公经费 view: the
    // sentence "…支出X万元，完成全年预算的Y%" prints no part budget, the table does.
    const budget =
      group === 'sangong' ? (sangongFigure(sangong.budget, s.key) ?? s.budget) : s.budget;
    const actual =
      group === 'sangong' ? (sangongFigure(sangong.actual, s.key) ?? s.actual) : s.actual;
    const computed = executionRate(actual.v, budget?.v ?? null);
    const computedStr = computed === null ? null : computed.toFixed(2);
    const row = {
      id: `${entry.id}:${s.key}${n > 1 ? `#${n}` : ''}`,
      bundleId: entry.id,
      document,
      tag,
      key: s.key,
      subject: subjectLabel(s),
      group,
      basis: s.basis,
      budget,
      actual,
      stated: s.rate,
      computed: computedStr,
      check: checkRate(budget, actual, s.rate),
      overflow: computedStr !== null && compareDecimal(computedStr, RATE_AXIS_CAP) > 0,
    } satisfies ClassExecutionRow;
    return [row];
  });
}

export function classExecutionRows(entry: ManifestEntry, bundle: Bundle): ClassExecutionRow[] {
  return executionRows(entry, bundle, isChartSubject).sort((a, b) => compareSubjects(a.key, b.key));
}

/**
 * The general-budget statements the 类 chart leaves out, in the order the 说明 prints them: a
 * national 说明's 项 (its full 类/款/项 name as printed) and any statement against 全年预算.
 */
export function itemExecutionRows(entry: ManifestEntry, bundle: Bundle): ClassExecutionRow[] {
  return executionRows(entry, bundle, (s) => !isChartSubject(s));
}

/** One subject (total or 类) across the compared units: the rate chart's category. */
export interface SubjectAcrossUnits {
  key: string;
  subject: string;
  /** By bundle id; absent where the unit states nothing for this subject. */
  byUnit: Record<string, ClassExecutionRow>;
}

/** General-budget rows (total and 类) regrouped by subject, for side-by-side charts. */
export function subjectsAcrossUnits(rows: readonly ClassExecutionRow[]): SubjectAcrossUnits[] {
  const out = new Map<string, SubjectAcrossUnits>();
  for (const r of rows) {
    if (r.group !== 'generalBudget') continue;
    const s = out.get(r.key) ?? {
      key: r.key,
      subject: r.subject,
      byUnit: idRecord<ClassExecutionRow>(),
    };
    // A subject stated twice keeps its first statement; the checks view compares the copies.
    if (s.byUnit[r.bundleId] === undefined) s.byUnit[r.bundleId] = r;
    out.set(r.key, s);
  }
  return [...out.values()].sort((a, b) => compareSubjects(a.key, b.key));
}

/** One project's 全年预算数 vs 全年执行数 (the headline fund row of its self-evaluation). */
export interface ProjectExecutionRow {
  id: string;
  bundleId: string;
  document: string;
  tag: string;
  name: string;
  /** The fund row the figures come from: 资金总额, or the first source row (省级财政资金 …). */
  fundLabel: string;
  layout: ProjectEvaluation['layout'];
  unit: AmountUnit;
  /** 年初预算数 (预算编制数). */
  initialBudget: Fig | null;
  fullYearBudget: Fig | null;
  executed: Fig | null;
  stated: Fig | null;
  computed: DecimalString | null;
  check: RateCheck;
  /** The rate shown (computed, else printed) is below UNDER_EXECUTION_THRESHOLD. */
  under: boolean;
  totalScore: Fig | null;
  grade: string | null;
}

function fundFigures(row: FundRow | null) {
  const computed =
    row === null ? null : executionRate(row.executed?.v ?? null, row.fullYearBudget?.v ?? null);
  const computedStr = computed === null ? null : computed.toFixed(2);
  const stated = row?.executionRate ?? null;
  const shown = computedStr ?? stated?.v ?? null;
  return {
    initialBudget: row?.budgeted ?? null,
    fullYearBudget: row?.fullYearBudget ?? null,
    executed: row?.executed ?? null,
    stated,
    computed: computedStr,
    check: checkRate(row?.fullYearBudget ?? null, row?.executed ?? null, stated),
    under: shown !== null && compareDecimal(shown, UNDER_EXECUTION_THRESHOLD) < 0,
  };
}

export function projectExecutionRows(entry: ManifestEntry, bundle: Bundle): ProjectExecutionRow[] {
  const document = documentLabel(entry);
  const tag = unitTag(entry);
  return bundle.performance.projects.map((p) => {
    const row = headlineFunds(p.funds);
    return {
      id: `${entry.id}:${p.id}`,
      bundleId: entry.id,
      document,
      tag,
      name: p.name,
      fundLabel: row?.label ?? '',
      layout: p.layout,
      unit: p.unit,
      ...fundFigures(row),
      totalScore: p.totalScore,
      grade: p.grade?.v ?? null,
    };
  });
}

/**
 * Whole-of-unit execution figures printed outside the project tables: the district's
 * 项目支出绩效自评总结报告 (预算到位资金 / 支出金额 / 预算支出进度) and the city department's
 * 部门整体支出绩效自评 (合计 row, in 元).
 */
export interface SummaryExecutionRow {
  id: string;
  bundleId: string;
  document: string;
  tag: string;
  what: string;
  /** What the rate is against, in the document's words: 全年预算 or 预算到位资金. */
  basis: '全年预算' | '预算到位资金';
  unit: AmountUnit;
  budget: Fig | null;
  executed: Fig | null;
  stated: Fig | null;
  computed: DecimalString | null;
  check: RateCheck;
}

export function summaryExecutionRows(entry: ManifestEntry, bundle: Bundle): SummaryExecutionRow[] {
  const document = documentLabel(entry);
  const tag = unitTag(entry);
  const out: SummaryExecutionRow[] = [];
  const s = bundle.performance.projectSummary;
  if (s !== null) {
    const computed = executionRate(s.statedExecuted?.v ?? null, s.statedBudget?.v ?? null);
    out.push({
      id: `${entry.id}:projectSummary`,
      bundleId: entry.id,
      document,
      tag,
      what: '项目支出合计（绩效自评总结报告：预算到位资金、支出金额、预算支出进度）',
      basis: '预算到位资金',
      unit: '万元',
      budget: s.statedBudget,
      executed: s.statedExecuted,
      stated: s.statedRate,
      computed: computed === null ? null : computed.toFixed(2),
      check: checkRate(s.statedBudget, s.statedExecuted, s.statedRate),
    });
  }
  const d = bundle.performance.department;
  const total = d?.bySource.total ?? null;
  if (d !== null && total !== null) {
    const f = fundFigures(total);
    out.push({
      id: `${entry.id}:department`,
      bundleId: entry.id,
      document,
      tag,
      what: `部门整体支出绩效自评（${total.label}：全年预算数、全年执行数、执行率）`,
      basis: '全年预算',
      unit: d.unit,
      budget: f.fullYearBudget,
      executed: f.executed,
      stated: f.stated,
      computed: f.computed,
      check: f.check,
    });
  }
  return out;
}
