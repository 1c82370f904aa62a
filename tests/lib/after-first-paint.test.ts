import { afterFirstPaint } from '@/lib/after-first-paint';

/** A browser that reports paint timing; `paint()` presents the first contentful frame. */
function paintingBrowser(painted = false) {
  const observers: (() => void)[] = [];
  class FakeObserver {
    static supportedEntryTypes = ['paint', 'largest-contentful-paint'];
    constructor(private readonly cb: () => void) {}
    observe() {
      observers.push(this.cb);
    }
    disconnect() {
      const i = observers.indexOf(this.cb);
      if (i >= 0) observers.splice(i, 1);
    }
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  vi.spyOn(performance, 'getEntriesByName').mockImplementation((name) =>
    painted && name === 'first-contentful-paint' ? [{} as PerformanceEntry] : [],
  );
  return {
    paint() {
      painted = true;
      for (const cb of [...observers]) cb();
    },
    observing: () => observers.length,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('afterFirstPaint', () => {
  it('waits for the first contentful paint, then runs once', () => {
    const browser = paintingBrowser();
    const run = vi.fn();
    afterFirstPaint(run);
    expect(run).not.toHaveBeenCalled();
    browser.paint();
    browser.paint();
    expect(run).toHaveBeenCalledTimes(1);
    expect(browser.observing()).toBe(0);
  });

  it('runs at once when the page has already painted', () => {
    paintingBrowser(true);
    const run = vi.fn();
    afterFirstPaint(run);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs at once where the browser does not report paint timing', () => {
    vi.stubGlobal('PerformanceObserver', undefined);
    const run = vi.fn();
    afterFirstPaint(run);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('does not wait for ever on a page that is not painted (a background tab)', () => {
    vi.useFakeTimers();
    paintingBrowser();
    const run = vi.fn();
    afterFirstPaint(run);
    vi.advanceTimersByTime(1499);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs nothing once cancelled (the component asking has gone)', () => {
    vi.useFakeTimers();
    const browser = paintingBrowser();
    const run = vi.fn();
    afterFirstPaint(run)();
    browser.paint();
    vi.advanceTimersByTime(5000);
    expect(run).not.toHaveBeenCalled();
  });
});
