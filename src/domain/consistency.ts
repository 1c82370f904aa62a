/**
 * Consistency rules the documents themselves imply. Tables carry rounding differences
 * (尾数误差): a sum within one unit of the last printed place (0.01 in 万元, 1 in a table of whole
 * yuan) per summed row of its total is consistent.
 */
import type { DecimalString } from './money';
import { Decimal, dec, printedPlaces, sum } from './money';

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
  /**
   * Places a figure counts at least: 2 for 万元 (the documents print 0.01 and drop trailing
   * zeros); 0 for a table in 元, whose whole-yuan figures are rounded to 1 元.
   */
  minPlaces = 2,
): SumResult {
  const t = dec(total);
  const present = parts.filter((p): p is DecimalString => p !== null);
  const s = sum(present);
  const difference = s.minus(t);
  // One unit of the coarsest place printed (never finer than 0.01) for each part; a printed 0
  // is exact however it is printed.
  const coarsest = Math.min(
    2,
    ...[total, ...present]
      .filter((v) => !dec(v).isZero())
      .map((v) => Math.max(minPlaces, printedPlaces(v))),
  );
  const tolerance = dec('10').pow(-coarsest).times(Math.max(1, present.length));
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

/**
 * Half a unit of the last printed place: how far a printed figure may be from the true one.
 * Amounts count at least 2 places: the documents print 万元 to 0.01 and drop trailing zeros
 * ("100" is 100.00, not anything from 99.5 to 100.5).
 */
function halfUnit(v: DecimalString, minPlaces = 0): Decimal {
  return dec('0.5').times(dec('10').pow(-Math.max(minPlaces, printedPlaces(v))));
}

export type PercentVerdict = 'exact' | 'rounding' | 'mismatch' | 'noBase';

export interface PercentResult {
  verdict: PercentVerdict;
  /** part ÷ whole × 100 rounded half-up to the printed percentage's places; null over a zero whole. */
  computed: Decimal | null;
}

/**
 * A printed percentage (执行率, 占比) against part ÷ whole × 100 from the printed amounts.
 * - exact: the same at the printed precision;
 * - rounding: different, but within the documents' rounding tolerance (尾数误差): the amounts
 *   are themselves rounded to their last printed place, and some values they stand for give the
 *   printed percentage (2.42 may be 2.415…2.425, so 1.894 ÷ 2.42 may print 78.28 as well as
 *   78.26). A hint, not an error;
 * - mismatch: no rounding of the amounts gives it (652.22 ÷ 791.96 printed 82.26 for 82.36);
 * - noBase: a zero whole has no percentage.
 */
export function checkPercent(
  part: DecimalString,
  whole: DecimalString,
  printed: DecimalString,
): PercentResult {
  const w = dec(whole);
  if (w.isZero()) return { verdict: 'noBase', computed: null };
  const p = dec(part);
  const digits = printedPlaces(printed);
  const computed = p.div(w).times(100).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  const shown = dec(printed);
  if (computed.equals(shown)) return { verdict: 'exact', computed };
  const hp = halfUnit(part, 2);
  const hw = halfUnit(whole, 2);
  const wLow = w.minus(hw);
  const wHigh = w.plus(hw);
  // A whole that may be zero bounds nothing.
  if (wLow.isNegative() !== wHigh.isNegative() || wLow.isZero() || wHigh.isZero()) {
    return { verdict: 'rounding', computed };
  }
  const corners = [p.minus(hp), p.plus(hp)].flatMap((pp) =>
    [wLow, wHigh].map((ww) => pp.div(ww).times(100)),
  );
  const low = Decimal.min(...corners).minus(halfUnit(printed));
  const high = Decimal.max(...corners).plus(halfUnit(printed));
  const within = shown.greaterThanOrEqualTo(low) && shown.lessThanOrEqualTo(high);
  return { verdict: within ? 'rounding' : 'mismatch', computed };
}
