import { csvField, toCsv, UTF8_BOM } from '@/lib/export-csv';

describe('csvField (RFC 4180)', () => {
  it.each([
    ['42,684.35', '"42,684.35"'],
    ['1322.38', '1322.38'],
    ['说"明"', '"说""明"""'],
    ['两行\n文字', '"两行\n文字"'],
    ['a\r\nb', '"a\r\nb"'],
    ['', ''],
    ['—', '—'],
    ['82.36%', '82.36%'],
  ])('%j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});

describe('csvField against CSV injection (OWASP)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+2', `"'+1+2"`],
    ['-1+2', `"'-1+2"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\r=1', `"'\r=1"`],
    ['-', `"'-"`],
  ])('text %j is written as text: %s', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it.each([
    ['-3,540.42', '"-3,540.42"'],
    ['-20.74', '-20.74'],
    ['-1.31%', '-1.31%'],
    ['0.00', '0.00'],
  ])('a printed number %j stays a number: %s', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('a unit name that is a formula goes out as text in a whole file', () => {
    const csv = toCsv({
      columns: ['单位', '决算（万元）'],
      rows: [
        ['=HYPERLINK("http://x","y")', '3,540.09'],
        ['大同市政务服务中心', '-3,540.42'],
      ],
    });
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")","3,540.09"`);
    expect(csv.split('\r\n')[2]).toBe('大同市政务服务中心,"-3,540.42"');
  });
});

describe('toCsv', () => {
  it('starts with the UTF-8 BOM, ends lines with CRLF and keeps figures as printed', () => {
    const csv = toCsv({
      columns: ['单位', '本年收入合计（万元）'],
      rows: [
        ['山西省行政审批服务管理局', '42,684.35'],
        ['朔州市朔城区行政审批服务管理局', '1,322.38'],
        ['零', '0.00'],
      ],
    });
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv).toBe(
      `${UTF8_BOM}单位,本年收入合计（万元）\r\n` +
        '山西省行政审批服务管理局,"42,684.35"\r\n' +
        '朔州市朔城区行政审批服务管理局,"1,322.38"\r\n' +
        '零,0.00\r\n',
    );
  });

  it('encodes as UTF-8 with the BOM bytes EF BB BF first', async () => {
    const { csvBlob } = await import('@/lib/export-csv');
    const bytes = new Uint8Array(
      await csvBlob({ columns: ['甲'], rows: [['1.10']] }).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('甲\r\n1.10\r\n');
  });
});
