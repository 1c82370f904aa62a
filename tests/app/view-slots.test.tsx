// @vitest-environment jsdom
/**
 * Views kept drawn while hidden (src/app/view-slots.tsx), with the five real documents. Figures
 * typed from the source texts: the province's 一般公共预算财政拨款支出 决算 42,238.46 (万元),
 * the district's 项目支出 全年执行数 652.22.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { App } from '@/app/app';
import { ErrorBoundary } from '@/app/error-boundary';
import { setViewParking } from '@/app/view-slots';
import { resetAppStore, useAppStore } from '@/store/app-store';
import type { Bundle } from '@/data/schema';
import type { ViewName } from '@/store/types';
import { manualFrames } from '../components/manual-frames';
import { IDS, loadRealData } from '../features/real-data';

const frame = manualFrames();

beforeEach(() => setViewParking(true));
afterEach(() => {
  cleanup();
  resetAppStore();
  setViewParking(false);
});

const go = (view: ViewName) => act(() => useAppStore.getState().setView(view));
const select = (ids: string[]) => act(() => useAppStore.getState().setSelectedIds(ids));

/**
 * The slot of a view, found by its heading's text whether it is shown or hidden (a hidden view's
 * elements have no accessible name: their roles cannot find them by name).
 */
function slotOf(heading: string): HTMLElement {
  return screen.getByText(heading, { selector: 'h2' }).closest('.view-slot') as HTMLElement;
}

/** Runs frames and timers until the idle queue has had its turns (jsdom: no idle callbacks). */
function idle(rounds = 200): void {
  for (let i = 0; i < rounds; i++) frame();
}

describe('views kept drawn while hidden', () => {
  it('a view left stays drawn but hidden and unreachable; shown again, it has the units chosen meanwhile', () => {
    loadRealData([IDS.province]);
    useAppStore.setState({ view: 'execution' });
    render(<App />);
    idle();
    const execution = slotOf('预算执行');
    expect(within(execution).getAllByRole('link', { name: '42,238.46' }).length).toBeGreaterThan(0);

    go('yoy');
    // One view on screen: the one left is hidden from assistive technology and from the keyboard.
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      '同比变化',
    ]);
    expect(slotOf('预算执行')).toBe(execution);
    expect(execution).toHaveAttribute('data-parked');
    expect(execution).toHaveAttribute('aria-hidden', 'true');
    expect(execution).toHaveAttribute('inert');

    // While hidden it is not rendered again at each change (that is what keeping it costs nothing).
    select([IDS.district]);
    expect(within(execution).getAllByText('42,238.46').length).toBeGreaterThan(0);

    go('execution');
    idle();
    expect(slotOf('预算执行')).toBe(execution);
    expect(execution).not.toHaveAttribute('data-parked');
    expect(execution).not.toHaveAttribute('inert');
    expect(within(execution).queryAllByRole('link', { name: '42,238.46' })).toEqual([]);
    expect(within(execution).getAllByRole('link', { name: '652.22' }).length).toBeGreaterThan(0);
  });

  it('a hidden view catches up with a change once the page is idle, before it is shown', () => {
    loadRealData([IDS.province]);
    useAppStore.setState({ view: 'execution' });
    render(<App />);
    go('yoy');
    select([IDS.district]);
    idle();
    const execution = slotOf('预算执行');
    expect(execution).toHaveAttribute('data-parked');
    expect(within(execution).getAllByText('652.22').length).toBeGreaterThan(0);
    expect(within(execution).queryAllByText('42,238.46')).toEqual([]);
  });

  it('draws the views not opened yet, hidden, once the data is ready and the page idle', () => {
    let pendingDistrict: Bundle | undefined;
    render(<App />);
    idle();
    // No data yet: nothing is drawn ahead.
    expect(screen.queryByText('三公经费', { selector: 'h2' })).toBeNull();
    // Data ready but a bundle still loading (the overview's cards come first): still nothing.
    act(() => {
      loadRealData();
      const { [IDS.district]: district, ...others } = useAppStore.getState().bundles;
      pendingDistrict = district;
      useAppStore.setState({ bundles: others, requestedIds: { [IDS.district]: true } });
    });
    idle();
    expect(screen.queryByText('三公经费', { selector: 'h2' })).toBeNull();
    act(() =>
      useAppStore.setState((st) => ({
        bundles: { ...st.bundles, [IDS.district]: pendingDistrict as Bundle },
      })),
    );
    idle();
    for (const heading of ['预算执行', '同比变化', '三公经费', '绩效评价', '明细表', '数据校验'])
      expect(slotOf(heading)).toHaveAttribute('data-parked');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      '总览',
    ]);
    // Opening one shows the view already drawn: the same element, not a new one.
    const sangong = slotOf('三公经费');
    go('sangong');
    expect(slotOf('三公经费')).toBe(sangong);
    expect(sangong).not.toHaveAttribute('data-parked');
    expect(slotOf('总览')).toHaveAttribute('data-parked');
  });

  it('does not keep the source, data-file and presenter views', () => {
    loadRealData([IDS.province]);
    useAppStore.setState({ view: 'data' });
    render(<App />);
    expect(screen.getByRole('heading', { level: 2, name: '数据文件' })).toBeInTheDocument();
    go('execution');
    idle();
    expect(screen.queryByText('数据文件', { selector: 'h2' })).toBeNull();
  });
});

function Boom({ fail }: { fail: boolean }) {
  if (fail) throw new Error('坏数据');
  return <p>正常</p>;
}

describe('ErrorBoundary resetKey', () => {
  it('clears the error panel when the view is left or shown again', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { rerender } = render(
      <ErrorBoundary resetKey="current">
        <Boom fail />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('错误信息：坏数据');
    rerender(
      <ErrorBoundary resetKey="current">
        <Boom fail={false} />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toBeInTheDocument();
    rerender(
      <ErrorBoundary resetKey="parked">
        <Boom fail={false} />
      </ErrorBoundary>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('正常')).toBeInTheDocument();
    spy.mockRestore();
  });
});
