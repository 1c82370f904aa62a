/** execution-data.ts: pure derivations, table-driven, on hand-made figures and the real bundles. */
import {
  checkRate,
  classExecutionRows,
  compareSubjects,
  itemExecutionRows,
  projectExecutionRows,
  subjectsAcrossUnits,
  summaryExecutionRows,
  unitExecutionState,
} from '@/features/execution/execution-data';
import { unitTag } from '@/data/labels';
import { sangongForBundle } from '@/features/sangong/sangong-data';
import type { PartKey } from '@/features/sangong/sangong-data';
import { formatPrintedPercent } from '@/lib/format';
import { IDS, realBundle, realManifest, withNationalNarrative } from './real-data';

const fig = (v: string) => ({ v, line: 1 });
const entry = (id: string) => {
  const e = realManifest().bundles.find((b) => b.id === id);
  if (!e) throw new Error(id);
  return e;
};

describe('checkRate', () => {
  it.each([
    // budget, actual, stated, expected
    ['2296.91', '42238.46', '1838.93', 'agrees'],
    // 78.26 computed; 2.42 may be 2.415…2.425 (78.10–78.43%): a rounding difference, a hint
    ['2.42', '1.894', '78.28', 'rounding'],
    ['4.09', '1.4', '34.24', 'rounding'], // 34.23 computed, 1.4 may be 1.395…1.405
    ['13.06', '13.06', '100', 'agrees'], // printed without decimals
    ['25', '19.5', '78', 'agrees'],
    ['102.5', '102.02', '99.53', 'agrees'],
    ['791.96', '652.22', '82.26', 'differs'], // 82.36 computed
    ['100', '47.973', null, 'notStated'],
    ['0', '34.00', null, 'zeroBase'],
    ['0', '0', '0', 'zeroBase'], // a printed 0% on a zero budget: still no rate
    [null, '3.20', '100.00', 'noBudget'],
  ] as const)('budget %s actual %s stated %s → %s', (budget, actual, stated, expected) => {
    expect(
      checkRate(
        budget === null ? null : fig(budget),
        fig(actual),
        stated === null ? null : fig(stated),
      ),
    ).toBe(expected);
  });
});

describe('formatPrintedPercent keeps the printed decimals', () => {
  it.each([
    ['1838.93', '1,838.93%'],
    ['17.3', '17.3%'],
    ['100', '100%'],
    ['0.04', '0.04%'],
    ['1980.00', '1,980.00%'],
  ])('%s → %s', (v, shown) => expect(formatPrintedPercent(v)).toBe(shown));
});

describe('unitTag', () => {
  it.each([
    [IDS.province, '省级单位2024'],
    [IDS.cityDept, '市级部门2024'],
    [IDS.cityBudget, '市级单位2026'],
    // 大同市政务服务中心: a 市级 unit whose kind is a service center.
    [IDS.center, '市级服务中心2024'],
    [IDS.district, '区县级部门2023'],
  ])('%s → %s', (id, tag) => expect(unitTag(entry(id))).toBe(tag));
});

describe('compareSubjects', () => {
  it('total first, 类 codes ascending, then 三公 and its parts', () => {
    expect(
      ['sangong.reception', '221', 'sangong', '201', 'total', '208'].sort(compareSubjects),
    ).toEqual(['total', '201', '208', '221', 'sangong', 'sangong.reception']);
  });
});

