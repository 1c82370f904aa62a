/**
 * Score against execution rate: one series per unit, each with its own marker shape and colour;
 * grade bands drawn as reference lines; projects scoring below 80 are labelled by name.
 * Numbers here are geometry only; each point's hover text (an SVG <title>: the browser's own
 * tooltip, no tooltip component shipped) comes from the printed figures.
 */
import {
  CartesianGrid,
  LabelList,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Symbols,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import { horizontalAtTicks, verticalAtTicks } from '@/components/chart-grid';
import { FitWidth } from '@/components/fit-width';
import type { ScatterShapeProps } from 'recharts';
import { formatPercent } from '@/lib/format';
import type { ScatterPoint, ScatterSeries } from './performance-data';

const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'wye'] as const;
const COLORS = ['#1f4e89', '#b45309', '#1a6b3c', '#882255', '#111827', '#0e7490', '#6b21a8'];

/** Readable, short label for an outlier: the project name, trimmed. */
function shortName(name: string): string {
  return name.length > 8 ? `${name.slice(0, 8)}…` : name;
}

/** A point's hover text: project, unit and year, score and grade, execution rate. */
export function pointTitle(p: ScatterPoint): string {
  const r = p.row;
  return [
    r.name,
    `${r.unitName}（${r.year}年）`,
    `得分：${r.score?.v ?? '—'}（${r.grade ?? '—'}）`,
    `执行率：${formatPercent(r.rate)}${r.rateComputed ? '（计算值 ※）' : ''}`,
  ].join('\n');
}

/** A series' marker with the point's hover text. */
function pointShape(type: (typeof SHAPES)[number], fill: string) {
  return function PointShape(props: ScatterShapeProps) {
    if (props.cx === undefined || props.cy === undefined) return <g />;
    return (
      <g>
        <title>{pointTitle(props.payload as ScatterPoint)}</title>
        <Symbols cx={props.cx} cy={props.cy} size={props.size} type={type} fill={fill} />
      </g>
    );
  };
}

/** Points scoring below 80 (良) get a name label. */
const LABEL_BELOW = 80;

/**
 * Label on the right unless another labelled point sits just to the right at about the same
 * height (the labels would overlap); then on the left. Null: no label.
 */
function labelSide(p: ScatterPoint, low: readonly ScatterPoint[]): 'left' | 'right' | null {
  if (p.y >= LABEL_BELOW) return null;
  const crowded = low.some(
    (q) => q !== p && q.x > p.x && q.x - p.x < 12 && Math.abs(q.y - p.y) < 6,
  );
  return crowded ? 'left' : 'right';
}

export function ScoreScatter({ series }: { series: ScatterSeries[] }) {
  const lowPoints = series.flatMap((s) => s.points).filter((p) => p.y < LABEL_BELOW);
  const maxX = Math.max(100, ...series.flatMap((s) => s.points.map((p) => p.x)));
  return (
    <div className="perf-chart">
      {/* Our own legend, as the other charts have (recharts' Legend would add its code to the app
          for this one chart): each unit's marker shape and colour. */}
      <ul className="chart-legend" aria-hidden="true">
        {series.map((s, i) => (
          <li key={s.bundleId}>
            <svg width="16" height="16" className="swatch-marker">
              <Symbols
                cx={8}
                cy={8}
                size={90}
                type={SHAPES[i % SHAPES.length] ?? 'circle'}
                fill={COLORS[i % COLORS.length] ?? '#1f4e89'}
              />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <FitWidth kind="full" height={460}>
        <ScatterChart margin={{ top: 16, right: 72, bottom: 24, left: 8 }}>
          <CartesianGrid
            stroke="var(--chart-grid)"
            horizontalCoordinatesGenerator={horizontalAtTicks}
            verticalCoordinatesGenerator={verticalAtTicks}
          />
          <XAxis
            type="number"
            dataKey="x"
            name="执行率"
            unit="%"
            domain={[0, Math.ceil(maxX / 10) * 10]}
            tick={{ fill: 'var(--chart-text)', fontSize: 13 }}
            label={{
              value: '执行率（%）',
              position: 'insideBottom',
              offset: -12,
              fill: 'var(--chart-text)',
            }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name="得分"
            domain={[0, 100]}
            tick={{ fill: 'var(--chart-text)', fontSize: 13 }}
            label={{
              value: '自评得分',
              angle: -90,
              position: 'insideLeft',
              fill: 'var(--chart-text)',
            }}
          />
          {[
            { y: 90, label: '优 ≥90' },
            { y: 80, label: '良 ≥80' },
            { y: 60, label: '中 ≥60' },
          ].map((l) => (
            <ReferenceLine
              key={l.y}
              y={l.y}
              stroke="var(--chart-mark, #52606d)"
              strokeDasharray="6 4"
              label={{ value: l.label, position: 'right', fill: 'var(--chart-text)', fontSize: 12 }}
            />
          ))}
          <ZAxis range={[120, 120]} />
          {series.map((s, i) => (
            <Scatter
              key={s.bundleId}
              name={s.label}
              data={s.points.map((p) => ({
                ...p,
                right: labelSide(p, lowPoints) === 'right' ? shortName(p.name) : '',
                left: labelSide(p, lowPoints) === 'left' ? shortName(p.name) : '',
              }))}
              fill={COLORS[i % COLORS.length] ?? '#1f4e89'}
              shape={pointShape(
                SHAPES[i % SHAPES.length] ?? 'circle',
                COLORS[i % COLORS.length] ?? '#1f4e89',
              )}
              isAnimationActive={false}
            >
              <LabelList
                dataKey="right"
                position="right"
                fontSize={12}
                fill="var(--chart-text)"
                // A halo: a name may cross a grade line.
                stroke="var(--chart-halo)"
                strokeWidth={3}
                paintOrder="stroke"
              />
              <LabelList
                dataKey="left"
                position="left"
                fontSize={12}
                fill="var(--chart-text)"
                // A halo: a name may cross a grade line.
                stroke="var(--chart-halo)"
                strokeWidth={3}
                paintOrder="stroke"
              />
            </Scatter>
          ))}
        </ScatterChart>
      </FitWidth>
    </div>
  );
}
