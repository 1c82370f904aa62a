/**
 * A chart as wide as its container (recharts' ResponsiveContainer), drawn at once at the width
 * this kind of chart had last time.
 *
 * ResponsiveContainer renders nothing until its effect has measured the container, so a chart
 * costs two passes: the page is committed and laid out (a forced layout in that effect), then the
 * chart renders and the page is laid out again (half of a view switch at 500 units).
 * Given the width measured the last time a chart of the same kind was on screen (or, for a
 * full-width chart, that of any chart frame's body: ChartFrame reports it), the chart renders in
 * the first pass; the effect's measurement then finds the same width and changes
 * nothing. A different width (the window was resized meanwhile) is corrected by that same
 * measurement before the frame is painted, as before.
 */
import { ResponsiveContainer } from 'recharts';
import type { ReactNode } from 'react';

/**
 * 'full': as wide as a chart frame's body (every chart but the small multiples); 'amount': one
 * of the small multiples of 预算执行.
 */
export type ChartWidthKind = 'full' | 'amount';

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
  children: ReactNode;
  /** Told each measured width: for a chart that lays out its labels in pixels. */
  onWidth?: (width: number) => void;
}

export function FitWidth({ kind, height, children, onWidth }: FitWidthProps) {
  const width = lastWidth.get(kind) ?? -1;
  return (
    <ResponsiveContainer
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
