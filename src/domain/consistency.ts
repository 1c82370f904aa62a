/**
 * Consistency rules the documents themselves imply. Tables carry rounding differences
 * (尾数误差): a sum within 0.01 per summed row of its total is consistent.
 */
import type { Decimal, DecimalString } from './money';
import { dec, sum } from './money';

export type SumVerdict = 'exact' | 'rounding' | 'mismatch';

export interface SumResult {
  verdict: SumVerdict;
  total: Decimal;
  parts: Decimal;
  difference: Decimal;
}

/** Compare a printed total with the sum of its printed parts (missing parts count as zero). */
export function checkSum(
  total: DecimalString,
  parts: readonly (DecimalString | null)[],
): SumResult {
  const t = dec(total);
  const present = parts.filter((p): p is DecimalString => p !== null);
  const s = sum(present);
  const difference = s.minus(t);
  const tolerance = dec('0.01').times(Math.max(1, present.length));
  const verdict: SumVerdict = difference.isZero()
    ? 'exact'
    : difference.abs().lessThanOrEqualTo(tolerance)
      ? 'rounding'
      : 'mismatch';
  return { verdict, total: t, parts: s, difference };
}

/** Two printings of the same figure agree exactly. */
export function sameAmount(a: DecimalString, b: DecimalString): boolean {
  return dec(a).equals(dec(b));
}
