// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PresenterPage } from '@/features/presenter/presenter-page';
import { SangongPage } from '@/features/sangong/sangong-page';
import { useAppStore, resetAppStore } from '@/store/app-store';
import { formatHash, parseHash } from '@/store/routes';
import type { ViewName } from '@/store/types';
import { IDS, loadRealData } from './real-data';

afterEach(() => {
  cleanup();
  resetAppStore();
  window.localStorage.clear();
});

/** Stand-in views: each renders two charts, so a slide must show only the one it names. */
function renderView(view: ViewName) {
  return (
    <section>
      <figure className="chart-frame" data-chart-title="A图">
        <h3>{view}·A图</h3>
      </figure>
      <figure className="chart-frame" data-chart-title="B图">
        <h3>{view}·B图</h3>
      </figure>
    </section>
  );
}

function deckOfTwo() {
  loadRealData([IDS.center]);
  useAppStore.setState({
    view: 'present',
    deck: [
      { view: 'execution', chart: 'A图', units: [IDS.province, IDS.district] },
      { view: 'sangong', chart: 'B图', units: [IDS.cityDept] },
    ],
    slide: 0,
  });
}

describe('演示 presenter mode', () => {
  it('says how to build a deck when it is empty', () => {
    render(<PresenterPage renderView={renderView} />);
    expect(screen.getByRole('heading', { level: 2, name: '演示' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('演示稿还是空的');
  });

  it('lists, reorders and removes slides', async () => {
    deckOfTwo();
    render(<PresenterPage renderView={renderView} />);
    const list = screen.getByRole('list', { name: '演示稿' });
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent(
      '第 1 页：预算执行 · A图 · 山西省行政审批服务管理局、朔州市朔城区行政审批服务管理局',
    );
    await userEvent.click(screen.getByRole('button', { name: '第 2 页上移' }));
    expect(useAppStore.getState().deck.map((s) => s.chart)).toEqual(['B图', 'A图']);
    await userEvent.click(screen.getByRole('button', { name: '删除第 1 页' }));
    expect(useAppStore.getState().deck.map((s) => s.chart)).toEqual(['A图']);
  });

  it('keeps keyboard focus on the deck list after moving or removing a slide', async () => {
    deckOfTwo();
    useAppStore.setState((s) => ({ deck: [...s.deck, { view: 'yoy', chart: 'A图', units: [] }] }));
    render(<PresenterPage renderView={renderView} />);
    const user = userEvent.setup();
    // 上移 on page 3 twice: the slide goes to the top, focus follows it (then, at the top where 上移
    // is disabled, moves to the next button of its row).
    await user.click(screen.getByRole('button', { name: '第 3 页上移' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '第 2 页上移' }));
    await user.keyboard('{Enter}');
    expect(useAppStore.getState().deck.map((s) => s.view)).toEqual(['yoy', 'execution', 'sangong']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '第 1 页下移' }));
    // 删除 page 2: focus goes to the 删除 of the slide that takes its place.
    await user.click(screen.getByRole('button', { name: '删除第 2 页' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '删除第 2 页' }));
    await user.click(screen.getByRole('button', { name: '删除第 2 页' }));
    await user.click(screen.getByRole('button', { name: '删除第 1 页' }));
    // An empty deck: focus on the heading, not lost to the page.
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: '演示' }));
  });

  it('the clicker’s blank key blacks the screen out; any key brings the slide back', async () => {
    deckOfTwo();
    render(<PresenterPage renderView={renderView} />);
    await userEvent.click(screen.getByRole('button', { name: '开始演示（全屏）' }));
    act(() => void fireEvent.keyDown(window, { key: '.' }));
    expect(screen.getByRole('status', { name: '黑屏：按任意键回到第 1 页' })).toBeInTheDocument();
    // The key that ends the blank does nothing else: still slide 1.
    act(() => void fireEvent.keyDown(window, { key: 'ArrowRight' }));
    expect(screen.queryByRole('status', { name: /黑屏/ })).toBeNull();
    expect(screen.getByText('1 / 2')).toBeInTheDocument();
    act(() => void fireEvent.keyDown(window, { key: 'w' }));
    expect(screen.getByRole('status', { name: '白屏：按任意键回到第 1 页' })).toBeInTheDocument();
    act(() => void fireEvent.keyDown(window, { key: 'b' }));
    expect(screen.queryByRole('status', { name: /白屏/ })).toBeNull();
    // Leaving the show returns focus to the button that started it.
    act(() => void fireEvent.keyDown(window, { key: 'Escape' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '开始演示（全屏）' }));
  });

  it('asks for every slide’s documents once the deck is shown, not only the selection’s', () => {
    deckOfTwo();
    useAppStore.setState((s) => ({
      deck: [...s.deck, { view: 'yoy', chart: 'A图', units: [] }],
    }));
    const requestBundles = vi.fn<(ids: readonly string[]) => Promise<void>>(() =>
      Promise.resolve(),
    );
    useAppStore.setState({ requestBundles });
    render(<PresenterPage renderView={renderView} />);
    const asked = new Set(requestBundles.mock.calls.flatMap(([ids]) => ids));
    // Two slides name their units; the third has none, so it compares the five documents.
    expect([...asked].sort()).toEqual(Object.values(IDS).sort());
  });

  it('asks for no document for a slide of 明细表, which shows one document itself', () => {
    loadRealData([]);
    useAppStore.setState({
      view: 'present',
      deck: [{ view: 'tables', chart: 'A图', units: [IDS.province] }],
      slide: 0,
    });
    const requestBundles = vi.fn<(ids: readonly string[]) => Promise<void>>(() =>
      Promise.resolve(),
    );
    useAppStore.setState({ requestBundles });
    render(<PresenterPage renderView={renderView} />);
    expect(requestBundles).not.toHaveBeenCalled();
  });

  it('presents one chart per slide, moves by keyboard and leaves with Esc', async () => {
    deckOfTwo();
    render(<PresenterPage renderView={renderView} />);
    await userEvent.click(screen.getByRole('button', { name: '开始演示（全屏）' }));
    const stage = screen.getByRole('region', { name: '演示：第 1 页，共 2 页' });
    expect(within(stage).getByText('1 / 2')).toBeInTheDocument();
    // The slide's units drive the view; only the named chart is the slide.
    expect(useAppStore.getState().selectedIds).toEqual([IDS.province, IDS.district]);
    expect(stage.querySelector('.slide-target h3')).toHaveTextContent('execution·A图');

    act(() => void fireEvent.keyDown(window, { key: 'ArrowRight' }));
    expect(screen.getByText('2 / 2')).toBeInTheDocument();
    expect(useAppStore.getState().selectedIds).toEqual([IDS.cityDept]);
    expect(document.querySelector('.slide-target h3')).toHaveTextContent('sangong·B图');

    act(() => void fireEvent.keyDown(window, { key: ' ' }));
    expect(screen.getByText('2 / 2')).toBeInTheDocument(); // stays on the last slide
    act(() => void fireEvent.keyDown(window, { key: 'PageUp' }));
    expect(screen.getByText('1 / 2')).toBeInTheDocument();

    act(() => void fireEvent.keyDown(window, { key: 'Escape' }));
    expect(screen.queryByRole('region', { name: /演示：/ })).not.toBeInTheDocument();
    expect(useAppStore.getState().selectedIds).toEqual([IDS.center]); // selection restored
  });

  it('while a slide’s files load it says so, and names a chart only once it is truly missing', async () => {
    const title = '三公经费：各单位、各年度，分项堆叠（预算数与决算数）';
    loadRealData();
    const { [IDS.center]: center, ...rest } = useAppStore.getState().bundles;
    if (!center) throw new Error('center bundle');
    useAppStore.setState({
      bundles: rest,
      view: 'present',
      deck: [
        { view: 'sangong', chart: title, units: [IDS.province, IDS.center] },
        { view: 'sangong', chart: '没有这张图', units: [IDS.province] },
      ],
      slide: 0,
    });
    render(<PresenterPage renderView={(v) => (v === 'sangong' ? <SangongPage /> : null)} />);
    await userEvent.click(screen.getByRole('button', { name: '开始演示（全屏）' }));
    // The center's file has not arrived: the view waits for it, the slide says it is loading.
    expect(screen.getByText(`正在加载图表“${title}”…`)).toBeInTheDocument();
    expect(screen.queryByText(/找不到图表/)).toBeNull();

    // The slide re-marks its chart from a MutationObserver (a microtask after the render).
    await act(async () => useAppStore.setState({ bundles: { ...rest, [IDS.center]: center } }));
    expect(document.querySelector('.slide-target')).toHaveAttribute('data-chart-title', title);
    expect(screen.queryByText(/正在加载图表/)).toBeNull();

    await act(async () => void fireEvent.keyDown(window, { key: 'ArrowRight' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      '找不到图表“没有这张图”（所选单位可能没有这项数据）。',
    );
  });

  it('starts again on the first slide after Esc on the last one, or on the slide chosen', async () => {
    deckOfTwo();
    render(<PresenterPage renderView={renderView} />);
    await userEvent.click(screen.getByRole('button', { name: '开始演示（全屏）' }));
    act(() => void fireEvent.keyDown(window, { key: 'End' }));
    expect(screen.getByText('2 / 2')).toBeInTheDocument();
    act(() => void fireEvent.keyDown(window, { key: 'Escape' }));
    await userEvent.click(screen.getByRole('button', { name: '开始演示（全屏）' }));
    expect(screen.getByRole('region', { name: '演示：第 1 页，共 2 页' })).toBeInTheDocument();
    expect(document.querySelector('.slide-target h3')).toHaveTextContent('execution·A图');
    act(() => void fireEvent.keyDown(window, { key: 'Escape' }));
    await userEvent.click(screen.getByRole('button', { name: '从第 2 页开始演示' }));
    expect(screen.getByRole('region', { name: '演示：第 2 页，共 2 页' })).toBeInTheDocument();
    expect(document.querySelector('.slide-target h3')).toHaveTextContent('sangong·B图');
  });

  it('shows a slide added under 占比 / 比率 in that mode, and restores the choice after', async () => {
    loadRealData([IDS.center]);
    useAppStore.setState({
      view: 'present',
      measureMode: 'absolute',
      deck: [
        { view: 'execution', chart: 'A图', units: [IDS.province], mode: 'share' },
        { view: 'sangong', chart: 'B图', units: [IDS.cityDept] },
      ],
      slide: 0,
    });
    render(<PresenterPage renderView={renderView} />);
    expect(screen.getByRole('list', { name: '演示稿' })).toHaveTextContent(
      '第 1 页：预算执行 · A图（占比 / 比率） · 山西省行政审批服务管理局',
    );
    await userEvent.click(screen.getByRole('button', { name: '开始演示（全屏）' }));
    expect(useAppStore.getState().measureMode).toBe('share');
    act(() => void fireEvent.keyDown(window, { key: 'PageDown' }));
    expect(useAppStore.getState().measureMode).toBe('absolute');
    act(() => void fireEvent.keyDown(window, { key: 'PageUp' }));
    expect(useAppStore.getState().measureMode).toBe('share');
    act(() => void fireEvent.keyDown(window, { key: 'Escape' }));
    expect(useAppStore.getState().measureMode).toBe('absolute');
  });

  it('remembers the projector theme', async () => {
    deckOfTwo();
    render(<PresenterPage renderView={renderView} />);
    await userEvent.click(screen.getByRole('radio', { name: '高对比·深色（投影）' }));
    cleanup();
    render(<PresenterPage renderView={renderView} />);
    expect(screen.getByRole('radio', { name: '高对比·深色（投影）' })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: '开始演示（全屏）' }));
    expect(document.querySelector('.presenter-stage')).toHaveClass('theme-hc-dark');
  });
});