describe('classExecutionRows (real bundles)', () => {
  it.each([
    [IDS.province, 'total', '2296.91', '42238.46', '1838.93', '1838.93', 'agrees', true],
    [IDS.province, '201', '2122.88', '42033.11', '1980.00', '1980.00', 'agrees', true],
    [IDS.province, '205', '0', '34.00', null, null, 'zeroBase', false],
    [IDS.cityDept, 'total', '3225.30', '3540.09', '109.76', '109.76', 'agrees', false],
    [IDS.cityDept, '221', '150.03', '137.58', '91.70', '91.70', 'agrees', false],
    [IDS.center, '221', '21.65', '17.38', '80.28', '80.28', 'agrees', false],
    [IDS.district, 'total', '1605.63', '1322.38', '82.36', '82.36', 'agrees', false],
  ] as const)(
    '%s %s: %s → %s, printed %s, computed %s (%s, overflow %s)',
    (id, key, budget, actual, stated, computed, check, overflow) => {
      const row = classExecutionRows(entry(id), realBundle(id)).find((r) => r.key === key);
      expect(row).toMatchObject({
        budget: { v: budget },
        actual: { v: actual },
        stated: stated === null ? null : { v: stated },
        computed,
        check,
        overflow,
        group: 'generalBudget',
      });
    },
  );

  it('regroups by subject for the side-by-side chart, total first', () => {
    const rows = [IDS.province, IDS.cityDept].flatMap((id) =>
      classExecutionRows(entry(id), realBundle(id)),
    );
    const subjects = subjectsAcrossUnits(rows);
    expect(subjects.map((s) => s.key)).toEqual(['total', '201', '205', '208', '210', '221']);
    expect(Object.keys(subjects[0]?.byUnit ?? {})).toEqual([IDS.province, IDS.cityDept]);
    expect(subjects.find((s) => s.key === '205')?.byUnit[IDS.cityDept]).toBeUndefined();
  });

  // The 三公 table (公开09) prints each part's 全年预算数; the narrative sentence does not repeat it.
  it.each([
    // id, key, 预算数 (公开09), its line, 决算数, computed rate, check
    [IDS.province, 'sangong', '3.57', 380, '3.57', '100.00', 'agrees'],
    [IDS.province, 'sangong.vehicleRunning', '3.20', 380, '3.20', '100.00', 'agrees'],
    [IDS.province, 'sangong.reception', '0.38', 380, '0.38', '100.00', 'agrees'],
    [IDS.cityDept, 'sangong', '1.01', 421, '1.01', '100.00', 'agrees'],
    [IDS.cityDept, 'sangong.vehicleRunning', '1.01', 421, '1.01', '100.00', 'agrees'],
  ] as const)(
    '%s %s: 预算数 %s (line %i) from the 三公 table, 决算 %s, rate %s',
    (id, key, budget, line, actual, computed, check) => {
      const row = classExecutionRows(entry(id), realBundle(id)).find((r) => r.key === key);
      expect(row).toMatchObject({
        group: 'sangong',
        budget: { v: budget, line },
        actual: { v: actual },
        computed,
        check,
      });
    },
  );

  it('三公 rows read the same figures as the 三公经费 view (one reader)', () => {
    for (const id of [IDS.province, IDS.cityDept, IDS.center, IDS.district]) {
      const e = entry(id);
      const b = realBundle(id);
      const bars = sangongForBundle(e, b).bars.filter((x) => !x.derived);
      const side = (basis: '预算' | '决算') => bars.find((x) => x.basis === basis);
      for (const r of classExecutionRows(e, b).filter((x) => x.group === 'sangong')) {
        const part = r.key.replace(/^sangong\.?/, '') as PartKey | '';
        const of = (basis: '预算' | '决算') => {
          const bar = side(basis);
          return part === '' ? bar?.total : bar?.parts[part];
        };
        expect(r.budget, `${id} ${r.key} budget`).toEqual(of('预算') ?? null);
        expect(r.actual, `${id} ${r.key} actual`).toEqual(of('决算'));
      }
    }
  });

  it('district: 公开09 本表无数据 and the text prints no budget per part: nothing to compute', () => {
    const row = classExecutionRows(entry(IDS.district), realBundle(IDS.district)).find(
      (r) => r.key === 'sangong.vehicleRunning',
    );
    expect(row).toMatchObject({
      group: 'sangong',
      budget: null,
      computed: null,
      check: 'noBudget',
    });
  });
});

describe('projectExecutionRows (real bundles)', () => {
  it.each([
    [IDS.province, '营商环境评估费', '100', '47.973', '47.97', '47.97', true, 'agrees'],
    [IDS.province, '行政运行及业务工作经费', '166', '138.231', '83.27', '83.27', false, 'agrees'],
    [IDS.province, '专项培训(会议)经费', '125.6', '118.399', '94.27', '94.27', false, 'agrees'],
    [IDS.center, 'J残疾人就业保障金', '2.42', '1.894', '78.28', '78.26', true, 'rounding'],
    [IDS.center, 'Z大楼管理及网络维护费', '177', '177', '100', '100.00', false, 'agrees'],
    [IDS.district, '公章刻制费', '20.00', '2.38', null, '11.90', true, 'notStated'],
  ] as const)(
    '%s %s: %s → %s, printed %s, computed %s, under 80%% %s (%s)',
    (id, name, budget, executed, stated, computed, under, check) => {
      const row = projectExecutionRows(entry(id), realBundle(id)).find((r) => r.name === name);
      expect(row).toMatchObject({
        fullYearBudget: { v: budget },
        executed: { v: executed },
        stated: stated === null ? null : { v: stated },
        computed,
        under,
        check,
      });
    },
  );

  it('the province 行政运行 project reads its 省级财政资金 row (no 资金总额 row printed)', () => {
    const row = projectExecutionRows(entry(IDS.province), realBundle(IDS.province)).find(
      (r) => r.name === '行政运行及业务工作经费',
    );
    expect(row?.fundLabel).toBe('省级财政资金');
  });
});

describe('summaryExecutionRows (real bundles)', () => {
  it.each([
    [IDS.district, '万元', '791.96', '652.22', '82.26', '82.36', 'differs'],
    [IDS.cityDept, '元', '39700557.84', '35403227.04', '89.18', '89.18', 'agrees'],
  ] as const)('%s (%s): %s / %s printed %s computed %s → %s', (id, unit, b, e, s, c, check) => {
    const [row] = summaryExecutionRows(entry(id), realBundle(id));
    expect(row).toMatchObject({
      unit,
      budget: { v: b },
      executed: { v: e },
      stated: { v: s },
      computed: c,
      check,
    });
  });

  it('a unit with neither summary nor department evaluation has none', () => {
    expect(summaryExecutionRows(entry(IDS.province), realBundle(IDS.province))).toEqual([]);
  });
});

