// @vitest-environment jsdom
/**
 * 明细表 with the five real bundles. Expected figures are typed from the source texts
 * (public/data/sources/*.txt), not read from the bundles.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TablesPage } from '@/features/tables/tables-page';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { parseHash } from '@/store/routes';
import { IDS, loadRealData, realManifest } from './real-data';

afterEach(() => {
  cleanup();
  resetAppStore();
});

const user = () => userEvent.setup();

/** A cell's text without the tree toggle's ▸ / ▾. */
function textOf(el: Element | undefined): string {
  return (el?.textContent ?? '').replace(/^[▸▾]\s*/, '').trim();
}

/** The table row whose first cell starts with `text` (a code, or a label). */
function rowOf(text: string, container: HTMLElement = document.body): HTMLElement {
  const cell = within(container)
    .getAllByRole('cell')
    .find((c) => textOf(c).startsWith(text));
  const row = cell?.closest('tr');
  if (!row) throw new Error(`no row starting with ${String(text)}`);
  return row;
}

function cellTexts(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole('cell')
    .map((c) => textOf(c));
}

async function chooseDocument(label: RegExp) {
  await user().selectOptions(
    screen.getByLabelText('文件'),
    screen.getByRole('option', { name: label }),
  );
}

async function openTable(id: string) {
  await user().click(screen.getByRole('tab', { name: new RegExp(`^${id}`) }));
}

