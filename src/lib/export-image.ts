/**
 * Chart → .svg and → .png (2× for projectors). The chart's <svg> elements are cloned with the
 * computed styles that matter inlined (the app's CSS does not travel with the file), on a white
 * background with the chart title on top. PNG: the SVG is drawn onto a canvas through a data: URL image — allowed
 * by the CSP (img-src data:), no network, and it works from file:// (a data: SVG without
 * foreignObject does not taint the canvas).
 */

import { wrapLabel } from '@/lib/text-width';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The title's font size and line height; its block is 12 px taller than its lines. */
const TITLE_SIZE = 18;
const TITLE_LINE = 24;
const FONT_FAMILY =
  "system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/** Style properties copied inline so the file looks as on screen. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

function inlineStyles(source: Element, target: Element, win: Window): void {
  const computed = win.getComputedStyle(source);
  const style = STYLE_PROPS.map((p) => [p, computed.getPropertyValue(p)] as const)
    .filter(([, v]) => v !== '' && v !== 'normal' && v !== 'auto')
    .map(([p, v]) => `${p}:${v}`)
    .join(';');
  if (style) target.setAttribute('style', style);
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length && i < to.length; i += 1) {
    const s = from[i];
    const t = to[i];
    if (s && t) inlineStyles(s, t, win);
  }
}

export interface SvgExport {
  text: string;
  width: number;
  height: number;
}

/** A box on screen (a DOMRect's fields). */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

interface TextLine {
  text: string;
  el: Element;
  box: Box;
}

/**
 * The lines a text node is drawn on, each with its box. A text that wraps (a legend label or a
 * panel heading in a narrow window) has one box per line; one <text> over the union of those
 * boxes would run past the chart's right edge on a single line. Lines are found from each
 * character's box, since CJK text wraps between any two characters.
 */
function textLines(node: Text, el: Element): TextLine[] {
  const doc = node.ownerDocument;
  const range = doc.createRange();
  range.selectNodeContents(node);
  const whole = range.getBoundingClientRect();
  if (whole.width === 0 || whole.height === 0) return [];
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  if (range.getClientRects().length <= 1) return [{ text: flat(node.data), el, box: whole }];
  const lines: { raw: string; box: Box | null }[] = [];
  let offset = 0;
  for (const ch of node.data) {
    range.setStart(node, offset);
    range.setEnd(node, offset + ch.length);
    offset += ch.length;
    const box = range.getBoundingClientRect();
    const last = lines[lines.length - 1];
    const drawn = box.width > 0 || box.height > 0;
    if (!drawn || (last?.box && box.top < last.box.top + last.box.height / 2)) {
      if (last) {
        last.raw += ch;
        if (drawn && last.box) last.box = union(last.box, box);
      } else lines.push({ raw: ch, box: drawn ? box : null });
    } else if (last && !last.box) {
      last.raw += ch;
      last.box = box;
    } else lines.push({ raw: ch, box });
  }
  return lines.flatMap(({ raw, box }) => {
    const text = flat(raw);
    return text && box ? [{ text, el, box }] : [];
  });
}

function union(a: Box, b: Box): Box {
  const left = Math.min(a.left, b.left);
  const top = Math.min(a.top, b.top);
  const right = Math.max(a.right, b.right);
  const bottom = Math.max(a.bottom, b.bottom);
  return { left, top, right, bottom, width: right - left, height: bottom - top };
}

/** The text drawn directly inside HTML elements (not inside an <svg>), a line at a time. */
function htmlTexts(container: Element): TextLine[] {
  const out: TextLine[] = [];
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text; // SHOW_TEXT: only text nodes
    const el = text.parentElement;
    // Text hidden from screen readers is decoration, unless it is marked as part of the picture
    // (a legend, which the chart's text alternative replaces for a screen reader).
    if (!el || !text.data.trim() || el.closest('svg')) continue;
    if (el.closest('[aria-hidden="true"]:not([data-export-text])')) continue;
    out.push(...textLines(text, el));
  }
  return out;
}

