/**
 * What a viewer of a slide would check, measured on the rendered slide in Chromium (axe-core does
 * not look at SVG text): every visible text (SVG <text>/<tspan> and HTML) against what is painted
 * behind it — the slide, or the bar it sits on — with the WCAG contrast ratio; text cut off by the
 * slide or by its chart's edge; labels drawn over each other; and whether the chart is drawn on
 * the slide at all. Runs inside the page (page.evaluate), so it is one self-contained function.
 */

export interface TextFinding {
  text: string;
  /** CSS colours, as composited: the text and what is behind it at its worst sample point. */
  fg: string;
  bg: string;
  ratio: number;
  required: number;
  fontPx: number;
  bold: boolean;
}

export interface SlideAudit {
  /** The chart's drawing: its box on screen and how much of it lies inside the slide. */
  chart: { width: number; height: number; insideShare: number; hit: boolean; marks: number };
  texts: TextFinding[];
  lowContrast: TextFinding[];
  clipped: string[];
  overlapping: string[];
  /** Pattern fills whose id is not unique in the page (the first one found is drawn, maybe hidden). */
  ambiguousPatterns: string[];
  /**
   * Bars and symbols whose shape does not stand out from the slide (WCAG 1.4.11, 3:1): neither
   * their outline (at least 1 px) nor their fill reaches 3:1 against the slide's background.
   */
  faintMarks: string[];
}

