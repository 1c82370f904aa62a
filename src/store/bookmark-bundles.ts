/**
 * A bookmarked comparison view asks for the documents it compares as soon as the manifest has
 * been read, instead of when it first renders, after its own script has loaded and run: the data
 * scripts are then read while the app's code still starts (docs/performance.md). The view asks
 * again when it renders, which joins the loads already running (`requestBundles`). A bookmarked
 * 演示 deck does not: its list and 开始演示 button need no document, and its page asks for the
 * slides' documents once the list is on screen.
 */
import { useAppStore } from './app-store';
import { selectComparedEntries } from './selectors';
import { loadsComparedDocuments } from './types';
import type { ViewName } from './types';

/** Call before `loadAll`, with the view the address opens. */
export function requestBookmarkedBundles(
  view: ViewName,
  store: typeof useAppStore = useAppStore,
): void {
  if (!loadsComparedDocuments(view)) return;
  const unsubscribe = store.subscribe((s) => {
    if (s.status === 'idle' || s.status === 'loading') return;
    unsubscribe();
    if (s.status === 'ready') void s.requestBundles(selectComparedEntries(s).map((e) => e.id));
  });
}
