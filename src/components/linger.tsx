/**
 * Unmounting after the paint. Removing a recharts chart costs about as much as drawing one: each
 * of its parts dispatches to the chart's store as it unmounts, and its DOM is taken apart
 * (60 ms of the switch from 预算执行 to another view, half of a selection change that
 * removes units). With `useLingering`, items that leave a list stay mounted, not drawn, until the
 * frame that shows what replaced them has been painted and the page is idle; then they unmount in
 * a task of their own.
 *
 * Only while progressive rendering is on (the browser entry; see ./deferred): in tests an item
 * that leaves unmounts at once, as it always did.
 */
import { useEffect, useState } from 'react';
import { deferredRenderingEnabled, nextFrame } from './deferred';

/**
 * After the next frame, once the page is idle (the new view may take a second pass to draw its
 * first chart: unmounting before it would delay that paint). At most a second later.
 */
function whenPaintedAndIdle(run: () => void): () => void {
  let cancelIdle = () => {};
  const cancelFrame = nextFrame(() => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run, { timeout: 1000 });
      cancelIdle = () => cancelIdleCallback(id);
    } else {
      cancelIdle = nextFrame(run);
    }
  });
  return () => {
    cancelFrame();
    cancelIdle();
  };
}

export interface LingeringItem<T> {
  item: T;
  /** Gone from the list: render it hidden (same key, same element type) until it unmounts. */
  leaving: boolean;
}

interface State<T> {
  keys: readonly string[];
  items: readonly T[];
  leaving: readonly T[];
}

/**
 * The items, then those that left since the last paint (leaving: true). Keys must be unique; an
 * item that comes back while leaving is shown again (it never unmounted).
 */
export function useLingering<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
): LingeringItem<T>[] {
  const [state, setState] = useState<State<T>>(() => ({
    keys: items.map(keyOf),
    items,
    leaving: [],
  }));
  let current = state;
  const keys = items.map(keyOf);
  if (keys.length !== state.keys.length || keys.some((k, i) => k !== state.keys[i])) {
    const present = new Set(keys);
    const leaving = new Map<string, T>();
    if (deferredRenderingEnabled()) {
      for (const item of [...state.leaving, ...state.items]) {
        const key = keyOf(item);
        if (!present.has(key)) leaving.set(key, item);
      }
    }
    current = { keys, items, leaving: [...leaving.values()] };
    // Derived state, set while rendering: React renders again at once, before committing.
    setState(current);
  }
  const { leaving } = current;
  useEffect(() => {
    if (leaving.length === 0) return;
    return whenPaintedAndIdle(() =>
      setState((s) => (s.leaving === leaving ? { ...s, leaving: [] } : s)),
    );
  }, [leaving]);
  return [
    ...items.map((item) => ({ item, leaving: false })),
    ...leaving.map((item) => ({ item, leaving: true })),
  ];
}
