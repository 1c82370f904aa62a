/**
 * Project and department performance self-evaluations (绩效自评), and budget performance targets
 * (绩效目标). Filled in by src/ingest/performance.ts; field by field in src/data/format-performance.md.
 * Every printed number is a `fig` (decimal string as printed + source line); indicator values such
 * as "≥95%" or "达成预期指标" are text because they mix numbers, operators and words.
 */
import * as z from 'zod/mini';
import { amountUnit, decimalString, fig, lineNo } from './schema-common';

/** An amount a text states, as printed, in the unit printed after it ("1.10万元", "250000元"). */
export const statedAmount = z.strictObject({ v: decimalString, line: lineNo, unit: amountUnit });

/**
 * What a project's 实际完成情况 text says of its own funds ("专班2024年预算1.10万元,实际使用经费
 * 88.4万元,…预算执行率80.39%"): checked against its 项目资金 table, never used in its place.
 */
export const statedFunds = z.strictObject({
  budget: z.nullable(statedAmount),
  executed: z.nullable(statedAmount),
  rate: z.nullable(fig),
  /** Its 实际完成情况 or 项目绩效分析 says the budget was spent in full ("项目预算执行情况, 全额执行"). */
  fullyExecuted: z.optional(
    z.strictObject({ text: z.string().check(z.minLength(1)), line: lineNo }),
  ),
});
export type StatedFunds = z.infer<typeof statedFunds>;

/** 自评等级 as printed: 优 excellent, 良 good, 中 fair, 差 poor. */
export const grade = z.enum(['优', '良', '中', '差']);
export type Grade = z.infer<typeof grade>;

export const gradeFig = z.strictObject({ v: grade, line: lineNo });

/**
 * One row of 项目资金预算安排及执行进度 (or the department's 按资金来源/按资金方向 tables).
 * Empty cells are null. `executionScore` is the budget-execution part of the score (out of 10).
 */
export const fundRow = z.strictObject({
  /** Row label as printed: 资金总额, 省级财政资金, 市县区财政资金, 基本支出 … */
  label: z.string(),
  line: lineNo,
  /** 年初预算数 · 目标申报数 (declared with the target). */
  declared: z.nullable(fig),
  /** 年初预算数 · 预算编制数 (in the budget as compiled). */
  budgeted: z.nullable(fig),
  /** 全年预算数: the adjusted full-year budget. */
  fullYearBudget: z.nullable(fig),
  /** 全年执行数: spent. */
  executed: z.nullable(fig),
  /** 资金结(转)余 = 全年预算数 − 全年执行数, as printed. */
  balance: z.nullable(fig),
  /** 执行率 (%) as printed = 全年执行数 ÷ 全年预算数. */
  executionRate: z.nullable(fig),
  /** 得分 for budget execution, out of 10 (= 执行率 × 10%). */
  executionScore: z.nullable(fig),
  /** 偏差原因 text. */
  deviationReason: z.nullable(z.string()),
});
export type FundRow = z.infer<typeof fundRow>;

/** A 资金总额/合计 row and the rows by source or direction beneath it, kept distinct. */
export const fundBlock = z.strictObject({
  total: z.nullable(fundRow),
  rows: z.array(fundRow),
});
export type FundBlock = z.infer<typeof fundBlock>;

/** One 绩效指标 row of a self-evaluation. Levels are carried down from the rows above when blank. */
export const indicator = z.strictObject({
  line: lineNo,
  /** 一级指标: 产出指标, 效益指标, 满意度指标, 成本指标. */
  level1: z.nullable(z.string()),
  /** 二级指标: 数量指标, 质量指标, 时效指标, 成本指标, 社会效益, 服务对象满意度 … */
  level2: z.nullable(z.string()),
  /** 三级指标 / 指标名称. */
  name: z.nullable(z.string()),
  /** 年初指标值 (only in tables that print it). */
  initialTarget: z.nullable(z.string()),
  /** 调整后指标值, or 年度指标 where only one target column is printed. */
  target: z.nullable(z.string()),
  /** 实际完成值. */
  actual: z.nullable(z.string()),
  /** 定性情况说明. */
  qualitative: z.nullable(z.string()),
  /** 分值 / 权重: the points this indicator is worth. */
  weight: z.nullable(fig),
  /** 得分: the points awarded (empty cell: null, counts as 0). */
  score: z.nullable(fig),
  /** 偏差原因分析及改进措施. */
  deviationReason: z.nullable(z.string()),
});
export type Indicator = z.infer<typeof indicator>;

