/**
 * Grade mix per unit: one horizontal bar per unit, stacked 优/良/中/差 (counts, or shares of the
 * graded projects in share mode). Each grade has a colour AND a texture, and its letter is written
 * in the segment, so the chart reads without colour and on a projector.
 */
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import { FillPatterns, patternFill, usePatternPrefix } from '@/components/bar-textures';
import type { FillStyle } from '@/components/bar-textures';
import { noLines, verticalAtTicks } from '@/components/chart-grid';
import { wrappedTick } from '@/components/chart-tick';
import { dense, useChartDensity } from '@/components/chart-density';
import { FitWidth, useCategoryAxisWidth } from '@/components/fit-width';
import { formatPercent } from '@/lib/format';
import type { MeasureMode } from '@/store/types';
import { GRADES } from './performance-data';
import type { GradeMix } from './performance-data';
import type { Grade } from '@/data/schema-performance';

export const GRADE_STYLE: Record<Grade, FillStyle> = {
  优: { color: '#1a6b3c', texture: 'solid' },
  良: { color: '#1f4e89', texture: 'diagonal' },
  中: { color: '#a8570a', texture: 'dots' },
  差: { color: '#a11d1d', texture: 'cross' },
};

const FILLS = GRADES.map((g) => ({ id: GRADE_STYLE[g].texture, style: GRADE_STYLE[g] }));

interface GradeRow {
  /** The bundle id. Not named `id`: recharts copies a row's `id` onto every segment's element. */
  doc: string;
  label: string;
  优: number;
  良: number;
  中: number;
  差: number;
  mix: GradeMix;
}

export function GradeChart({ mixes, mode }: { mixes: GradeMix[]; mode: MeasureMode }) {
  const prefix = usePatternPrefix('gr');
  const [axisWidth, onWidth] = useCategoryAxisWidth(330);
  const rows: GradeRow[] = mixes.map((m) => {
    const value = (g: Grade) => (mode === 'share' ? Number(m.shares[g] ?? 0) : m.counts[g]);
    return {
      doc: m.bundleId,
      label: `${m.unitName}（${m.year}年·${m.scope}）`,
      优: value('优'),
      良: value('良'),
      中: value('中'),
      差: value('差'),
      mix: m,
    };
  });
  const byId = new Map(rows.map((r) => [r.doc, r]));
  // 52 px a row, less on a crowded slide.
  const height = 60 + rows.length * dense(52, useChartDensity());
  const segmentLabel = (g: Grade) => (v: unknown) => {
    const n = typeof v === 'number' ? v : 0;
    if (n === 0) return '';
    return mode === 'share' ? `${g} ${formatPercent(String(n))}` : `${g} ${n}`;
  };

  return (
    <div className="perf-chart">
      <FillPatterns prefix={prefix} fills={FILLS} />
      <FitWidth kind="full" height={height} dense onWidth={onWidth}>
        <BarChart
          accessibilityLayer={false}
          data={rows}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
        >
          <CartesianGrid
            horizontal={false}
            stroke="var(--chart-grid)"
            horizontalCoordinatesGenerator={noLines}
            verticalCoordinatesGenerator={verticalAtTicks}
          />
          <XAxis
            type="number"
            allowDecimals={false}
            tick={{ fill: 'var(--chart-text)', fontSize: 13 }}
            // All of the few ticks are drawn: recharts skips measuring each label in the DOM.
            interval={0}
            {...(mode === 'share' ? { domain: [0, 100], unit: '%' } : {})}
          />
          <YAxis
            type="category"
            dataKey="doc"
            width={axisWidth}
            interval={0}
            tick={wrappedTick({
              width: axisWidth - 12,
              fontSize: 13,
              fill: 'var(--chart-text)',
              format: (id) => {
                const r = byId.get(String(id));
                return r ? `${r.label} 共${r.mix.graded}项` : String(id);
              },
            })}
          />
          {GRADES.map((g) => (
            <Bar
              key={g}
              dataKey={g}
              name={g}
              stackId="grade"
              fill={patternFill(prefix, GRADE_STYLE[g].texture)}
              stroke="#fff"
              isAnimationActive={false}
            >
              <LabelList
                dataKey={g}
                position="center"
                formatter={segmentLabel(g)}
                fill="#fff"
                stroke={GRADE_STYLE[g].color}
                strokeWidth={3}
                paintOrder="stroke"
                fontWeight={700}
                fontSize={13}
              />
            </Bar>
          ))}
        </BarChart>
      </FitWidth>
      <ul className="perf-legend" aria-label="图例">
        {GRADES.map((g) => (
          <li key={g}>
            <svg width="28" height="16" aria-hidden="true" focusable="false">
              <rect
                x="1"
                y="1"
                width="26"
                height="14"
                fill={patternFill(prefix, GRADE_STYLE[g].texture)}
              />
            </svg>
            {g}（{GRADE_LABEL[g]}）
          </li>
        ))}
      </ul>
    </div>
  );
}

export const GRADE_LABEL: Record<Grade, string> = {
  优: '≥90分',
  良: '80–90分',
  中: '60–80分',
  差: '<60分',
};
