/**
 * Whether an element is in a view that is not on screen: one kept drawn but hidden
 * (src/app/view-slots.tsx) or one about to unmount (./linger). Print handlers skip such content:
 * it is not printed, and rendering a hidden 10,000-row table in full would hold up the print.
 */
export function isOffstage(el: Element | null): boolean {
  return el?.closest('[data-parked], [data-leaving]') != null;
}
