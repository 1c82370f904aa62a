import { describe, expect, it } from 'vitest';
import { labelRoomDomain } from '@/features/yoy/pct-chart';

describe('labelRoomDomain: room beside every bar for its label', () => {
  it.each([
    // 37.39% with a 200 px label in a 950 px plot (1280×720): the axis reaches past 37.39 by
    // at least the label's share of the range.
    [[{ value: 37.39, labelWidth: 200 }], 950],
    // −100% (0.72 万元 gone) with a 180 px label on the left, +50.99% with 220 px on the right.
    [
      [
        { value: -100, labelWidth: 180 },
        { value: 50.99, labelWidth: 220 },
      ],
      950,
    ],
    [[{ value: 8.18, labelWidth: 240 }], 1400],
  ])('%j in %i px', (bars, plot) => {
    const { domain, step } = labelRoomDomain(bars, plot);
    const [lo, hi] = domain;
    const pxPerUnit = plot / (hi - lo);
    for (const b of bars) {
      const room = b.value < 0 ? (b.value - lo) * pxPerUnit : (hi - b.value) * pxPerUnit;
      expect(room).toBeGreaterThanOrEqual(b.labelWidth);
    }
    expect(Math.abs(lo % step)).toBe(0);
    expect(hi % step).toBe(0);
  });
});
