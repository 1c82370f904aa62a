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

/** An indicator value with its comparison: "≥80%", "≤1378.56万元", "=11个", "273人". */
interface Bound {
  op: '≥' | '>' | '≤' | '<' | '=' | null;
  value: Decimal;
  unit: string;
}

const OPS: Record<string, Bound['op']> = {
  '≥': '≥',
  '>=': '≥',
  '＞': '>',
  '>': '>',
  '≤': '≤',
  '<=': '≤',
  '＜': '<',
  '<': '<',
  '=': '=',
  '＝': '=',
};

function readBound(text: string): Bound | null {
  const m =
    /^\s*(>=|<=|[≥>＞≤<＜=＝])?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*([^\d\s.,]*)\s*$/.exec(
      text,
    );
  if (!m?.[2]) return null;
  // "102.0199万" is the "万元" of its target.
  const unit = (m[3] ?? '') === '万' ? '万元' : (m[3] ?? '');
  const value = dec(m[2].replace(/,/g, ''));
  return { op: m[1] === undefined ? null : (OPS[m[1]] ?? null), value, unit };
}

/**
 * Whether an indicator's 实际完成值 meets its 指标值, both as printed: "≥80%" against "≥30%" is not
 * met (some tables print the actual with a sign: its number is what counts, and the target's own
 * strict sign, "＞90%" for "＞90%", claims the bound); "≤1378.56万元" against "1519.77万元" is not.
 * Null when they cannot be compared: a target without a comparison sign, a word ("达成预期指标",
 * "及时"), or two different units.
 */
export function indicatorTargetMet(target: string, actual: string): boolean | null {
  const t = readBound(target);
  const a = readBound(actual);
  if (t === null || a === null || t.op === null) return null;
  if (a.unit !== '' && a.unit !== t.unit) return null;
  const c = a.value.comparedTo(t.value);
  // An actual printed with the target's own strict sign ("＞90%" for "＞90%") claims the bound.
  const claimsBound = a.op === t.op;
  switch (t.op) {
    case '≥':
      return c >= 0;
    case '>':
      return claimsBound ? c >= 0 : c > 0;
    case '≤':
      return c <= 0;
    case '<':
      return claimsBound ? c <= 0 : c < 0;
    case '=':
      return c === 0;
  }
}
