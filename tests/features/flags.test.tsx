// @vitest-environment jsdom
/**
 * 疑点 with the five real bundles: the list, its filters, the thresholds typed on the view, the
 * rules explained on screen, and the 总览 card's count. Figures are typed from the source texts.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FlagsPage } from '@/features/flags/flags-page';
import { OverviewPage } from '@/features/overview/overview-page';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { IDS, loadRealData } from './real-data';

afterEach(() => {
  cleanup();
  resetAppStore();
});

function flagTable(): HTMLElement {
  return screen.getByRole('table', { name: /^疑点清单：/ });
}

function flagRows(): string[] {
  return within(flagTable())
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.textContent ?? '');
}

describe('疑点', () => {
  it('lists every flag of the compared documents, most serious first', () => {
    loadRealData();
    render(<FlagsPage />);
    expect(screen.getByRole('heading', { level: 2, name: '疑点' })).toBeInTheDocument();
    expect(screen.getByText(/^显示 31 条，共 31 条/)).toBeInTheDocument();
    const rows = flagRows();
    expect(rows[0]).toContain('▲ 高');
    expect(rows.at(-1)).toContain('◆ 中');
    // The province's 公务接待费 0.20 → 0.38 (line 512), its prior year marked as derived.
    const reception = rows.find((r) => r.includes('公务接待费'));
    expect(reception).toContain('+0.18万元（+90.00%）');
    expect(reception).toContain('上年 0.20※');
  });

  it('offers 疑点一览 as CSV and Excel, not as a picture it cannot draw', () => {
    loadRealData();
    render(<FlagsPage />);
    const frame = screen.getByRole('figure', { name: '疑点一览' });
    const menu = within(frame).getByRole('group', { name: /^导出/ });
    expect(
      within(menu)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['导出 CSV', '导出 Excel']);
  });

  it('links each figure to its source line', () => {
    loadRealData();
    render(<FlagsPage />);
    const row = within(flagTable())
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('QT其他养人2') && r.textContent.includes('评级与执行'));
    if (!row) throw new Error('QT其他养人2 row');
    // 总分 90.42 (line 695), 全年预算数 4.09 and 全年执行数 1.4 (line 684).
    expect(within(row).getByRole('link', { name: '90.42' })).toHaveAttribute(
      'href',
      `#/source/${IDS.center}?line=695&q=90.42`,
    );
    expect(within(row).getByRole('link', { name: '1.40' })).toHaveAttribute(
      'href',
      `#/source/${IDS.center}?line=684&q=1.4`,
    );
  });

  it('filters by rule, unit and severity (kept in the store, so in the address)', async () => {
    loadRealData();
    render(<FlagsPage />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('规则'), '“三公”只减不增');
    expect(flagRows()).toHaveLength(3);
    expect(useAppStore.getState().flagRule).toBe('sangong');
    await user.selectOptions(screen.getByLabelText('规则'), '全部规则');
    await user.selectOptions(
      screen.getByLabelText('单位'),
      '朔州市朔城区行政审批服务管理局 2023年部门决算',
    );
    await user.selectOptions(screen.getByLabelText('严重程度'), '▲ 高');
    // The district's 公章刻制费: 2.38 of 20.00 (11.90%).
    expect(flagRows()).toHaveLength(1);
    expect(flagRows()[0]).toContain('公章刻制费');
    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    expect(flagRows()).toHaveLength(31);
    // The button is disabled now; keyboard focus is on the first filter, not lost to the page.
    expect(screen.getByRole('button', { name: '清除筛选' })).toBeDisabled();
    expect(document.activeElement).toBe(screen.getByLabelText('规则'));
  });

  it('takes a threshold typed on the view; an invalid one is named and changes nothing', async () => {
    loadRealData();
    render(<FlagsPage />);
    const user = userEvent.setup();
    const input = screen.getByLabelText('执行率低于');
    await user.clear(input);
    await user.type(input, '70{Enter}');
    expect(useAppStore.getState().flagThresholds).toEqual({ execution: '70' });
    // Below 70%: 47.97, 67.08, 34.23, 11.90, 63.06 ×2 (75.07, 78.26, 78.00 no longer).
    expect(
      screen.getByRole('heading', { level: 4, name: '执行率偏低' }).nextSibling,
    ).toHaveTextContent('6 条');
    await user.clear(input);
    await user.type(input, '150');
    await user.tab();
    expect(screen.getByRole('alert')).toHaveTextContent(
      '请输入 1–100 之间的数（最多两位小数），仍按 70% 筛查。',
    );
    expect(useAppStore.getState().flagThresholds).toEqual({ execution: '70' });
    await user.click(screen.getByRole('button', { name: '恢复默认阈值' }));
    expect(useAppStore.getState().flagThresholds).toEqual({});
    expect(screen.getByLabelText('执行率低于')).toHaveValue('80');
  });

  it('explains every rule in one sentence with its basis', () => {
    loadRealData();
    render(<FlagsPage />);
    for (const name of ['预算偏离', '执行率偏低', '评级与执行', '“三公”只减不增', '支出结构']) {
      const rule = screen.getByRole('heading', { level: 4, name }).closest('li');
      expect(rule).toHaveTextContent('依据：');
    }
    expect(screen.getByText(/预算调整率”超过30%即扣分/)).toBeInTheDocument();
  });

  it('says which rules could not be applied, and why', () => {
    loadRealData([IDS.cityBudget]);
    render(<FlagsPage />);
    expect(screen.getByText('按当前阈值，所选文件没有疑点。')).toBeInTheDocument();
    expect(screen.getByRole('note', { name: '未能核对的规则' })).toHaveTextContent(
      '大同市行政审批服务管理局 2026年单位预算：执行率偏低——预算文件只有计划数，没有执行数。',
    );
  });
});

describe('总览 card', () => {
  it('counts the document’s flags and links to them', () => {
    loadRealData();
    render(<OverviewPage />);
    const card = screen.getByRole('article', { name: '大同市政务服务中心' });
    expect(within(card).getByRole('link', { name: '疑点 8 条' })).toHaveAttribute(
      'href',
      `#/flags?unit=${IDS.center}&rule=all&sev=all`,
    );
    const budget = screen.getByRole('article', { name: '大同市行政审批服务管理局' });
    expect(within(budget).getByRole('link', { name: '疑点 0 条' })).toBeInTheDocument();
  });
});
