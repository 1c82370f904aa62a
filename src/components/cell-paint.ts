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
import type { FigureLink } from './figure-value';
import { NO_VALUE } from '@/lib/format';

/** The nodes a builder makes for a shape, and the refs a painter writes into. */
export interface Built<R> {
  children: Node[];
  refs: R;
}

/** The nodes a painter built for a cell, by shape, and the shape it shows. */
interface Painted {
  shape: string;
  first: Node | null;
  built: Map<string, Built<unknown>>;
}

const painted = new WeakMap<Element, Painted>();

/**
 * The nodes of `parent` as last painted when they have the shape `shape`. Otherwise its children
 * become the nodes of that shape: those it had before when it had that shape (a cell's figure
 * comes and goes as rows pass; building the nodes again each time cost more than writing them),
 * else `build(arg)`'s. A painter then writes its values into the refs (the nodes it changes).
 *
 * `build` is a module-level function given `arg`, not a closure: a drag paints some two hundred
 * cells a frame, and a closure for each was most of what a scroll step allocated.
 */
export function shaped<R, A>(
  parent: Element,
  shape: string,
  build: (arg: A) => Built<R>,
  arg: A,
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
  if (!nodes) state.built.set(shape, (nodes = build(arg)));
  const [only] = nodes.children;
  // One node for one (a figure for "—"): swapped in place, cheaper than emptying and refilling.
  if (nodes.children.length === 1 && only && parent.childNodes.length === 1 && parent.firstChild)
    parent.replaceChild(only, parent.firstChild);
  else parent.replaceChildren(...nodes.children);
  state.shape = shape;
  state.first = parent.firstChild;
  return nodes.refs as R;
}

/**
 * A painted text node and the text last written into it. Compared here, not read back: reading
 * a node's `data` makes a new string each time.
 */
export interface TextRef {
  node: Text;
  text: string;
}

export function setText(ref: TextRef, text: string): void {
  if (ref.text !== text) ref.node.data = ref.text = text;
}

/** `<tag class="…">text</tag>`, with its text node returned for later writes. */
export function textElement(tag: string, className: string, text = ''): [HTMLElement, TextRef] {
  const el = document.createElement(tag);
  el.className = className;
  const node = document.createTextNode(text);
  el.append(node);
  return [el, { node, text }];
}

/** A figure link's nodes, and what was last written to them (compared in JS, not read back). */
interface LinkRefs {
  a: HTMLElement;
  text: TextRef;
  link: FigureLink | null;
}

function buildLink(derived: boolean): Built<LinkRefs> {
  const [a, text] = textElement('a', derived ? 'source-link derived' : 'source-link');
  if (derived) {
    const sup = document.createElement('sup');
    sup.setAttribute('aria-label', DERIVED_MARK.label);
    sup.textContent = DERIVED_MARK.text;
    a.append(sup);
  }
  return { children: [a], refs: { a, text, link: null } };
}

function buildEmpty(): Built<null> {
  return { children: [textElement('span', FIGURE_EMPTY_CLASS, NO_VALUE)[0]], refs: null };
}

/**
 * FigureValue's markup: a source link (derived: marked ※) showing `text`. The figures of a row
 * share their source line, so a painter passes them one FigureLink: a cell that last showed that
 * same link skips its attributes, compared by identity.
 */
export function paintFigure(td: Element, text: string, link: FigureLink): void {
  const refs = shaped(td, link.derived ? 'figure-derived' : 'figure', buildLink, link.derived);
  const was = refs.link;
  if (was !== link) {
    if (was?.href !== link.href) refs.a.setAttribute('href', link.href);
    if (was?.title !== link.title) refs.a.setAttribute('title', link.title);
    refs.link = link;
  }
  setText(refs.text, text);
}

/** FigureValue's markup when there is no figure: "—". */
export function paintNoFigure(td: Element): void {
  shaped(td, 'figure-empty', buildEmpty, undefined);
}

function buildText(className: string): Built<TextRef> {
  const [el, node] = textElement('span', className);
  return { children: [el], refs: node };
}

/** Shape names of text cells, by class, made once (not a new string for every cell painted). */
const textShapes = new Map<string, string>();

/** `<span class="…">text</span>`: a plain text cell. */
export function paintText(td: Element, className: string, text: string): void {
  let shape = textShapes.get(className);
  if (shape === undefined) textShapes.set(className, (shape = `text:${className}`));
  setText(shaped(td, shape, buildText, className), text);
}
