/** yoy-data.ts: pure derivations, table-driven, on the real bundles. */
import { formatPrintedPercent } from '@/lib/format';
import {
  basisNotes,
  compareYoySubjects,
  unitYoyState,
  yoyBase,
  yoyPctCheck,
  yoyRows,
  yoySubjectLabel,
} from '@/features/yoy/yoy-data';
import { IDS, realBundle, realManifest } from './real-data';

const entry = (id: string) => {
  const e = realManifest().bundles.find((b) => b.id === id);
  if (!e) throw new Error(id);
  return e;
};
const unit = (id: string) => ({ entry: entry(id), bundle: realBundle(id) });

describe('yoyRows: cells (real bundles)', () => {
  it.each([
    // id, key, current, direction, change, pct, prior, signedChange, signedPct, pctCheck
    [
      IDS.province,
      'incomeTotal',
      '42973.59',
      '增加',
      '6338.70',
      '17.3',
      '36634.89',
      '6338.70',
      '17.3',
      'agrees',
    ],
    [IDS.province, 'sangong', '3.57', '增加', '0.27', '8.18', '3.30', '0.27', '8.18', 'agrees'],
    [IDS.province, '205', '34.00', '减少', '18.55', '35.3', '52.55', '-18.55', '-35.3', 'agrees'],
    [IDS.province, 'sangong.abroad', '0', '持平', null, null, '0', null, '0', 'none'],
    [
      IDS.cityBudget,
      'incomeTotal',
      '1564.72',
      '减少',
      '20.74',
      '1.31',
      '1585.46',
      '-20.74',
      '-1.31',
      'agrees',
    ],
    [
      IDS.cityBudget,
      'operatingCosts',
      '98.64',
      '减少',
      '2.53',
      '2.5',
      '101.17',
      '-2.53',
      '-2.5',
      'agrees',
    ],
    [IDS.center, 'sangong', '0', '减少', '0.72', '100', '0.72', '-0.72', '-100', 'agrees'],
    [
      IDS.district,
      'operatingCosts',
      '25.28',
      '减少',
      '0.01',
      '0.04',
      '25.29',
      '-0.01',
      '-0.04',
      'agrees',
    ],
  ] as const)(
    '%s %s: %s %s %s (%s%%), prior %s',
    (id, key, current, direction, change, pct, prior, signedChange, signedPct, pctCheck) => {
      const cell = yoyRows([unit(id)]).find((r) => r.key === key)?.cells[id];
      expect(cell).toMatchObject({
        statement: {
          current: { v: current },
          direction,
          change: change === null ? null : { v: change },
          pct: pct === null ? null : { v: pct },
          prior: { v: prior, derived: expect.anything() },
        },
        signedChange,
        signedPct,
      });
      expect(cell && yoyPctCheck(cell.statement).pctCheck).toBe(pctCheck);
    },
  );

  it('checks a printed percent at its own precision against change ÷ prior', () => {
    // The province's 收入总计: 增加 6,338.70 on a prior of 36,634.89 is 17.3026…%, printed 17.3.
    const printed = realBundle(IDS.province).narrative.yoy.find((s) => s.key === 'incomeTotal');
    if (!printed?.pct) throw new Error('incomeTotal');
    expect(yoyPctCheck(printed)).toEqual({ computedPct: '17.30', pctCheck: 'agrees' });
    // Had it printed 17.4, the table would say its own figures give 17.30.
    const misprinted = { ...printed, pct: { ...printed.pct, v: '17.4' } };
    expect(yoyPctCheck(misprinted)).toEqual({ computedPct: '17.30', pctCheck: 'differs' });
    // 持平 has nothing to check.
    expect(yoyPctCheck({ ...printed, direction: '持平' })).toEqual({
      computedPct: null,
      pctCheck: 'none',
    });
  });

  it('keys cells by any id, even one named like an Object.prototype member', () => {
    // Ids are validated now, but a lookup in a plain object once read Object as this cell.
    const units = ['constructor', 'toString', '__proto__'].map((id) => ({
      entry: { ...entry(IDS.province), id },
      bundle: realBundle(IDS.province),
    }));
    const row = yoyRows(units).find((r) => r.key === 'incomeTotal');
    for (const id of ['constructor', 'toString', '__proto__'])
      expect(row?.cells[id]?.statement.current.v).toBe('42973.59');
  });
});

