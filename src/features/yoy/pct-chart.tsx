/**
 * Grouped horizontal bars of the stated % change (增长 right, 下降 left of zero), one bar per unit
 * within each subject. The percent is the one measure that compares a province with a district
 * (~30× apart), so the chart always shows it; amounts are in the table.
 *
 * The axis is linear and symmetric around zero up to PCT_AXIS_CAP; a change beyond it (none in the
 * five documents today) would be drawn to the edge with a break mark and its true value printed,
 * as in the execution chart. `Number()` only for pixel geometry; labels are formatted text.
 */
import { useState } from 'react';
import { wrappedTick } from '@/components/chart-tick';
import { estimateTextWidth } from '@/lib/text-width';
import { noLines, verticalAtTicks } from '@/components/chart-grid';
import { FitWidth, rememberedChartWidth } from '@/components/fit-width';
import {
  BarLabel,
  CHART_TEXT as TEXT,
  SeriesLegend,
  seriesBars,
  seriesRows,
  useDenseGroup,
} from '@/components/grouped-bars';
import type { BarCategory, BarSeries } from '@/components/grouped-bars';
import { BarChart, CartesianGrid, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { DecimalString } from '@/domain/money';

export const PCT_AXIS_CAP = 200;

export interface PctBar {
  /** Signed percent as a decimal string; '0' for 持平. */
  value: DecimalString;
  label: string;
}

const BAR = 14;
const BAR_GAP = 3;
const GROUP_GAP = 14;
const LABEL_FONT = 12;
const AXIS_WIDTH = 200;
const MARGIN = { top: 8, right: 24, bottom: 8, left: 8 };
/** Gap between a bar's end and its label, plus slack (px). */
const LABEL_GAP = 10;

/**
 * The axis' [low, high] (in %) and tick step, so that every bar's label fits beside it within a
 * plot `plotWidth` px wide: each bar ends at its value and its label needs `labelWidth` px beyond
 * it (right of a growth, left of a fall). Widening the range shrinks the scale, so the room is
 * found by iterating to a fixed point (a few rounds); if the labels cannot fit at all, the range
 * stops growing at 10× the cap.
 */
export function labelRoomDomain(
  bars: readonly { value: number; labelWidth: number }[],
  plotWidth: number,
): { domain: [number, number]; step: number } {
  let lo = Math.min(0, ...bars.map((b) => b.value));
  let hi = Math.max(25, ...bars.map((b) => b.value));
  const limit = PCT_AXIS_CAP * 10;
  for (let round = 0; round < 30; round += 1) {
    const perPx = (hi - lo) / Math.max(plotWidth, 1);
    let nextLo = lo;
    let nextHi = hi;
    for (const b of bars) {
      const room = (b.labelWidth + LABEL_GAP) * perPx;
      if (b.value < 0) nextLo = Math.min(nextLo, b.value - room);
      else nextHi = Math.max(nextHi, b.value + room);
    }
    nextLo = Math.max(nextLo, -limit);
    nextHi = Math.min(nextHi, limit);
    if (nextLo === lo && nextHi === hi) break;
    lo = nextLo;
    hi = nextHi;
  }
  const range = hi - lo;
  const step = range <= 80 ? 10 : range <= 160 ? 25 : range <= 400 ? 50 : 100;
  return {
    domain: [Math.floor(lo / step) * step, Math.ceil(hi / step) * step],
    step,
  };
}

const CATEGORY_TICK = wrappedTick({ width: AXIS_WIDTH - 12, fontSize: 13, fill: TEXT });

export function PctChart({
  categories,
  series,
}: {
  categories: readonly BarCategory<PctBar>[];
  series: readonly BarSeries[];
}) {
  const geometry = (v: DecimalString) => Math.max(-PCT_AXIS_CAP, Math.min(PCT_AXIS_CAP, Number(v)));
  const overflows = (v: DecimalString) => Math.abs(Number(v)) > PCT_AXIS_CAP;
  const data = seriesRows(categories, series, (bar) => geometry(bar.value));
  // Room beyond each bar for its label (geometry only), at the width the chart has.
  const [width, setWidth] = useState(() => rememberedChartWidth('full') ?? 1200);
  const plotWidth = width - MARGIN.left - MARGIN.right - AXIS_WIDTH;
  const { domain, step } = labelRoomDomain(
    categories.flatMap((c) =>
      series.flatMap((s) => {
        const bar = c.bars[s.id];
        return bar === undefined
          ? []
          : [{ value: geometry(bar.value), labelWidth: estimateTextWidth(bar.label, LABEL_FONT) }];
      }),
    ),
    plotWidth,
  );
  const [lo, hi] = domain;
  const ticks = Array.from({ length: (hi - lo) / step + 1 }, (_, i) => lo + i * step);
  const group = useDenseGroup(series.length, { bar: BAR, gap: BAR_GAP, groupGap: GROUP_GAP });
  const height = categories.length * group.height + 50;

  return (
    <div className="pct-chart">
      <SeriesLegend series={series} />
      <FitWidth kind="full" height={height} dense onWidth={setWidth}>
        <BarChart
          accessibilityLayer={false}
          data={data}
          layout="vertical"
          margin={MARGIN}
          barGap={group.gap}
          barCategoryGap={group.groupGap / 2}
        >
          <CartesianGrid
            horizontal={false}
            stroke="var(--chart-grid)"
            horizontalCoordinatesGenerator={noLines}
            verticalCoordinatesGenerator={verticalAtTicks}
          />
          <XAxis
            type="number"
            domain={domain}
            ticks={ticks}
            tickFormatter={(t: number) => `${t}%`}
            tick={{ fill: TEXT, fontSize: 12 }}
            // Every tick given is drawn: recharts skips measuring each label's width in the DOM.
            interval={0}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={AXIS_WIDTH}
            tick={CATEGORY_TICK}
            interval={0}
          />
          <ReferenceLine x={0} stroke={TEXT} strokeWidth={2} />
          {seriesBars(categories, series, group.bar, (bar, s, props) => {
            const left = Math.min(props.x, props.x + props.width);
            const w = Math.abs(props.width);
            const negative = bar.value.startsWith('-');
            const { y, height: h } = props;
            return (
              <g>
                <rect x={left} y={y} width={w} height={h} fill={s.color} />
                {overflows(bar.value) ? (
                  <path
                    d={`M${negative ? left + 10 : left + w - 14},${y - 2} l6,${h / 2 + 2} l-6,${h / 2 + 2}`}
                    stroke="#fff"
                    strokeWidth={3}
                    fill="none"
                  />
                ) : null}
                <BarLabel
                  x={negative ? left - 6 : left + w + 6}
                  y={y + h / 2}
                  anchor={negative ? 'end' : 'start'}
                  fontSize={LABEL_FONT}
                >
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
