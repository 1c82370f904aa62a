/**
 * Parts of the grouped horizontal bar charts (预算执行's rates, 同比变化's changes): one bar per
 * series (a compared document) within each category (a subject), the legend above the chart and
 * the figure printed beside each bar. Each chart keeps its own axis and its own bar shape.
 */
import type { ReactElement, ReactNode } from 'react';
import type { BarShapeProps } from 'recharts';
import { Bar } from 'recharts';
import { dense, useChartDensity } from './chart-density';

export interface BarSeries {
  id: string;
  name: string;
  color: string;
}

export interface BarCategory<B> {
  key: string;
  label: string;
  /** By series id; undefined where the series has no bar in this category. */
  bars: Record<string, B | undefined>;
}

/** One category of grouped horizontal bars (px): a bar's thickness, between bars, between categories. */
export interface GroupGeometry {
  bar: number;
  gap: number;
  groupGap: number;
}

/**
 * A category of grouped bars at the chart's density (useChartDensity), with its height: thinner
 * bars on a crowded slide, but never less room than one full-size bar takes, since the category's
 * label may wrap to two lines.
 */
export function useDenseGroup(
  seriesCount: number,
  full: GroupGeometry,
): GroupGeometry & { height: number } {
  const density = useChartDensity();
  const bar = dense(full.bar, density);
  const groupGap = dense(full.groupGap, density);
  const height = Math.max(
    full.bar + full.gap + full.groupGap,
    seriesCount * (bar + full.gap) + groupGap,
  );
  return { bar, gap: full.gap, groupGap, height };
}

/** Theme colours (app.css :root; the presenter's themes change them). */
export const CHART_TEXT = 'var(--chart-text)';
const HALO = 'var(--chart-halo)';

/**
 * recharts' data: one row per category, `s0`, `s1` … holding each series' bar length (`length`,
 * pixel geometry only), null where the series has no bar.
 */
export function seriesRows<B>(
  categories: readonly BarCategory<B>[],
  series: readonly BarSeries[],
  length: (bar: B) => number,
): Record<string, string | number | null>[] {
  return categories.map((c) => {
    const row: Record<string, string | number | null> = { key: c.key, label: c.label };
    series.forEach((s, i) => {
      const bar = c.bars[s.id];
      row[`s${i}`] = bar === undefined ? null : length(bar);
    });
    return row;
  });
}

/**
 * The series' bars, drawn by `shape`, which gets the bar it draws: looked up by the data row,
 * not by recharts' `index`, which skips the rows a series lacks.
 */
export function seriesBars<B>(
  categories: readonly BarCategory<B>[],
  series: readonly BarSeries[],
  barSize: number,
  shape: (bar: B, s: BarSeries, props: BarShapeProps) => ReactElement,
): ReactElement[] {
  const byKey = new Map(categories.map((c) => [c.key, c]));
  return series.map((s, i) => {
    function SeriesShape(props: BarShapeProps) {
      const key = (props.payload as { key?: string } | undefined)?.key;
      const bar = byKey.get(key ?? '')?.bars[s.id];
      return bar === undefined ? <g /> : shape(bar, s, props);
    }
    return (
      <Bar
        key={s.id}
        dataKey={`s${i}`}
        name={s.name}
        fill={s.color}
        barSize={barSize}
        isAnimationActive={false}
        shape={SeriesShape}
      />
    );
  });
}

/**
 * The legend above the chart. Hidden from screen readers, which get the chart's text alternative
 * (it names every series), but part of the exported image (`data-export-text`).
 */
export function SeriesLegend({
  series,
  lead,
}: {
  series: readonly BarSeries[];
  /** Said before the series, e.g. what every bar is measured against. */
  lead?: ReactNode;
}) {
  return (
    <ul className="chart-legend" aria-hidden="true" data-export-text="">
      {lead === undefined ? null : <li className="legend-basis">{lead}</li>}
      {series.map((s) => (
        <li key={s.id}>
          {/* SVG, not a coloured box: the image export carries a chart's SVG, not HTML boxes. */}
          <svg className="swatch" viewBox="0 0 12 12" focusable="false">
            <rect width="12" height="12" rx="2" fill={s.color} />
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}

/** A bar's figure beside its end, with a halo so it stays legible across grid lines. */
export function BarLabel({
  x,
  y,
  anchor = 'start',
  fontSize,
  bold = false,
  children,
}: {
  x: number;
  /** The bar's vertical centre. */
  y: number;
  anchor?: 'start' | 'end';
  fontSize: number;
  bold?: boolean;
  children: ReactNode;
}) {
  return (
    <text
      x={x}
      y={y}
      textAnchor={anchor}
      dominantBaseline="central"
      fontSize={fontSize}
      fill={CHART_TEXT}
      stroke={HALO}
      strokeWidth={3}
      paintOrder="stroke"
      fontWeight={bold ? 700 : 400}
    >
      {children}
    </text>
  );
}
