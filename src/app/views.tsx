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
import { VIEW_LABELS } from '@/store/types';
import type { ViewName } from '@/store/types';
import type { PresenterPageProps } from '@/features/presenter/presenter-page';
import { ErrorBoundary } from './error-boundary';
import { VIEW_MODULES } from './view-modules';
import type { LazyView } from './view-modules';

/** The page modules, each its own script (the module system loads it once). */
const PAGES = import.meta.glob<Record<string, unknown>>([
  '/src/features/*/*-page.tsx',
  '!/src/features/overview/overview-page.tsx',
]);

function loadPage(view: LazyView): Promise<ComponentType> {
  const [path, name] = VIEW_MODULES[view];
  const load = PAGES[path];
  if (!load) return Promise.reject(new Error(`no module ${path}`));
  return load().then((m) => {
    if (typeof m[name] !== 'function') throw new Error(`${path} has no ${name}`);
    if (view !== 'present') return m[name] as ComponentType;
    const { PresenterPage } = m as { PresenterPage: ComponentType<PresenterPageProps> };
    return function Presenter() {
      return <PresenterPage renderView={renderSlideView} />;
    };
  });
}

/** What each view's script gave: its page, or the Chinese message of a failed load. */
const loaded = new Map<LazyView, ComponentType | Error>();
const loading = new Map<LazyView, Promise<void>>();

/** A view's script failed to load (a file missing from assets/): said in Chinese. */
function scriptMissing(view: LazyView): Error {
  return new Error(
    `无法加载“${VIEW_LABELS[view]}”页面的程序文件（应在 index.html 旁的 assets 文件夹中，可能缺失或损坏）。已加载的数据不受影响。`,
  );
}

function load(view: LazyView): Promise<void> {
  let pending = loading.get(view);
  if (!pending) {
    pending = loadPage(view).then(
      (Page) => void loaded.set(view, Page),
      () => void loaded.set(view, scriptMissing(view)),
    );
    loading.set(view, pending);
  }
  return pending;
}

/**
 * Starts loading a view's script (at start-up, for the view in the address; index.html has
 * already asked the browser to read its files, vite.config.ts).
 */
export function preloadView(view: ViewName): void {
  if (view !== 'overview') void load(view);
}

/** Loads every view's script without showing it (called once the first screen is up). */
export function preloadViews(): void {
  for (const view of Object.keys(VIEW_MODULES) as LazyView[]) void load(view);
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
