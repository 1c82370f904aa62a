/** Asks the store to load the bundles a component shows (they load on demand; docs/performance.md). */
import { useEffect } from 'react';
import { afterFirstPaint } from '@/lib/after-first-paint';
import { useAppStore } from './app-store';

/**
 * Requests the bundles of `ids` after render, and again whenever the set of ids changes.
 * `afterPaint`: for bundles that only add to what is already drawn, not before the page's first
 * picture is on screen (src/lib/after-first-paint.ts).
 */
export function useRequestBundles(
  ids: readonly string[],
  { afterPaint = false }: { afterPaint?: boolean } = {},
): void {
  const requestBundles = useAppStore((s) => s.requestBundles);
  // A string key: a new array with the same ids must not request again.
  const key = ids.join('\n');
  useEffect(() => {
    if (key === '') return;
    const request = () => void requestBundles(key.split('\n'));
    if (!afterPaint) return request();
    return afterFirstPaint(request);
  }, [key, requestBundles, afterPaint]);
}
