/**
 * Figures in the execution view's tables, each traced to its source line. They read the display
 * unit and the source-link builder from the store so the column definitions can stay at module
 * scope. (Shared-helper candidate: the 同比 view keeps its own copy of the printed-percent cell.)
 */
import { FigureValue } from '@/components/figure-value';
import type { DerivedFigure } from '@/components/figure-value';
import { SourceLink } from '@/components/source-link';
import type { Fig } from '@/data/schema-common';
import { formatPrintedPercent, NO_VALUE } from '@/lib/format';

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

/** The rate the dashboard computes (`computedRate`): ※ 计算值, traced; "—" where there is none. */
export function ComputedRateCell({
  fig,
  bundleId,
  document,
}: {
  fig: DerivedFigure | null;
  bundleId: string;
  document: string;
}) {
  const hrefFor = useSourceHref()(bundleId);
  return <FigureValue fig={fig} document={document} hrefFor={hrefFor} kind="percent" />;
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
