import { memo, useEffect, useState } from 'react';
import { ADD_SLIDE_EVENT } from '@/components/chart-frame';
import { useLingering } from '@/components/linger';
import { ChecksPage } from '@/features/checks/checks-page';
import { DataFilesPage } from '@/features/data-files/data-files-page';
import { WindowFileDrop } from '@/features/data-files/window-file-drop';
import { ExecutionPage } from '@/features/execution/execution-page';
import { OverviewPage } from '@/features/overview/overview-page';
import { PerformancePage } from '@/features/performance/performance-page';
import { PresenterPage } from '@/features/presenter/presenter-page';
import { ComparisonBar } from '@/features/picker/comparison-bar';
import { SangongPage } from '@/features/sangong/sangong-page';
import { TablesPage } from '@/features/tables/tables-page';
import { YoyPage } from '@/features/yoy/yoy-page';
import { SourcePage } from '@/features/sources/source-page';
import { useAppStore } from '@/store/app-store';
import { viewHref } from '@/store/routes';
import type { ViewName } from '@/store/types';
import { ErrorBoundary } from './error-boundary';
import { NAV_ITEMS } from './nav';

/** Adds the chart to the deck with the current view and units, and says so in a live region. */
function useAddSlideListener(): string {
  const [message, setMessage] = useState('');
  useEffect(() => {
    const onAdd = (e: Event) => {
      const chart = (e as CustomEvent<{ chart?: unknown }>).detail?.chart;
      if (typeof chart !== 'string' || chart === '') return;
      const s = useAppStore.getState();
      if (s.view === 'present' || s.view === 'source' || s.view === 'data') return;
      s.addSlide({ view: s.view, chart, units: s.selectedIds });
      setMessage(`已把“${chart}”加入演示稿（共 ${useAppStore.getState().deck.length} 页）。`);
    };
    window.addEventListener(ADD_SLIDE_EVENT, onAdd);
    return () => window.removeEventListener(ADD_SLIDE_EVENT, onAdd);
  }, []);
  return message;
}

/** App shell: header, navigation and the current view (chosen from the hash route). */
export function App() {
  const view = useAppStore((s) => s.view);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const deckSize = useAppStore((s) => s.deck.length);
  const userFileCount = useAppStore((s) => s.userFiles.length);
  const addedMessage = useAddSlideListener();
  const views = useLingering([view], String);
  return (
    <div className="app">
      <header className="app-header">
        <h1>预决算对比看板</h1>
        <nav aria-label="主导航">
          <ul>
            {NAV_ITEMS.map((item) => (
              <li key={item.view}>
                <a
                  href={viewHref(item.view, selectedIds)}
                  aria-current={item.view === view ? 'page' : undefined}
                >
                  {item.label}
                  {item.view === 'present' && deckSize > 0 ? `（${deckSize}）` : null}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <a
          className="header-data-link"
          href={viewHref('data', selectedIds)}
          aria-current={view === 'data' ? 'page' : undefined}
        >
          数据文件{userFileCount > 0 ? `（用户导入 ${userFileCount}）` : ''}
        </a>
      </header>
      <WindowFileDrop />
      <p className="sr-status" role="status" aria-live="polite">
        {addedMessage}
      </p>
      <main className="app-main">
        {view !== 'source' && view !== 'overview' && view !== 'present' && view !== 'data' ? (
          <ComparisonBar />
        ) : null}
        {/* Keyed by view so an error in one view clears when the user navigates away. The view
            left stays mounted, hidden, until the new one is painted (useLingering). */}
        {views.map(({ item, leaving }) => (
          <div key={item} className="view-slot" inert={leaving} data-leaving={leaving || undefined}>
            <ErrorBoundary>
              <CurrentView view={item} />
            </ErrorBoundary>
          </div>
        ))}
      </main>
    </div>
  );
}

/** Memoised: a view that is leaving is not rendered again while it waits to unmount. */
const CurrentView = memo(function CurrentView({ view }: { view: ViewName }) {
  switch (view) {
    case 'overview':
      return <OverviewPage />;
    case 'source':
      return <SourcePage />;
    case 'execution':
      return <ExecutionPage />;
    case 'yoy':
      return <YoyPage />;
    case 'sangong':
      return <SangongPage />;
    case 'performance':
      return <PerformancePage />;
    case 'tables':
      return <TablesPage />;
    case 'checks':
      return <ChecksPage />;
    case 'data':
      return <DataFilesPage />;
    case 'present':
      return <PresenterPage renderView={renderSlideView} />;
  }
});

/** A slide shows a view page; the presenter gets it from here so features never import each other. */
function renderSlideView(view: ViewName) {
  return view === 'present' || view === 'data' ? null : <CurrentView view={view} />;
}
