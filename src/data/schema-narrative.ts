/**
 * Figures stated in the narrative (第三部分 情况说明 / 预算情况说明, and counts from 第一部分 概况).
 * Filled in by src/ingest/narrative.ts; field meanings in src/data/format-narrative.md.
 *
 * Every printed number is a `fig` (decimal string + source line); numbers the text does not
 * print (prior-year values) are `derivedFig`s that name their formula and lines.
 * Statements are lists in document order: a figure stated twice appears twice, and the checks
 * compare the copies instead of the parser silently choosing one.
 */
import * as z from 'zod/mini';
import { derivedFig, fig, lineNo } from './schema-common';

/** Which narrative section a statement came from (keyed on the standard headings). */
export const narrativeSection = z.enum([
  'overview', // 第一部分 概况
  'overall', // 收入支出决算总体 / 单位预算收支数据变动
  'income', // 收入决算 / 收入预算
  'expense', // 支出决算 / 支出预算
  'fiscal', // 财政拨款收支总体
  'generalBudget', // 一般公共预算财政拨款支出
  'basic', // 一般公共预算财政拨款基本支出
  'governmentFund', // 政府性基金
  'stateCapital', // 国有资本经营
  'sangong', // “三公”经费
  'operatingCosts', // 机关运行经费
  'procurement', // 政府采购
  'assets', // 国有资产占用
  'performance', // 预算绩效 / 绩效管理
  'other',
]);
export type NarrativeSection = z.infer<typeof narrativeSection>;

/** 增加/减少 as printed; 持平 for "与上年相同". */
export const changeDirection = z.enum(['增加', '减少', '持平']);
export const pctDirection = z.enum(['增长', '下降']);

/** A headline amount stated in the text (收入总计, 支出合计, 基本支出 …), 万元. */
export const totalStatement = z.strictObject({
  /** incomeTotal, expenseTotal, incomeSubtotal (收入合计), expenseSubtotal (支出合计), fiscalIncomeTotal, fiscalExpenseTotal, fiscalTotal (budget 财政拨款收支总预算), generalBudgetExpense, basicExpense, personnel, publicOperating, operatingCosts. */
  key: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)),
  section: narrativeSection,
  value: fig,
});
export type TotalStatement = z.infer<typeof totalStatement>;

/** The explanation printed after a change: "主要原因是…" up to the end of its sentence or list. */
export const yoyReason = z.strictObject({
  text: z.string().check(z.minLength(1), z.maxLength(1000)),
  line: lineNo,
});
export type YoyReason = z.infer<typeof yoyReason>;

/** "与上年相比…增加X万元，增长Y%" and its relatives; amounts 万元, percent as printed. */
export const yoyStatement = z.strictObject({
  /** Stable subject key: incomeTotal, fiscalExpenseTotal, generalBudgetExpense, a 类 code ('201'), sangong, sangong.vehicleRunning, operatingCosts … */
  key: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)),
  section: narrativeSection,
  /** The comparison as printed: 与上年相比, 较上年决算, 比上年度, 比2023年, 比2025年预算, 与上年相同 … */
  basis: z.string().check(z.minLength(1)),
  current: fig,
  direction: changeDirection,
  /** False when the text omits 增加/减少 and the direction was read from 增长/下降. */
  directionPrinted: z.boolean(),
  /** Change amount (always non-negative as printed); null for 持平. */
  change: z.nullable(fig),
  pctDirection: z.nullable(pctDirection),
  /** Stated percent, e.g. "17.3", "90". */
  pct: z.nullable(fig),
  /** Prior-year value: current − change (增加) or current + change (减少); never printed. */
  prior: derivedFig,
  /**
   * The document's stated reason for the change ("主要原因是…"), as printed, with the line it
   * starts on. Absent when the text gives none (and in bundles from before it was read).
   */
  reason: z.optional(yoyReason),
});
export type YoyStatement = z.infer<typeof yoyStatement>;

/** A statement's subject is a 功能分类 类, keyed by its 3-digit code ("201"). */
export function isClassKey(key: string): boolean {
  return /^\d{3}$/.test(key);
}

/** A statement's subject is a 功能分类 项, as a national 说明 names it: "208.款名.项名". */
export function isItemKey(key: string): boolean {
  return /^\d{3}\./.test(key);
}

