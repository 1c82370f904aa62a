// Narrative parser and checks. Expected values were read by hand from the source texts
// (value and 1-based line); none is copied from parser output.
import { readFileSync } from 'node:fs';
import { emptyNarrative, narrativeSchema, type Narrative } from '@/data/schema-narrative';
import { parseNarrative, type NarrativeParse } from '@/ingest/narrative';
import { checkPercent } from '@/domain/consistency';
import { checkNarrative } from '@/ingest/narrative-checks';
import { makeSourceDoc } from '@/ingest/source-doc';

function load(file: string, kind: '决算' | '预算'): NarrativeParse {
  const text = readFileSync(new URL(`../../public/data/sources/${file}`, import.meta.url), 'utf8');
  return parseNarrative(makeSourceDoc(file, text), kind);
}

type Exp = [value: string, line: number];

function yoy(n: Narrative, key: string, basis?: string) {
  const y = n.yoy.find((x) => x.key === key && (basis === undefined || x.basis === basis));
  if (y === undefined) throw new Error(`no yoy ${key}`);
  return y;
}
function exec(n: Narrative, key: string) {
  const e = n.executions.find((x) => x.key === key);
  if (e === undefined) throw new Error(`no execution ${key}`);
  return e;
}
function total(n: Narrative, key: string) {
  return n.totals.filter((t) => t.key === key).map((t) => [t.value.v, t.value.line]);
}
function parts(n: Narrative, key: string) {
  const b = n.breakdowns.find((x) => x.key === key);
  if (b === undefined) throw new Error(`no breakdown ${key}`);
  return {
    total: b.total === null ? null : [b.total.v, b.total.line],
    parts: b.parts.map((p) => [p.key, p.amount.v, p.amount.line, p.pct?.v ?? null]),
  };
}
function sangongPart(n: Narrative, key: string) {
  const p = n.sangong?.parts.find((x) => x.key === key);
  return [p?.amount?.v, p?.amount?.line, p?.detailAmount?.v, p?.detailAmount?.line];
}
function count(n: Narrative, key: string) {
  return n.sangong?.counts.filter((c) => c.key === key).map((c) => [c.value.v, c.value.line]);
}

