// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { ChartFrame } from '@/components/chart-frame';
import { FitWidth, forgetChartWidths } from '@/components/fit-width';

/** What happened, in order: the chart drawn ('chart') and the container measured ('measured'). */
let log: string[] = [];

function Chart() {
  log.push('chart');
  return <svg />;
}

const realRect = Element.prototype.getBoundingClientRect;
let observers: { cb: ResizeObserverCallback; el: Element | null }[] = [];

beforeEach(() => {
  log = [];
  observers = [];
  forgetChartWidths();
  Element.prototype.getBoundingClientRect = function (this: Element) {
    log.push('measured');
    return DOMRect.fromRect({ x: 0, y: 0, width: 700, height: 300 });
  };
  class RecordingObserver {
    private entry: { cb: ResizeObserverCallback; el: Element | null };
    constructor(cb: ResizeObserverCallback) {
      this.entry = { cb, el: null };
      observers.push(this.entry);
    }
    observe(el: Element) {
      this.entry.el = el;
    }
    unobserve() {}
    disconnect() {}
  }
  vi.stubGlobal('ResizeObserver', RecordingObserver);
});
afterEach(() => {
  Element.prototype.getBoundingClientRect = realRect;
  vi.unstubAllGlobals();
});

/** The browser reports the size of every observed element whose class is `className`. */
function resize(className: string, width: number) {
  act(() => {
    for (const { cb, el } of observers) {
      if (!el?.classList.contains(className)) continue;
      const entry = { target: el, contentRect: DOMRect.fromRect({ width, height: 300 }) };
      cb([entry as unknown as ResizeObserverEntry], {} as ResizeObserver);
    }
  });
}

describe('FitWidth: a chart drawn in the first pass at a width learned before', () => {
  it('measures first, then draws, when no chart of its kind has been seen', () => {
    render(
      <FitWidth kind="full" height={300}>
        <Chart />
      </FitWidth>,
    );
    expect(log[0]).toBe('measured');
    expect(log).toContain('chart');
  });

  it('draws at once when a chart frame has reported how wide its body is', () => {
    const frame = render(
      <ChartFrame title="三公经费" caption="万元" summary="" table={{ columns: [], rows: [] }}>
        <p>图</p>
      </ChartFrame>,
    );
    resize('chart-body', 700);
    frame.unmount();
    log = [];
    render(
      <FitWidth kind="full" height={300}>
        <Chart />
      </FitWidth>,
    );
    expect(log[0]).toBe('chart');
  });
});
