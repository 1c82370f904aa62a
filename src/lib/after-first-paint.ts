/**
 * Work that must not compete with the page's first picture (docs/performance.md, "Mechanisms").
 *
 * The first frame is painted on the main thread, then rasterised on the browser's worker threads
 * and presented: on a two-core machine, data scripts parsed and run meanwhile (their parsing uses
 * the same workers) pushed the 总览's first frame back by about a third. The paint timing entry
 * `first-contentful-paint` is reported once that frame has been presented, so waiting for it,
 * rather than for the next animation frame, waits for the pixels.
 */

/** Longest wait: a page that never paints (opened in a background tab) still loads its data. */
const FALLBACK_MS = 1500;

function firstPaintDone(): boolean {
  return performance.getEntriesByName('first-contentful-paint').length > 0;
}

/**
 * Runs `run` once the first contentful paint is on screen, or at once where the browser does not
 * report paint timing (tests, older browsers) or the paint has already happened. Returns a cancel
 * function.
 */
export function afterFirstPaint(run: () => void): () => void {
  const supported =
    typeof PerformanceObserver !== 'undefined' &&
    (PerformanceObserver.supportedEntryTypes ?? []).includes('paint');
  if (!supported || firstPaintDone()) {
    run();
    return () => {};
  }
  let done = false;
  /** Stops waiting; also the cancel function. */
  const stop = () => {
    done = true;
    observer.disconnect();
    clearTimeout(timer);
  };
  const finish = () => {
    if (done) return;
    stop();
    run();
  };
  const observer = new PerformanceObserver(() => {
    if (firstPaintDone()) finish();
  });
  observer.observe({ type: 'paint', buffered: true });
  const timer = setTimeout(finish, FALLBACK_MS);
  return stop;
}
