/**
 * 绩效评价 view: bundle → project rows (score, grade, amount, 执行率, findings), grade mix per
 * unit, scatter points, department-wide self-evaluation and budget targets.
 * Pure: no React, no store. Arithmetic goes through src/domain.
 */
import type { ManifestEntry } from '@/data/load';
import { documentLabel } from '@/data/labels';
import type { Bundle, Finding } from '@/data/schema';
import type { Fig } from '@/data/schema-common';
import { headlineFunds } from '@/data/schema-performance';
import type {
  DepartmentEvaluation,
  FormatNote,
  Grade,
  ProjectSummary,
  ProjectTarget,
  TargetSummary,
} from '@/data/schema-performance';
import { executionRate, share } from '@/domain/measures';
import type { DecimalString } from '@/domain/money';
import type { AmountUnit } from '@/domain/money';

/** 自评等级 from best to worst (优 excellent, 良 good, 中 fair, 差 poor). */
export const GRADES: readonly Grade[] = ['优', '良', '中', '差'];

type Entry = Pick<ManifestEntry, 'id' | 'unit' | 'kind' | 'fiscalYear'>;

interface UnitRef {
  bundleId: string;
  unitName: string;
  scope: '部门' | '单位';
  /** "山西省… 2024年单位决算". */
  document: string;
}

function unitRef(entry: Entry): UnitRef {
  return {
    bundleId: entry.id,
    unitName: entry.unit.name,
    scope: entry.unit.scope,
    document: documentLabel(entry),
  };
}

export interface ProjectRow extends UnitRef {
  /** `${bundleId}:${projectId}`. */
  key: string;
  projectId: string;
  name: string;
  /** Evaluation year as printed ("(2024年度)"), else the document's year. */
  year: number;
  /** Amount unit of the table the project came from. */
  amountUnit: AmountUnit;
  /** Label of the row the headline figures come from (资金总额, 省级财政资金 …). */
  fundLabel: string | null;
  /** 全年预算数 (list rows: 预算指标). */
  budget: Fig | null;
  /** 全年执行数 (list rows: 支付金额). */
  executed: Fig | null;
  /** 执行率 as printed. */
  printedRate: Fig | null;
  /** 执行率 computed from the amounts (domain executionRate); null for a zero/missing budget. */
  computedRate: DecimalString | null;
  /** The rate used for sorting and the scatter: printed, else computed. */
  rate: DecimalString | null;
  /** True when `rate` is computed because the document prints none. */
  rateComputed: boolean;
  score: Fig | null;
  grade: Grade | null;
  gradeLine: number | null;
  /** perf-* findings about this project (printed total vs its parts, rates, comma decimals). */
  flags: Finding[];
  corrections: FormatNote[];
}

/** The project a perf-* finding is about: "perf-total-p3-L653" → "p3"; null for others. */
export function findingProjectId(id: string): string | null {
  const m = /^perf-(?:[a-z]+-)+?(p\d+)(?:-|$)/.exec(id);
  return m?.[1] ?? null;
}

/** perf-* findings whose id starts with `prefix` (perf-summary-, perf-dept-, perf-target-). */
export function findingsWithPrefix(bundle: Bundle, prefix: string): Finding[] {
  return bundle.findings.filter((f) => f.id.startsWith(prefix));
}

export function projectRows(entry: Entry, bundle: Bundle): ProjectRow[] {
  const ref = unitRef(entry);
  return bundle.performance.projects.map((p) => {
    const funds = headlineFunds(p.funds);
    const budget = funds?.fullYearBudget ?? null;
    const executed = funds?.executed ?? null;
    const printedRate = funds?.executionRate ?? null;
    const computed =
      budget && executed ? (executionRate(executed.v, budget.v)?.toFixed(2) ?? null) : null;
    return {
      ...ref,
      key: `${entry.id}:${p.id}`,
      projectId: p.id,
      name: p.name,
      year: p.year ?? entry.fiscalYear,
      amountUnit: p.unit,
      fundLabel: funds?.label ?? null,
      budget,
      executed,
      printedRate,
      computedRate: computed,
      rate: printedRate?.v ?? computed,
      rateComputed: printedRate === null && computed !== null,
      score: p.totalScore,
      grade: p.grade?.v ?? null,
      gradeLine: p.grade?.line ?? null,
      flags: bundle.findings.filter((f) => findingProjectId(f.id) === p.id),
      corrections: p.formatNotes,
    };
  });
}

export interface GradeMix extends UnitRef {
  year: number;
  /** Projects with a printed grade. */
  graded: number;
  /** Projects listed (with or without a grade). */
  projects: number;
  counts: Record<Grade, number>;
  /** Share of graded projects, % (2 places); null when none is graded. */
  shares: Record<Grade, DecimalString | null>;
  /** What the narrative states ("9个项目自评等级为“优”"), as printed, for comparison. */
  stated: { grade: Grade; count: Fig }[];
  /** "涉及二级项目41个" when the document states it. */
  statedProjects: Fig | null;
}