/** 年初预算 vs 支出决算 ("完成年初预算的X%") and 全年预算 vs 决算 (三公). */
export const executionStatement = z.strictObject({
  /**
   * 'total' (一般公共预算财政拨款支出), a 类 code ('201'), a 项 ('208.行政事业单位养老支出.行政单位离退休'),
   * 'sangong', 'sangong.vehicleRunning' …
   */
  key: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)),
  section: narrativeSection,
  basis: z.enum(['年初预算', '全年预算']),
  /** Null where the sentence states only the actual and the rate (三公 parts). */
  budget: z.nullable(fig),
  actual: fig,
  /** Stated execution rate in percent; null where not printed. */
  rate: z.nullable(fig),
});
export type ExecutionStatement = z.infer<typeof executionStatement>;

export const breakdownPart = z.strictObject({
  /** Stable key: income source (fiscal, other …), expense kind (basic, project), 类 code, or the label. */
  key: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)),
  amount: fig,
  /** Stated share ("占比X%" / "占X%"); null where not printed. */
  pct: z.nullable(fig),
});
export type BreakdownPart = z.infer<typeof breakdownPart>;

/** A total and its listed parts: income by source, expense 基本/项目, 类 structure, 人员/公用 … */
export const breakdown = z.strictObject({
  /** income, expense, generalBudgetByClass, generalBudgetOfExpense, basicExpense, personnel, publicOperating, personnel.工资福利支出, fiscal.byFund … */
  key: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)),
  section: narrativeSection,
  total: z.nullable(fig),
  /** True when the parts are meant to add up to the total; false for "主要包括" lists and single shares. */
  complete: z.boolean(),
  parts: z.array(breakdownPart),
});
export type Breakdown = z.infer<typeof breakdown>;

/** "本年度无此项收支" and similar: a fact that there is nothing, not a missing value. */
export const noActivity = z.strictObject({
  /** governmentFund, stateCapital, sangong (budget: 无“三公”经费预算), performance.overallTarget. */
  key: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)),
  section: narrativeSection,
  text: z.string().check(z.minLength(1)),
  line: lineNo,
});
export type NoActivity = z.infer<typeof noActivity>;

/** A count (not money): 团组, 人次, 辆, 批次, 个, 名 … */
export const countStatement = z.strictObject({
  key: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)),
  value: fig,
  unit: z.string().check(z.minLength(1)),
  /** The count as printed when it is not in digits ("三"). */
  printed: z.optional(z.string()),
});
export type CountStatement = z.infer<typeof countStatement>;

export const sangongPart = z.strictObject({
  /** sangong.abroad, sangong.vehiclePurchase, sangong.vehicleRunning, sangong.reception, sangong.reception.domestic, sangong.reception.foreignAffairs, sangong.reception.abroad. */
  key: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)),
  /** Amount in the 总体情况 paragraph (or the first mention). */
  amount: z.nullable(fig),
  /** Amount repeated in the 具体情况 paragraph. */
  detailAmount: z.nullable(fig),
});
export type SangongPart = z.infer<typeof sangongPart>;

export const sangong = z.strictObject({
  /** 全年预算 and 支出决算 of the 三公 total (决算); null where not stated. */
  budget: z.nullable(fig),
  actual: z.nullable(fig),
  parts: z.array(sangongPart),
  /** sangong.abroad.groups/persons, sangong.vehiclePurchase.vehicles, sangong.vehicleRunning.fleet, sangong.reception[.domestic|.foreignAffairs|.abroad].batches/persons. */
  counts: z.array(countStatement),
});
export type Sangong = z.infer<typeof sangong>;

/** 政府采购 (决算: 支出; 预算: 预算), 万元. */
export const procurement = z.strictObject({
  basis: z.enum(['支出', '预算']),
  total: fig,
  goods: z.nullable(fig),
  works: z.nullable(fig),
  services: z.nullable(fig),
  /** 授予中小企业合同金额 and its stated % of the total. */
  sme: z.nullable(z.strictObject({ amount: fig, pct: z.nullable(fig) })),
  /** 其中：授予小微企业合同金额. */
  smallMicro: z.nullable(z.strictObject({ amount: fig, pct: z.nullable(fig) })),
});
export type Procurement = z.infer<typeof procurement>;

