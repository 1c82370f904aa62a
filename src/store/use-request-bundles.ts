/** Asks the store to load the bundles a component shows (they load on demand; docs/performance.md). */
import { useEffect } from 'react';
import { useAppStore } from './app-store';

/** Requests the bundles of `ids` after render, and again whenever the set of ids changes. */
export function useRequestBundles(ids: readonly string[]): void {
  const requestBundles = useAppStore((s) => s.requestBundles);
  // A string key: a new array with the same ids must not request again.
  const key = ids.join('\n');
  useEffect(() => {
    if (key !== '') void requestBundles(key.split('\n'));
  }, [key, requestBundles]);
}
