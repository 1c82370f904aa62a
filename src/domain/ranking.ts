/**
 * Where one unit stands among the compared units on one measure (对比矩阵): the median (中位数),
 * each value's rank and its distance from the median, and a value per person or per vehicle.
 * Pure decimal maths: a median is a statistic of the units, never a sum of them.
 */
import type { Decimal, DecimalString } from './money';
import { dec, roundHalfUp } from './money';

type Amount = DecimalString | Decimal;

/**
 * 中位数 of the values, half-up to 2 places: the middle value, or the mean of the two middle
 * values of an even count. Null for an empty list.
 */
export function median(values: readonly Amount[]): Decimal | null {
  if (values.length === 0) return null;
  const sorted = values.map((v) => dec(v)).sort((a, b) => a.comparedTo(b));
  const mid = sorted.length >> 1;
  const upper = sorted[mid] as Decimal;
  const middle = sorted.length % 2 === 1 ? upper : (sorted[mid - 1] as Decimal).plus(upper).div(2);
  return roundHalfUp(middle, 2);
}

/**
 * Rank of each value, largest first (1 = largest); equal values share a rank and the next rank
 * skips (1, 2, 2, 4), as a league table does. Nulls (no value) get no rank.
 */
export function ranksDescending(values: readonly (Amount | null)[]): (number | null)[] {
  const present = values.flatMap((v) => (v === null ? [] : [dec(v)]));
  return values.map((v) => {
    if (v === null) return null;
    const x = dec(v);
    return present.filter((p) => p.greaterThan(x)).length + 1;
  });
}

/**
 * How far a value is from the median: `diff` = value − median (in the measure's own unit, or
 * 百分点 for a percentage) and `relative` = diff ÷ |median| × 100 (percent, half-up 2 places;
 * null when the median is 0).
 */
export function distanceFromMedian(
  value: Amount,
  med: Amount,
): { diff: Decimal; relative: Decimal | null } {
  const diff = dec(value).minus(dec(med));
  const base = dec(med).abs();
  return {
    diff,
    relative: base.isZero() ? null : roundHalfUp(diff.div(base).times(100), 2),
  };
}

/**
 * An amount per person or per vehicle: amount ÷ count, half-up to 2 places. Null for a zero or
 * missing count (no unit has "per 0 vehicles").
 */
export function perCount(amount: Amount | null, count: Amount | null): Decimal | null {
  if (amount === null || count === null || dec(count).isZero()) return null;
  return roundHalfUp(dec(amount).div(dec(count)), 2);
}
