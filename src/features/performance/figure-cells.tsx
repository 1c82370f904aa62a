/**
 * Figures in the performance view, each traced to its source line. They read the display unit and
 * the link builder from the store so the column definitions can stay at module scope.
 */
import { computedRate, FigureValue } from '@/components/figure-value';
import type { DerivedFigure } from '@/components/figure-value';
import { SourceLink } from '@/components/source-link';
import type { Finding } from '@/data/schema';
import type { Fig } from '@/data/schema-common';
import type { FormatNote } from '@/data/schema-performance';
import { NO_VALUE } from '@/lib/format';
import { useAppStore } from '@/store/app-store';
import { useSourceHref } from '@/store/use-source-href';
import { SEVERITY_LABEL } from './performance-data';
import type { ProjectRow } from './performance-data';
import type { AmountUnit } from '@/domain/money';

interface FigProps {
  fig: Fig | null;
  bundleId: string;
  document: string;
}

/**
 * An amount: printed in 万元 → shown in the chosen unit; printed in 元 → shown in 元 exactly as
 * printed. `asPrinted`: always in the unit printed (a table whose caption names that unit, such as
 * the department-wide evaluation's). `markPrinted` where a column mixes documents whose units
 * differ (the project table), so a 元 figure says 元.
 */
export function AmountFigure({
  fig,
  bundleId,
  document,
  unit,
  asPrinted = false,
  markPrinted = false,
}: FigProps & { unit: AmountUnit; asPrinted?: boolean; markPrinted?: boolean }) {
  const displayUnit = useAppStore((s) => s.displayUnit);
  const hrefFor = useSourceHref()(bundleId);
  return (
    <FigureValue
      fig={fig}
      document={document}
      hrefFor={hrefFor}
      unit={asPrinted ? unit : displayUnit}
      printed={unit}
      markPrinted={markPrinted}
    />
  );
}

/** A score or count exactly as printed ("39.8", "94.00"), linked to its line. */
export function PrintedFigure({ fig, bundleId, document }: FigProps) {
  const hrefFor = useSourceHref()(bundleId);
  return <FigureValue fig={fig} document={document} hrefFor={hrefFor} kind="count" />;
}

/**
 * A performance indicator's value as printed ("≤1378.56万元", "≥95%", "63人"): text, not a figure
 * the dashboard reads, but printed on its row's line, so it links there like any figure.
 */
export function IndicatorText({
  text,
  row,
}: {
  text: string | null;
  /** The indicator's table row: its indicator (with its line) and its document. */
  row: { ind: { line: number }; bundleId: string; document: string };
}) {
  const hrefFor = useSourceHref()(row.bundleId);
  if (text === null || text === '') return null;
  return (
    <SourceLink href={hrefFor(row.ind.line, text)} document={row.document} line={row.ind.line}>
      {text}
    </SourceLink>
  );
}

/** A percentage (2 places), printed or computed, linked to its line(s). */
export function PercentFigure({
  fig,
  bundleId,
  document,
}: Omit<FigProps, 'fig'> & { fig: Fig | DerivedFigure | null }) {
  const hrefFor = useSourceHref()(bundleId);
  return <FigureValue fig={fig} document={document} hrefFor={hrefFor} kind="percent" />;
}

/** 执行率: as printed, else computed from the amounts (marked ※ 计算值). */
export function RateCell({ row }: { row: ProjectRow }) {
  if (row.printedRate) {
    return <PercentFigure fig={row.printedRate} bundleId={row.bundleId} document={row.document} />;
  }
  return (
    <PercentFigure
      fig={computedRate(
        row.computedRate,
        { name: '全年执行数', fig: row.executed },
        { name: '全年预算数', fig: row.budget },
        '原文未印执行率；',
      )}
      bundleId={row.bundleId}
      document={row.document}
    />
  );
}

/** 自评等级 as printed, in words and with its grade class (colour is never the only cue). */
export function GradeBadge({ row }: { row: ProjectRow }) {
  const hrefFor = useSourceHref()(row.bundleId);
  if (row.grade === null || row.gradeLine === null) {
    return <span className="figure-empty">{NO_VALUE}</span>;
  }
  return (
    <SourceLink href={hrefFor(row.gradeLine)} document={row.document} line={row.gradeLine}>
      <span className={`grade grade-${GRADE_CLASS[row.grade]}`}>{row.grade}</span>
    </SourceLink>
  );
}

const GRADE_CLASS = { 优: 'a', 良: 'b', 中: 'c', 差: 'd' } as const;

/** Findings and corrections beside a figure: words first, with the lines to check. */
export function FlagList({
  flags,
  corrections = [],
  bundleId,
  document,
}: {
  flags: readonly Finding[];
  corrections?: readonly FormatNote[];
  bundleId: string;
  document: string;
}) {
  const hrefFor = useSourceHref()(bundleId);
  if (flags.length === 0 && corrections.length === 0) {
    return <span className="figure-empty">{NO_VALUE}</span>;
  }
  // A comma correction is reported both as a finding (perf-comma-) and a format note: say it once.
  const shown = flags.filter((f) => !(f.kind === 'format' && corrections.length > 0));
  return (
    <ul className="flag-list">
      {shown.map((f) => (
        <li key={f.id} className={`flag flag-${f.severity}`}>
          <strong>⚠ {SEVERITY_LABEL[f.severity]}：</strong>
          {f.message}{' '}
          <a href={hrefFor(f.lines[0] ?? 1)} title={`${document}，第 ${f.lines.join('、')} 行`}>
            （原文第 {f.lines[0]} 行）
          </a>
        </li>
      ))}
      {corrections.map((c) => (
        <li key={`${c.line}-${c.field}`} className="flag flag-warning">
          <strong>ⓘ 读数更正：</strong>原文“{c.printed}”按 {c.value} 读取——{c.note}{' '}
          <a href={hrefFor(c.line)} title={`${document}，第 ${c.line} 行`}>
            （原文第 {c.line} 行）
          </a>
        </li>
      ))}
    </ul>
  );
}