describe('unitExecutionState', () => {
  it.each([
    [IDS.cityBudget, true, undefined, 'budget'],
    [IDS.cityBudget, false, 'x', 'budget'],
    [IDS.province, true, undefined, 'ready'],
    [IDS.province, false, undefined, 'loading'],
    [IDS.province, false, '坏文件', 'error'],
  ] as const)('%s loaded=%s error=%s → %s', (id, loaded, error, kind) => {
    const state = unitExecutionState(entry(id), loaded ? realBundle(id) : undefined, error);
    expect(state.kind).toBe(kind);
  });
});

describe('classExecutionRows: the 类 chart shows what its title says', () => {
  it('leaves out 项 statements and 全年预算 statements of the general budget (national 说明)', () => {
    const bundle = realBundle(IDS.cityDept);
    const withNational = {
      ...bundle,
      narrative: {
        ...bundle.narrative,
        executions: [
          ...bundle.narrative.executions,
          // 上海市普陀区规划和自然资源局 lines 432–435: a 项, against 年初预算.
          {
            key: '208.行政事业单位养老支出.行政单位离退休',
            label: '社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）',
            section: 'generalBudget' as const,
            basis: '年初预算' as const,
            budget: fig('54.53'),
            actual: fig('54.53'),
            rate: fig('100.00'),
          },
          // A total against 全年预算: the chart's bars say 年初预算.
          {
            key: 'total',
            label: '一般公共预算财政拨款支出',
            section: 'generalBudget' as const,
            basis: '全年预算' as const,
            budget: fig('321.02'),
            actual: fig('307.82'),
            rate: fig('95.89'),
          },
        ],
      },
    };
    const rows = classExecutionRows(entry(IDS.cityDept), withNational);
    const before = classExecutionRows(entry(IDS.cityDept), bundle);
    expect(rows.map((r) => [r.key, r.basis])).toEqual(before.map((r) => [r.key, r.basis]));
  });
});

describe('itemExecutionRows: what a national 说明 states 项 by 项', () => {
  it('上海市普陀区规划和自然资源局: 13 项 against 年初预算, in printed order, with their full names', () => {
    const bundle = withNationalNarrative(
      IDS.cityDept,
      'putuo-planning-2024-final.narrative.txt',
      394,
    );
    const rows = itemExecutionRows(entry(IDS.cityDept), bundle);
    expect(rows).toHaveLength(13);
    expect(rows.every((r) => r.basis === '年初预算' && r.group === 'generalBudget')).toBe(true);
    expect(rows[0]?.subject).toBe(
      '社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）',
    );
    expect(rows[12]?.subject).toBe('住房保障支出（类）住房保障支出（款）购房补贴（项）');
    const planning = rows[8];
    expect(planning?.subject).toBe(
      '城乡社区支出（类）城乡社区规划与管理（款）城乡社区规划与管理（项）',
    );
    expect([planning?.budget, planning?.actual, planning?.stated]).toEqual([
      { v: '3110.14', line: 471 },
      { v: '2739.56', line: 472 },
      { v: '88.08', line: 472 },
    ]);
    expect([planning?.computed, planning?.check]).toEqual(['88.08', 'agrees']);
    // None of them is also drawn in the 类 chart, which keeps the total.
    const chartKeys = classExecutionRows(entry(IDS.cityDept), bundle).map((r) => r.key);
    expect(chartKeys).toContain('total');
    expect(chartKeys.filter((k) => /^\d{3}\./.test(k))).toEqual([]);
  });

  it('中共上海市普陀区委社会工作部: the total and 9 项 against 全年预算, a rate computed where none is printed', () => {
    const bundle = withNationalNarrative(
      IDS.cityDept,
      'putuo-social-work-2024-final.narrative.txt',
      317,
    );
    const rows = itemExecutionRows(entry(IDS.cityDept), bundle);
    expect(rows.map((r) => r.basis)).toEqual(Array(10).fill('全年预算'));
    const [total, , running] = rows;
    // "年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%":
    // the printed rate is said of 年初预算 (0, no rate), so against 全年预算 it is computed only.
    expect(total?.subject).toBe('一般公共预算财政拨款支出（合计）');
    expect([total?.budget?.v, total?.actual.v, total?.stated, total?.computed]).toEqual([
      '321.02',
      '307.82',
      null,
      '95.89',
    ]);
    // "全年预算为 17.68 万元，支出决算为 11.31 万元。" — no rate printed: 11.31 ÷ 17.68 = 63.97%.
    expect(running?.subject).toBe('一般公共服务支出（类）社会工作事务（款）事业运行（项）');
    expect([running?.budget, running?.actual.v, running?.stated]).toEqual([
      { v: '17.68', line: 352 },
      '11.31',
      null,
    ]);
    expect([running?.computed, running?.check]).toEqual(['63.97', 'notStated']);
  });
});
