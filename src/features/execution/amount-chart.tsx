/**
 * 年初预算 vs 决算 amounts for one unit, per subject (one of the small multiples). By default all
 * small multiples share one scale (`scaleMax`), so a bar's length compares across units (the
 * province is ~30× the district: on scales of their own the district's bar looked the longer);
 * without `scaleMax` the chart uses its own scale, to read a small unit's parts.
 * `Number()` only for pixel geometry; labels are formatted from the decimal strings.
 * No grid: the amount axis is hidden (each bar is labelled with its exact amount), so grid lines
 * would mark values nobody can read; drawing them was a tenth of each small chart's cost.
 */
import { memo, useId } from 'react';
import type { BarShapeProps } from 'recharts';
import { wrappedTick } from '@/components/chart-tick';
import { dense, useChartDensity } from '@/components/chart-density';
import { FitWidth } from '@/components/fit-width';
import { Bar, BarChart, XAxis, YAxis } from 'recharts';
import type { Fig } from '@/data/schema-common';
import { formatAmount } from '@/lib/format';
import type { AmountUnit } from '@/domain/money';

export interface AmountPair {
  label: string;
  budget: Fig | null;
  actual: Fig | null;
}

interface AmountChartProps {
  title: string;
  pairs: readonly AmountPair[];
  unit: AmountUnit;
  /** The amount (万元, geometry only) at the right end of the axis; none: this chart's own. */
  scaleMax?: number | undefined;
}

/** Theme colour (app.css :root; the presenter's themes change it). */
const TEXT = 'var(--chart-text)';
const BUDGET = '#52606d';
const ACTUAL = '#1f4e9e';
const AXIS_WIDTH = 200;
// "一般公共预算财政拨款支出（合计）" wraps: at 12px it needs the axis' whole width in our font and
// more in wider ones (it lost its beginning at 1920 px).
const CATEGORY_TICK = wrappedTick({ width: AXIS_WIDTH - 12, fontSize: 12, fill: TEXT });

/** Memoised: a chart kept while it leaves (useLingering) is not drawn again with the same figures. */
export const AmountChart = memo(function AmountChart({
  title,
  pairs,
  unit,
  scaleMax,
}: AmountChartProps) {
  const data = pairs.map((p) => ({
    label: p.label,
    budget: p.budget === null ? null : Number(p.budget.v),
    actual: p.actual === null ? null : Number(p.actual.v),
  }));
  // Two bars and their labels a row: 52 px, less on a crowded slide (bars 16 px, at least 12).
  const density = useChartDensity();
  const bar = dense(16, density);
  const height = pairs.length * dense(52, density) + 40;
  // One pattern per chart: ids are document-wide, and a duplicate in a hidden view (or off the
  // slide) would be the one used, drawn as nothing.
  const hatchId = `budget-hatch${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  const shape = (key: 'budget' | 'actual') =>
    function AmountShape(props: BarShapeProps) {
      // By data row, not `index`: recharts' index skips rows this series lacks.
      const pair = pairs.find(
        (p) => p.label === (props.payload as { label?: string } | undefined)?.label,
      );
      const fig = pair?.[key] ?? null;
      const { x, y, width, height: h } = props;
      const w = Math.max(width, 0);
      return (
        <g>
          <rect
            x={x}
            y={y}
            width={w}
            height={h}
            fill={key === 'budget' ? `url(#${hatchId})` : ACTUAL}
            stroke={key === 'budget' ? BUDGET : 'none'}
          />
          <text x={x + w + 6} y={y + h / 2} dominantBaseline="central" fontSize={12} fill={TEXT}>
            {key === 'budget' ? '年初预算 ' : '决算 '}
            {formatAmount(fig?.v ?? null, unit)}
          </text>
        </g>
      );
    };

  return (
    <div className="amount-chart">
      <h4>{title}</h4>
      <FitWidth kind="amount" height={height} dense>
        <BarChart
          accessibilityLayer={false}
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 190, bottom: 4, left: 4 }}
        >
          <defs>
            <pattern
              id={hatchId}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="#e4e9ef" />
              <rect width="2" height="6" fill={BUDGET} />
            </pattern>
          </defs>
          <XAxis
            type="number"
            hide
            domain={scaleMax === undefined ? [0, 'auto'] : [0, scaleMax]}
            allowDataOverflow={false}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={AXIS_WIDTH}
            tick={CATEGORY_TICK}
            interval={0}
          />
          <Bar dataKey="budget" barSize={bar} isAnimationActive={false} shape={shape('budget')} />
          <Bar dataKey="actual" barSize={bar} isAnimationActive={false} shape={shape('actual')} />
        </BarChart>
      </FitWidth>
    </div>
  );
});
