/**
 * Two-way sync between the store's route (view, selection, source target, display options, the
 * 明细表's choice) and location.hash. A view change pushes a history entry (Back works); a change
 * of selection, options or chosen table replaces it (a toggle is not a step back).
 */
import { useAppStore } from './app-store';
import { formatHash, parseHash } from './routes';
import type { AppState, Route } from './types';

type Store = typeof useAppStore;

function routeOf(s: AppState): Route {
  return {
    view: s.view,
    selectedIds: s.selectedIds,
    source: s.source,
    deck: s.deck,
    slide: s.slide,
    displayUnit: s.displayUnit,
    measureMode: s.measureMode,
    tableDoc: s.tableDoc,
    tableId: s.tableId,
  };
}

/** The part of the address that is a place to go back to: the view, its source line, the deck. */
function placeOf(s: AppState): string {
  return formatHash({
    view: s.view,
    selectedIds: [],
    source: s.source,
    deck: s.deck,
    slide: s.slide,
  });
}

/** Start syncing; returns a function that stops it. */
export function startHashSync(store: Store = useAppStore, win: Window = window): () => void {
  // The address as this sync last read or wrote it. When location.hash differs, the user has
  // navigated (link, Back, typed address) and the browser has not dispatched hashchange yet.
  let known = win.location.hash;
  /** A new history entry (push) or the current one replaced; either way, now the known address. */
  const write = (hash: string, push: boolean) => {
    if (push) win.location.hash = hash;
    else win.location.replace(hash);
    known = win.location.hash;
  };
  const fromHash = () => {
    known = win.location.hash;
    const route = parseHash(win.location.hash);
    if (formatHash(route) !== formatHash(routeOf(store.getState())))
      store.getState().setRoute(route);
    // State the hash does not carry (the deck behind an ordinary link) goes back into the address.
    const canonical = formatHash(routeOf(store.getState()));
    if (win.location.hash !== canonical && win.location.hash !== '') write(canonical, false);
  };
  fromHash();
  // Normalise the address bar once (e.g. '' → '#/overview') without adding a history entry.
  const initial = formatHash(routeOf(store.getState()));
  if (win.location.hash !== initial) write(initial, false);

  const unsubscribe = store.subscribe((state, prev) => {
    // A navigation not yet taken in (its hashchange is still queued) wins over the store: writing
    // the store's route now would put the address back and lose the user's click (a bundle that
    // finishes loading at that moment did exactly this).
    if (win.location.hash !== known) {
      fromHash();
      return;
    }
    const next = formatHash(routeOf(state));
    if (next === win.location.hash) return;
    write(next, placeOf(state) !== placeOf(prev));
  });
  win.addEventListener('hashchange', fromHash);
  return () => {
    unsubscribe();
    win.removeEventListener('hashchange', fromHash);
  };
}