/**
 * A standalone SVG document of everything drawn in `container` (a ChartFrame's chart body): each
 * <svg> at its place on screen (small multiples included), the HTML text beside them (panel
 * headings, legend labels) as <text>, and the title on top.
 */
export function chartSvgText(container: Element, title: string, win: Window = window): SvgExport {
  const origin = container.getBoundingClientRect();
  const width = Math.max(1, Math.round(origin.width));
  const bodyHeight = Math.max(1, Math.round(origin.height));
  const doc = container.ownerDocument;
  const titleLines = title ? wrapLabel(title, width - 24, TITLE_SIZE, Infinity) : [];
  const top = titleLines.length > 0 ? 12 + TITLE_LINE * titleLines.length : 0;
  const height = bodyHeight + top;

  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', FONT_FAMILY);
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  root.appendChild(bg);
  titleLines.forEach((line, i) => {
    const t = doc.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', '12');
    t.setAttribute('y', String(TITLE_LINE * (i + 1)));
    t.setAttribute('font-size', String(TITLE_SIZE));
    t.setAttribute('font-weight', '600');
    t.setAttribute('fill', '#1f2933');
    t.textContent = line;
    root.appendChild(t);
  });

  for (const svg of container.querySelectorAll('svg')) {
    if (svg.parentElement?.closest('svg')) continue; // nested: travels with its outer svg
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) {
      // A box-less <svg> that only defines what the drawing refers to (the fill patterns of
      // stacked bars and of their legend swatches): its definitions travel, or the bars would
      // export with no fill at all.
      for (const defs of svg.querySelectorAll(':scope > defs'))
        root.appendChild(defs.cloneNode(true));
      continue;
    }
    const clone = svg.cloneNode(true) as SVGSVGElement;
    inlineStyles(svg, clone, win);
    clone.removeAttribute('class');
    clone.removeAttribute('style');
    clone.setAttribute('x', String(Math.round(box.left - origin.left)));
    clone.setAttribute('y', String(Math.round(box.top - origin.top) + top));
    clone.setAttribute('width', String(Math.round(box.width)));
    clone.setAttribute('height', String(Math.round(box.height)));
    if (!clone.getAttribute('viewBox'))
      clone.setAttribute('viewBox', `0 0 ${Math.round(box.width)} ${Math.round(box.height)}`);
    root.appendChild(clone);
  }

  for (const { text, el, box } of htmlTexts(container)) {
    const cs = win.getComputedStyle(el);
    const fontSize = parseFloat(cs.fontSize) || 14;
    const t = doc.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', String(Math.round((box.left - origin.left) * 10) / 10));
    // Baseline: about 0.8 em below the top of the line box's glyph area.
    const y = box.top - origin.top + (box.height - fontSize) / 2 + fontSize * 0.85 + top;
    t.setAttribute('y', String(Math.round(y * 10) / 10));
    t.setAttribute('font-size', String(fontSize));
    if (cs.fontWeight && cs.fontWeight !== '400') t.setAttribute('font-weight', cs.fontWeight);
    t.setAttribute('fill', cs.color || '#1f2933');
    t.textContent = text;
    root.appendChild(t);
  }

  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { text, width, height };
}

export function svgBlob(svg: SvgExport): Blob {
  return new Blob([svg.text], { type: 'image/svg+xml;charset=utf-8' });
}

/** Render the SVG onto a canvas at `scale`× and encode it as PNG. */
export async function pngBlob(svg: SvgExport, scale = 2, doc: Document = document): Promise<Blob> {
  const img = new Image();
  img.decoding = 'async';
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  await img.decode();
  const canvas = doc.createElement('canvas');
  canvas.width = Math.round(svg.width * scale);
  canvas.height = Math.round(svg.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('浏览器不支持画布（canvas），无法生成 PNG');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, svg.width, svg.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('无法生成 PNG 图片'))),
      'image/png',
    );
  });
}
