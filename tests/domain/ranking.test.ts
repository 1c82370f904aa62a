import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '@/domain/money';
import { distanceFromMedian, median, perCount, ranksDescending } from '@/domain/ranking';

const s = (d: Decimal | null) => (d === null ? null : d.toFixed(2));

describe('median (中位数)', () => {
  it.each([
    // 基本支出占比 of the five documents: province 2.00, city 部门 42.94, 2026 budget 62.25,
    // service center 18.13, district 45.91 → the middle one.
    [['2.00', '42.94', '62.25', '18.13', '45.91'], '42.94'],
    // 完成年初预算 of the four 决算: 1838.93, 109.76, 146.32, 82.36 → (109.76 + 146.32) ÷ 2.
    [['1838.93', '109.76', '146.32', '82.36'], '128.04'],
    // Vehicles 3, 2, 0, 1, 0.
    [['3', '2', '0', '1', '0'], '1.00'],
    [['1', '2'], '1.50'],
    // Half-up at the third decimal: (0.01 + 0.02) ÷ 2 = 0.015.
    [['0.01', '0.02'], '0.02'],
    [['-1.5', '2'], '0.25'],
    [['7'], '7.00'],
  ])('%j → %s', (values, expected) => {
    expect(s(median(values))).toBe(expected);
  });

  it('has no median for no values', () => {
    expect(median([])).toBeNull();
  });

  it('has as many values at or above it as at or below it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), { minLength: 1 }),
        (xs) => {
          const m = median(xs.map((x) => String(x / 100)));
          if (m === null) return false;
          const vals = xs.map((x) => new Decimal(x).div(100));
          const above = vals.filter((v) => v.greaterThanOrEqualTo(m)).length;
          const below = vals.filter((v) => v.lessThanOrEqualTo(m)).length;
          return above >= xs.length / 2 && below >= xs.length / 2;
        },
      ),
    );
  });
});

describe('ranksDescending', () => {
  it('ranks the largest first, shares ties, skips after them and leaves nulls unranked', () => {
    expect(ranksDescending(['1838.93', '109.76', null, '146.32', '82.36'])).toEqual([
      1,
      3,
      null,
      2,
      4,
    ]);
    expect(ranksDescending(['0', '3.57', '1.01', '0', '0'])).toEqual([3, 1, 2, 3, 3]);
    expect(ranksDescending([])).toEqual([]);
  });
});

describe('distanceFromMedian', () => {
  it.each([
    // 2026 budget 基本支出占比 62.25 against 42.94: +19.31 (百分点), +44.97% of the median.
    ['62.25', '42.94', '19.31', '44.97'],
    ['2.00', '42.94', '-40.94', '-95.34'],
    ['42.94', '42.94', '0.00', '0.00'],
    ['1', '0', '1.00', null],
  ])('%s from %s', (value, med, diff, relative) => {
    const d = distanceFromMedian(value, med);
    expect(d.diff.toFixed(2)).toBe(diff);
    expect(s(d.relative)).toBe(relative);
  });
});

describe('perCount (per person, per vehicle)', () => {
  it.each([
    // Service center: 本年支出合计 1127.00 ÷ 编制 17 = 66.294…
    ['1127.00', '17', '66.29'],
    ['188.72', '17', '11.10'],
    ['15.57', '17', '0.92'],
    // Province 公务用车运行维护费 3.20 ÷ 3 vehicles; city 部门 1.01 ÷ 2 (half-up).
    ['3.20', '3', '1.07'],
    ['1.01', '2', '0.51'],
  ])('%s ÷ %s = %s', (amount, count, expected) => {
    expect(s(perCount(amount, count))).toBe(expected);
  });

  it('has no value per zero or missing count', () => {
    expect(perCount('3.20', '0')).toBeNull();
    expect(perCount('3.20', null)).toBeNull();
    expect(perCount(null, '3')).toBeNull();
  });
});
