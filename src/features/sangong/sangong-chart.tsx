/**
 * Stacked horizontal bars: one bar per unit × year × 预算/决算, stacked by the four 三公 parts.
 * Each part has its own colour AND texture (projector-safe, readable without colour); derived
 * prior-year bars are pale with a dashed outline and ※. Numbers here are geometry only.
 */
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { FillPatterns, patternFill, usePatternPrefix } from '@/components/bar-textures';
import type { FillStyle } from '@/components/bar-textures';
import { noLines, verticalAtTicks } from '@/components/chart-grid';
import { dense, useChartDensity } from '@/components/chart-density';
import { FitWidth, useCategoryAxisWidth } from '@/components/fit-width';
import type { BarShapeProps } from 'recharts';
import { formatAmount, formatPercent } from '@/lib/format';
import { wrapLabel } from '@/lib/text-width';
import type { DisplayUnit, MeasureMode } from '@/store/types';
import { SANGONG_PARTS, barLabel, partShare } from './sangong-data';
import type { PartKey, SangongBar, SangongChartRow } from './sangong-data';

type SeriesKey = PartKey | 'totalOnly';

/** Colours from a colour-blind-safe set, dark enough for white text and a projector. */
export const PART_STYLE: Record<SeriesKey, FillStyle> = {
  abroad: { color: '#117733', texture: 'dots' },
  vehiclePurchase: { color: '#882255', texture: 'cross' },
  vehicleRunning: { color: '#1f4e89', texture: 'solid' },
  reception: { color: '#b45309', texture: 'diagonal' },
  totalOnly: { color: '#52606d', texture: 'horizontal' },
};

const SERIES: { key: SeriesKey; label: string }[] = [
  ...SANGONG_PARTS,
  { key: 'totalOnly', label: '合计（未分项）' },
];

const FILLS = SERIES.map(({ key }) => ({ id: key, style: PART_STYLE[key] }));

/** A legend swatch drawn with the same pattern as the bars. */
function Swatch({ fill, derived = false }: { fill: string; derived?: boolean }) {
  return (
    <svg width="28" height="16" aria-hidden="true" focusable="false">
      <rect
        x="1"
        y="1"
        width="26"
        height="14"
        fill={fill}
        fillOpacity={derived ? 0.4 : 1}
        stroke={derived ? 'var(--chart-mark, #111)' : 'none'}
        strokeDasharray={derived ? '4 3' : undefined}
        strokeWidth={derived ? 1.5 : 0}
      />
    </svg>
  );
}

function BarShape(props: BarShapeProps, unit: DisplayUnit): ReactNode {
  const { x, y, width, height, fill } = props;
  const row = props.payload as SangongChartRow | undefined;
  if (!row || width <= 0 || height <= 0) return null;
  const derived = row.bar.derived;
  return (
    <rect
      x={x}
      y={y}
      width={width}
      height={height}
      fill={fill}
      fillOpacity={derived ? 0.4 : 1}
      stroke={derived ? 'var(--chart-mark, #111)' : '#fff'}
      strokeWidth={derived ? 1.5 : 1}
      strokeDasharray={derived ? '4 3' : undefined}
    >
      <title>{barTitle(row.bar, unit)}</title>
    </rect>
  );
}

/** The axis labels' font size (px), as .sg-tick sets it. */
const TICK_FONT = 13;

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/**
 * A bar's hover text (an SVG <title>, the browser's own tooltip): unit, year and basis, each part
 * with its share, and the total, from the decimal strings.
 */
export function barTitle(bar: SangongBar, unit: DisplayUnit): string {
  const head = [bar.unitName, `${barLabel(bar)}${bar.derived ? ' ※' : ''}`];
  if (bar.none) return [...head, '无“三公”经费'].join('\n');
  const parts = SANGONG_PARTS.map(({ key, label }) => {
    const v = bar.parts[key];
    const value = v ? formatAmount(v.v, unit) : bar.derived ? '未说明' : '—（空白）';
    const share = v && bar.total ? `（${formatPercent(partShare(bar, key))}）` : '';
    const note = bar.fromText.includes(key) ? '，表中空白，据情况说明' : '';
    return `${label}：${value}${share}${note}`;
  });
  const total = `合计：${bar.total ? `${formatAmount(bar.total.v, unit)} ${unit}` : '未说明'}`;
  return [...head, ...parts, total].join('\n');
}

