/**
 * A bookmarked comparison view (or a deck of them) asks for the documents it compares as soon as
 * the manifest has been read, instead of when it first renders, after its own script has loaded
 * and run: the data scripts are then read while the app's code still starts
 * (docs/performance.md). The view asks again when it renders, which joins the loads already
 * running (`requestBundles`).
 */
import { useAppStore } from './app-store';
import { selectComparedEntries } from './selectors';
import { isComparisonView } from './types';
import type { ViewName } from './types';

/** Call before `loadAll`, with the views the address opens (a deck: its slides' views). */
export function requestBookmarkedBundles(
  views: readonly ViewName[],
  store: typeof useAppStore = useAppStore,
): void {
  // 明细表 shows one document, not the comparison.
  if (!views.some((v) => isComparisonView(v) && v !== 'tables')) return;
  const unsubscribe = store.subscribe((s) => {
    if (s.status === 'idle' || s.status === 'loading') return;
    unsubscribe();
    if (s.status === 'ready') void s.requestBundles(selectComparedEntries(s).map((e) => e.id));
  });
}
