/**
 * Keyboard focus across the handover from the first paint (first-paint.ts) to the app.
 *
 * The first paint draws the header's links before the app's module has run. A keyboard user may
 * Tab onto one of them in that time; React's first commit then replaces the whole of #root, and
 * the focused link with it, so focus falls back to the page and the next Tab starts from the top.
 * This notes which header link had focus in the first paint and, once the app is committed, moves
 * focus to the app's link to the same view. Nothing happens if focus was never in the first paint
 * or has moved elsewhere meanwhile.
 */
import { useLayoutEffect } from 'react';
import { parseHash } from '@/store/routes';
import type { ViewName } from '@/store/types';

/** The view a header link opens, read from its hash route as the app reads the address. */
function viewOf(link: Element): ViewName {
  return parseHash(link.getAttribute('href') ?? '').view;
}

/**
 * Starts watching focus in `root` (call before the app renders); returns the function to call
 * after the app's first commit, which hands focus over and stops watching.
 */
export function watchFirstPaintFocus(root: HTMLElement): () => void {
  let view: ViewName | null = null;
  const note = (target: EventTarget | null) => {
    const link = target instanceof Element ? target.closest('[data-first-paint] header a') : null;
    view = link ? viewOf(link) : null;
  };
  // Most often the link got focus before this module ran (the browser was compiling it).
  note(root.ownerDocument.activeElement);
  const onFocusIn = (e: FocusEvent) => note(e.target);
  const onFocusOut = (e: FocusEvent) => {
    // Focus went to another element outside the first paint: not ours to move back.
    if (e.relatedTarget instanceof Node && !root.contains(e.relatedTarget)) view = null;
  };
  root.addEventListener('focusin', onFocusIn);
  root.addEventListener('focusout', onFocusOut);
  return () => {
    root.removeEventListener('focusin', onFocusIn);
    root.removeEventListener('focusout', onFocusOut);
    if (view === null) return;
    const doc = root.ownerDocument;
    const active = doc.activeElement;
    // Focus is somewhere real already (the link survived, or the user moved on).
    if (active !== null && active !== doc.body && active !== doc.documentElement) return;
    const target = [...root.querySelectorAll<HTMLElement>('header a')].find(
      (a) => viewOf(a) === view && a.closest('[data-first-paint]') === null,
    );
    target?.focus();
  };
}

/** Runs `run` once the tree around it is committed, before that frame is painted. */
export function AfterCommit({ run }: { run: () => void }) {
  useLayoutEffect(run, [run]);
  return null;
}
