/** Entry point: mount the app, sync the route with the URL hash, start loading data. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableDeferredRendering } from '@/components/deferred';
import { useAppStore } from '@/store/app-store';
import { startHashSync } from '@/store/hash-sync';
import { App } from './app';
import { setViewParking } from './view-slots';
import { ErrorBoundary } from './error-boundary';
import { AfterCommit, watchFirstPaintFocus } from './focus-handover';
import './app.css';

const rootEl = document.getElementById('root');
if (rootEl) {
  const handOverFocus = watchFirstPaintFocus(rootEl);
  enableDeferredRendering();
  setViewParking(true);
  startHashSync();
  void useAppStore.getState().loadAll();
  createRoot(rootEl).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
      <AfterCommit run={handOverFocus} />
    </StrictMode>,
  );
}