describe('yoyRows: subjects across units', () => {
  it('orders totals, 财政拨款, 一般公共预算, 类, 三公 and parts, 机关运行经费', () => {
    const rows = yoyRows([unit(IDS.province), unit(IDS.cityDept)]);
    expect(rows.map((r) => r.key)).toEqual([
      'incomeTotal',
      'expenseTotal',
      'fiscalIncomeTotal',
      'fiscalExpenseTotal',
      'generalBudgetExpense',
      '201',
      '205',
      '208',
      '210',
      '221',
      'sangong',
      'sangong.abroad',
      'sangong.vehiclePurchase',
      'sangong.vehicleRunning',
      'sangong.reception',
      'operatingCosts',
    ]);
    expect(rows.find((r) => r.key === '221')?.cells[IDS.province]).toBeUndefined();
  });

  it.each([
    [[IDS.province, IDS.cityDept], 'incomeTotal', false],
    [[IDS.cityBudget, IDS.cityDept], 'incomeTotal', true],
    [[IDS.cityBudget, IDS.cityDept], '201', false], // only the 决算 states it
  ] as const)('%j %s: mixed base %s', (ids, key, mixed) => {
    const rows = yoyRows(ids.map(unit));
    expect(rows.find((r) => r.key === key)?.mixedBase).toBe(mixed);
  });

  it.each([
    [{ key: '201', label: '一般公共服务支出' }, '201 一般公共服务支出'],
    [{ key: 'sangong', label: '“三公”经费' }, '“三公”经费'],
  ])('labels %j as %s', (s, label) => expect(yoySubjectLabel(s)).toBe(label));

  it('compareYoySubjects puts unknown keys last', () => {
    expect(['zzz', 'operatingCosts', '201', 'incomeTotal'].sort(compareYoySubjects)).toEqual([
      'incomeTotal',
      '201',
      'operatingCosts',
      'zzz',
    ]);
  });
});

describe('bases', () => {
  it.each([
    [IDS.cityBudget, '上年预算'],
    [IDS.cityDept, '上年决算'],
    [IDS.district, '上年决算'],
  ])('%s compares with %s', (id, base) => expect(yoyBase(entry(id))).toBe(base));

  it('notes the printed wordings and warns when budget and final accounts are mixed', () => {
    const notes = basisNotes([unit(IDS.cityBudget), unit(IDS.district)]);
    expect(notes[0]).toContain('比较基准不同');
    expect(notes[1]).toBe(
      '大同市行政审批服务管理局 2026年单位预算：与上年预算比较（原文：“比上年”、“比2025年预算”）。',
    );
    expect(notes[2]).toContain('朔州市朔城区行政审批服务管理局 2023年部门决算：与上年决算比较');
    expect(notes[2]).toContain('“比2022年”');
  });

  it('no mixed-base warning among final accounts only', () => {
    expect(basisNotes([unit(IDS.province), unit(IDS.district)]).join('')).not.toContain(
      '比较基准不同',
    );
  });
});

describe('unitYoyState', () => {
  it.each([
    [true, undefined, 'ready'],
    [false, undefined, 'loading'],
    [false, '坏文件', 'error'],
  ] as const)('loaded=%s error=%s → %s', (loaded, error, kind) => {
    expect(unitYoyState(loaded ? realBundle(IDS.province) : undefined, error).kind).toBe(kind);
  });
});

describe('formatPrintedPercent', () => {
  it.each([
    ['17.3', '17.3%'],
    ['8.18', '8.18%'],
    ['90', '90%'],
    ['1838.93', '1,838.93%'],
  ])('%s → %s', (v, s) => expect(formatPrintedPercent(v)).toBe(s));
});
