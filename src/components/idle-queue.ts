/**
 * Background work, one task per idle period (drawing a hidden view, bringing one up to date): a
 * task may take a hundred milliseconds, so two in a row would hold up a click twice as long.
 * Tasks run in the order queued, each after the previous one's frame and a quiet moment.
 */
import { nextFrame } from './deferred';

const tasks: (() => void)[] = [];
let scheduled = false;

/** How long the page must have been quiet (no task queued here) before the next one runs. */
const QUIET_MS = 150;

function runNext(): void {
  const task = tasks.shift();
  scheduled = false;
  if (task) task();
  if (tasks.length > 0) nextFrame(schedule);
}

function schedule(): void {
  if (scheduled || tasks.length === 0) return;
  scheduled = true;
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(runNext);
    else runNext();
  }, QUIET_MS);
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
