import { strFromU8, unzipSync } from 'fflate';
import { exactNumber, numberFormatOf, xlsxBlob } from '@/lib/export-xlsx';

describe('exactNumber: a number only when it prints back as the printed decimal', () => {
  it.each([
    ['42,684.35', 42684.35],
    ['1322.38', 1322.38],
    ['0.00', 0],
    ['100.10', 100.1],
    ['-3,540.42', -3540.42],
    ['0.1', 0.1],
    ['12345678901234.56', 12345678901234.56],
  ])('%s → %s', (text, n) => {
    expect(exactNumber(text)).toBe(n);
  });

  it.each([
    ['12345678901234567.89', 'more digits than a double holds'],
    ['9007199254740993', 'beyond 2^53'],
    ['82.36%', 'a percentage stays text'],
    ['—', 'no value'],
    ['1,23', 'malformed grouping'],
    ['1.234.5', 'two points'],
    ['', 'empty'],
    ['1,322.38※', 'derived mark'],
    ['2024', 'a year-like integer is still a number'],
  ])('%s is text unless exact (%s)', (text, why) => {
    const n = exactNumber(text);
    if (why.startsWith('a year')) expect(n).toBe(2024);
    else expect(n).toBeNull();
  });
});

describe('numberFormatOf keeps decimals and grouping', () => {
  it.each([
    ['42,684.35', '#,##0.00'],
    ['1322.38', '0.00'],
    ['100', '0'],
    ['1,000', '#,##0'],
    ['0.125', '0.000'],
  ])('%s → %s', (text, fmt) => {
    expect(numberFormatOf(text)).toBe(fmt);
  });
});

describe('xlsxBlob', () => {
  it('writes a sheet with the title, header and the exact printed figures', async () => {
    const blob = await xlsxBlob({
      title: '本年收入合计（万元，2024年）',
      columns: ['单位', '本年收入合计', '执行率'],
      rows: [
        ['山西省行政审批服务管理局', '42,684.35', '98.95%'],
        ['大同市政务服务中心', '1,127.00', '—'],
        ['超长', '12345678901234567.89', ''],
      ],
    });
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    const strings = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
    const styles = strFromU8(files['xl/styles.xml'] ?? new Uint8Array());
    expect(sheet).toContain('<v>42684.35</v>');
    expect(sheet).toContain('<v>1127</v>');
    // A rate is a number shown as percent: 98.95% is 0.9895.
    expect(sheet).toContain('<v>0.9895</v>');
    for (const text of [
      '本年收入合计（万元，2024年）',
      '山西省行政审批服务管理局',
      '—',
      '12345678901234567.89',
    ]) {
      expect(strings).toContain(text);
    }
    // The number keeps its printed look: grouping and two decimals.
    expect(styles).toContain('#,##0.00');
    expect(styles).toContain('formatCode="0.00%"');
    expect(files['xl/workbook.xml']).toBeDefined();
  });
});
