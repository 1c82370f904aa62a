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

/** The density-following charts' height (canvas px) measured at one density. */
export interface ChartsAt {
  density: number;
  charts: number;
}

export interface SlideMeasure {
  /** The frame the slide is shown in (screen px). */
  frameWidth: number;
  frameHeight: number;
  /** The slide's content height, and the part of it that is density-following charts (canvas px). */
  content: number;
  charts: number;
  /** The density those charts were drawn at. */
  density: number;
  /** The same charts measured at another density: how their height follows it. */
  earlier?: ChartsAt | null;
}

export interface SlideFit {
  zoom: number;
  density: number;
  /** The canvas width (px, before zoom). */
  canvasWidth: number;
}

/**
 * The largest zoom and density at which the slide's content fits its frame. The charts' height
 * is taken as a straight line of the density: through the two measurements when there are two
 * (a chart with a floor, one series of bars, hardly shrinks: its bars are then left at full
 * thickness and the slide zoomed), else through zero.
 */
export function fitSlideSize(m: SlideMeasure): SlideFit {
  const byWidth = Math.max(1, m.frameWidth / SLIDE_WIDTH);
  const canvasWidth = m.frameWidth / byWidth;
  const height = m.frameHeight - SLACK;
  if (m.content <= 0 || height <= 0) return { zoom: byWidth, density: m.density, canvasWidth };
  if (m.charts <= 0)
    return { zoom: Math.min(byWidth, height / m.content), density: m.density, canvasWidth };
  let slope = m.charts / m.density;
  let base = 0;
  if (m.earlier && Math.abs(m.earlier.density - m.density) > 0.001) {
    slope = (m.charts - m.earlier.charts) / (m.density - m.earlier.density);
    base = m.charts - slope * m.density;
  }
  const fixed = m.content - m.charts;
  const contentAt = (d: number) => fixed + base + slope * d;
  // Under a pixel between full density and none: thinner bars would gain nothing.
  let density = 1;
  if (slope >= 1) {
    density = Math.min(1, Math.max(MIN_CHART_DENSITY, (height / byWidth - fixed - base) / slope));
    if (density > 0.99) density = 1;
  }
  return { zoom: Math.min(byWidth, height / contentAt(density)), density, canvasWidth };
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

/** What the fitting of one slide remembers between measurements (SlideView keeps one). */
export interface SlideFitMemo {
  /** The density the charts are drawn at. */
  density: number;
  /** The charts measured at up to two densities, the latest last. */
  points: ChartsAt[];
  /** Density changes since the slide or the frame changed: a bound on redraws. */
  steps: number;
  frame: string;
}

export function newSlideFitMemo(): SlideFitMemo {
  return { density: 1, points: [], steps: 0, frame: '' };
}

/** Density changes allowed for one slide on one frame (each is a redraw of the view). */
const MAX_STEPS = 8;

/**
 * Measures the slide shown in `root` (its chart: `.slide-target`), applies the zoom and canvas
 * width that fit it, and returns the chart density to draw at (the caller re-renders with it, and
 * sets memo.density; the next measurement then refines it).
 */
export function fitSlide(root: HTMLElement, memo: SlideFitMemo): number {
  const frame = root.parentElement;
  const frameWidth = frame?.clientWidth ?? 0;
  if (!frame || frameWidth === 0) return memo.density;
  const frameKey = `${frameWidth}x${frame.clientHeight}`;
  if (memo.frame !== frameKey) {
    memo.frame = frameKey;
    memo.steps = 0;
  }
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
  const density = memo.density;
  const same = memo.points.find((p) => Math.abs(p.density - density) < 0.001);
  // The charts changed at the same density (a file arrived): earlier measurements are stale.
  if (same && Math.abs(same.charts - charts) > 0.5) memo.points = [];
  memo.points = [...memo.points.filter((p) => p !== same), { density, charts }].slice(-2);
  const fit = fitSlideSize({
    frameWidth,
    frameHeight: frame.clientHeight,
    content,
    charts,
    density,
    earlier: memo.points.length === 2 ? (memo.points[0] ?? null) : null,
  });
  const redraw = Math.abs(fit.density - density) > 0.005 && memo.steps < MAX_STEPS;
  // Kept at its density, the slide is zoomed to what was measured; redrawn, to what is expected
  // (the measurement after the redraw corrects it).
  const next = redraw
    ? fit.zoom
    : fitSlideSize({ frameWidth, frameHeight: frame.clientHeight, content, charts: 0, density })
        .zoom;
  // Small differences are left alone, so a redraw caused by the zoom does not start another.
  if (Math.abs(next - zoom) > 0.002 || root.style.getPropertyValue('zoom') === '')
    root.style.setProperty('zoom', String(next));
  root.style.setProperty('--slide-width', `${fit.canvasWidth}px`);
  root.style.setProperty('--slide-left', `${(frameWidth / next - fit.canvasWidth) / 2}px`);
  if (!redraw) return density;
  memo.steps += 1;
  return fit.density;
}
