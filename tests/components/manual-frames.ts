import { act } from '@testing-library/react';
import { enableDeferredRendering } from '@/components/deferred';

/**
 * Progressive rendering on, with frames advanced by hand: requestAnimationFrame callbacks run when
 * the returned `frame()` is called, then the tasks queued after them (fake timers). Call at the
 * top of a test file: it installs its own beforeEach and afterEach.
 */
export function manualFrames(): () => void {
  const frames: FrameRequestCallback[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    enableDeferredRendering();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  return () =>
    act(() => {
      for (const cb of frames.splice(0)) cb(performance.now());
      vi.runOnlyPendingTimers();
    });
}
