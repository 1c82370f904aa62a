// @vitest-environment jsdom
/**
 * 三公经费 view with the five real documents. Expected figures are typed from the source texts
 * (public/data/sources/*.txt), not copied from the bundles.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import type { Bundle } from '@/data/schema';
import {
  barExecutionRate,
  barLabel,
  chartRows,
  partShare,
  sangongForBundle,
} from '@/features/sangong/sangong-data';
import type { SangongBar } from '@/features/sangong/sangong-data';
import { barTitle } from '@/features/sangong/sangong-chart';
import { SangongPage } from '@/features/sangong/sangong-page';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { IDS, loadRealData, realBundle, realManifest } from './real-data';

afterEach(() => {
  cleanup();
  resetAppStore();
});

const entryOf = (id: string) => {
  const e = realManifest().bundles.find((b) => b.id === id);
  if (!e) throw new Error(id);
  return e;
};
const dataOf = (id: string) => sangongForBundle(entryOf(id), realBundle(id));
const find = (bars: SangongBar[], year: number, basis: '预算' | '决算') => {
  const b = bars.find((x) => x.year === year && x.basis === basis);
  if (!b) throw new Error(`${year} ${basis}`);
  return b;
};

describe('sangongForBundle (real documents)', () => {
  // [document, year, basis, derived, total, abroad, purchase, running, reception, none]
  it.each([
    ['province', IDS.province, 2024, '预算', false, '3.57', null, null, '3.20', '0.38', false],
    ['province', IDS.province, 2024, '决算', false, '3.57', '0', '0', '3.20', '0.38', false],
    // "比上年度增加0.27万元" → 3.30; 运行维护 3.20 − 0.09; 接待 0.38 − 0.18.
    ['province', IDS.province, 2023, '决算', true, '3.30', '0', '0', '3.11', '0.20', false],
    ['city 部门', IDS.cityDept, 2024, '决算', false, '1.01', '0', '0', '1.01', '0', false],
    ['city 部门', IDS.cityDept, 2023, '决算', true, '1.85', '0', '0', '1.85', '0', false],
    ['service center', IDS.center, 2024, '决算', false, '0', '0', '0', '0', '0', true],
    // "比上年度减少0.72万元，下降100%": the centre did spend in 2023 (derived).
    ['service center', IDS.center, 2023, '决算', true, '0.72', '0', '0', '0.72', '0', false],
    ['district', IDS.district, 2023, '决算', false, '0', '0', '0', '0', '0', true],
    ['district', IDS.district, 2022, '决算', true, '0', '0', '0', '0', '0', true],
  ] as const)(
    '%s %s: %i %s',
    (_n, id, year, basis, derived, total, abroad, purchase, running, reception, none) => {
      const bar = find(
        dataOf(id).bars.filter((b) => b.derived === derived),
        year,
        basis,
      );
      expect(bar.total?.v).toBe(total);
      expect(bar.parts.abroad?.v ?? null).toBe(abroad);
      expect(bar.parts.vehiclePurchase?.v ?? null).toBe(purchase);
      expect(bar.parts.vehicleRunning?.v ?? null).toBe(running);
      expect(bar.parts.reception?.v ?? null).toBe(reception);
      expect(bar.none).toBe(none);
      expect('derived' in (bar.total ?? {})).toBe(derived);
    },
  );

  it('province: bars ordered by year, each labelled with its year', () => {
    expect(dataOf(IDS.province).bars.map(barLabel)).toEqual([
      '2023年决算数（推算）',
      '2024年预算数',
      '2024年决算数',
    ]);
  });

  it('province 2024 figures keep their source lines (公开09 and 情况说明)', () => {
    const actual = find(dataOf(IDS.province).bars, 2024, '决算');
    expect(actual.sourceLabel).toBe('公开09');
    // The empty 因公出国 cell of 公开09 falls back to the narrative "支出0万元" (line 506).
    expect(actual.parts.abroad).toEqual({ v: '0', line: 506 });
    const prior = find(dataOf(IDS.province).bars, 2023, '决算');
    expect(prior.total && 'derived' in prior.total ? prior.total.derived.lines : []).toEqual([504]);
  });

  it('the 2026 budget has no 三公 budget: a fact with its line', () => {
    const d = dataOf(IDS.cityBudget);
    expect(d.facts.map((f) => f.text)).toEqual(['2026年预算：本单位无“三公”经费预算']);
    expect(d.facts[0]?.line).toBe(439);
    expect(d.bars).toHaveLength(1);
    expect(d.bars[0]).toMatchObject({ year: 2026, basis: '预算', none: true, total: null });
  });

  it('本表无数据 and zero spending are facts, not missing data', () => {
    const center = dataOf(IDS.center);
    expect(center.missing).toBeNull();
    expect(center.facts.map((f) => f.text)).toEqual([
      '2024年 公开09 财政拨款“三公”经费支出决算表：本表无数据（无财政拨款“三公”经费）',
      '2024年无“三公”经费财政拨款支出（支出决算0万元）',
    ]);
    const district = dataOf(IDS.district);
    expect(district.facts.map((f) => f.year)).toEqual([2023, 2023, 2022]);
  });

  it.each([
    // [document, year, rate]: 决算 ÷ 全年预算; a zero budget has no rate.
    [IDS.province, 2024, '100.00'],
    [IDS.cityDept, 2024, '100.00'],
    [IDS.center, 2024, null],
    [IDS.district, 2023, null],
  ] as const)('%s %i execution rate %s', (id, year, rate) => {
    const bars = dataOf(id).bars;
    expect(barExecutionRate(find(bars, year, '决算'), bars)?.v ?? null).toBe(rate);
  });

  it.each([
    ['vehicleRunning', '89.64'], // 3.20 ÷ 3.57
    ['reception', '10.64'], // 0.38 ÷ 3.57
    ['abroad', '0.00'],
  ] as const)('province 2024 share of %s is %s%%', (key, pct) => {
    expect(partShare(find(dataOf(IDS.province).bars, 2024, '决算'), key)).toBe(pct);
  });

  it('share of a zero total does not exist', () => {
    expect(partShare(find(dataOf(IDS.center).bars, 2024, '决算'), 'vehicleRunning')).toBeNull();
  });

  it('chart rows: absolute values and shares for drawing; none bars draw nothing', () => {
    const bars = dataOf(IDS.province).bars;
    const [prior, , actual] = chartRows(bars, 'absolute');
    expect(actual).toMatchObject({ vehicleRunning: 3.2, reception: 0.38, totalOnly: 0 });
    expect(prior).toMatchObject({ vehicleRunning: 3.11, reception: 0.2 });
    const shares = chartRows(bars, 'share')[2];
    expect(shares).toMatchObject({ vehicleRunning: 89.64, reception: 10.64 });
    expect(chartRows(dataOf(IDS.cityBudget).bars, 'absolute')[0]).toMatchObject({
      vehicleRunning: 0,
      totalOnly: 0,
    });
  });

  it('a total without stated parts is drawn as one undivided segment', () => {
    const b = realBundle(IDS.center);
    const only: Bundle = {
      ...b,
      narrative: {
        ...b.narrative,
        yoy: b.narrative.yoy.filter((y) => y.key === 'sangong'),
      },
    };
    const d = sangongForBundle(entryOf(IDS.center), only);
    const prior = find(d.bars, 2023, '决算');
    expect(prior.parts.vehicleRunning).toBeNull();
    expect(chartRows([prior], 'absolute')[0]).toMatchObject({ totalOnly: 0.72, vehicleRunning: 0 });
  });

  it('a budget with a filled 预算10 table gives a budget bar by part', () => {
    const b = realBundle(IDS.cityBudget);
    const t = b.tables.find((x) => x.id === '预算10');
    if (!t) throw new Error('预算10');
    const filled: Bundle = {
      ...b,
      narrative: { ...b.narrative, noActivity: [] },
      tables: [
        {
          ...t,
          noData: false,
          rows: t.rows.map((r) => ({
            ...r,
            cells: {
              ...r.cells,
              total: {
                v: r.key === '合计' ? '2.50' : r.key === '公务接待费' ? '2.50' : '0',
                line: r.line,
              },
            },
          })),
        },
      ],
    };
    const d = sangongForBundle(entryOf(IDS.cityBudget), filled);
    expect(d.facts).toEqual([]);
    expect(d.bars[0]).toMatchObject({ year: 2026, basis: '预算', none: false });
    expect(d.bars[0]?.total?.v).toBe('2.50');
    expect(d.bars[0]?.parts.reception?.v).toBe('2.50');
  });

  it('a document with no 三公 table or text says so', () => {
    const b = realBundle(IDS.province);
    const bare: Bundle = {
      ...b,
      tables: b.tables.filter((t) => t.id !== '公开09'),
      narrative: { ...b.narrative, sangong: null, yoy: [], noActivity: [] },
    };
    const d = sangongForBundle(entryOf(IDS.province), bare);
    expect(d.bars).toEqual([]);
    expect(d.missing).toBe('本文件未公开“三公”经费的表格或说明。');
  });
});

/** The chart's text alternative: the table inside the ChartFrame. */
function chartTable() {
  const fig = screen.getByRole('figure', { name: /三公经费：各单位/ });
  return within(fig).getByRole('table');
}
function rowOf(table: HTMLElement, ...texts: string[]) {
  const row = within(table)
    .getAllByRole('row')
    .find((r) => texts.every((t) => r.textContent?.includes(t)));
  if (!row) throw new Error(`no row with ${texts.join(' ')}`);
  return row;
}

