/**
 * The modules vite.config.ts substitutes for two of recharts' dependencies (src/vendor). Unit
 * tests load recharts from node_modules unaliased, so these check the substitutes directly
 * against the originals; the e2e tests check the built app's charts draw their axes.
 */
// The real decimal.js-light: the bare specifier is aliased to the substitute (vite.config.ts).
import LightDecimal from 'decimal.js-light/decimal.mjs';
import * as d3 from 'd3-scale';
import * as scales from '@/vendor/d3-scale';
import RechartsDecimal from '@/vendor/recharts-decimal';
import Decimal from 'decimal.js';

describe('recharts-decimal (for decimal.js-light)', () => {
  it('has isint, as decimal.js-light spells it', () => {
    expect(new RechartsDecimal(2).isint()).toBe(true);
    expect(new RechartsDecimal('2.5').isint()).toBe(false);
    expect(new LightDecimal('2.5').isint()).toBe(false);
    // The comparisons below are against the real library, not the substitute.
    expect('isInt' in LightDecimal.prototype).toBe(false);
  });

  it('computes the nice-tick steps recharts asks for exactly as decimal.js-light does', () => {
    // The operations of recharts' getNiceTickValues: digit count, power of ten, step rounding.
    const ops = (D: typeof LightDecimal) => (x: number, n: number) => {
      const digits = Math.floor(new D(x).abs().log(10).toNumber()) + 1;
      const scale = new D(10).pow(digits);
      const ratio = new D(x).div(n).div(scale);
      const step = new D(Math.ceil(ratio.toNumber() * 10)).div(10).mul(scale);
      const middle = new D(x).sub(new D(x).mod(step));
      return [
        digits,
        step.toNumber(),
        middle.toNumber(),
        middle.lte(x),
        step.lt(x),
        middle.isint(),
      ];
    };
    const light = ops(LightDecimal);
    const ours = ops(RechartsDecimal);
    for (const [x, n] of [
      [176.58, 5],
      [45_281.57, 4],
      [0.0375, 5],
      [98.6, 3],
      [1_234_567.89, 6],
    ] as const) {
      expect(ours(x, n)).toEqual(light(x, n));
    }
  });

  it('does not change the configuration of the app’s Decimal', () => {
    expect(Decimal.precision).toBe(20);
    expect(RechartsDecimal).not.toBe(Decimal);
    expect(new Decimal('0.1').plus('0.2').toString()).toBe('0.3');
  });
});

describe('d3-scale (for victory-vendor/d3-scale)', () => {
  it('exports the scales recharts resolves for category and number axes', () => {
    // combineRealScaleType: category → band (point for a line chart), number → linear.
    expect(Object.keys(scales).sort()).toEqual(['scaleBand', 'scaleLinear', 'scalePoint']);
    expect(scales.scaleBand).toBe(d3.scaleBand);
    expect(scales.scaleLinear).toBe(d3.scaleLinear);
    expect(scales.scalePoint).toBe(d3.scalePoint);
  });
});
