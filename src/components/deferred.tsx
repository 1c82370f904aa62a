/**
 * Progressive rendering (a view switch must paint its first chart within 100 ms, and a
 * view has many charts and tables). A view renders its first chart at once and wraps what
 * follows in <Deferred>: each deferred block renders one frame after the one before it, so the
 * browser paints between them. Printing renders every block at once.
 *
 * Off unless the app entry calls `enableDeferredRendering()`: tests and server-side callers render
 * everything in one pass.
 */
import { useDeferredValue, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';

let enabled = false;
const queue: (() => void)[] = [];
let pumping = false;

/** Called once by the browser entry (src/app/main.tsx). */
export function enableDeferredRendering(): void {
  if (enabled || typeof window === 'undefined') return;
  enabled = true;
  // Print must show everything: release the whole queue synchronously before the print snapshot.
  window.addEventListener('beforeprint', () => {
    flushSync(() => {
      for (const release of queue.splice(0)) release();
    });
  });
}

/** Whether the browser entry turned progressive rendering on (off in tests). */
export function deferredRenderingEnabled(): boolean {
  return enabled;
}

/** Whether deferred blocks are still waiting for their frame (a view is still being drawn). */
export function deferredPending(): boolean {
  return queue.length > 0;
}

/** After the next frame has been produced: rAF, then a task. Returns a cancel function. */
export function nextFrame(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

function pump(): void {
  const release = queue.shift();
  if (!release) {
    pumping = false;
    return;
  }
  release();
  nextFrame(pump);
}

function enqueue(release: () => void): () => void {
  queue.push(release);
  if (!pumping) {
    pumping = true;
    nextFrame(pump);
  }
  return () => {
    const i = queue.indexOf(release);
    if (i >= 0) queue.splice(i, 1);
  };
}

interface DeferredProps {
  children: ReactNode;
  /** Space kept while waiting, so the page does not jump (about the block's height). */
  minHeight?: number;
}

/**
 * Renders `children` a frame after the blocks queued before it (at once when not enabled), in a
 * block the browser skips while it is far from the viewport.
 *
 * Once drawn, a change (another unit chosen) reaches the block after the view's first chart: the
 * render that answers the click keeps the block as it was (the same elements, which React skips)
 * and React renders the new content just after, in the background (useDeferredValue). Until then
 * the block is marked stale (aria-busy, dimmed), so a reader never takes old figures for new.
 */
export function Deferred({ children, minHeight = 120 }: DeferredProps) {
  const [ready, setReady] = useState(!enabled);
  const latest = useDeferredValue(children);
  useEffect(() => {
    if (ready) return;
    return enqueue(() => setReady(true));
  }, [ready]);
  if (!ready)
    return <div className="deferred-placeholder" style={{ minHeight }} aria-busy="true" />;
  const shown = enabled ? latest : children;
  const stale = shown !== children;
  // Below the first chart: the browser styles, lays out and paints it only near the viewport
  // (content-visibility: auto, app.css), taking `minHeight` as its size until it has been drawn.
  return (
    <div
      className={stale ? 'deferred-block deferred-stale' : 'deferred-block'}
      style={{ containIntrinsicSize: `auto ${minHeight}px` }}
      aria-busy={stale || undefined}
    >
      {shown}
    </div>
  );
}
