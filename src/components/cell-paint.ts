/**
 * Writing a windowed table's cells straight into the DOM. Scrolling a long table by a screen or
 * more a frame replaces every row in view; drawing them through React (a dozen components a row,
 * then the commit) took about 7 ms of each frame, which with layout and paint left no room in 16.
 * A painter writes the same markup its React cell renders, reusing the cell's nodes when their
 * shape is unchanged, so a scroll step is a few text and attribute writes per cell.
 *
 * Each painter has a React twin that renders the same markup (FigureValue, ExpandToggle, ...);
 * tests/features/tables-paint.test.tsx checks the two give identical HTML.
 */
import { DERIVED_MARK, FIGURE_EMPTY_CLASS } from './figure-value';
import type { FigureSpec } from './figure-value';
import { NO_VALUE } from '@/lib/format';

/** The nodes a painter built for a cell, by shape, and the shape it shows. */
interface Painted {
  shape: string;
  first: Node | null;
  built: Map<string, { children: Node[]; refs: unknown }>;
}

const painted = new WeakMap<Element, Painted>();

/**
 * The nodes of `parent` as last painted when they have the shape `shape`. Otherwise its children
 * become the nodes of that shape: those it had before when it had that shape (a cell's figure
 * comes and goes as rows pass; building the nodes again each time cost more than writing them),
 * else `build`'s. A painter then writes its values into the refs (the nodes it changes).
 */
export function shaped<R>(
  parent: Element,
  shape: string,
  build: () => { children: Node[]; refs: R },
): R {
  let state = painted.get(parent);
  if (state && state.shape === shape && state.first === parent.firstChild) {
    return state.built.get(shape)?.refs as R;
  }
  if (!state || state.first !== parent.firstChild) {
    // First paint, or someone else changed the cell: nothing kept is trusted.
    state = { shape, first: null, built: new Map() };
    painted.set(parent, state);
  }
  let nodes = state.built.get(shape);
  if (!nodes) state.built.set(shape, (nodes = build()));
  const [only] = nodes.children;
  // One node for one (a figure for "—"): swapped in place, cheaper than emptying and refilling.
  if (nodes.children.length === 1 && only && parent.childNodes.length === 1 && parent.firstChild)
    parent.replaceChild(only, parent.firstChild);
  else parent.replaceChildren(...nodes.children);
  state.shape = shape;
  state.first = parent.firstChild;
  return nodes.refs as R;
}

export function setText(node: Text, text: string): void {
  if (node.data !== text) node.data = text;
}

/** `<tag class="…">text</tag>`, with the text node returned for later writes. */
export function textElement(tag: string, className: string, text = ''): [HTMLElement, Text] {
  const el = document.createElement(tag);
  el.className = className;
  const node = document.createTextNode(text);
  el.append(node);
  return [el, node];
}

/** FigureValue's markup: a source link (derived: marked ※), or "—" when there is no figure. */
export function paintFigure(td: Element, spec: FigureSpec | null): void {
  if (spec === null) {
    shaped(td, 'figure-empty', () => ({
      children: [textElement('span', FIGURE_EMPTY_CLASS, NO_VALUE)[0]],
      refs: null,
    }));
    return;
  }
  const link = shaped(td, spec.derived ? 'figure-derived' : 'figure', () => {
    const [a, text] = textElement('a', spec.derived ? 'source-link derived' : 'source-link');
    if (spec.derived) {
      const sup = document.createElement('sup');
      sup.setAttribute('aria-label', DERIVED_MARK.label);
      sup.textContent = DERIVED_MARK.text;
      a.append(sup);
    }
    return { children: [a], refs: { a, text, href: '', title: '' } };
  });
  // The link's attributes as last written, compared here rather than read back from the DOM.
  if (link.href !== spec.href) link.a.setAttribute('href', (link.href = spec.href));
  if (link.title !== spec.title) link.a.setAttribute('title', (link.title = spec.title));
  setText(link.text, spec.text);
}

/** `<span class="…">text</span>`: a plain text cell. */
export function paintText(td: Element, className: string, text: string): void {
  const node = shaped(td, `text:${className}`, () => {
    const [el, node] = textElement('span', className);
    return { children: [el], refs: node };
  });
  setText(node, text);
}
