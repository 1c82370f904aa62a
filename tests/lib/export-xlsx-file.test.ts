// @vitest-environment jsdom
/**
 * The written .xlsx read back as a spreadsheet reader would: unzip (fflate), parse every part as
 * XML, resolve each cell's shared string and style, and check what a user sees.
 */
import { strFromU8, unzipSync } from 'fflate';
import { XLSX_MIME, xlsxBlob, xlsxBytes } from '@/lib/export-xlsx';
import type { ExportTable } from '@/lib/export-table';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

interface ReadCell {
  value: string;
  type: 'number' | 'text';
  bold: boolean;
  format: string;
}

/** Unzip and read the one sheet: cells by reference, plus the parsed parts. */
function read(table: ExportTable) {
  const files = unzipSync(xlsxBytes(table));
  const docs = Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => [name, parse(strFromU8(bytes))]),
  );
  const all = (doc: Document | undefined, tag: string) => [
    ...(doc?.getElementsByTagNameNS(NS, tag) ?? []),
  ];
  const styles = docs['xl/styles.xml'];
  const strings = all(docs['xl/sharedStrings.xml'], 'si').map((si) => si.textContent ?? '');
  const formats = new Map(
    all(styles, 'numFmt').map((f) => [f.getAttribute('numFmtId'), f.getAttribute('formatCode')]),
  );
  const fonts = all(styles, 'font');
  const cellXfs = all(styles, 'cellXfs')[0];
  const xfs = [...(cellXfs?.children ?? [])];
  const cells = new Map<string, ReadCell>();
  for (const c of all(docs['xl/worksheets/sheet1.xml'], 'c')) {
    const xf = xfs[Number(c.getAttribute('s') ?? '0')];
    const v = c.getElementsByTagNameNS(NS, 'v')[0]?.textContent ?? '';
    const text = c.getAttribute('t') === 's';
    cells.set(c.getAttribute('r') ?? '', {
      value: text ? (strings[Number(v)] ?? '?') : v,
      type: text ? 'text' : 'number',
      bold:
        fonts[Number(xf?.getAttribute('fontId') ?? '0')]?.getElementsByTagNameNS(NS, 'b').length ===
        1,
      format: formats.get(xf?.getAttribute('numFmtId') ?? '0') ?? 'General',
    });
  }
  return { files, docs, cells, all };
}

const TABLE: ExportTable = {
  title: '本年收入合计（万元，2024年）',
  columns: ['单位', '本年收入合计', '2024', '执行率'],
  rows: [
    ['山西省行政审批服务管理局', '42,684.35', '0.125', '98.95%'],
    ['大同市政务服务中心', '1,127.00', '-3,540.42', '—'],
    ['超长', '12345678901234567.89', '2024', ''],
    ['A & B <C> "D"\u0001', '1,322.38※', '007', ' 前后空格 '],
  ],
};