/** A cell printed in an unusual way and how it was read (also listed in the bundle's corrections). */
export const formatNote = z.strictObject({
  line: lineNo,
  /** Which field of which row: e.g. "省级财政资金.executed". */
  field: z.string().check(z.minLength(1)),
  printed: z.string(),
  value: decimalString,
  /** Chinese, why this reading. */
  note: z.string().check(z.minLength(1)),
});
export type FormatNote = z.infer<typeof formatNote>;

/** One project's self-evaluation (项目支出绩效自评表, or one row of a summary list). */
export const projectEvaluation = z.strictObject({
  /** Stable within the document: "p1", "p2" … in document order. */
  id: z.string().check(z.regex(/^p\d+$/)),
  /** 项目名称 as printed. */
  name: z.string().check(z.minLength(1)),
  /** First line of the table title (或 the list row). */
  line: lineNo,
  /** Title as printed, lines joined. */
  title: z.string(),
  /** Evaluation year from "(2024年度)", null when not printed. */
  year: z.nullable(z.int()),
  /** full-table: a 项目支出绩效自评表; summary-list: a row of the two short tables (budget/payment, score/grade). */
  layout: z.enum(['full-table', 'summary-list']),
  unit: amountUnit,
  /** 主管部门及代码. */
  department: z.nullable(z.string()),
  /** 预算单位. */
  budgetUnit: z.nullable(z.string()),
  /** total: the 资金总额 row; rows: one per fund source (省级财政资金 …). */
  funds: fundBlock,
  /** 项目年度绩效目标 · 年度目标 and 实际完成情况 text. */
  annualGoal: z.nullable(z.string()),
  goalOutcome: z.nullable(z.string()),
  /** Figures goalOutcome states about the project's funds; absent in bundles written before. */
  statedFunds: z.optional(statedFunds),
  indicators: z.array(indicator),
  /** 总分 out of 100. */
  totalScore: z.nullable(fig),
  /** 自评等级. */
  grade: z.nullable(gradeFig),
  formatNotes: z.array(formatNote),
});
export type ProjectEvaluation = z.infer<typeof projectEvaluation>;

/**
 * Figures a summary report states about all its projects together (the district's
 * 项目支出绩效自评总结报告): narrative totals and the 总计 row of its budget/payment list.
 */
export const projectSummary = z.strictObject({
  line: lineNo,
  /** "预算到位资金 791.96万元". */
  statedBudget: z.nullable(fig),
  /** "支出金额652.22 万元". */
  statedExecuted: z.nullable(fig),
  /** "预算支出进度82.26%". */
  statedRate: z.nullable(fig),
  /** 总计 row of the list: 预算指标 and 支付金额. */
  tableBudget: z.nullable(fig),
  tableExecuted: z.nullable(fig),
  /** "涉及 12个项目". */
  statedCount: z.nullable(fig),
});
export type ProjectSummary = z.infer<typeof projectSummary>;