describe('三公经费 page', () => {
  it('keeps its heading', () => {
    loadRealData();
    render(<SangongPage />);
    expect(screen.getByRole('heading', { level: 2, name: '三公经费' })).toBeInTheDocument();
  });

  it('province: 2024 预算 3.57 / 决算 3.57 by part, 2023 total 3.30 marked derived', () => {
    loadRealData([IDS.province]);
    render(<SangongPage />);
    const t = chartTable();
    const budget = rowOf(t, '山西省行政审批服务管理局', '2024年预算数');
    expect(budget).toHaveTextContent('3.57');
    // 公开09 prints the 因公出国 budget cell empty: shown as a blank, not as "not stated".
    expect(budget).toHaveTextContent('—（空白）');
    const actual = rowOf(t, '山西省行政审批服务管理局', '2024年决算数');
    expect(
      within(actual)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2024年决算数', '0.00（据说明）', '0.00（据说明）', '3.20', '0.38', '3.57']);
    const prior = rowOf(t, '2023年决算数（推算）');
    expect(prior).toHaveTextContent('3.30 ※');
    expect(prior).toHaveTextContent('3.11 ※');

    // The detail table: every figure is a link to its line; derived ones carry ※.
    const detail = screen.getByRole('table', { name: /三公经费明细/ });
    const derivedRow = rowOf(detail, '2023年', '推算');
    const link = within(derivedRow).getByRole('link', { name: /^3\.30/ });
    expect(link).toHaveAttribute('title', expect.stringContaining('推算值'));
    expect(within(link).getByLabelText('推算值')).toHaveTextContent('※');
    const actualRow = rowOf(detail, '2024年', '决算数', '100.00%');
    expect(within(actualRow).getByRole('link', { name: '3.20' })).toHaveAttribute(
      'title',
      expect.stringContaining('山西省行政审批服务管理局 2024年单位决算'),
    );
    // 公开09 prints the 出国 and 购置 决算 cells blank (line 380); the 0 is the 情况说明's
    // ("因公出国（境）费支出0万元", line 506), and the row says so.
    const abroad = within(actualRow).getAllByRole('cell')[3];
    expect(abroad).toHaveTextContent('0.00 （据说明）');
    expect(within(abroad as HTMLElement).getByRole('link')).toHaveAttribute(
      'href',
      expect.stringMatching(/^#\/source\/shanxi-province-bureau-2024-final\?line=506&q=0(&|$)/),
    );
    expect(actualRow).toHaveTextContent(
      '公开09（因公出国（境）费、公务用车购置费表中空白，据情况说明）',
    );
    const budgetRow = rowOf(detail, '2024年', '预算数', '公开09');
    expect(budgetRow).not.toHaveTextContent('据说明');
    // Its 执行率 is the dashboard's, marked 计算值, with the two totals it divides.
    const rate = within(actualRow).getByRole('link', { name: /^100\.00%/ });
    expect(within(rate).getByLabelText('计算值')).toHaveTextContent('※');
    expect(rate).toHaveAttribute(
      'title',
      expect.stringContaining('执行率 = 决算数 ÷ 全年预算数 × 100% = 3.57 ÷ 3.57 × 100%'),
    );
    // The legend explains the derived pattern.
    expect(screen.getByRole('list', { name: '图例' })).toHaveTextContent('※ 推算值');
  });

  it('city 部门: 1.01 (all 运行维护), and the 部门 contains the service center', () => {
    loadRealData([IDS.cityDept, IDS.center]);
    render(<SangongPage />);
    const row = rowOf(chartTable(), '大同市行政审批服务管理局[部门]', '2024年决算数');
    expect(row).toHaveTextContent('1.01');
    expect(screen.getByRole('note', { name: '对比说明' })).toHaveTextContent(
      '大同市行政审批服务管理局[部门]（部门）的数字已包含大同市政务服务中心（单位）',
    );
  });

  it('service center and district: no 三公 spending shown as a fact', () => {
    loadRealData([IDS.center, IDS.district]);
    render(<SangongPage />);
    const facts = screen.getByRole('region', { name: /无“三公”经费/ });
    expect(facts).toHaveTextContent(
      '大同市政务服务中心 2024年单位决算：2024年无“三公”经费财政拨款支出（支出决算0万元）',
    );
    expect(facts).toHaveTextContent('朔州市朔城区行政审批服务管理局 2023年部门决算：2023年 公开09');
    expect(facts).toHaveTextContent('本表无数据');
    const t = chartTable();
    expect(rowOf(t, '大同市政务服务中心', '2024年决算数')).toHaveTextContent('无');
    // The centre's 2023 spending, derived from "减少0.72万元".
    expect(rowOf(t, '大同市政务服务中心', '2023年决算数（推算）')).toHaveTextContent('0.72 ※');
  });

  it('2026 budget: 本单位无“三公”经费预算', () => {
    loadRealData([IDS.cityBudget]);
    render(<SangongPage />);
    expect(screen.getByRole('region', { name: /无“三公”经费/ })).toHaveTextContent(
      '2026年预算：本单位无“三公”经费预算',
    );
    expect(
      screen.getByRole('link', { name: '2026年预算：本单位无“三公”经费预算' }),
    ).toHaveAttribute('href', `#/source/${IDS.cityBudget}?line=439&units=${IDS.cityBudget}`);
  });

  it('元 and share modes', () => {
    loadRealData([IDS.province]);
    useAppStore.setState({ displayUnit: '元' });
    const { unmount } = render(<SangongPage />);
    expect(rowOf(chartTable(), '2024年决算数')).toHaveTextContent(/35,700(?!\.)/);
    unmount();
    useAppStore.setState({ displayUnit: '万元', measureMode: 'share' });
    render(<SangongPage />);
    const fig = screen.getByRole('figure', { name: /三公经费：各单位/ });
    expect(fig).toHaveTextContent('各项占当年合计的百分比');
    const row = rowOf(chartTable(), '2024年决算数');
    // 3.20 ÷ 3.57 and 0.38 ÷ 3.57 (line 380): computed, so marked ※.
    expect(row).toHaveTextContent('89.64% ※');
    expect(row).toHaveTextContent('10.64% ※');
  });

  it('share mode: each share is a 计算值 with its formula; parts that miss the total are said', () => {
    loadRealData([IDS.province]);
    useAppStore.setState({ measureMode: 'share' });
    render(<SangongPage />);
    const detail = screen.getByRole('table', { name: /三公经费明细/ });
    // 3.20 ÷ 3.57, in the 2024 预算数 and 决算数 rows alike.
    const [share] = within(detail).getAllByRole('link', { name: /^89\.64%/ });
    if (!share) throw new Error('no 89.64% share');
    expect(within(share).getByLabelText('计算值')).toHaveTextContent('※');
    expect(share).toHaveAttribute(
      'title',
      expect.stringContaining(
        '公务用车运行维护费占比 = 公务用车运行维护费 ÷ 合计 × 100% = 3.20 ÷ 3.57',
      ),
    );
    // Line 380 prints 3.57 as the total of 3.20 and 0.38 (3.58), for the budget and the actual.
    const fig = screen.getByRole('figure', { name: /三公经费：各单位/ });
    for (const basis of ['预算数', '决算数'])
      expect(fig).toHaveTextContent(
        `山西省行政审批服务管理局 2024年${basis}：原文分项之和 3.58 与原文合计 3.57 不等`,
      );
  });

  it('counts from the narrative: 接待 3 批次 21 人次, 保有量 3 辆', () => {
    loadRealData([IDS.province]);
    render(<SangongPage />);
    const t = screen.getByRole('table', { name: /相关数量/ });
    const row = rowOf(t, '山西省行政审批服务管理局');
    expect(row).toHaveTextContent('3 辆');
    expect(row).toHaveTextContent('21 人次');
  });

  it('says which units are shown when none is selected', () => {
    loadRealData();
    render(<SangongPage />);
    expect(screen.getByRole('note', { name: '对比说明' })).toHaveTextContent(
      '未选择对比单位，显示全部 5 个文件',
    );
  });

  it('empty manifest: a clear message, no crash', () => {
    useAppStore.setState({
      status: 'ready',
      manifest: { schemaVersion: 1, bundles: [] },
    });
    render(<SangongPage />);
    expect(screen.getByRole('status')).toHaveTextContent('没有可对比的文件');
  });

  it('loading and failed bundles are said in words', () => {
    loadRealData([IDS.province, IDS.center]);
    const { [IDS.center]: _gone, ...rest } = useAppStore.getState().bundles;
    void _gone;
    useAppStore.setState({
      bundles: rest,
      loadErrors: { [IDS.center]: { message: '文件缺失', issues: [] } },
    });
    render(<SangongPage />);
    expect(screen.getByRole('list', { name: '未能显示的文件' })).toHaveTextContent(
      '大同市政务服务中心 2024年单位决算：加载失败——文件缺失',
    );
    expect(rowOf(chartTable(), '山西省行政审批服务管理局', '2024年决算数')).toBeInTheDocument();
  });

  it('opens on the whole comparison: the chart waits for every compared file, later ones join as they load', () => {
    loadRealData();
    const {
      [IDS.center]: center,
      [IDS.district]: _district,
      ...rest
    } = useAppStore.getState().bundles;
    void _district;
    if (!center) throw new Error('center bundle');
    useAppStore.setState({ bundles: rest, selectedIds: [IDS.province, IDS.center] });
    render(<SangongPage />);
    // One of the two still loading: no chart with half the units, a count instead.
    expect(screen.getByRole('status')).toHaveTextContent('正在加载所选的 2 份文件（还有 1 份）');
    expect(screen.queryByRole('figure')).toBeNull();

    act(() => useAppStore.setState({ bundles: { ...rest, [IDS.center]: center } }));
    expect(rowOf(chartTable(), '山西省行政审批服务管理局', '2024年决算数')).toBeInTheDocument();
    expect(rowOf(chartTable(), '大同市政务服务中心', '2024年决算数')).toBeInTheDocument();

    // A unit added once the chart is up: the chart stays, the newcomer is said to be loading.
    act(() => useAppStore.setState({ selectedIds: [IDS.province, IDS.center, IDS.district] }));
    expect(rowOf(chartTable(), '山西省行政审批服务管理局', '2024年决算数')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: '未能显示的文件' })).toHaveTextContent(
      '朔州市朔城区行政审批服务管理局 2023年部门决算：正在加载…',
    );
  });

  it('before the manifest arrives: loading message', () => {
    render(<SangongPage />);
    expect(screen.getByRole('status')).toHaveTextContent('正在加载数据');
  });
});

