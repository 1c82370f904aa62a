/**
 * National-layout documents → bundles, through the same buildBundle the CLI and the browser use.
 * Expected figures are typed from the seed text (seed 000 = 大同市行政审批服务管理局[部门] 2024
 * 部门决算, whose figures the national fixtures lay out) and from the 普陀 PDF as printed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figureLink } from '@/components/figure-value';
import { headlineOf } from '@/data/headline';
import { readSangong } from '@/data/sangong';
import type { Bundle, Table } from '@/data/schema';
import { buildBundle } from '@/ingest/build-bundle';
import { ingestText } from '@/ingest/browser';
import { layoutText, unifyRadicals } from '@/ingest/pdf/pdf-text';
import { readPdfTextNode } from '@/ingest/pdf/pdf-text-node';
import { makeSourceDoc } from '@/ingest/source-doc';

const FIXTURES = new URL('../fixtures/national/', import.meta.url);
const readText = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const readBytes = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));

async function pdfBundle(name: string): Promise<{ bundle: Bundle; text: string }> {
  const text = layoutText(await readPdfTextNode(readBytes(name)));
  return { bundle: buildBundle(makeSourceDoc(name, text), text).bundle, text };
}

function table(b: Bundle, id: string): Table {
  const t = b.tables.find((x) => x.id === id);
  if (t === undefined) throw new Error(`no ${id}`);
  return t;
}

function cell(b: Bundle, id: string, key: string, col: string, group?: string) {
  const r = table(b, id).rows.find(
    (x) => x.key === key && (group === undefined || x.group === group),
  );
  if (r === undefined) throw new Error(`no row ${key} in ${id}`);
  return r.cells[col] ?? null;
}

/** The printed line a figure links to, and its page (form feeds before it, plus one). */
function placeOf(text: string, line: number) {
  const lines = text.split('\n');
  const before = lines.slice(0, line - 1).join('\n');
  return { text: lines[line - 1] ?? '', page: (before.match(/\f/g) ?? []).length + 1 };
}

