/**
 * The view under the navigation, chosen from the route.
 *
 * The overview is in the app's entry script; every other view is its own on-demand script
 * (`import()`, loaded as a classic script from file://: docs/offline.md), so the first screen
 * loads only what it shows (docs/performance.md). A bookmarked view's script starts loading with
 * the app (`preloadView`); once the first screen is up, the other views' scripts load in idle time
 * (`preloadViews`), so a first click on a view does not wait for its script.
 *
 * Not React.lazy: a view whose script has loaded is drawn in the same render as the click, and
 * one still loading shows a plain message until it arrives. Suspense would hold the revealed view
 * back at least 300 ms after its fallback appeared (React throttles reveals), which is most of a
 * cold start (measured in the benchmark: BENCHMARKS.md).
 */
import { createElement, memo, useEffect, useReducer } from 'react';
import type { ComponentType } from 'react';
import { OverviewPage } from '@/features/overview/overview-page';
import type { ViewName } from '@/store/types';
import { ErrorBoundary } from './error-boundary';
import { NAV_ITEMS } from './nav';

type LazyView = Exclude<ViewName, 'overview'>;

/** Each view's script (the module system loads it once, however often it is asked). */
const LOADERS: Record<LazyView, () => Promise<ComponentType>> = {
  execution: () => import('@/features/execution/execution-page').then((m) => m.ExecutionPage),
  yoy: () => import('@/features/yoy/yoy-page').then((m) => m.YoyPage),
  sangong: () => import('@/features/sangong/sangong-page').then((m) => m.SangongPage),
  performance: () =>
    import('@/features/performance/performance-page').then((m) => m.PerformancePage),
  tables: () => import('@/features/tables/tables-page').then((m) => m.TablesPage),
  checks: () => import('@/features/checks/checks-page').then((m) => m.ChecksPage),
  matrix: () => import('@/features/matrix/matrix-page').then((m) => m.MatrixPage),
  flags: () => import('@/features/flags/flags-page').then((m) => m.FlagsPage),
  source: () => import('@/features/sources/source-page').then((m) => m.SourcePage),
  data: () => import('@/features/data-files/data-files-page').then((m) => m.DataFilesPage),
  present: () =>
    import('@/features/presenter/presenter-page').then(({ PresenterPage }) => {
      const Presenter = () => <PresenterPage renderView={renderSlideView} />;
      return Presenter;
    }),
};

/** Views with charts: their shared chart code (recharts) loads beside the view's own script. */
const CHART_VIEWS: ReadonlySet<ViewName> = new Set<ViewName>([
  'execution',
  'yoy',
  'sangong',
  'performance',
  'present',
]);

/** What each view's script gave: its page, or the Chinese message of a failed load. */
const loaded = new Map<LazyView, ComponentType | Error>();
const loading = new Map<LazyView, Promise<void>>();

/** A view's script failed to load (a file missing from assets/): said in Chinese. */
function scriptMissing(view: LazyView): Error {
  const label =
    view === 'data' ? '数据文件' : (NAV_ITEMS.find((item) => item.view === view)?.label ?? view);
  return new Error(
    `无法加载“${label}”页面的程序文件（应在 index.html 旁的 assets 文件夹中，可能缺失或损坏）。已加载的数据不受影响。`,
  );
}

function load(view: LazyView): Promise<void> {
  let pending = loading.get(view);
  if (!pending) {
    pending = LOADERS[view]().then(
      (Page) => void loaded.set(view, Page),
      () => void loaded.set(view, scriptMissing(view)),
    );
    loading.set(view, pending);
  }
  return pending;
}

/** Starts loading a view's script (at start-up, for the view in the address). */
export function preloadView(view: ViewName): void {
  if (CHART_VIEWS.has(view)) void import('@/components/chart-frame').catch(() => {});
  if (view !== 'overview') void load(view);
}

/** Loads every view's script without showing it (called once the first screen is up). */
export function preloadViews(): void {
  for (const view of Object.keys(LOADERS) as LazyView[]) void load(view);
}

/** While a view's script loads (a few milliseconds from disk). */
function ViewLoading() {
  return (
    <p className="view-loading" role="status" aria-busy="true">
      正在加载页面…
    </p>
  );
}

/** The current view. An error panel clears when the user goes to another view. */
export function ViewSlot({ view }: { view: ViewName }) {
  return (
    <div className="view-slot">
      <ErrorBoundary resetKey={view}>
        <CurrentView view={view} />
      </ErrorBoundary>
    </div>
  );
}

/** Memoised: a slide's view is not rendered again when the presenter's controls change. */
export const CurrentView = memo(function CurrentView({ view }: { view: ViewName }) {
  const [, arrived] = useReducer((n: number) => n + 1, 0);
  const page = view === 'overview' ? OverviewPage : loaded.get(view);
  useEffect(() => {
    if (view !== 'overview' && page === undefined) void load(view).then(arrived);
  }, [view, page]);
  if (page === undefined) return <ViewLoading />;
  // Thrown for the error boundary, which shows the message and keeps the app around it.
  if (page instanceof Error) throw page;
  // The same component every time for a view (its module's export): React keeps its state.
  return createElement(page);
});

/** A slide shows a view page; the presenter gets it from here so features never import each other. */
function renderSlideView(view: ViewName) {
  return view === 'present' || view === 'data' ? null : <CurrentView view={view} />;
}
