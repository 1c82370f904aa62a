/**
 * Cells of the 同比 table: current and (derived) prior amounts, the change with the document's
 * direction word, and the percent as printed. Each reads the display unit and the source-link
 * builder from the store, so the table's column definitions stay free of view state.
 * (Shared-helper candidate: the execution view keeps its own copy of the printed-percent format.)
 */
import { FigureValue } from '@/components/figure-value';
import { SourceLink } from '@/components/source-link';
import { formatPercent, formatPrintedPercent, NO_VALUE } from '@/lib/format';

import { useAppStore } from '@/store/app-store';
import { useSourceHref } from '@/store/use-source-href';
import type { YoyCell } from './yoy-data';
import { yoyPctCheck } from './yoy-data';

function Missing() {
  return (
    <span className="figure-empty" title="该文件没有说明此项的增减">
      {NO_VALUE}
    </span>
  );
}

/** 本年 (printed) or 上年 (derived, marked ※) amount. */
export function YoyAmountCell({
  cell,
  which,
}: {
  cell: YoyCell | undefined;
  which: 'current' | 'prior';
}) {
  const displayUnit = useAppStore((s) => s.displayUnit);
  const href = useSourceHref();
  if (cell === undefined) return <Missing />;
  return (
    <FigureValue
      fig={which === 'current' ? cell.statement.current : cell.statement.prior}
      document={cell.document}
      hrefFor={href(cell.bundleId)}
      unit={displayUnit}
    />
  );
}

/** "增加 6,338.70" / "减少 20.74" / "与上年相同", the word as the document prints it. */
export function YoyChangeCell({ cell }: { cell: YoyCell | undefined }) {
  const displayUnit = useAppStore((s) => s.displayUnit);
  const href = useSourceHref();
  if (cell === undefined) return <Missing />;
  const s = cell.statement;
  if (s.direction === '持平') {
    return (
      <SourceLink
        href={href(cell.bundleId)(s.current.line)}
        document={cell.document}
        line={s.current.line}
      >
        与上年相同
      </SourceLink>
    );
  }
  const word = s.directionPrinted ? (
    <span className={`dir dir-${s.direction === '增加' ? 'up' : 'down'}`}>{s.direction}</span>
  ) : (
    <span className="dir dir-inferred" title="原文未写“增加/减少”，由“增长/下降”推断">
      （{s.direction}）
    </span>
  );
  return (
    <span className="yoy-change">
      {word}{' '}
      <FigureValue
        fig={s.change}
        document={cell.document}
        hrefFor={href(cell.bundleId)}
        unit={displayUnit}
      />
    </span>
  );
}

/** "增长 17.3%" as printed, with a warning where its own figures give another percent. */
export function YoyPctCell({ cell, showBasis }: { cell: YoyCell | undefined; showBasis: boolean }) {
  const href = useSourceHref();
  if (cell === undefined) return <Missing />;
  const s = cell.statement;
  const basis = showBasis ? <span className="yoy-basis">{s.basis}</span> : null;
  if (s.direction === '持平') return <span className="yoy-flat">持平{basis}</span>;
  if (s.pct === null)
    return (
      <span className="figure-empty">
        {NO_VALUE}
        {basis}
      </span>
    );
  const check = yoyPctCheck(s);
  return (
    <span className="yoy-pct">
      {s.pctDirection ?? ''}{' '}
      <SourceLink href={href(cell.bundleId)(s.pct.line)} document={cell.document} line={s.pct.line}>
        {formatPrintedPercent(s.pct.v)}
      </SourceLink>
      {check.pctCheck === 'differs' ? (
        <span
          className="pct-differs"
          title={`按增减额 ÷ 上年数计算为 ${formatPercent(check.computedPct)}`}
        >
          {' '}
          ⚠ 计算为{formatPercent(check.computedPct)}
        </span>
      ) : null}
      {basis}
    </span>
  );
}
