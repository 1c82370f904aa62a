/**
 * Memoises a derivation of two objects (a document's manifest entry and its bundle, or an entry and
 * one of its statements) for as long as both objects live. The store replaces bundles and entries
 * and never mutates them, so the same objects mean the same result: a selection change derives only
 * the document added, and a view visited again derives nothing. Results are shared between callers,
 * who must not mutate them.
 */
export function memoByObjects<A extends object, B extends object, R>(
  fn: (a: A, b: B) => R,
): (a: A, b: B) => R {
  const cache = new WeakMap<B, WeakMap<A, R>>();
  return (a, b) => {
    let byA = cache.get(b);
    if (byA === undefined) {
      byA = new WeakMap();
      cache.set(b, byA);
    }
    if (byA.has(a)) return byA.get(a) as R;
    const result = fn(a, b);
    byA.set(a, result);
    return result;
  };
}