describe('三公 chart hover text', () => {
  it('a bar’s <title>: unit, year and basis, each part with its share, the total', () => {
    const bar = find(dataOf(IDS.province).bars, 2024, '决算');
    // 公开09 2024 决算: 运行维护 3.20 and 接待 0.38 of 3.57 (the parts add up to 3.58 as printed);
    // its 出国 and 购置 cells are blank (line 380), the 情况说明 says 0万元 (lines 506, 508).
    expect(barTitle(bar, '万元').split('\n')).toEqual([
      '山西省行政审批服务管理局',
      '2024年决算数',
      '因公出国（境）费：0.00（0.00%），表中空白，据情况说明',
      '公务用车购置费：0.00（0.00%），表中空白，据情况说明',
      '公务用车运行维护费：3.20（89.64%）',
      '公务接待费：0.38（10.64%）',
      '合计：3.57 万元',
    ]);
    const none = find(
      dataOf(IDS.center).bars.filter((b) => !b.derived),
      2024,
      '决算',
    );
    expect(barTitle(none, '万元').split('\n')).toEqual([
      '大同市政务服务中心',
      '2024年决算数',
      '无“三公”经费',
    ]);
  });

  it('in 元 the figures are converted exactly, at the printed precision (3.20 万元 = 32,000 元)', () => {
    const bar = find(dataOf(IDS.province).bars, 2024, '决算');
    expect(barTitle(bar, '元')).toContain('公务用车运行维护费：32,000（89.64%）');
    expect(barTitle(bar, '元')).toContain('合计：35,700 元');
  });
});
