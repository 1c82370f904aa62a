import Decimal from 'decimal.js';
import { formatPercent, formatWanYuan } from '@/lib/format';

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