describe('xlsx file read back', () => {
  it('has the parts of a minimal workbook, each well-formed XML', () => {
    const { files, docs } = read(TABLE);
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const overrides = [...(docs['[Content_Types].xml']?.getElementsByTagName('Override') ?? [])];
    expect(overrides.map((o) => o.getAttribute('PartName')).sort()).toEqual([
      '/xl/sharedStrings.xml',
      '/xl/styles.xml',
      '/xl/workbook.xml',
      '/xl/worksheets/sheet1.xml',
    ]);
    const rels = docs['xl/_rels/workbook.xml.rels']?.getElementsByTagName('Relationship') ?? [];
    expect([...rels].map((r) => r.getAttribute('Target')).sort()).toEqual([
      'sharedStrings.xml',
      'styles.xml',
      'worksheets/sheet1.xml',
    ]);
  });

  it('writes title and header in bold, then the cells: exact numbers with their look', () => {
    const { cells } = read(TABLE);
    expect(cells.get('A1')).toEqual({
      value: TABLE.title,
      type: 'text',
      bold: true,
      format: 'General',
    });
    // A header that looks like a number stays a bold label.
    expect(cells.get('C2')).toMatchObject({ value: '2024', type: 'text', bold: true });
    expect(cells.get('B3')).toEqual({
      value: '42684.35',
      type: 'number',
      bold: false,
      format: '#,##0.00',
    });
    expect(cells.get('C3')).toMatchObject({ value: '0.125', type: 'number', format: '0.000' });
    expect(cells.get('D3')).toMatchObject({ value: '98.95%', type: 'text', bold: false });
    expect(cells.get('B4')).toMatchObject({ value: '1127', type: 'number', format: '#,##0.00' });
    expect(cells.get('C4')).toMatchObject({
      value: '-3540.42',
      type: 'number',
      format: '#,##0.00',
    });
    expect(cells.get('D4')).toMatchObject({ value: '—', type: 'text' });
    expect(cells.get('B5')).toMatchObject({ value: '12345678901234567.89', type: 'text' });
    expect(cells.get('C5')).toMatchObject({ value: '2024', type: 'number', format: '0' });
    expect(cells.has('D5')).toBe(false); // empty cell: not written
    expect(cells.get('B6')).toMatchObject({ value: '1,322.38※', type: 'text' });
    expect(cells.get('C6')).toMatchObject({ value: '7', type: 'number', format: '0' });
  });

  it('escapes XML, drops control characters and keeps spaces', () => {
    const { cells, files } = read(TABLE);
    expect(cells.get('A6')?.value).toBe('A & B <C> "D"');
    expect(cells.get('D6')?.value).toBe(' 前后空格 ');
    expect(strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array())).toContain(
      'A &amp; B &lt;C&gt; &quot;D&quot;<',
    );
  });

  it('guards text that Excel would read as an _xHHHH_ escape', () => {
    const { files } = read({ title: '_x0041_', columns: ['a'], rows: [] });
    expect(strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array())).toContain(
      '<t>_x005F_x0041_</t>',
    );
  });

  it('freezes the first two rows and sets column widths', () => {
    const { all, docs } = read(TABLE);
    const sheet = docs['xl/worksheets/sheet1.xml'];
    const pane = all(sheet, 'pane')[0];
    expect(pane?.getAttribute('ySplit')).toBe('2');
    expect(pane?.getAttribute('state')).toBe('frozen');
    expect(pane?.getAttribute('topLeftCell')).toBe('A3');
    const cols = all(sheet, 'col');
    expect(cols).toHaveLength(TABLE.columns.length);
    for (const col of cols) {
      const width = Number(col.getAttribute('width'));
      expect(width).toBeGreaterThanOrEqual(8);
      expect(width).toBeLessThanOrEqual(60);
    }
    expect(all(sheet, 'dimension')[0]?.getAttribute('ref')).toBe('A1:D6');
  });

  it('names columns past Z as AA, AB', () => {
    const columns = Array.from({ length: 28 }, (_, i) => `列${i + 1}`);
    const { cells } = read({ title: 't', columns, rows: [columns.map((_, i) => String(i))] });
    expect(cells.get('Z2')?.value).toBe('列26');
    expect(cells.get('AB3')).toMatchObject({ value: '27', type: 'number' });
  });

  it.each([
    ['a/b:c[d]*?\\e', 'a b c d    e'],
    ['  ', '数据'],
    ['', '数据'],
    ["'引号'", '引号'],
    ['History', '数据'],
    [
      '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三',
      '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一',
    ],
  ])('sheet name of %j is %j', (title, name) => {
    const { all, docs } = read({ title, columns: ['a'], rows: [] });
    expect(all(docs['xl/workbook.xml'], 'sheet')[0]?.getAttribute('name')).toBe(name);
  });

  it('gives a Blob of the xlsx type', async () => {
    const blob = await xlsxBlob(TABLE);
    expect(blob.type).toBe(XLSX_MIME);
    expect(blob.size).toBe(xlsxBytes(TABLE).length);
  });
});
