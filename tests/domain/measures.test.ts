import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '@/domain/money';
import { executionRate, gradeForScore, priorFromChange, share, yoyChange } from '@/domain/measures';

const s = (d: Decimal | null) => (d === null ? null : d.toFixed(2));

describe('executionRate (执行率)', () => {
  it.each([
    // Figures stated in the documents: 决算 ÷ 年初预算.
    ['42238.46', '2296.91', '1838.93'], // province 一般公共预算 (line 474)
    ['122.26', '119.37', '102.42'], // province 社会保障和就业支出 (line 480)
    ['49.09', '54.66', '89.81'], // province 卫生健康支出 (line 482)
    ['3540.09', '3225.30', '109.76'], // city 部门 (line 505)
    ['137.58', '150.03', '91.70'], // city 住房保障支出 (line 513)
    ['652.22', '791.96', '82.36'], // district: the document prints 82.26
    ['1.894', '2.42', '78.26'], // service center J残疾人就业保障金: printed 78.28
  ])('%s ÷ %s = %s%%', (actual, budget, rate) => {
    expect(s(executionRate(actual, budget))).toBe(rate);
  });

  it('has no rate for a zero or missing budget', () => {
    expect(executionRate('34.00', '0')).toBeNull();
    expect(executionRate('34.00', '0.00')).toBeNull();
    expect(executionRate('34.00', null)).toBeNull();
    expect(executionRate(null, '10')).toBeNull();
  });

  it('rounds half-up at the third decimal', () => {
    expect(s(executionRate('1', '8'))).toBe('12.50');
    expect(s(executionRate('0.0012345', '0.01'))).toBe('12.35');
    expect(s(executionRate('2', '3'))).toBe('66.67');
    expect(s(executionRate('1', '3'))).toBe('33.33');
  });

  it('is never NaN or Infinity and agrees with exact arithmetic (property)', () => {
    const cents = fc.bigInt({ min: 0n, max: 10n ** 12n });
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        const actual = new Decimal(a.toString()).div(100);
        const budget = new Decimal(b.toString()).div(100);
        const r = executionRate(actual, budget);
        if (budget.isZero()) return r === null;
        if (r === null || !r.isFinite()) return false;
        // |r − exact| ≤ 0.005: the result is the exact ratio rounded to 2 places.
        const exact = actual.div(budget).times(100);
        return r.minus(exact).abs().lessThanOrEqualTo('0.005');
      }),
    );
  });
});

describe('yoyChange (同比)', () => {
  it.each([
    // Province 三公: 3.57 this year, 0.27 more than last year → prior 3.30, +8.18%.
    ['3.57', '3.30', '0.27', '8.18', '增加', '增长'],
    // Province 公务接待费 0.38 vs 0.20: the document prints 增长90%.
    ['0.38', '0.20', '0.18', '90.00', '增加', '增长'],
    // Province 教育支出 34.00, 减少18.55 → prior 52.55, −35.30% (printed 35.3%).
    ['34.00', '52.55', '-18.55', '-35.30', '减少', '下降'],
    ['5.00', '5.00', '0', '0.00', '持平', null],
  ])('%s against %s', (current, prior, amount, pct, direction, pctDirection) => {
    const c = yoyChange(current, prior);
    expect(c.amount.toString()).toBe(new Decimal(amount).toString());
    expect(s(c.percent)).toBe(pct);
    expect(c.direction).toBe(direction);
    expect(c.pctDirection).toBe(pctDirection);
  });

  it('has no percent against a zero prior year', () => {
    const c = yoyChange('34.00', '0');
    expect(c.percent).toBeNull();
    expect(c.direction).toBe('增加');
  });

  it('prior + change = current, for any amounts (property)', () => {
    const amt = fc
      .bigInt({ min: -(10n ** 12n), max: 10n ** 12n })
      .map((n) => new Decimal(n.toString()).div(100));
    fc.assert(
      fc.property(amt, amt, (current, prior) => {
        const c = yoyChange(current, prior);
        if (!prior.plus(c.amount).equals(current)) return false;
        if (prior.isZero()) return c.percent === null;
        return c.percent !== null && c.percent.isFinite();
      }),
    );
  });

  it('recovers the prior year from a stated change', () => {
    expect(priorFromChange('42973.59', '6338.70', '增加').toFixed(2)).toBe('36634.89');
    expect(priorFromChange('133.97', '25.28', '减少').toFixed(2)).toBe('159.25');
    expect(priorFromChange('0', '0', '持平').toFixed(2)).toBe('0.00');
  });
});

describe('share (占比)', () => {
  it('matches the shares the documents print', () => {
    expect(s(share('846.28', '42240.10'))).toBe('2.00'); // province 基本支出 占比2.00%
    expect(s(share('1520.09', '3540.42'))).toBe('42.94'); // city 基本支出 42.94%
    expect(s(share('973.99', '1564.72'))).toBe('62.25'); // budget 基本支出 62.25%
    expect(share('1', '0')).toBeNull();
  });
});

describe('gradeForScore (自评等级)', () => {
  it.each([
    ['98.33', '优'],
    ['90', '优'],
    ['89.99', '良'],
    ['87.61', '良'],
    ['79.71', '中'],
    ['60', '中'],
    ['39.8', '差'],
  ])('%s → %s', (score, grade) => {
    expect(gradeForScore(score)).toBe(grade);
  });
});
