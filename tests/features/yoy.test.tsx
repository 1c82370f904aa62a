// @vitest-environment jsdom
/**
 * 同比变化 with the five real documents. Figures typed from the source texts
 * (public/data/sources/*.txt), not read from the bundles.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { YoyPage } from '@/features/yoy/yoy-page';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { IDS, loadRealData } from './real-data';

afterEach(() => {
  cleanup();
  resetAppStore();
});

function yoyTable() {
  return screen.getByRole('table', { name: /增减幅度（%，原文）/ });
}
/** The data row whose first cell is exactly `subject`. */
function subjectRow(subject: string): HTMLElement {
  const rows = within(yoyTable())
    .getAllByRole('row')
    .filter(
      (r) =>
        r
          .querySelector('td')
          ?.textContent?.replace(/（基准不同）$/, '')
          .trim() === subject,
    );
  expect(rows, subject).toHaveLength(1);
  return rows[0] as HTMLElement;
}

describe('同比变化', () => {
  it('keeps its heading', () => {
    loadRealData();
    render(<YoyPage />);
    expect(screen.getByRole('heading', { level: 2, name: '同比变化' })).toBeInTheDocument();
  });

  it('province 收入总计 增加 6,338.70 (增长 17.3%) with the derived prior 36,634.89※', () => {
    loadRealData([IDS.province]);
    render(<YoyPage />);
    const row = subjectRow('收入总计');
    const r = within(row);
    expect(r.getByRole('link', { name: '42,973.59' })).toBeInTheDocument();
    expect(r.getByText('增加')).toBeInTheDocument();
    expect(r.getByRole('link', { name: '6,338.70' })).toBeInTheDocument();
    expect(r.getByText('增长', { exact: false })).toBeInTheDocument();
    // the percent as printed: one decimal, not padded to 17.30
    expect(r.getByRole('link', { name: '17.3%' })).toBeInTheDocument();
    const prior = r.getByRole('link', { name: /36,634.89/ });
    expect(prior).toHaveTextContent('36,634.89※');
    expect(prior).toHaveAttribute('title', expect.stringContaining('推算值（非原文印出）'));
  });

  it('flags a printed percent its own figures do not give (computed in the table)', () => {
    loadRealData([IDS.province]);
    const bundle = useAppStore.getState().bundles[IDS.province];
    if (!bundle) throw new Error(IDS.province);
    // 收入总计 misprinted as 增长 17.4%: 6,338.70 ÷ 36,634.89 gives 17.30%.
    const yoy = bundle.narrative.yoy.map((st) =>
      st.key === 'incomeTotal' && st.pct ? { ...st, pct: { ...st.pct, v: '17.4' } } : st,
    );
    useAppStore.setState((st) => ({
      bundles: {
        ...st.bundles,
        [IDS.province]: { ...bundle, narrative: { ...bundle.narrative, yoy } },
      },
    }));
    render(<YoyPage />);
    const income = within(subjectRow('收入总计'));
    expect(income.getByRole('link', { name: '17.4%' })).toBeInTheDocument();
    expect(income.getByText(/⚠ 计算为17\.30%/)).toBeInTheDocument();
    expect(within(subjectRow('支出总计')).queryByText(/计算为/)).toBeNull();
  });

  it('province 三公 增加 0.27 (增长 8.18%) and its parts', () => {
    loadRealData([IDS.province]);
    render(<YoyPage />);
    const row = within(subjectRow('“三公”经费'));
    expect(row.getByRole('link', { name: '3.57' })).toBeInTheDocument();
    expect(row.getByRole('link', { name: '0.27' })).toBeInTheDocument();
    expect(row.getByRole('link', { name: '8.18%' })).toBeInTheDocument();
    expect(row.getByRole('link', { name: /3\.30/ })).toHaveTextContent('3.30※');
    expect(within(subjectRow('公务接待费')).getByRole('link', { name: '90%' })).toBeInTheDocument();
    expect(
      within(subjectRow('因公出国（境）费')).getByRole('link', { name: '与上年相同' }),
    ).toBeInTheDocument();
  });

  it('budget 2026: 减少 20.74 (下降 1.31%) against last year’s budget, said next to the figures', () => {
    loadRealData([IDS.cityBudget, IDS.cityDept]);
    render(<YoyPage />);
    const row = subjectRow('收入总计');
    // 本年 with the derived 上年 under it, 增减额, 增减幅度.
    const budgetCells = within(row).getAllByRole('cell').slice(1, 4);
    const [amounts, change, pct] = budgetCells as [HTMLElement, HTMLElement, HTMLElement];
    expect(amounts).toHaveTextContent(/^1,564\.72上年 1,585\.46※$/);
    expect(change).toHaveTextContent('减少 20.74');
    expect(pct).toHaveTextContent('下降 1.31%');
    expect(pct).toHaveTextContent('比上年');
    expect(row).toHaveTextContent('（基准不同）');
    expect(screen.getByRole('note', { name: '比较基准说明' })).toHaveTextContent(
      '大同市行政审批服务管理局 2026年单位预算：与上年预算比较',
    );
    // column groups name unit, year, scope and kind
    expect(
      within(yoyTable()).getByRole('columnheader', {
        name: '大同市行政审批服务管理局 2026年单位预算',
      }),
    ).toBeInTheDocument();
  });

  it('district: a direction the text omitted is shown as inferred', () => {
    loadRealData([IDS.district]);
    render(<YoyPage />);
    const row = within(subjectRow('201 一般公共服务支出'));
    expect(row.getByText('（增加）')).toHaveAttribute('title', expect.stringContaining('原文未写'));
    expect(row.getByRole('link', { name: '446.58' })).toBeInTheDocument();
    expect(row.getByRole('link', { name: '50.99%' })).toBeInTheDocument();
  });

  it('sorts subjects by one unit’s % change', async () => {
    loadRealData([IDS.province]);
    render(<YoyPage />);
    const header = within(yoyTable()).getByRole('button', { name: /增减幅度/ });
    const th = header.closest('th') as HTMLElement;
    const sortTo = async (dir: 'ascending' | 'descending') => {
      for (let i = 0; i < 3 && th.getAttribute('aria-sort') !== dir; i++)
        await userEvent.click(header);
      expect(th).toHaveAttribute('aria-sort', dir);
    };
    const first = () => within(yoyTable()).getAllByRole('row')[2] as HTMLElement;
    await sortTo('descending');
    expect(first()).toHaveTextContent('公务接待费'); // 增长 90%
    await sortTo('ascending');
    expect(first()).toHaveTextContent('205 教育支出'); // 下降 35.3%
  });

  it('rates mode: the % with the amount beside it, and a chart of % change with a text alternative', () => {
    loadRealData();
    useAppStore.setState({ measureMode: 'share' });
    render(<YoyPage />);
    const table = yoyTable();
    // A percent alone hides its size: 下降100% was 减少0.72 (service center 三公, line 512).
    expect(within(table).getAllByRole('columnheader', { name: /增减额/ })).toHaveLength(5);
    expect(within(table).getAllByRole('columnheader', { name: /增减幅度/ })).toHaveLength(5);
    expect(
      within(subjectRow('“三公”经费')).getByRole('link', { name: '0.72' }),
    ).toBeInTheDocument();
    const chart = screen.getByRole('figure', { name: '主要收支与上年相比的增减幅度' });
    const alt = within(within(chart).getByRole('table'));
    const income = alt.getByRole('row', { name: /^收入总计/ });
    expect(income).toHaveTextContent('42,973.59 / 36,634.89※ / 增加6,338.70 / 增长17.3%');
    expect(income).toHaveTextContent('1,564.72 / 1,585.46※ / 减少20.74 / 下降1.31%（比上年）');
    expect(within(chart).getByRole('note')).toHaveTextContent(/已包含.*大同市政务服务中心/);
  });

  it('元 on request: 6,338.70 万元 shows as 63,387,000', () => {
    loadRealData([IDS.province]);
    useAppStore.setState({ displayUnit: '元' });
    render(<YoyPage />);
    expect(
      within(subjectRow('收入总计')).getByRole('link', { name: '63,387,000' }),
    ).toBeInTheDocument();
  });

  it('an empty manifest gives a clear message', () => {
    useAppStore.setState({ status: 'ready', manifest: { schemaVersion: 1, bundles: [] } });
    render(<YoyPage />);
    expect(screen.getByRole('status')).toHaveTextContent('没有可对比的文件');
  });

  it('a unit whose bundle failed to load shows its message; the others still show', () => {
    loadRealData([IDS.province, IDS.center]);
    const rest = Object.fromEntries(
      Object.entries(useAppStore.getState().bundles).filter(([id]) => id !== IDS.center),
    );
    useAppStore.setState({
      bundles: rest,
      loadErrors: {
        [IDS.center]: { message: '文件校验失败：narrative.yoy[0].current', issues: [] },
      },
    });
    render(<YoyPage />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      '大同市政务服务中心 2024年单位决算：数据加载失败',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('narrative.yoy[0].current');
    expect(
      within(subjectRow('收入总计')).getByRole('link', { name: '6,338.70' }),
    ).toBeInTheDocument();
  });

  it('every selected unit failed: a message, not a blank panel', () => {
    loadRealData([IDS.center]);
    useAppStore.setState({
      bundles: {},
      loadErrors: { [IDS.center]: { message: '无法读取', issues: [] } },
    });
    render(<YoyPage />);
    expect(screen.getByText('所选单位都没有可显示的同比变化。')).toBeInTheDocument();
  });

  it('a change printed without its percent: at 0 in the chart, the caption saying so', () => {
    loadRealData([IDS.cityBudget]);
    // 上海市普陀区人民政府万里街道办事处 2025年部门预算 prints "2025年“三公”经费预算数为37.91万元，比2024年
    // 预算减少10万元" — an amount, no percent.
    const bundle = useAppStore.getState().bundles[IDS.cityBudget];
    if (!bundle) throw new Error('no bundle');
    const sangong = {
      key: 'sangong',
      label: '“三公”经费',
      section: 'sangong' as const,
      basis: '比2024年预算',
      current: { v: '37.91', line: 34 },
      direction: '减少' as const,
      directionPrinted: true,
      change: { v: '10', line: 34 },
      pctDirection: null,
      pct: null,
      prior: { v: '47.91', derived: { formula: '37.91 + 10', lines: [34] } },
    };
    useAppStore.setState((st) => ({
      bundles: {
        ...st.bundles,
        [IDS.cityBudget]: {
          ...bundle,
          narrative: { ...bundle.narrative, yoy: [...bundle.narrative.yoy, sangong] },
        },
      },
    }));
    render(<YoyPage />);
    const chart = screen.getByRole('figure', { name: '主要收支与上年相比的增减幅度' });
    expect(chart).toHaveTextContent('原文未印增减幅度的标在0处并注明“未印百分比”');
    const alt = within(within(chart).getByRole('table'));
    expect(alt.getByRole('row', { name: /^“三公”经费/ })).toHaveTextContent('减少10.00');
    expect(subjectRow('“三公”经费')).toHaveTextContent('37.91');
  });
});