export function gradeMix(entry: Entry, bundle: Bundle, rows: readonly ProjectRow[]): GradeMix {
  const counts: Record<Grade, number> = { 优: 0, 良: 0, 中: 0, 差: 0 };
  for (const r of rows) if (r.grade !== null) counts[r.grade] += 1;
  const graded = GRADES.reduce((n, g) => n + counts[g], 0);
  const shares = Object.fromEntries(
    GRADES.map((g) => [g, share(String(counts[g]), String(graded))?.toFixed(2) ?? null]),
  ) as Record<Grade, DecimalString | null>;
  return {
    ...unitRef(entry),
    year: entry.fiscalYear,
    graded,
    projects: rows.length,
    counts,
    shares,
    stated: bundle.narrative.performance?.grades ?? [],
    statedProjects: bundle.narrative.performance?.selfEvalProjects ?? null,
  };
}

export interface ScatterPoint {
  key: string;
  name: string;
  /** Geometry only: 执行率 (%) and 得分. Text comes from `row`. */
  x: number;
  y: number;
  row: ProjectRow;
}

export interface ScatterSeries {
  bundleId: string;
  label: string;
  points: ScatterPoint[];
}

/** One series per unit; projects without a score or a rate are returned apart, to be listed. */
export function scatterSeries(rows: readonly ProjectRow[]): {
  series: ScatterSeries[];
  unplotted: ProjectRow[];
} {
  const series: ScatterSeries[] = [];
  const unplotted: ProjectRow[] = [];
  for (const r of rows) {
    if (r.score === null || r.rate === null) {
      unplotted.push(r);
      continue;
    }
    let s = series.find((x) => x.bundleId === r.bundleId);
    if (!s) {
      s = { bundleId: r.bundleId, label: `${r.unitName}（${r.year}年）`, points: [] };
      series.push(s);
    }
    s.points.push({ key: r.key, name: r.name, x: Number(r.rate), y: Number(r.score.v), row: r });
  }
  return { series, unplotted };
}

/** Why a project is not in the scatter, in words. */
export function unplottedReason(r: ProjectRow): string {
  if (r.score === null && r.rate === null) return '无得分、无执行率';
  return r.score === null ? '无得分' : '无执行率（全年预算为0或未印出）';
}

export interface DepartmentBlock extends UnitRef {
  year: number;
  department: DepartmentEvaluation;
  findings: Finding[];
}

export function departmentBlock(entry: Entry, bundle: Bundle): DepartmentBlock | null {
  const d = bundle.performance.department;
  if (!d) return null;
  return {
    ...unitRef(entry),
    year: entry.fiscalYear,
    department: d,
    findings: findingsWithPrefix(bundle, 'perf-dept-'),
  };
}

export interface TargetRow extends UnitRef {
  key: string;
  target: ProjectTarget;
  year: number;
  /** 年度资金总额 and 实施期资金总额 (元 as printed). */
  annual: Fig | null;
  period: Fig | null;
}

export interface TargetBlock extends UnitRef {
  year: number;
  rows: TargetRow[];
  summary: TargetSummary | null;
  findings: Finding[];
}

export function targetBlock(entry: Entry, bundle: Bundle): TargetBlock | null {
  const targets = bundle.performance.targets;
  if (targets.length === 0 && bundle.performance.targetSummary === null) return null;
  const ref = unitRef(entry);
  return {
    ...ref,
    year: entry.fiscalYear,
    rows: targets.map((t) => ({
      ...ref,
      key: `${entry.id}:${t.id}`,
      target: t,
      year: t.year ?? entry.fiscalYear,
      annual: t.funds.total?.annual ?? null,
      period: t.funds.total?.period ?? null,
    })),
    summary: bundle.performance.targetSummary,
    findings: findingsWithPrefix(bundle, 'perf-target-'),
  };
}

export interface SummaryBlock extends UnitRef {
  year: number;
  summary: ProjectSummary;
  findings: Finding[];
}

/** A summary report's totals about all its projects (district), with its findings. */
export function summaryBlock(entry: Entry, bundle: Bundle): SummaryBlock | null {
  const s = bundle.performance.projectSummary;
  if (!s) return null;
  return {
    ...unitRef(entry),
    year: entry.fiscalYear,
    summary: s,
    findings: findingsWithPrefix(bundle, 'perf-summary-'),
  };
}

/** Everything the view needs from one document. */
export interface PerformanceUnitData {
  projects: ProjectRow[];
  mix: GradeMix;
  department: DepartmentBlock | null;
  targets: TargetBlock | null;
  summary: SummaryBlock | null;
}

export function performanceForBundle(entry: Entry, bundle: Bundle): PerformanceUnitData {
  const projects = projectRows(entry, bundle);
  return {
    projects,
    mix: gradeMix(entry, bundle, projects),
    department: departmentBlock(entry, bundle),
    targets: targetBlock(entry, bundle),
    summary: summaryBlock(entry, bundle),
  };
}

/** Severity in words for a flag beside a figure. */
export const SEVERITY_LABEL: Record<Finding['severity'], string> = {
  error: '不一致',
  warning: '注意',
  info: '提示',
};