describe('山西省行政审批服务管理局 2024 单位决算', () => {
  const { narrative: n, skipped } = load('shanxi-province-bureau-2024-final.txt', '决算');

  it('validates against the schema', () => {
    expect(narrativeSchema.safeParse(n).success).toBe(true);
    expect(n.startLine).toBe(418);
  });

  it('reads totals with thousands separators stripped', () => {
    expect(total(n, 'incomeTotal')).toEqual([['42973.59', 422]]);
    expect(total(n, 'expenseTotal')).toEqual([['42973.59', 422]]);
    expect(total(n, 'incomeSubtotal')).toEqual([['42684.35', 430]]);
    expect(total(n, 'expenseSubtotal')).toEqual([['42240.10', 438]]);
    expect(total(n, 'fiscalIncomeTotal')).toEqual([['42966.77', 446]]);
    expect(total(n, 'fiscalExpenseTotal')).toEqual([['42966.77', 446]]);
    expect(total(n, 'generalBudgetExpense')).toEqual([
      ['42238.46', 452],
      ['42238.46', 462],
    ]);
  });

  it.each<[string, Exp, '增加' | '减少', Exp, Exp, string]>([
    ['incomeTotal', ['42973.59', 422], '增加', ['6338.70', 422], ['17.3', 422], '36634.89'],
    ['fiscalIncomeTotal', ['42966.77', 446], '增加', ['6345.82', 446], ['17.33', 446], '36620.95'],
    ['fiscalExpenseTotal', ['42966.77', 446], '增加', ['6345.82', 446], ['17.33', 446], '36620.95'],
    [
      'generalBudgetExpense',
      ['42238.46', 452],
      '增加',
      ['5900.61', 452],
      ['16.24', 452],
      '36337.85',
    ],
    ['201', ['42033.11', 476], '增加', ['5938.65', 476], ['16.45', 476], '36094.46'],
    ['205', ['34.00', 478], '减少', ['18.55', 478], ['35.3', 478], '52.55'],
    ['208', ['122.26', 480], '增加', ['4.71', 480], ['4.01', 480], '117.55'],
    ['210', ['49.09', 482], '减少', ['1.79', 482], ['3.52', 482], '50.88'],
    ['sangong', ['3.57', 504], '增加', ['0.27', 504], ['8.18', 504], '3.30'],
    ['sangong.vehicleRunning', ['3.20', 510], '增加', ['0.09', 510], ['2.89', 510], '3.11'],
    ['sangong.reception', ['0.38', 512], '增加', ['0.18', 512], ['90', 512], '0.20'],
    ['operatingCosts', ['133.97', 528], '减少', ['25.28', 528], ['15.87', 528], '159.25'],
  ])('YoY %s', (key, cur, dir, chg, pct, prior) => {
    const y = yoy(n, key);
    expect([y.current.v, y.current.line]).toEqual(cur);
    expect(y.direction).toBe(dir);
    expect([y.change?.v, y.change?.line]).toEqual(chg);
    expect([y.pct?.v, y.pct?.line]).toEqual(pct);
    expect(y.pctDirection).toBe(dir === '增加' ? '增长' : '下降');
    expect(y.prior.v).toBe(prior);
    expect(y.prior.derived.lines).toContain(chg[1]);
    expect(y.prior).not.toHaveProperty('line'); // derived, never presented as printed
  });

  it('records 与上年相同 as 持平 with prior = current', () => {
    const y = yoy(n, 'sangong.abroad');
    expect(y.direction).toBe('持平');
    expect(y.change).toBeNull();
    expect([y.current.v, y.current.line, y.prior.v]).toEqual(['0', 506, '0']);
    expect(yoy(n, 'sangong.vehiclePurchase').current.line).toBe(508);
    expect(yoy(n, 'operatingCosts').basis).toBe('比2023年');
  });

  it.each<[string, Exp | null, Exp, Exp | null]>([
    ['total', ['2296.91', 474], ['42238.46', 474], ['1838.93', 474]],
    ['201', ['2122.88', 476], ['42033.11', 476], ['1980.00', 476]],
    ['205', ['0', 478], ['34.00', 478], null],
    ['208', ['119.37', 480], ['122.26', 480], ['102.42', 480]],
    ['210', ['54.66', 482], ['49.09', 482], ['89.81', 482]],
    ['sangong', ['3.57', 504], ['3.57', 504], ['100.00', 504]],
    ['sangong.vehicleRunning', null, ['3.20', 510], ['100.00', 510]],
    ['sangong.reception', null, ['0.38', 512], ['100.00', 512]],
  ])('execution %s', (key, budget, actual, rate) => {
    const e = exec(n, key);
    expect(e.budget === null ? null : [e.budget.v, e.budget.line]).toEqual(budget);
    expect([e.actual.v, e.actual.line]).toEqual(actual);
    expect(e.rate === null ? null : [e.rate.v, e.rate.line]).toEqual(rate);
    expect(e.basis).toBe(key.startsWith('sangong') ? '全年预算' : '年初预算');
  });

  it('reads income, expense and 类 shares', () => {
    expect(parts(n, 'income')).toEqual({
      total: ['42684.35', 430],
      parts: [
        ['fiscal', '42683.67', 432, '100.00'],
        ['other', '0.69', 434, '0.00'],
      ],
    });
    expect(parts(n, 'expense').parts).toEqual([
      ['basic', '846.28', 440, '2.00'],
      ['project', '41393.83', 442, '98.00'],
    ]);
    expect(parts(n, 'generalBudgetByClass')).toEqual({
      total: ['42238.46', 462],
      parts: [
        ['201', '42033.11', 464, '99.51'],
        ['205', '34.00', 466, '0.08'],
        ['208', '122.26', 468, '0.29'],
        ['210', '49.09', 470, '0.12'],
      ],
    });
    expect(parts(n, 'generalBudgetOfExpense').parts).toEqual([
      ['generalBudgetExpense', '42238.46', 452, '100.00'],
    ]);
  });

  it('reads 基本支出 including the amount printed without 万元', () => {
    expect(parts(n, 'basicExpense')).toEqual({
      total: ['845.59', 486],
      parts: [
        ['personnel', '711.62', 488, null],
        ['publicOperating', '133.97', 490, null],
      ],
    });
    expect(parts(n, 'personnel').parts).toEqual([
      ['301', '663.18', 488, null],
      ['303', '48.44', 488, null],
    ]);
    expect(parts(n, 'publicOperating').parts).toEqual([
      ['302', '126.45', 490, null],
      ['310', '7.52', 490, null],
    ]);
    expect(n.formatIssues).toContainEqual(
      expect.objectContaining({ kind: 'missingUnit', line: 490 }),
    );
  });

  it('records 无此项收支 as facts', () => {
    expect(n.noActivity.map((a) => [a.key, a.text, a.line])).toEqual([
      ['governmentFund', '本年度无此项收支', 494],
      ['stateCapital', '本年度无此项支出', 498],
    ]);
  });

  it('reads 三公 parts and counts', () => {
    expect([n.sangong?.budget?.v, n.sangong?.actual?.v]).toEqual(['3.57', '3.57']);
    expect(sangongPart(n, 'sangong.abroad')).toEqual(['0', 506, '0', 516]);
    expect(sangongPart(n, 'sangong.vehicleRunning')).toEqual(['3.20', 510, '3.20', 520]);
    expect(sangongPart(n, 'sangong.reception')).toEqual(['0.38', 512, '0.38', 522]);
    expect(sangongPart(n, 'sangong.reception.domestic')).toEqual([
      '0.38',
      522,
      undefined,
      undefined,
    ]);
    expect(count(n, 'sangong.reception.batches')).toEqual([
      ['3', 512],
      ['3', 522],
    ]);
    expect(count(n, 'sangong.reception.persons')).toEqual([
      ['21', 512],
      ['21', 522],
    ]);
    expect(count(n, 'sangong.abroad.groups')).toEqual([['0', 516]]);
    expect(count(n, 'sangong.vehiclePurchase.vehicles')).toEqual([['0', 518]]);
    expect(count(n, 'sangong.vehicleRunning.fleet')).toEqual([['3', 520]]);
  });

  it('reads 机关运行经费, 政府采购, 车辆, 绩效', () => {
    expect(n.operatingCosts).toEqual({ v: '133.97', line: 528 });
    const pr = n.procurement;
    expect([pr?.total.v, pr?.goods?.v, pr?.works?.v, pr?.services?.v]).toEqual([
      '41643.12',
      '3.95',
      '0',
      '41639.17',
    ]);
    expect([
      pr?.sme?.amount.v,
      pr?.sme?.pct?.v,
      pr?.smallMicro?.amount.v,
      pr?.smallMicro?.pct?.v,
    ]).toEqual(['755.47', '1.81', '533.87', '1.28']);
    expect(pr?.total.line).toBe(532);
    expect(n.assets?.vehicles).toEqual({ v: '3', line: 536 });
    expect(n.assets?.vehiclesByType.map((v) => [v.label, v.count.v])).toEqual([
      ['主要负责人用车', '1'],
      ['机要通信用车', '1'],
      ['应急保障用车', '1'],
      ['其他用车', '0'],
    ]);
    expect(n.assets?.equipment.map((e) => [e.threshold.v, e.count.v])).toEqual([['100', '0']]);
    expect(n.performance?.selfEvalProjects).toEqual({ v: '6', line: 542 });
    expect(n.performance?.selfEvalAmount).toEqual({ v: '1060.91', line: 542 });
    expect(n.performance?.grades.map((g) => [g.grade, g.count.v])).toEqual([
      ['优', '3'],
      ['中', '2'],
      ['差', '1'],
    ]);
    expect(n.overview).toContainEqual(
      expect.objectContaining({ key: 'internalUnits', value: { v: '7', line: 69 } }),
    );
  });

  it('keeps explanatory figures as mentions', () => {
    expect(n.mentions).toContainEqual(
      expect.objectContaining({
        section: 'overall',
        value: { v: '5981', line: 426 },
        unit: '万元',
      }),
    );
    expect(n.mentions).toContainEqual(
      expect.objectContaining({ value: { v: '22.69', line: 528 } }),
    );
    expect(skipped).toEqual([]);
  });

  it('checks: the 三公 percentages agree; 类 changes do not add up; 3.20 + 0.38 ≠ 3.57', () => {
    const f = checkNarrative(n);
    expect(f.filter((x) => x.kind === 'percent')).toEqual([]);
    expect(f).toContainEqual(
      expect.objectContaining({
        id: 'narr-narrative-yoysum-generalBudgetExpense-452',
        severity: 'warning',
        expected: '5900.61',
        printed: '5923.02',
      }),
    );
    expect(f).toContainEqual(
      expect.objectContaining({
        id: 'narr-narrative-sum-sangong-504',
        severity: 'info',
        expected: '3.58',
        printed: '3.57',
      }),
    );
    expect(f).toContainEqual(
      expect.objectContaining({ id: 'narr-format-unit-490', kind: 'format' }),
    );
    expect(new Set(f.map((x) => x.id)).size).toBe(f.length);
    expect(checkNarrative(n)).toEqual(f); // deterministic
  });
});

