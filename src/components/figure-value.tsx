/**
 * A printed figure on screen: formatted, traced to its source line (hover names document and
 * line, click opens the original text there), and marked when it is derived rather than printed.
 */
import type { DecimalString } from '@/domain/money';
import { NO_VALUE, formatAmount, formatPercent } from '@/lib/format';
import type { AmountUnit } from '@/domain/money';

export interface PrintedFigure {
  v: DecimalString;
  line: number;
  /** The digits as printed when `v` was converted (a 元 table's cell shown in 万元). */
  printedAs?: DecimalString | undefined;
}

export interface DerivedFigure {
  v: DecimalString;
  derived: {
    formula: string;
    lines: number[];
    /**
     * Computed by the dashboard from printed figures (an execution rate) rather than a figure the
     * document implies but does not print (a prior year): marked 计算值 instead of 推算值.
     */
    computed?: boolean;
  };
}

/** The lines a figure was printed on, or was derived from. */
function linesOf(fig: PrintedFigure | DerivedFigure): number[] {
  return 'derived' in fig ? fig.derived.lines : [fig.line];
}

/** One of the two printed amounts a computed rate or share divides, with its name in the formula. */
interface RateTerm {
  name: string;
  fig: PrintedFigure | DerivedFigure | null;
}

/**
 * An execution rate (%) the dashboard computes from two printed amounts, as a figure to show:
 * marked 计算值, its formula giving both amounts, traced to their lines; null where there is no
 * rate. `note` opens the formula (原文未印执行率；).
 */
export function computedRate(
  v: DecimalString | null,
  actual: RateTerm,
  budget: RateTerm,
  note = '',
): DerivedFigure | null {
  if (v === null || actual.fig === null || budget.fig === null) return null;
  return {
    v,
    derived: {
      formula: `${note}执行率 = ${actual.name} ÷ ${budget.name} × 100% = ${actual.fig.v} ÷ ${budget.fig.v} × 100%`,
      lines: [...new Set([...linesOf(budget.fig), ...linesOf(actual.fig)])],
      computed: true,
    },
  };
}

/**
 * A part's share (%) of a whole that the dashboard computes from two printed amounts, as a figure
 * to show: marked 计算值, its formula giving both amounts, traced to their lines (in line order);
 * null where there is no share. The overview cards, the matrix and 三公经费 write it this one way.
 */
export function computedShare(
  v: DecimalString | null,
  part: RateTerm,
  whole: RateTerm,
): DerivedFigure | null {
  if (v === null || part.fig === null || whole.fig === null) return null;
  return {
    v,
    derived: {
      formula: `${part.name}占比 = ${part.name} ÷ ${whole.name} × 100% = ${part.fig.v} ÷ ${whole.fig.v} × 100%`,
      lines: [...new Set([...linesOf(part.fig), ...linesOf(whole.fig)])].sort((a, b) => a - b),
      computed: true,
    },
  };
}

export type FigureKind = 'amount' | 'percent' | 'count';
export type FigureUnit = AmountUnit;

interface FigureValueProps {
  fig: PrintedFigure | DerivedFigure | null | undefined;
  /** Document as the user knows it ("大同市政务服务中心 2024年单位决算"). */
  document: string;
  /**
   * Source-viewer link for a line and the figure's printed value, marked in the line (built by
   * the caller from the route).
   */
  hrefFor: (line: number, text?: string) => string;
  kind?: FigureKind;
  /** The unit an amount is shown in (万元 as printed, or 元). */
  unit?: FigureUnit;
  /** The unit the document printed the amount in; one printed in 元 is always shown as printed. */
  printed?: FigureUnit;
  /**
   * In a column whose figures were printed in different units (projects of several documents):
   * a figure printed in 元 says so after its digits, since the caption names the shown unit.
   */
  markPrinted?: boolean;
}

/** Where a figure links to and what its hover text says: the same for every figure of a line. */
export interface FigureLink {
  href: string;
  title: string;
  /** Derived (推算值) or computed (计算值), not printed: marked ※ and set in italics. */
  derived: boolean;
  /** What the ※ says: 推算值 or 计算值. */
  mark?: string;
}

/** What a figure cell shows, as plain data (FigureValue renders it). */
export interface FigureSpec extends FigureLink {
  text: string;
}

/** A figure's text as shown: a count as printed, an amount in `unit` (formatAmount), a percent. */
export function figureText(
  fig: PrintedFigure | DerivedFigure,
  kind: FigureKind = 'amount',
  unit: FigureUnit = '万元',
  printed: FigureUnit = '万元',
): string {
  if (kind === 'percent') return formatPercent(fig.v);
  return kind === 'count' ? fig.v : formatAmount(fig.v, unit, printed);
}

/** A figure's link and hover text: its source line, or for a derived figure the lines used. */
export function figureLink(
  fig: PrintedFigure | DerivedFigure,
  document: string,
  hrefFor: (line: number, text?: string) => string,
): FigureLink {
  if ('derived' in fig) {
    const mark = fig.derived.computed ? COMPUTED_MARK_LABEL : DERIVED_MARK.label;
    const what = fig.derived.computed ? '本看板按原文数字计算' : '非原文印出';
    return {
      href: hrefFor(fig.derived.lines[0] ?? 1),
      title: `${mark}（${what}）：${fig.derived.formula}；依据：${document}，第 ${fig.derived.lines.join('、')} 行`,
      derived: true,
      mark,
    };
  }
  return printedLink(fig.line, document, hrefFor, fig.printedAs ?? fig.v);
}

/** The link of a printed figure on `line`; `text`, its value, is marked in the line. */
export function printedLink(
  line: number,
  document: string,
  hrefFor: (line: number, text?: string) => string,
  text?: string,
): FigureLink {
  return {
    href: hrefFor(line, text),
    title: `来源：${document}，第 ${line} 行（点击查看原文）`,
    derived: false,
  };
}

/** The text, link and hover text of a figure; null when there is no figure ("—"). */
export function figureSpec({
  fig,
  document,
  hrefFor,
  kind = 'amount',
  unit = '万元',
  printed = '万元',
}: FigureValueProps): FigureSpec | null {
  if (fig === null || fig === undefined) return null;
  return { text: figureText(fig, kind, unit, printed), ...figureLink(fig, document, hrefFor) };
}

export const FIGURE_EMPTY_CLASS = 'figure-empty';
export const DERIVED_MARK = { text: '※', label: '推算值' } as const;
const COMPUTED_MARK_LABEL = '计算值';

export function FigureValue(props: FigureValueProps) {
  const spec = figureSpec(props);
  if (spec === null) return <span className={FIGURE_EMPTY_CLASS}>{NO_VALUE}</span>;
  return (
    <a
      className={spec.derived ? 'source-link derived' : 'source-link'}
      href={spec.href}
      title={spec.title}
    >
      {spec.text}
      {props.markPrinted && props.printed === '元' ? <span className="unit-mark"> 元</span> : null}
      {spec.derived ? (
        <sup aria-label={spec.mark ?? DERIVED_MARK.label}>{DERIVED_MARK.text}</sup>
      ) : null}
    </a>
  );
}
