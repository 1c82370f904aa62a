/**
 * trends-data.ts on the real bundles. Expected figures typed from the source texts
 * (public/data/sources); derived priors worked out by hand (current − stated change).
 */
import type { Bundle } from '@/data/schema';
import type { YoyStatement } from '@/data/schema-narrative';
import {
  seriesPoints,
  sparkGeometry,
  stepWords,
  unitTrends,
  type TrendMeasure,
  type UnitTrend,
} from '@/features/yoy/trends-data';
import { IDS, realBundle, realManifest } from './real-data';

const entry = (id: string) => {
  const e = realManifest().bundles.find((b) => b.id === id);
  if (!e) throw new Error(id);
  return e;
};
const unit = (id: string) => ({ entry: entry(id), bundle: realBundle(id) });

function measure(u: UnitTrend | undefined, key: string): TrendMeasure {
  const m = u?.measures.find((x) => x.key === key);
  if (m === undefined) throw new Error(`no measure ${key}`);
  return m;
}

/** Column key → [value, printed line or 'derived']. */
function values(m: TrendMeasure) {
  return Object.fromEntries(
    Object.entries(m.points).map(([k, p]) => [
      k,
      [p.fig.v, 'line' in p.fig ? p.fig.line : 'derived'],
    ]),
  );
}

describe('unitTrends: one document', () => {
  it('gives the service center 2023 (derived) and 2024 (printed) with the stated reason', () => {
    const [u] = unitTrends([unit(IDS.center)]);
    expect(u?.name).toBe('大同市政务服务中心');
    expect(u?.tag).toBe('市级 · 服务中心 · 单位');
    expect(u?.columns.map((c) => c.key)).toEqual(['2023-决算', '2024-决算']);
    // Line 438: 收入总计1,134.08万元 … 增加308.64万元 → 2023: 825.44.
    const income = measure(u, 'incomeTotal');
    expect(values(income)).toEqual({
      '2023-决算': ['825.44', 'derived'],
      '2024-决算': ['1134.08', 438],
    });
    expect(stepWords(seriesPoints(income, u?.columns ?? [], '决算'))).toEqual(['上升']);
    expect(income.reasons.map((r) => [r.text, r.line, r.year])).toEqual([
      ['主要原因是当年新增项目，为新建政务大厅二厅综合改造项目。', 438, 2024],
    ]);
    // Line 484: 社会保障和就业支出 … 34.14 … 较上年决算减少16.12万元 → 2023: 50.26.
    const social = measure(u, '208');
    expect(values(social)).toEqual({
      '2023-决算': ['50.26', 'derived'],
      '2024-决算': ['34.14', 484],
    });
    expect(stepWords(seriesPoints(social, u?.columns ?? [], '决算'))).toEqual(['下降']);
  });

  it('keeps a budget as a 预算 series: 2025 budget (derived) to 2026 budget', () => {
    const [u] = unitTrends([unit(IDS.cityBudget)]);
    expect(u?.columns.map((c) => c.key)).toEqual(['2025-预算', '2026-预算']);
    // Line 443: 机关运行经费财政拨款预算98.64万元，比2025年预算减少2.53万元 → 101.17.
    const m = measure(u, 'operatingCosts');
    expect(values(m)).toEqual({ '2025-预算': ['101.17', 'derived'], '2026-预算': ['98.64', 443] });
    expect(m.reasons.map((r) => [r.text, r.line])).toEqual([
      ['原因是人员变动，日常公用经费减少', 443],
    ]);
    // Line 419 states the 一般公共预算 change with no reason.
    expect(measure(u, 'generalBudgetExpense').reasons).toEqual([]);
  });

  it('never merges a 部门 with a 单位, nor units of different names', () => {
    const trends = unitTrends([unit(IDS.cityDept), unit(IDS.cityBudget), unit(IDS.center)]);
    expect(trends.map((u) => [u.name, u.columns.map((c) => c.key)])).toEqual([
      ['大同市政务服务中心', ['2023-决算', '2024-决算']],
      ['大同市行政审批服务管理局', ['2025-预算', '2026-预算']],
      ['大同市行政审批服务管理局[部门]', ['2023-决算', '2024-决算']],
    ]);
  });
});

/** The service center's 2024 final accounts re-dated as a 2025 document with one changed figure. */
function center2025(prior: string): { entry: ReturnType<typeof entry>; bundle: Bundle } {
  const b = realBundle(IDS.center);
  const e = entry(IDS.center);
  const income = b.narrative.yoy.find((s) => s.key === 'incomeTotal');
  if (income === undefined) throw new Error('no incomeTotal');
  const s: YoyStatement = {
    ...income,
    current: { v: '1200.00', line: 10 },
    change: { v: '65.92', line: 10 },
    pct: { v: '5.81', line: 10 },
    prior: { v: prior, derived: { formula: `1200.00 − 65.92 = ${prior}`, lines: [10] } },
    reason: { text: '主要原因是人员增加。', line: 11 },
  };
  const id = 'datong-service-center-2025-final';
  return {
    entry: { ...e, id, fiscalYear: 2025 },
    bundle: { ...b, id, fiscalYear: 2025, narrative: { ...b.narrative, yoy: [s] } },
  };
}