describe('大同市行政审批服务管理局[部门] 2024 部门决算', () => {
  const { narrative: n, skipped } = load('datong-city-dept-2024-final.txt', '决算');

  it('validates', () => {
    expect(narrativeSchema.safeParse(n).success).toBe(true);
  });

  it.each<[string, Exp, '增加' | '减少', Exp, Exp, string]>([
    ['incomeTotal', ['3551.00', 463], '增加', ['146.58', 463], ['4.31', 463], '3404.42'],
    ['fiscalExpenseTotal', ['3544.96', 483], '增加', ['150.55', 483], ['4.44', 483], '3394.41'],
    ['generalBudgetExpense', ['3540.09', 489], '增加', ['369.41', 489], ['11.65', 489], '3170.68'],
    ['201', ['3114.29', 507], '增加', ['344.56', 507], ['12.44', 507], '2769.73'],
    ['208', ['216.98', 509], '增加', ['9.38', 509], ['4.52', 509], '207.60'],
    ['210', ['71.24', 511], '增加', ['20.40', 511], ['40.13', 511], '50.84'],
    ['221', ['137.58', 513], '减少', ['4.93', 513], ['3.46', 513], '142.51'],
    ['sangong', ['1.01', 535], '减少', ['0.84', 535], ['45.41', 535], '1.85'],
    ['operatingCosts', ['132.63', 559], '增加', ['3.92', 559], ['3.05', 559], '128.71'],
  ])('YoY %s', (key, cur, dir, chg, pct, prior) => {
    const y = yoy(n, key);
    expect([y.current.v, y.current.line, y.direction, y.change?.v, y.change?.line]).toEqual([
      ...cur,
      dir,
      ...chg,
    ]);
    expect([y.pct?.v, y.pct?.line, y.prior.v]).toEqual([...pct, prior]);
  });

  it('reads executions and structure', () => {
    expect([
      exec(n, 'total').budget?.v,
      exec(n, 'total').actual.v,
      exec(n, 'total').rate?.v,
    ]).toEqual(['3225.30', '3540.09', '109.76']);
    expect([exec(n, '221').budget?.v, exec(n, '221').rate?.v, exec(n, '221').rate?.line]).toEqual([
      '150.03',
      '91.70',
      513,
    ]);
    expect([exec(n, '208').rate?.v, exec(n, '210').rate?.v]).toEqual(['130.66', '96.81']);
    expect(parts(n, 'generalBudgetByClass').parts).toEqual([
      ['201', '3114.29', 495, '87.97'],
      ['208', '216.98', 497, '6.13'],
      ['210', '71.24', 499, '2.01'],
      ['221', '137.58', 501, '3.89'],
    ]);
    expect(parts(n, 'income').parts).toEqual([
      ['fiscal', '3540.32', 469, '99.99'],
      ['other', '0.30', 471, '0.01'],
    ]);
    expect(parts(n, 'personnel').parts).toEqual([
      ['301', '1347.39', 519, null],
      ['303', '39.76', 519, null],
    ]);
    expect(parts(n, 'publicOperating').parts.map((p) => p[1])).toEqual(['131.22', '1.41']);
  });

  it('reads 三公, procurement, vehicles, performance, overview', () => {
    expect(yoy(n, 'sangong.reception').direction).toBe('持平');
    expect(count(n, 'sangong.vehicleRunning.fleet')).toEqual([['1', 551]]);
    expect([n.procurement?.works?.v, n.procurement?.sme?.pct?.v]).toEqual(['180.10', '48.74']);
    expect(n.assets?.vehicles).toEqual({ v: '2', line: 567 });
    const pf = n.performance;
    expect([
      pf?.selfEvalProjects?.v,
      pf?.selfEvalAmount?.v,
      pf?.deptEvalProjects?.v,
      pf?.deptEvalAmount?.v,
    ]).toEqual(['41', '2020.32', '7', '857.85']);
    expect(pf?.overall).toEqual({ grade: '优', line: 575, rate: { v: '97.56', line: 575 } });
    expect(pf?.grades.map((g) => `${g.count.v}${g.grade}`)).toEqual([
      '10优',
      '9优',
      '2良',
      '15优',
      '2良',
      '1差',
      '2优',
    ]);
    expect(n.overview).toContainEqual({
      key: 'subordinateUnits',
      label: '二级预算单位',
      value: { v: '3', line: 75 },
      unit: '个',
      printed: '三',
    });
    expect(n.noActivity.map((a) => a.line)).toEqual([525, 529]);
    expect(skipped).toEqual([]);
  });

  it('checks: only rounding-level differences', () => {
    const f = checkNarrative(n);
    expect(f.filter((x) => x.severity === 'warning' || x.severity === 'error')).toEqual([]);
    expect(f).toContainEqual(
      expect.objectContaining({ id: 'narr-narrative-sum-personnel-519', severity: 'info' }),
    );
  });
});

describe('大同市政务服务中心 2024 单位决算', () => {
  const { narrative: n } = load('datong-service-center-2024-final.txt', '决算');

  it('reads totals, YoY, executions', () => {
    expect(narrativeSchema.safeParse(n).success).toBe(true);
    expect(total(n, 'incomeTotal')).toEqual([['1134.08', 438]]);
    const g = yoy(n, 'generalBudgetExpense');
    expect([g.current.v, g.change?.v, g.pct?.v, g.prior.v]).toEqual([
      '1126.92',
      '308.67',
      '37.72',
      '818.25',
    ]);
    expect([yoy(n, '208').direction, yoy(n, '208').change?.v, yoy(n, '208').prior.v]).toEqual([
      '减少',
      '16.12',
      '50.26',
    ]);
    expect([yoy(n, 'operatingCosts').pct?.v, yoy(n, 'operatingCosts').prior.v]).toEqual([
      '7.9',
      '14.43',
    ]);
    const s = yoy(n, 'sangong');
    expect([s.current.v, s.current.line, s.direction, s.change?.v, s.pct?.v, s.prior.v]).toEqual([
      '0',
      512,
      '减少',
      '0.72',
      '100',
      '0.72',
    ]);
    expect([
      exec(n, 'total').budget?.v,
      exec(n, 'total').rate?.v,
      exec(n, 'total').rate?.line,
    ]).toEqual(['770.18', '146.32', 480]);
    expect([exec(n, '210').rate?.v, exec(n, '221').rate?.v]).toEqual(['88.47', '80.28']);
    expect(exec(n, 'sangong').rate).toBeNull();
  });

  it('reads nested 基本支出 parts', () => {
    expect(parts(n, 'personnel.工资福利支出').total).toEqual(['181.22', 494]);
    expect(parts(n, 'personnel.工资福利支出').parts).toHaveLength(10);
    expect(parts(n, 'personnel.工资福利支出').parts[0]).toEqual(['基本工资', '59.99', 494, null]);
    expect(parts(n, 'personnel.对个人和家庭的补助').parts).toEqual([['退休费', '7.50', 496, null]]);
    expect(parts(n, 'publicOperating').parts.map((p) => p[1])).toEqual([
      '1.11',
      '0.04',
      '0.5',
      '1',
      '0.77',
      '2.58',
      '8.82',
      '0.75',
    ]);
    expect(parts(n, 'income').parts[1]).toEqual(['other', '0.01', 446, '0']);
  });

  it('reads the rest and finds no percent problems', () => {
    expect(n.overview).toContainEqual(
      expect.objectContaining({ key: 'staffQuota', value: { v: '17', line: 64 } }),
    );
    expect([n.procurement?.total.v, n.procurement?.sme?.pct?.v]).toEqual(['640.57', '88.10']);
    expect(count(n, 'sangong.vehicleRunning.fleet')).toEqual([['0', 528]]);
    expect(n.performance?.grades.map((g) => `${g.count.v}${g.grade}`)).toEqual(['9优', '2良']);
    const f = checkNarrative(n);
    expect(f.filter((x) => x.kind === 'percent')).toEqual([]);
    expect(f).toContainEqual(
      expect.objectContaining({ id: 'narr-narrative-fleet-vs-vehicles-528', severity: 'info' }),
    );
  });
});

