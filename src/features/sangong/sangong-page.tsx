/**
 * 三公经费 view: for each compared unit every year the data gives (the document's
 * year, budget and actual; the year before, derived from the stated changes), stacked by the four
 * parts. "No 三公 spending" is shown as a fact. Derivation: ./sangong-data.ts.
 */
import { ChartFrame } from '@/components/chart-frame';
import { Deferred } from '@/components/deferred';
import { SourceLink } from '@/components/source-link';
import { documentLabel } from '@/data/labels';
import { formatAmount, formatPercent, NO_VALUE } from '@/lib/format';
import { memoByObjects } from '@/lib/memo';
import { useAppStore } from '@/store/app-store';
import { useSourceHref } from '@/store/use-source-href';
import { SangongChart } from './sangong-chart';
import {
  FROM_TEXT_MARK,
  SANGONG_PARTS,
  barExecutionRate,
  barLabel,
  chartRows,
  partShare,
  partsOffTotal,
  sangongForBundle,
} from './sangong-data';
import type { AnyFig, SangongBar, SangongFact, SangongUnitData } from './sangong-data';
import { SangongCountTable, SangongDetailTable } from './sangong-tables';
import type { CountRow } from './sangong-tables';
import { useComparedUnits } from '@/store/use-compared-units';
import type { ComparedUnit } from '@/store/use-compared-units';
import { CompareNotes, UnitStatusList, viewGate } from '@/components/view-states';
import './sangong.css';

// Per document, once: a selection change derives only the document added.
const sangongOf = memoByObjects(sangongForBundle);

interface UnitResult {
  unit: ComparedUnit;
  data: SangongUnitData;
}

