// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { SourcePage } from '@/features/sources/source-page';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { parseHash } from '@/store/routes';

/** Lines 112–114 of the province's final accounts (public/data/sources/), as printed. */
const SHANXI_112_114 = [
  '\t26\t\t二十六、抗疫特别国债安排的支出\t57\t',
  '本年收入合计\t27\t42684.35\t本年支出合计\t58\t42240.10',
  '使用非财政拨款结余（含专用结余）\t28\t\t结余分配\t59\t',
].join('\n');

/** Opens the viewer at an address, as the hash sync would. */
function openAt(hash: string) {
  const route = parseHash(hash);
  useAppStore.setState({ view: route.view, source: route.source });
  render(<SourcePage />);
}

afterEach(() => {
  cleanup();
  resetAppStore();
  delete window.__BUDGET_SOURCES__;
});

describe('原文 viewer', () => {
  it('shows the text with line numbers and highlights the target line', async () => {
    window.__BUDGET_SOURCES__ = {
      'doc-1': '\uFEFF第一行\n第二行\n本年收入合计\t27\t3540.62\n第四行',
    };
    useAppStore.setState({ view: 'source', source: { id: 'doc-1', line: 3 } });
    render(<SourcePage />);
    const region = await screen.findByRole('region', { name: '原文文本' });
    expect(region.children).toHaveLength(4);
    const target = region.querySelector('[aria-current="location"]');
    expect(target).toHaveTextContent('3本年收入合计');
    expect(target?.id).toBe('L3');
    expect(screen.getByText('定位到第 3 行')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← 返回总览' })).toHaveAttribute('href', '#/overview');
    // Arriving from a figure link (gone with its view), keyboard focus is on the line itself.
    expect(document.activeElement).toBe(target);
  });

  it('says so when the source text is missing', async () => {
    useAppStore.setState({ view: 'source', source: { id: 'doc-x', line: 1 } });
    // No script can load in jsdom: the host reports the failure.
    await useAppStore.getState().loadSource('doc-x', {
      host: { globals: {}, loadScript: () => Promise.reject(new Error('404')) },
    });
    render(<SourcePage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('找不到 doc-x 的原文文件');
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument();
  });

  it('a user’s bundle without its text: says so, and offers no 重试 that cannot help', () => {
    useAppStore.setState({
      view: 'source',
      source: { id: 'my-copy', line: 3 },
      sources: {
        'my-copy': {
          status: 'error',
          message:
            '“my-copy”是用户导入的数据文件（good.json），没有附带原文文本；数字所注的行号指其原文的行',
          final: true,
        },
      },
    });
    render(<SourcePage />);
    expect(screen.getByRole('alert')).toHaveTextContent('没有原文');
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
  });

  it('says so when the line is past the end', async () => {
    window.__BUDGET_SOURCES__ = { 'doc-1': 'a\nb' };
    useAppStore.setState({ view: 'source', source: { id: 'doc-1', line: 9 } });
    render(<SourcePage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('第 9 行不存在：本文共 2 行。');
  });

  it.each([
    ['0', '第 0 行不存在：本文共 3 行。'],
    ['-1', '第 -1 行不存在：本文共 3 行。'],
    ['abc', '第 abc 行不存在：本文共 3 行。'],
    ['9'.repeat(400), `第 ${'9'.repeat(12)}… 行不存在：本文共 3 行。`],
  ])('line=%s names the line that does not exist, with the line count', async (line, message) => {
    window.__BUDGET_SOURCES__ = { 'doc-1': SHANXI_112_114 };
    openAt(`#/source/doc-1?line=${line}`);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(document.body).not.toHaveTextContent(/Infinity|NaN/);
    expect(screen.queryByText(/定位到/)).not.toBeInTheDocument();
    const region = screen.getByRole('region', { name: '原文文本' });
    expect(region.querySelector('[aria-current="location"]')).toBeNull();
  });

  it('marks the figure followed inside its line (q = its printed value)', async () => {
    window.__BUDGET_SOURCES__ = { 'doc-1': SHANXI_112_114 };
    openAt('#/source/doc-1?line=2&q=42240.10');
    const region = await screen.findByRole('region', { name: '原文文本' });
    const target = region.querySelector('[aria-current="location"]');
    const marks = target?.querySelectorAll('mark') ?? [];
    expect(marks).toHaveLength(1);
    expect(marks[0]).toHaveTextContent(/^42240\.10$/);
    expect(screen.getByText('定位到第 2 行，已标出 42240.10')).toBeInTheDocument();
    expect(region.querySelectorAll('mark')).toHaveLength(1);
  });

  it('marks every place a figure is printed when its line prints it more than once', async () => {
    // Line 380 of the province's final accounts: its 三公 row, 预算数 then 决算数 — the same
    // amounts twice (3.57 合计; 3.20 公务用车 and its 运行费 in each half).
    window.__BUDGET_SOURCES__ = {
      'doc-1': ['', '', '3.57\t\t3.20\t\t3.20\t0.38\t3.57\t\t3.20\t\t3.20\t0.38'].join('\n'),
    };
    openAt('#/source/doc-1?line=3&q=3.57');
    const region = await screen.findByRole('region', { name: '原文文本' });
    const marks = [...region.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['3.57', '3.57']);
    expect(
      screen.getByText('定位到第 3 行，本行有 2 处 3.57，均已标出（请按表头确认是哪一栏）'),
    ).toBeInTheDocument();
    cleanup();
    openAt('#/source/doc-1?line=3&q=0.38');
    expect(
      await screen.findByText('定位到第 3 行，本行有 2 处 0.38，均已标出（请按表头确认是哪一栏）'),
    ).toBeInTheDocument();
  });

  it('highlights the whole line when the figure is not found in it, and says so', async () => {
    window.__BUDGET_SOURCES__ = { 'doc-1': SHANXI_112_114 };
    openAt('#/source/doc-1?line=2&q=1.00');
    const region = await screen.findByRole('region', { name: '原文文本' });
    expect(region.querySelector('[aria-current="location"]')).toHaveTextContent('2本年收入合计');
    expect(region.querySelector('mark')).toBeNull();
    expect(screen.getByText('定位到第 2 行；该行中未找到“1.00”，已标出整行')).toBeInTheDocument();
  });

  it('shows a PDF text’s pages apart and the target’s page and line on that page', async () => {
    // Layout text as the PDF reader makes it: pages joined by "\n\f" (datong fixture, 万元).
    window.__BUDGET_SOURCES__ = {
      'doc-1': [
        '收入支出决算总表',
        '单位：万元',
        '\f本年收入合计      3,540.62    本年支出合计      3,540.42',
        '年初结转和结余      0.00',
        '\f“三公”经费支出决算表',
      ].join('\n'),
    };
    openAt('#/source/doc-1?line=4&q=0.00');
    const region = await screen.findByRole('region', { name: '原文文本' });
    expect(screen.getAllByRole('separator').map((s) => s.textContent)).toEqual([
      '— 第 1 页 —',
      '— 第 2 页 —',
      '— 第 3 页 —',
    ]);
    expect(
      screen.getByText('定位到第 2 页第 2 行（全文第 4 行），已标出 0.00'),
    ).toBeInTheDocument();
    // The form feed is not printed; the global line number stays the anchor.
    const third = region.querySelector('#L3');
    expect(third?.textContent).toBe('3本年收入合计      3,540.62    本年支出合计      3,540.42');
    // Each run starts at its column: 3,540.62 after 本年收入合计 (6 characters) and 6 spaces,
    // drawn 12 columns wide whatever the Chinese characters' width on screen.
    const runs = [...(third?.querySelectorAll<HTMLElement>('.lt-run') ?? [])];
    expect(runs.map((r) => [r.textContent?.trim(), r.style.left])).toEqual([
      ['本年收入合计', '0ch'],
      ['3,540.62', '12ch'],
      ['本年支出合计', '24ch'],
      ['3,540.42', '36ch'],
    ]);
    expect(region.querySelector('[aria-current="location"]')?.id).toBe('L4');
    expect(region.querySelector('mark')).toHaveTextContent(/^0\.00$/);
  });

  it('keeps a text without page breaks as it was: no separators, lines only', async () => {
    window.__BUDGET_SOURCES__ = { 'doc-1': SHANXI_112_114 };
    openAt('#/source/doc-1?line=2');
    await screen.findByRole('region', { name: '原文文本' });
    expect(screen.queryByRole('separator')).not.toBeInTheDocument();
    expect(screen.getByText('定位到第 2 行')).toBeInTheDocument();
  });

  it('返回 goes back in the history to the view it was opened from', async () => {
    window.__BUDGET_SOURCES__ = { 'doc-1': SHANXI_112_114 };
    useAppStore.setState({
      sourceReturn: {
        hash: '#/execution?units=a',
        link: '#/source/doc-1?line=2&q=42240.10&units=a',
        scrollY: 800,
        viaHistory: true,
      },
    });
    const back = vi.spyOn(window.history, 'back').mockImplementation(() => {});
    openAt('#/source/doc-1?line=2&q=42240.10&units=a');
    const link = screen.getByRole('link', { name: '← 返回' });
    expect(link).toHaveAttribute('href', '#/execution?units=a');
    fireEvent.click(link);
    expect(back).toHaveBeenCalledTimes(1);
    back.mockRestore();
  });
});
