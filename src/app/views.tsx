/**
 * The view under the navigation, chosen from the route.
 *
 * The overview is in the app's entry script; every other view is its own on-demand script
 * (`React.lazy` + `import()`, loaded as a classic script from file://: docs/offline.md), so the
 * first screen loads only what it shows (docs/performance.md). Once the first screen is up, the
 * views' scripts are loaded in idle time (`preloadViews`), so a first click on a view does not wait
 * for its script.
 */
import { lazy, memo, Suspense } from 'react';
import type { ComponentType } from 'react';
import { OverviewPage } from '@/features/overview/overview-page';
import type { ViewName } from '@/store/types';
import { ErrorBoundary } from './error-boundary';
import { NAV_ITEMS } from './nav';

type Loader = () => Promise<ComponentType>;

/** Each view's script, as a loader (memoised by the module system: a second call loads nothing). */
const LOADERS: Record<Exclude<ViewName, 'overview' | 'present'>, Loader> = {
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
};

/** Views with charts: their shared chart code (recharts) can load beside the view's own script. */
const CHART_VIEWS: ReadonlySet<ViewName> = new Set<ViewName>([
  'execution',
  'yoy',
  'sangong',
  'performance',
  'present',
]);

const loadPresenter = () => import('@/features/presenter/presenter-page');

/** A view's script failed to load (a file missing from assets/): said in Chinese, by the error panel. */
function scriptMissing(view: ViewName): never {
  const label =
    view === 'data' ? '数据文件' : (NAV_ITEMS.find((item) => item.view === view)?.label ?? view);
  throw new Error(
    `无法加载“${label}”页面的程序文件（应在 index.html 旁的 assets 文件夹中，可能缺失或损坏）。已加载的数据不受影响。`,
  );
}

const LAZY = {} as Record<keyof typeof LOADERS, ComponentType>;
for (const view of Object.keys(LOADERS) as (keyof typeof LOADERS)[]) {
  LAZY[view] = lazy(() =>
    LOADERS[view]().then(
      (Page) => ({ default: Page }),
      () => scriptMissing(view),
    ),
  );
}

const Presenter = lazy(() =>
  loadPresenter().then(
    ({ PresenterPage }) => ({
      default: () => <PresenterPage renderView={renderSlideView} />,
    }),
    () => scriptMissing('present'),
  ),
);

/** Starts loading a view's script (at start-up, for the view in the address). */
export function preloadView(view: ViewName): void {
  if (CHART_VIEWS.has(view)) void import('@/components/chart-frame').catch(() => {});
  if (view === 'present') void loadPresenter().catch(() => {});
  else if (view !== 'overview') void LOADERS[view]().catch(() => {});
}

/** Loads every view's script without showing it (called once the first screen is up). */
export function preloadViews(): void {
  for (const view of [...Object.keys(LOADERS), 'present'] as ViewName[]) preloadView(view);
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
        <Suspense fallback={<ViewLoading />}>
          <CurrentView view={view} />
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}

/** Memoised: a slide's view is not rendered again when the presenter's controls change. */
export const CurrentView = memo(function CurrentView({ view }: { view: ViewName }) {
  if (view === 'overview') return <OverviewPage />;
  if (view === 'present') return <Presenter />;
  const Page = LAZY[view];
  return <Page />;
});

/** A slide shows a view page; the presenter gets it from here so features never import each other. */
function renderSlideView(view: ViewName) {
  return view === 'present' || view === 'data' ? null : <CurrentView view={view} />;
}
