/**
 * Grouped horizontal bars of the stated % change (增长 right, 下降 left of zero), one bar per unit
 * within each subject. The percent is the one measure that compares a province with a district
 * (~30× apart), so the chart always shows it; amounts are in the table.
 *
 * The axis is linear and symmetric around zero up to PCT_AXIS_CAP; a change beyond it (none in the
 * five documents today) would be drawn to the edge with a break mark and its true value printed,
 * as in the execution chart. `Number()` only for pixel geometry; labels are formatted text.
 */
import type { BarShapeProps } from 'recharts';
import { noLines, verticalAtTicks } from '@/components/chart-grid';
import { FitWidth } from '@/components/fit-width';
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
  const values = data
    .flatMap((d) => series.map((_, i) => d[`s${i}`]))
    .filter((v) => typeof v === 'number');
  // Room beyond the longest bar for its label (geometry only).
  const pos = Math.max(25, ...values);
  const neg = Math.min(0, ...values);
  const step = pos - neg > 150 ? 50 : 25;
  const lo = neg < 0 ? -Math.ceil((-neg * 1.9) / step) * step : 0;
  const hi = Math.ceil((pos * 1.6) / step) * step;
  const domain: [number, number] = [lo, hi];
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
            fontSize={12}
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
      <FitWidth kind="full" height={height}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
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
            width={200}
            tick={{ fill: TEXT, fontSize: 13 }}
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
