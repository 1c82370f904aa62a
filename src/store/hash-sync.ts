/**
 * Two-way sync between the store's route (view, selection, source target, display options, the
 * 明细表's choice) and location.hash. A view change pushes a history entry (Back works); a change
 * of selection, options or chosen table replaces it (a toggle is not a step back).
 *
 * It also remembers where the source viewer was opened from (`sourceReturn`: the address, the
 * scroll offset and the figure link) and, on the way back there, scrolls to where the reader was
 * and focuses the figure they followed.
 */
import { useAppStore } from './app-store';
import { formatHash, parseHash } from './routes';
import type { AppState, Route, SourceReturn } from './types';

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
    matrixGroup: s.matrixGroup,
    matrixSort: s.matrixSort,
    flagUnit: s.flagUnit,
    flagRule: s.flagRule,
    flagSeverity: s.flagSeverity,
    flagThresholds: s.flagThresholds,
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
  let starting = true;
  /** After the route changed from `prev` (at address `left`) to the store's, reached by `link`. */
  const track = (prev: AppState, left: string, link: string) => {
    const s = store.getState();
    if (s.view === 'source' && prev.view !== 'source') {
      // A pasted or reloaded address has no view to go back to.
      if (starting) return;
      const back: SourceReturn = { hash: left, link, scrollY: win.scrollY, viaHistory: true };
      store.setState({ sourceReturn: back });
    } else if (s.view === 'source') {
      // Another source line: where the view left is in the history is no longer known.
      if (s.sourceReturn?.viaHistory && placeOf(s) !== placeOf(prev))
        store.setState({ sourceReturn: { ...s.sourceReturn, viaHistory: false } });
    } else if (prev.view === 'source' && s.sourceReturn) {
      const back = s.sourceReturn;
      store.setState({ sourceReturn: null });
      if (formatHash(routeOf(s)) === back.hash) returnTo(win, back);
    }
  };
  const fromHash = () => {
    const left = known;
    const arrived = win.location.hash;
    known = arrived;
    const route = parseHash(arrived);
    // An address the user opened (not one this sync wrote): say what of it could not be read.
    // (Set only when it changes: every store change runs every subscribed selector.)
    const notice = route.notice ?? null;
    if ((starting || arrived !== left) && store.getState().routeNotice !== notice)
      store.setState({ routeNotice: notice });
    const prev = store.getState();
    if (formatHash(route) !== formatHash(routeOf(prev))) {
      prev.setRoute(route);
      track(prev, left, arrived);
    }
    // State the hash does not carry (the deck behind an ordinary link) goes back into the address.
    const canonical = formatHash(routeOf(store.getState()));
    if (win.location.hash !== canonical && win.location.hash !== '') write(canonical, false);
  };
  fromHash();
  starting = false;
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
    const left = win.location.hash;
    const moved = placeOf(state) !== placeOf(prev);
    write(next, moved);
    if (moved) track(prev, left, next);
  });
  win.addEventListener('hashchange', fromHash);
  return () => {
    unsubscribe();
    win.removeEventListener('hashchange', fromHash);
  };
}

/**
 * Back at the view the source viewer was opened from: once it is drawn (the next frames), scroll
 * to where the reader was and focus the figure they followed, if it is still on screen.
 */
function returnTo(win: Window, back: SourceReturn): void {
  const frame = (run: () => void) =>
    typeof win.requestAnimationFrame === 'function'
      ? win.requestAnimationFrame(run)
      : win.setTimeout(run, 16);
  let tries = 0;
  const step = () => {
    win.scrollTo(0, back.scrollY);
    const link = [...win.document.querySelectorAll<HTMLAnchorElement>('main a[href]')].find(
      (a) => a.getAttribute('href') === back.link,
    );
    // The view may still be growing to its full height, and its figure drawn, in the blocks drawn
    // after the first frame.
    const settled = Math.abs(win.scrollY - back.scrollY) <= 1 && link !== undefined;
    if (!settled && ++tries < 60) {
      frame(step);
      return;
    }
    link?.focus({ preventScroll: true });
  };
  frame(step);
}
