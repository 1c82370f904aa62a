import { ChecksPage } from '@/features/checks/checks-page';
import { ExecutionPage } from '@/features/execution/execution-page';
import { OverviewPage } from '@/features/overview/overview-page';
import { PerformancePage } from '@/features/performance/performance-page';
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

/** App shell: header, navigation and the current view (chosen from the hash route). */
export function App() {
  const view = useAppStore((s) => s.view);
  const selectedIds = useAppStore((s) => s.selectedIds);
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
                  className={item.ready ? undefined : 'nav-pending'}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="app-main">
        {/* Keyed by view so an error in one view clears when the user navigates away. */}
        {view !== 'source' && view !== 'overview' ? <ComparisonBar /> : null}
        <ErrorBoundary key={view}>
          <CurrentView view={view} />
        </ErrorBoundary>
      </main>
    </div>
  );
}

function CurrentView({ view }: { view: ViewName }) {
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
  }
}
