/**
 * The measures the dashboard compares: execution rate (执行率), year-over-year change (同比),
 * shares (占比). Pure functions over decimal strings; views call these and never do arithmetic.
 */
import type { Decimal, DecimalString } from './money';
import { dec, percent, roundHalfUp } from './money';

type Amount = DecimalString | Decimal;

/**
 * 执行率 / 完成年初预算: actual ÷ budget × 100, half-up to 2 places.
 * Null when there is no budget or it is zero: such a rate does not exist (shown as "—").
 */
export function executionRate(actual: Amount | null, budget: Amount | null): Decimal | null {
  if (actual === null || budget === null) return null;
  return percent(actual, budget);
}

/** 占比: part ÷ whole × 100, half-up to 2 places; null for a zero or missing whole. */
export function share(part: Amount | null, whole: Amount | null): Decimal | null {
  if (part === null || whole === null) return null;
  return percent(part, whole);
}

export interface YoyChange {
  /** current − prior (signed). */
  amount: Decimal;
  /** Percent change against the prior value; null when the prior is zero (no base). */
  percent: Decimal | null;
  /** The documents' words: 增加/减少 for the amount, 增长/下降 for the percent. */
  direction: '增加' | '减少' | '持平';
  pctDirection: '增长' | '下降' | null;
}

/** Year-over-year change of `current` against `prior`. */
export function yoyChange(current: Amount, prior: Amount): YoyChange {
  const amount = dec(current).minus(dec(prior));
  const base = dec(prior);
  const pct = base.isZero() ? null : roundHalfUp(amount.div(base.abs()).times(100), 2);
  const direction = amount.isZero() ? '持平' : amount.isPositive() ? '增加' : '减少';
  return {
    amount,
    percent: pct,
    direction,
    pctDirection: pct === null || pct.isZero() ? null : pct.isPositive() ? '增长' : '下降',
  };
}

/** The prior-year value a document implies: current − change for 增加, current + change for 减少. */
export function priorFromChange(
  current: Amount,
  change: Amount,
  direction: '增加' | '减少' | '持平',
): Decimal {
  if (direction === '持平') return dec(current);
  return direction === '增加' ? dec(current).minus(dec(change)) : dec(current).plus(dec(change));
}

/** Bands for the 自评等级 the documents use: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below. */
export function gradeForScore(score: Amount): '优' | '良' | '中' | '差' {
  const s = dec(score);
  if (s.greaterThanOrEqualTo(90)) return '优';
  if (s.greaterThanOrEqualTo(80)) return '良';
  if (s.greaterThanOrEqualTo(60)) return '中';
  return '差';
}

/** Arithmetic mean half-up to 2 places (e.g. the average 自评总分); null for an empty list. */
export function mean(values: readonly Amount[]): Decimal | null {
  if (values.length === 0) return null;
  const total = values.reduce<Decimal>((acc, v) => acc.plus(dec(v)), dec('0'));
  return roundHalfUp(total.div(values.length), 2);
}
