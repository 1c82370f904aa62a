/**
 * The 疑点 rules' names, severities and editable thresholds: what the URL of `#/flags` may carry
 * (src/store/routes.ts parses it with these) and what the rules read (./flag-rules.ts).
 */

/** The five rules, in the order the view lists them. */
export const FLAG_RULES = [
  'deviation',
  'lowExecution',
  'gradeExecution',
  'sangong',
  'structure',
] as const;
export type FlagRuleId = (typeof FLAG_RULES)[number];

/** Most serious first. */
export const FLAG_SEVERITIES = ['high', 'medium', 'low'] as const;
export type FlagSeverity = (typeof FLAG_SEVERITIES)[number];

export interface ThresholdSpec {
  /** Name of the URL parameter (`#/flags?dev=40`). */
  param: string;
  rule: FlagRuleId;
  /** Chinese label of the input. */
  label: string;
  /** What the number is in: %, 个百分点. */
  unit: string;
  /** Default, the figure used in assessments where there is one (decimal string). */
  default: string;
  min: string;
  max: string;
}

export const FLAG_THRESHOLDS = {
  deviation: {
    param: 'dev',
    rule: 'deviation',
    label: '决算偏离预算超过 ±',
    unit: '%',
    default: '30',
    min: '1',
    max: '1000',
  },
  execution: {
    param: 'exec',
    rule: 'lowExecution',
    label: '执行率低于',
    unit: '%',
    default: '80',
    min: '1',
    max: '100',
  },
  gradeExecution: {
    param: 'gexec',
    rule: 'gradeExecution',
    label: '评为优/良而执行率低于',
    unit: '%',
    default: '80',
    min: '1',
    max: '100',
  },
  sangongIncrease: {
    param: 'sg',
    rule: 'sangong',
    label: '比上年增长超过',
    unit: '%',
    default: '0',
    min: '0',
    max: '100',
  },
  shareMove: {
    param: 'share',
    rule: 'structure',
    label: '基本/项目支出占比变动超过',
    unit: '个百分点',
    default: '10',
    min: '0.1',
    max: '100',
  },
  carryOver: {
    param: 'carry',
    rule: 'structure',
    label: '年末结转和结余超过本年支出的',
    unit: '%',
    default: '10',
    min: '0.1',
    max: '1000',
  },
} as const satisfies Record<string, ThresholdSpec>;

export type ThresholdKey = keyof typeof FLAG_THRESHOLDS;
export const THRESHOLD_KEYS = Object.keys(FLAG_THRESHOLDS) as ThresholdKey[];

/** Thresholds the user changed (absent: the default). Values are decimal strings. */
export type FlagThresholds = Partial<Record<ThresholdKey, string>>;
/** Every threshold, defaults filled in. */
export type ThresholdValues = Record<ThresholdKey, string>;

const THRESHOLD_RE = /^\d{1,4}(\.\d{1,2})?$/;

/**
 * A threshold as typed (or found in the URL): a number within the spec's range, at most two
 * decimals, normalised ("030" → "30", "12.50" → "12.5"); null for anything else.
 */
export function parseThreshold(key: ThresholdKey, text: string): string | null {
  const t = text.trim();
  if (!THRESHOLD_RE.test(t)) return null;
  const spec = FLAG_THRESHOLDS[key];
  // Both sides are short plain decimals (≤ 4 integer digits, ≤ 2 decimals): exact as numbers.
  const n = Number(t);
  if (n < Number(spec.min) || n > Number(spec.max)) return null;
  return String(n);
}

/** The thresholds in force: each changed one, else its default. */
export function thresholdValues(changed: FlagThresholds): ThresholdValues {
  const out = {} as ThresholdValues;
  for (const k of THRESHOLD_KEYS) out[k] = changed[k] ?? FLAG_THRESHOLDS[k].default;
  return out;
}

/** Only the thresholds that differ from their default (what the URL carries). */
export function changedThresholds(values: FlagThresholds): FlagThresholds {
  const out: FlagThresholds = {};
  for (const k of THRESHOLD_KEYS) {
    const v = values[k];
    if (v !== undefined && v !== FLAG_THRESHOLDS[k].default) out[k] = v;
  }
  return out;
}

export function isFlagRule(s: string): s is FlagRuleId {
  return (FLAG_RULES as readonly string[]).includes(s);
}

export function isFlagSeverity(s: string): s is FlagSeverity {
  return (FLAG_SEVERITIES as readonly string[]).includes(s);
}
