/**
 * The national-layout table reader. Every expected figure, page and line below was typed from the
 * fixture documents (pdftotext -layout of the PDFs, or the layout text itself), not copied from
 * the reader's output.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutText } from '@/ingest/pdf/pdf-text';
import { readPdfTextNode } from '@/ingest/pdf/pdf-text-node';
import { cellsOf, linesOfLayoutText } from '@/ingest/layout/layout-lines';
import { matchTitle } from '@/ingest/layout/national-titles';
import type { LayoutResult, LayoutTable } from '@/ingest/layout/read-layout';
import { readLayoutTables } from '@/ingest/layout/read-layout';
import { cjkTextPdf } from './helpers/tiny-pdf';

const FIXTURES = new URL('../fixtures/national/', import.meta.url);
const readText = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const readBytes = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));

const fromText = (text: string) => readLayoutTables(linesOfLayoutText(text));
const fromPdf = async (bytes: Uint8Array) =>
  readLayoutTables(linesOfLayoutText(layoutText(await readPdfTextNode(bytes))));

function table(result: LayoutResult, kind: LayoutTable['kind']): LayoutTable {
  const t = result.tables.find((x) => x.kind === kind);
  if (t === undefined) throw new Error(`no ${kind} table`);
  return t;
}

function row(t: LayoutTable, label: string, side?: '收入' | '支出') {
  const r = t.rows.find((x) => x.label === label && (side === undefined || x.side === side));
  if (r === undefined) throw new Error(`no row ${label} in ${t.title}`);
  return r;
}

function rowByCode(t: LayoutTable, code: string) {
  const r = t.rows.find((x) => x.code === code);
  if (r === undefined) throw new Error(`no row ${code} in ${t.title}`);
  return r;
}

describe('matchTitle: tables are found by title, longest title first', () => {
  it.each([
    ['收入支出决算总表', 'totals', '决算'],
    ['一、收入支出决算总表', 'totals', '决算'],
    ['财政拨款收入支出决算总表', 'fiscalTotals', '决算'],
    ['四、财政拨款收支决算总表', 'fiscalTotals', '决算'],
    ['支出决算表', 'expenditure', '决算'],
    ['支出决算总表', 'expenditure', '决算'],
    ['一般公共预算财政拨款支出决算表', 'generalExpenditure', '决算'],
    ['一般公共预算财政拨款基本支出决算明细表', 'basicExpenditure', '决算'],
    ['财政拨款“三公”经费支出决算表', 'threePublic', '决算'],
    ['财政拨款"三公"经费支出决算表', 'threePublic', '决算'],
    ['一般公共预算财政拨款“三公”经费支出决算表', 'threePublic', '决算'],
    ['财政拨款“三公”经费、会议费、培训费支出决算表', 'threePublic', '决算'],
    ['政府性基金预算财政拨款收入支出决算表', 'govFund', '决算'],
    ['2026年部门财务收支预算总表', 'totals', '预算'],
    ['4．2026年部门财政拨款收支预算总表', 'fiscalTotals', '预算'],
    ['2026年部门“三公”经费和机关运行经费预算表', 'threePublic', '预算'],
    ['“三公”经费、会议费、培训费支出预算表', 'threePublic', '预算'],
    ['一般公共预算支出预算表（功能科目）', 'generalExpenditure', '预算'],
    // Other tables end the one before them but are not read.
    ['财政拨款支出预算表（功能科目）', 'other', '预算'],
    ['一般公共预算机关运行经费支出预算表', 'other', '预算'],
    ['十二、政府采购支出预算表', 'other', '预算'],
    // 江苏省人民检察院 2018: the table's label before its title, with a colon.
    ['公开      01  表：收支预算总表', 'totals', '预算'],
    ['公开 07 表：一般公共预算支出预算表', 'generalExpenditure', '预算'],
  ])('%s → %s (%s)', (title, kind, docKind) => {
    expect(matchTitle(title)?.spec).toMatchObject({ kind, docKind });
  });

  it.each([
    ['a table-of-contents entry with dot leaders', '1. 2026年部门财务收支预算总表 ……………………'],
    ['a narrative heading', '一、收入支出决算总体情况说明'],
    ['a sentence naming a table', '详见附表：收入支出决算总表'],
    ['the part heading', '第二部分 上海市 XX 局 2024 年度部门决算表'],
    ['the heading over all tables', '上海市 XX 局 2024 年度部门决算表'],
  ])('not a title: %s', (_what, text) => {
    expect(matchTitle(text)).toBeNull();
  });
});

// 江苏省人民检察院 2018 and 2019 部门预算, lines as pdf.js lays them out (npm run ingest:inspect).
describe('江苏省人民检察院 部门预算: a title wrapped before 支出预算表, an empty table', () => {
  it('finds a title whose last words wrap onto the next line (2018’s 三公 table)', () => {
    const result = fromText(
      [
        '                    公开       09   表：一般公共预算“三公”经费、会议费、培训费',
        '                    支出预算表',
        '                    部门：                    江苏省人民检察院                                                  单位：万元',
        '                                                          “三公”经费',
        '                                                          公务用车购置及运行维护费',
        '                                                                                                  会议',
        '                       合计                                                                                 培训费',
        '                                            因公出国                                        公务接        费',
        '                                    小计                                       公务用车',
        '                                            （境）费                 公务用车                    待费',
        '                                                         小计                  运行维护',
        '                                                                  购置费',
        '                                                                                费',
        '                       1,384.74     484.30     100.00    267.80                267.80    116.50  200.44   700.00',
        '                    公开      10  表：政府性基金支出预算表',
        '                     部门：                         江苏省人民检察院                                          单位：万元',
      ].join('\n'),
    );
    const t = table(result, 'threePublic');
    expect(t.title).toMatch(/培训费支出预算表$/);
    expect(t.unit).toBe('万元');
    // Its last words are no 支出预算表 of their own; 公开10 (政府性基金支出预算表) follows.
    expect(result.tables.map((x) => x.kind)).toEqual(['threePublic', 'govFund']);
  });

  it('reads a table printing only 合计, and the page number under it, as printed empty (检察院 2017)', () => {
    const result = fromText(
      [
        '                  七、政府性基金支出预算表',
        '                   部门：                       江苏省人民检察院                                     单位：万元',
        '                         功能科目代码                       功能科目名称                           金额',
        '                                                          合计',
        '                                                           13',
        '\f                    八、一般公共预算支出预算表',
        '                     部门：                         江苏省人民检察院                                            单位：万元',
        '                            功能科目代码                          功能科目名称                               金额',
        '                                                                合计                                     17,981.68',
      ].join('\n'),
    );
    const fund = table(result, 'govFund');
    expect([fund.noData, fund.rows]).toEqual([true, []]);
    // 八、一般公共预算支出预算表 on the next page: 合计 17,981.68.
    expect(row(table(result, 'generalExpenditure'), '合计').values.total?.v).toBe('17981.68');
  });

  it('reads a one-line 支出预算总表 whose right-aligned figures reach into the next heading (省委办公厅 2019)', () => {
    const t = table(
      fromText(
        [
          '\f                                                              支出预算总表',
          '                      部门：中共江苏省委办公厅                                                                                单位：万元',
          '                             合计                基本支出                项目支出            单位预留机动经费              结转下年资金',
          '                                   27,664.22           11,700.63           13,025.38            2,938.21',
        ].join('\n'),
      ),
      'expenditure',
    );
    // 合计 27,664.22 = 基本支出 11,700.63 + 项目支出 13,025.38 + 单位预留机动经费 2,938.21.
    expect(t.rows.map((r) => Object.entries(r.values).map(([k, v]) => [k, v?.v]))).toEqual([
      [
        ['total', '27664.22'],
        ['basic', '11700.63'],
        ['project', '13025.38'],
        ['extra.1', '2938.21'],
      ],
    ]);
  });

  it('reads a 合计 heading spread across its column (合     计, 省委办公厅 2018) as 合计', () => {
    const t = table(
      fromText(
        [
          '\f                                                                                        支出预算总表',
          '                                        部门：中共江苏省委办公厅                                                                                                单位：万元',
          '                                               合     计                基本支出                    项目支出               单位预留机动经费                 结转下年资金',
          '                                              24,458.43               10,403.11              12,081.46               1,973.86',
        ].join('\n'),
      ),
      'expenditure',
    );
    // 合计 24,458.43 = 基本支出 10,403.11 + 项目支出 12,081.46 + 单位预留机动经费 1,973.86.
    expect(t.rows[0]?.values.total?.v).toBe('24458.43');
    expect(t.rows[0]?.values.basic?.v).toBe('10403.11');
  });

  it('reads “此表为空” and a 合计 spaced across its cell over a 0 as an empty table', () => {
    const result = fromText(
      [
        '                 公开   10 表',
        '                                政府性基金预算财政拨款支出预算表',
        '                 部门名称：      江苏省人民检察院                                                           单位：万元',
        '                         功能科目编码                       功能科目名称                            金    额',
        '                                           合   计',
        '                   此表为空',
        '              公开   10 表',
        '                               政府性基金预算财政拨款支出预算表',
        '              部门名称：江苏省高级人民法院                                                                     单位：万元',
        '                     功能科目编码                          功能科目名称                              金    额',
        '                                          合   计                                              0',
        '              注：“科目编码”和“科目名称”为必填项',
      ].join('\n'),
    );
    const [procuratorate, court] = result.tables.filter((x) => x.kind === 'govFund');
    expect(procuratorate?.noData).toBe(true);
    expect(court?.rows.map((r) => [r.label, r.values.total?.v])).toEqual([['合计', '0']]);
  });
});

describe('cellsOf: one line of layout text into cells', () => {
  it('splits at two spaces, and between a figure and a label even at one space or none', () => {
    expect(
      cellsOf('一、财政拨款收入      96,282,213.44 一、公共安全支出   87,267,272.44').map(
        (c) => c.text,
      ),
    ).toEqual(['一、财政拨款收入', '96,282,213.44', '一、公共安全支出', '87,267,272.44']);
    expect(
      cellsOf('  0.00八、社会保障和就业支出  30207邮电费  1. 一般公共预算').map((c) => c.text),
    ).toEqual(['0.00', '八、社会保障和就业支出', '30207', '邮电费', '1. 一般公共预算']);
  });
});

describe('seed 000 (大同市行政审批服务管理局[部门] 2024 部门决算) in the national layout', () => {
  const result = fromText(readText('datong-dept-2024-final.layout.txt'));

  it('finds the four tables by title, skipping the 目录 entries', () => {
    expect(result.tables.map((t) => [t.kind, t.title, t.page, t.line, t.unit])).toEqual([
      ['totals', '一、收入支出决算总表', 1, 8, '万元'],
      ['fiscalTotals', '二、财政拨款收入支出决算总表', 1, 20, '万元'],
      ['expenditure', '三、支出决算表', 1, 30, '元'],
      ['threePublic', '四、财政拨款“三公”经费支出决算表', 1, 43, '万元'],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('reads 本年收入合计 and 本年支出合计 from the two-sided 收入支出决算总表', () => {
    const t = table(result, 'totals');
    expect(row(t, '本年收入合计', '收入').values.amount).toEqual({
      v: '3540.62',
      page: 1,
      line: 16,
    });
    expect(row(t, '本年支出合计', '支出').values.amount).toEqual({
      v: '3540.42',
      page: 1,
      line: 16,
    });
    expect(row(t, '八、其他收入', '收入').values.amount?.v).toBe('0.30');
    // A 支出-only line (the 支出 side lists more 类 than the 收入 side).
    expect(row(t, '十九、住房保障支出', '支出').values.amount).toEqual({
      v: '137.58',
      page: 1,
      line: 15,
    });
    expect(row(t, '总计', '支出').values.amount?.v).toBe('3551.00');
  });

  it('reads the 财政拨款 totals by fund column, mapped from the stacked header text', () => {
    const t = table(result, 'fiscalTotals');
    expect(t.columns.map((c) => c.key)).toEqual([
      'amount',
      'total',
      'general',
      'fund',
      'stateCapital',
    ]);
    expect(row(t, '本年收入合计', '收入').values.amount?.v).toBe('3540.32');
    expect(row(t, '本年支出合计', '支出').values).toEqual({
      total: { v: '3540.09', page: 1, line: 28 },
      general: { v: '3540.09', page: 1, line: 28 },
    });
  });

  it('reads the 支出决算表 in 元: 类/款/项 in three columns, a wrapped label, 基本/项目 totals', () => {
    const t = table(result, 'expenditure');
    expect(row(t, '合计').values).toEqual({
      total: { v: '35404200.00', page: 1, line: 36 },
      basic: { v: '15200900.00', page: 1, line: 36 },
      project: { v: '20203200.00', page: 1, line: 36 },
    });
    expect(rowByCode(t, '20103').label).toBe('政府办公厅（室）及相关机构事务');
    expect(rowByCode(t, '2010306').values.basic).toEqual({ v: '800.00', page: 1, line: 40 });
    // 住房公积金 has no 项目支出: the blank cell stays absent, not zero.
    expect(rowByCode(t, '2210201').values).toEqual({
      total: { v: '1254000.00', page: 1, line: 41 },
      basic: { v: '1254000.00', page: 1, line: 41 },
    });
  });

  it('reads the 三公 table laid out as (预算数, 决算数) pairs with blank cells', () => {
    const t = table(result, 'threePublic');
    const values = t.rows[0]?.values ?? {};
    expect(Object.fromEntries(Object.entries(values).map(([k, f]) => [k, f.v]))).toEqual({
      'budget.total': '1.01',
      'actual.total': '1.01',
      'budget.vehicle': '1.01',
      'actual.vehicle': '1.01',
      'budget.vehicleRunning': '1.01',
      'actual.vehicleRunning': '1.01',
    });
    expect(values['actual.total']).toEqual({ v: '1.01', page: 1, line: 52 });
  });

  it('reads the same figures from the layout printed to a PDF (CJK text via CMaps)', async () => {
    const lines = readText('datong-dept-2024-final.layout.txt').split('\n');
    const placed = lines.flatMap((l, i) =>
      cellsOf(l).map((c) => ({ x: 20 + c.start * 10, y: 30 + i * 16, text: c.text })),
    );
    const pdf = await fromPdf(cjkTextPdf([placed], 1400, 60 + lines.length * 16));
    expect(pdf.tables.map((t) => t.kind)).toEqual([
      'totals',
      'fiscalTotals',
      'expenditure',
      'threePublic',
    ]);
    expect(row(table(pdf, 'totals'), '本年支出合计', '支出').values.amount?.v).toBe('3540.42');
    expect(row(table(pdf, 'expenditure'), '合计').values.project?.v).toBe('20203200.00');
    expect(table(pdf, 'threePublic').rows[0]?.values['actual.vehicleRunning']?.v).toBe('1.01');
    expect(table(pdf, 'threePublic').rows[0]?.values['actual.reception']).toBeUndefined();
  });
});

describe('上海市普陀区司法局 2026 部门预算 (real PDF: 元 with separators, 三公 in 万元)', () => {
  const expectPutuo = (result: LayoutResult, lines: { totals: number; sangong: number }) => {
    expect(result.tables.map((t) => [t.kind, t.docKind, t.page, t.unit])).toEqual([
      ['totals', '预算', 2, '元'],
      ['expenditure', '预算', 3, '元'],
      ['fiscalTotals', '预算', 5, '元'],
      ['threePublic', '预算', 6, '万元'],
    ]);
    const totals = table(result, 'totals');
    expect(row(totals, '收入总计', '收入').values.amount).toEqual({
      v: '96282213.44',
      page: 2,
      line: lines.totals,
    });
    expect(row(totals, '一、公共安全支出', '支出').values.amount?.v).toBe('87267272.44');
    // The 支出预算总表 runs over two pages; its 合计 row is on the second.
    const exp = table(result, 'expenditure');
    expect(row(exp, '合计').values).toEqual({
      total: { v: '96282213.44', page: 4, line: 10 },
      basic: { v: '25741666.44', page: 4, line: 10 },
      project: { v: '70540547.00', page: 4, line: 10 },
    });
    expect(rowByCode(exp, '2040601').label).toBe('行政运行');
    expect(rowByCode(exp, '2080506').page).toBe(4);
    const fiscal = table(result, 'fiscalTotals');
    expect(row(fiscal, '支出总计', '支出').values.general?.v).toBe('96282213.44');
    const sangong = table(result, 'threePublic').rows[0]?.values ?? {};
    expect(Object.fromEntries(Object.entries(sangong).map(([k, f]) => [k, f.v]))).toEqual({
      'budget.total': '10.81',
      'budget.abroad': '0',
      'budget.reception': '0.83',
      'budget.vehicle': '9.98',
      'budget.vehiclePurchase': '0',
      'budget.vehicleRunning': '9.98',
      'budget.officeRunning': '217.83',
    });
    expect(sangong['budget.total']).toMatchObject({ page: 6, line: lines.sangong });
    expect(result.problems).toEqual([]);
  };

  it('from pdftotext -layout', () => {
    expectPutuo(fromText(readText('putuo-justice-2026-budget.pdftotext.txt')), {
      totals: 17,
      sangong: 13,
    });
  });

  it('from the PDF through pdf.js', async () => {
    expectPutuo(await fromPdf(readBytes('putuo-justice-2026-budget.pdf')), {
      totals: 12,
      sangong: 9,
    });
  });
});

describe('上海市普陀区 2024 部门决算 (real PDFs): rows printed around their code', () => {
  it('a left-side 基本支出 row whose label wraps around its code line is read', async () => {
    // 中共上海市普陀区委社会工作部, 基本支出决算表 (fixture page 3): "机关事业单位基本" above,
    // "30108  6.18  30206 电费 0.00", "养老保险缴费" below. Without these three rows, 301's 款
    // summed to 86.47 against its printed 95.36, and the document was blamed for it.
    const econ = table(
      await fromPdf(readBytes('putuo-social-work-2024-final.pdf')),
      'basicExpenditure',
    );
    const read = (code: string) => {
      const r = rowByCode(econ, code);
      return [r.label, r.values.amount?.v, r.page];
    };
    expect(read('30108')).toEqual(['机关事业单位基本养老保险缴费', '6.18', 3]);
    expect(read('30110')).toEqual(['职工基本医疗保险缴费', '2.71', 3]);
    expect(read('30111')).toEqual(['公务员医疗补助缴费', '0.00', 3]);
    expect(read('30206')).toEqual(['电费', '0.00', 3]);
    expect(read('30109')).toEqual(['职业年金缴费', '4.64', 3]);
    const parts = ['30101', '30102', '30103', '30106', '30107', '30108', '30109', '30110']
      .concat(['30111', '30112', '30113', '30114', '30199'])
      .map((c) => rowByCode(econ, c).values.amount?.v);
    expect(parts).toEqual(
      ['14.12', '39.72', '0.00', '0.00', '10.16', '6.18', '4.64', '2.71', '0.00', '0.09'].concat([
        '17.70',
        '0.00',
        '0.04',
      ]),
    );
    expect(read('301')).toEqual(['工资福利支出', '95.36', 3]);
  });

  it('a row whose code is alone on the first line of a page takes the label and figures below it', async () => {
    // 上海市普陀区规划和自然资源局, 一般公共预算财政拨款支出决算表, continued on fixture page 2:
    // its first row "22102 住房改革支出 461.08 461.08 0.00" (pdf.js puts the code on a line of
    // its own).
    const t = table(
      await fromPdf(readBytes('putuo-planning-2024-final.pdf')),
      'generalExpenditure',
    );
    const r = rowByCode(t, '22102');
    expect([r.label, r.page]).toEqual(['住房改革支出', 2]);
    expect(Object.fromEntries(Object.entries(r.values).map(([k, f]) => [k, f.v]))).toEqual({
      total: '461.08',
      basic: '461.08',
      project: '0.00',
    });
    expect(t.rows.filter((x) => x.code === null && x.label === '住房改革支出')).toEqual([]);
    expect(row(t, '合计').values.total?.v).toBe('9746.50');
  });
});

describe('上海市普陀区财政局 2024 部门决算 (real PDF): figures printed above their row', () => {
  it('gives a figures-only line to the row below when the row then adds up', async () => {
    // 支出决算表 (fixture pages 2–3): the 基本支出 and 项目支出 of a row are printed half a line
    // above its label and 本年支出合计 ("1,503.52" over "201 06 01 行政运行 1,511.89 8.37").
    const t = table(await fromPdf(readBytes('putuo-finance-2024-final.pdf')), 'expenditure');
    const figures = (r: { values: Record<string, { v: string }> }) =>
      Object.fromEntries(Object.entries(r.values).map(([k, f]) => [k, f.v]));
    expect(figures(row(t, '合计'))).toEqual({
      total: '2940.05',
      basic: '2336.91',
      project: '603.14',
    });
    expect(figures(rowByCode(t, '201'))).toEqual({
      total: '2106.66',
      basic: '1503.52',
      project: '603.14',
    });
    expect(figures(rowByCode(t, '20106'))).toEqual({
      total: '2106.66',
      basic: '1503.52',
      project: '603.14',
    });
    expect(figures(rowByCode(t, '2010601'))).toEqual({
      total: '1511.89',
      basic: '1503.52',
      project: '8.37',
    });
    expect(figures(rowByCode(t, '2010602'))).toEqual({ total: '10.00', project: '10.00' });
    expect(figures(rowByCode(t, '2010607'))).toEqual({ total: '135.25', project: '135.25' });
    expect(figures(rowByCode(t, '2010608'))).toEqual({ total: '449.52', project: '449.52' });
    expect(figures(rowByCode(t, '2080501'))).toEqual({ total: '84.65', basic: '84.65' });
    expect(figures(rowByCode(t, '2210203'))).toEqual({ total: '258.50', basic: '258.50' });
    // The header's last line (类 款 项) carries the 合计 row's figures, not a row of its own.
    expect(t.rows.filter((r) => /类|款|项/.test(r.label) && r.code === null)).toEqual([]);
  });

  it('in a two-sided table, gives figures printed above a row to that row on their side', async () => {
    // 财政拨款收入支出决算总表 (fixture pages 4–5): "2,940.05" above "一、一般公共预算财政拨款",
    // and "2,940.05 … 2,940.05" above "本年收入合计 … 本年支出合计 2,940.05".
    const result = await fromPdf(readBytes('putuo-finance-2024-final.pdf'));
    const t = table(result, 'fiscalTotals');
    const figures = (r: { values: Record<string, { v: string }> }) =>
      Object.fromEntries(Object.entries(r.values).map(([k, f]) => [k, f.v]));
    expect(figures(row(t, '一、一般公共预算财政拨款', '收入'))).toEqual({ amount: '2940.05' });
    expect(figures(row(t, '本年收入合计', '收入'))).toEqual({ amount: '2940.05' });
    expect(figures(row(t, '本年支出合计', '支出'))).toEqual({
      total: '2940.05',
      general: '2940.05',
    });
    expect(figures(row(t, '一、一般公共服务支出', '支出'))).toEqual({
      total: '2106.66',
      general: '2106.66',
    });
    expect(figures(row(t, '总计', '收入'))).toEqual({ amount: '2961.68' });
    expect(t.problems).toEqual([]);
  });

  it('reads a 基本支出 table printed over several lines a row, every figure under its code', async () => {
    // 基本支出决算表 (fixture pages 6–7): codes on one line, names on the next, figures on either
    // or on a line above, long names wrapped below ("301 01" / "基本工资 262.33 01 办公费 21.21").
    // Typed from pdftotext -layout of the PDF: every figure the table prints.
    const t = table(await fromPdf(readBytes('putuo-finance-2024-final.pdf')), 'basicExpenditure');
    const printed: Record<string, string> = {
      '301': '2082.85',
      '302': '171.07',
      '303': '69.41',
      '310': '13.58',
      '30101': '262.33',
      '30102': '1238.58',
      '30108': '160.75',
      '30109': '80.38',
      '30110': '60.99',
      '30112': '1.61',
      '30113': '187.19',
      '30199': '91.03',
      '30302': '69.10',
      '30309': '0.31',
      '30201': '21.21',
      '30202': '7.61',
      '30204': '0.09',
      '30207': '4.88',
      '30211': '1.20',
      '30213': '2.83',
      '30216': '4.05',
      '30226': '2.01',
      '30228': '24.42',
      '30229': '42.77',
      '30239': '48.49',
      '30299': '11.53',
      '31002': '13.58',
      人员经费合计: '2152.26',
      公用经费合计: '184.65',
    };
    const read = Object.fromEntries(t.rows.map((r) => [r.code ?? r.label, r.values.amount?.v]));
    expect(read).toEqual(printed);
    expect(rowByCode(t, '30299').label).toBe('其他商品和服务支出');
    expect(rowByCode(t, '30108').label).toBe('机关事业单位基本养老保险缴费');
    expect(t.problems).toEqual([]);
  });
});

describe('上海 部门决算 template (no figures): titles, 目录 and header mapping', () => {
  it('finds the tables, not their 目录 entries, and maps the 三公 pairs by header text', async () => {
    const result = await fromPdf(readBytes('shanghai-template-2024-final.pdf'));
    expect(result.tables.map((t) => [t.kind, t.title, t.page])).toEqual([
      ['totals', '收入支出决算总表', 2],
      ['expenditure', '支出决算表', 3],
      ['fiscalTotals', '财政拨款收入支出决算总表', 4],
      ['threePublic', '财政拨款“三公”经费支出决算表', 6],
    ]);
    expect(table(result, 'expenditure').columns.map((c) => c.key)).toEqual([
      'total',
      'basic',
      'project',
      'remitted',
      'operating',
      'affiliatedSubsidy',
    ]);
    expect(table(result, 'threePublic').columns.map((c) => c.key)).toEqual([
      'budget.total',
      'actual.total',
      'budget.abroad',
      'actual.abroad',
      'budget.vehicle',
      'actual.vehicle',
      'budget.vehiclePurchase',
      'actual.vehiclePurchase',
      'budget.vehicleRunning',
      'actual.vehicleRunning',
      'budget.reception',
      'actual.reception',
    ]);
    expect(table(result, 'totals').rows.every((r) => Object.keys(r.values).length === 0)).toBe(
      true,
    );
  });
});

describe('Shanxi-style 三公 table (six 预算数 columns, then six 决算数) in layout text', () => {
  const col = (cells: readonly string[], width = 12) =>
    cells.map((c) => c.padStart(Math.ceil((width + c.length) / 2)).padEnd(width)).join('');
  const items = ['合计', '因公出国(境)费', '小计', '购置费', '运行维护费', '公务接待费'];
  const text = [
    '                      财政拨款“三公”经费支出决算表',
    '                                                                金额单位：万元',
    col(['预算数'], 72) + col(['决算数'], 72),
    col([...items, ...items]),
    col(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']),
    col(['1.01', '', '1.01', '', '1.01', '', '1.01', '', '1.01', '', '1.01', '']),
  ].join('\n');

  it('takes the phase from the group heading over each block, skipping the 栏次 row', () => {
    const rows = fromText(text).tables[0]?.rows ?? [];
    expect(rows).toHaveLength(1);
    const values = rows[0]?.values ?? {};
    expect(Object.fromEntries(Object.entries(values).map(([k, f]) => [k, f.v]))).toEqual({
      'budget.total': '1.01',
      'budget.vehicle': '1.01',
      'budget.vehicleRunning': '1.01',
      'actual.total': '1.01',
      'actual.vehicle': '1.01',
      'actual.vehicleRunning': '1.01',
    });
  });
});

describe('支出决算表 rows wrapped by PDF extraction', () => {
  // Seed 000 figures (万元); layouts as pdftotext prints the 上海 template and squeezed tables.
  const text = [
    '                              支出决算表',
    '                                                               单位：万元',
    '           项目',
    '                                                                                    对附属单位补',
    '    功能分类                本年支出合计       基本支出         项目支出      上缴上级支出       经营支出',
    '                科目名称                                                                 助支出',
    '    科目编码',
    '           合计          3,540.42    1,520.09     2,020.32',
    '201        一般公共服务支出    3,114.61    1,127.93     1,986.68',
    '           政府办公厅（室）及相',
    '20103                  3,102.46    1,121.22     1,981.24',
    '           关机构事务',
    '                       1,422.55        0.08     1,422.47',
    '2010306    政务公开审批',
    '2010399    其他政府办公厅（室）    558.77                   558.77',
    '           及相关机构事务支出',
  ].join('\n');
  const t = table(fromText(text), 'expenditure');

  it('joins a label printed around its code line', () => {
    expect(rowByCode(t, '20103').label).toBe('政府办公厅（室）及相关机构事务');
    expect(rowByCode(t, '20103').values.basic).toEqual({ v: '1121.22', page: 1, line: 11 });
  });

  it('gives figures printed on the line above a code line to that row, linked to their own line', () => {
    const r = rowByCode(t, '2010306');
    expect([r.label, r.line]).toEqual(['政务公开审批', 14]);
    expect(r.values).toEqual({
      total: { v: '1422.55', page: 1, line: 13 },
      basic: { v: '0.08', page: 1, line: 13 },
      project: { v: '1422.47', page: 1, line: 13 },
    });
  });

  it('keeps a blank 基本支出 cell absent and continues the wrapped label below', () => {
    const r = rowByCode(t, '2010399');
    expect(r.label).toBe('其他政府办公厅（室）及相关机构事务支出');
    expect(r.values).toEqual({
      total: { v: '558.77', page: 1, line: 15 },
      project: { v: '558.77', page: 1, line: 15 },
    });
    expect(t.rows.map((x) => x.code)).toEqual([null, '201', '20103', '2010306', '2010399']);
  });
});

describe('江苏省人大常委会办公厅 2019 部门预算 (real PDF): 三公 with 会议费、培训费', () => {
  // 合计 2,600.71 = 三公 小计 767.60 + 会议费 1,469.73 + 培训费 363.38; 公务用车购置费 is blank.
  const expectJiangsu = (result: LayoutResult, line: number) => {
    expect(result.tables.map((t) => [t.kind, t.title, t.page])).toEqual([
      ['totals', '收支预算总表', 1],
      ['other', '财政拨款支出预算表（功能科目）', 2],
      ['generalExpenditure', '一般公共预算支出预算表（功能科目）', 3],
      ['threePublic', '“三公”经费、会议费、培训费支出预算表', 4],
    ]);
    const values = table(result, 'threePublic').rows[0]?.values ?? {};
    expect(Object.fromEntries(Object.entries(values).map(([k, f]) => [k, f.v]))).toEqual({
      'budget.grandTotal': '2600.71',
      'budget.total': '767.60',
      'budget.abroad': '199.25',
      'budget.vehicle': '183.60',
      'budget.vehicleRunning': '183.60',
      'budget.reception': '384.75',
      'budget.meeting': '1469.73',
      'budget.training': '363.38',
    });
    expect(values['budget.total']).toEqual({ v: '767.60', page: 4, line });
  };

  it('from pdftotext -layout', () => {
    expectJiangsu(fromText(readText('jiangsu-npc-office-2019-budget.pdftotext.txt')), 16);
  });

  it('from the PDF through pdf.js', async () => {
    expectJiangsu(await fromPdf(readBytes('jiangsu-npc-office-2019-budget.pdf')), 12);
  });
});

describe('figures printed apart from their row are never given to a row by guess', () => {
  // 上海市普陀区财政局's 支出决算表 header as pdf.js lays it out (fixture page 2).
  const head = [
    '                                                                支出决算表',
    '                                                                                                                      单位：万元',
    '                                   项目                                                                                 对附属单位',
    '                                                                本年支出合                   项目支      上缴上级支       经营支',
    '                支出功能分类                                                       基本支出                                         补',
    '                                            科目名称                    计                     出          出         出',
    '                  科目编码                                                                                                  助支出',
    '              类      款      项                                                ',
  ];
  const expenditure = (rows: string[]) =>
    table(fromText([...head, ...rows].join('\n')), 'expenditure');
  const figures = (r: { values: Record<string, { v: string }> }) =>
    Object.fromEntries(Object.entries(r.values).map(([k, f]) => [k, f.v]));

  it('a row below takes them when it then adds up within rounding (1,503.51 + 8.37 = 1,511.88)', () => {
    const t = expenditure([
      '                                                                             1,503.51',
      '            201      06     01    行政运行                           1,511.89                8.37',
    ]);
    expect(figures(rowByCode(t, '2010601'))).toEqual({
      total: '1511.89',
      basic: '1503.51',
      project: '8.37',
    });
  });

  it('a blank row above does not take them when the row below adds up with them', () => {
    const t = expenditure([
      '            201      06     02    一般行政管理事务',
      '                                                                             1,503.52',
      '            201      06     01    行政运行                           1,511.89                8.37',
    ]);
    expect(figures(rowByCode(t, '2010602'))).toEqual({});
    expect(figures(rowByCode(t, '2010601'))).toMatchObject({ basic: '1503.52' });
  });

  it('figures either row could take stay unplaced, and are reported', () => {
    // Printed BELOW their rows: 160/40 belongs to 201 (100 = 60 + 40 below it would fit 208).
    const t = expenditure([
      '            201                   一般公共服务支出                         100.00',
      '                                                                                60.00     40.00',
      '            208                   社会保障和就业支出                       100.00',
      '                                                                               100.00',
    ]);
    expect(figures(rowByCode(t, '208'))).toEqual({ total: '100.00' });
    expect(figures(rowByCode(t, '201'))).toEqual({ total: '100.00' });
    expect(t.problems.map((p) => p.text)).toEqual(['60.00     40.00', '100.00']);
  });

  it('reads a 款 and a 项 code both printed without their leading 0 ("201 3 6")', () => {
    const t = expenditure([
      '            201      3      6    政务公开审批                       14,225.50     8.00    14,217.50',
    ]);
    expect([rowByCode(t, '2010306').label, rowByCode(t, '2010306').printedCode]).toEqual([
      '政务公开审批',
      '201 3 6',
    ]);
    expect(figures(rowByCode(t, '2010306'))).toEqual({
      total: '14225.50',
      basic: '8.00',
      project: '14217.50',
    });
  });

  it('takes a bare number inside a two-sided table for a page number, not figures', async () => {
    // 江苏省人民检察院's 2017 预算 prints its page numbers (10, 11) between table rows.
    const text = layoutText(await readPdfTextNode(readBytes('putuo-finance-2024-final.pdf')));
    const withPage = text.replace(
      /^(.*十九、住房保障支出.*)$/m,
      '                                   11\n$1',
    );
    const t = table(fromText(withPage), 'fiscalTotals');
    expect(t.problems).toEqual([]);
    expect(row(t, '本年收入合计', '收入').values.amount?.v).toBe('2940.05');
  });

  it('in a two-sided table, the row below on its side takes them before a blank row above', async () => {
    // 上海市普陀区财政局's 财政拨款收入支出决算总表 with the wrapped end of "二十六、抗疫特别国债安排
    // 的支出" taken out: its blank row is then directly above the figures of 本年收入合计 and
    // 本年支出合计.
    const text = layoutText(await readPdfTextNode(readBytes('putuo-finance-2024-final.pdf')));
    const cut = text
      .split('\n')
      .filter((l) => l.trim() !== '的支出')
      .join('\n');
    const t = table(fromText(cut), 'fiscalTotals');
    expect(figures(row(t, '本年支出合计', '支出'))).toEqual({
      total: '2940.05',
      general: '2940.05',
    });
    expect(figures(row(t, '二十六、抗疫特别国债安排', '支出'))).toEqual({});
  });
});
