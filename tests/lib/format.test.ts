import Decimal from 'decimal.js';
import { formatAmount, formatPercent, formatWanYuan } from '@/lib/format';

describe('formatWanYuan', () => {
  it.each<[string | null, string]>([
    ['42683.67', '42,683.67'],
    ['1564.7', '1,564.70'],
    ['0', '0.00'],
    ['999.995', '1,000.00'],
    ['1234567.125', '1,234,567.13'],
    ['-0.84', '-0.84'],
    ['-1234.5', '-1,234.50'],
    ['-0.001', '0.00'],
    ['12345678901234567890.12', '12,345,678,901,234,567,890.12'],
    // Written as they might be printed: no rounding, yet the same text as through decimal.js.
    ['-0.00', '0.00'],
    ['-0', '0.00'],
    ['0.5', '0.50'],
    ['007.5', '7.50'],
    ['100', '100.00'],
    ['-123456.7', '-123,456.70'],
    ['1e3', '1,000.00'],
    [null, '—'],
  ])('%s → %s', (value, text) => {
    expect(formatWanYuan(value)).toBe(text);
  });
});

describe('formatWanYuan on strings of at most 2 decimals (no rounding needed)', () => {
  it('gives the same text as rounding through decimal.js, for every shape of such a string', () => {
    const ints = [
      '0',
      '00',
      '7',
      '10',
      '999',
      '1000',
      '123456',
      '1000000',
      '98765432109',
      '0012345',
    ];
    // '.', '.125' and '' + '.5' are not such strings: they take the rounding path, as before.
    const fracs = ['', '.0', '.5', '.05', '.50', '.99', '.00', '.', '.125'];
    for (const sign of ['', '-'])
      for (const i of ints)
        for (const f of fracs) {
          const s = `${sign}${i}${f}`;
          expect(formatWanYuan(s), s).toBe(formatWanYuan(new Decimal(s)));
        }
    expect(formatWanYuan('.5')).toBe('0.50');
    expect(formatWanYuan('-.05')).toBe('-0.05');
  });
});

describe('formatPercent', () => {
  it.each<[string | null, string]>([
    ['82.355', '82.36%'],
    ['1838.93', '1,838.93%'],
    ['100', '100.00%'],
    ['-17.3', '-17.30%'],
    [null, '—'],
  ])('%s → %s', (value, text) => {
    expect(formatPercent(value)).toBe(text);
  });
});

describe('formatAmount in 元: the printed precision, no invented decimals', () => {
  it.each<[string | null, '万元' | '元', string]>([
    // 2,296.91万元 (province, 年初预算) is 22,969,100 元: 2 decimals of 万元 give whole 元.
    ['2296.91', '万元', '22,969,100'],
    ['42684.35', '万元', '426,843,500'],
    ['3.2', '万元', '32,000'],
    ['0', '万元', '0'],
    ['-0.84', '万元', '-8,400'],
    // 1.894万元 (service center project) is 18,940 元; a fifth decimal of 万元 is a tenth of 元.
    ['1.894', '万元', '18,940'],
    ['0.12345', '万元', '1,234.5'],
    // Printed in 元 (部门整体支出绩效自评): shown with its own decimals, not padded.
    ['30181059.5', '元', '30,181,059.5'],
    ['39700557.84', '元', '39,700,557.84'],
    ['1147200', '元', '1,147,200'],
    [null, '万元', '—'],
  ])('%s (printed in %s) → %s 元', (value, printed, text) => {
    expect(formatAmount(value, '元', printed)).toBe(text);
  });

  it('a computed amount (a Decimal of 万元 at 2 places) shows whole 元', () => {
    expect(formatAmount(new Decimal('42238.46').minus('2296.91'), '元')).toBe('399,415,500');
  });

  it('万元 mode is unchanged; a figure printed in 元 stays in 元 as printed', () => {
    expect(formatAmount('2296.91', '万元')).toBe('2,296.91');
    expect(formatAmount('30181059.5', '万元', '元')).toBe('30,181,059.5');
  });

  it('a 万元 figure printed with 3 decimals keeps them in 万元 mode (1.894, not 1.89)', () => {
    // 大同市政务服务中心, J残疾人就业保障金: 全年执行数 1.894 (its self-evaluation, line 587).
    expect(formatAmount('1.894', '万元')).toBe('1.894');
    expect(formatAmount('1234.5678', '万元')).toBe('1,234.5678');
  });
});
