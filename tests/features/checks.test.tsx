// @vitest-environment jsdom
/**
 * 数据校验 with the five real bundles. The errors are the documents' own mistakes, checked by hand
 * against the source texts: the district prints 82.26% where 652.22 ÷ 791.96 = 82.36% (lines
 * 1216–1218); the service center prints 78.28% where 1.894 ÷ 2.42 = 78.26% (line 587).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChecksPage } from '@/features/checks/checks-page';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { IDS, loadRealData, realManifest } from './real-data';

afterEach(() => {
  cleanup();
  resetAppStore();
});

const DISTRICT = '朔州市朔城区行政审批服务管理局 2023年部门决算';
const CENTER = '大同市政务服务中心 2024年单位决算';
const PROVINCE = '山西省行政审批服务管理局 2024年单位决算';

function findingsTable(): HTMLElement {
  return screen.getByRole('table', { name: /^校验结果：/ });
}

/** Body rows of the findings table. */
function findingRows(): HTMLElement[] {
  return within(findingsTable()).getAllByRole('row').slice(1);
}

function countsRow(doc: string): string[] {
  const table = screen.getByRole('table', { name: /各文件校验结果数/ });
  const row = within(table).getByRole('rowheader', { name: doc }).closest('tr');
  if (!row) throw new Error(doc);
  return within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
}

