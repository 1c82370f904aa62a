/**
 * Horizontal grouped bars of execution rates (percent), one bar per unit within each subject.
 *
 * Why a capped linear axis and not a log scale: almost every rate in the documents lies between
 * 80% and 150%, and what a reader looks for is the distance to 100% (fully spent) and to 80%
 * (under-executed). A log scale squeezes exactly that band (80→100 becomes a sliver) and is hard
 * to read for a lay audience on a projector. So the axis is linear from 0 to RATE_AXIS_CAP (200%);
 * a bar beyond it (the province's 1838.93%, its 201 at 1980.00%) runs into a shaded overflow band
 * past the cap, carries a white break mark (the bar is not to scale there) and prints its true
 * value. The other bars keep their full resolution.
 *
 * `Number()` is used only for pixel geometry; every label is text formatted from decimal strings.
 */
import { useId } from 'react';
import { noLines, verticalAtTicks } from '@/components/chart-grid';
import { wrappedTick } from '@/components/chart-tick';
import { FitWidth } from '@/components/fit-width';
import {
  BarLabel,
  CHART_TEXT as TEXT,
  SeriesLegend,
  seriesBars,
  seriesRows,
  useDenseGroup,
} from '@/components/grouped-bars';
import type { BarCategory, BarSeries } from '@/components/grouped-bars';
import { BarChart, CartesianGrid, ReferenceArea, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { DecimalString } from '@/domain/money';

export interface RateBar {
  /** Rate in percent as a decimal string; null where no rate exists (zero budget): no bar. */
  rate: DecimalString | null;
  /** Beyond the axis cap: drawn into the overflow band with a break mark. */
  overflow: boolean;
  /** The text printed at the end of the bar (already formatted). */
  label: string;
  /** Picked out (e.g. below 80%): drawn with a hatch pattern, so it shows without colour. */
  flagged?: boolean;
}

interface RateChartProps {
  categories: readonly BarCategory<RateBar>[];
  series: readonly BarSeries[];
  /** Axis cap in percent (geometry only). */
  cap: number;
  /** Reference lines (percent) with their labels. */
  references?: readonly { at: number; label: string }[];
  /** Width reserved for the category labels (px). */
  labelWidth?: number;
  /** What every rate is against (年初预算): said in the legend and on the axis. */
  basis: string;
}

const BAR = 16;
const BAR_GAP = 3;
const GROUP_GAP = 14;

/** Where an overflowing bar ends: inside the band past the cap. */
function overflowEnd(cap: number): number {
  return cap * 1.1;
}

export function RateChart({
  categories,
  series,
  cap,
  references = [],
  labelWidth = 200,
  basis,
}: RateChartProps) {
  const categoryTick = wrappedTick({ width: labelWidth - 12, fontSize: 13, fill: TEXT });
  const data = seriesRows(categories, series, (bar) =>
    bar.rate === null ? 0 : bar.overflow ? overflowEnd(cap) : Number(bar.rate),
  );
  const max = cap * 1.15;
  // Ids are document-wide: a duplicate elsewhere (a hidden view) would be the one used.
  const hatchId = `rate-hatch${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const ticks = Array.from({ length: Math.floor(cap / 50) + 1 }, (_, i) => i * 50);
  const group = useDenseGroup(series.length, { bar: BAR, gap: BAR_GAP, groupGap: GROUP_GAP });
  const height = categories.length * group.height + 84;

  return (
    <div className="rate-chart">
      <SeriesLegend series={series} lead={`执行率 = 决算 ÷ ${basis}（对${basis}）：`} />
      <FitWidth kind="full" height={height} dense>
        <BarChart
          accessibilityLayer={false}
          data={data}
          layout="vertical"
          margin={{ top: 24, right: 260, bottom: 30, left: 8 }}
          barGap={group.gap}
          barCategoryGap={group.groupGap / 2}
        >
          <defs>
            <pattern
              id={hatchId}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="3" height="6" fill="#ffffff" fillOpacity={0.55} />
            </pattern>
          </defs>
          <CartesianGrid
            horizontal={false}
            stroke="var(--chart-grid)"
            horizontalCoordinatesGenerator={noLines}
            verticalCoordinatesGenerator={verticalAtTicks}
          />
          <ReferenceArea
            x1={cap}
            x2={max}
            fill="var(--chart-band)"
            ifOverflow="hidden"
            label={{ value: `超出${cap}%刻度`, position: 'insideTop', fill: TEXT, fontSize: 12 }}
          />
          <XAxis
            type="number"
            domain={[0, max]}
            ticks={ticks}
            tickFormatter={(t: number) => `${t}%`}
            tick={{ fill: TEXT, fontSize: 12 }}
            // Every tick given is drawn: recharts skips measuring each label's width in the DOM.
            interval={0}
            label={{
              value: `执行率（%，对${basis}）`,
              position: 'insideBottom',
              offset: -22,
              fill: TEXT,
              fontSize: 12,
            }}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={labelWidth}
            tick={categoryTick}
            interval={0}
          />
          {references.map((r) => (
            <ReferenceLine
              key={r.at}
              x={r.at}
              stroke={r.at === 100 ? 'var(--chart-mark, #1f2933)' : '#b91c1c'}
              strokeDasharray={r.at === 100 ? '6 3' : '2 3'}
              strokeWidth={2}
              label={{ value: r.label, position: 'top', fill: TEXT, fontSize: 12 }}
            />
          ))}
          {seriesBars(categories, series, group.bar, (bar, s, { x, y, width, height: h }) => {
            const w = Math.max(width, 0);
            const breakX = x + w - 14;
            return (
              <g>
                <rect x={x} y={y} width={w} height={h} fill={s.color} />
                {bar.flagged ? (
                  <rect x={x} y={y} width={w} height={h} fill={`url(#${hatchId})`} />
                ) : null}
                {bar.overflow ? (
                  <path
                    d={`M${breakX - 4},${y - 2} l6,${h / 2 + 2} l-6,${h / 2 + 2} M${breakX + 4},${y - 2} l6,${h / 2 + 2} l-6,${h / 2 + 2}`}
                    stroke="#fff"
                    strokeWidth={3}
                    fill="none"
                  />
                ) : null}
                <BarLabel x={x + w + 6} y={y + h / 2} fontSize={13} bold={bar.overflow}>
                  {bar.label}
                </BarLabel>
              </g>
            );
          })}
        </BarChart>
      </FitWidth>
    </div>
  );
}
