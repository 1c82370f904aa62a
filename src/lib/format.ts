/**
 * Display formatting for figures. Rounding goes through src/domain/money.ts; only the final
 * string is grouped here, so a figure never passes through a JS number.
 */
import { dec, roundHalfUp, toFixed2 } from '@/domain/money';
import type { Decimal, DecimalString } from '@/domain/money';

/** Shown wherever a figure is missing (null) or has no meaning (a rate over a zero budget). */
export const NO_VALUE = '—';

/** A decimal string with at most 2 decimals: sign, integer digits, fraction digits. */
const PLAIN_2DP = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** "1234567.8" → "1,234,567.80": thousands separators on the integer part. */
function group(fixed: string): string {
  const neg = fixed.startsWith('-');
  const body = neg ? fixed.slice(1) : fixed;
  const [int = '0', frac] = body.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/**
 * An amount in 万元 with thousands separators and 2 decimals (half-up), without the unit:
 * "42683.675" → "42,683.68"; null → "—". Negative zero prints as "0.00".
 */
export function formatWanYuan(value: DecimalString | Decimal | null | undefined): string {
  if (value === null || value === undefined) return NO_VALUE;
  // Printed amounts have at most 2 decimals: nothing to round, so the string is padded and grouped
  // as it is (a long table formats thousands of figures as they scroll into view).
  const plain = typeof value === 'string' ? PLAIN_2DP.exec(value) : null;
  if (plain) {
    const int = (plain[2] ?? '0').replace(/^0+(?=\d)/, '');
    const frac = (plain[3] ?? '').padEnd(2, '0');
    const zero = int === '0' && frac === '00';
    return group(`${plain[1] && !zero ? '-' : ''}${int}.${frac}`);
  }
  const rounded = roundHalfUp(dec(value), 2);
  return group(toFixed2(rounded.isZero() ? rounded.abs() : rounded));
}

/** A percentage with 2 decimals and '%': "82.355" → "82.36%"; null (no rate) → "—". */
export function formatPercent(value: DecimalString | Decimal | null | undefined): string {
  if (value === null || value === undefined) return NO_VALUE;
  const rounded = roundHalfUp(dec(value), 2);
  return `${group(toFixed2(rounded.isZero() ? rounded.abs() : rounded))}%`;
}

/** An amount printed in 万元, shown in the chosen unit: 万元 as is, 元 × 10,000 (exact). */
export function formatAmount(
  value: DecimalString | Decimal | null | undefined,
  unit: '万元' | '元',
): string {
  if (value === null || value === undefined) return NO_VALUE;
  return unit === '万元' ? formatWanYuan(value) : formatWanYuan(dec(value).times(10000));
}

/**
 * A percent at its printed precision ("17.3" → "17.3%", "1838.93" → "1,838.93%"), integer part
 * grouped. Padding "17.3" to "17.30" would claim a precision the document did not print.
 */
export function formatPrintedPercent(v: DecimalString): string {
  return `${group(v)}%`;
}
