import { OverviewPage } from '@/features/overview/overview-page';
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
    default: {
      const label = NAV_ITEMS.find((i) => i.view === view)?.label ?? view;
      return (
        <section aria-labelledby="pending-title">
          <h2 id="pending-title">{label}</h2>
          <p className="state-message">此视图正在开发中，敬请期待。</p>
        </section>
      );
    }
  }
}
