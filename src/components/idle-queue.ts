/**
 * Background work, one task per idle period (drawing a hidden view, bringing one up to date): a
 * task may take a hundred milliseconds, so two in a row would hold up a click twice as long.
 * Tasks run in the order queued, each once the user has paused: no click, key, wheel or scroll
 * for QUIET_MS, so bringing six hidden views up to date after a selection change does not run
 * between that change and the user's next one, nor in the frames of a scroll (a scrollbar drag
 * sends no wheel or key, and one pointerdown only when it starts).
 */
import { nextFrame } from './deferred';

const tasks: (() => void)[] = [];
let scheduled = false;

/** How long the user must have left the page alone before the next task runs. */
export const QUIET_MS = 1000;

let lastInput = -Infinity;
if (typeof window !== 'undefined') {
  const note = () => {
    lastInput = performance.now();
  };
  // Capturing on window also hears the scroll of any element (scroll does not bubble).
  for (const type of ['pointerdown', 'keydown', 'wheel', 'scroll'])
    window.addEventListener(type, note, { capture: true, passive: true });
}

function runNext(): void {
  scheduled = false;
  // Input came while waiting for the idle callback: wait for the next pause.
  if (performance.now() - lastInput < QUIET_MS) {
    schedule();
    return;
  }
  const task = tasks.shift();
  if (task) task();
  if (tasks.length > 0) nextFrame(schedule);
}

function schedule(): void {
  if (scheduled || tasks.length === 0) return;
  scheduled = true;
  const wait = Math.max(50, lastInput + QUIET_MS - performance.now());
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(runNext);
    else runNext();
  }, wait);
}

/** Queues `task` for an idle period; returns a cancel function (a no-op once it has run). */
export function whenIdleInTurn(task: () => void): () => void {
  tasks.push(task);
  schedule();
  return () => {
    const i = tasks.indexOf(task);
    if (i >= 0) tasks.splice(i, 1);
  };
}
