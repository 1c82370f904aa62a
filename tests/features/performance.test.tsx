// @vitest-environment jsdom
/**
 * 绩效评价 view with the five real documents. Expected figures are typed from the source texts
 * (public/data/sources/*.txt), not copied from the bundles.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  departmentBlock,
  findingProjectId,
  gradeMix,
  performanceForBundle,
  projectRows,
  scatterSeries,
  targetBlock,
  unplottedReason,
} from '@/features/performance/performance-data';
import type { ProjectRow } from '@/features/performance/performance-data';
import { PerformancePage } from '@/features/performance/performance-page';
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
const rowsOf = (id: string) => projectRows(entryOf(id), realBundle(id));
const project = (rows: ProjectRow[], name: string) => {
  const r = rows.find((x) => x.name === name);
  if (!r) throw new Error(name);
  return r;
};

describe('findingProjectId', () => {
  it.each([
    ['perf-total-p3-L653', 'p3'],
    ['perf-rate-p1-0-L587', 'p1'],
    ['perf-comma-p3-L642-1', 'p3'],
    ['perf-exec-score-p12-L9', 'p12'],
    ['perf-summary-rate-L1218', null],
    ['perf-dept-total-L706', null],
    ['narr-percent-x-L1', null],
  ])('%s → %s', (id, pid) => {
    expect(findingProjectId(id)).toBe(pid);
  });
});

describe('projectRows (real documents)', () => {
  // [document, project, score, grade, 全年预算数, 全年执行数, 执行率 shown, computed?]
  it.each([
    [IDS.province, '营商环境评估费', '39.8', '差', '100', '47.973', '47.97', false],
    [IDS.province, '专项培训(会议)经费', '94.43', '优', '125.6', '118.399', '94.27', false],
    [IDS.province, '政务信息化工作经费', '79.71', '中', '245.84', '164.901', '67.08', false],
    // "138,231" printed with a comma decimal: read as 138.231.
    [IDS.province, '行政运行及业务工作经费', '98.33', '优', '166', '138.231', '83.27', false],
    [IDS.center, 'J残疾人就业保障金', '89.83', '良', '2.42', '1.894', '78.28', false],
    // The district's list prints no rate: computed 120.00 ÷ 120.00, 2.38 ÷ 20.00.
    [IDS.district, '数字政府服务中心房租', '94.00', '优', '120.00', '120.00', '100.00', true],
    [IDS.district, '公章刻制费', '77.37', '中', '20.00', '2.38', '11.90', true],
    [IDS.district, '政务云服务费用', '87.61', '良', '130.00', '81.98', '63.06', true],
  ] as const)('%s %s', (id, name, score, grade, budget, executed, rate, computed) => {
    const r = project(rowsOf(id), name);
    expect(r.score?.v).toBe(score);
    expect(r.grade).toBe(grade);
    expect(r.budget?.v).toBe(budget);
    expect(r.executed?.v).toBe(executed);
    expect(r.rate).toBe(rate);
    expect(r.rateComputed).toBe(computed);
  });

  it.each([
    [IDS.province, 6],
    [IDS.center, 11],
    [IDS.district, 12],
    [IDS.cityDept, 0],
    [IDS.cityBudget, 0],
  ])('%s has %i projects', (id, n) => {
    expect(rowsOf(id)).toHaveLength(n);
  });

  it('province 行政运行及业务工作经费: printed 98.33 优 where its parts give 88.33', () => {
    const r = project(rowsOf(IDS.province), '行政运行及业务工作经费');
    const total = r.flags.find((f) => f.id.startsWith('perf-total-'));
    expect(total).toMatchObject({ printed: '98.33', expected: '88.33', severity: 'error' });
    expect(r.corrections.map((c) => [c.printed, c.value])).toEqual([
      ['138,231', '138.231'],
      ['27,769', '27.769'],
    ]);
    // Other projects carry no flags.
    expect(project(rowsOf(IDS.province), '营商环境评估费').flags).toEqual([]);
  });

  it('service center J残疾人就业保障金: printed rate 78.28% vs 78.26%, and "全额执行" at 78.28%', () => {
    const r = project(rowsOf(IDS.center), 'J残疾人就业保障金');
    expect(r.flags.map((f) => f.expected)).toEqual(['78.26', '78.26', '78.28']);
  });
});

describe('gradeMix', () => {
  it.each([
    // Counted from the project tables; the narratives state the same.
    [IDS.province, { 优: 3, 良: 0, 中: 2, 差: 1 }, 6],
    [IDS.center, { 优: 9, 良: 2, 中: 0, 差: 0 }, 11],
    [IDS.district, { 优: 9, 良: 2, 中: 1, 差: 0 }, 12],
  ] as const)('%s', (id, counts, graded) => {
    const m = gradeMix(entryOf(id), realBundle(id), rowsOf(id));
    expect(m.counts).toEqual(counts);
    expect(m.graded).toBe(graded);
  });

  it.each([
    ['优', '50.00'],
    ['中', '33.33'],
    ['差', '16.67'],
    ['良', '0.00'],
  ] as const)('province share of %s is %s%%', (g, pct) => {
    expect(
      gradeMix(entryOf(IDS.province), realBundle(IDS.province), rowsOf(IDS.province)).shares[g],
    ).toBe(pct);
  });

  it('no graded projects: shares do not exist', () => {
    const m = gradeMix(entryOf(IDS.cityDept), realBundle(IDS.cityDept), []);
    expect(m.shares).toEqual({ 优: null, 良: null, 中: null, 差: null });
    expect(m.statedProjects?.v).toBe('41');
  });
});

describe('scatterSeries', () => {
  it('one series per unit; every real project has a score and a rate', () => {
    const rows = [IDS.province, IDS.center, IDS.district].flatMap(rowsOf);
    const { series, unplotted } = scatterSeries(rows);
    expect(series.map((s) => s.points.length)).toEqual([6, 11, 12]);
    expect(unplotted).toEqual([]);
    expect(series[0]?.points[0]).toMatchObject({ x: 47.97, y: 39.8, name: '营商环境评估费' });
  });

  it('projects without a score or a rate are set apart with a reason', () => {
    const [a, b] = rowsOf(IDS.province);
    if (!a || !b) throw new Error('rows');
    const { unplotted } = scatterSeries([
      { ...a, score: null },
      { ...b, rate: null, printedRate: null, computedRate: null },
    ]);
    expect(unplotted.map(unplottedReason)).toEqual(['无得分', '无执行率（全年预算为0或未印出）']);
  });
});

describe('department and targets', () => {
  it('city 部门: department-wide self-evaluation in 元', () => {
    const d = departmentBlock(entryOf(IDS.cityDept), realBundle(IDS.cityDept));
    expect(d?.department.unit).toBe('元');
    expect(d?.department.totalScore?.v).toBe('98.92');
    expect(d?.department.grade?.v).toBe('优');
    expect(d?.department.bySource.total?.executionRate?.v).toBe('89.18');
    expect(d?.department.bySource.total?.fullYearBudget?.v).toBe('39700557.84');
  });

  it('2026 budget: 6 targets in 元', () => {
    const t = targetBlock(entryOf(IDS.cityBudget), realBundle(IDS.cityBudget));
    expect(t?.rows.map((r) => [r.target.name, r.annual?.v])).toEqual([
      ['J一枚印章管审批改革工作经费', '1147200'],
      ['J残疾人就业保障金', '112800'],
      ['2综合窗口服务费', '2164500'],
      ['Z政务服务能力提升经费', '500000'],
      ['Z评审经费', '354000'],
      ['Z持续优化营商环境经费', '1628800'],
    ]);
    expect(t?.summary?.amount?.v).toBe('590.73');
  });

  it('documents without either give null', () => {
    expect(departmentBlock(entryOf(IDS.province), realBundle(IDS.province))).toBeNull();
    expect(targetBlock(entryOf(IDS.province), realBundle(IDS.province))).toBeNull();
    expect(
      performanceForBundle(entryOf(IDS.district), realBundle(IDS.district)).summary?.findings,
    ).toHaveLength(1);
  });
});

/** The sortable project table. */
function projectTable() {
  return screen.getByRole('table', { name: /全部项目自评/ });
}
function rowOf(table: HTMLElement, ...texts: string[]) {
  const row = within(table)
    .getAllByRole('row')
    .find((r) => texts.every((t) => r.textContent?.includes(t)));
  if (!row) throw new Error(`no row with ${texts.join(' ')}`);
  return row;
}

