/**
 * The measures behind the 疑点 rules, with figures typed from the documents: the service center's
 * 一般公共预算 年初预算 770.18 / 决算 1,126.92 (146.32%), the province's 2,296.91 / 42,238.46
 * (1838.93%), and project 执行率 scores (执行率 × 10%, at most 10).
 */
import {
  beyond,
  budgetDeviation,
  elapsedYearShare,
  executionScoreFor,
  indicatorTargetMet,
  pointsMoved,
} from '@/domain/flag-measures';

describe('budgetDeviation', () => {
  it.each([
    ['1126.92', '770.18', '46.32'],
    ['42238.46', '2296.91', '1738.93'],
    ['216.98', '166.06', '30.66'],
    ['1322.38', '1605.63', '-17.64'],
    ['100', '100', '0'],
  ])('%s against %s is %s%%', (actual, budget, expected) => {
    expect(budgetDeviation(actual, budget)?.toFixed(2)).toBe(Number(expected).toFixed(2));
  });

  it('has none over a zero budget (the province 教育支出: 0 → 34.00)', () => {
    expect(budgetDeviation('34.00', '0')).toBeNull();
  });
});

describe('beyond', () => {
  it.each([
    ['30.66', '30', true],
    ['30', '30', false],
    ['-30.01', '30', true],
    ['-17.64', '30', false],
  ])('|%s| > %s is %s', (v, limit, expected) => {
    expect(beyond(v, limit)).toBe(expected);
  });
});

describe('elapsedYearShare (序时进度)', () => {
  it.each([
    // 2 July is day 183 of 365.
    [2026, '2026-07-02', '50.14'],
    [2026, '2026-01-01', '0.27'],
    [2026, '2026-12-31', '100.00'],
    // 2024 has 366 days: 31 March is day 91.
    [2024, '2024-03-31', '24.86'],
    [2024, '2026-12-07', '100.00'],
    [2027, '2026-12-07', '0.00'],
  ])('%i on %s is %s%%', (year, day, expected) => {
    expect(elapsedYearShare(year, new Date(`${day}T12:00:00Z`)).toFixed(2)).toBe(expected);
  });
});

describe('executionScoreFor', () => {
  it.each([
    // The service center's J残疾人就业保障金: 1.894 ÷ 2.42 = 78.26% → 7.83 (printed 7.83).
    ['78.26', '7.83'],
    // QT其他养人2: 1.4 ÷ 4.09 = 34.23% → 3.42 (printed 3.42).
    ['34.23', '3.42'],
    ['100', '10.00'],
    ['1838.93', '10.00'],
    ['0', '0.00'],
  ])('%s%% earns %s', (rate, expected) => {
    expect(executionScoreFor(rate).toFixed(2)).toBe(expected);
  });
});

describe('pointsMoved', () => {
  it('is signed percentage points', () => {
    expect(pointsMoved('42.94', '57.06').toFixed(2)).toBe('-14.12');
  });
});

describe('indicatorTargetMet (实际完成值 against 指标值, as printed)', () => {
  it.each([
    // The documents' own rows: province lines 585, 646, 720; city department line 686.
    ['≥80%', '≥30%', false],
    ['≤14份', '≤65份', false],
    ['≥300人', '≥273人', false],
    ['≤1378.56万元', '≤1519.77万元', false],
    ['=11个', '=0个', false],
    // Met, including at the bound and with the actual's unit left off.
    ['≥90%', '≥90%', true],
    ['≤24200元', '≤18944.4元', true],
    ['=1项', '=1项', true],
    ['≥95%', '98', true],
    ['＞0', '0', false],
    ['＜5', '4.99', true],
    // "102.0199万" is the 万元 of its target (service center line 828).
    ['≤102.5万元', '102.0199万', true],
    // An actual printed with the target's own strict sign claims the bound.
    ['＞90%', '＞90%', true],
    ['<5%', '<5%', true],
    ['＞90%', '90%', false],
    ['≤5%', '3%', true],
    // Thousands separators.
    ['≥1,000人', '1,200人', true],
    ['≥1,000人', '999人', false],
  ])('%s against %s: %s', (target, actual, met) => {
    expect(indicatorTargetMet(target, actual)).toBe(met);
  });

  it.each([
    ['及时', '达成预期指标'],
    ['100%', '90%'],
    ['≥95%', '达成预期指标'],
    ['≥95%', '95人'],
    ['', '1'],
  ])('cannot compare %s with %s', (target, actual) => {
    expect(indicatorTargetMet(target, actual)).toBeNull();
  });
});