interface SangongChartProps {
  rows: SangongChartRow[];
  unit: DisplayUnit;
  mode: MeasureMode;
}

export function SangongChart({ rows, unit, mode }: SangongChartProps) {
  const prefix = usePatternPrefix('sg');
  const [axisWidth, onWidth] = useCategoryAxisWidth(340);
  // Each line of a label on one line, cut with "…" where the axis is narrow (full text on hover).
  const fit = (text: string) => wrapLabel(text, axisWidth - 12, TICK_FONT, 1)[0] ?? text;
  const byId = new Map(rows.map((r) => [r.id, r.bar]));
  // 46 px a row, less on a crowded slide, never under 38: its label has two lines.
  const height = 50 + rows.length * Math.max(38, dense(46, useChartDensity()));
  const valueLabel = (bar: SangongBar): string =>
    bar.none
      ? '无“三公”经费'
      : bar.total
        ? `合计 ${formatAmount(bar.total.v, unit)}${bar.derived ? ' ※' : ''}`
        : '合计未说明';

  const Tick = ({ x = 0, y = 0, payload }: TickProps) => {
    const bar = byId.get(String(payload?.value ?? ''));
    if (!bar) return null;
    const detail = `${barLabel(bar)} · ${valueLabel(bar)}`;
    return (
      <text x={x} y={y} textAnchor="end" className="sg-tick">
        <title>{`${bar.unitName}\n${detail}`}</title>
        <tspan x={x} dy="-0.35em" fontWeight={600}>
          {fit(bar.unitName)}
        </tspan>
        <tspan x={x} dy="1.25em">
          {fit(detail)}
        </tspan>
      </text>
    );
  };

  return (
    <div className="sg-chart">
      <FillPatterns prefix={prefix} fills={FILLS} />
      <FitWidth kind="full" height={height} dense onWidth={onWidth}>
        <BarChart
          accessibilityLayer={false}
          data={rows}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 24, left: 8 }}
          barCategoryGap="22%"
        >
          <CartesianGrid
            horizontal={false}
            stroke="var(--chart-grid)"
            horizontalCoordinatesGenerator={noLines}
            verticalCoordinatesGenerator={verticalAtTicks}
          />
          <XAxis
            type="number"
            tick={{ fill: 'var(--chart-text)', fontSize: 13 }}
            // All of the few ticks are drawn: recharts skips measuring each label in the DOM.
            interval={0}
            // Derived parts may add up to a little over 100% (rounding in the document): leave room.
            {...(mode === 'share' ? { domain: [0, 105], ticks: [0, 20, 40, 60, 80, 100] } : {})}
            unit={mode === 'share' ? '%' : ''}
            label={{
              value: mode === 'share' ? '占当年合计（%）' : unit,
              position: 'insideBottomRight',
              offset: -14,
              fill: 'var(--chart-text)',
              fontSize: 13,
            }}
          />
          <YAxis type="category" dataKey="id" width={axisWidth} tick={Tick} interval={0} />
          {SERIES.map(({ key, label }) => (
            <Bar
              key={key}
              dataKey={key}
              name={label}
              stackId="sangong"
              fill={patternFill(prefix, key)}
              shape={(p: BarShapeProps) => BarShape(p, unit)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </FitWidth>
      <ul className="sg-legend" aria-label="图例">
        {SERIES.map(({ key, label }) => (
          <li key={key}>
            <Swatch fill={patternFill(prefix, key)} />
            {label}
          </li>
        ))}
        <li>
          <Swatch fill={patternFill(prefix, 'vehicleRunning')} derived />※ 推算值（上年数 = 本年数 ∓
          增减额，原文未印出）
        </li>
      </ul>
    </div>
  );
}