describe('a 部门决算 PDF in the national layout (seed 000 figures, Shanghai template)', () => {
  const read = pdfBundle('datong-dept-2024-final.national.pdf');

  it('knows the unit, year and kind from the cover, and takes its id from them', async () => {
    const { bundle } = await read;
    expect(bundle.unit).toEqual({ name: '大同市行政审批服务管理局', level: '市级', scope: '部门' });
    expect(bundle.kind).toBe('决算');
    expect(bundle.fiscalYear).toBe(2024);
    expect(bundle.id).toBe('datong-city-dept-2024-final');
  });

  it('reads the headline figures, each linked to the page and line it is printed on', async () => {
    const { bundle, text } = await read;
    // Seed 000 line 119: 本年收入合计 3540.62, 本年支出合计 3540.42.
    const income = cell(bundle, '公开01', '本年收入合计', 'amount', 'income');
    expect(income?.v).toBe('3540.62');
    expect(cell(bundle, '公开01', '本年支出合计', 'amount', 'expense')?.v).toBe('3540.42');
    const at = placeOf(text, income?.line ?? 0);
    expect(at.text).toContain('本年收入合计');
    expect(at.text).toContain('3,540.62');
    expect(at.page).toBe(4);
    // Seed line 264: 财政拨款 本年收入合计 3540.32, 本年支出合计 3540.09 (合计 and 一般公共预算).
    expect(cell(bundle, '公开04', '本年收入合计', 'amount', 'income')?.v).toBe('3540.32');
    expect(cell(bundle, '公开04', '本年支出合计', 'total', 'expense')?.v).toBe('3540.09');
    expect(cell(bundle, '公开04', '本年支出合计', 'general', 'expense')?.v).toBe('3540.09');
    // Seed line 188: 支出决算表 合计 3540.42 = 基本 1520.09 + 项目 2020.32.
    const h = headlineOf(bundle);
    expect([h.incomeTotal?.v, h.expenseTotal?.v, h.basicExpense?.v, h.projectExpense?.v]).toEqual([
      '3540.62',
      '3540.42',
      '1520.09',
      '2020.32',
    ]);
  });

  it('puts figures of rows with blank cells into their own columns', async () => {
    const { bundle } = await read;
    // Seed line 211: 210 卫生健康支出 71.24 | 71.24 | (项目支出 blank).
    expect(cell(bundle, '公开03', '210', 'total')?.v).toBe('71.24');
    expect(cell(bundle, '公开03', '210', 'basic')?.v).toBe('71.24');
    expect(cell(bundle, '公开03', '210', 'project')).toBeNull();
    // Seed line 202: 20199 其他一般公共服务支出 5.44 | (基本支出 blank) | 5.44.
    expect(cell(bundle, '公开03', '20199', 'basic')).toBeNull();
    expect(cell(bundle, '公开03', '20199', 'project')?.v).toBe('5.44');
    // Seed line 245: 一般公共服务支出 3114.29 in 合计 and 一般公共预算, nothing in 政府性基金.
    expect(cell(bundle, '公开04', '一般公共服务支出', 'total', 'expense')?.v).toBe('3114.29');
    expect(cell(bundle, '公开04', '一般公共服务支出', 'general', 'expense')?.v).toBe('3114.29');
    expect(cell(bundle, '公开04', '一般公共服务支出', 'fund', 'expense')).toBeNull();
  });

  it('joins a label wrapped inside its cell, on either side of a two-sided table', async () => {
    const { bundle } = await read;
    const keys = table(bundle, '公开04').rows.map((r) => r.key);
    expect(keys).toContain('国有资本经营预算财政拨款');
    expect(keys).toContain('灾害防治及应急管理支出');
    expect(keys.filter((k) => k.length <= 2)).toEqual(['总计', '总计']);
  });

  it('reads the 基本支出 table in two halves, 三公 as (预算数, 决算数) pairs, and empty tables', async () => {
    const { bundle } = await read;
    // Seed line 336: 30101 基本工资 420.10 | 30201 办公费 16.98; line 364: 人员/公用经费合计.
    expect(cell(bundle, '公开06', '30101', 'amount')?.v).toBe('420.10');
    expect(cell(bundle, '公开06', '30201', 'amount')?.v).toBe('16.98');
    expect(cell(bundle, '公开06', '人员经费合计', 'amount')?.v).toBe('1387.14');
    expect(cell(bundle, '公开06', '公用经费合计', 'amount')?.v).toBe('132.63');
    // Seed lines 535 and 541: 三公 全年预算 1.01, 决算 1.01, all of it 公务用车运行维护费.
    const sg = readSangong(bundle);
    expect(sg.budget?.total?.v).toBe('1.01');
    expect(sg.actual?.total?.v).toBe('1.01');
    expect(sg.actual?.parts.vehicleRunning?.v).toBe('1.01');
    expect(table(bundle, '公开07').noData).toBe(true);
    expect(table(bundle, '公开08').noData).toBe(true);
  });

  it('reads the 情况说明 printed after the tables, wrapped as the PDF wraps it', async () => {
    const { bundle } = await read;
    // Seed line 509: 完成年初预算的109.76% (一般公共预算财政拨款支出 3,540.09 against 3,225.30).
    const total = bundle.narrative.executions.find((e) => e.key === 'total');
    expect(total?.rate?.v).toBe('109.76');
    expect(total?.budget?.v).toBe('3225.30');
    expect(bundle.narrative.sangong?.actual?.v).toBe('1.01');
    // All nine tables are there: nothing is missing, and the tables agree with the text.
    expect(bundle.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('the same figures in the Ministry of Finance template (公开NN表 labels, 行次, 栏次)', () => {
  const read = pdfBundle('datong-dept-2024-final.mof.pdf');

  it('reads a PDF with Shanxi-like 公开NN表 labels through the national reader', async () => {
    const { bundle } = await read;
    expect(bundle.id).toBe('datong-city-dept-2024-final');
    expect(bundle.tables.map((t) => t.id)).toEqual([
      '公开01',
      '公开02',
      '公开03',
      '公开04',
      '公开05',
      '公开06',
      '公开09',
      '公开07',
      '公开08',
    ]);
  });

  it('never takes a 行次 or 栏次 number for a figure', async () => {
    const { bundle } = await read;
    // Seed line 119: 本年收入合计 (行次 27) 3540.62, 本年支出合计 (行次 57) 3540.42.
    expect(cell(bundle, '公开01', '本年收入合计', 'amount', 'income')?.v).toBe('3540.62');
    expect(cell(bundle, '公开01', '本年支出合计', 'amount', 'expense')?.v).toBe('3540.42');
    // Seed line 100: 九、卫生健康支出 (行次 40 in the seed) 71.24; an empty row stays empty.
    expect(cell(bundle, '公开01', '卫生健康支出', 'amount', 'expense')?.v).toBe('71.24');
    expect(cell(bundle, '公开01', '外交支出', 'amount', 'expense')).toBeNull();
    expect(table(bundle, '公开01').columns.map((c) => c.key)).toEqual(['amount']);
    expect(cell(bundle, '公开04', '本年支出合计', 'total', 'expense')?.v).toBe('3540.09');
  });

  it('reads 三公 as six 预算数 then six 决算数 columns, blanks included', async () => {
    const { bundle } = await read;
    const row = table(bundle, '公开09').rows[0];
    expect(row?.cells['budget.total']?.v).toBe('1.01');
    expect(row?.cells['budget.abroad']).toBeNull();
    expect(row?.cells['budget.vehicle']?.v).toBe('1.01');
    expect(row?.cells['budget.vehicleRunning']?.v).toBe('1.01');
    expect(row?.cells['actual.total']?.v).toBe('1.01');
    expect(row?.cells['actual.reception']).toBeNull();
    expect(bundle.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('national layout text (pdftotext -layout or written by hand)', () => {
  it('converts a table printed in 元 to 万元 only where documents are compared', () => {
    const text = readText('datong-dept-2024-final.layout.txt');
    const { bundle } = buildBundle(makeSourceDoc('a.txt', text), text);
    // The fixture prints the 支出决算表 in 元: 15,200,900.00 元 = seed's 1,520.09 万元.
    expect(table(bundle, '公开03').unit).toBe('元');
    expect(cell(bundle, '公开03', '合计', 'basic')?.v).toBe('15200900.00');
    expect(headlineOf(bundle).basicExpense?.v).toBe('1520.09');
  });

  it('checks a table printed in 元 in 元: 100 元 off its columns is an error, not 尾数', () => {
    const text = readText('datong-dept-2024-final.layout.txt');
    const { bundle } = buildBundle(makeSourceDoc('a.txt', text), text);
    // 合计: 本年支出合计 35,404,200.00 against 基本支出 15,200,900.00 + 项目支出 20,203,200.00
    // = 35,404,100.00. In 万元 the two would differ by 0.01, within the rounding of a 万元 table;
    // a table printed to the 元 fen has no such rounding.
    const f = bundle.findings.find(
      (x) => x.kind === 'sum' && x.message.startsWith('公开03“合计”的“合计”不等于5 个分项列之和'),
    );
    expect(f).toMatchObject({ severity: 'error', expected: '35404100.00', printed: '35404200.00' });
  });

  it('reads a table continued on the next page under its repeated title as one table', () => {
    const lines = readText('datong-dept-2024-final.layout.txt').split('\n');
    // Lines 30–35 are the 支出决算表's title, unit and header; break the page before line 40.
    const repeat = [
      '\f                                     三、支出决算表（续）',
      ...lines.slice(30, 35),
    ];
    const text = [...lines.slice(0, 39), ...repeat, ...lines.slice(39)].join('\n');
    const { bundle } = buildBundle(makeSourceDoc('a.txt', text), text);
    const t = table(bundle, '公开03');
    expect(bundle.tables.filter((x) => x.id === '公开03')).toHaveLength(1);
    // 201 03 06 政务公开审批 and 221 02 01 住房公积金 are on the second page.
    expect(cell(bundle, '公开03', '2010306', 'project')?.v).toBe('14224700.00');
    expect(cell(bundle, '公开03', '2210201', 'total')?.v).toBe('1254000.00');
    expect(t.rows.map((r) => r.key)).toEqual(['合计', '201', '20103', '2010306', '2210201']);
  });

  it('gives figures centred between the two lines of a wrapped label to that row, and skips page numbers', () => {
    const text = [
      '某某区某某局 2024 年度部门决算',
      '                  收入支出决算总表',
      '                                                            单位：万元',
      '        收入                                   支出',
      '    项目                  决算数          项目                  决算数',
      '一、一般公共预算财政拨款收入    3,540.32    一、一般公共服务支出      3,114.61',
      '二、国有资本经营预算财政拨                  二、外交支出',
      '                              12.50',
      '款',
      '     本年收入合计            3,552.82       本年支出合计          3,114.61',
      '                              - 3 -',
      '                  支出决算表',
      '                                                            单位：万元',
      ' 功能分类科目编码   科目名称          本年支出合计      基本支出      项目支出',
      '                    合计                    100.00         60.00         40.00',
      ' 2010399            其他政府办公厅（室）及相关机构',
      '                                            100.00         60.00         40.00',
      '                    事务支出',
      '                                  第 4 页',
    ].join('\n');
    const { bundle } = buildBundle(makeSourceDoc('a.txt', text), text);
    expect(cell(bundle, '公开01', '国有资本经营预算财政拨款', 'amount', 'income')).toEqual({
      v: '12.50',
      line: 8,
    });
    expect(cell(bundle, '公开01', '本年收入合计', 'amount', 'income')?.v).toBe('3552.82');
    const row = table(bundle, '公开03').rows.find((r) => r.key === '2010399');
    expect(row?.label).toBe('其他政府办公厅（室）及相关机构事务支出');
    expect([row?.cells['total']?.v, row?.cells['basic']?.v, row?.cells['project']?.v]).toEqual([
      '100.00',
      '60.00',
      '40.00',
    ]);
    expect(table(bundle, '公开03').rows.map((r) => r.key)).toEqual(['合计', '2010399']);
    expect(bundle.skipped.filter((x) => x.where === '标准表')).toEqual([]);
  });

  it('ingests a document that omits standard tables, and says which are missing', () => {
    const text = readText('datong-dept-2024-final.layout.txt');
    const { bundle } = buildBundle(makeSourceDoc('a.txt', text), text);
    const missing = bundle.findings.filter(
      (f) => f.kind === 'completeness' && f.id.startsWith('completeness-table'),
    );
    expect(missing.map((f) => f.expected)).toEqual([
      '收入决算表',
      '一般公共预算财政拨款支出决算表',
      '一般公共预算财政拨款基本支出决算表',
      '政府性基金预算财政拨款收入支出决算表',
      '国有资本经营预算财政拨款支出决算表',
    ]);
  });

  it('refuses a text that is no disclosure, in Chinese, naming the file', () => {
    const out = ingestText('notes.txt', '会议纪要\n今天讨论了明年的工作安排。\n');
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message).toMatch(/文件 notes\.txt.*未识别的文档格式/);
  });
});

describe('a 部门预算 PDF of 上海市普陀区 (tables in 元, 三公 in 万元)', () => {
  const read = pdfBundle('putuo-justice-2026-budget.pdf');

  it('reads the unit from 编制部门 and the year from the table titles', async () => {
    const { bundle } = await read;
    expect(bundle.unit.name).toBe('上海市普陀区司法局');
    expect(bundle.unit.level).toBe('区县级');
    expect([bundle.kind, bundle.fiscalYear]).toEqual(['预算', 2026]);
    expect(bundle.id).toMatch(/^county-dept-[0-9a-f]{8}-2026-budget$/);
  });

  it('keeps 元 as printed and compares in 万元', async () => {
    const { bundle } = await read;
    // 部门支出预算总表, 合计: 96,282,213.44 = 基本 25,741,666.44 + 项目 70,540,547.00 (元).
    expect(table(bundle, '预算03').unit).toBe('元');
    expect(cell(bundle, '预算03', '合计', 'basic')?.v).toBe('25741666.44');
    expect(headlineOf(bundle).basicExpense?.v).toBe('2574.166644');
    expect(headlineOf(bundle).projectExpense?.v).toBe('7054.0547');
    // The link of a converted figure marks the digits printed in its line, not the 万元 value.
    const basic = headlineOf(bundle).basicExpense;
    expect(basic?.printedAs).toBe('25741666.44');
    const hrefFor = (line: number, text?: string) => `#/source/x?line=${line}&q=${text ?? ''}`;
    expect(figureLink(basic ?? { v: '0', line: 1 }, 'doc', hrefFor).href).toBe(
      `#/source/x?line=${basic?.line ?? 0}&q=25741666.44`,
    );
    // “三公”经费和机关运行经费预算表 (万元): 合计 10.81 = 公务用车运行维护费 9.98 + 公务接待费 0.83.
    const sg = readSangong(bundle);
    expect(sg.budget?.total?.v).toBe('10.81');
    expect(sg.budget?.parts.vehicleRunning?.v).toBe('9.98');
    expect(sg.budget?.parts.reception?.v).toBe('0.83');
  });
});

it('turns the look-alike radicals some fonts extract back into the characters printed', () => {
  expect(unifyRadicals('部⻔⼤同⻘苗（室）')).toBe('部门大同青苗（室）');
});

describe('上海市普陀区财政局 2024 部门决算 (real PDF, pages cut)', () => {
  const read = pdfBundle('putuo-finance-2024-final.pdf');

  it('reads the rows its figures are printed above, and blames the document for none of it', async () => {
    const { bundle } = await read;
    expect([bundle.unit.name, bundle.unit.level, bundle.fiscalYear]).toEqual([
      '上海市普陀区财政局',
      '区县级',
      2024,
    ]);
    // 支出决算表 合计: 2,940.05 = 基本支出 2,336.91 + 项目支出 603.14 (printed a line above).
    expect(cell(bundle, '公开03', '合计', 'total')?.v).toBe('2940.05');
    expect(cell(bundle, '公开03', '合计', 'basic')?.v).toBe('2336.91');
    expect(cell(bundle, '公开03', '合计', 'project')?.v).toBe('603.14');
    // Its tables add up: no sum finding on 公开03 or 公开04.
    const sums = bundle.findings.filter(
      (f) => f.kind === 'sum' && /公开0[34]/.test(f.message) && f.severity !== 'info',
    );
    expect(sums).toEqual([]);
  });

  it('reads its 基本支出 table printed over several lines a row: 301 = the sum of its 款', async () => {
    const { bundle } = await read;
    expect(cell(bundle, '公开06', '30101', 'amount')?.v).toBe('262.33');
    expect(cell(bundle, '公开06', '人员经费合计', 'amount')?.v).toBe('2152.26');
    // Only the document's own rounding: 301's 款 sum to 2,082.86 against 2,082.85 (提示).
    expect(
      bundle.findings.filter((f) => f.message.startsWith('公开06')).map((f) => f.severity),
    ).toEqual(['info', 'info']);
  });

  it('keeps a multi-line reading only if it adds up, and says which lines it could not read', async () => {
    // The same text with 301 工资福利支出 printed as 2,182.85: read over several lines, its 款
    // sum to 2,082.86, so that reading is not kept, and the lines read no other way are named.
    const { text } = await read;
    const changed = text.replace('2,082.85', '2,182.85');
    const { bundle } = buildBundle(makeSourceDoc('a.txt', changed), changed);
    const f = bundle.findings.find((x) => x.id === 'completeness-partial-公开06');
    expect(f?.severity).toBe('warning');
    // The first of them: "基本工资 262.33 01 办公费 21.21" (fixture page 6).
    expect(changed.split('\n')[(f?.lines[0] ?? 0) - 1]).toMatch(/基本工资\s+262\.33/);
  });
});

describe('上海市普陀区司法局 2026 单位预算 (real PDF, cover and 财务收支预算总表)', () => {
  const read = pdfBundle('putuo-justice-2026-unit-budget.pdf');

  it('takes the unit from 预算单位, not from the series title 上海市普陀区2026年区级单位预算', async () => {
    const { bundle } = await read;
    expect([bundle.unit.name, bundle.unit.scope, bundle.kind, bundle.fiscalYear]).toEqual([
      '上海市普陀区司法局',
      '单位',
      '预算',
      2026,
    ]);
  });

  it('says that a 说明 headed “2026年单位预算编制说明” is not read, naming its line', async () => {
    const { text } = await read;
    const withNotes = `${text}\n\f                       2026年单位预算编制说明\n一、收入预算\n2026年收入预算8695.94万元。`;
    const { bundle } = buildBundle(makeSourceDoc('a.txt', withNotes), withNotes);
    const f = bundle.findings.find((x) => x.id === 'completeness-narrative');
    const line = withNotes.split('\n').findIndex((l) => l.includes('单位预算编制说明')) + 1;
    expect([f?.severity, f?.printed, f?.lines]).toEqual(['info', '2026年单位预算编制说明', [line]]);
  });

  it('reads the 支出 side split into 合计, 人员经费, 公用经费 and 项目支出 (元)', async () => {
    const { bundle } = await read;
    const t = table(bundle, '预算01');
    expect(t.unit).toBe('元');
    const expense = (key: string) =>
      Object.fromEntries(
        Object.entries(t.rows.find((r) => r.key === key && r.group === 'expense')?.cells ?? {})
          .filter(([, c]) => c !== null)
          .map(([k, c]) => [k, c?.v]),
      );
    expect(expense('支出总计')).toEqual({
      total: '86959408.34',
      personnel: '20374181',
      public: '1744680',
      project: '64840547',
    });
    expect(expense('公共安全支出')).toEqual({
      total: '79189400.34',
      personnel: '12604173',
      public: '1744680',
      project: '64840547',
    });
    expect(cell(bundle, '预算01', '收入总计', 'amount', 'income')?.v).toBe('86959408.34');
    // The cut file has no 说明 at all: said, not left silent.
    expect(bundle.findings.find((f) => f.id === 'completeness-narrative')?.printed).toBe('未找到');
    // 收入总计 86,959,408.34 = 支出总计 86,959,408.34: no finding says otherwise.
    expect(bundle.findings.filter((f) => f.message.includes('收入总计'))).toEqual([]);
  });
});

it('does not blame the document for a total the reader could not read', () => {
  // A 支出总计 line with more figures than the header has columns: reported as not read, and
  // 收入总计 is then not compared with a 支出总计 taken as empty (0.00).
  const text = [
    '上海市普陀区司法局',
    '2026年度部门预算',
    '                    财务收支预算总表',
    '                                                        单位：元',
    '   项目            预算数           项目              预算数',
    '一、财政拨款收入     1,000.00    一、公共安全支出        1,000.00',
    '   收入总计          1,000.00       支出总计           1,000.00    600.00   400.00',
  ].join('\n');
  const { bundle } = buildBundle(makeSourceDoc('a.txt', text), text);
  expect(bundle.findings.filter((f) => f.message.includes('收入总计'))).toEqual([]);
  expect(bundle.findings.find((f) => f.id === 'completeness-partial-预算01')?.lines).toEqual([7]);
});

describe('上海市普陀区万里街道办事处 2024 部门预算: 款 codes printed without their leading 0', () => {
  const read = pdfBundle('putuo-wanli-2024-budget.pdf');

  it('reads "301 2 津贴补贴" as 30102 and says how it was printed', async () => {
    const { bundle } = await read;
    const t = table(bundle, '预算06');
    const byCode = (code: string) => t.rows.find((r) => r.code === code);
    expect([byCode('30102')?.label, byCode('30102')?.cells.total?.v]).toEqual([
      '津贴补贴',
      '16623810',
    ]);
    expect([byCode('30107')?.label, byCode('30107')?.cells.personnel?.v]).toEqual([
      '绩效工资',
      '11447100',
    ]);
    expect(t.rows.filter((r) => r.code === '301').map((r) => r.label)).toEqual(['工资福利支出']);
    // 301 工资福利支出 88,282,511 is the sum of its 款 again (the fixture stops before 302's
    // last 款, so 302 is not checked here).
    expect(bundle.findings.filter((f) => f.message.startsWith('预算06“301'))).toEqual([]);
    const printed = bundle.findings.filter((f) => f.id.startsWith('format-code-'));
    expect(printed.map((f) => [f.severity, f.printed, f.expected])).toEqual([
      ['info', '301 2', '30102'],
      ['info', '301 7', '30107'],
    ]);
  });
});

it('makes no sum check that needs a cell on a line it could not read', () => {
  // A consistent 支出决算表 (the fixture's header, its 政务公开审批 row as 合计, 类 and 款), whose
  // 项 line has four figures more than the header has columns: that line is not read, and 20103
  // is not compared with a 项 taken as blank.
  const fixture = readText('datong-dept-2024-final.layout.txt').split('\n');
  const title = fixture.findIndex(
    (l, i) => l.includes('三、支出决算表') && (fixture[i + 1] ?? '').includes('单位'),
  );
  const header = fixture.slice(
    title,
    fixture.findIndex((l, i) => i > title && /^\s+合计\s/.test(l)),
  );
  const figs = '14,225,500.00          800.00   14,224,700.00';
  const table = (extra: string) =>
    [
      '大同市行政审批服务管理局 2024 年度部门决算',
      ...header,
      `                   合计              ${figs}`,
      ` 201               一般公共服务支出        ${figs}`,
      ` 201   03          政府办公厅（室）及相关     ${figs}`,
      '                   机构事务',
      ` 201   03    06    政务公开审批          ${figs}${extra}`,
    ].join('\n');
  const build = (text: string) => buildBundle(makeSourceDoc('a.txt', text), text).bundle;
  const sums = (b: ReturnType<typeof build>) => b.findings.filter((f) => f.kind === 'sum');
  expect(sums(build(table('')))).toEqual([]);
  const cut = build(table('   1.00   2.00   3.00   4.00'));
  expect(cut.findings.find((f) => f.id === 'completeness-partial-公开03')?.lines).toEqual([
    header.length + 6,
  ]);
  expect(sums(cut)).toEqual([]);
});

describe('who published it, as national covers print it', () => {
  it('reads a unit whose name ends otherwise than 局/委/会 (a 镇), and skips a level-only title', () => {
    const tables = readText('datong-dept-2024-final.layout.txt').split('\n').slice(1).join('\n');
    const text = `上海市普陀区桃浦镇 2024 年度部门决算\n${tables}`;
    expect(buildBundle(makeSourceDoc('a.txt', text), text).bundle.unit.name).toBe(
      '上海市普陀区桃浦镇',
    );
  });

  it('takes a heading’s short form of the name (省检察院) for the same unit', () => {
    const tables = readText('datong-dept-2024-final.layout.txt').split('\n').slice(1).join('\n');
    const text = `江苏省人民检察院2024年度部门决算\n第二部分 省检察院 2024 年度部门决算表\n${tables}`;
    const { bundle } = buildBundle(makeSourceDoc('a.txt', text), text);
    expect(bundle.unit.name).toBe('江苏省人民检察院');
    expect(bundle.findings.some((f) => f.id === 'disc-unit-name')).toBe(false);
  });

  const tables = readText('datong-dept-2024-final.layout.txt').split('\n').slice(1).join('\n');
  const meta = (cover: string) => {
    const text = `${cover}\n${tables}`;
    return buildBundle(makeSourceDoc('a.txt', text), text).bundle;
  };

  it('reads a unit printed on its own line above “2024 年度部门决算” (the Shanghai cover)', () => {
    const b = meta('       上海市普陀区司法局\n\n  2024 年度部门决算');
    expect([b.unit.name, b.unit.level, b.fiscalYear, b.kind]).toEqual([
      '上海市普陀区司法局',
      '区县级',
      2024,
      '决算',
    ]);
  });

  it('joins a name the cover wraps over two lines, as the 目录 prints it whole', () => {
    // 上海市普陀区规划和自然资源局 2024 年度部门决算, its cover and 目录 (pdf.js layout text).
    const cover = [
      '      上海市普陀区规划和自然',
      '              资源局',
      '        2024 年度部门决算',
      '                                    目    录',
      '            第一部分     上海市普陀区规划和自然资源局概况',
    ].join('\n');
    const b = meta(cover);
    expect([b.unit.name, b.unit.level]).toEqual(['上海市普陀区规划和自然资源局', '区县级']);
    // A line above the name that the document prints nowhere else stays out of it.
    expect(meta('  部门决算公开材料\n  上海市普陀区司法局\n  2024 年度部门决算').unit.name).toBe(
      '上海市普陀区司法局',
    );
  });

  it('flags a part heading that names the unit otherwise (上海市普陀区规划和自然资源局 2024)', () => {
    // Its tables' heading (PDF page 7) drops 普陀区: "上海市规划和自然资源局 2024 年度部门决算表".
    const b = meta(
      [
        '  上海市普陀区规划和自然资源局',
        '  2024 年度部门决算',
        '  第一部分 上海市普陀区规划和自然资源局概况',
        '  上海市规划和自然资源局 2024 年度部门决算表',
      ].join('\n'),
    );
    expect(b.findings.find((f) => f.id === 'disc-unit-name')).toMatchObject({
      printed: '上海市规划和自然资源局',
      lines: [4],
    });
    expect(
      meta(
        '  上海市普陀区司法局\n  2024 年度部门决算\n  第一部分 上海市普陀区司法局概况',
      ).findings.some((f) => f.id === 'disc-unit-name'),
    ).toBe(false);
  });

  it('reads the year before the unit, and a part heading naming both', () => {
    expect(meta('2024年度上海市普陀区司法局部门决算').unit.name).toBe('上海市普陀区司法局');
    expect(meta('第二部分 上海市普陀区司法局 2024 年度部门决算表').unit.name).toBe(
      '上海市普陀区司法局',
    );
  });

  it('falls back to “第一部分 …概况” when the cover does not name the unit', () => {
    const b = meta('2024 年度部门决算\n第一部分 上海市普陀区司法局概况\n一、主要职能');
    expect(b.unit.name).toBe('上海市普陀区司法局');
  });
});

describe('江苏’s 部门预算 wording (当年收入小计, a 支出预算总表 of one line)', () => {
  const text = readText('jiangsu-cppcc-2019-budget.layout.txt');
  const { bundle } = buildBundle(makeSourceDoc('js.txt', text), text);

  it('reads 当年收入小计 as 本年收入合计 and the one-line 支出预算总表 as its 合计', () => {
    expect([bundle.unit.name, bundle.kind, bundle.fiscalYear]).toEqual([
      '江苏省政协办公厅',
      '预算',
      2019,
    ]);
    // 收支预算总表: 当年收入小计 13,377.11 | 当年支出小计 13,377.11.
    const row = table(bundle, '预算01').rows.find((r) => r.key === '本年收入合计');
    expect(row?.label).toBe('当年收入小计');
    // 支出预算总表: 合计 13,377.11, 基本支出 6,522.75, 项目支出 4,968.34.
    const h = headlineOf(bundle);
    expect([h.incomeTotal?.v, h.expenseTotal?.v, h.basicExpense?.v, h.projectExpense?.v]).toEqual([
      '13377.11',
      '13377.11',
      '6522.75',
      '4968.34',
    ]);
  });

  it('keeps a column it has no meaning for, and never reads the 支出用途 side as 支出 rows', () => {
    // 支出预算总表: 单位预留机动经费 1,886.02 is kept as printed, so 合计 = 6,522.75 + 4,968.34
    // + 1,886.02 checks out.
    const t = table(bundle, '预算03');
    expect(t.columns.find((c) => c.label === '单位预留机动经费')).toBeDefined();
    expect(t.rows[0]?.cells['extra.1']?.v).toBe('1886.02');
    // 收支预算总表: 一、基本支出 / 二、项目支出 belong to the third side (支出用途).
    const expense = table(bundle, '预算01').rows.filter((r) => r.group === 'expense');
    expect(expense.map((r) => r.key)).not.toContain('基本支出');
    expect(bundle.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

// 江苏省高级人民法院 2019 部门预算: tables of one figure column under 科目编码, 科目名称, 金额 (or
// 基本支出), and a 说明 that states a change after nearly every figure. Figures typed from the PDF.
describe('江苏省高级人民法院 2019 部门预算 (real PDF, pages cut): one-column tables and its 说明', () => {
  const read = pdfBundle('jiangsu-court-2019-budget.pdf');
  const yoyOf = (b: Bundle, key: string) =>
    b.narrative.yoy
      .filter((y) => y.key === key)
      .map((y) => [
        y.current.v,
        y.direction,
        y.change?.v,
        y.pctDirection,
        y.pct?.v,
        y.change?.line,
      ]);

  it('reads a table whose one column is headed 金    额 (or 基本支出) as the rows’ 合计', async () => {
    const { bundle, text } = await read;
    // 一般公共预算支出预算表（功能科目）: 合计 37,188.34; 2040501 行政运行 17,279.29.
    expect(table(bundle, '预算05').columns.map((c) => c.key)).toEqual(['total']);
    expect(cell(bundle, '预算05', '合计', 'total')).toEqual({ v: '37188.34', line: 9 });
    expect(cell(bundle, '预算05', '2040501', 'total')).toEqual({ v: '17279.29', line: 12 });
    expect(placeOf(text, 12).text).toMatch(/2040501\s+行政运行\s+17,279\.29/);
    // 一般公共预算基本支出预算表（经济科目）, its column headed 基本支出: 合计 21,968.00, 30101 基本工资 2,827.41.
    expect(cell(bundle, '预算06', '合计', 'total')).toEqual({ v: '21968.00', line: 33 });
    expect(cell(bundle, '预算06', '30101', 'total')).toEqual({ v: '2827.41', line: 35 });
    for (const id of ['预算05', '预算06'])
      expect(bundle.findings.map((f) => f.message).join('\n')).not.toContain(`（${id}）认出了标题`);
  });

  it('finds a table whose “单位：万” wraps its 元 onto the next line (the 三公 table)', async () => {
    const { bundle, text } = await read;
    expect(placeOf(text, 71).text.trim()).toBe('单位：万');
    // 三公 小计 513.75 = 因公出国（境）费 160.00 + 公务用车运行维护费 266.80 + 公务接待费 86.95.
    const t = table(bundle, '预算10');
    expect(t.unit).toBe('万元');
    expect(t.rows.find((r) => r.label === '合计')?.cells.total).toEqual({ v: '513.75', line: 80 });
    expect(t.rows.find((r) => /因公出国/.test(r.label))?.cells.total?.v).toBe('160.00');
  });

  it('reads the 说明’s totals and each change it states, with the amount it is stated of', async () => {
    const { bundle } = await read;
    // "收入、支出预算总计 37188.34 万元，与上年相比收、支预算总计各增加 4016.19 万元，增长 12.11%"
    for (const key of ['incomeTotal', 'expenseTotal', 'fiscalIncomeTotal', 'generalBudgetExpense'])
      expect(yoyOf(bundle, key)[0]?.slice(0, 5)).toEqual([
        '37188.34',
        '增加',
        '4016.19',
        '增长',
        '12.11',
      ]);
    expect(yoyOf(bundle, 'incomeTotal')[0]?.[5]).toBe(209);
    // "1．公共安全（类）支出 27488.23 万元 … 与上年相比增加 1287.35 万元，增长 4.91%": of 支出预算总计
    // (every fund), kept apart from a 类 of 财政拨款支出.
    expect(yoyOf(bundle, 'expense.204')).toEqual([
      ['27488.23', '增加', '1287.35', '增长', '4.91', 220],
    ]);
    expect(yoyOf(bundle, '204')).toEqual([]);
    // "项目支出预算数为 10208.94 万元。与上年相比减少 1134.33 万元，减少 10%" (a fall printed 减少).
    expect(yoyOf(bundle, 'expense.project')).toEqual([
      ['10208.94', '减少', '1134.33', '下降', '10', 232],
    ]);
    expect(yoyOf(bundle, 'expense.basic')[0]?.slice(0, 5)).toEqual([
      '21968',
      '增加',
      '3397.18',
      '增长',
      '18.29',
    ]);
  });

  it('gives no one the change of an amount it does not read (单位预留机动经费, a 项)', async () => {
    const { bundle } = await read;
    // "单位预留机动经费预算数为 5011.4 万元。与上年相比增加 1753.34 万元": not 项目支出's.
    expect(yoyOf(bundle, 'expense.project')).toHaveLength(1);
    const changes = bundle.narrative.yoy.map((y) => y.change?.v);
    expect(changes).not.toContain('1753.34');
    // "3．法院（款）机关服务（项）支出 1400 万元，与上年相比减少 200 万元": not 财政拨款支出's.
    expect(changes).not.toContain('200');
    expect(bundle.skipped.map((x) => x.text)).toContainEqual(expect.stringContaining('1753.34'));
  });

  it('skips a page number inside a sentence, and reads 基本支出 stated twice once', async () => {
    const { bundle, text } = await read;
    // "…2019 年度一般公共预算基本支出预算 / 22 / 安排情况。": 22 is page 22's number.
    expect(placeOf(text, 334).text.trim()).toBe('22');
    const messages = bundle.findings.map((f) => f.message).join('\n');
    expect(messages).not.toMatch(/22安|金额缺少单位/);
    // 财政拨款基本支出 21968 = 人员经费 18387.95 + 公用经费 3580.05, stated under 六 and again under 八.
    const basic = bundle.narrative.breakdowns.find((b) => b.key === 'basicExpense');
    expect(basic?.parts.map((x) => [x.key, x.amount.v])).toEqual([
      ['personnel', '18387.95'],
      ['publicOperating', '3580.05'],
    ]);
    // 预算06 prints no 人员经费 column: nothing to compare the 说明's 18387.95 with.
    expect(bundle.findings.filter((f) => f.kind === 'narrative' && f.severity !== 'info')).toEqual(
      [],
    );
  });
});

// 上海's 区级 budgets print no 第三部分: a "2025年部门预算编制说明" before the tables and "其他相关情况说明"
// (三公, 机关运行经费, 政府采购, 绩效目标, 国有资产) after them. Figures typed from the PDFs' text.
describe('上海市普陀区 budgets: 编制说明 and 其他相关情况说明', () => {
  const commerce = pdfBundle('putuo-commerce-2025-budget.pdf');
  const wanli = pdfBundle('putuo-wanli-2025-budget.pdf');
  const wanli2024 = pdfBundle('putuo-wanli-2024-budget-notes.pdf');
  const yoyOf = (b: Bundle) =>
    b.narrative.yoy.map((y) => [y.key, y.basis, y.current.v, y.direction, y.change?.v ?? null]);

  it('reads 上海市普陀区商务委员会 2025: 三公 1.00 as last year, 机关运行经费, 政府采购, 绩效目标', async () => {
    const { bundle, text } = await commerce;
    const n = bundle.narrative;
    expect(placeOf(text, n.startLine ?? 0).text.trim()).toBe('2025年部门预算编制说明');
    // "2025年“三公”经费预算数为1.00万元，与2024年预算持平。其中：（一）因公出国（境）费0万元，…
    // （二）公务用车购置及运行费0万元，…其中：公务用车购置费0万元，…；公务用车运行费0万元，…
    // （三）公务接待费1.00万元。"
    expect(n.sangong?.budget).toEqual({ v: '1.00', line: 74 });
    expect(n.sangong?.parts.map((p) => [p.key, p.amount?.v])).toEqual([
      ['sangong.abroad', '0'],
      ['sangong.vehicle', '0'],
      ['sangong.vehiclePurchase', '0'],
      ['sangong.vehicleRunning', '0'],
      ['sangong.reception', '1.00'],
    ]);
    // "一般公共预算拨款支出预算37,151.47万元，比2024年预算增加24,491.71万元" (line 24), then 三公.
    expect(yoyOf(bundle)).toEqual([
      ['generalBudgetExpense', '比2024年预算', '37151.47', '增加', '24491.71'],
      ...['sangong', 'sangong.abroad', 'sangong.vehicle', 'sangong.vehiclePurchase']
        .concat(['sangong.vehicleRunning', 'sangong.reception'])
        .map((k, i) => [k, '与2024年预算', i === 0 || i === 5 ? '1.00' : '0', '持平', null]),
    ]);
    expect(n.totals.find((t) => t.key === 'generalBudgetExpense')?.value).toEqual({
      v: '37151.47',
      line: 24,
    });
    // The other amounts' changes are never attached to the wrong amount: 财政拨款支出预算's (line 23)
    // is listed as not read; those "比2024年预算执行数…" (against last year's execution) are not read.
    expect(
      bundle.skipped.filter((k) => k.reason.startsWith('未读入')).map((k) => [k.line, k.reason]),
    ).toEqual([[23, '未读入财政拨款支出预算的增减']]);
    // "财政拨款的机关运行经费预算为171.01万元"; "政府采购预算38.20万元，其中：政府采购货物预算
    // 7.80万元、政府采购工程预算0万元、政府采购服务预算30.40万元"; "编报绩效目标的项目共25个，
    // 涉及项目预算资金11381.60万元".
    expect(n.operatingCosts).toEqual({ v: '171.01', line: 80 });
    expect(n.procurement).toMatchObject({
      basis: '预算',
      total: { v: '38.20', line: 82 },
      goods: { v: '7.80' },
      works: { v: '0' },
      services: { v: '30.40' },
    });
    expect([n.performance?.targetProjects?.v, n.performance?.targetAmount?.v]).toEqual([
      '25',
      '11381.60',
    ]);
    // Read, so not reported as unread; nothing in it contradicts itself.
    expect(bundle.findings.map((f) => f.id)).not.toContain('completeness-narrative');
    expect(bundle.findings.filter((f) => f.kind === 'narrative')).toEqual([]);
  });

  it("takes 收入总计 / 支出总计 as the year's totals where the 收支总表 prints nothing else to add", async () => {
    const { bundle } = await commerce;
    // 2025年部门财务收支预算总表: the year's items, then "收入总计 371,514,655.00 … 支出总计
    // 371,514,655.00" (line 62), no 本年收入合计 line and no 上年结转 / 年末结转和结余 row.
    const h = headlineOf(bundle);
    expect(h.incomeTotal).toMatchObject({ v: '37151.4655', line: 62 });
    expect(h.expenseTotal).toMatchObject({ v: '37151.4655', line: 62 });
  });

  it('reads 上海市普陀区人民政府万里街道办事处 2025: 三公 37.91, 10 less than 2024, and why', async () => {
    const { bundle } = await wanli;
    const n = bundle.narrative;
    // "2025年“三公”经费预算数为37.91万元，比2024年预算减少10万元。" = 0 + 36.56 + 1.35.
    expect(n.sangong?.budget).toEqual({ v: '37.91', line: 34 });
    expect(yoyOf(bundle)).toEqual([
      ['generalBudgetExpense', '比2024年预算', '18976.76', '增加', '3355.65'],
      ['sangong', '比2024年预算', '37.91', '减少', '10'],
      ['sangong.abroad', '比2024年预算', '0', '持平', null],
      ['sangong.vehicle', '比2024年预算', '36.56', '减少', '10'],
      ['sangong.vehiclePurchase', '比2024年预算', '15', '减少', '10'],
      ['sangong.vehicleRunning', '比2024年预算', '21.56', '持平', null],
      ['sangong.reception', '比2024年预算', '1.35', '持平', null],
    ]);
    const vehicle = n.yoy.find((y) => y.key === 'sangong.vehicle');
    expect(vehicle?.prior.v).toBe('46.56'); // derived, never printed
    expect(vehicle?.reason?.text).toBe(
      '主要原因是2025年新增1辆公务用车购置，但与2024年购置的车辆类型不同',
    );
    expect(n.operatingCosts?.v).toBe('464.64');
    expect(n.procurement?.total.v).toBe('4821.20');
    expect([n.procurement?.goods?.v, n.procurement?.works?.v, n.procurement?.services?.v]).toEqual([
      '57.43',
      '3780.72',
      '983.05',
    ]);
    expect([n.performance?.targetProjects?.v, n.performance?.targetAmount?.v]).toEqual([
      '49',
      '8825.98',
    ]);
    // "共有车辆8辆，其中：…其他用车8辆" — the "预算安排购置车辆1辆，其中：…其他用车1辆" that
    // follows is what the budget buys, not counted with the 8.
    expect(n.assets?.vehicles?.v).toBe('8');
    expect(n.assets?.vehiclesByType.find((v) => v.label === '其他用车')?.count.v).toBe('8');
    expect(bundle.findings.filter((f) => f.kind === 'narrative')).toEqual([]);
  });

  it('checks the 三公 budget against its items, 公务用车购置及运行费 once (not again as its two parts)', async () => {
    const { text } = await wanli;
    // 37.91 = 0 + 36.56 + 1.35 as printed; printed as 38.91 it no longer adds up.
    const edited = text.replace('预算数为37.91万元', '预算数为38.91万元');
    const { bundle } = buildBundle(makeSourceDoc('a.txt', edited), edited);
    const f = bundle.findings.filter((x) => x.kind === 'narrative');
    // Against its items (lines 35, 36, 39), and against the 三公 table's 合计 (line 31).
    expect(f.map((x) => [x.printed, x.expected, x.lines])).toEqual([
      ['38.91', '37.91', [34, 35, 36, 39]],
      ['38.91', '37.91', [34, 31]],
    ]);
  });

  it('reports the 2024 三公 table noted 故本表为空表 over its 47.91, and keeps the figures', async () => {
    const { bundle, text } = await wanli2024;
    // "注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。" under 47.91 0 1.35 46.56 25 21.56.
    const f = bundle.findings.find((x) => x.id === 'completeness-empty-note-预算10');
    expect([f?.severity, f?.lines]).toEqual(['warning', [37, 36]]);
    expect(placeOf(text, 37).text).toContain('故本表为空表');
    expect(f?.message).toContain('47.91');
    // Not taken as empty: the 三公 figures are the table's, as printed.
    expect(table(bundle, '预算10').noData).toBe(false);
    expect(readSangong(bundle).budget?.total).toEqual({ v: '47.91', line: 36 });
  });

  it('gives a change no amount of its own clause to no one (an item printed 因公出国（境）费用)', async () => {
    const { text } = await wanli;
    // Line 35 as Shanxi spells the item: the reader does not take "费用0万元", and its "比2024年预算
    // 持平" is not the 三公 total's (减少10万元, line 34).
    const edited = text.replace('（一）因公出国（境）费0万元', '（一）因公出国（境）费用0万元');
    const { bundle } = buildBundle(makeSourceDoc('a.txt', edited), edited);
    expect(bundle.narrative.yoy.filter((y) => y.key === 'sangong').map((y) => y.direction)).toEqual(
      ['减少'],
    );
    expect(bundle.skipped.find((k) => k.line === 35)?.reason).toBe(
      '找不到这项增减变动所对应的本年数',
    );
    // Nor is the 三公 total checked against its items with one of them unread.
    expect(bundle.findings.filter((f) => f.kind === 'narrative')).toEqual([]);
  });

  it('adds up 购置 and 运行 changes when 公务用车购置及运行费 states none', async () => {
    const { text } = await wanli2024;
    // Line 42 reworded: the combined item without its change, its two parts with theirs.
    const edited = text.replace(
      /公务用车购置及运行费46\.56万元，比2023年预算增加25万元，主要原因是购置公务用车。/,
      '公务用车购置及运行费46.56万元。',
    );
    expect(edited).not.toBe(text);
    const { bundle } = buildBundle(makeSourceDoc('a.txt', edited), edited);
    const yoy = bundle.narrative.yoy.map((y) => `${y.key} ${y.direction} ${y.change?.v ?? ''}`);
    expect(yoy).toContain('sangong.vehiclePurchase 增加 25');
    expect(yoy.filter((y) => y.startsWith('sangong.vehicle '))).toEqual([]);
    expect(bundle.findings.filter((f) => f.kind === 'narrative')).toEqual([]);
  });

  it('does not say a standard 第三部分 of which nothing is read is worded otherwise', async () => {
    const { text } = await wanli;
    // The 编制说明 as a 第三部分 whose pages are images: its heading is standard.
    const lines = text
      .split('\n')
      .map((l, i) =>
        i === 2 ? '第三部分 情况说明' : (i >= 3 && i < 22) || (i >= 31 && i < 56) ? '（图片）' : l,
      );
    const edited = lines.join('\n');
    const { bundle } = buildBundle(makeSourceDoc('a.txt', edited), edited);
    expect(bundle.narrative.startLine).toBe(3);
    expect(bundle.findings.map((f) => f.id)).not.toContain('completeness-narrative');
  });

  it("reads 上海's change wording only in 上海's notes: a Shanxi budget's 三公 with its percent, once", () => {
    // The shipped 2026 budget's line 439 as a Shanxi budget with 三公 words it (as its line 443 does
    // for 机关运行经费): "比2025年预算减少2.00万元，下降14.29%" is one change, not two.
    const source = readFileSync(
      new URL('../../public/data/sources/datong-city-bureau-2026-budget.txt', import.meta.url),
      'utf8',
    );
    const edited = source.replace(
      '本单位无“三公”经费预算。',
      '本单位“三公”经费财政拨款预算12.00万元，比2025年预算减少2.00万元，下降14.29%。其中：公务接待费12.00万元，比2025年预算减少2.00万元，下降14.29%，原因是压减开支。',
    );
    expect(edited).not.toBe(source);
    const { bundle } = buildBundle(makeSourceDoc('a.txt', edited), edited);
    const yoy = bundle.narrative.yoy.filter((y) => y.key.startsWith('sangong'));
    expect(yoy.map((y) => [y.key, y.change?.v, y.pct?.v])).toEqual([
      ['sangong', '2.00', '14.29'],
      ['sangong.reception', '2.00', '14.29'],
    ]);
    expect(bundle.findings.map((f) => f.id).filter((id) => id.includes('yoysum'))).toEqual([]);
  });

  it('checks 财政拨款支出主要内容 项 by 项 against 预算05, and names the 项 the table does not have', async () => {
    const { bundle } = await pdfBundle('putuo-wanli-2025-budget-items.pdf');
    const items = bundle.narrative.breakdowns.find((b) => b.key === 'generalBudgetByItem');
    // "1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”科目43.83万元" … 33 items.
    expect(items?.parts).toHaveLength(33);
    expect(items?.parts[0]).toMatchObject({
      key: '201.统计信息事务.专项普查活动',
      amount: { v: '43.83', line: 11 },
    });
    // Every other 项 agrees with its 预算05 row at the text's two places (438,300 元 = 43.83 万元);
    // item 21 names a 款 卫生健康支出 and a 项 计划生育事务 where 预算05 prints 21007 计划生育事务 /
    // 2100717 计划生育服务 (lines 112–113).
    const nt = bundle.findings.filter((f) => f.kind === 'narrative');
    expect(nt.map((f) => [f.severity, f.printed, f.lines])).toEqual([
      ['info', '卫生健康支出（类）卫生健康支出（款）计划生育事务（项）', [39]],
    ]);
  });

  it('reports a 项 amount the table does not print', async () => {
    const { text } = await pdfBundle('putuo-wanli-2025-budget-items.pdf');
    // Item 24 (line 42) as 1788.87: 预算05's 2120101 行政运行 is 17,887,739 元 (line 123).
    const edited = text.replace('科目1788.77万元', '科目1788.87万元');
    expect(edited).not.toBe(text);
    const { bundle } = buildBundle(makeSourceDoc('a.txt', edited), edited);
    const f = bundle.findings.filter((x) => x.kind === 'narrative' && x.severity === 'warning');
    expect(f.map((x) => [x.printed, x.expected, x.lines])).toEqual([
      ['1788.87', '1788.77', [42, 123]],
    ]);
    expect(f[0]?.message).toContain('2120101 行政运行');
  });

  it('the 2024 budget says 47.91, 25 more than 2023: the 10 less of 2025 starts from it', async () => {
    const y2024 = (await wanli2024).bundle.narrative;
    const y2025 = (await wanli).bundle.narrative;
    expect(y2024.sangong?.budget?.v).toBe('47.91');
    expect(y2025.yoy.find((y) => y.key === 'sangong')?.prior.v).toBe('47.91');
    // 公务用车购置费 25 in 2024, "15万元，比2024年预算减少10万元" in 2025.
    expect(y2024.sangong?.parts.find((p) => p.key === 'sangong.vehiclePurchase')?.amount?.v).toBe(
      '25',
    );
    expect(y2025.yoy.find((y) => y.key === 'sangong.vehiclePurchase')?.prior.v).toBe('25');
    // 一般公共预算拨款支出预算 15,621.11 in 2024; 2025's 18,976.76 is "比2024年预算增加3,355.65万元".
    expect(y2024.totals.find((t) => t.key === 'generalBudgetExpense')?.value.v).toBe('15621.11');
    expect(y2025.yoy.find((y) => y.key === 'generalBudgetExpense')?.prior.v).toBe('15621.11');
  });
});
