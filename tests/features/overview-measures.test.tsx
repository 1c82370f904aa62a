// @vitest-environment jsdom
/**
 * The measures on each overview card, with the real bundles. Expected figures typed in from the
 * source texts; computed shares worked out by hand (half-up, 2 places).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { OverviewPage } from '@/features/overview/overview-page';
import { overviewMeasures } from '@/features/overview/overview-data';
import { resetAppStore } from '@/store/app-store';
import { IDS, loadRealData, realBundle } from './real-data';

afterEach(() => {
  cleanup();
  resetAppStore();
});

describe('overview card measures', () => {
  it('province: shares, execution, 三公, 机关运行经费, procurement, vehicles, projects', () => {
    loadRealData();
    render(<OverviewPage />);
    const card = within(screen.getByRole('article', { name: '山西省行政审批服务管理局' }));
    const m = card.getByRole('group', { name: '主要指标' });
    // The text prints these shares: "基本支出846.28万元，占比2.00%" (line 440), "项目支出
    // 41,393.83万元，占比98.00%" (line 442); shown as printed, no ※.
    expect(m).toHaveTextContent('基本 846.28（2.00%）／项目 41,393.83（98.00%）');
    // It prints none for 人员/公用 (lines 488, 490): computed, ※. 711.62 ÷ 845.59 = 84.16%,
    // 133.97 ÷ 845.59 = 15.84% (公开05 基本支出 845.59).
    expect(m).toHaveTextContent('人员 711.62（84.16%※）／公用 133.97（15.84%※）');
    // The rate is against 年初预算, as the text says (完成年初预算的1838.93%, line 474).
    expect(m).toHaveTextContent(
      '一般公共预算执行率（对年初预算）年初预算 2,296.91 → 决算 42,238.46，完成年初预算的 1,838.93%',
    );
    expect(m).toHaveTextContent('“三公”经费（决算数）3.57');
    expect(m).toHaveTextContent('机关运行经费133.97');
    expect(m).toHaveTextContent('41,643.12，中小企业 755.47（1.81%）');
    expect(m).toHaveTextContent('车辆（辆）3');
    // Scores 39.8, 79.71, 98.33, 93.04, 94.43, 79.51: mean 80.80; 3 优, 2 中, 1 差.
    expect(m).toHaveTextContent('6 个项目，平均 80.80※ 分；优 3 · 良 0 · 中 2 · 差 1');
    // The mean is the dashboard's, marked 计算值, with the scores it averages.
    const average = within(m).getByRole('link', { name: /^80\.80/ });
    expect(within(average).getByLabelText('计算值')).toHaveTextContent('※');
    expect(average).toHaveAttribute(
      'title',
      expect.stringContaining('平均得分 = (39.8 + 79.71 + 98.33 + 93.04 + 94.43 + 79.51) ÷ 6'),
    );
  });

  it('district: execution from the narrative, no 三公, 12 projects', () => {
    loadRealData();
    render(<OverviewPage />);
    const card = within(screen.getByRole('article', { name: '朔州市朔城区行政审批服务管理局' }));
    const m = card.getByRole('group', { name: '主要指标' });
    expect(m).toHaveTextContent('年初预算 1,605.63 → 决算 1,322.38，完成年初预算的 82.36%');
    expect(m).toHaveTextContent('无“三公”经费（原文如此）');
    expect(m).toHaveTextContent('12 个项目');
  });

  it('district: a stated zero is a figure (共有车辆0辆, line 1100), not missing', () => {
    loadRealData();
    render(<OverviewPage />);
    const card = within(screen.getByRole('article', { name: '朔州市朔城区行政审批服务管理局' }));
    const m = within(card.getByRole('group', { name: '主要指标' }));
    // 公开10 leaves 车辆数合计 blank (line 902); the text says 共有车辆0辆 (line 1100).
    const row = m.getByText('车辆（辆）').parentElement;
    if (row === null) throw new Error('no vehicle row');
    expect(row).toHaveTextContent('车辆（辆）0');
    expect(within(row).getByRole('link', { name: '0' })).toHaveAttribute(
      'href',
      `#/source/${IDS.district}?line=1100&q=0`,
    );
  });

  it('city 部门: department-wide self-evaluation; budget 2026: no execution, targets', () => {
    loadRealData();
    render(<OverviewPage />);
    const dept = within(screen.getByRole('article', { name: '大同市行政审批服务管理局[部门]' }));
    expect(dept.getByRole('group', { name: '主要指标' })).toHaveTextContent(
      '部门整体自评 98.92 分（优）',
    );
    const budget = within(screen.getByRole('article', { name: '大同市行政审批服务管理局' }));
    const m = budget.getByRole('group', { name: '主要指标' });
    expect(m).toHaveTextContent('预算文件，无执行数');
    expect(m).toHaveTextContent('“三公”经费（预算数）无“三公”经费（原文如此）');
    expect(m).toHaveTextContent('6 个项目绩效目标');
    // Budget split as printed: "基本支出973.99万元，占62.25%；项目支出590.73万元，占37.75%" (line 406).
    expect(m).toHaveTextContent('基本 973.99（62.25%）／项目 590.73（37.75%）');
  });

  it('shows a printed share as printed, and marks a computed one 计算值 with its formula', () => {
    loadRealData();
    render(<OverviewPage />);
    expect(screen.getByText(/原文未印的带“※”，是本看板按原文金额算出的计算值/)).toBeVisible();
    const card = within(screen.getByRole('article', { name: '山西省行政审批服务管理局' }));
    const m = within(card.getByRole('group', { name: '主要指标' }));
    // "基本支出846.28万元，占比2.00%" (line 440): a printed figure, linked to its line.
    const basic = m.getByRole('link', { name: '2.00%' });
    expect(basic).toHaveAttribute('href', `#/source/${IDS.province}?line=440&q=2.00`);
    // 人员经费 711.62 (公开06, line 324) ÷ 财政拨款基本支出 845.59 (公开05): not printed.
    const personnel = m.getByRole('link', { name: /^84\.16%/ });
    expect(within(personnel).getByLabelText('计算值')).toHaveTextContent('※');
    expect(personnel).toHaveAttribute(
      'title',
      expect.stringMatching(
        /^计算值（本看板按原文数字计算）：人员经费占比 = 人员经费 ÷ 财政拨款基本支出.*711\.62 ÷ 845\.59/,
      ),
    );
  });

  it('links every measure to its source line', () => {
    loadRealData();
    render(<OverviewPage />);
    const card = within(screen.getByRole('article', { name: '山西省行政审批服务管理局' }));
    const link = within(card.getByRole('group', { name: '主要指标' })).getByRole('link', {
      name: '755.47',
    });
    expect(link).toHaveAttribute('href', `#/source/${IDS.province}?line=532&q=755.47`);
  });

  it('computes measures without rounding through floats', () => {
    const m = overviewMeasures(realBundle(IDS.center));
    expect(m.basicProject.a?.v).toBe('204.37');
    // 204.37 ÷ 1127.00 = 18.1340… → 18.13
    expect(m.basicProject.aShare?.v).toBe('18.13');
  });
});

describe('user-loaded documents on the overview', () => {
  it('are tagged 用户导入; the built-in ones are not', async () => {
    const { useAppStore } = await import('@/store/app-store');
    loadRealData();
    const manifest = useAppStore.getState().manifest;
    const center = manifest?.bundles.find((b) => b.id === IDS.center);
    if (!manifest || !center) throw new Error('no manifest');
    useAppStore.setState({ userEntries: [center] });
    render(<OverviewPage />);
    const tags = (name: string) =>
      within(within(screen.getByRole('article', { name })).getByRole('list', { name: '文件属性' }));
    expect(tags('大同市政务服务中心').getByText('用户导入')).toBeInTheDocument();
    expect(tags('山西省行政审批服务管理局').queryByText('用户导入')).toBeNull();
  });
});
