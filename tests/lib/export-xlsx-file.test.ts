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
async function read(table: ExportTable) {
  return readBytes(await xlsxBytes(table));
}

function readBytes(bytes: Uint8Array) {
  const files = unzipSync(bytes);
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
    ['A & B <C> "D"\u0001', '1,322.38', '007', ' 前后空格 '],
  ],
};

describe('xlsx file read back', () => {
  it('has the parts of a minimal workbook, each well-formed XML', async () => {
    const { files, docs } = await read(TABLE);
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

  it('writes title and header in bold, then the cells: exact numbers with their look', async () => {
    const { cells } = await read(TABLE);
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
    // A column with a cell that is not a figure stays text as shown.
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
    expect(cells.get('B6')).toMatchObject({ value: '1322.38', type: 'number' });
    expect(cells.get('C6')).toMatchObject({ value: '7', type: 'number', format: '0' });
  });

  it('escapes XML, drops control characters and keeps spaces', async () => {
    const { cells, files } = await read(TABLE);
    expect(cells.get('A6')?.value).toBe('A & B <C> "D"');
    expect(cells.get('D6')?.value).toBe(' 前后空格 ');
    expect(strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array())).toContain(
      'A &amp; B &lt;C&gt; &quot;D&quot;<',
    );
  });

  it('guards text that Excel would read as an _xHHHH_ escape', async () => {
    const { files } = await read({ title: '_x0041_', columns: ['a'], rows: [] });
    expect(strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array())).toContain(
      '<t>_x005F_x0041_</t>',
    );
  });

  it('freezes the first two rows and sets column widths', async () => {
    const { all, docs } = await read(TABLE);
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

  it('names columns past Z as AA, AB', async () => {
    const columns = Array.from({ length: 28 }, (_, i) => `列${i + 1}`);
    const { cells } = await read({ title: 't', columns, rows: [columns.map((_, i) => String(i))] });
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
  ])('sheet name of %j is %j', async (title, name) => {
    const { all, docs } = await read({ title, columns: ['a'], rows: [] });
    expect(all(docs['xl/workbook.xml'], 'sheet')[0]?.getAttribute('name')).toBe(name);
  });

  it('gives a Blob of the xlsx type', async () => {
    const blob = await xlsxBlob(TABLE);
    expect(blob.type).toBe(XLSX_MIME);
    expect(blob.size).toBe((await xlsxBytes(TABLE)).length);
  });
});

/** The header row (row 2) as texts, and the row of cells below it by header. */
async function sheetRows(table: ExportTable) {
  const { cells, files } = await read(table);
  const header: string[] = [];
  for (let c = 0; cells.has(`${colName(c)}2`); c += 1)
    header.push(cells.get(`${colName(c)}2`)?.value ?? '');
  const row = (r: number) =>
    Object.fromEntries(header.map((h, c) => [h, cells.get(`${colName(c)}${r}`)]));
  return { header, row, files };
}

function colName(index: number): string {
  return String.fromCharCode(65 + index);
}

describe('xlsx: one kind of thing per column', () => {
  it('writes rates as numbers shown as percent (1,838.93% is 18.3893 as 0.00%), flags beside them', async () => {
    // 山西省行政审批服务管理局 2024: 年初预算2,296.91万元，支出决算42,238.46万元，完成年初预算的1838.93%.
    // 大同市政务服务中心 2024, J残疾人就业保障金: 2.42, 1.894, printed 78.28% (1.894 ÷ 2.42 = 78.26%).
    const { header, row } = await sheetRows({
      title: '年初预算、决算与执行率（金额单位：万元）',
      columns: [
        '单位（年度·口径·类型）',
        '科目',
        '预算数',
        '决算数',
        '执行率（原文）',
        '执行率（计算）',
        '核对',
      ],
      rows: [
        [
          '山西省行政审批服务管理局 2024年单位决算',
          '一般公共预算财政拨款支出',
          '2,296.91',
          '42,238.46',
          '1,838.93%',
          '1,838.93%',
          '一致',
        ],
        [
          '大同市政务服务中心 2024年单位决算',
          'J残疾人就业保障金',
          '2.42',
          '1.894',
          '78.28%',
          '78.26% ▼ 低于80%',
          '⚠ 不一致',
        ],
        [
          '大同市行政审批服务管理局[部门] 2024年部门决算',
          '公务用车运行维护费',
          '—',
          '1.01',
          '100%',
          '—',
          '原文未印预算数，无法核算',
        ],
      ],
    });
    expect(header).toEqual([
      '单位',
      '年度',
      '口径',
      '类型',
      '科目',
      '预算数',
      '决算数',
      '执行率（原文）',
      '执行率（计算）',
      '执行率（计算） 标记',
      '核对',
    ]);
    expect(row(3)).toMatchObject({
      单位: { value: '山西省行政审批服务管理局', type: 'text' },
      年度: { value: '2024', type: 'number', format: '0' },
      口径: { value: '单位', type: 'text' },
      类型: { value: '决算', type: 'text' },
      预算数: { value: '2296.91', type: 'number', format: '#,##0.00' },
      决算数: { value: '42238.46', type: 'number', format: '#,##0.00' },
      '执行率（原文）': { value: '18.3893', type: 'number', format: '0.00%' },
      '执行率（计算）': { value: '18.3893', type: 'number', format: '0.00%' },
    });
    expect(row(3)['执行率（计算） 标记']).toBeUndefined();
    expect(row(4)).toMatchObject({
      单位: { value: '大同市政务服务中心' },
      决算数: { value: '1.894', type: 'number', format: '0.000' },
      '执行率（原文）': { value: '0.7828', type: 'number', format: '0.00%' },
      '执行率（计算）': { value: '0.7826', type: 'number', format: '0.00%' },
      '执行率（计算） 标记': { value: '▼ 低于80%', type: 'text' },
      核对: { value: '⚠ 不一致', type: 'text' },
    });
    expect(row(5)).toMatchObject({
      单位: { value: '大同市行政审批服务管理局[部门]' },
      口径: { value: '部门' },
      预算数: { value: '—', type: 'text' },
      '执行率（原文）': { value: '1', type: 'number', format: '0%' },
      '执行率（计算）': { value: '—', type: 'text' },
    });
  });

  it('puts figures printed in 元 in a 元 column, never in the 万元 one', async () => {
    // 大同市行政审批服务管理局[部门] 2024 部门整体支出绩效自评: 39,700,557.84 / 35,403,227.04 元, 89.18;
    // 朔州市朔城区 2023: 791.96 / 652.22 万元, printed 82.26%.
    const { header, row } = await sheetRows({
      title: '项目/部门整体执行情况汇总（金额单位：万元，原文以元计的按原文标“元”）',
      columns: ['单位（年度·口径·类型）', '预算数', '执行数', '执行率（原文）'],
      rows: [
        [
          '大同市行政审批服务管理局[部门] 2024年部门决算',
          '39,700,557.84 元',
          '35,403,227.04 元',
          '89.18%',
        ],
        ['朔州市朔城区行政审批服务管理局 2023年部门决算', '791.96', '652.22', '82.26%'],
      ],
    });
    expect(header).toEqual([
      '单位',
      '年度',
      '口径',
      '类型',
      '预算数',
      '预算数（元）',
      '执行数',
      '执行数（元）',
      '执行率（原文）',
    ]);
    expect(row(3)).toMatchObject({
      年度: { value: '2024', type: 'number' },
      '预算数（元）': { value: '39700557.84', type: 'number', format: '#,##0.00' },
      '执行数（元）': { value: '35403227.04', type: 'number', format: '#,##0.00' },
      '执行率（原文）': { value: '0.8918', type: 'number', format: '0.00%' },
    });
    expect(row(3)['预算数']).toBeUndefined();
    expect(row(4)).toMatchObject({
      年度: { value: '2023', type: 'number' },
      预算数: { value: '791.96', type: 'number' },
      执行数: { value: '652.22', type: 'number' },
      '执行率（原文）': { value: '0.8226', type: 'number' },
    });
    expect(row(4)['预算数（元）']).toBeUndefined();
  });

  it('splits "本年 / 上年※ / 增减 / 幅度" cells; direction words and ※ go to their own columns', async () => {
    // 大同市行政审批服务管理局 2026 预算: 收入总计1,564.72万元，比上年减少20.74万元，下降1.31%.
    const { header, row } = await sheetRows({
      title: '主要收支与上年相比的增减幅度',
      columns: ['项目', '2026年单位预算（本年 / 上年※ / 增减 / 幅度）'],
      rows: [['收入总计', '1,564.72 / 1,585.46※ / 减少20.74 / 下降1.31%（比上年）']],
    });
    expect(header).toEqual([
      '项目',
      '2026年单位预算 本年',
      '2026年单位预算 上年※',
      '2026年单位预算 上年※ 标记',
      '2026年单位预算 增减',
      '2026年单位预算 增减 方向',
      '2026年单位预算 幅度',
      '2026年单位预算 幅度 方向',
      '2026年单位预算 幅度 标记',
    ]);
    expect(row(3)).toMatchObject({
      '2026年单位预算 本年': { value: '1564.72', type: 'number' },
      '2026年单位预算 上年※': { value: '1585.46', type: 'number' },
      '2026年单位预算 上年※ 标记': { value: '※', type: 'text' },
      '2026年单位预算 增减': { value: '20.74', type: 'number' },
      '2026年单位预算 增减 方向': { value: '减少', type: 'text' },
      '2026年单位预算 幅度': { value: '0.0131', type: 'number', format: '0.00%' },
      '2026年单位预算 幅度 方向': { value: '下降', type: 'text' },
      '2026年单位预算 幅度 标记': { value: '（比上年）', type: 'text' },
    });
  });

  it('splits year and basis, derived marks and counts with their unit in the header', async () => {
    // 大同市行政审批服务管理局[部门] 2024: “三公”经费决算1.01万元，比上年度减少0.84万元 (2023: 1.85, derived).
    const { header, row } = await sheetRows({
      title: '三公经费',
      columns: ['单位', '年度·类别', '合计（万元）', '公务用车保有量'],
      rows: [
        ['大同市行政审批服务管理局[部门]（部门）', '2023年决算数（推算）', '1.85 ※', ''],
        ['大同市行政审批服务管理局[部门]（部门）', '2024年决算数', '1.01', '1 辆'],
        ['大同市行政审批服务管理局（单位）', '2026年预算数', '无', ''],
      ],
    });
    expect(header).toEqual([
      '单位',
      '口径',
      '年度',
      '类型',
      '年度·类别 标记',
      '合计（万元）',
      '合计（万元） 标记',
      '公务用车保有量（辆）',
    ]);
    expect(row(3)).toMatchObject({
      单位: { value: '大同市行政审批服务管理局[部门]' },
      口径: { value: '部门' },
      年度: { value: '2023', type: 'number' },
      类型: { value: '决算数' },
      '年度·类别 标记': { value: '推算' },
      '合计（万元）': { value: '1.85', type: 'number' },
      '合计（万元） 标记': { value: '※' },
    });
    expect(row(4)).toMatchObject({
      '合计（万元）': { value: '1.01', type: 'number' },
      '公务用车保有量（辆）': { value: '1', type: 'number' },
    });
    expect(row(5)).toMatchObject({
      单位: { value: '大同市行政审批服务管理局' },
      '合计（万元）': { value: '无' },
    });
  });

  it('keeps a label column that starts with codes as text', async () => {
    const { row } = await sheetRows({
      title: 't',
      columns: ['科目', '决算'],
      rows: [
        ['201 一般公共服务支出', '3,114.29'],
        ['208 社会保障和就业支出', '216.98'],
      ],
    });
    expect(row(3)).toMatchObject({ 科目: { value: '201 一般公共服务支出', type: 'text' } });
  });

  it('writes formula-like text as a shared string, never a formula', async () => {
    const { cells, files } = await read({
      title: '=1+1',
      columns: ['单位', '决算'],
      rows: [['=HYPERLINK("http://x","y")', '-3,540.42']],
    });
    expect(cells.get('A3')).toMatchObject({ value: '=HYPERLINK("http://x","y")', type: 'text' });
    expect(cells.get('B3')).toMatchObject({ value: '-3540.42', type: 'number' });
    expect(strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array())).not.toContain('<f>');
  });
});

describe('xlsx: compressed', () => {
  const big: ExportTable = {
    title: '长表',
    columns: Array.from({ length: 12 }, (_, i) => `列${i + 1}`),
    rows: Array.from({ length: 10_000 }, (_, r) =>
      Array.from({ length: 12 }, (_, c) =>
        c === 0
          ? `201${String(r).padStart(4, '0')} 项目${r}`
          : `${(r * 12 + c) % 997},${String(r % 1000).padStart(3, '0')}.${String(c).padStart(2, '0')}`,
      ),
    ),
  };

  /** The file as a browser without CompressionStream writes it: every entry stored. */
  async function storedBytes(table: ExportTable) {
    const saved = globalThis.CompressionStream;
    // @ts-expect-error: a browser without CompressionStream
    delete globalThis.CompressionStream;
    try {
      return await xlsxBytes(table);
    } finally {
      globalThis.CompressionStream = saved;
    }
  }

  it('deflates every part: a 10,000 × 12 table is a fraction of its stored size, and reads back', async () => {
    const bytes = await xlsxBytes(big);
    const stored = await storedBytes(big);
    expect(stored.length).toBeGreaterThan(4_000_000);
    expect(bytes.length).toBeLessThan(stored.length / 4);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint16(8, true)).toBe(8); // first entry: deflated
    // Read back without a DOM (jsdom takes minutes over 120,000 cells): the unzipped sheet holds
    // the rows, every entry inflated to exactly what a stored file holds.
    const files = unzipSync(bytes);
    const storedFiles = unzipSync(stored);
    expect(Object.keys(files)).toEqual(Object.keys(storedFiles));
    for (const [name, data] of Object.entries(files)) {
      expect(Buffer.from(data).equals(Buffer.from(storedFiles[name] ?? [])), name).toBe(true);
    }
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(sheet).toContain('<c r="B3" s="2"><v>1000.01</v></c>');
    expect(sheet).toContain('<row r="10002">');
  }, 60_000);

  it('falls back to stored entries where CompressionStream is missing', async () => {
    const bytes = await storedBytes(TABLE);
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint16(8, true)).toBe(0);
    expect(readBytes(bytes).cells.get('B3')).toMatchObject({ value: '42684.35', type: 'number' });
  });
});