/** Runs in the page: audits the slide on screen (`.presenter-stage`). */
export function auditSlide(): SlideAudit {
  type Rgba = [number, number, number, number];
  const stage = document.querySelector<HTMLElement>('.presenter-stage');
  const frame = document.querySelector<HTMLElement>('.slide-frame');
  const target = document.querySelector<HTMLElement>('.slide-target');
  if (!stage || !frame || !target) throw new Error('no slide on screen');
  const frameBox = frame.getBoundingClientRect();

  const parse = (c: string): Rgba | null => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m?.[1]) return null;
    const p = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1];
  };
  const opacityOf = (el: Element): number => {
    let o = 1;
    for (let e: Element | null = el; e; e = e.parentElement)
      o *= Number(getComputedStyle(e).opacity);
    return o;
  };
  const over = (top: Rgba, under: Rgba): Rgba => {
    const a = top[3];
    return [
      top[0] * a + under[0] * (1 - a),
      top[1] * a + under[1] * (1 - a),
      top[2] * a + under[2] * (1 - a),
      1,
    ];
  };
  const lum = (c: Rgba) => {
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratioOf = (a: Rgba, b: Rgba) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  const css = (c: Rgba) => `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`;

  /** A shape's fill colour; a pattern fill counts as the colour of its base rect. */
  const shapeFill = (el: SVGElement): Rgba | null => {
    const st = getComputedStyle(el);
    let fill = st.fill;
    const url = /url\("?#([^")]+)"?\)/.exec(fill);
    if (url?.[1]) {
      const base = document.getElementById(url[1])?.querySelector('rect');
      fill = base ? getComputedStyle(base).fill : 'none';
    }
    const c = parse(fill);
    if (!c) return null;
    c[3] *= Number(st.fillOpacity) * opacityOf(el);
    return c[3] > 0 ? c : null;
  };
  const SHAPES = new Set(['rect', 'path', 'circle', 'ellipse', 'polygon', 'use']);
  /** What is painted at (x, y) below any text: composited layers, down to an opaque one. */
  const backgroundAt = (x: number, y: number): Rgba => {
    const layers: Rgba[] = [];
    for (const el of document.elementsFromPoint(x, y)) {
      if (el.closest('text')) continue;
      let c: Rgba | null = null;
      if (el instanceof SVGElement) {
        if (SHAPES.has(el.tagName)) c = shapeFill(el);
      } else {
        const bg = parse(getComputedStyle(el).backgroundColor);
        if (bg && bg[3] > 0) {
          bg[3] *= opacityOf(el);
          c = bg;
        }
      }
      if (!c) continue;
      layers.push(c);
      if (c[3] >= 1) break;
    }
    let out: Rgba = [255, 255, 255, 1];
    for (const c of layers.reverse()) out = over(c, out);
    return out;
  };

  const texts: TextFinding[] = [];
  const lowContrast: TextFinding[] = [];
  const clipped: string[] = [];
  const boxes: { svg: boolean; box: DOMRect; text: string }[] = [];

  const judge = (label: string, el: Element, color: string, box: DOMRect, scale: number) => {
    const st = getComputedStyle(el);
    const fg = parse(color);
    if (!fg) {
      lowContrast.push({
        text: label,
        fg: color,
        bg: '',
        ratio: 0,
        required: 4.5,
        fontPx: 0,
        bold: false,
      });
      return;
    }
    fg[3] *= opacityOf(el);
    const fontPx = parseFloat(st.fontSize) * scale;
    const bold = Number(st.fontWeight) >= 700;
    const required = fontPx >= 24 || (bold && fontPx >= 18.66) ? 3 : 4.5;
    let worst: TextFinding | null = null;
    const points: [number, number][] = [
      [0.5, 0.5],
      [0.15, 0.5],
      [0.85, 0.5],
      [0.5, 0.3],
      [0.5, 0.7],
    ];
    for (const [fx, fy] of points) {
      const bg = backgroundAt(box.left + box.width * fx, box.top + box.height * fy);
      const shown = over(fg, bg);
      const ratio = Math.round(ratioOf(shown, bg) * 100) / 100;
      if (!worst || ratio < worst.ratio)
        worst = { text: label, fg: css(shown), bg: css(bg), ratio, required, fontPx, bold };
    }
    if (!worst) return;
    texts.push(worst);
    if (worst.ratio < required) lowContrast.push(worst);
  };

  /** Cut off: outside the slide, or outside an ancestor that clips its content. */
  const checkClip = (label: string, from: Element, box: DOMRect) => {
    const inside = (outer: DOMRect) =>
      box.left >= outer.left - 1 &&
      box.right <= outer.right + 1 &&
      box.top >= outer.top - 1 &&
      box.bottom <= outer.bottom + 1;
    // Up to the slide (its frame clips) or, for the bar under it, the stage.
    for (
      let e: Element | null = from.parentElement;
      e && e !== frame && e !== stage;
      e = e.parentElement
    ) {
      const st = getComputedStyle(e);
      const clips =
        st.overflowX !== 'visible' || st.overflowY !== 'visible' || /paint/.test(st.contain);
      if (clips && !inside(e.getBoundingClientRect())) {
        clipped.push(
          `${label}（被 ${e.tagName.toLowerCase()}.${String(e.getAttribute('class'))} 截断）`,
        );
        return;
      }
    }
    const screen = new DOMRect(0, 0, innerWidth, innerHeight);
    if (!inside(from.closest('.slide-frame') ? frameBox : screen))
      clipped.push(`${label}（超出幻灯片）`);
  };

  const visible = (el: Element) =>
    el.checkVisibility({ visibilityProperty: true, opacityProperty: true });

  // SVG text: each <tspan> on its own (it may carry its own fill), else the <text>.
  for (const t of target.querySelectorAll<SVGTextElement>('svg text')) {
    if (!visible(t)) continue;
    const parts = t.querySelectorAll<SVGTSpanElement>('tspan');
    const items: SVGTextContentElement[] = parts.length > 0 ? [...parts] : [t];
    for (const item of items) {
      const label = (item.textContent ?? '').trim();
      const box = item.getBoundingClientRect();
      if (!label || box.width === 0 || box.height === 0) continue;
      // The text's scale on screen, also when it is rotated (a vertical axis title).
      const ctm = t.getScreenCTM();
      const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
      judge(label, item, getComputedStyle(item).fill, box, scale);
      checkClip(label, t, box);
      boxes.push({ svg: true, box, text: label });
    }
  }

  // HTML text on the slide and in its bar.
  const roots = [target, document.querySelector('.slide-bar')].filter((r) => r !== null);
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const label = (n.textContent ?? '').trim();
      if (!el || !label || el.closest('svg') || !visible(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const box = range.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      judge(
        label,
        el,
        getComputedStyle(el).color,
        box,
        (el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1,
      );
      checkClip(label, el, box);
    }
  }

  // Chart labels drawn over each other, or over the slide's other text.
  const overlapping: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (!a || !b || !(a.svg || b.svg)) continue;
      const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      const smaller = Math.min(a.box.width * a.box.height, b.box.width * b.box.height);
      if (w > 0 && h > 0 && w * h > 0.2 * smaller) overlapping.push(`${a.text} × ${b.text}`);
    }
  }

  // The chart: its largest drawing, how much of it is inside the slide, and whether what is
  // painted at its centre belongs to the slide (a chart laid out off the slide is not there).
  let chartSvg: SVGSVGElement | null = null;
  let area = 0;
  for (const svg of target.querySelectorAll<SVGSVGElement>('.chart-body svg')) {
    const r = svg.getBoundingClientRect();
    if (r.width * r.height > area) {
      area = r.width * r.height;
      chartSvg = svg;
    }
  }
  const chart = { width: 0, height: 0, insideShare: 0, hit: false, marks: 0 };
  if (chartSvg) {
    const r = chartSvg.getBoundingClientRect();
    const w = Math.max(0, Math.min(r.right, frameBox.right) - Math.max(r.left, frameBox.left));
    const h = Math.max(0, Math.min(r.bottom, frameBox.bottom) - Math.max(r.top, frameBox.top));
    chart.width = r.width;
    chart.height = r.height;
    chart.insideShare = area > 0 ? (w * h) / area : 0;
    chart.hit = document
      .elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2)
      .some((el) => chartSvg.contains(el));
    chart.marks = chartSvg.querySelectorAll(
      '.recharts-bar-rectangle, .recharts-scatter-symbol, .recharts-symbols',
    ).length;
  }
  const ambiguousPatterns = [
    ...new Set(
      [...target.querySelectorAll('svg *')].flatMap((el) => {
        const id = /url\("?#([^")]+)"?\)/.exec(getComputedStyle(el).fill)?.[1];
        return id && document.querySelectorAll(`[id="${id}"]`).length > 1 ? [id] : [];
      }),
    ),
  ];
  // A bar or symbol stands out when any colour drawn in it does: its fill (for a pattern, any
  // colour of the pattern: a hatch of dark lines on a pale ground reads), or an outline of 1 px.
  const slideBg = backgroundAt(frameBox.left + 2, frameBox.top + 2);
  const zoomOf = (el: Element) => (el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
  const colours = (el: SVGElement): Rgba[] => {
    const st = getComputedStyle(el);
    const out: Rgba[] = [];
    const url = /url\("?#([^")]+)"?\)/.exec(st.fill);
    if (url?.[1]) {
      for (const part of document.getElementById(url[1])?.querySelectorAll<SVGElement>('*') ?? [])
        out.push(...colours(part));
    } else {
      const fill = parse(st.fill);
      if (fill) out.push(fill);
    }
    const stroke = parse(st.stroke);
    if (stroke && parseFloat(st.strokeWidth) * zoomOf(el) >= 1) out.push(stroke);
    return out.filter((c) => c[3] > 0);
  };
  const faintMarks = [
    ...new Set(
      [
        ...target.querySelectorAll<SVGElement>('.recharts-bar-rectangle, .recharts-symbols'),
      ].flatMap((mark) => {
        if (!visible(mark) || mark.getBoundingClientRect().width === 0) return [];
        const shapes = [mark, ...mark.querySelectorAll<SVGElement>('*')].filter((e) =>
          SHAPES.has(e.tagName),
        );
        const drawn = shapes.flatMap(colours);
        if (drawn.length === 0) return [];
        const best = Math.max(...drawn.map((c) => ratioOf(over(c, slideBg), slideBg)));
        return best < 3 ? [drawn.map(css).join(' / ')] : [];
      }),
    ),
  ];
  return { chart, texts, lowContrast, clipped, overlapping, ambiguousPatterns, faintMarks };
}
