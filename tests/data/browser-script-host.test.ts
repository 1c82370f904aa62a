// @vitest-environment jsdom
/**
 * The browser's data loader: a data script goes into the page only after the next frame has been
 * painted, so the first frame (the overview's figures, a view's loading state) never waits for it.
 */
import { browserScriptHost } from '@/data/load';

const frames: FrameRequestCallback[] = [];
const scripts = () =>
  [...document.head.querySelectorAll('script')].map((s) => s.getAttribute('src'));

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
});
afterEach(() => {
  frames.length = 0;
  document.head.innerHTML = '';
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The browser paints a frame, then runs the tasks queued after it. */
function paintFrame(): void {
  for (const cb of frames.splice(0)) cb(performance.now());
  vi.runOnlyPendingTimers();
}

describe('browserScriptHost', () => {
  it('inserts a data script after the next frame, and resolves once it has run', async () => {
    const loaded = browserScriptHost().loadScript('./data/a.js');
    vi.runOnlyPendingTimers();
    expect(scripts()).toEqual([]);

    paintFrame();
    expect(scripts()).toEqual(['./data/a.js']);
    document.head.querySelector('script')?.dispatchEvent(new Event('load'));
    await expect(loaded).resolves.toBeUndefined();
    // Removed once run: its global stays, the element is not needed.
    expect(scripts()).toEqual([]);
  });

  it('a missing file rejects with a message naming it', async () => {
    const loaded = browserScriptHost().loadScript('./data/missing.js');
    paintFrame();
    document.head.querySelector('script')?.dispatchEvent(new Event('error'));
    await expect(loaded).rejects.toThrow('无法加载 ./data/missing.js');
  });

  it('in a hidden tab, where no frame runs, the script is inserted at once', () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    void browserScriptHost().loadScript('./data/b.js');
    vi.runOnlyPendingTimers();
    expect(frames).toEqual([]);
    expect(scripts()).toEqual(['./data/b.js']);
  });
});
