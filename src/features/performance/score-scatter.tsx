/**
 * Score against execution rate: one series per unit, each with its own marker shape and colour;
 * grade bands drawn as reference lines; outliers on either axis (score below 80, or execution rate
 * below 80%) are labelled by name, each label placed where it overlaps no other.
 * Numbers here are geometry only; each point's hover text (an SVG <title>: the browser's own
 * tooltip, no tooltip component shipped) comes from the printed figures.
 */
import { useState } from 'react';
import {
  CartesianGrid,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Symbols,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import { horizontalAtTicks, verticalAtTicks } from '@/components/chart-grid';
import { estimateTextWidth } from '@/lib/text-width';
import { FitWidth, rememberedChartWidth } from '@/components/fit-width';
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

/** Where a point's name label goes, relative to the point (px), or none. */
interface LabelSpot {
  text: string;
  dx: number;
  dy: number;
  anchor: 'start' | 'end' | 'middle';
}

type PlacedPoint = ScatterPoint & { spot: LabelSpot | null };

/** A series' marker with the point's hover text and, for an outlier, its name. */
function pointShape(type: (typeof SHAPES)[number], fill: string) {
  return function PointShape(props: ScatterShapeProps) {
    if (props.cx === undefined || props.cy === undefined) return <g />;
    const p = props.payload as PlacedPoint;
    return (
      <g>
        <title>{pointTitle(p)}</title>
        <Symbols cx={props.cx} cy={props.cy} size={props.size} type={type} fill={fill} />
        {p.spot ? (
          <text
            x={props.cx + p.spot.dx}
            y={props.cy + p.spot.dy}
            textAnchor={p.spot.anchor}
            className="scatter-label"
            dominantBaseline="central"
            fontSize={LABEL_FONT}
            fill="var(--chart-text)"
            // A halo: a name may cross a grade line (theme colours, app.css).
            stroke="var(--chart-halo)"
            strokeWidth={3}
            paintOrder="stroke"
          >
            {p.spot.text}
          </text>
        ) : null}
      </g>
    );
  };
}

/** Scores below 80 (良) and execution rates below 80% are outliers, labelled by name. */
const LABEL_BELOW = 80;
const LABEL_FONT = 12;
const HEIGHT = 460;
const MARGIN = { top: 16, right: 72, bottom: 24, left: 8 };
/** recharts' default axis sizes: the y axis' width, the x axis' height (px). */
const Y_AXIS = 60;
const X_AXIS = 30;

export function isOutlier(p: ScatterPoint): boolean {
  return p.y < LABEL_BELOW || p.x < LABEL_BELOW;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * A label spot for each outlier: right of its point, else left, above, below or at a corner —
 * the first that overlaps no label already placed, no point and stays in the plot. The lowest
 * scores and rates are placed first. An outlier with no free spot gets none (its hover text and
 * the data table still name it) rather than a label printed over another.
 */
export function placeLabels(
  points: readonly ScatterPoint[],
  width: number,
  maxX: number,
): Map<ScatterPoint, LabelSpot> {
  const plot: Box = {
    left: MARGIN.left + Y_AXIS,
    right: width - MARGIN.right,
    top: MARGIN.top,
    bottom: HEIGHT - MARGIN.bottom - X_AXIS,
  };
  const px = (p: ScatterPoint) => ({
    x: plot.left + (p.x / maxX) * (plot.right - plot.left),
    y: plot.bottom - (p.y / 100) * (plot.bottom - plot.top),
  });
  const taken: Box[] = points.map((p) => {
    const c = px(p);
    return { left: c.x - 4, right: c.x + 4, top: c.y - 4, bottom: c.y + 4 };
  });
  const spots = new Map<ScatterPoint, LabelSpot>();
  const outliers = points.filter(isOutlier).sort((a, b) => Math.min(a.x, a.y) - Math.min(b.x, b.y));
  for (const p of outliers) {
    const c = px(p);
    const text = shortName(p.name);
    const w = estimateTextWidth(text, LABEL_FONT);
    const h = LABEL_FONT + 4;
    const candidates: LabelSpot[] = [
      { text, dx: 10, dy: 0, anchor: 'start' },
      { text, dx: -10, dy: 0, anchor: 'end' },
      { text, dx: 0, dy: -15, anchor: 'middle' },
      { text, dx: 0, dy: 15, anchor: 'middle' },
      { text, dx: 8, dy: -15, anchor: 'start' },
      { text, dx: 8, dy: 15, anchor: 'start' },
      { text, dx: -8, dy: -15, anchor: 'end' },
      { text, dx: -8, dy: 15, anchor: 'end' },
    ];
    for (const spot of candidates) {
      const x = c.x + spot.dx;
      const left = spot.anchor === 'start' ? x : spot.anchor === 'end' ? x - w : x - w / 2;
      // Padded: positions and widths are estimates of what recharts and the font will draw.
      const pad = 4;
      const box = {
        left: left - pad,
        right: left + w + pad,
        top: c.y + spot.dy - h / 2 - pad / 2,
        bottom: c.y + spot.dy + h / 2 + pad / 2,
      };
      const inPlot =
        box.left >= plot.left && box.right <= width && box.top >= 0 && box.bottom <= plot.bottom;
      if (inPlot && !taken.some((t) => overlaps(t, box))) {
        taken.push(box);
        spots.set(p, spot);
        break;
      }
    }
  }
  return spots;
}

export function ScoreScatter({ series }: { series: ScatterSeries[] }) {
  const [width, setWidth] = useState(() => rememberedChartWidth('full') ?? 1200);
  const maxX = Math.max(100, ...series.flatMap((s) => s.points.map((p) => p.x)));
  const domainX = Math.ceil(maxX / 10) * 10;
  const spots = placeLabels(
    series.flatMap((s) => s.points),
    width,
    domainX,
  );
  return (
    <div className="perf-chart">
      {/* Our own legend, as the other charts have (recharts' Legend would add its code to the app
          for this one chart): each unit's marker shape and colour. */}
      <ul className="chart-legend" aria-hidden="true" data-export-text="">
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
      <FitWidth kind="full" height={HEIGHT} onWidth={setWidth}>
        <ScatterChart accessibilityLayer={false} margin={MARGIN}>
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
            domain={[0, domainX]}
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
              data={s.points.map((p): PlacedPoint => ({ ...p, spot: spots.get(p) ?? null }))}
              fill={COLORS[i % COLORS.length] ?? '#1f4e89'}
              shape={pointShape(
                SHAPES[i % SHAPES.length] ?? 'circle',
                COLORS[i % COLORS.length] ?? '#1f4e89',
              )}
              isAnimationActive={false}
            />
          ))}
        </ScatterChart>
      </FitWidth>
    </div>
  );
}
