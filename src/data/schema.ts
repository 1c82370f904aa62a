/**
 * The bundle format, version 1. One bundle per source document; see src/data/bundle-format.md.
 * Every object is strict (unknown keys are rejected) so a typo or an injected `__proto__`
 * never slips through validation.
 */
import * as z from 'zod/mini';
import { amountUnit, bundleId, decimalString, fig, lineNo } from './schema-common';
import { narrativeSchema } from './schema-narrative';
import { performanceSchema } from './schema-performance';

export const SCHEMA_VERSION = 1;

export const unitLevel = z.enum(['省级', '市级', '服务中心', '区县级']);
export const scope = z.enum(['部门', '单位']);
export const docKind = z.enum(['决算', '预算']);

export const unitInfo = z.strictObject({
  /** Full name as printed, e.g. 大同市行政审批服务管理局[部门]. */
  name: z.string().check(z.minLength(1)),
  /** Unit or department code where the document prints one (229001, 032). */
  code: z.optional(z.string()),
  level: unitLevel,
  scope,
  /** The department a unit belongs to, where the document says so. */
  parent: z.optional(
    z.strictObject({ code: z.optional(z.string()), name: z.string().check(z.minLength(1)) }),
  ),
  /** Units a 部门 consolidates, where the document lists them. */
  members: z.optional(z.array(z.string().check(z.minLength(1)))),
});
export type UnitInfo = z.infer<typeof unitInfo>;

export const sourceInfo = z.strictObject({
  /** Path of the original text relative to public/data/, e.g. sources/datong-city-dept-2024-final.txt. */
  file: z.string().check(z.minLength(1)),
  /** Title line(s) of the document as printed. */
  title: z.string().check(z.minLength(1)),
  /** sha256 of the source text, hex. */
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  lineCount: z.int().check(z.minimum(1)),
});

/** A table cell: a printed figure, or null where the cell is empty (zero / not applicable). */
export const cell = z.nullable(fig);

export const tableColumn = z.strictObject({
  key: z.string().check(z.minLength(1)),
  /** Column heading as printed (joined across header rows). */
  label: z.string().check(z.minLength(1)),
});

export const tableRow = z.strictObject({
  /** Stable key within its group: the 科目 code where there is one, else the normalised label. */
  key: z.string().check(z.minLength(1)),
  /** 功能分类 / 经济分类 code as printed (201, 20103, 2010301, 30101 …). */
  code: z.optional(z.string()),
  label: z.string(),
  /** A second label cell where the table has one (预算 basic-expenditure table: 政府预算支出经济科目). */
  altLabel: z.optional(z.string()),
  /** Depth in the classification tree: 1 类, 2 款, 3 项 (功能分类); 1 类, 2 款 (经济分类). */
  level: z.optional(z.int().check(z.minimum(0), z.maximum(3))),
  /** Row group for tables with several blocks, e.g. income/expense sides of 公开01. */
  group: z.optional(z.string()),
  line: lineNo,
  cells: z.record(z.string(), cell),
});
export type TableRow = z.infer<typeof tableRow>;

export const tableSchema = z.strictObject({
  /** Standard table id: 公开01 … 公开10 (决算), 预算01 … 预算13 (预算). */
  id: z.string().check(z.regex(/^(公开(0[1-9]|10)|预算(0[1-9]|1[0-3]))$/)),
  title: z.string().check(z.minLength(1)),
  line: lineNo,
  unit: amountUnit,
  /** The document says 本表无数据: a fact, not an error. */
  noData: z.boolean(),
  columns: z.array(tableColumn),
  rows: z.array(tableRow),
});
export type Table = z.infer<typeof tableSchema>;

export const finding = z.strictObject({
  id: z.string().check(z.minLength(1)),
  severity: z.enum(['error', 'warning', 'info']),
  /** sum: parts vs total; cross-table: one figure in two tables; percent: stated vs computed; narrative: text vs table; format: how a figure was printed; completeness: a part the document promises is missing (a truncated text). */
  kind: z.enum(['sum', 'cross-table', 'percent', 'narrative', 'format', 'completeness']),
  /** Chinese, one sentence, says what disagrees. */
  message: z.string().check(z.minLength(1)),
  expected: z.string(),
  printed: z.string(),
  lines: z.array(lineNo).check(z.minLength(1)),
});
export type Finding = z.infer<typeof finding>;

export const correction = z.strictObject({
  line: lineNo,
  printed: z.string(),
  /** The value used in the bundle. */
  value: decimalString,
  reason: z.string().check(z.minLength(1)),
});

export const skippedCell = z.strictObject({
  line: lineNo,
  text: z.string(),
  /** Where it was: a table id or a section name. */
  where: z.string().check(z.minLength(1)),
  reason: z.string().check(z.minLength(1)),
});

export const bundleSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: bundleId,
  unit: unitInfo,
  kind: docKind,
  fiscalYear: z.int().check(z.minimum(2000), z.maximum(2100)),
  source: sourceInfo,
  tables: z.array(tableSchema),
  narrative: narrativeSchema,
  performance: performanceSchema,
  corrections: z.array(correction),
  skipped: z.array(skippedCell),
  findings: z.array(finding),
});
export type Bundle = z.infer<typeof bundleSchema>;

/** Headline figures copied into the manifest so the overview needs no full bundle. */
/** A headline figure, in 万元; `printedAs` keeps the digits of a figure printed in 元. */
const headlineFig = z.strictObject({
  v: decimalString,
  line: lineNo,
  printedAs: z.optional(decimalString),
});

export const headline = z.strictObject({
  incomeTotal: z.nullable(headlineFig),
  expenseTotal: z.nullable(headlineFig),
  basicExpense: z.nullable(headlineFig),
  projectExpense: z.nullable(headlineFig),
  findings: z.strictObject({
    error: z.int().check(z.minimum(0)),
    warning: z.int().check(z.minimum(0)),
    info: z.int().check(z.minimum(0)),
  }),
});
export type Headline = z.infer<typeof headline>;

export const manifestEntry = z.strictObject({
  id: bundleId,
  /** Bundle JSON file relative to public/data/. */
  file: z.string().check(z.minLength(1)),
  /** The same bundle as a classic script (for file:// use). */
  script: z.string().check(z.minLength(1)),
  unit: unitInfo,
  kind: docKind,
  fiscalYear: z.int(),
  headline,
});

export const manifestSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  bundles: z.array(manifestEntry),
});
export type Manifest = z.infer<typeof manifestSchema>;

export { amountUnit, decimalString, fig, lineNo };