describe('朔州市朔城区行政审批服务管理局 2023 部门决算 (wrapped lines)', () => {
  const { narrative: n, skipped } = load('shuocheng-district-dept-2023-final.txt', '决算');

  it('keeps the line where a wrapped figure starts', () => {
    expect(narrativeSchema.safeParse(n).success).toBe(true);
    const inc = yoy(n, 'incomeTotal');
    expect([inc.current.line, inc.change?.v, inc.change?.line, inc.pct?.line, inc.prior.v]).toEqual(
      [936, '446.58', 938, 938, '875.80'],
    );
    const fe = yoy(n, 'fiscalExpenseTotal');
    expect([fe.change?.line, fe.pct?.line]).toEqual([980, 980]);
    const g = yoy(n, 'generalBudgetExpense');
    expect([g.current.line, g.change?.line, g.pct?.v, g.pct?.line]).toEqual([
      990,
      992,
      '50.99',
      994,
    ]);
    const t = exec(n, 'total');
    expect([
      t.budget?.v,
      t.budget?.line,
      t.actual.v,
      t.actual.line,
      t.rate?.v,
      t.rate?.line,
    ]).toEqual(['1605.63', 1007, '1322.38', 1009, '82.36', 1009]);
    expect([exec(n, '201').rate?.v, exec(n, '201').rate?.line]).toEqual(['82.36', 1013]);
    expect(parts(n, 'generalBudgetOfExpense').parts).toEqual([
      ['generalBudgetExpense', '1322.38', 990, '100.00'],
    ]);
  });

  it('reads the 类 YoY whose direction word is missing', () => {
    const y = yoy(n, '201');
    expect([y.direction, y.directionPrinted, y.change?.v, y.change?.line, y.pct?.v]).toEqual([
      '增加',
      false,
      '446.58',
      1017,
      '50.99',
    ]);
    expect(n.formatIssues).toContainEqual(
      expect.objectContaining({ kind: 'missingDirection', line: 1017 }),
    );
  });

  it('reads shares, 三公, counts and the rest', () => {
    expect(parts(n, 'income').parts.map((p) => p[0])).toEqual([
      'fiscal',
      'superiorSubsidy',
      'business',
      'operating',
      'affiliated',
      'other',
    ]);
    expect(parts(n, 'expense').parts.slice(0, 2)).toEqual([
      ['basic', '607.16', 964, '45.91'],
      ['project', '715.22', 966, '54.09'],
    ]);
    expect(yoy(n, 'sangong').direction).toBe('持平');
    expect([
      exec(n, 'sangong').budget?.v,
      exec(n, 'sangong').rate?.v,
      exec(n, 'sangong').rate?.line,
    ]).toEqual(['0', '0', 1047]);
    expect(count(n, 'sangong.vehicleRunning.fleet')).toEqual([['0', 1070]]);
    expect(count(n, 'sangong.reception.abroad.batches')).toEqual([['0', 1078]]);
    const op = yoy(n, 'operatingCosts');
    expect([op.current.v, op.basis, op.change?.v, op.pct?.v, op.prior.v]).toEqual([
      '25.28',
      '比2022年',
      '0.01',
      '0.04',
      '25.29',
    ]);
    expect([
      n.procurement?.works?.v,
      n.procurement?.works?.line,
      n.procurement?.smallMicro?.pct?.line,
    ]).toEqual(['25.08', 1092, 1096]);
    expect(n.assets?.vehiclesByType).toHaveLength(8);
    expect(n.performance?.grades.map((g) => `${g.count.v}${g.grade}@${g.count.line}`)).toEqual([
      '9优@1118',
      '2良@1118',
      '1中@1120',
      '0差@1120',
    ]);
    expect(n.performance?.selfEvalAmount).toEqual({ v: '652.22', line: 1114 });
    expect(n.noActivity.map((a) => [a.key, a.line])).toEqual([
      ['governmentFund', 1035],
      ['stateCapital', 1039],
    ]);
    expect(skipped).toEqual([]);
  });

  it('checks: 0% on a zero budget, missing direction word', () => {
    const f = checkNarrative(n);
    expect(f).toContainEqual(
      expect.objectContaining({
        id: 'narr-percent-exec-sangong-1045',
        severity: 'info',
        expected: '—',
      }),
    );
    expect(f).toContainEqual(
      expect.objectContaining({ id: 'narr-format-direction-1017', kind: 'format' }),
    );
  });
});

describe('大同市行政审批服务管理局 2026 单位预算', () => {
  const { narrative: n, skipped } = load('datong-city-bureau-2026-budget.txt', '预算');

  it('reads the −20.74 / −1.31% change and derives last year', () => {
    expect(narrativeSchema.safeParse(n).success).toBe(true);
    for (const key of ['incomeTotal', 'expenseTotal', 'generalBudgetExpense']) {
      const y = yoy(n, key);
      expect([
        y.current.v,
        y.direction,
        y.change?.v,
        y.pctDirection,
        y.pct?.v,
        y.prior.v,
        y.basis,
      ]).toEqual(['1564.72', '减少', '20.74', '下降', '1.31', '1585.46', '比上年']);
    }
    expect(yoy(n, 'incomeTotal').change?.line).toBe(396);
    expect(yoy(n, 'generalBudgetExpense').change?.line).toBe(419);
    const op = yoy(n, 'operatingCosts');
    expect([op.current.v, op.current.line, op.basis, op.change?.v, op.pct?.v, op.prior.v]).toEqual([
      '98.64',
      443,
      '比2025年预算',
      '2.53',
      '2.5',
      '101.17',
    ]);
  });

  it('reads income, expense, fiscal and 类 structure', () => {
    expect(parts(n, 'incomeTotal.parts1').parts).toEqual([
      ['currentYear', '1564.72', 396, null],
      ['carryOver', '0', 396, null],
    ]);
    expect(parts(n, 'income').parts[0]).toEqual(['generalBudget', '1564.72', 400, '100.00']);
    expect(parts(n, 'expense')).toEqual({
      total: ['1564.72', 406],
      parts: [
        ['basic', '973.99', 406, '62.25'],
        ['project', '590.73', 406, '37.75'],
      ],
    });
    expect(total(n, 'fiscalTotal')).toEqual([['1564.72', 410]]);
    expect(parts(n, 'fiscalTotal.byClass').parts.map((p) => p[1])).toEqual([
      '1300.26',
      '113.97',
      '52.61',
      '97.88',
    ]);
    expect(parts(n, 'fiscalTotal.parts1').parts[2]).toEqual(['stateCapital', '0', 412, null]);
    expect(parts(n, 'generalBudgetByClass').parts).toEqual([
      ['201', '1300.26', 423, '83.10'],
      ['208', '113.97', 423, '7.28'],
      ['210', '52.61', 423, '3.36'],
      ['221', '97.88', 423, '6.26'],
    ]);
    expect(parts(n, 'basicExpense').parts).toEqual([
      ['personnel', '875.35', 433, null],
      ['publicOperating', '98.64', 435, null],
    ]);
  });

  it('records 无“三公”经费预算 as a fact and reads procurement, targets, assets', () => {
    expect(n.sangong).toBeNull();
    expect(n.noActivity).toContainEqual(expect.objectContaining({ key: 'sangong', line: 439 }));
    expect(n.noActivity).toContainEqual(
      expect.objectContaining({ key: 'performance.overallTarget', line: 453 }),
    );
    expect(n.procurement).toMatchObject({
      basis: '预算',
      total: { v: '307.25', line: 447 },
      goods: { v: '2.00' },
      services: { v: '305.25' },
      sme: null,
    });
    const pf = n.performance;
    expect([pf?.targetProjects?.v, pf?.targetAmount?.v, pf?.published?.pct?.v]).toEqual([
      '6',
      '590.73',
      '100',
    ]);
    expect(pf?.targetsByType.map((t) => [t.label, t.projects.v, t.amount.v])).toEqual([
      ['其他运转类项目', '6', '590.73'],
      ['特定目标类项目', '0', '0'],
    ]);
    expect(pf?.published?.byType).toHaveLength(2);
    expect([
      n.assets?.vehicleQuota?.v,
      n.assets?.vehicles?.v,
      n.assets?.officeArea?.v,
      n.assets?.officeArea?.line,
    ]).toEqual(['1', '0', '692.58', 661]);
    expect(n.assets?.equipment.map((e) => e.threshold.v)).toEqual(['50', '100']);
    expect(skipped).toEqual([]);
    expect(checkNarrative(n)).toEqual([]);
  });
});