export function SangongPage() {
  const compared = useComparedUnits();
  const displayUnit = useAppStore((s) => s.displayUnit);
  const mode = useAppStore((s) => s.measureMode);
  const gate = viewGate(compared);

  const results: UnitResult[] = compared.units.flatMap((unit) =>
    unit.bundle ? [{ unit, data: sangongOf(unit.entry, unit.bundle) }] : [],
  );
  const bars = results.flatMap((r) => r.data.bars);
  const facts = results.flatMap((r) => r.data.facts);
  const missing = results.filter((r) => r.data.missing !== null);
  const years = [...new Set(bars.map((b) => b.year))].sort((a, b) => a - b);
  const scopes = [...new Set(bars.map((b) => b.scope))];

  const valueText = (
    fig: AnyFig | null,
    bar: SangongBar,
    key?: (typeof SANGONG_PARTS)[number]['key'],
  ) => {
    if (bar.none) return '无';
    if (fig === null) return bar.derived ? '未说明' : `${NO_VALUE}（空白）`;
    // A share is always computed (※ 计算值); an amount is marked when its year is derived.
    const share = mode === 'share' && key !== undefined;
    const text = share ? formatPercent(partShare(bar, key)) : formatAmount(fig.v, displayUnit);
    const fromText = key !== undefined && bar.fromText.includes(key) ? FROM_TEXT_MARK : '';
    return `${text}${bar.derived || share ? ' ※' : ''}${fromText}`;
  };
  const chartTable = {
    columns: ['单位', '年度·类别', ...SANGONG_PARTS.map((p) => p.label), `合计（${displayUnit}）`],
    rows: bars.map((bar) => [
      `${bar.unitName}（${bar.scope}）`,
      barLabel(bar),
      ...SANGONG_PARTS.map(({ key }) => valueText(bar.parts[key], bar, key)),
      valueText(bar.total, bar),
    ]),
  };
  const summary =
    bars.length === 0
      ? '没有可画的三公经费数据。'
      : `三公经费按单位、年度分项堆叠：${bars
          .map(
            (b) =>
              `${b.unitName}${barLabel(b)}${
                b.none
                  ? '无'
                  : b.total
                    ? `${formatAmount(b.total.v, displayUnit)}${displayUnit}`
                    : '合计未说明'
              }`,
          )
          .join('；')}。`;
  const unitCaption = mode === 'share' ? '各项占当年合计的百分比（%）' : `单位：${displayUnit}`;
  const caption = `${unitCaption}；年度：${years.map((y) => `${y}年`).join('、')}（每个条形标明年度）；口径：${scopes.join('、')}；来源：公开09 / 预算10 / 情况说明。浅色虚线框、带 ※ 的条形是由“比上年增加/减少”推算的上年数，原文未印出。`;

  const countRows: CountRow[] = results
    .filter((r) => r.data.counts.length > 0)
    .map((r) => ({
      bundleId: r.unit.entry.id,
      unitName: r.unit.entry.unit.name,
      scope: r.unit.entry.unit.scope,
      document: documentLabel(r.unit.entry),
      year: r.unit.entry.fiscalYear,
      counts: r.data.counts,
    }));

  return (
    <section aria-labelledby="sangong-title" className="sangong-view">
      <h2 id="sangong-title">三公经费</h2>
      {gate ?? (
        <>
          <CompareNotes selected={compared.selected} units={compared.units} />
          <UnitStatusList units={compared.units} />
          {missing.length > 0 ? (
            <ul className="unit-status" aria-label="没有三公经费数据的文件">
              {missing.map((r) => (
                <li key={r.unit.entry.id} className="state-message">
                  {documentLabel(r.unit.entry)}：{r.data.missing}
                </li>
              ))}
            </ul>
          ) : null}
          {bars.length === 0 ? (
            <>
              {facts.length > 0 ? <FactList facts={facts} /> : null}
              <p className="state-message" role="status">
                所选文件没有可显示的三公经费数字。
              </p>
            </>
          ) : (
            <>
              <ChartFrame
                title="三公经费：各单位、各年度，分项堆叠（预算数与决算数）"
                caption={caption}
                summary={summary}
                table={chartTable}
                notes={[
                  '上年数（※）只在原文说明了“比上年增加/减少”时给出；未说明的分项不画、不补。',
                  '分项推算值之和可能与合计推算值相差0.01左右（原文尾数误差）。',
                  ...(mode === 'share'
                    ? ['占比（※ 计算值）= 分项 ÷ 原文合计 × 100%，由本看板计算。']
                    : []),
                  ...bars.flatMap((bar) => {
                    const off = partsOffTotal(bar);
                    return off
                      ? [
                          `${bar.unitName} ${barLabel(bar)}：原文分项之和 ${off.sum} 与原文合计 ${off.total} 不等（原文如此，见数据校验），分项条形长度之和与各项占比之和因此不等于合计或 100%。`,
                        ]
                      : [];
                  }),
                ]}
              >
                <SangongChart rows={chartRows(bars, mode)} unit={displayUnit} mode={mode} />
              </ChartFrame>
              {/* After the chart, which marks these rows too: the chart starts on the first screen. */}
              {facts.length > 0 ? <FactList facts={facts} /> : null}
              <Deferred minHeight={400}>
                <SangongDetailTable
                  caption={`三公经费明细（${unitCaption}${mode === 'share' ? `，金额单位：${displayUnit}` : ''}；点击数字查看原文；※ 为推算值${mode === 'share' ? '，占比为计算值' : ''}）`}
                  rows={bars.map((bar) => ({ bar, rate: barExecutionRate(bar, bars) }))}
                />
              </Deferred>
            </>
          )}
          {countRows.length > 0 ? (
            <Deferred minHeight={200}>
              <SangongCountTable
                caption="三公经费相关数量（情况说明所述，各文件本年度）"
                rows={countRows}
              />
            </Deferred>
          ) : null}
        </>
      )}
    </section>
  );
}

/** "No 三公" statements: facts about the year, each linked to its line. */
function FactList({ facts }: { facts: SangongFact[] }) {
  const hrefFor = useSourceHref();
  return (
    <section className="sg-facts" aria-labelledby="sg-facts-title">
      <h3 id="sg-facts-title">无“三公”经费（原文所述事实，不是缺数）</h3>
      <ul>
        {facts.map((f, i) => (
          <li key={`${f.bundleId}-${i}`}>
            <strong>{f.document}</strong>：
            {f.line === null ? (
              <span className="sg-derived-label">{f.text} ※</span>
            ) : (
              <SourceLink href={hrefFor(f.bundleId)(f.line)} document={f.document} line={f.line}>
                {f.text}
              </SourceLink>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