describe('the deck lives in the URL', () => {
  it('round-trips slides with Chinese chart titles and the current slide', () => {
    const route = {
      view: 'present' as const,
      selectedIds: [],
      source: null,
      deck: [
        { view: 'execution' as const, chart: '各单位执行率（%）', units: ['a-1', 'b-2'] },
        { view: 'sangong' as const, chart: '三公 · 预算与决算', units: [] },
      ],
      slide: 1,
    };
    const hash = formatHash(route);
    expect(hash).toMatch(/^#\/present\?deck=execution~.+~a-1\.b-2\|sangong~.+~&slide=2$/);
    expect(parseHash(hash)).toEqual(route);
  });

  it('keeps the 占比 / 比率 choice of a slide', () => {
    const route = {
      view: 'present' as const,
      selectedIds: [],
      source: null,
      deck: [
        {
          view: 'execution' as const,
          chart: '完成年初预算的比例（执行率）',
          units: ['a'],
          mode: 'share' as const,
        },
        { view: 'execution' as const, chart: '年初预算与决算金额', units: ['a'] },
      ],
      slide: 0,
    };
    const hash = formatHash(route);
    expect(hash).toMatch(/deck=execution~.+~a~share\|execution~.+~a&slide=1$/);
    expect(parseHash(hash)).toEqual(route);
  });

  it('ignores slides of unknown views and clamps the slide number', () => {
    const r = parseHash('#/present?deck=nope~x~a|yoy~%E5%9B%BE~a&slide=9');
    expect(r.deck).toEqual([{ view: 'yoy', chart: '图', units: ['a'] }]);
    expect(r.slide).toBe(0);
  });
});

describe('adding charts from a view', () => {
  it('“加入演示” on a chart adds it with the view and the selected units', async () => {
    const { App } = await import('@/app/app');
    loadRealData([IDS.province, IDS.cityDept]);
    useAppStore.setState({ view: 'sangong' });
    render(<App />);
    const first = (
      await screen.findAllByRole('button', { name: '＋ 加入演示' }, { timeout: 10_000 })
    )[0] as HTMLElement;
    const title = first.closest('figure')?.getAttribute('data-chart-title');
    await userEvent.click(first);
    expect(useAppStore.getState().deck).toEqual([
      { view: 'sangong', chart: title, units: [IDS.province, IDS.cityDept] },
    ]);
    expect(screen.getByText(/已把“.+”加入演示稿（共 1 页）/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '演示（1）' })).toBeInTheDocument();
    // Under 占比 / 比率 the slide records that choice (some charts are drawn only there).
    act(() => useAppStore.getState().setMeasureMode('share'));
    const again = screen.getAllByRole('button', { name: '＋ 加入演示' })[0] as HTMLElement;
    await userEvent.click(again);
    expect(useAppStore.getState().deck[1]).toEqual({
      view: 'sangong',
      chart: again.closest('figure')?.getAttribute('data-chart-title'),
      units: [IDS.province, IDS.cityDept],
      mode: 'share',
    });
  }, 20_000);
});