describe('another unit in the standard format', () => {
  const text = [
    '某某县文化和旅游局2025年部门决算公开',
    '第一部分 概况',
    '二、机构设置情况',
    '本局内设5个股室，下属二级单位3个。',
    '第三部分 情况说明',
    '一、收入支出决算总体情况说明',
    '2025年度收入总计1,000.00万元，支出总计1,000.00万元。与上年相比，收入总计减少100.00万元，下降9.09%，支出总计减少100.00万元，下降9.09%。',
    '二、收入决算情况说明',
    '2025年度收入合计900.00万元，其中：',
    '财政拨款收入800.00万元，占比88.89%；',
    '事业收入100.00万元，占比11.11%。',
    '五、一般公共预算财政拨款支出决算情况说明',
    '（三）一般公共预算财政拨款支出决算具体情况',
    '2025年度一般公共预算财政拨款支出年初预算500.00万元，支出决算800.00万元，完成年初预算的160.00%。其中：',
    '文化旅游体育与传媒支出年初预算400.00万元，支出决算700.00万元，完成年初预算的175.00%，用于文化活动。较上年决算增加50.00万元，增长7.69%，主要原因是活动增加。',
    '城乡社区支出年初预算100.00万元，支出决算100.00万元，完成年初预算的100.00%。',
    '七、政府性基金预算财政拨款收支决算情况说明',
    '本年度无此项收支。',
    '第四部分 名词解释',
  ].join('\n');
  const { narrative: n, skipped } = parseNarrative(makeSourceDoc('other.txt', text), '决算');

  it('parses with no code change', () => {
    expect(narrativeSchema.safeParse(n).success).toBe(true);
    expect(n.startLine).toBe(5);
    const y = yoy(n, 'incomeTotal');
    expect([y.current.v, y.direction, y.change?.v, y.pct?.v, y.prior.v]).toEqual([
      '1000.00',
      '减少',
      '100.00',
      '9.09',
      '1100.00',
    ]);
    expect([exec(n, '207').rate?.v, exec(n, '207').rate?.line, exec(n, '212').budget?.v]).toEqual([
      '175.00',
      15,
      '100.00',
    ]);
    expect(yoy(n, '207').prior.v).toBe('650.00');
    expect(parts(n, 'income').parts.map((p) => p[0])).toEqual(['fiscal', 'business']);
    expect(n.noActivity).toEqual([expect.objectContaining({ key: 'governmentFund', line: 18 })]);
    expect(n.overview).toContainEqual(
      expect.objectContaining({ key: 'subordinateUnits', value: { v: '3', line: 4 } }),
    );
    expect(skipped).toEqual([]);
  });

  it('checks find a wrong percent and parts not summing', () => {
    const f = checkNarrative(n);
    // 700 ÷ 650 = 7.69% is right; 800 + 100 = 900 but 800 ÷ 500 = 160% is right; nothing else stated wrongly
    expect(f.filter((x) => x.severity !== 'info')).toEqual([]);
  });
});

describe('checks on crafted narratives', () => {
  const mk = (lines: string[]) =>
    parseNarrative(
      makeSourceDoc('t.txt', ['第三部分 情况说明', ...lines, '第四部分 名词解释'].join('\n')),
      '决算',
    ).narrative;

  it('flags a wrong YoY percent, compared at the printed precision', () => {
    const n = mk([
      '一、收入支出决算总体情况说明',
      '2024年度收入总计110.00万元，支出总计110.00万元。与上年相比，收入总计增加10.00万元，增长11%，支出总计增加10.00万元，增长10.0%。',
    ]);
    const f = checkNarrative(n);
    expect(f.map((x) => [x.id, x.expected, x.printed])).toEqual([
      ['narr-percent-yoy-incomeTotal-3', '10%', '11%'],
    ]);
    expect(f[0]?.lines).toEqual([3]);
  });

  it('flags shares and parts that do not add up, and a wrong execution rate', () => {
    const n = mk([
      '二、收入决算情况说明',
      '2024年度收入合计100.00万元，其中：',
      '财政拨款收入90.00万元，占比90.00%；',
      '其他收入5.00万元，占比6.00%。',
      '五、一般公共预算财政拨款支出决算情况说明',
      '2024年度一般公共预算财政拨款支出年初预算50.00万元，支出决算90.00万元，完成年初预算的170.00%。',
    ]);
    const ids = checkNarrative(n).map((x) => x.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'narr-narrative-sum-income-3',
        'narr-percent-share-income-other-3',
        'narr-percent-sharesum-income-4',
        'narr-percent-exec-total-7',
      ]),
    );
  });

  it('flags 三公 parts against their total and a rate on a zero budget', () => {
    const n = mk([
      '九、财政拨款“三公”经费支出决算情况说明',
      '2024年度“三公”经费财政拨款支出全年预算0万元，支出决算2.00万元，完成全年预算的100.00%，比上年度增加1.00万元，增长100%。其中：',
      '公务用车运行维护费支出1.00万元，比上年度增加1.00万元，增长100%；',
      '公务接待费支出0.50万元，与上年相同。',
    ]);
    const f = checkNarrative(n);
    expect(f).toContainEqual(
      expect.objectContaining({
        id: 'narr-narrative-sum-sangong-3',
        severity: 'warning',
        expected: '1.50',
        printed: '2.00',
      }),
    );
    expect(f).toContainEqual(
      expect.objectContaining({ id: 'narr-percent-exec-sangong-3', expected: '—' }),
    );
    // prior of 运行维护费 = 0: no growth rate can be stated
    expect(f).toContainEqual(
      expect.objectContaining({ id: 'narr-narrative-yoyprior-sangong.vehicleRunning-4' }),
    );
  });

  it('puts a figure-bearing sentence it cannot bind into skipped', () => {
    const r = parseNarrative(
      makeSourceDoc(
        't.txt',
        [
          '第三部分 情况说明',
          '一、收入支出决算总体情况说明',
          '与上年相比，增加5.00万元，增长5.00%。',
        ].join('\n'),
      ),
      '决算',
    );
    expect(r.skipped).toEqual([
      expect.objectContaining({ line: 3, reason: '找不到这项增减变动所对应的本年数' }),
    ]);
  });

  it('computes percent at the printed precision', () => {
    expect(checkPercent('6338.70', '36634.89', '17.3').computed?.toString()).toBe('17.3');
    expect(checkPercent('0.18', '0.20', '90').computed?.toString()).toBe('90');
    expect(checkPercent('1', '0', '0').computed).toBeNull();
  });
});