describe('unitTrends: several documents of one unit', () => {
  it('joins the years, prefers the printed figure and keeps each reason', () => {
    const [u] = unitTrends([center2025('1134.08'), unit(IDS.center)]);
    expect(u?.columns.map((c) => c.key)).toEqual(['2023-决算', '2024-决算', '2025-决算']);
    const m = measure(u, 'incomeTotal');
    expect(values(m)).toEqual({
      '2023-决算': ['825.44', 'derived'],
      '2024-决算': ['1134.08', 438],
      '2025-决算': ['1200.00', 10],
    });
    expect(m.points['2024-决算']?.bundleId).toBe(IDS.center);
    expect(m.conflicts).toEqual([]);
    expect(m.reasons.map((r) => [r.year, r.line])).toEqual([
      [2024, 438],
      [2025, 11],
    ]);
    expect(stepWords(seriesPoints(m, u?.columns ?? [], '决算'))).toEqual(['上升', '上升']);
  });

  it('names a year two documents give differently, and still shows the printed one', () => {
    const [u] = unitTrends([unit(IDS.center), center2025('1134.00')]);
    const m = measure(u, 'incomeTotal');
    expect(m.points['2024-决算']?.fig.v).toBe('1134.08');
    expect(m.conflicts).toEqual([
      '2024年决算：大同市政务服务中心 2024年单位决算所印 1134.08，大同市政务服务中心 2025年单位决算推算 1134.00',
    ]);
  });
});

describe("unitTrends: final accounts and next year's budget of one unit", () => {
  it('keeps 决算 and 预算 as two series, the budget beside the actuals', () => {
    const b = realBundle(IDS.center);
    const e = entry(IDS.center);
    const income = b.narrative.yoy.find((s) => s.key === 'incomeTotal');
    if (income === undefined) throw new Error('no incomeTotal');
    const id = 'datong-service-center-2025-budget';
    const budget: Bundle = {
      ...b,
      id,
      kind: '预算',
      fiscalYear: 2025,
      narrative: {
        ...b.narrative,
        yoy: [
          {
            ...income,
            basis: '比2024年预算',
            current: { v: '1000.00', line: 20 },
            direction: '减少',
            change: { v: '50.00', line: 20 },
            pct: { v: '4.76', line: 20 },
            prior: { v: '1050.00', derived: { formula: '1000.00 + 50.00', lines: [20] } },
          },
        ],
      },
    };
    const [u] = unitTrends([
      unit(IDS.center),
      { entry: { ...e, id, kind: '预算', fiscalYear: 2025 }, bundle: budget },
    ]);
    expect(u?.columns.map((c) => c.key)).toEqual([
      '2023-决算',
      '2024-决算',
      '2024-预算',
      '2025-预算',
    ]);
    const m = measure(u, 'incomeTotal');
    expect(stepWords(seriesPoints(m, u?.columns ?? [], '决算'))).toEqual(['上升']);
    expect(stepWords(seriesPoints(m, u?.columns ?? [], '预算'))).toEqual(['下降']);
    // Both 2024 points stand at one x; a plan is never joined to the actuals.
    const g = sparkGeometry(m, u?.columns ?? [], 100, 40, 4);
    expect(g.series.map((s) => [s.kind, s.dots.map((d) => [d.year, d.x])])).toEqual([
      [
        '决算',
        [
          [2023, 4],
          [2024, 50],
        ],
      ],
      [
        '预算',
        [
          [2024, 50],
          [2025, 96],
        ],
      ],
    ]);
  });
});

describe('sparkGeometry', () => {
  it('draws from a zero baseline: 0.72 down to 0 reaches the bottom', () => {
    // Line 518: 公务用车运行维护费支出0万元，比上年度减少0.72万元.
    const [u] = unitTrends([unit(IDS.center)]);
    const m = measure(u, 'sangong.vehicleRunning');
    const g = sparkGeometry(m, u?.columns ?? [], 100, 40, 4);
    expect(g.series).toHaveLength(1);
    expect(g.series[0]?.dots).toEqual([
      { x: 4, y: 4, derived: true, year: 2023 },
      { x: 96, y: 36, derived: false, year: 2024 },
    ]);
  });

  it('draws a small change as a small change (1,585.46 → 1,564.72)', () => {
    const [u] = unitTrends([unit(IDS.cityBudget)]);
    const g = sparkGeometry(measure(u, 'incomeTotal'), u?.columns ?? [], 100, 40, 4);
    const [a, b] = g.series[0]?.dots ?? [];
    expect(g.series[0]?.kind).toBe('预算');
    expect((b?.y ?? 0) - (a?.y ?? 0)).toBeGreaterThan(0);
    expect((b?.y ?? 0) - (a?.y ?? 0)).toBeLessThan(1);
  });
});
