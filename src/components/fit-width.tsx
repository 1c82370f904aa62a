/**
 * A chart as wide as its container (recharts' ResponsiveContainer), drawn in the same pass as the
 * page around it.
 *
 * ResponsiveContainer renders nothing until its effect has measured the container, and that
 * effect runs after the page has been painted: a chart then costs a second pass and a second
 * frame (the page painted without it, then the chart drawn and the page laid out again).
 * - Given the width measured the last time a chart of the same kind was on screen (or, for a
 *   full-width chart, that of any chart frame's body: ChartFrame reports it), the chart renders in
 *   the first pass; the effect's measurement then finds the same width and changes nothing. A
 *   different width (the window was resized meanwhile) is corrected by that measurement.
 * - The first chart of its kind (a bookmarked view opened cold) measures its box in a layout
 *   effect, before anything is painted, and is drawn at once: one frame, not two.
 */
import { ResponsiveContainer } from 'recharts';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

/**
 * 'full': as wide as a chart frame's body (every chart but the small multiples); 'amount': one
 * of the small multiples of 预算执行.
 */
export type ChartWidthKind = 'full' | 'amount';

/** The class of a chart whose height follows the density (FitWidth's `dense`). */
export const DENSE_CHART_CLASS = 'chart-dense';

const lastWidth = new Map<ChartWidthKind, number>();

/** The width a chart of this kind has now (px), learned without laying out the page. */
export function rememberChartWidth(kind: ChartWidthKind, width: number): void {
  if (width > 0) lastWidth.set(kind, Math.round(width));
}

/** The width last measured for this kind of chart (px), or null before any was drawn. */
export function rememberedChartWidth(kind: ChartWidthKind): number | null {
  return lastWidth.get(kind) ?? null;
}

/** For tests: forget every width measured so far. */
export function forgetChartWidths(): void {
  lastWidth.clear();
}

interface FitWidthProps {
  /** Which kind of chart this is (charts of one kind have the same width on every view). */
  kind: ChartWidthKind;
  height: number;
  /**
   * The chart's rows follow the slide's density (useChartDensity): a 演示 slide may shrink its
   * height to fit the screen (src/features/presenter/slide-fit.ts finds such charts by class).
   */
  dense?: boolean;
  children: ReactNode;
  /** Told each measured width: for a chart that lays out its labels in pixels. */
  onWidth?: (width: number) => void;
}

export function FitWidth({ kind, height, dense = false, children, onWidth }: FitWidthProps) {
  const box = useRef<HTMLDivElement>(null);
  // The first chart of its kind: its box, measured before the page is painted (-1: unknown).
  const [measured, setMeasured] = useState<number | null>(null);
  const width = lastWidth.get(kind) ?? measured;
  useLayoutEffect(() => {
    if (width !== null) return;
    const w = Math.round(box.current?.getBoundingClientRect().width ?? 0);
    rememberChartWidth(kind, w);
    setMeasured(w > 0 ? w : -1);
  }, [kind, width]);
  const marked = dense ? { className: DENSE_CHART_CLASS } : {};
  if (width === null) return <div ref={box} {...marked} style={{ width: '100%', height }} />;
  return (
    <ResponsiveContainer
      {...marked}
      width="100%"
      height={height}
      initialDimension={{ width, height }}
      onResize={(w) => {
        rememberChartWidth(kind, w);
        onWidth?.(Math.round(w));
      }}
    >
      {children}
    </ResponsiveContainer>
  );
}

/**
 * The width (px) of a horizontal bar chart's category axis: `max` where the chart has room, and
 * half of a narrower chart (at least 120 px), so the bars keep the other half in a narrow window
 * instead of vanishing behind their labels. `chartWidth` is what FitWidth's onWidth reports.
 */
export function categoryAxisWidth(chartWidth: number, max: number): number {
  return Math.min(max, Math.max(120, Math.round(chartWidth / 2)));
}

/**
 * categoryAxisWidth for a full-width chart, with the onWidth callback that keeps it current. The
 * state is the axis width, not the chart's: a chart wide enough for `max` (any desktop window)
 * is never drawn twice when it is first measured; only a narrow one is.
 */
export function useCategoryAxisWidth(max: number): [number, (chartWidth: number) => void] {
  const [axis, setAxis] = useState(() =>
    categoryAxisWidth(rememberedChartWidth('full') ?? 2 * max, max),
  );
  const onWidth = useCallback((w: number) => setAxis(categoryAxisWidth(w, max)), [max]);
  return [axis, onWidth];
}