describe('绩效评价 page', () => {
  it('keeps its heading', () => {
    loadRealData();
    render(<PerformancePage />);
    expect(screen.getByRole('heading', { level: 2, name: '绩效评价' })).toBeInTheDocument();
  });

  it('province: 6 projects with score, grade, amount and rate', () => {
    loadRealData([IDS.province]);
    render(<PerformancePage />);
    const t = projectTable();
    expect(within(t).getAllByRole('row')).toHaveLength(7);
    const low = rowOf(t, '营商环境评估费');
    expect(within(low).getByRole('link', { name: '39.8' })).toHaveAttribute(
      'title',
      expect.stringContaining('山西省行政审批服务管理局 2024年单位决算'),
    );
    expect(low).toHaveTextContent('差');
    expect(low).toHaveTextContent('100.00');
    expect(low).toHaveTextContent('47.97');
    expect(low).toHaveTextContent('47.97%');
    const training = rowOf(t, '专项培训(会议)经费');
    expect(training).toHaveTextContent('94.43');
    expect(training).toHaveTextContent('优');
    expect(training).toHaveTextContent('94.27%');
  });

  it('flags 98.33 vs 88.33 and the comma decimals beside the project', () => {
    loadRealData([IDS.province]);
    render(<PerformancePage />);
    const row = rowOf(projectTable(), '行政运行及业务工作经费');
    expect(row).toHaveTextContent('98.33');
    expect(row).toHaveTextContent('⚠ 不一致：项目“行政运行及业务工作经费”总分印为98.33');
    expect(row).toHaveTextContent('88.33');
    expect(row).toHaveTextContent('原文“138,231”按 138.231 读取');
    expect(row).toHaveClass('row-flag');
  });

  it('sorts by score on click (keyboard-reachable button)', async () => {
    loadRealData([IDS.province]);
    render(<PerformancePage />);
    const user = userEvent.setup();
    const t = projectTable();
    await user.click(within(t).getByRole('button', { name: /自评得分/ }));
    const names = () =>
      within(t)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[1]?.textContent);
    const first = names();
    expect([first[0], first[5]]).toContain('营商环境评估费');
    await user.click(within(t).getByRole('button', { name: /自评得分/ }));
    const second = names();
    expect(second[0] === '营商环境评估费' || second[5] === '营商环境评估费').toBe(true);
    expect(second).not.toEqual(first);
  });

  it('grade mix per unit (text alternative)', () => {
    loadRealData([IDS.province, IDS.center, IDS.district]);
    render(<PerformancePage />);
    const fig = screen.getByRole('figure', { name: '自评等级分布（各单位）' });
    const table = within(fig).getByRole('table');
    expect(rowOf(table, '山西省行政审批服务管理局').textContent).toContain(
      '3个（50.00%）0个（0.00%）2个（33.33%）1个（16.67%）6个',
    );
    expect(rowOf(table, '大同市政务服务中心')).toHaveTextContent(
      '9个（81.82%）2个（18.18%）0个（0.00%）0个（0.00%）11个',
    );
    expect(rowOf(table, '朔州市朔城区行政审批服务管理局（2023年·部门）')).toHaveTextContent(
      '9个（75.00%）2个（16.67%）1个（8.33%）0个（0.00%）12个',
    );
  });

  it('district: 12 projects, 数字政府服务中心房租 94.00 优, computed rates marked ※', () => {
    loadRealData([IDS.district]);
    render(<PerformancePage />);
    const t = projectTable();
    expect(within(t).getAllByRole('row')).toHaveLength(13);
    const row = rowOf(t, '数字政府服务中心房租');
    expect(row).toHaveTextContent('94.00');
    expect(row).toHaveTextContent('优');
    expect(within(row).getByLabelText('计算值')).toHaveTextContent('※');
    expect(row).toHaveTextContent('100.00%');
    // 公章刻制费 prints no rate: 2.38 ÷ 20.00, computed, with both amounts' line.
    const seal = within(rowOf(t, '公章刻制费')).getByRole('link', { name: /^11\.90%/ });
    expect(seal.getAttribute('title')).toMatch(
      /全年执行数 ÷ 全年预算数 × 100% = 2\.38 ÷ 20(\.00)? × 100%/,
    );
    // The summary's stated rate is flagged where it is shown.
    expect(screen.getByText(/项目支出总体执行进度印为82.26%/)).toBeInTheDocument();
  });

  it('score against rate: one series per unit, text alternative', () => {
    loadRealData([IDS.province, IDS.district]);
    render(<PerformancePage />);
    const fig = screen.getByRole('figure', { name: '自评得分与执行率' });
    const table = within(fig).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 6 + 12);
    expect(rowOf(table, '营商环境评估费')).toHaveTextContent('47.97%39.8差');
    expect(rowOf(table, '公章刻制费')).toHaveTextContent('11.90% ※77.37中');
  });

  it('city 部门: department-wide 98.92 优 with amounts in 元 as printed', () => {
    loadRealData([IDS.cityDept]);
    useAppStore.setState({ displayUnit: '万元' });
    render(<PerformancePage />);
    const panel = screen.getByRole('article', { name: /部门整体支出绩效自评/ });
    const p = within(panel);
    expect(p.getByRole('link', { name: '98.92' })).toHaveAttribute(
      'title',
      expect.stringContaining('第 706 行'),
    );
    expect(panel).toHaveTextContent('优');
    expect(p.getAllByRole('link', { name: '8.92' }).length).toBeGreaterThan(0);
    expect(p.getAllByRole('link', { name: '89.18%' }).length).toBeGreaterThan(0);
    const funds = p.getByRole('table', { name: /资金执行（单位：元/ });
    const total = rowOf(funds, '按资金来源', '合计');
    // Printed in 元 as 30,181,059.5 (line 668): its own decimals, no padding.
    expect(total).toHaveTextContent(/30,181,059\.5(?!0)/);
    expect(total).toHaveTextContent('39,700,557.84');
    expect(total).toHaveTextContent('35,403,227.04');
    const ind = p.getByRole('table', { name: /部门整体绩效指标/ });
    expect(rowOf(ind, '下乡扶贫天数')).toHaveTextContent('≥240天');
    // 社会公众满意度 >90% (年度指标) and >95% (实际完成值), both printed on line 699.
    const satisfaction = within(rowOf(ind, '社会公众满意度'));
    for (const text of ['>90%', '>95%'])
      expect(satisfaction.getByRole('link', { name: text })).toHaveAttribute(
        'href',
        expect.stringContaining(`#/source/${IDS.cityDept}?line=699&q=${encodeURIComponent(text)}`),
      );
    // No project tables in this document: said so, with the stated count.
    expect(screen.getByRole('list', { name: '没有项目自评表的文件' })).toHaveTextContent(
      '未附项目支出绩效自评表；情况说明称涉及二级项目 41 个',
    );
  });

  it('a department-wide evaluation printed in 万元 stays in 万元, and its caption says so', () => {
    loadRealData([IDS.cityDept]);
    // The city 部门's 合计 row (line 668) as a document printing the table in 万元 would.
    const state = useAppStore.getState();
    const b = state.bundles[IDS.cityDept];
    const d = b?.performance.department;
    if (b === undefined || d === null || d === undefined) throw new Error('no department');
    const total = d.bySource.total;
    if (total === null) throw new Error('no total');
    useAppStore.setState({
      displayUnit: '元',
      bundles: {
        ...state.bundles,
        [IDS.cityDept]: {
          ...b,
          performance: {
            ...b.performance,
            department: {
              ...d,
              unit: '万元',
              bySource: {
                ...d.bySource,
                total: {
                  ...total,
                  fullYearBudget: { v: '3970.06', line: 668 },
                  executed: { v: '3540.32', line: 668 },
                },
              },
            },
          },
        },
      },
    });
    render(<PerformancePage />);
    const panel = screen.getByRole('article', { name: /部门整体支出绩效自评/ });
    const funds = within(panel).getByRole('table', { name: /资金执行（单位：万元/ });
    const row = rowOf(funds, '按资金来源', '合计');
    expect(row).toHaveTextContent('3,970.06');
    expect(row).toHaveTextContent('3,540.32');
    expect(row).not.toHaveTextContent('39,700,600');
  });

  it('the district’s project summary names the unit of its amounts', () => {
    loadRealData([IDS.district]);
    useAppStore.setState({ displayUnit: '元' });
    render(<PerformancePage />);
    // 预算到位资金791.96万元，支出金额652.22万元 (情况说明), shown in 元.
    expect(
      screen.getByText((_, el) => el?.tagName === 'P' && /预算到位资金/.test(el.textContent ?? '')),
    ).toHaveTextContent('预算到位资金 7,919,600元，支出金额 6,522,200元');
  });

  it('2026 budget: 6 projects’ targets (not scores), 元 as printed', () => {
    loadRealData([IDS.cityBudget]);
    render(<PerformancePage />);
    const panel = screen.getByRole('article', { name: /项目支出绩效目标/ });
    expect(panel).toHaveTextContent('不是评价得分');
    const t = within(panel).getByRole('table', { name: /项目支出绩效目标表/ });
    expect(within(t).getAllByRole('row')).toHaveLength(7);
    expect(rowOf(t, 'J一枚印章管审批改革工作经费')).toHaveTextContent(/1,147,200(?!\.)/);
    expect(panel).toHaveTextContent('590.73');
    // Its 预算数 target 114.72万元, 年度 and 实施期 alike, printed on line 485.
    const targets = within(panel).getAllByRole('link', { name: '114.72万元' });
    expect(targets).toHaveLength(2);
    for (const link of targets)
      expect(link.getAttribute('href')).toMatch(
        new RegExp(`^#/source/${IDS.cityBudget}\\?line=485&`),
      );
    expect(screen.queryByRole('table', { name: /全部项目自评/ })).not.toBeInTheDocument();
    expect(screen.getByRole('list', { name: '没有项目自评表的文件' })).toHaveTextContent(
      '预算文件没有自评得分，只有绩效目标',
    );
  });

  it('元 display multiplies 万元 project amounts exactly', () => {
    loadRealData([IDS.province]);
    useAppStore.setState({ displayUnit: '元' });
    render(<PerformancePage />);
    expect(rowOf(projectTable(), '营商环境评估费')).toHaveTextContent(/479,730(?!\.)/);
  });

  it('share mode: grade mix as percentages', () => {
    loadRealData([IDS.province]);
    useAppStore.setState({ measureMode: 'share' });
    render(<PerformancePage />);
    expect(screen.getByRole('figure', { name: '自评等级分布（各单位）' })).toHaveTextContent(
      '各等级占本单位已评项目的百分比',
    );
  });

  it('says which units are shown when none is selected', () => {
    loadRealData();
    render(<PerformancePage />);
    expect(screen.getByRole('note', { name: '对比说明' })).toHaveTextContent(
      '未选择对比单位，显示全部 5 个文件',
    );
  });

  it('empty manifest: a clear message, no crash', () => {
    useAppStore.setState({ status: 'ready', manifest: { schemaVersion: 1, bundles: [] } });
    render(<PerformancePage />);
    expect(screen.getByRole('status')).toHaveTextContent('没有可对比的文件');
  });

  it('manifest error: an error panel', () => {
    useAppStore.setState({
      status: 'error',
      manifestError: { message: '数据清单无法读取', issues: [] },
    });
    render(<PerformancePage />);
    expect(screen.getByRole('alert')).toHaveTextContent('数据清单无法读取');
  });
});
