import { useEffect, useState } from 'react';
import { ADD_SLIDE_EVENT } from '@/components/add-slide-event';
import { PrintHeader } from '@/components/print-header';
import { documentLabel } from '@/data/labels';
import { WindowFileDrop } from '@/features/data-files/window-file-drop';
import { ComparisonBar } from '@/features/picker/comparison-bar';
import { useAppStore, useAppStoreShallow } from '@/store/app-store';
import { selectComparedEntries } from '@/store/selectors';
import { viewHref } from '@/store/routes';
import { isComparisonView, VIEW_LABELS } from '@/store/types';
import { NAV_ITEMS } from './nav';
import { ViewSlot } from './views';

/** Adds the chart to the deck with the current view and units, and says so in a live region. */
function useAddSlideListener(): string {
  const [message, setMessage] = useState('');
  useEffect(() => {
    const onAdd = (e: Event) => {
      const chart = (e as CustomEvent<{ chart?: unknown }>).detail?.chart;
      if (typeof chart !== 'string' || chart === '') return;
      const s = useAppStore.getState();
      if (s.view === 'present' || s.view === 'source' || s.view === 'data') return;
      const slide = { view: s.view, chart, units: s.selectedIds };
      s.addSlide(s.measureMode === 'share' ? { ...slide, mode: 'share' } : slide);
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
  const compared = useAppStoreShallow(selectComparedEntries);
  const routeNotice = useAppStore((s) => s.routeNotice);
  const viewLabel = NAV_ITEMS.find((item) => item.view === view)?.label;
  return (
    <div className="app">
      <PrintHeader
        title={viewLabel ? `预决算对比看板 · ${viewLabel}` : '预决算对比看板'}
        selection={
          isComparisonView(view) && compared.length > 0
            ? compared.map(documentLabel).join('；')
            : '—'
        }
      />
      {/* The first Tab stop: past the dozen header links to the view. A button, not an in-page
          link: the address's hash is the route. */}
      <button
        type="button"
        className="skip-link"
        onClick={() => document.querySelector<HTMLElement>('main.app-main')?.focus()}
      >
        跳到正文
      </button>
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
          // The count is a badge, so the header stays one row at 1280 px; its name says what it counts.
          aria-label={
            userFileCount > 0 ? `${VIEW_LABELS.data}（用户导入 ${userFileCount}）` : undefined
          }
          title={userFileCount > 0 ? `用户导入 ${userFileCount} 个文件` : undefined}
        >
          {VIEW_LABELS.data}
          {userFileCount > 0 ? <span className="header-count">{userFileCount}</span> : null}
        </a>
      </header>
      <WindowFileDrop />
      <p className="sr-status" role="status" aria-live="polite">
        {addedMessage}
      </p>
      <main className="app-main" tabIndex={-1}>
        {routeNotice !== null ? (
          <p className="route-notice" role="status">
            {routeNotice}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => useAppStore.setState({ routeNotice: null })}
            >
              知道了
            </button>
          </p>
        ) : null}
        {isComparisonView(view) ? <ComparisonBar /> : null}
        <ViewSlot view={view} />
      </main>
    </div>
  );
}