/** 部门整体支出绩效自评: the whole department's self-evaluation. */
export const departmentEvaluation = z.strictObject({
  /** 主管部门 as printed. */
  name: z.nullable(z.string()),
  line: lineNo,
  unit: amountUnit,
  /** 按资金来源划分: 合计 and 一般公共预算资金 …. */
  bySource: fundBlock,
  /** 按资金方向划分: 合计, 基本支出, 项目支出. */
  byDirection: fundBlock,
  indicators: z.array(indicator),
  /** "预算执行情况得分 8.92 分" in the conclusion. */
  statedExecutionScore: z.nullable(fig),
  /** "指标完成情况得分 90 分". */
  statedIndicatorScore: z.nullable(fig),
  /** "总得分 98.92 分". */
  totalScore: z.nullable(fig),
  /** "属于“优”". */
  grade: z.nullable(gradeFig),
  /** "核定人员编制数： 102" and "实际在职人员总数： 109" in its 人员情况, where printed. */
  staffQuota: z.optional(z.nullable(fig)),
  staffActual: z.optional(z.nullable(fig)),
  /** Its "其中:在编人员数(人): 92 其他人员数(人): 0", where printed. */
  staffOnEstablishment: z.optional(z.nullable(fig)),
  staffOther: z.optional(z.nullable(fig)),
});
export type DepartmentEvaluation = z.infer<typeof departmentEvaluation>;

/** One fund line of a target table: 实施期 and 年度 amounts side by side. */
export const targetFund = z.strictObject({
  /** 资金总额, 中央财政资金, 省级财政资金, 市县(区)财政资金, 单位自筹, 其他资金. */
  label: z.string().check(z.minLength(1)),
  line: lineNo,
  /** 实施期资金 (whole implementation period). */
  period: z.nullable(fig),
  /** 年度资金 (the budget year). */
  annual: z.nullable(fig),
});
export type TargetFund = z.infer<typeof targetFund>;

/** One indicator of a target table: the 实施期 value and the 年度 value. */
export const targetIndicator = z.strictObject({
  line: lineNo,
  level1: z.nullable(z.string()),
  level2: z.nullable(z.string()),
  /** 三级指标 (annual side where printed, else the period side). */
  name: z.nullable(z.string()),
  /** 指标值 for the implementation period. */
  periodValue: z.nullable(z.string()),
  /** 指标值 for the year. */
  annualValue: z.nullable(z.string()),
});
export type TargetIndicator = z.infer<typeof targetIndicator>;

/** 项目支出绩效目标表: a budget's target for one project. Targets, not scores. */
export const projectTarget = z.strictObject({
  id: z.string().check(z.regex(/^t\d+$/)),
  name: z.string().check(z.minLength(1)),
  line: lineNo,
  title: z.string(),
  year: z.nullable(z.int()),
  unit: amountUnit,
  department: z.nullable(z.string()),
  /** 实施单位. */
  implementingUnit: z.nullable(z.string()),
  /** 项目属性, e.g. 经常性项目（长期开展）. */
  attribute: z.nullable(z.string()),
  /** 项目期 as printed, e.g. 99年. */
  period: z.nullable(z.string()),
  /** total: 实施期/年度资金总额; rows: by source. */
  funds: z.strictObject({ total: z.nullable(targetFund), rows: z.array(targetFund) }),
  /** 总体目标: implementation period and year. */
  periodGoal: z.nullable(z.string()),
  annualGoal: z.nullable(z.string()),
  indicators: z.array(targetIndicator),
  /** 填报日期 as printed (digits). */
  reportDate: z.nullable(z.string()),
  /** The line of 填报日期 (optional: bundles written before it was kept lack it). */
  reportDateLine: z.optional(lineNo),
});
export type ProjectTarget = z.infer<typeof projectTarget>;

/** "纳入绩效目标管理的二级项目6个，共计金额590.73万元". */
export const targetSummary = z.strictObject({
  line: lineNo,
  count: z.nullable(fig),
  /** 万元. */
  amount: z.nullable(fig),
});
export type TargetSummary = z.infer<typeof targetSummary>;

export const performanceSchema = z.strictObject({
  projects: z.array(projectEvaluation),
  projectSummary: z.nullable(projectSummary),
  department: z.nullable(departmentEvaluation),
  targets: z.array(projectTarget),
  targetSummary: z.nullable(targetSummary),
});
export type Performance = z.infer<typeof performanceSchema>;

/** The row that carries a project's headline figures: 资金总额, else the only/first source row. */
export function headlineFunds(block: FundBlock): FundRow | null {
  return block.total ?? block.rows[0] ?? null;
}