/** 国有资产占用: vehicles, large equipment, office space. */
export const assets = z.strictObject({
  /** 共有车辆 / 实有 (辆). */
  vehicles: z.nullable(fig),
  /** 公务用车编制 (辆), budget documents. */
  vehicleQuota: z.nullable(fig),
  vehiclesByType: z.array(z.strictObject({ label: z.string().check(z.minLength(1)), count: fig })),
  /** Equipment at or above a unit price (万元) threshold: count of 台（套）. */
  equipment: z.array(z.strictObject({ threshold: fig, count: fig })),
  /** 办公用房建筑总面积, 平方米. */
  officeArea: z.nullable(fig),
});
export type Assets = z.infer<typeof assets>;

export const grade = z.enum(['优', '良', '中', '差']);

export const performanceSummary = z.strictObject({
  /** 绩效自评: number of 二级项目 and the money (万元) they cover. */
  selfEvalProjects: z.nullable(fig),
  selfEvalAmount: z.nullable(fig),
  /** "N个项目自评等级为“优”" (one entry per statement; sub-units may each have one). */
  grades: z.array(z.strictObject({ grade, count: fig })),
  /** 部门整体 self-evaluation grade and execution rate where stated. */
  overall: z.nullable(z.strictObject({ grade, line: lineNo, rate: z.nullable(fig) })),
  /** 部门评价 (重点绩效评价): project count and money. */
  deptEvalProjects: z.nullable(fig),
  deptEvalAmount: z.nullable(fig),
  /** Budget: 纳入绩效目标管理的二级项目 count and money. */
  targetProjects: z.nullable(fig),
  targetAmount: z.nullable(fig),
  targetsByType: z.array(
    z.strictObject({ label: z.string().check(z.minLength(1)), projects: fig, amount: fig }),
  ),
  /** Budget: 公开项目绩效目标 count, money, % of 项目支出. */
  published: z.nullable(
    z.strictObject({
      projects: fig,
      amount: fig,
      pct: z.nullable(fig),
      byType: z.array(
        z.strictObject({ label: z.string().check(z.minLength(1)), projects: fig, amount: fig }),
      ),
    }),
  ),
});
export type PerformanceSummary = z.infer<typeof performanceSummary>;

/** A figure in the text that no structured statement took (mostly 主要原因 explanations). */
export const mention = z.strictObject({
  section: narrativeSection,
  value: fig,
  unit: z.string(),
  /** The clause around it, as printed (wrapped lines joined). */
  context: z.string().check(z.minLength(1)),
});
export type Mention = z.infer<typeof mention>;

/** How a figure was printed, for 'format' findings: the parser reads it, the checks report it. */
export const formatIssue = z.strictObject({
  kind: z.enum(['missingUnit', 'missingDirection', 'chineseNumeral']),
  line: lineNo,
  text: z.string().check(z.minLength(1)),
});
export type FormatIssue = z.infer<typeof formatIssue>;

export const narrativeSchema = z.strictObject({
  /** Line of the 第三部分 heading; null when the document has no narrative part. */
  startLine: z.nullable(lineNo),
  overview: z.array(countStatement),
  totals: z.array(totalStatement),
  yoy: z.array(yoyStatement),
  executions: z.array(executionStatement),
  breakdowns: z.array(breakdown),
  noActivity: z.array(noActivity),
  sangong: z.nullable(sangong),
  /** 机关运行经费 (决算: 支出; 预算: 财政拨款预算), 万元; its YoY is in `yoy` under 'operatingCosts'. */
  operatingCosts: z.nullable(fig),
  procurement: z.nullable(procurement),
  assets: z.nullable(assets),
  performance: z.nullable(performanceSummary),
  mentions: z.array(mention),
  formatIssues: z.array(formatIssue),
});
export type Narrative = z.infer<typeof narrativeSchema>;

/** A narrative with nothing in it (a document without 第三部分, or a test fixture). */
export function emptyNarrative(): Narrative {
  return {
    startLine: null,
    overview: [],
    totals: [],
    yoy: [],
    executions: [],
    breakdowns: [],
    noActivity: [],
    sangong: null,
    operatingCosts: null,
    procurement: null,
    assets: null,
    performance: null,
    mentions: [],
    formatIssues: [],
  };
}
