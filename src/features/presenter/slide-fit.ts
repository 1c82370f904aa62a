/**
 * How a slide fits its screen. The view is laid out on a canvas as wide as the frame, at most
 * SLIDE_WIDTH, and zoomed to the frame's width: on a large screen everything grows, type included.
 * A chart too tall for the frame (many bars) first packs its rows tighter (the chart density,
 * src/components/chart-density.tsx), down to MIN_CHART_DENSITY; only beyond that is the whole
 * slide zoomed down, so type shrinks only when the bars cannot.
 *
 * The canvas keeps its width when the slide is zoomed down (it is centred instead): a narrower
 * layout would wrap into more rows (the 预算执行 small multiples), need another zoom, and so on.
 */
import { DENSE_CHART_CLASS } from '@/components/fit-width';
import { MIN_CHART_DENSITY } from '@/components/chart-density';

/** The widest canvas a slide is laid out on (px); a wider frame zooms it up. */
export const SLIDE_WIDTH = 1280;

/** Kept free below the chart (px): the fitting may end a fraction of a pixel over. */
const SLACK = 4;

export interface SlideMeasure {
  /** The frame the slide is shown in (screen px). */
  frameWidth: number;
  frameHeight: number;
  /** The slide's content height, and the part of it that is density-following charts (canvas px). */
  content: number;
  charts: number;
  /** The density those charts were drawn at. */
  density: number;
}

export interface SlideFit {
  zoom: number;
  density: number;
  /** The canvas width (px, before zoom). */
  canvasWidth: number;
}

/** The largest zoom and density at which the slide's content fits its frame. */
export function fitSlideSize(m: SlideMeasure): SlideFit {
  const byWidth = Math.max(1, m.frameWidth / SLIDE_WIDTH);
  const canvasWidth = m.frameWidth / byWidth;
  const height = m.frameHeight - SLACK;
  if (m.content <= 0) return { zoom: byWidth, density: m.density, canvasWidth };
  if (m.charts <= 0)
    return { zoom: Math.min(byWidth, height / m.content), density: m.density, canvasWidth };
  // Charts' height is near proportional to their density: estimated at full density from now.
  const fixed = m.content - m.charts;
  const chartsAtFull = m.charts / m.density;
  const density = (height / byWidth - fixed) / chartsAtFull;
  if (density >= 1) return { zoom: byWidth, density: 1, canvasWidth };
  if (density >= MIN_CHART_DENSITY) return { zoom: byWidth, density, canvasWidth };
  return {
    zoom: Math.min(byWidth, height / (fixed + MIN_CHART_DENSITY * chartsAtFull)),
    density: MIN_CHART_DENSITY,
    canvasWidth,
  };
}

/**
 * Height (px) of density-following charts in `target`: charts side by side (overlapping in height,
 * a grid row) count once, by the tallest.
 */
function chartsHeight(target: HTMLElement): number {
  const boxes = [...target.querySelectorAll<HTMLElement>(`.${DENSE_CHART_CLASS}`)]
    .map((chart) => chart.getBoundingClientRect())
    .filter((box) => box.height > 0)
    .sort((a, b) => a.top - b.top);
  let sum = 0;
  let rowBottom = -Infinity;
  let rowHeight = 0;
  for (const box of boxes) {
    if (box.top >= rowBottom) {
      sum += rowHeight;
      rowHeight = 0;
    }
    rowHeight = Math.max(rowHeight, box.height);
    rowBottom = Math.max(rowBottom, box.bottom);
  }
  return sum + rowHeight;
}

/**
 * Measures the slide shown in `root` (its chart: `.slide-target`), applies the zoom and canvas
 * width that fit it, and returns the chart density to draw at (the caller re-renders with it; the
 * next measurement then refines it).
 */
export function fitSlide(root: HTMLElement, density: number): number {
  const frame = root.parentElement;
  const frameWidth = frame?.clientWidth ?? 0;
  if (!frame || frameWidth === 0) return density;
  // Boxes are measured at the current zoom, in screen px.
  const zoom = Number(root.style.getPropertyValue('zoom')) || 1;
  const target = root.querySelector<HTMLElement>('.slide-target');
  let content = 0;
  let charts = 0;
  if (target) {
    const top = target.getBoundingClientRect().top;
    let bottom = top;
    for (const child of target.children) {
      const box = child.getBoundingClientRect();
      if (box.height > 0) bottom = Math.max(bottom, box.bottom);
    }
    content = (bottom - top) / zoom + parseFloat(getComputedStyle(target).paddingBottom);
    charts = chartsHeight(target) / zoom;
  }
  const fit = fitSlideSize({
    frameWidth,
    frameHeight: frame.clientHeight,
    content,
    charts,
    density,
  });
  // Small differences are left alone, so a redraw caused by the zoom does not start another.
  if (Math.abs(fit.zoom - zoom) > 0.002 || root.style.getPropertyValue('zoom') === '')
    root.style.setProperty('zoom', String(fit.zoom));
  root.style.setProperty('--slide-width', `${fit.canvasWidth}px`);
  root.style.setProperty('--slide-left', `${(frameWidth / fit.zoom - fit.canvasWidth) / 2}px`);
  return Math.abs(fit.density - density) > 0.005 ? fit.density : density;
}