describe('a rate printed against a base of 0 (wording of other regions)', () => {
  it('is a warning: 完成年初预算的95.89% where the 年初预算 is 0 was computed against another base', () => {
    const text = [
      '第三部分 情况说明',
      '五、一般公共预算财政拨款支出决算情况说明',
      '（三）一般公共预算财政拨款支出决算具体情况',
      '2024年度一般公共预算财政拨款支出年初预算0万元，支出决算120.50万元，完成年初预算的95.89%。',
    ].join('\n');
    const { narrative } = parseNarrative(makeSourceDoc('x.txt', text), '决算');
    const findings = checkNarrative(narrative).filter((f) => f.kind === 'percent');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('warning');
    expect(findings[0]?.message).toContain('所述基数为0');
    expect(findings[0]?.printed).toBe('95.89%');
    expect(findings[0]?.lines).toContain(4);
  });
});

describe('the national template’s wording (收、支总计各…, 年初预算为…, 预算为…)', () => {
  const text = [
    '第三部分 2024年度部门决算情况说明',
    '一、收入支出决算总体情况说明',
    '某某区某某局2024年度收、支总计各3,551.00万元。与2023年度相比，收、支总计各增加146.58万元，增长4.31%。主要原因是新增项目。',
    '四、财政拨款收入支出决算总体情况说明',
    '2024年度财政拨款收、支总计各3,544.96万元。',
    '五、一般公共预算财政拨款支出决算情况说明',
    '2024年度一般公共预算财政拨款支出年初预算为3,225.30万元，支出决算为3,540.09万元，完成年初预算的109.76%。',
    '九、财政拨款“三公”经费支出决算情况说明',
    '2024年度“三公”经费财政拨款支出预算为1.01万元，支出决算为1.01万元，完成预算的100.00%。',
  ].join('\n');
  const { narrative, skipped } = parseNarrative(makeSourceDoc('x.txt', text), '决算');
  const total = (key: string) => narrative.totals.find((t) => t.key === key)?.value;

  it('reads 收、支总计各 as both totals, and their common change with the prior year derived', () => {
    expect(total('incomeTotal')).toEqual({ v: '3551.00', line: 3 });
    expect(total('expenseTotal')).toEqual({ v: '3551.00', line: 3 });
    expect(total('fiscalIncomeTotal')?.v).toBe('3544.96');
    expect(total('fiscalExpenseTotal')?.v).toBe('3544.96');
    const yoy = narrative.yoy.filter((y) => y.key === 'incomeTotal' || y.key === 'expenseTotal');
    expect(yoy.map((y) => [y.key, y.change?.v, y.pct?.v, y.prior?.v])).toEqual([
      ['incomeTotal', '146.58', '4.31', '3404.42'],
      ['expenseTotal', '146.58', '4.31', '3404.42'],
    ]);
    // Both keep the reason the sentence gives for the change.
    expect(yoy.map((y) => y.reason?.text)).toEqual([
      '主要原因是新增项目。',
      '主要原因是新增项目。',
    ]);
  });

  it('reads 年初预算为 … 支出决算为 … and the 三公 预算为 … as executions, leaving nothing unplaced', () => {
    const general = narrative.executions.find((e) => e.key === 'total');
    expect([general?.budget?.v, general?.actual.v, general?.rate?.v]).toEqual([
      '3225.30',
      '3540.09',
      '109.76',
    ]);
    expect(narrative.sangong?.budget?.v).toBe('1.01');
    expect(narrative.sangong?.actual?.v).toBe('1.01');
    expect(skipped).toEqual([]);
  });
});

