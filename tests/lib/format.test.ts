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
    [null, '—'],
  ])('%s → %s', (value, text) => {
    expect(formatWanYuan(value)).toBe(text);
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
