/**
 * Runs `run` after the next frame has been produced: requestAnimationFrame, then a task, so the
 * browser paints before `run` starts. At once (in a task) where frames do not run: a hidden tab,
 * or no requestAnimationFrame (tests). Returns a cancel function.
 */
export function nextFrame(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const framesRun =
    typeof requestAnimationFrame === 'function' &&
    (typeof document === 'undefined' || document.visibilityState !== 'hidden');
  if (!framesRun) {
    timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
