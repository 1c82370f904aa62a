// @vitest-environment jsdom
/**
 * 对比矩阵 with the five real documents. Figures typed from the source texts
 * (public/data/sources/*.txt), not read from the bundles.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MatrixPage } from '@/features/matrix/matrix-page';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { IDS, loadRealData } from './real-data';

afterEach(() => {
  cleanup();
  resetAppStore();
});

const matrix = () => screen.getByRole('table', { name: /每格：数字/ });
/** Body rows as [row header, cell texts…]. */
const bodyRows = () =>
  within(matrix())
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.children].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()));
const unitNames = () => bodyRows().map((r) => (r[0] ?? '').split(/(?:省级|市级|区县级)/)[0]);

describe('对比矩阵', () => {
  it('shows each document’s figure, rank and distance, and the median row first', () => {
    loadRealData();
    render(<MatrixPage />);
    expect(screen.getByRole('heading', { level: 3, name: '对比矩阵：规模与执行' })).toBeVisible();
    const rows = bodyRows();
    // Median row: 本年收入合计 of the five is 1,564.72 (the 2026 budget's); execution rate of the
    // four 决算 (1838.93, 146.32, 109.76, 82.36) is (109.76 + 146.32) ÷ 2 = 128.04%.
    expect(rows[0]?.[0]).toContain('中位数');
    expect(rows[0]?.[1]).toContain('1,564.72');
    expect(rows[0]?.[3]).toContain('128.04%');
    // Province: 1838.93% printed (line 474), the largest of four, 1,710.89 个百分点 above.
    const province = rows.find((r) => r[0]?.startsWith('山西省行政审批服务管理局'));
    expect(province?.[3]).toContain('1,838.93%');
    expect(province?.[3]).toContain('第 1/4');
    expect(province?.[3]).toContain('+1,710.89 个百分点');
    // The budget has no execution: "—" and why.
    const budget = rows.find((r) => r[0]?.includes('2026年'));
    expect(budget?.[3]).toBe('—预算文件，没有执行数');
  });

  it('links a printed figure to its source line', () => {
    loadRealData();
    render(<MatrixPage />);
    const link = screen.getByRole('link', { name: '1,838.93%' });
    expect(link.getAttribute('href')).toBe(`#/source/${IDS.province}?line=474&q=1838.93`);
  });

  it('marks scope, year and kind that differ, and the unit a 部门 already contains', () => {
    loadRealData();
    render(<MatrixPage />);
    const rows = bodyRows();
    const center = rows.find((r) => r[0]?.startsWith('大同市政务服务中心'));
    expect(center?.[0]).toContain('已含在大同市行政审批服务管理局[部门]的数字中，不可相加');
    const district = rows.find((r) => r[0]?.startsWith('朔州市'));
    // The district disclosed 2023 while most documents are 2024; it is a 部门 among 单位.
    expect(district?.[0]).toContain('≠2023年');
    expect(district?.[0]).toContain('≠部门');
  });

  it('sorts by a column through the address, the median row staying first', async () => {
    const user = userEvent.setup();
    loadRealData();
    render(<MatrixPage />);
    // Unsorted: the compared order (the manifest's).
    expect(unitNames()).toEqual([
      '中位数（所比文件的中间值，不是合计）',
      '大同市行政审批服务管理局',
      '大同市行政审批服务管理局[部门]',
      '大同市政务服务中心',
      '山西省行政审批服务管理局',
      '朔州市朔城区行政审批服务管理局',
    ]);
    await user.click(screen.getByRole('button', { name: /^一般公共预算执行率/ }));
    expect(useAppStore.getState().matrixSort).toBe('executionRate.desc');
    // 1838.93 > 146.32 > 109.76 > 82.36; the budget (no rate) last.
    expect(unitNames()).toEqual([
      '中位数（所比文件的中间值，不是合计）',
      '山西省行政审批服务管理局',
      '大同市政务服务中心',
      '大同市行政审批服务管理局[部门]',
      '朔州市朔城区行政审批服务管理局',
      '大同市行政审批服务管理局',
    ]);
    expect(screen.getByRole('columnheader', { name: /^一般公共预算执行率/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await user.click(screen.getByRole('button', { name: /^一般公共预算执行率/ }));
    expect(useAppStore.getState().matrixSort).toBe('executionRate.asc');
    expect(unitNames()[1]).toBe('朔州市朔城区行政审批服务管理局');
    expect(
      screen.getByRole('heading', {
        level: 3,
        name: '对比矩阵：规模与执行，按一般公共预算执行率从小到大',
      }),
    ).toBeVisible();
  });

  it('restores the group and sort from the store (the address)', () => {
    loadRealData();
    useAppStore.setState({ matrixGroup: 'perHead', matrixSort: 'runningPerVehicle.desc' });
    render(<MatrixPage />);
    expect(
      screen.getByRole('heading', {
        level: 3,
        name: /人均与车均，按车均公务用车运行维护费从大到小/,
      }),
    ).toBeVisible();
    // Per financed car: 3.20 ÷ 3 = 1.07 (province), 1.01 ÷ 1 (city 部门, 2 vehicles of which 1 is
    // financed by appropriations); the service center states 保有量共0辆.
    const rows = bodyRows();
    expect(rows[1]?.[0]).toMatch(/^山西省/);
    expect(rows[1]?.[4]).toContain('1.07');
    expect(rows[2]?.[4]).toContain('1.01');
    expect(rows[2]?.[4]).toContain('保有量 1 辆');
    // Only the service center states staffing (编制17名): 1127.00 ÷ 17 = 66.29万元 per person.
    const center = rows.find((r) => r[0]?.startsWith('大同市政务服务中心'));
    expect(center?.[1]).toContain('66.29');
    expect(center?.[1]).toContain('按编制 17 人');
    const province = rows.find((r) => r[0]?.startsWith('山西省'));
    expect(province?.[1]).toBe('—原文未载明编制或在职人数');
  });

  it('switches the measure group and clears the sort', async () => {
    const user = userEvent.setup();
    loadRealData();
    useAppStore.setState({ matrixSort: 'expense.desc' });
    render(<MatrixPage />);
    await user.click(screen.getByRole('radio', { name: '“三公”经费' }));
    expect(useAppStore.getState()).toMatchObject({ matrixGroup: 'sangong', matrixSort: null });
    const rows = bodyRows();
    const row = (name: RegExp) => rows.find((r) => name.test(r[0] ?? ''));
    // 三公 决算数: province 3.57 (the largest), city 部门 1.01; median 0 of five.
    expect(row(/^山西省/)?.[1]).toContain('3.57');
    expect(row(/^山西省/)?.[1]).toContain('第 1/5');
    expect(row(/^大同市行政审批服务管理局\[部门\]/)?.[1]).toContain('1.01');
    // The 2026 budget states "本单位无“三公”经费预算" (line 439): 无, not a blank.
    expect(row(/2026年/)?.[1]).toMatch(/^无第 3\/5/);
    expect(rows[0]?.[1]).toContain('0.00');
  });

  it('says the colours only show the distance, with the rule for each band', () => {
    loadRealData();
    render(<MatrixPage />);
    const legend = screen.getByLabelText('颜色说明');
    expect(legend.textContent).toContain('远高于中位数高 50% 以上；占比、比率高 20 个百分点以上');
    expect(screen.getByText(/不表示好坏；数字始终印出/).textContent).toContain(
      '蓝低、橙高，色盲可辨',
    );
  });
});
