/**
 * Display formatting for figures. Rounding goes through src/domain/money.ts; only the final
 * string is grouped here, so a figure never passes through a JS number.
 */
import {
  convertAmount,
  convertPlaces,
  dec,
  printedPlaces,
  roundHalfUp,
  toFixed2,
} from '@/domain/money';
import type { Decimal, DecimalString } from '@/domain/money';
import type { AmountUnit } from '@/domain/money';

/** Shown wherever a figure is missing (null) or has no meaning (a rate over a zero budget). */
export const NO_VALUE = '—';

/** "1234567" (digits only) → "1,234,567". */
function groupDigits(int: string): string {
  const head = ((int.length - 1) % 3) + 1;
  let out = int.slice(0, head);
  for (let i = head; i < int.length; i += 3) out += `,${int.slice(i, i + 3)}`;
  return out;
}

/** "1234567.8" → "1,234,567.8": thousands separators on the integer part. */
function group(fixed: string): string {
  const neg = fixed.startsWith('-');
  const body = neg ? fixed.slice(1) : fixed;
  const dot = body.indexOf('.');
  const int = dot < 0 ? body : body.slice(0, dot);
  return `${neg ? '-' : ''}${groupDigits(int)}${dot < 0 ? '' : body.slice(dot)}`;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * A decimal string of at most 2 decimals (/^-?\d+(\.\d{1,2})?$/), as formatWanYuan shows it:
 * padded to 2 decimals and grouped, leading zeros and the sign of zero dropped. Null for any
 * other string. Read character by character: a long table formats a few hundred figures each
 * frame it scrolls, and a regular expression's match and pieces were most of what that allocated.
 */
function plainWanYuan(v: string): string | null {
  const neg = v.charCodeAt(0) === 45; // '-'
  let i = neg ? 1 : 0;
  const intStart = i;
  while (i < v.length && isDigit(v.charCodeAt(i))) i++;
  const intEnd = i;
  if (intEnd === intStart) return null;
  let frac = '.00';
  if (i < v.length) {
    const decimals = v.length - i - 1;
    if (v.charCodeAt(i) !== 46 || decimals < 1 || decimals > 2) return null; // '.'
    for (let k = i + 1; k < v.length; k++) if (!isDigit(v.charCodeAt(k))) return null;
    frac = decimals === 2 ? v.slice(i) : `${v.slice(i)}0`;
  }
  let first = intStart;
  while (first < intEnd - 1 && v.charCodeAt(first) === 48) first++; // leading '0's
  const zero = first === intEnd - 1 && v.charCodeAt(first) === 48 && frac === '.00';
  const int = first === 0 && intEnd === v.length ? v : v.slice(first, intEnd);
  return `${neg && !zero ? '-' : ''}${groupDigits(int)}${frac}`;
}

/**
 * An amount in 万元 with thousands separators and 2 decimals (half-up), without the unit:
 * "42683.675" → "42,683.68"; null → "—". Negative zero prints as "0.00".
 */
export function formatWanYuan(value: DecimalString | Decimal | null | undefined): string {
  if (value === null || value === undefined) return NO_VALUE;
  // Printed amounts have at most 2 decimals: nothing to round, so the string is padded and grouped
  // as it is (a long table formats thousands of figures as they scroll into view).
  const plain = typeof value === 'string' ? plainWanYuan(value) : null;
  if (plain !== null) return plain;
  const rounded = roundHalfUp(dec(value), 2);
  return group(toFixed2(rounded.isZero() ? rounded.abs() : rounded));
}

/** A percentage with 2 decimals and '%': "82.355" → "82.36%"; null (no rate) → "—". */
export function formatPercent(value: DecimalString | Decimal | null | undefined): string {
  if (value === null || value === undefined) return NO_VALUE;
  const rounded = roundHalfUp(dec(value), 2);
  return `${group(toFixed2(rounded.isZero() ? rounded.abs() : rounded))}%`;
}

/** A plain decimal at its own precision, grouped: "30181059.5" → "30,181,059.5". */
function groupAsPrinted(value: Decimal, places: number): string {
  const rounded = roundHalfUp(value, places);
  return group((rounded.isZero() ? rounded.abs() : rounded).toFixed(places));
}

/**
 * An amount in the chosen unit. `printed` is the unit the document printed it in:
 * - 万元 shown in 万元: 2 decimals (formatWanYuan), or more where the document printed more;
 * - 万元 shown in 元: × 10,000 at the precision printed, never more: 4 fewer decimals than the 万元
 *   figure had ("2296.91" → "22,969,100", "0.12345" → "1,234.5"); a computed Decimal counts as
 *   万元 at 2 places. "22,969,100.00" would claim a precision the document does not have;
 * - 元 (部门整体自评, 绩效目标): always 元, with the document's own decimals.
 */
export function formatAmount(
  value: DecimalString | Decimal | null | undefined,
  unit: AmountUnit,
  printed: AmountUnit = '万元',
): string {
  if (value === null || value === undefined) return NO_VALUE;
  const places = typeof value === 'string' ? printedPlaces(value) : 2;
  if (printed === '元') return groupAsPrinted(dec(value), places);
  // A figure printed with more than 2 decimals (a self-evaluation's 全年执行数 1.894万元) keeps
  // them: rounding it to 1.89 would show a figure the document does not print.
  if (unit === '万元')
    return places > 2 ? groupAsPrinted(dec(value), places) : formatWanYuan(value);
  return groupAsPrinted(
    convertAmount(value, '万元', '元'),
    Math.max(0, convertPlaces(places, '万元', '元')),
  );
}

/**
 * A percent at its printed precision ("17.3" → "17.3%", "1838.93" → "1,838.93%"), integer part
 * grouped. Padding "17.3" to "17.30" would claim a precision the document did not print.
 */
export function formatPrintedPercent(v: DecimalString): string {
  return `${group(v)}%`;
}
