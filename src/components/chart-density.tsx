/**
 * How tightly a chart packs its rows: 1 on a page; on a 演示 slide less, down to
 * MIN_CHART_DENSITY, so a chart of many bars fits a projector's screen at the type size it was
 * designed with instead of the whole slide being zoomed down (src/features/presenter). Only the
 * rows' height and the bars' thickness shrink; text, axes and margins keep their size.
 */
import { createContext, useContext } from 'react';

/** Bars keep three quarters of their thickness (16 px → 12 px): the label beside each still fits. */
export const MIN_CHART_DENSITY = 0.75;

export const ChartDensityContext = createContext(1);

/** The density charts here are drawn at (1 outside a slide). */
export function useChartDensity(): number {
  return useContext(ChartDensityContext);
}

/**
 * A row height or bar thickness (px) at a density. Not rounded: a chart's height then follows
 * the density smoothly, so the slide's fitting converges instead of stepping between two sizes.
 */
export function dense(px: number, density: number): number {
  return px * density;
}