describe('数据校验', () => {
  it('counts findings per document × severity (error / warning / info / total)', () => {
    loadRealData();
    render(<ChecksPage />);
    expect(screen.getByRole('heading', { level: 2, name: '数据校验' })).toBeInTheDocument();
    expect(countsRow(DISTRICT)).toEqual(['1', '1', '9', '11']);
    // 78.28 / 34.24 lie within the amounts' rounding: 提示, not 错误 / 警告.
    // Its 警告: the text's 职工基本医疗保险缴费 7.55 (line 494) is 7.54 in 公开06 (line 318);
    // J残疾人就业保障金 "全额执行" (line 599) at 78.28% (line 587).
    expect(countsRow(CENTER)).toEqual(['0', '2', '26', '28']);
    // Among its 9 警告: 专班's 实际完成情况 says "预算1.10万元" where its table has 110 (lines
    // 679, 676); the reasons listed for 财政拨款 +6,345.82 and 一般公共预算 +5,900.61 add up to
    // 6,337.74 and 5,893.49 (lines 446, 452).
    expect(countsRow(PROVINCE)).toEqual(['1', '9', '19', '29']);
    // Its 7th 提示: J残疾人就业保障金's 填报日期 20261204 (line 523) in the 2026 it sets targets for.
    expect(countsRow('大同市行政审批服务管理局 2026年单位预算')).toEqual(['0', '0', '7', '7']);
    // Its 警告: 实际在职人员总数 109 where 在编 92 + 其他 0 = 92 (lines 634, 636).
    expect(countsRow('大同市行政审批服务管理局[部门] 2024年部门决算')).toEqual([
      '0',
      '1',
      '27',
      '28',
    ]);
    // The same as the manifest's headline counts written by the ingest.
    for (const e of realManifest().bundles) {
      const { error, warning, info } = e.headline.findings;
      expect(
        countsRow(`${e.unit.name} ${e.fiscalYear}年${e.unit.scope}${e.kind}`).slice(0, 3),
      ).toEqual([error, warning, info].map(String));
    }
    expect(screen.getByRole('status')).toHaveTextContent('显示 103 条，共 103 条。');
  });

  it('explains severity in words and icons; 提示 is rounding within the documents’ tolerance', () => {
    loadRealData();
    render(<ChecksPage />);
    const legend = screen.getByLabelText('严重程度说明');
    expect(legend).toHaveTextContent('✖ 错误');
    expect(legend).toHaveTextContent('⚠ 警告');
    expect(legend).toHaveTextContent(
      'ℹ 提示尾数差在文件允许的误差范围内（每个相加项不超过 0.01），或差异可能合理，不算错误。',
    );
  });

  it('filters by severity: the errors are the district 82.26 vs 82.36 and the province 98.33', async () => {
    loadRealData();
    render(<ChecksPage />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('严重程度'), 'error');
    const rows = findingRows();
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(within(r).getAllByRole('cell')[0]).toHaveTextContent('✖ 错误');
    expect(screen.getByRole('status')).toHaveTextContent('显示 2 条，共 103 条。');
    expect(rows.some((r) => r.textContent?.includes('总分印为98.33'))).toBe(true);

    const district = rows.find((r) => r.textContent?.includes('82.26%'));
    if (!district) throw new Error('district finding');
    expect(district).toHaveTextContent(DISTRICT);
    expect(district).toHaveTextContent('652.22÷预算金额791.96=82.36%');
    const cells = within(district).getAllByRole('cell');
    expect(cells[4]).toHaveTextContent('82.26');
    expect(cells[5]).toHaveTextContent('82.36');

    // 1.894 ÷ 2.42 = 78.26%, printed 78.28%: 2.42 may be 2.415…2.425 (78.10–78.43%), a hint.
    expect(rows.some((r) => r.textContent?.includes('78.28%'))).toBe(false);
    await user.selectOptions(screen.getByLabelText('严重程度'), 'info');
    const center = findingRows().filter((r) => r.textContent?.includes('78.28%'));
    expect(center).toHaveLength(2);
    for (const r of center) {
      expect(within(r).getAllByRole('cell')[0]).toHaveTextContent('ℹ 提示');
      expect(r).toHaveTextContent(CENTER);
      expect(r).toHaveTextContent('1.894÷全年预算数2.42=78.26%');
    }
  });

  it('links every line of a finding into the source viewer', async () => {
    loadRealData();
    render(<ChecksPage />);
    await userEvent.setup().selectOptions(screen.getByLabelText('严重程度'), 'error');
    const district = findingRows().find((r) => r.textContent?.includes('82.26%'));
    if (!district) throw new Error('district finding');
    const links = within(district).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['第 1218 行', '#/source/shuocheng-district-dept-2023-final?line=1218'],
      ['第 1216 行', '#/source/shuocheng-district-dept-2023-final?line=1216'],
    ]);
    // 82.26% stands on line 1218: that line is marked as where the figure is printed.
    expect(within(district).getByText('（印出处）').closest('li')).toHaveTextContent('第 1218 行');
    const province = findingRows().find((r) => r.textContent?.includes('总分印为98.33'));
    expect(
      within(province as HTMLElement).getByRole('link', { name: '第 653 行' }),
    ).toHaveAttribute('href', '#/source/shanxi-province-bureau-2024-final?line=653');
  });

  it('reports 专班’s “预算1.10万元” (line 679, first) against its table’s 110万元 (line 676)', async () => {
    loadRealData();
    render(<ChecksPage />);
    const user = userEvent.setup();
    await user.selectOptions(
      screen.getByLabelText('单位'),
      screen.getByRole('option', { name: PROVINCE }),
    );
    await user.selectOptions(screen.getByLabelText('类型'), 'narrative');
    const row = findingRows().find((r) => r.textContent?.includes('预算1.10万元'));
    if (!row) throw new Error('专班 finding');
    expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('⚠ 警告');
    expect(row).toHaveTextContent('但资金表的全年预算数为110万元');
    expect(
      within(row)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual([
      '#/source/shanxi-province-bureau-2024-final?line=679',
      '#/source/shanxi-province-bureau-2024-final?line=676',
    ]);
  });

  it('filters by unit and by kind, and resets', async () => {
    loadRealData();
    render(<ChecksPage />);
    const user = userEvent.setup();
    await user.selectOptions(
      screen.getByLabelText('单位'),
      screen.getByRole('option', { name: DISTRICT }),
    );
    expect(findingRows()).toHaveLength(11);
    for (const r of findingRows()) expect(r).toHaveTextContent(DISTRICT);

    await user.selectOptions(screen.getByLabelText('类型'), 'percent');
    expect(findingRows()).toHaveLength(2);
    expect(findingRows()[0]).toHaveTextContent('✖ 错误');
    expect(findingRows()[1]).toHaveTextContent('“三公”经费完成全年预算的比例：分母为0');

    await user.selectOptions(screen.getByLabelText('严重程度'), 'warning');
    expect(screen.queryByRole('table', { name: /^校验结果：/ })).not.toBeInTheDocument();
    expect(screen.getByText('没有符合筛选条件的校验结果，请放宽筛选。')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    expect(findingRows()).toHaveLength(103);
    expect(document.activeElement?.tagName).toBe('SELECT');
  });

  it('a count in the summary filters the list to that document and severity', async () => {
    loadRealData();
    render(<ChecksPage />);
    await userEvent
      .setup()
      .click(screen.getByRole('button', { name: `${CENTER}：提示 26 条（点击筛选）` }));
    expect(screen.getByLabelText('单位')).toHaveValue(IDS.center);
    expect(screen.getByLabelText('严重程度')).toHaveValue('info');
    expect(findingRows()).toHaveLength(26);
  });

  it('lists the compared units only, most serious first', () => {
    loadRealData([IDS.province, IDS.cityBudget]);
    render(<ChecksPage />);
    expect(screen.getByRole('status')).toHaveTextContent('显示 36 条，共 36 条。');
    const first = findingRows()[0];
    expect(first).toHaveTextContent('✖ 错误');
    expect(first).toHaveTextContent('总分印为98.33');
    expect(within(screen.getByLabelText('单位')).getAllByRole('option')).toHaveLength(3);
  });

  it('says so while loading and when a bundle failed', () => {
    const first = render(<ChecksPage />);
    expect(screen.getByRole('status')).toHaveTextContent('正在加载数据');
    first.unmount();

    useAppStore.setState({
      status: 'ready',
      manifest: realManifest(),
      selectedIds: [IDS.district, IDS.center],
      loadErrors: { [IDS.district]: { message: '文件格式不对', issues: [] } },
    });
    render(<ChecksPage />);
    expect(countsRow(DISTRICT)).toEqual(['加载失败：文件格式不对']);
    expect(countsRow(CENTER)).toEqual(['加载中…']);
    expect(screen.getByText('所选文件的明细仍在加载中。')).toBeInTheDocument();
  });
});
