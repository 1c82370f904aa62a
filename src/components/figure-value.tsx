/**
 * A printed figure on screen: formatted, traced to its source line (hover names document and
 * line, click opens the original text there), and marked when it is derived rather than printed.
 */
import type { DecimalString } from '@/domain/money';
import { formatAmount, formatPercent } from '@/lib/format';

export interface PrintedFigure {
  v: DecimalString;
  line: number;
}

export interface DerivedFigure {
  v: DecimalString;
  derived: { formula: string; lines: number[] };
}

interface FigureValueProps {
  fig: PrintedFigure | DerivedFigure | null | undefined;
  /** Document as the user knows it ("大同市政务服务中心 2024年单位决算"). */
  document: string;
  /** Source-viewer link for a line (built by the caller from the route). */
  hrefFor: (line: number) => string;
  kind?: 'amount' | 'percent' | 'count';
  unit?: '万元' | '元';
}

export function FigureValue({
  fig,
  document,
  hrefFor,
  kind = 'amount',
  unit = '万元',
}: FigureValueProps) {
  if (fig === null || fig === undefined) return <span className="figure-empty">—</span>;
  const text =
    kind === 'percent'
      ? formatPercent(fig.v)
      : kind === 'count'
        ? fig.v
        : formatAmount(fig.v, unit);
  if ('derived' in fig) {
    const first = fig.derived.lines[0] ?? 1;
    return (
      <a
        className="source-link derived"
        href={hrefFor(first)}
        title={`推算值（非原文印出）：${fig.derived.formula}；依据：${document}，第 ${fig.derived.lines.join('、')} 行`}
      >
        {text}
        <sup aria-label="推算值">※</sup>
      </a>
    );
  }
  return (
    <a
      className="source-link"
      href={hrefFor(fig.line)}
      title={`来源：${document}，第 ${fig.line} 行（点击查看原文）`}
    >
      {text}
    </a>
  );
}
