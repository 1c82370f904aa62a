/**
 * Standard tables read from the five disclosure texts. Every expected figure and line number below
 * was typed in from the source text (public/data/sources/*.txt), not copied from parser output.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeSourceDoc } from '@/ingest/source-doc';
import { checkTables } from '@/ingest/checks/table-checks';
import { parseTables } from '@/ingest/tables/parse-tables';
import type { Table } from '@/data/schema';

const SOURCES = new URL('../../public/data/sources/', import.meta.url);

function tablesOf(id: string, kind: '决算' | '预算') {
  const text = readFileSync(new URL(`${id}.txt`, SOURCES), 'utf8');
  return parseTables(makeSourceDoc(`${id}.txt`, text), kind);
}

function cell(tables: readonly Table[], table: string, key: string, col: string, group?: string) {
  const row = tables
    .find((t) => t.id === table)
    ?.rows.find((r) => r.key === key && (group === undefined || r.group === group));
  if (row === undefined) throw new Error(`no row ${table}/${group ?? ''}/${key}`);
  return row.cells[col];
}

type Expect = [
  table: string,
  group: string | undefined,
  key: string,
  col: string,
  v: string | null,
  line?: number,
];

function expectFigures(tables: readonly Table[], rows: readonly Expect[]) {
  for (const [table, group, key, col, v, line] of rows) {
    const got = cell(tables, table, key, col, group);
    if (v === null) expect(got, `${table} ${key} ${col}`).toBeNull();
    else expect(got, `${table} ${key} ${col}`).toEqual({ v, line });
  }
}

describe('province 单位决算 2024 (tab layout)', () => {
  const { tables, skipped } = tablesOf('shanxi-province-bureau-2024-final', '决算');

  it('finds all ten standard tables in order', () => {
    expect(tables.map((t) => t.id)).toEqual([
      '公开01',
      '公开02',
      '公开03',
      '公开04',
      '公开05',
      '公开06',
      '公开07',
      '公开08',
      '公开09',
      '公开10',
    ]);
    expect(skipped).toEqual([]);
  });

  it('reads 公开01–05 figures with their lines', () => {
    expectFigures(tables, [
      ['公开01', 'income', '一般公共预算财政拨款收入', 'amount', '42683.67', 86],
      ['公开01', 'expense', '一般公共服务支出', 'amount', '42034.76', 86],
      ['公开01', 'income', '其他收入', 'amount', '0.69', 93],
      ['公开01', 'expense', '社会保障和就业支出', 'amount', '122.26', 93],
      ['公开01', 'expense', '卫生健康支出', 'amount', '49.09', 94],
      ['公开01', 'income', '本年收入合计', 'amount', '42684.35', 113],
      ['公开01', 'expense', '本年支出合计', 'amount', '42240.10', 113],
      ['公开01', 'income', '年初结转和结余', 'amount', '289.23', 115],
      ['公开01', 'expense', '年末结转和结余', 'amount', '733.48', 115],
      ['公开01', 'income', '总计', 'amount', '42973.59', 117],
      ['公开01', 'expense', '外交支出', 'amount', null],
      ['公开02', undefined, '合计', 'total', '42684.35', 134],
      ['公开02', undefined, '合计', 'other', '0.69', 134],
      ['公开02', undefined, '2010301', 'fiscal', '683.81', 137],
      ['公开02', undefined, '2101103', 'total', '6.72', 155],
      ['公开03', undefined, '合计', 'basic', '846.28', 172],
      ['公开03', undefined, '合计', 'project', '41393.83', 172],
      ['公开03', undefined, '201', 'project', '41359.83', 173],
      ['公开03', undefined, '2010301', 'project', null],
      ['公开04', 'expense', '本年支出合计', 'general', '42238.46', 236],
      ['公开04', 'income', '年初财政拨款结转和结余', 'amount', '283.11', 237],
      ['公开04', 'expense', '卫生健康支出', 'total', '49.09', 217],
      ['公开04', 'expense', '总计', 'total', '42966.77', 241],
      ['公开05', undefined, '合计', 'basic', '845.59', 258],
      ['公开05', undefined, '201', 'project', '41358.87', 259],
      ['公开05', undefined, '2010301', 'total', '674.24', 261],
    ]);
  });

  it('reads the 功能分类 tree levels 类/款/项', () => {
    const t03 = tables.find((t) => t.id === '公开03');
    const levels = Object.fromEntries((t03?.rows ?? []).map((r) => [r.key, r.level]));
    expect(levels).toMatchObject({
      合计: 0,
      '201': 1,
      '20103': 2,
      '2010301': 3,
      '210': 1,
      '21011': 2,
    });
    expect(t03?.rows.find((r) => r.key === '20805')?.label).toBe('行政事业单位养老支出');
  });

  it('reads 公开06 经济分类 detail, 公开09 三公 and 公开10 statistics', () => {
    expectFigures(tables, [
      ['公开06', '人员经费', '30101', 'amount', '159.30', 296],
      ['公开06', '公用经费', '30201', 'amount', '14.85', 296],
      ['公开06', '公用经费', '30701', 'amount', null],
      ['公开06', '人员经费', '人员经费合计', 'amount', '711.62', 324],
      ['公开06', '公用经费', '公用经费合计', 'amount', '133.97', 324],
      ['公开09', undefined, 'sangong', 'budget.total', '3.57', 380],
      ['公开09', undefined, 'sangong', 'budget.abroad', null],
      ['公开09', undefined, 'sangong', 'actual.vehicleRunning', '3.20', 380],
      ['公开09', undefined, 'sangong', 'actual.reception', '0.38', 380],
      ['公开10', undefined, '政府采购情况/货物', 'value', '3.95', 397],
      ['公开10', undefined, '国有资产占用情况/车辆数合计（辆）', 'value', '3', 405],
    ]);
  });

  it('keeps 本表无数据 as a fact', () => {
    const noData = tables.filter((t) => t.noData).map((t) => t.id);
    expect(noData).toEqual(['公开07', '公开08']);
  });
});

describe('district 部门决算 2023 (wrapped space layout, glued numbers)', () => {
  const { tables, skipped } = tablesOf('shuocheng-district-dept-2023-final', '决算');

  it('finds all ten tables despite page headers inside them', () => {
    expect(tables.map((t) => t.id)).toHaveLength(10);
    expect(skipped).toEqual([]);
  });

  it('joins wrapped labels and splits glued numbers', () => {
    expectFigures(tables, [
      ['公开01', 'income', '一般公共预算财政拨款收入', 'amount', '1322.38', 222],
      ['公开01', 'expense', '一般公共服务支出', 'amount', '1322.38', 222],
      // "八、其他收入 8 0.00八、社会保障和就业支出 39": the 0.00 belongs to 其他收入.
      ['公开01', 'income', '其他收入', 'amount', '0.00', 246],
      ['公开01', 'expense', '社会保障和就业支出', 'amount', null],
      ['公开01', 'income', '本年收入合计', 'amount', '1322.38', 305],
      ['公开01', 'expense', '总计', 'amount', '1322.38', 316],
      ['公开02', undefined, '合计', 'other', '0.00', 359],
      ['公开02', undefined, '20103', 'total', '1317.78', 367],
      ['公开02', undefined, '2010303', 'fiscal', '508.31', 371],
      ['公开03', undefined, '合计', 'basic', '607.16', 400],
      ['公开03', undefined, '20103', 'project', '710.62', 408],
      // "20132 组织事务 4.60  4.60": the double space is an empty 基本支出 cell.
      ['公开03', undefined, '20132', 'basic', null],
      ['公开03', undefined, '20132', 'project', '4.60', 414],
      ['公开05', undefined, '2010303', 'basic', '329.91', 634],
      ['公开06', '人员经费', '30101', 'amount', '220.40', 667],
      ['公开06', '人员经费', '30108', 'amount', '59.77', 685],
      ['公开06', '公用经费', '30201', 'amount', '13.69', 667],
      ['公开06', '人员经费', '人员经费合计', 'amount', '572.28', 756],
      ['公开06', '公用经费', '公用经费合计', 'amount', '34.88', 756],
      ['公开10', undefined, '政府采购情况/工程', 'value', '25.08', 888],
      ['公开10', undefined, '机关运行经费/行政单位', 'value', '25.28', 896],
    ]);
    const t03 = tables.find((t) => t.id === '公开03');
    expect(t03?.rows.find((r) => r.key === '20103')?.label).toBe('政府办公厅（室）及相关机构事务');
    const t06 = tables.find((t) => t.id === '公开06');
    expect(t06?.rows.find((r) => r.key === '30108')?.label).toBe('机关事业单位基本养老保险缴费');
  });

  it('records 三公 本表无数据', () => {
    expect(tables.find((t) => t.id === '公开09')?.noData).toBe(true);
  });
});

describe('city bureau 单位预算 2026 (budget tables 1–13)', () => {
  const { tables, skipped } = tablesOf('datong-city-bureau-2026-budget', '预算');

  it('finds all thirteen budget tables', () => {
    expect(tables.map((t) => t.id)).toEqual([
      '预算01',
      '预算02',
      '预算03',
      '预算04',
      '预算05',
      '预算06',
      '预算07',
      '预算08',
      '预算09',
      '预算10',
      '预算11',
      '预算12',
      '预算13',
    ]);
    expect(skipped).toEqual([]);
    expect(tables.filter((t) => t.noData).map((t) => t.id)).toEqual([
      '预算07',
      '预算08',
      '预算09',
      '预算10',
      '预算13',
    ]);
  });

  it('reads budget figures', () => {
    expectFigures(tables, [
      ['预算01', 'income', '一般公共预算', 'amount', '1564.72', 88],
      ['预算01', 'expense', '一般公共服务支出', 'current', '1300.26', 88],
      ['预算01', 'expense', '支出总计', 'total', '1564.72', 121],
      ['预算02', undefined, '2010306', 'general', '590.73', 139],
      ['预算03', undefined, '合计', 'basic', '973.99', 164],
      ['预算03', undefined, '2010306', 'basic', null],
      ['预算03', undefined, '2210202', 'total', '8.21', 182],
      ['预算04', 'income', '收入总计', 'amount', '1564.72', 229],
      ['预算05', undefined, '2010306', 'project', '590.73', 243],
      ['预算06', undefined, '合计', 'personnel', '875.35', 267],
      ['预算06', undefined, '其他交通费用', 'public', '50.85', 288],
      ['预算06', undefined, '奖励金', 'personnel', '0.24', 292],
      ['预算11', undefined, '部门合计', 'total', '98.64', 359],
      ['预算12', undefined, 'Z评审经费', 'total', '35.40', 372],
      ['预算12', undefined, 'J一枚印章管审批改革工作经费', 'general', '114.72', 376],
    ]);
    const b06 = tables.find((t) => t.id === '预算06');
    expect(b06?.rows.find((r) => r.key === '奖励金')?.altLabel).toBe('社会福利和救助');
  });
});

describe('city 部门 and service center 决算 2024', () => {
  it('reads the city department consolidated tables', () => {
    const { tables } = tablesOf('datong-city-dept-2024-final', '决算');
    expectFigures(tables, [
      ['公开01', 'income', '本年收入合计', 'amount', '3540.62', 119],
      ['公开01', 'expense', '本年支出合计', 'amount', '3540.42', 119],
      ['公开01', 'income', '年初结转和结余', 'amount', '10.37', 121],
      ['公开01', 'income', '总计', 'amount', '3551.00', 123],
      ['公开02', undefined, '2010301', 'other', '0.29', 148],
      ['公开03', undefined, '208', 'project', '33.64', 204],
      ['公开05', undefined, '合计', 'basic', '1519.77', 286],
      ['公开06', '人员经费', '30101', 'amount', '420.10', 336],
      ['公开06', '公用经费', '公用经费合计', 'amount', '132.63', 364],
      ['公开10', undefined, '机关运行经费/参照公务员法管理事业单位', 'value', '35.11', 444],
      ['公开10', undefined, '国有资产占用情况/机要通信用车', 'value', '2', 449],
    ]);
  });

  it('reads the service center tables', () => {
    const { tables } = tablesOf('datong-service-center-2024-final', '决算');
    expectFigures(tables, [
      ['公开01', 'income', '本年收入合计', 'amount', '1126.93', 110],
      ['公开01', 'expense', '本年支出合计', 'amount', '1127.00', 110],
      ['公开02', undefined, '合计', 'other', '0.01', 131],
      ['公开03', undefined, '合计', 'project', '922.63', 174],
      ['公开04', 'expense', '总计', 'total', '1131.45', 250],
      ['公开06', '人员经费', '人员经费合计', 'amount', '188.72', 339],
      ['公开10', undefined, '政府采购情况/合计', 'value', '640.57', 412],
      ['公开10', undefined, '国有资产占用情况/车辆数合计（辆）', 'value', '1', 421],
    ]);
    expect(tables.find((t) => t.id === '公开09')?.noData).toBe(true);
  });
});

describe('nothing silently lost', () => {
  it.each([
    ['shanxi-province-bureau-2024-final', '决算'],
    ['datong-city-dept-2024-final', '决算'],
    ['datong-service-center-2024-final', '决算'],
    ['shuocheng-district-dept-2023-final', '决算'],
    ['datong-city-bureau-2026-budget', '预算'],
  ] as const)(
    '%s: every decimal figure in a table body is a cell or a skipped entry',
    (id, kind) => {
      const { tables, skipped, figureCount } = tablesOf(id, kind);
      const filled = tables
        .flatMap((t) => t.rows)
        .flatMap((r) => Object.values(r.cells))
        .filter((c) => c !== null).length;
      expect(filled + skipped.length).toBe(figureCount);
      expect(figureCount).toBeGreaterThan(90);
    },
  );

  it('counts decimal figures independently of the grammars (province 公开01)', () => {
    const text = readFileSync(new URL('shanxi-province-bureau-2024-final.txt', SOURCES), 'utf8');
    const lines = text.split('\n').slice(85, 117); // lines 86–117: the 公开01 body
    const decimals = lines.join('\t').match(/\d+\.\d{2}/g) ?? [];
    const t01 = tablesOf('shanxi-province-bureau-2024-final', '决算').tables.find(
      (t) => t.id === '公开01',
    );
    const cells = (t01?.rows ?? [])
      .flatMap((r) => Object.values(r.cells))
      .filter((c) => c !== null);
    expect(cells).toHaveLength(decimals.length);
  });
});

describe('table consistency checks', () => {
  const t = (rows: Table['rows']): Table => ({
    id: '公开03',
    title: '支出决算表',
    line: 1,
    unit: '万元',
    noData: false,
    columns: [
      { key: 'total', label: '本年支出合计' },
      { key: 'basic', label: '基本支出' },
      { key: 'project', label: '项目支出' },
    ],
    rows,
  });
  const row = (
    key: string,
    level: number,
    total: string,
    basic: string,
    project: string,
    line: number,
  ) => ({
    key,
    ...(key === '合计' ? {} : { code: key }),
    label: key,
    level,
    line,
    cells: { total: { v: total, line }, basic: { v: basic, line }, project: { v: project, line } },
  });

  it('reports a total that is not the sum of its parts, with both lines', () => {
    const findings = checkTables([
      t([
        row('合计', 0, '100.00', '60.00', '40.00', 10),
        row('201', 1, '90.00', '60.00', '40.00', 11),
      ]),
    ]);
    const f = findings.find((x) => x.severity === 'error' && x.message.includes('各类之和'));
    expect(f).toMatchObject({ expected: '90.00', printed: '100.00', lines: [10, 11] });
    expect(findings.some((x) => x.message.includes('201') && x.message.includes('分项列'))).toBe(
      true,
    );
  });

  it('treats a difference within 0.01 per summed row as rounding (info), not an error', () => {
    const findings = checkTables([
      t([
        row('合计', 0, '100.01', '60.00', '40.01', 10),
        row('201', 1, '50.00', '30.00', '20.00', 11),
        row('205', 1, '50.00', '30.00', '20.00', 12),
      ]),
    ]);
    const f = findings.find(
      (x) => x.message.includes('“合计”的“本年支出合计”') && x.message.includes('各类'),
    );
    expect(f?.severity).toBe('info');
  });

  it('finds no errors in the five real documents beyond the known ones', () => {
    const errors = (
      [
        'shanxi-province-bureau-2024-final',
        'datong-city-dept-2024-final',
        'datong-service-center-2024-final',
        'shuocheng-district-dept-2023-final',
      ] as const
    )
      .flatMap((id) => checkTables(tablesOf(id, '决算').tables))
      .filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
  });
});
