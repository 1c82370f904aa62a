/**
 * The small multi-year line of one measure: 决算 solid, 预算 dashed (a plan is never joined to
 * the actuals), derived years hollow. The figures themselves are in the table beside it; the line
 * only shows their shape, so it is hidden from screen readers and the words after it (上升/下降)
 * say the same in text (and in exports).
 */
import type { TrendColumn, TrendMeasure } from './trends-data';
import { seriesPoints, sparkGeometry, stepWords } from './trends-data';

const WIDTH = 96;
const HEIGHT = 32;
const STYLE = {
  决算: { stroke: '#1f4e9e', dash: undefined },
  预算: { stroke: '#b45309', dash: '4 3' },
} as const;

export function TrendLine({
  measure,
  columns,
}: {
  measure: TrendMeasure;
  columns: readonly TrendColumn[];
}) {
  const g = sparkGeometry(measure, columns, WIDTH, HEIGHT);
  const words = g.series.flatMap((s) => {
    const w = stepWords(seriesPoints(measure, columns, s.kind));
    return w.length === 0 ? [] : [`${s.kind}${w.join('、')}`];
  });
  return (
    <span className="trend-line">
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
        <line x1={0} x2={WIDTH} y1={HEIGHT - 4} y2={HEIGHT - 4} className="trend-baseline" />
        {g.series.map((s) => (
          <g key={s.kind} data-series={s.kind}>
            <polyline
              points={s.dots.map((d) => `${d.x},${d.y}`).join(' ')}
              fill="none"
              stroke={STYLE[s.kind].stroke}
              strokeWidth={2}
              strokeDasharray={STYLE[s.kind].dash}
            />
            {s.dots.map((d) => (
              <circle
                key={d.year}
                cx={d.x}
                cy={d.y}
                r={3}
                fill={d.derived ? '#ffffff' : STYLE[s.kind].stroke}
                stroke={STYLE[s.kind].stroke}
                strokeWidth={1.5}
              />
            ))}
          </g>
        ))}
      </svg>
      <span className="trend-words">{words.join('；')}</span>
    </span>
  );
}
