/**
 * Figures in the execution view's tables, each traced to its source line. They read the display
 * unit and the source-link builder from the store so the column definitions can stay at module
 * scope. (Shared-helper candidate: the 同比 view keeps its own copy of the printed-percent cell.)
 */
import { FigureValue } from '@/components/figure-value';
import { SourceLink } from '@/components/source-link';
import type { Fig } from '@/data/schema-common';
import type { DecimalString } from '@/domain/money';
import { formatPercent, formatPrintedPercent, NO_VALUE } from '@/lib/format';

import { useAppStore } from '@/store/app-store';
import { useSourceHref } from '@/store/use-source-href';
import type { RateCheck } from './execution-data';
import { RATE_CHECK_LABEL } from './execution-data';
import type { AmountUnit } from '@/domain/money';

interface CellProps {
  fig: Fig | null;
  bundleId: string;
  document: string;
}

/** An amount printed in 万元 (shown in the chosen unit) or in 元 (shown as printed, marked 元). */
export function AmountCell({
  fig,
  bundleId,
  document,
  unit = '万元',
}: CellProps & { unit?: AmountUnit }) {
  const displayUnit = useAppStore((s) => s.displayUnit);
  const hrefFor = useSourceHref()(bundleId);
  return (
    <FigureValue
      fig={fig}
      document={document}
      hrefFor={hrefFor}
      unit={displayUnit}
      printed={unit}
      markPrinted
    />
  );
}

/** The rate the document printed, at its printed precision, linked to its line. */
export function StatedRateCell({ fig, bundleId, document }: CellProps) {
  const hrefFor = useSourceHref()(bundleId);
  if (fig === null) return <span className="figure-empty">{NO_VALUE}</span>;
  return (
    <SourceLink href={hrefFor(fig.line, fig.v)} document={document} line={fig.line}>
      {formatPrintedPercent(fig.v)}
    </SourceLink>
  );
}

/**
 * The rate the dashboard computes (domain executionRate), marked ※ 计算值 and linked to the
 * lines of the two amounts it comes from; "—" where no rate exists.
 */
export function ComputedRateCell({
  value,
  formula,
  lines,
  bundleId,
  document,
}: {
  value: DecimalString | null;
  /** How it is computed, with the printed amounts: 执行率 = 决算数 ÷ 年初预算数 × 100% = … */
  formula: string;
  lines: number[];
  bundleId: string;
  document: string;
}) {
  const hrefFor = useSourceHref()(bundleId);
  if (value === null || lines.length === 0)
    return <span className="figure-empty">{value === null ? NO_VALUE : formatPercent(value)}</span>;
  return (
    <FigureValue
      fig={{ v: value, derived: { formula, lines, computed: true } }}
      document={document}
      hrefFor={hrefFor}
      kind="percent"
    />
  );
}

/** 一致 / 不一致 …, in words (not only colour). */
export function RateCheckBadge({ check }: { check: RateCheck }) {
  return (
    <span className={`rate-check rate-check-${check}`}>
      {check === 'differs' ? '⚠ ' : ''}
      {RATE_CHECK_LABEL[check]}
    </span>
  );
}
