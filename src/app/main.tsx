/** Entry point: mount the app, sync the route with the URL hash, start loading data. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableDeferredRendering } from '@/components/deferred';
import { afterFirstPaint } from '@/lib/after-first-paint';
import { useAppStore } from '@/store/app-store';
import { startHashSync } from '@/store/hash-sync';
import { requestBookmarkedBundles } from '@/store/bookmark-bundles';
import type { AppState } from '@/store/types';
import { App } from './app';
import { ErrorBoundary } from './error-boundary';
import { preloadView, preloadViews } from './views';
import './app.css';

/**
 * Once the first picture is on screen, the data it shows has loaded and the page is idle, the
 * other views' scripts load, so a first click on a view only draws it. Not before: they would
 * compete with the first screen.
 */
function preloadViewsWhenSettled(): void {
  const settled = (s: AppState) =>
    s.status !== 'loading' &&
    Object.keys(s.requestedIds).every((id) => id in s.bundles || id in s.loadErrors);
  const idle = (run: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(run) : setTimeout(run, 200);
  const whenSettled = () => {
    if (settled(useAppStore.getState())) {
      preloadViews();
      return;
    }
    const unsubscribe = useAppStore.subscribe((s) => {
      if (!settled(s)) return;
      unsubscribe();
      idle(preloadViews);
    });
  };
  // Idle after the first paint: by then the 总览 has asked for its cards' bundles too.
  window.addEventListener('load', () => afterFirstPaint(() => idle(whenSettled)), { once: true });
}

const rootEl = document.getElementById('root');
if (rootEl) {
  enableDeferredRendering();
  startHashSync();
  // A bookmarked view's script (and a bookmarked deck's slides') starts loading now rather than
  // at the first render.
  const { view, deck } = useAppStore.getState();
  preloadView(view);
  if (view === 'present') for (const slide of deck) preloadView(slide.view);
  requestBookmarkedBundles(view);
  void useAppStore.getState().loadAll();
  createRoot(rootEl).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
  preloadViewsWhenSettled();
}
