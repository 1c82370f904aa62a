/**
 * The measures one overview card shows for a document, read from its bundle. Pure: figures come
 * from the standard tables and the narrative as printed; rates and shares from src/domain.
 */
import type { Bundle } from '@/data/schema';
import type { Fig } from '@/data/schema-common';
import { readStructure } from '@/data/structure';
import { tableCell } from '@/data/table-cell';
import { executionRate, mean, share } from '@/domain/measures';
import { computedShare } from '@/components/figure-value';
import type { DerivedFigure } from '@/components/figure-value';
import type { Decimal } from '@/domain/money';

export interface SplitMeasure {
  a: Fig | null;
  b: Fig | null;
  /**
   * a's share of the printed total (percent), null without a total: as the text prints it where
   * it does, else computed by the dashboard (※ 计算值, naming its formula and lines).
   */
  aShare: Fig | DerivedFigure | null;
  bShare: Fig | DerivedFigure | null;
}

export interface OverviewMeasures {
  /** 基本支出 vs 项目支出, shares of 本年支出合计. */
  basicProject: SplitMeasure;
  /** 人员经费 vs 公用经费, shares of 基本支出. */
  personnelPublic: SplitMeasure;
  /** 一般公共预算财政拨款支出: 年初预算 vs 决算 and the stated completion rate (决算 only). */
  execution: {
    budget: Fig | null;
    actual: Fig;
    stated: Fig | null;
    computed: Decimal | null;
  } | null;
  /** 三公经费: actual (决算) or budget (预算); `none` when the document states there is none. */
  sangong: { value: Fig | null; none: boolean; basis: '决算数' | '预算数' };
  operatingCosts: Fig | null;
  procurement: { total: Fig; sme: Fig | null; smePct: Fig | null } | null;
  vehicles: Fig | null;
  /** Project self-evaluations: count, mean 总分 (half-up 2 places), grade counts. */
  projects: {
    count: number;
    scored: number;
    /** The mean of the printed 总分, computed (its formula and the scores' lines). */
    meanScore: DerivedFigure | null;
    grades: Record<'优' | '良' | '中' | '差', number>;
  } | null;
  /** 部门整体 self-evaluation: 总得分 and grade. */
  department: { score: Fig | null; grade: string | null; line: number } | null;
  /** Budget documents: number of 项目支出绩效目标 tables. */
  targets: number;
}

/** In 万元 whatever the table's printed unit: the overview sets documents side by side. */
function cell(bundle: Bundle, table: string, key: string, col: string, group?: string): Fig | null {
  return tableCell(bundle.tables, table, key, col, group);
}

/** Names of a split's two parts and of the total they are shares of, as the documents print them. */
interface SplitNames {
  a: string;
  b: string;
  total: string;
}

/**
 * part ÷ total as a computed figure: "基本支出占比 = 基本支出 ÷ 本年支出合计 × 100% = …"; the share
 * the text prints instead, where it prints one.
 */
function shareFig(
  part: Fig | null,
  partName: string,
  total: Fig,
  totalName: string,
  printed: Fig | null,
): Fig | DerivedFigure | null {
  if (printed !== null) return printed;
  // A part the table leaves blank is 0 of the total (its line is the total's).
  const amount = part ?? { v: '0', line: total.line };
  return computedShare(
    share(amount.v, total.v)?.toFixed(2) ?? null,
    { name: partName, fig: amount },
    { name: totalName, fig: total },
  );
}

function split(
  a: Fig | null,
  b: Fig | null,
  total: Fig | null,
  names: SplitNames,
  printed: { a: Fig | null; b: Fig | null },
): SplitMeasure {
  return {
    a,
    b,
    aShare: total === null ? null : shareFig(a, names.a, total, names.total, printed.a),
    bShare: total === null ? null : shareFig(b, names.b, total, names.total, printed.b),
  };
}

export function overviewMeasures(bundle: Bundle): OverviewMeasures {
  const final = bundle.kind === '决算';
  const n = bundle.narrative;

  const s = readStructure(bundle);

  const total = n.executions.find((e) => e.key === 'total' && e.basis === '年初预算');
  const execution =
    final && total !== undefined
      ? {
          budget: total.budget,
          actual: total.actual,
          stated: total.rate,
          computed: executionRate(total.actual.v, total.budget?.v ?? null),
        }
      : null;

  const sangongTable = bundle.tables.find((t) => t.id === (final ? '公开09' : '预算10'));
  const sangongValue = final
    ? cell(bundle, '公开09', 'sangong', 'actual.total')
    : cell(bundle, '预算10', '合计', 'total');
  const statedNone = n.noActivity.some((x) => x.key === 'sangong');
  const sangong = {
    value: sangongValue,
    none: sangongValue === null && (sangongTable?.noData === true || statedNone),
    basis: final ? ('决算数' as const) : ('预算数' as const),
  };

  // 公开10 may leave the count blank while the text states it ("共有车辆0辆"): a stated zero is a
  // figure, so the narrative fills a blank cell.
  const vehicles =
    (final ? cell(bundle, '公开10', '国有资产占用情况/车辆数合计（辆）', 'value') : null) ??
    n.assets?.vehicles ??
    null;

  const evaluated = bundle.performance.projects;
  const scoreFigs = evaluated.flatMap((p) => (p.totalScore !== null ? [p.totalScore] : []));
  const scores = scoreFigs.map((f) => f.v);
  const average = mean(scores);
  const grades = { 优: 0, 良: 0, 中: 0, 差: 0 };
  for (const p of evaluated) if (p.grade !== null) grades[p.grade.v] += 1;
  const projects =
    evaluated.length === 0
      ? null
      : {
          count: evaluated.length,
          scored: scores.length,
          meanScore:
            average === null
              ? null
              : {
                  v: average.toFixed(2),
                  derived: {
                    formula: `平均得分 = (${scores.join(' + ')}) ÷ ${scores.length}`,
                    lines: [...new Set(scoreFigs.map((f) => f.line))],
                    computed: true,
                  },
                },
          grades,
        };
  const dept = bundle.performance.department;

  return {
    basicProject: split(
      s.basic,
      s.project,
      s.expense,
      { a: '基本支出', b: '项目支出', total: s.expenseName },
      { a: s.printedShares.basic, b: s.printedShares.project },
    ),
    personnelPublic: split(
      s.personnel,
      s.publicCosts,
      s.basicFiscal,
      { a: '人员经费', b: '公用经费', total: s.basicFiscalName },
      { a: s.printedShares.personnel, b: s.printedShares.publicCosts },
    ),
    execution,
    sangong,
    operatingCosts: n.operatingCosts,
    procurement:
      n.procurement === null
        ? null
        : {
            total: n.procurement.total,
            sme: n.procurement.sme?.amount ?? null,
            smePct: n.procurement.sme?.pct ?? null,
          },
    vehicles,
    projects,
    department:
      dept === null
        ? null
        : { score: dept.totalScore, grade: dept.grade?.v ?? null, line: dept.line },
    targets: bundle.performance.targets.length,
  };
}
