/**
 * Exact decimal arithmetic for printed amounts and percentages.
 * This is the only module that imports decimal.js: every other module goes through these helpers,
 * so a figure never becomes a JS number between the bundle and the screen.
 */
import Decimal from 'decimal.js';

export { Decimal };

/** A decimal amount as printed, e.g. "42683.67" or "-0.84". */
export type DecimalString = string;

/** The money unit a figure is printed in: the documents print 万元, some tables 元. */
export type AmountUnit = '万元' | '元';

/** 1 万元 = 10,000 元: converting moves the decimal point four places, exactly. */
const YUAN_PER_WAN = 10000;

/** An amount printed in `from` expressed in `to` (万元 ↔ 元), exact (never rounded). */
export function convertAmount(
  value: DecimalString | Decimal,
  from: AmountUnit,
  to: AmountUnit,
): Decimal {
  if (from === to) return dec(value);
  return from === '万元' ? dec(value).times(YUAN_PER_WAN) : dec(value).div(YUAN_PER_WAN);
}

/**
 * A precision (decimal places) of an amount in `from`, in `to`'s terms: 0.01 万元 is 100 元 (-2
 * places), 1 元 is 0.0001 万元 (4 places).
 */
export function convertPlaces(places: number, from: AmountUnit, to: AmountUnit): number {
  if (from === to) return places;
  return from === '万元' ? places - 4 : places + 4;
}

/** Decimal places a figure was printed with ("2296.91" → 2, "17.3" → 1, "1147200" → 0). */
export function printedPlaces(v: DecimalString): number {
  const dot = v.indexOf('.');
  return dot < 0 ? 0 : v.length - dot - 1;
}

const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

/** True when `s` is a plain decimal string (no exponent, no thousands separators). */
export function isDecimalString(s: string): boolean {
  return DECIMAL_RE.test(s);
}

export function dec(s: DecimalString | Decimal): Decimal {
  return s instanceof Decimal ? s : new Decimal(s);
}

/** Sum of decimal strings; an empty list sums to 0. */
export function sum(values: readonly (DecimalString | Decimal)[]): Decimal {
  return values.reduce<Decimal>((acc, v) => acc.plus(dec(v)), new Decimal(0));
}

/** Round half-up to `places` decimals, as the documents do. */
export function roundHalfUp(value: Decimal, places = 2): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/**
 * part ÷ whole × 100, rounded half-up to 2 places (执行率, 占比, 增长率).
 * Returns null when the whole is zero: a zero budget has no rate.
 */
export function percent(
  part: DecimalString | Decimal,
  whole: DecimalString | Decimal,
): Decimal | null {
  const w = dec(whole);
  if (w.isZero()) return null;
  return roundHalfUp(dec(part).div(w).times(100), 2);
}

/** Fixed two-place string of a decimal (no grouping). */
export function toFixed2(value: Decimal): DecimalString {
  return value.toFixed(2);
}

/** Order two decimal strings exactly; nulls sort after every number. */
export function compareDecimal(a: DecimalString | null, b: DecimalString | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return new Decimal(a).comparedTo(new Decimal(b));
}
