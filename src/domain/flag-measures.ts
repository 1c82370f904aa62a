/**
 * The measures the 疑点 rules compare with their thresholds. Pure decimal maths over printed
 * figures; the rules themselves (which figures, which threshold) are in src/data/flag-rules.ts.
 */
import type { Decimal, DecimalString } from './money';
import { dec, percent, roundHalfUp } from './money';

type Amount = DecimalString | Decimal;

/**
 * 偏离度: how far 决算 is from its budget, in percent of the budget (执行率 − 100), half-up to 2
 * places: 1,126.92 against 770.18 is +46.32. Null for a zero budget (no rate exists).
 */
export function budgetDeviation(actual: Amount, budget: Amount): Decimal | null {
  const rate = percent(actual, budget);
  return rate === null ? null : rate.minus(100);
}

/** |value| > limit, exactly. */
export function beyond(value: Amount, limit: Amount): boolean {
  return dec(value).abs().greaterThan(dec(limit));
}

/**
 * 序时进度: the share of `year` that has elapsed on `today` (its day of the year over the year's
 * days), in percent, half-up to 2 places; 100 for a past year, 0 for a future one. Dates are
 * counted in whole days (UTC), not money, so plain numbers are exact here.
 */
export function elapsedYearShare(year: number, today: Date): Decimal {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (now >= end) return dec('100');
  if (now < start) return dec('0');
  const dayMs = 86_400_000;
  const elapsed = (now - start) / dayMs + 1;
  const days = (end - start) / dayMs;
  return roundHalfUp(dec(String(elapsed)).div(days).times(100), 2);
}

/**
 * The 预算执行率 indicator's score (out of 10) an execution rate earns: 执行率 × 10%, capped at 10
 * (the self-evaluation tables score it so; src/data/format-performance.md). Half-up to 2 places.
 */
export function executionScoreFor(rate: Amount): Decimal {
  const s = dec(rate).div(10);
  return roundHalfUp(s.greaterThan(10) ? dec('10') : s, 2);
}

/** Percentage points between two shares (now − before), signed. */
export function pointsMoved(now: Amount, before: Amount): Decimal {
  return dec(now).minus(dec(before));
}
