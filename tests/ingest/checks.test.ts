/**
 * Each class of inconsistency the documents contain is detected, on a small crafted input and in
 * the real bundles, where the expected finding was worked out by hand from the source text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleSchema } from '@/data/schema';
import type { Table } from '@/data/schema';
import { emptyNarrative } from '@/data/schema-narrative';
import { checkNarrativeAgainstTables } from '@/ingest/checks/narrative-table-checks';
import { reasonItemChanges } from '@/ingest/narrative-checks';
import { checkTables } from '@/ingest/checks/table-checks';
import { tablesIn万元 } from '@/data/table-cell';

function bundle(id: string) {
  const url = new URL(`../../public/data/${id}.json`, import.meta.url);
  return bundleSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
}

const fig = (v: string, line: number) => ({ v, line });

const t01 = (income: string, expense: string): Table => ({
  id: '公开01',
  title: '收入支出决算总表',
  line: 1,
  unit: '万元',
  noData: false,
  columns: [{ key: 'amount', label: '金额' }],
  rows: [
    {
      key: '本年收入合计',
      label: '本年收入合计',
      group: 'income',
      line: 5,
      cells: { amount: fig(income, 5) },
    },
    {
      key: '本年支出合计',
      label: '本年支出合计',
      group: 'expense',
      line: 5,
      cells: { amount: fig(expense, 5) },
    },
  ],
});

const t02 = (total: string): Table => ({
  id: '公开02',
  title: '收入决算表',
  line: 20,
  unit: '万元',
  noData: false,
  columns: [{ key: 'total', label: '本年收入合计' }],
  rows: [{ key: '合计', label: '合计', level: 0, line: 25, cells: { total: fig(total, 25) } }],
});

describe('cross-table', () => {
  it('flags 公开01 本年收入合计 that differs from 公开02 合计', () => {
    const findings = checkTables([t01('100.00', '90.00'), t02('99.00')]);
    const f = findings.find((x) => x.kind === 'cross-table');
    expect(f).toMatchObject({
      severity: 'warning',
      expected: '99.00',
      printed: '100.00',
      lines: [5, 25],
    });
    expect(f?.message).toContain('公开02');
  });

  it('is silent when the two tables agree', () => {
    expect(
      checkTables([t01('100.00', '90.00'), t02('100.00')]).filter((x) => x.kind === 'cross-table'),
    ).toEqual([]);
  });
});

describe('tables printed in different units', () => {
  const inYuan = (t: Table): Table => ({ ...t, unit: '元' });

  it('compares 公开01 in 万元 with 公开02 in 元 in 万元: 1,000,000.00 元 is 100.00 万元', () => {
    expect(
      checkTables([t01('100.00', '90.00'), inYuan(t02('1000000.00'))]).filter(
        (x) => x.kind === 'cross-table',
      ),
    ).toEqual([]);
  });

  it('states a real difference in the total’s own unit', () => {
    const f = checkTables([t01('100.00', '90.00'), inYuan(t02('990000.00'))]).find(
      (x) => x.kind === 'cross-table',
    );
    expect(f).toMatchObject({ severity: 'warning', expected: '99.00', printed: '100.00' });
    expect(f?.message).toContain('两表金额单位不同，按万元比较');
  });
});

describe('narrative against tables', () => {
  it('flags a narrative total that differs from the table, naming both lines', () => {
    const narrative = {
      ...emptyNarrative(),
      totals: [
        {
          key: 'incomeSubtotal',
          label: '收入合计',
          section: 'income' as const,
          value: fig('101.00', 40),
        },
      ],
    };
    const [f] = checkNarrativeAgainstTables(narrative, [t01('100.00', '90.00')], '决算');
    expect(f).toMatchObject({
      kind: 'narrative',
      expected: '100.00',
      printed: '101.00',
      lines: [40, 5],
    });
    expect(f?.message).toMatch(/情况说明中的“收入合计”为 101\.00 万元，与公开01/);
  });

  it('reads a table printed in 元 at the text’s precision: 1,000,049.99 元 is the 100.00 万元 stated', () => {
    const total = (value: string) => ({
      ...emptyNarrative(),
      totals: [
        {
          key: 'incomeSubtotal',
          label: '收入合计',
          section: 'income' as const,
          value: fig(value, 40),
        },
      ],
    });
    const t01Yuan = tablesIn万元([{ ...t01('1000049.99', '900000.00'), unit: '元' }]);
    expect(checkNarrativeAgainstTables(total('100.00'), t01Yuan, '决算')).toEqual([]);
    const [f] = checkNarrativeAgainstTables(total('101.00'), t01Yuan, '决算');
    expect(f).toMatchObject({ expected: '100.00', printed: '101.00' });
    expect(f?.message).toContain('1000049.99 元（100.00 万元）');
  });
});

describe('findings in the real documents (worked out by hand)', () => {
  it('province: the narrative says 资本性支出 7.52 万元 (line 490) where 公开06 prints 7.51 (line 314)', () => {
    const f = bundle('shanxi-province-bureau-2024-final').findings.find(
      (x) => x.kind === 'narrative' && x.printed === '7.52',
    );
    expect(f).toMatchObject({ expected: '7.51', lines: [490, 314] });
  });

  it('province: "138,231" on line 642 is a comma used as decimal mark, corrected to 138.231 and reported', () => {
    const b = bundle('shanxi-province-bureau-2024-final');
    expect(b.corrections).toContainEqual(
      expect.objectContaining({ line: 642, printed: '138,231', value: '138.231' }),
    );
    expect(b.findings.some((x) => x.kind === 'format' && x.printed === '138,231')).toBe(true);
  });

  it('district: the stated 82.26% is not 652.22 ÷ 791.96 = 82.36%', () => {
    const f = bundle('shuocheng-district-dept-2023-final').findings.find(
      (x) => x.kind === 'percent' && x.printed === '82.26',
    );
    expect(f).toMatchObject({ severity: 'error', expected: '82.36' });
  });

  it('service center: J残疾人就业保障金 prints 78.28% where 1.894 ÷ 2.42 = 78.26%', () => {
    const f = bundle('datong-service-center-2024-final').findings.find(
      (x) => x.kind === 'percent' && x.printed === '78.28',
    );
    // Within the rounding of 2.42 (2.415…2.425 gives 78.10–78.43%): a hint, not an error.
    expect(f).toMatchObject({ severity: 'info', expected: '78.26', lines: [587] });
  });

  // Line 446: 财政拨款收支总计增加6,345.82万元, "主要原因是：（一）基本支出较上年度减少87.51万元…
  // （二）财政拨款项目支出较上年度增加5981万元…（三）财政拨款结转结余较上年度增加444.25万元":
  // −87.51 + 5981 + 444.25 = 6337.74. Line 452 explains 5,900.61 with (一) and (二): 5893.49.
  // Line 422 explains 6,338.70 with four items that add up exactly (0.96 among them).
  it('province: the listed reasons (一)–(三) add up to 6337.74, not the stated 6345.82', () => {
    const f = bundle('shanxi-province-bureau-2024-final').findings.filter((x) =>
      x.id.includes('reasonsum'),
    );
    expect(f.map((x) => [x.severity, x.printed, x.expected, x.lines])).toEqual([
      ['warning', '6345.82', '6337.74', [446]],
      ['warning', '5900.61', '5893.49', [452]],
    ]);
    expect(f[0]?.message).toBe(
      '财政拨款收入总计、财政拨款支出总计较上年增加6345.82万元，所列原因（一）至（三）的增减额合计6337.74万元，相差8.08万元。',
    );
  });

  it('reads a reason’s listed changes only when every item opens with its own', () => {
    const text =
      '主要原因是：（一）基本支出较上年度减少87.51万元。主要原因是人员变动。（二）财政拨款项目支出较上年度增加5981万元。主要原因：一是新增部分项目，主要为1082.90万元。（三）财政拨款结转结余较上年度增加444.25万元。';
    expect(reasonItemChanges(text)?.map((d) => [d.subject, d.change.toString()])).toEqual([
      ['基本支出', '-87.51'],
      ['财政拨款项目支出', '5981'],
      ['财政拨款结转结余', '444.25'],
    ]);
    // A list whose item gives no change of its own is not a decomposition.
    expect(reasonItemChanges('（一）人员增加。（二）项目支出较上年度增加5万元。')).toBeNull();
    expect(reasonItemChanges('一是退休人员增加15.05万元；二是减少6.89万元')).toBeNull();
  });

  // Line 494 lists the 工资福利支出 items: "…职工基本医疗保险缴费7.55万元…"; 公开06 line 318 prints
  // "30110 职工基本医疗保险缴费 7.54". The nine other items agree with their rows.
  it('service center: the text’s 职工基本医疗保险缴费 7.55 is 7.54 in 公开06', () => {
    const f = bundle('datong-service-center-2024-final').findings.filter(
      (x) => x.kind === 'narrative' && x.lines.includes(494),
    );
    expect(f.map((x) => [x.printed, x.expected, x.lines])).toEqual([['7.55', '7.54', [494, 318]]]);
  });

  // 办公设备购置 is printed twice in 公开06: 30902 (基本建设支出, blank) and 31002 (资本性支出,
  // 1.41, line 356); the text's 1.41 (line 521) is the one with a figure.
  it('city department: an item printed under two codes is compared with the one that has a figure', () => {
    const f = bundle('datong-city-dept-2024-final').findings.filter((x) => x.lines.includes(521));
    expect(f).toEqual([]);
  });

  it('rounding differences stay informational: the city department has no table errors', () => {
    const errors = bundle('datong-city-dept-2024-final').findings.filter(
      (x) => x.severity === 'error' && (x.kind === 'sum' || x.kind === 'cross-table'),
    );
    expect(errors).toEqual([]);
  });
});

describe('rounding is one unit of the last place the table prints', () => {
  // 上海市普陀区人民政府万里街道办事处 2025 部门预算, 支出预算总表 (元, whole yuan): 21201
  // 城乡社区管理事务 94,995,790 against its 项 17,887,739 + 17,464,243 + 6,522,681 + 53,121,126
  // = 94,995,789.
  const tree = (unit: '元' | '万元', total: string, parts: string[]): Table => ({
    id: '预算03',
    title: '支出预算总表',
    line: 1,
    unit,
    noData: false,
    columns: [{ key: 'total', label: '合计' }],
    rows: [
      {
        key: '21201',
        code: '21201',
        level: 2,
        label: '城乡社区管理事务',
        line: 2,
        cells: { total: fig(total, 2) },
      },
      ...parts.map((v, i) => ({
        key: `212010${i + 1}`,
        code: `212010${i + 1}`,
        level: 3,
        label: `项${i + 1}`,
        line: 3 + i,
        cells: { total: fig(v, 3 + i) },
      })),
    ],
  });
  const parts = ['17887739', '17464243', '6522681', '53121126'];

  it('a 1 元 gap in a table printed in whole yuan is rounding (提示), not an error', () => {
    const found = checkTables([tree('元', '94995790', parts)]);
    expect(found.map((f) => [f.severity, f.message])).toEqual([
      ['info', '预算03“21201 城乡社区管理事务”的“合计”与其下各项之和相差 1.00，在尾数误差范围内'],
    ]);
  });

  it('a gap beyond one yuan a part stays an error, and 万元 tables keep 0.01 a part', () => {
    expect(checkTables([tree('元', '94995800', parts)]).map((f) => f.severity)).toEqual(['error']);
    expect(
      checkTables([tree('万元', '9499.62', ['1788.77', '1746.42', '652.27', '5312.11'])]).map(
        (f) => f.severity,
      ),
    ).toEqual(['error']);
  });
});