// 江苏's 部门预算 说明, lines as the PDFs print them (江苏省人大常委会办公厅 2017 and 2018, 江苏省人民检察院
// 2017 and 2019; pdf.js layout text, indentation dropped).
describe('江苏’s wording (收、支预算总计各…, numbered 类, 预算数为, letter-spaced lines)', () => {
  const parse = (lines: string[]) =>
    parseNarrative(
      makeSourceDoc('js.txt', ['第三部分 2017 年度部门预算情况说明', ...lines].join('\n')),
      '预算',
    );
  const changes = (n: Narrative) =>
    n.yoy.map((y) => [y.key, y.current.v, y.direction, y.change?.v, y.pctDirection, y.pct?.v]);

  it('reads the totals, each numbered 类, 基本支出 and 项目支出 with their changes (人大办公厅 2017)', () => {
    const { narrative: n } = parse([
      '一、收支预算总表情况说明',
      '江苏省人大常委会办公厅 2017 年度收入、支出预算总',
      '计 13649.07 万元，与上年相比收、支预算总计各增加 844.15',
      '万元，增长 6.59%。主要原因是政策性增资、住房公积金和',
      '（二）支出预算总计 13649.07 万元。包括：',
      '1．一般公共服务支出 10528.33 万元，主要用于在职人',
      '员工资福利支出，保障机关正常运转的商品和服务支出，单',
      '位完成日常和特定工作任务的发展项目支出。与上年相比减',
      '少 17.89 万元，减少 0.17%。主要原因是公用定额减少。',
      '此外，基本支出预算数为 7666.68 万元。与上年相比增',
      '加 844.15 万元，增长 12.37%。主要原因是政策性调整工资、',
      '单位预留机动经费预算数为 128.43 万元。与上年持平。',
      '五、财政拨款支出预算表情况说明',
      '江苏省人大常委会办公厅 2017 年财政拨款预算支出',
      '13649.07 万元，占本年支出合计的 100%。与上年相比，财',
      '政拨款支出增加 844.15 万元，增长 6.59%。其中：',
      '一般公共服务',
      '1. 人大事务行政运行（项）支出 10528.33 万元，与上',
      '年相比减少 17.89 万元，减少 0.17%。',
      '2. 社会保障和就业支出 1608.51 万元，与上年相比增加',
      '193.25 万元，增长 13.65%。主要原因是政策性调增离退休人',
      '员工资。',
      '七、一般公共预算支出预算表情况说明',
      '江苏省人大常委会办公厅 2017 年一般公共预算财政拨款支出预算',
      '13649.07 万元，与上年相比增加 844.15 万元，增长 6.59%。',
    ]);
    expect(changes(n)).toEqual([
      ['incomeTotal', '13649.07', '增加', '844.15', '增长', '6.59'],
      ['expenseTotal', '13649.07', '增加', '844.15', '增长', '6.59'],
      ['expense.201', '10528.33', '减少', '17.89', '下降', '0.17'],
      ['expense.basic', '7666.68', '增加', '844.15', '增长', '12.37'],
      ['fiscalExpenseTotal', '13649.07', '增加', '844.15', '增长', '6.59'],
      ['208', '1608.51', '增加', '193.25', '增长', '13.65'],
      ['generalBudgetExpense', '13649.07', '增加', '844.15', '增长', '6.59'],
    ]);
    expect(n.yoy.find((y) => y.key === 'expense.201')?.label).toBe(
      '一般公共服务支出（支出预算总计）',
    );
    // The 项 line's 17.89 is not 财政拨款支出's change; the 类 stated (208 only) are not the whole
    // 13649.07, so their changes are not summed against 844.15.
    expect(checkNarrative(n).filter((f) => f.id.includes('yoysum'))).toEqual([]);
  });

  it('reads 3、 as a numbered item and 增幅 as a rate (检察院 2019)', () => {
    const { narrative: n } = parse([
      '一、收支预算总体情况说明',
      '2．社会保障和就业支出1890.27万元。主要用于离休费、',
      '基本养老金、职业年金及工伤保险缴费等支出。与上年相比增',
      '加 54.05 万元，增幅2.94 %。主要是工资增加后增加了单位基',
      '本养老金、职业年金缴费。',
      '3、住房保障支出 5686.35万元。主要用于在职人员住房公',
      '积金及在职、离退休人员政策性住房补贴支出。与上年相比增',
      '加 2025.97 万元，增长 55.35 %。主要原因是工资性收入增加',
    ]);
    expect(changes(n)).toEqual([
      ['expense.208', '1890.27', '增加', '54.05', '增长', '2.94'],
      ['expense.221', '5686.35', '增加', '2025.97', '增长', '55.35'],
    ]);
  });

  it('gives 项目支出 its own change, not the one after “单位预留机动经费预算为…” (政协办公厅 2018)', () => {
    const { narrative: n, skipped } = parse([
      '一、收支预算总体情况说明',
      '项目支出预算数为 3,314.68 万元。与上年相比增加 191 万',
      '元，增长 6.11%。主要原因是新增信息化建设专项支出。',
      '单位预留机动经费预算为 1,157.63 万元。与上年相比增加',
      '1,050.79 万元，增长 983.52%。主要原因是预留人员其他工资福',
      '利支出增加。',
    ]);
    expect(changes(n)).toEqual([['expense.project', '3314.68', '增加', '191', '增长', '6.11']]);
    expect(skipped.map((x) => x.text)).toContainEqual(expect.stringContaining('1,050.79'));
  });

  it('reads each 三公 item’s change on last year’s budget (检察院 2019; its page number 30 left out)', () => {
    const { narrative: n } = parse([
      '九、一般公共预算“三公”经费、会议费、培训费支出预',
      '算情况说明',
      '省检察院2019 年度一般公共预算拨款安排的“三公”经',
      '费预算支出中，因公出国（境）费支出80万元，占“三公”经',
      '费的19.1%；公务用车购置及运行费支出237万元，占“三公”',
      '经费的56.7%；公务接待费支出101.26万元，占“三公”经费的',
      '24.2%。具体情况如下：',
      '1．因公出国（境）费预算支出80万元，比上年预算减少20',
      '万元，主要是省检察院贯彻厉行节约规定,2019年压缩了部分因',
      '公临时出国(境)团组。',
      '2．公务用车购置及运行费预算支出237万元。其中：',
      '公务用车运行维护费预算支出237万元，比上年预算减少',
      '30.8 万元，主要原因是部分执法执勤车辆转隶至省纪委等单',
      '位。',
      '3．公务接待费预算支出101.26万元，比上年预算减少15.24',
      '万元，主要是省检察院党组贯彻落实中央“八项规定”和省委',
    ]);
    expect(n.yoy.map((y) => [y.key, y.current.v, y.direction, y.change?.v, y.basis])).toEqual([
      ['sangong.abroad', '80', '减少', '20', '比上年预算'],
      ['sangong.vehicleRunning', '237', '减少', '30.8', '比上年预算'],
      ['sangong.reception', '101.26', '减少', '15.24', '比上年预算'],
    ]);
  });

  it('reads 人员经费 listed by 类, each with its 款 (政协办公厅 2017; its page number 10 left out)', () => {
    const { narrative: n } = parse([
      '六、财政拨款基本支出预算表情况说明',
      '江 苏 省 政 协 办 公 厅     2017  年 度 财 政 拨 款 基 本 支 出 预 算',
      '5,836.27 万元，其中：',
      '（一）人员经费        4,704.35 万元',
      '1、工资福利支出（类）2,097.51           万元',
      '（1）基本工资（款）支出            737.94 万元。用于发放机关公务',
      '（2）津贴补贴（款）支出            1,263.76 万元。用于发放机关人',
      '员津贴补贴及岗位津贴等。',
      '（3）奖金（款）支出         59.53 万元。用于发放机关人员年终一',
      '次性奖金。',
      '（4）绩效工资（款）支出           36.28 万元。用于发放单位事业人',
      '员的绩效工资。',
      '2、对个人和家庭的补助支出（类）2,606.84                万元',
      '（1）离休费（款）支出         163 万元。用于发放离休人员离休费、',
    ]);
    const parts = (key: string) =>
      n.breakdowns.find((b) => b.key === key)?.parts.map((x) => [x.label, x.amount.v]);
    // 2,097.51 + 2,606.84 = 4,704.35: the 类 make up 人员经费; the 款 make up their 类.
    expect(parts('personnel')).toEqual([
      ['工资福利支出', '2097.51'],
      ['对个人和家庭的补助支出', '2606.84'],
    ]);
    expect(parts('personnel.工资福利支出')).toEqual([
      ['基本工资', '737.94'],
      ['津贴补贴', '1263.76'],
      ['奖金', '59.53'],
      ['绩效工资', '36.28'],
    ]);
    // (公用经费 is not in the excerpt: only 人员经费's sums are checked here.)
    expect(checkNarrative(n).filter((f) => f.id.includes('personnel'))).toEqual([]);
  });

  it('reads a letter-spaced line, and no fund’s 预算收入 as the whole (检察院 2017, 人大 2018)', () => {
    const { narrative: n } = parse([
      '二、收入预算情况说明',
      '省检察院本年收入预算合计 17996.68 万元，其中：',
      '一 般 公 共 预 算 收 入 17981.68 万 元 ， 占',
      '99.92%；',
      '其他资金 15 万元，占 0.08 %；',
      '政府性基金预算收入          0万元，占0 %；',
    ]);
    expect(n.totals.map((t) => [t.key, t.value.v])).toEqual([['incomeSubtotal', '17996.68']]);
    const income = n.breakdowns.find((b) => b.key === 'income');
    expect(income?.parts.map((x) => [x.label, x.amount.v, x.pct?.v])).toEqual([
      ['一般公共预算收入', '17981.68', '99.92'],
      ['其他资金', '15', '0.08'],
      ['政府性基金预算收入', '0', '0'],
    ]);
    expect(checkNarrative(n).filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('both totals at once, only when the text says so', () => {
  const read = (kind: '决算' | '预算', ...lines: string[]) =>
    parseNarrative(makeSourceDoc('x.txt', ['第三部分 情况说明', ...lines].join('\n')), kind)
      .narrative;
  const totals = (n: Narrative) => n.totals.map((t) => [t.key, t.value.v]);

  it('reads “收入，支出总计” as two clauses, not both totals', () => {
    const n = read(
      '决算',
      '一、收入支出决算总体情况说明',
      '2024年度收入总计1,000.00万元，含使用非财政拨款结余收入，支出总计900.00万元。',
    );
    expect(totals(n)).toEqual([
      ['incomeTotal', '1000.00'],
      ['expenseTotal', '900.00'],
    ]);
  });

  it('does not read “收入、支出总计分别为A、B” as one amount for both', () => {
    const n = read(
      '预算',
      '一、收支预算总体情况说明',
      '2024年度收入、支出总计分别为1,200.00万元、1,150.00万元。',
    );
    expect(totals(n)).toEqual([]);
  });

  it('reads a 决算’s numbered 类 in its overall section as no 支出预算总计 statement', () => {
    const n = read(
      '决算',
      '一、收入支出决算总体情况说明',
      '2024年度收、支总计各1,000.00万元。',
      '1. 一般公共服务支出 600.00 万元，与上年相比增加 50.00 万元，增长 9.09%。',
    );
    expect(n.yoy.map((y) => y.key)).not.toContain('expense.201');
  });
});

describe('the reason stated for a change (主要原因是…)', () => {
  const reason = (file: string, kind: '决算' | '预算', key: string) => {
    const y = yoy(load(file, kind).narrative, key);
    return y.reason === undefined ? null : [y.reason.text, y.reason.line];
  };

  it('reads the reason in the same sentence, up to the next statement after "；"', () => {
    // 预算 line 396: "…下降1.31%，主要原因是优化支出结构，…有所调整；本年单位预算支出总计…"
    expect(reason('datong-city-bureau-2026-budget.txt', '预算', 'incomeTotal')).toEqual([
      '主要原因是优化支出结构，预算编制更加精细化，部分项目预算金额有所调整',
      396,
    ]);
    expect(reason('datong-city-bureau-2026-budget.txt', '预算', 'operatingCosts')).toEqual([
      '原因是人员变动，日常公用经费减少',
      443,
    ]);
  });

  it('gives both changes of one sentence the reason that follows it', () => {
    const file = 'datong-service-center-2024-final.txt';
    for (const key of ['incomeTotal', 'expenseTotal']) {
      expect(reason(file, '决算', key)).toEqual([
        '主要原因是当年新增项目，为新建政务大厅二厅综合改造项目。',
        438,
      ]);
    }
  });

  it('keeps a numbered list whole and stops before "其中："', () => {
    expect(reason('shanxi-province-bureau-2024-final.txt', '决算', 'sangong')).toEqual([
      '主要原因是：一是公务用车运行维护费较上年增加0.09万元；二是公务接待费较上年增加0.18万元。',
      504,
    ]);
    expect(reason('datong-city-dept-2024-final.txt', '决算', '221')).toEqual([
      '主要原因是所属单位新增退休人员，住房公积金缴纳减少',
      513,
    ]);
  });

  it('reads the list paragraphs after "主要原因是：" and joins wrapped lines', () => {
    const r = reason('shanxi-province-bureau-2024-final.txt', '决算', 'incomeTotal');
    expect(r?.[1]).toBe(422);
    expect(r?.[0]).toMatch(
      /^主要原因是： （一）基本支出较上年度减少87\.51万元。主要原因是人员变动、职务职级调整等因素引起。 （二）财政拨款项目支出较上年度增加5981万元。/,
    );
    expect(r?.[0]).toMatch(/（四）年末结转结余较上年度增加444\.25万元。$/);
    // The district wraps "与上年相 / 比，…增加 / 446.58万元，增长50.99%。主要原因是…" over lines.
    expect(reason('shuocheng-district-dept-2023-final.txt', '决算', 'fiscalIncomeTotal')).toEqual([
      '主要原因是乡镇一体化在线服务平台服务费、乡镇和区级自助服务大厅、自助服务终端功能开发及设备费、政务云服务费用以及政务信息系统迁移上云费用资金增加。',
      980,
    ]);
  });

  it('attaches a reason to 与上年相同 too, and none where the text gives none', () => {
    expect(reason('datong-city-dept-2024-final.txt', '决算', 'sangong.abroad')).toEqual([
      '主要原因是：部门无此项支出',
      537,
    ]);
    // 预算 line 419: "…比上年减少20.74万元，下降1.31%。" and nothing after it.
    expect(reason('datong-city-bureau-2026-budget.txt', '预算', 'generalBudgetExpense')).toBeNull();
    // District line 1045–1047: "…与上年“三公”经费财政拨款支出决算相同。其中：".
    expect(reason('shuocheng-district-dept-2023-final.txt', '决算', 'sangong')).toBeNull();
  });
});

describe('checks on crafted narratives', () => {
  it('lists the line of the figure printed second first when two printings disagree', () => {
    const n: Narrative = {
      ...emptyNarrative(),
      totals: [
        { key: 'incomeTotal', label: '收入总计', section: 'overall', value: { v: '100', line: 3 } },
        { key: 'incomeTotal', label: '收入总计', section: 'income', value: { v: '101', line: 40 } },
      ],
    };
    const f = checkNarrative(n).find((x) => x.id.includes('repeat-incomeTotal'));
    expect(f).toMatchObject({ printed: '101', expected: '100', lines: [40, 3] });
  });

  const yoyWithReason = (text: string) => ({
    key: 'fiscalExpenseTotal',
    label: '财政拨款支出总计',
    section: 'fiscal' as const,
    basis: '与上年相比',
    current: { v: '1100', line: 5 },
    direction: '增加' as const,
    directionPrinted: true,
    change: { v: '100', line: 5 },
    pctDirection: null,
    pct: null,
    prior: { v: '1000', derived: { formula: '1100 − 100', lines: [5] } },
    reason: { text, line: 5 },
  });

  it('warns when a split by 基本支出 and 项目支出 does not add up to the change', () => {
    const n: Narrative = {
      ...emptyNarrative(),
      yoy: [yoyWithReason('（一）基本支出较上年度增加30万元。（二）项目支出较上年度增加60万元。')],
    };
    const f = checkNarrative(n).filter((x) => x.id.includes('reasonsum'));
    expect(f.map((x) => [x.severity, x.printed, x.expected])).toEqual([
      ['warning', '100', '90.00'],
    ]);
  });

  it('only notes a list of 类 that leaves 10 万元 unexplained: it may name the main ones', () => {
    const n: Narrative = {
      ...emptyNarrative(),
      yoy: [
        yoyWithReason('（一）一般公共服务支出较上年增加50万元。（二）教育支出较上年增加40万元。'),
      ],
    };
    const f = checkNarrative(n).filter((x) => x.id.includes('reasonsum'));
    expect(f.map((x) => x.severity)).toEqual(['info']);
    expect(f[0]?.message).toContain('所列若非全部原因');
  });
});
