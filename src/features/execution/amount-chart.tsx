/**
 * 年初预算 vs 决算 amounts for one unit, per subject (small multiple: each unit on its own scale,
 * since the province is ~30× the district and one shared axis would flatten the small units).
 * `Number()` only for pixel geometry; labels are formatted from the decimal strings.
 * No grid: the amount axis is hidden (each bar is labelled with its exact amount), so grid lines
 * would mark values nobody can read; drawing them was a tenth of each small chart's cost.
 */
import { memo, useId } from 'react';
import type { BarShapeProps } from 'recharts';
import { FitWidth } from '@/components/fit-width';
import { Bar, BarChart, XAxis, YAxis } from 'recharts';
import type { Fig } from '@/data/schema-common';
import { formatAmount } from '@/lib/format';

export interface AmountPair {
  label: string;
  budget: Fig | null;
  actual: Fig | null;
}

interface AmountChartProps {
  title: string;
  pairs: readonly AmountPair[];
  unit: '万元' | '元';
}

/** Theme colour (app.css :root; the presenter's themes change it). */
const TEXT = 'var(--chart-text)';
const BUDGET = '#52606d';
const ACTUAL = '#1f4e9e';

/** Memoised: a chart kept while it leaves (useLingering) is not drawn again with the same figures. */
export const AmountChart = memo(function AmountChart({ title, pairs, unit }: AmountChartProps) {
  const data = pairs.map((p) => ({
    label: p.label,
    budget: p.budget === null ? null : Number(p.budget.v),
    actual: p.actual === null ? null : Number(p.actual.v),
  }));
  const height = pairs.length * 52 + 40;
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
      <FitWidth kind="amount" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 190, bottom: 4, left: 4 }}>
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
          <XAxis type="number" hide />
          <YAxis
            type="category"
            dataKey="label"
            width={200}
            tick={{ fill: TEXT, fontSize: 12 }}
            interval={0}
          />
          <Bar dataKey="budget" barSize={16} isAnimationActive={false} shape={shape('budget')} />
          <Bar dataKey="actual" barSize={16} isAnimationActive={false} shape={shape('actual')} />
        </BarChart>
      </FitWidth>
    </div>
  );
});
