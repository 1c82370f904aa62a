// @vitest-environment jsdom
/**
 * 预算执行 with the five real documents. Figures typed from the source texts
 * (public/data/sources/*.txt), not read from the bundles.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExecutionPage } from '@/features/execution/execution-page';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { IDS, loadRealData, realManifest, withNationalNarrative } from './real-data';

afterEach(() => {
  cleanup();
  resetAppStore();
});

function classTable() {
  return screen.getByRole('table', { name: /年初预算、决算与执行率/ });
}
function projectTable() {
  return screen.getByRole('table', { name: /项目执行率/ });
}
function summaryTable() {
  return screen.getByRole('table', { name: /执行情况汇总/ });
}
/** The data row whose cells contain every text given. */
function rowWith(table: HTMLElement, ...texts: string[]): HTMLElement {
  const rows = within(table)
    .getAllByRole('row')
    .filter((r) => texts.every((t) => r.textContent?.includes(t)));
  expect(rows, `one row with ${texts.join(' + ')}`).toHaveLength(1);
  return rows[0] as HTMLElement;
}

describe('预算执行', () => {
  it('keeps its heading', () => {
    loadRealData();
    render(<ExecutionPage />);
    expect(screen.getByRole('heading', { level: 2, name: '预算执行' })).toBeInTheDocument();
  });

  it('province 一般公共预算: 年初预算 2,296.91 → 决算 42,238.46 at 1838.93%, traced to line 474', () => {
    loadRealData([IDS.province]);
    render(<ExecutionPage />);
    const row = within(rowWith(classTable(), '一般公共预算财政拨款支出（合计）'));
    const budget = row.getByRole('link', { name: '2,296.91' });
    expect(budget).toHaveAttribute(
      'href',
      expect.stringContaining(`#/source/${IDS.province}?line=474`),
    );
    expect(budget).toHaveAttribute(
      'title',
      expect.stringContaining('山西省行政审批服务管理局 2024年单位决算'),
    );
    expect(row.getByRole('link', { name: '42,238.46' })).toBeInTheDocument();
    // printed rate (link to the text) and the computed one agree; the computed one is marked
    // ※ 计算值 and names the two printed amounts it comes from, both on line 474.
    expect(row.getByRole('link', { name: '1,838.93%' })).toBeInTheDocument();
    const computed = row.getByRole('link', { name: /^1,838\.93%.*计算值$/ });
    expect(computed).toHaveAttribute(
      'title',
      expect.stringContaining('执行率 = 决算数 ÷ 年初预算数 × 100% = 42238.46 ÷ 2296.91 × 100%'),
    );
    expect(computed).toHaveAttribute('href', expect.stringContaining('line=474'));
    expect(row.getByText('一致')).toBeInTheDocument();
  });

  it('province 201 at 1980.00% and 教育支出 with 年初预算 0 shows "—", never Infinity', () => {
    loadRealData([IDS.province]);
    render(<ExecutionPage />);
    const general = within(rowWith(classTable(), '201 一般公共服务支出'));
    expect(general.getByRole('link', { name: '1,980.00%' })).toBeInTheDocument();
    const edu = rowWith(classTable(), '205 教育支出');
    expect(within(edu).getByRole('link', { name: '0.00' })).toBeInTheDocument();
    expect(within(edu).getByRole('link', { name: '34.00' })).toBeInTheDocument();
    expect(within(edu).getAllByText('—').length).toBeGreaterThanOrEqual(2);
    expect(edu).toHaveTextContent('预算为0，无执行率');
    expect(edu).not.toHaveTextContent(/Infinity|NaN/);
  });

  it('city 部门 109.76% and its 住房保障支出 91.70%', () => {
    loadRealData([IDS.cityDept]);
    render(<ExecutionPage />);
    const total = within(rowWith(classTable(), '一般公共预算财政拨款支出（合计）'));
    expect(total.getByRole('link', { name: '3,225.30' })).toBeInTheDocument();
    expect(total.getByRole('link', { name: '3,540.09' })).toBeInTheDocument();
    expect(total.getByRole('link', { name: '109.76%' })).toBeInTheDocument();
    const housing = within(rowWith(classTable(), '221 住房保障支出'));
    expect(housing.getByRole('link', { name: '91.70%' })).toBeInTheDocument();
    // 137.58 ÷ 150.03 (line 513), computed and marked.
    expect(housing.getByRole('link', { name: /^91\.70%.*计算值$/ })).toHaveAttribute(
      'title',
      expect.stringContaining('= 137.58 ÷ 150.03 × 100%'),
    );
  });

  it('project rows: 营商环境评估费 47.97% is picked out as below 80%, 专项培训 94.27% is not', () => {
    loadRealData([IDS.province]);
    render(<ExecutionPage />);
    const low = rowWith(projectTable(), '营商环境评估费');
    // 年初预算数 and 全年预算数 both 100.00
    expect(within(low).getAllByRole('link', { name: '100.00' })).toHaveLength(2);
    expect(within(low).getByRole('link', { name: '47.973' })).toBeInTheDocument(); // 全年执行数 as printed, line 574
    expect(within(low).getByRole('link', { name: '47.97%' })).toBeInTheDocument();
    expect(low).toHaveTextContent('▼ 低于80%');
    const ok = rowWith(projectTable(), '专项培训(会议)经费');
    expect(within(ok).getByRole('link', { name: '125.60' })).toBeInTheDocument();
    expect(within(ok).getByRole('link', { name: '94.27%' })).toBeInTheDocument();
    expect(ok).not.toHaveTextContent('低于80%');
  });

  it('a rounding-size difference is a hint: service center 78.28% vs 1.894 ÷ 2.42 = 78.26%', () => {
    loadRealData([IDS.center]);
    render(<ExecutionPage />);
    const tr = rowWith(projectTable(), 'J残疾人就业保障金');
    const row = within(tr);
    expect(row.getByRole('link', { name: '78.28%' })).toBeInTheDocument();
    // 全年执行数 as printed on line 587, three decimals, not rounded to 1.89.
    expect(row.getByRole('link', { name: '1.894' })).toBeInTheDocument();
    expect(row.getByText('78.26%')).toBeInTheDocument();
    // 2.42 may be 2.415…2.425, which gives 78.10–78.43%: not 不一致, not flagged red.
    expect(row.getByText('尾数差（提示）')).toBeInTheDocument();
    expect(row.queryByText(/不一致/)).toBeNull();
    expect(tr).not.toHaveClass('row-flag');
  });

  it('district: 预算支出进度 printed 82.26% vs 652.22 ÷ 791.96 = 82.36%', () => {
    loadRealData([IDS.district]);
    render(<ExecutionPage />);
    const row = within(rowWith(summaryTable(), '项目支出合计'));
    expect(row.getByRole('link', { name: '791.96' })).toBeInTheDocument();
    expect(row.getByRole('link', { name: '652.22' })).toBeInTheDocument();
    expect(row.getByRole('link', { name: '82.26%' })).toBeInTheDocument();
    expect(row.getByText('82.36%')).toBeInTheDocument();
    expect(row.getByText(/不一致/)).toBeInTheDocument();
  });

  it('sorts the project table by the computed rate', async () => {
    loadRealData([IDS.province]);
    render(<ExecutionPage />);
    const table = projectTable();
    const header = within(table).getByRole('button', { name: /执行率（计算，对全年预算）/ });
    const th = header.closest('th') as HTMLElement;
    const sortTo = async (dir: 'ascending' | 'descending') => {
      for (let i = 0; i < 3 && th.getAttribute('aria-sort') !== dir; i++)
        await userEvent.click(header);
      expect(th).toHaveAttribute('aria-sort', dir);
    };
    const sortedFirst = () => within(table).getAllByRole('row')[1] as HTMLElement;
    await sortTo('ascending');
    expect(sortedFirst()).toHaveTextContent('营商环境评估费'); // 47.97%, the lowest
    await sortTo('descending');
    expect(sortedFirst()).toHaveTextContent('专项培训(会议)经费'); // 94.27%, the highest
  });

  it('every rate column says its base; 年初预算 and 全年预算 rates never share a column', () => {
    loadRealData([IDS.province, IDS.cityDept, IDS.district]);
    render(<ExecutionPage />);
    const headers = (t: HTMLElement) =>
      within(t)
        .getAllByRole('columnheader')
        .map((h) => (h.textContent ?? '').replace(/\s*⇅$/, ''));
    // 1,838.93% is 42,238.46 ÷ 年初预算 2,296.91 (完成年初预算的1838.93%, line 474).
    expect(headers(classTable())).toEqual(
      expect.arrayContaining([
        '年初预算数',
        '执行率（原文，对年初预算）',
        '执行率（计算，对年初预算）',
      ]),
    );
    const sangong = screen.getByRole('table', { name: /“三公”经费：全年预算与决算/ });
    expect(headers(sangong)).toEqual(
      expect.arrayContaining([
        '全年预算数',
        '执行率（原文，对全年预算）',
        '执行率（计算，对全年预算）',
      ]),
    );
    expect(headers(projectTable())).toEqual(
      expect.arrayContaining(['执行率（原文，对全年预算）', '执行率（计算，对全年预算）']),
    );
    // The city 部门's 全年预算数 39,700,557.84 元 (line 668) and the district's 预算到位资金
    // 791.96 (line 1216): two bases, two tables.
    const full = screen.getByRole('table', { name: /执行情况汇总（执行率对全年预算/ });
    expect(headers(full)).toContain('全年预算数');
    expect(full).toHaveTextContent('39,700,557.84');
    expect(full).not.toHaveTextContent('791.96');
    const arrived = screen.getByRole('table', { name: /执行情况汇总（执行率对预算到位资金/ });
    expect(headers(arrived)).toContain('执行率（原文，对预算到位资金）');
    expect(arrived).toHaveTextContent('791.96');
    for (const t of screen.getAllByRole('table')) {
      for (const h of headers(t).filter((x) => x.startsWith('执行率'))) expect(h).toMatch(/对/);
    }
    // No document prints a 全年（调整）预算 per 类: the view says so rather than leaving it out silently.
    expect(screen.getByText(/未印各类科目的全年（调整）预算数/)).toBeInTheDocument();
  });

  it('the 2026 budget says it has no execution instead of an empty panel', () => {
    loadRealData([IDS.cityBudget]);
    render(<ExecutionPage />);
    expect(
      screen.getByText(/大同市行政审批服务管理局 2026年单位预算是预算文件.*没有决算（执行）数/),
    ).toBeInTheDocument();
    expect(screen.getByText(/所选单位都没有年初预算与决算的对比数据/)).toBeInTheDocument();
  });

  it('rates mode: one chart, every unit side by side, the huge rates labelled with their true value', async () => {
    loadRealData();
    useAppStore.setState({ measureMode: 'share' });
    render(<ExecutionPage />);
    const chart = screen.getByRole('figure', { name: '完成年初预算的比例（执行率，对年初预算）' });
    // What the rate is against, on the chart itself (legend) and in its data table.
    expect(chart).toHaveTextContent('执行率 = 决算 ÷ 年初预算（对年初预算）');
    // 大同市政务服务中心 is 市级, a service center: its caption and legend tag say both.
    expect(chart).toHaveTextContent('大同市政务服务中心（市级 · 服务中心·单位·2024年决算）');
    expect(chart).toHaveTextContent('市级服务中心2024：大同市政务服务中心');
    expect(within(chart).getAllByRole('columnheader')[1]).toHaveTextContent(
      '执行率（对年初预算；计算 / 原文）',
    );
    expect(chart).toHaveTextContent('横轴截至200%');
    const alt = within(chart).getByRole('table');
    const total = within(alt).getByRole('row', { name: /一般公共预算财政拨款支出（合计）/ });
    expect(total).toHaveTextContent('1,838.93% / 1,838.93%');
    expect(total).toHaveTextContent('109.76% / 109.76%');
    expect(total).toHaveTextContent('146.32% / 146.32%');
    expect(total).toHaveTextContent('82.36% / 82.36%');
    // scope notes beside the chart: the city 部门 contains the service center
    expect(within(chart).getByRole('note')).toHaveTextContent('已包含大同市政务服务中心');
    // the chart's summary names the overflowing rate
    expect(within(chart).getByRole('img')).toHaveAccessibleName(/1,838.93%，超出200%刻度/);
  });

  it('元 on request: 2,296.91 万元 shows as 22,969,100 (no decimals the text does not have)', () => {
    loadRealData([IDS.province]);
    useAppStore.setState({ displayUnit: '元' });
    render(<ExecutionPage />);
    const row = within(rowWith(classTable(), '一般公共预算财政拨款支出（合计）'));
    expect(row.getByRole('link', { name: '22,969,100' })).toBeInTheDocument();
    expect(row.getByRole('link', { name: '422,384,600' })).toBeInTheDocument();
  });

  it('三公: the part budgets 公开09 prints (province 公务接待费 0.38, 运行维护费 3.20; city 1.01)', () => {
    loadRealData([IDS.province, IDS.cityDept]);
    render(<ExecutionPage />);
    const table = screen.getByRole('table', { name: /“三公”经费：全年预算与决算/ });
    const reception = within(rowWith(table, '山西省', '公务接待费'));
    expect(reception.getAllByRole('link', { name: '0.38' })[0]).toHaveAttribute(
      'href',
      expect.stringContaining(`#/source/${IDS.province}?line=380`),
    );
    expect(reception.getByText('一致')).toBeInTheDocument();
    const running = within(rowWith(table, '山西省', '公务用车运行维护费'));
    expect(running.getAllByRole('link', { name: '3.20' })).toHaveLength(2);
    const city = within(rowWith(table, '大同市行政审批服务管理局[部门]', '公务用车运行维护费'));
    expect(city.getAllByRole('link', { name: '1.01' })).toHaveLength(2);
    expect(within(table).queryByText('原文未印预算数，无法核算')).toBeNull();
  });

  it('an empty manifest gives a clear message', () => {
    useAppStore.setState({ status: 'ready', manifest: { schemaVersion: 1, bundles: [] } });
    render(<ExecutionPage />);
    expect(screen.getByRole('status')).toHaveTextContent('没有可对比的文件');
  });

  it('a unit whose bundle failed to load shows its message; the others still show', () => {
    loadRealData([IDS.district, IDS.cityDept]);
    const rest = Object.fromEntries(
      Object.entries(useAppStore.getState().bundles).filter(([id]) => id !== IDS.district),
    );
    useAppStore.setState({
      bundles: rest,
      loadErrors: { [IDS.district]: { message: '文件 shuocheng.json 无法读取', issues: [] } },
    });
    render(<ExecutionPage />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('朔州市朔城区行政审批服务管理局 2023年部门决算：数据加载失败');
    expect(alert).toHaveTextContent('文件 shuocheng.json 无法读取');
    expect(within(classTable()).getByRole('link', { name: '109.76%' })).toBeInTheDocument();
  });

  it('while loading says so', () => {
    useAppStore.setState({ status: 'loading' });
    render(<ExecutionPage />);
    expect(screen.getByRole('status')).toHaveTextContent('正在加载数据');
    expect(realManifest().bundles).toHaveLength(5);
  });
});

describe('预算执行: a national 说明 stated 项 by 项', () => {
  function loadNational(file: string, first: number) {
    loadRealData([IDS.cityDept]);
    const bundle = withNationalNarrative(IDS.cityDept, file, first);
    useAppStore.setState((s) => ({ bundles: { ...s.bundles, [IDS.cityDept]: bundle } }));
  }

  it('lists each 项 under its printed 类/款/项 name, traced to its line, rates against 年初预算', () => {
    loadNational('putuo-planning-2024-final.narrative.txt', 394);
    render(<ExecutionPage />);
    const table = screen.getByRole('table', { name: /情况说明逐项列出.*执行率对年初预算/ });
    const row = within(
      rowWith(table, '城乡社区支出（类）城乡社区规划与管理（款）城乡社区规划与管理（项）'),
    );
    expect(row.getByRole('link', { name: '3,110.14' })).toHaveAttribute(
      'href',
      expect.stringContaining('line=471'),
    );
    expect(row.getByRole('link', { name: '2,739.56' })).toBeInTheDocument();
    expect(row.getByRole('link', { name: '88.08%' })).toBeInTheDocument();
    expect(row.getByText('一致')).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(14); // header + 13 项
    // The 类 table above keeps its title: no 项 in it.
    expect(within(classTable()).queryByText(/（项）/)).toBeNull();
  });

  it('a 说明 against 全年预算 gets its own table, its header naming that basis', () => {
    loadNational('putuo-social-work-2024-final.narrative.txt', 317);
    render(<ExecutionPage />);
    const table = screen.getByRole('table', { name: /情况说明逐项列出.*执行率对全年预算/ });
    expect(within(table).getByRole('columnheader', { name: /全年预算数/ })).toBeInTheDocument();
    const row = within(rowWith(table, '社会工作事务（款）事业运行（项）'));
    expect(row.getByRole('link', { name: '17.68' })).toHaveAttribute(
      'href',
      expect.stringContaining('line=352'),
    );
    // 11.31 ÷ 17.68: no rate printed, the computed one shown.
    expect(row.getByRole('link', { name: /^63\.97%.*计算值$/ })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /情况说明逐项列出.*执行率对年初预算/ })).toBeNull();
  });
});
