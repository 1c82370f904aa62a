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
import type { BarShapeProps } from 'recharts';
import { estimateTextWidth, wrappedTick } from '@/components/chart-tick';
import { noLines, verticalAtTicks } from '@/components/chart-grid';
import { FitWidth, rememberedChartWidth } from '@/components/fit-width';
import { Bar, BarChart, CartesianGrid, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { DecimalString } from '@/domain/money';

export const PCT_AXIS_CAP = 200;

export interface PctBar {
  /** Signed percent as a decimal string; '0' for 持平. */
  value: DecimalString;
  label: string;
}

export interface PctSeries {
  id: string;
  name: string;
  color: string;
}

export interface PctCategory {
  key: string;
  label: string;
  bars: Record<string, PctBar | undefined>;
}

const BAR = 14;
const BAR_GAP = 3;
const GROUP_GAP = 14;
/** Theme colours (app.css :root; the presenter's themes change them). */
const TEXT = 'var(--chart-text)';
const HALO = 'var(--chart-halo)';
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
  categories: readonly PctCategory[];
  series: readonly PctSeries[];
}) {
  const geometry = (v: DecimalString) => Math.max(-PCT_AXIS_CAP, Math.min(PCT_AXIS_CAP, Number(v)));
  const overflows = (v: DecimalString) => Math.abs(Number(v)) > PCT_AXIS_CAP;
  const data = categories.map((c) => {
    const row: Record<string, string | number | null> = { key: c.key, label: c.label };
    series.forEach((s, i) => {
      const bar = c.bars[s.id];
      row[`s${i}`] = bar === undefined ? null : geometry(bar.value);
    });
    return row;
  });
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
  const byKey = new Map(categories.map((c) => [c.key, c]));
  const height = categories.length * (series.length * (BAR + BAR_GAP) + GROUP_GAP) + 50;

  const shapeFor = (seriesIndex: number) =>
    function PctShape(props: BarShapeProps) {
      const s = series[seriesIndex];
      const key = (props.payload as { key?: string } | undefined)?.key;
      const bar = s === undefined ? undefined : byKey.get(key ?? '')?.bars[s.id];
      if (s === undefined || bar === undefined) return <g />;
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
          <text
            x={negative ? left - 6 : left + w + 6}
            y={y + h / 2}
            textAnchor={negative ? 'end' : 'start'}
            dominantBaseline="central"
            fontSize={LABEL_FONT}
            fill={TEXT}
            stroke={HALO}
            strokeWidth={3}
            paintOrder="stroke"
          >
            {bar.label}
          </text>
        </g>
      );
    };

  return (
    <div className="pct-chart">
      <ul className="chart-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.id}>
            <span className="swatch" style={{ background: s.color }} />
            {s.name}
          </li>
        ))}
      </ul>
      <FitWidth kind="full" height={height} onWidth={setWidth}>
        <BarChart
          data={data}
          layout="vertical"
          margin={MARGIN}
          barGap={BAR_GAP}
          barCategoryGap={GROUP_GAP / 2}
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
          {series.map((s, i) => (
            <Bar
              key={s.id}
              dataKey={`s${i}`}
              name={s.name}
              fill={s.color}
              barSize={BAR}
              isAnimationActive={false}
              shape={shapeFor(i)}
            />
          ))}
        </BarChart>
      </FitWidth>
    </div>
  );
}