describe('明细表', () => {
  it('defaults to the first compared document and lists all its tables with their titles', () => {
    loadRealData([IDS.province, IDS.district]);
    render(<TablesPage />);
    expect(screen.getByRole('heading', { level: 2, name: '明细表' })).toBeInTheDocument();
    expect(screen.getByLabelText('文件')).toHaveValue(IDS.province);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual([
      '公开01 收入支出决算总表',
      '公开02 收入决算表',
      '公开03 支出决算表',
      '公开04 财政拨款收入支出决算总表',
      '公开05 一般公共预算财政拨款支出决算表',
      '公开06 一般公共预算财政拨款基本支出决算明细表',
      '公开07 政府性基金预算财政拨款收入支出决算表',
      '公开08 国有资本经营预算财政拨款支出决算表',
      '公开09 财政拨款“三公”经费支出决算表',
      '公开10 部门决算公开相关信息统计表',
    ]);
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
  });

  it('province 公开03: caption with document, year, scope and unit; the 合计 row as printed on line 172', async () => {
    loadRealData();
    render(<TablesPage />);
    await chooseDocument(/山西省行政审批服务管理局 2024年单位决算/);
    await openTable('公开03');
    const table = screen.getByRole('table');
    const caption = table.querySelector('caption')?.textContent ?? '';
    expect(caption).toContain('公开03 支出决算表');
    expect(caption).toContain('山西省行政审批服务管理局 2024年单位决算');
    expect(caption).toContain('单位口径');
    expect(caption).toContain('单位：万元');

    const total = rowOf('合计');
    expect(cellTexts(total).slice(0, 4)).toEqual(['合计', '42,240.10', '846.28', '41,393.83']);
    // Empty cells (上缴上级支出 …) show a dash, never 0 or blank.
    expect(cellTexts(total).slice(4)).toEqual(['—', '—', '—']);
    const link = within(total).getByRole('link', { name: '42,240.10' });
    expect(link).toHaveAttribute(
      'href',
      '#/source/shanxi-province-bureau-2024-final?line=172&q=42240.10',
    );
    expect(link).toHaveAttribute(
      'title',
      '来源：山西省行政审批服务管理局 2024年单位决算，第 172 行（点击查看原文）',
    );
  });

  it('expands 201 to show 20103 and collapses it again (类→款→项 tree)', async () => {
    loadRealData([IDS.province]);
    render(<TablesPage />);
    await openTable('公开03');
    expect(screen.queryByText('政府办公厅（室）及相关机构事务')).not.toBeInTheDocument();
    const toggle = within(rowOf('201')).getByRole('button', { name: '展开' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user().click(toggle);
    const kuan = rowOf('20103');
    expect(cellTexts(kuan).slice(0, 4)).toEqual([
      '20103 政府办公厅（室）及相关机构事务',
      '42,016.76',
      '674.93',
      '41,341.83',
    ]);
    // 项 rows stay closed until their 款 is opened.
    expect(screen.queryByText('一般行政管理事务')).not.toBeInTheDocument();
    await user().click(within(kuan).getByRole('button', { name: '展开' }));
    expect(cellTexts(rowOf('2010302')).slice(0, 2)).toEqual([
      '2010302 一般行政管理事务',
      '2,294.09',
    ]);

    await user().click(within(rowOf('201')).getByRole('button', { name: '收起' }));
    expect(screen.queryByText('政府办公厅（室）及相关机构事务')).not.toBeInTheDocument();
  });

  it('全部展开 / 全部收起 apply to every row again and keep the sort', async () => {
    loadRealData([IDS.province]);
    render(<TablesPage />);
    await openTable('公开03');
    await user().click(screen.getByRole('button', { name: /^基本支出/ }));
    const sorted = () => screen.getByRole('columnheader', { name: /^基本支出/ });
    expect(sorted()).toHaveAttribute('aria-sort', 'ascending');
    await user().click(screen.getByRole('button', { name: '全部展开' }));
    expect(screen.getByText('政府办公厅（室）及相关机构事务')).toBeInTheDocument();
    // The user's own toggle on one row, then 全部展开 again: that row opens again.
    await user().click(within(rowOf('201')).getByRole('button', { name: '收起' }));
    expect(screen.queryByText('政府办公厅（室）及相关机构事务')).not.toBeInTheDocument();
    await user().click(screen.getByRole('button', { name: '全部展开' }));
    expect(screen.getByText('政府办公厅（室）及相关机构事务')).toBeInTheDocument();
    await user().click(screen.getByRole('button', { name: '全部收起' }));
    expect(screen.queryByText('政府办公厅（室）及相关机构事务')).not.toBeInTheDocument();
    // The sort the user chose stays through both.
    expect(sorted()).toHaveAttribute('aria-sort', 'ascending');
  });

  it('sorts a column; empty cells stay last both ways', async () => {
    loadRealData([IDS.province]);
    render(<TablesPage />);
    await openTable('公开03');
    const firstCells = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map((r) => textOf(within(r).getAllByRole('cell')[0]));
    expect(firstCells()).toEqual([
      '合计',
      '201 一般公共服务支出',
      '205 教育支出',
      '208 社会保障和就业支出',
      '210 卫生健康支出',
    ]);
    const sortBasic = screen.getByRole('button', { name: /^基本支出/ });
    await user().click(sortBasic);
    expect(screen.getByRole('columnheader', { name: /^基本支出/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    // 49.09 < 122.26 < 674.93 < 846.28; 205 has no 基本支出.
    expect(firstCells()).toEqual([
      '210 卫生健康支出',
      '208 社会保障和就业支出',
      '201 一般公共服务支出',
      '合计',
      '205 教育支出',
    ]);
    await user().click(sortBasic);
    expect(firstCells()).toEqual([
      '合计',
      '201 一般公共服务支出',
      '208 社会保障和就业支出',
      '210 卫生健康支出',
      '205 教育支出',
    ]);
  });

  it('公开06: the 经济分类 tree under 人员经费 / 公用经费, 30101 基本工资 159.30 (line 296)', async () => {
    loadRealData([IDS.province]);
    render(<TablesPage />);
    await openTable('公开06');
    // Collapsed: the two group totals only.
    expect(cellTexts(rowOf('人员经费合计'))).toEqual(['人员经费合计', '711.62']);
    expect(cellTexts(rowOf('公用经费合计'))).toEqual(['公用经费合计', '133.97']);
    await user().click(screen.getByRole('button', { name: '全部展开' }));
    const wage = rowOf('30101');
    expect(cellTexts(wage)).toEqual(['30101 基本工资', '159.30']);
    expect(within(wage).getByRole('link', { name: '159.30' })).toHaveAttribute(
      'href',
      '#/source/shanxi-province-bureau-2024-final?line=296&q=159.30&units=shanxi-province-bureau-2024-final',
    );
    // 301 sits under 人员经费, 302 under 公用经费, each followed by its own 款.
    const order = screen
      .getAllByRole('row')
      .map((r) => textOf(within(r).queryAllByRole('cell')[0]))
      .filter((t) => /^(人员经费合计|公用经费合计|301 |30101 |302 |30201 )/.test(t));
    expect(order).toEqual([
      '人员经费合计',
      '301 工资福利支出',
      '30101 基本工资',
      '公用经费合计',
      '302 商品和服务支出',
      '30201 办公费',
    ]);
    await user().click(screen.getByRole('button', { name: '全部收起' }));
    expect(screen.queryByText('基本工资')).not.toBeInTheDocument();
  });

  it('公开07 says 本表无数据（原文如此） as a fact, with its source line', async () => {
    loadRealData([IDS.province]);
    render(<TablesPage />);
    await openTable('公开07');
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent('本表无数据（原文如此）');
    expect(within(note).getByRole('link', { name: /原文第 \d+ 行/ })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('district 公开05: 2010303 机关服务 508.31', async () => {
    loadRealData([IDS.district]);
    render(<TablesPage />);
    await openTable('公开05');
    expect(screen.getByRole('table').querySelector('caption')).toHaveTextContent(
      '朔州市朔城区行政审批服务管理局 2023年部门决算（部门口径）',
    );
    await user().click(screen.getByRole('button', { name: '全部展开' }));
    expect(cellTexts(rowOf('2010303'))).toEqual(['2010303 机关服务', '508.31', '329.91', '178.41']);
  });

  it('budget 预算12: Z评审经费 35.40, and the 预算 tables 01–13', async () => {
    loadRealData([IDS.cityBudget]);
    render(<TablesPage />);
    expect(screen.getAllByRole('tab')).toHaveLength(13);
    await openTable('预算12');
    expect(cellTexts(rowOf('Z评审经费'))).toEqual([
      'Z评审经费',
      '35.40',
      '35.40',
      '—',
      '—',
      '—',
      '—',
    ]);
  });

  it('two-sided 公开01: separate 收入 and 支出 tables', async () => {
    loadRealData([IDS.province]);
    render(<TablesPage />);
    const [income, expense] = screen.getAllByRole('table');
    if (!income || !expense) throw new Error('two tables expected');
    expect(income.querySelector('caption')).toHaveTextContent('公开01 收入支出决算总表 — 收入');
    expect(expense.querySelector('caption')).toHaveTextContent('公开01 收入支出决算总表 — 支出');
    expect(cellTexts(rowOf('本年收入合计', income))).toEqual(['本年收入合计', '42,684.35']);
    expect(cellTexts(rowOf('本年支出合计', expense))).toEqual(['本年支出合计', '42,240.10']);
    expect(within(income).queryByText('本年支出合计')).not.toBeInTheDocument();
  });

  it('公开09 shows 预算数 and 决算数 side by side; 公开10 prints counts as counts', async () => {
    loadRealData([IDS.province]);
    render(<TablesPage />);
    await openTable('公开09');
    expect(cellTexts(rowOf('公务接待费'))).toEqual(['公务接待费', '0.38', '0.38']);
    expect(cellTexts(rowOf('因公出国'))).toEqual(['因公出国（境）费', '—', '—']);
    await openTable('公开10');
    expect(cellTexts(rowOf('(一) 车辆数合计'))).toEqual([
      '(一) 车辆数合计(辆)',
      '国有资产占用情况',
      '3',
    ]);
    expect(cellTexts(rowOf('服务'))).toEqual(['服务', '政府采购情况', '41,639.17']);
  });

  it('shows amounts in 元 when chosen, and says so in the caption', async () => {
    loadRealData([IDS.province]);
    useAppStore.setState({ displayUnit: '元' });
    render(<TablesPage />);
    await openTable('公开03');
    expect(screen.getByRole('table').querySelector('caption')).toHaveTextContent(
      '单位：元（原表为万元',
    );
    expect(cellTexts(rowOf('合计'))[1]).toBe('422,401,000');
  });

  it('lists the corrections of the document (province: "138,231" read as 138.231)', () => {
    loadRealData([IDS.province]);
    render(<TablesPage />);
    const notes = screen.getByRole('region', { name: /导入说明/ });
    expect(notes).toHaveTextContent('原文印为 “138,231”，采用 138.231');
    expect(notes).toHaveTextContent('原文印为 “27,769”，采用 27.769');
    expect(within(notes).getAllByRole('link', { name: '第 642 行' })[0]).toHaveAttribute(
      'href',
      '#/source/shanxi-province-bureau-2024-final?line=642&units=shanxi-province-bureau-2024-final',
    );
  });

  it('the table tabs work from the keyboard', async () => {
    loadRealData([IDS.province]);
    render(<TablesPage />);
    const u = user();
    await u.tab(); // the document select
    await u.tab(); // the selected tab
    expect(screen.getByRole('tab', { name: /^公开01/ })).toHaveFocus();
    await u.keyboard('{ArrowDown}');
    const second = screen.getByRole('tab', { name: /^公开02/ });
    expect(second).toHaveFocus();
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName(/公开02/);
    await u.keyboard('{End}');
    expect(screen.getByRole('tab', { name: /^公开10/ })).toHaveAttribute('aria-selected', 'true');
  });

  it('keeps the chosen table when switching to another document of the same kind', async () => {
    loadRealData([IDS.province, IDS.center]);
    render(<TablesPage />);
    await openTable('公开05');
    await chooseDocument(/大同市政务服务中心/);
    expect(screen.getByRole('tab', { name: /^公开05/ })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('table').querySelector('caption')).toHaveTextContent(
      '大同市政务服务中心 2024年单位决算',
    );
  });

  it('opens the document, table and unit an address names (#/tables?doc=…&table=…&money=yuan)', () => {
    loadRealData([IDS.province, IDS.center]);
    useAppStore
      .getState()
      .setRoute(parseHash(`#/tables?doc=${IDS.center}&table=%E5%85%AC%E5%BC%8003&money=yuan`));
    render(<TablesPage />);
    expect(screen.getByLabelText('文件')).toHaveDisplayValue(/大同市政务服务中心/);
    expect(screen.getByRole('tab', { name: /^公开03/ })).toHaveAttribute('aria-selected', 'true');
    const caption = screen.getByRole('table').querySelector('caption');
    expect(caption).toHaveTextContent('公开03 支出决算表');
    expect(caption).toHaveTextContent('大同市政务服务中心 2024年单位决算');
    expect(caption).toHaveTextContent('单位：元');
  });

  it('puts the chosen document and table in the store the address is written from', async () => {
    loadRealData([IDS.province, IDS.center]);
    render(<TablesPage />);
    await chooseDocument(/大同市政务服务中心/);
    await openTable('公开06');
    expect(useAppStore.getState()).toMatchObject({ tableDoc: IDS.center, tableId: '公开06' });
  });

  it('says so while loading, when a document failed, and when nothing is loaded yet', () => {
    const { unmount } = render(<TablesPage />);
    expect(screen.getByRole('status')).toHaveTextContent('正在加载数据');
    unmount();

    const manifest = realManifest();
    useAppStore.setState({ status: 'ready', manifest, selectedIds: [IDS.district] });
    const view = render(<TablesPage />);
    expect(screen.getByRole('status')).toHaveTextContent(
      '正在加载 朔州市朔城区行政审批服务管理局 2023年部门决算 的明细',
    );
    view.unmount();

    useAppStore.setState({
      loadErrors: { [IDS.district]: { message: '找不到文件 shuocheng.json', issues: [] } },
    });
    render(<TablesPage />);
    expect(screen.getByRole('alert')).toHaveTextContent('找不到文件 shuocheng.json');
  });

  it('names a standard table the document lacks instead of showing nothing', async () => {
    loadRealData([IDS.center]);
    const bundle = useAppStore.getState().bundles[IDS.center];
    if (!bundle) throw new Error('bundle');
    useAppStore.setState({
      bundles: {
        [IDS.center]: { ...bundle, tables: bundle.tables.filter((t) => t.id !== '公开08') },
      },
    });
    render(<TablesPage />);
    const missing = screen.getByRole('tab', { name: /^公开08/ });
    expect(missing).toHaveTextContent('未找到');
    await user().click(missing);
    expect(screen.getByRole('note')).toHaveTextContent('中没有找到表 公开08');
  });
});
