/**
 * 同比变化: every year-over-year change the documents state (totals, 财政拨款, 一般公共预算, each 类,
 * 三公 and its parts, 机关运行经费, the budget's change against last year's budget), units side by
 * side, with the document's direction words and the printed percent.
 */
import type { ReactNode } from 'react';
import { ChartFrame } from '@/components/chart-frame';
import { NoteList } from '@/components/note-list';
import { UnitProblems, viewGate } from '@/components/view-states';
import { Deferred } from '@/components/deferred';
import type { ChartTable } from '@/components/chart-frame';
import { comparisonNotes } from '@/data/compare-notes';
import { documentLabel, levelLabel } from '@/data/labels';
import type { ManifestEntry } from '@/data/load';
import { formatAmount, NO_VALUE } from '@/lib/format';
import { useAppStore } from '@/store/app-store';
import { useComparedUnits } from '@/store/use-compared-units';
import type { DisplayUnit } from '@/store/types';
import { PctChart } from './pct-chart';
import type { BarCategory, BarSeries } from '@/components/grouped-bars';
import type { PctBar } from './pct-chart';
import { formatPrintedPercent } from '@/lib/format';
import type { UnitBundle, YoyCell, YoyRow } from './yoy-data';
import { basisNotes, HEADLINE_SUBJECTS, unitYoyState, yoyRows, yoyUnitTag } from './yoy-data';
import { YoyTable } from './yoy-table';
import { TrendsSection } from './trends-section';
import './yoy.css';
import { idRecord } from '@/lib/id-record';

/** Colour-blind-safe, dark enough for a projector; every bar also carries its unit tag as text. */
const SERIES_COLORS = ['#1f4e9e', '#b45309', '#047857', '#7c3aed', '#be123c'];

/** "增长17.3%", "下降1.31%", "与上年相同" — the document's words. */
function pctWords(c: YoyCell): string {
  const s = c.statement;
  if (s.direction === '持平') return '与上年相同';
  if (s.pct === null) return `${s.direction}（未印百分比）`;
  return `${s.pctDirection ?? ''}${formatPrintedPercent(s.pct.v)}`;
}

function changeWords(c: YoyCell, unit: DisplayUnit): string {
  const s = c.statement;
  if (s.direction === '持平') return '与上年相同';
  return `${s.direction}${formatAmount(s.change?.v ?? null, unit)}`;
}

/** "（增加146.58万元）" after a percent; nothing for 持平 (already "与上年相同"). */
function amountAside(c: YoyCell, unit: DisplayUnit): string {
  return c.statement.direction === '持平' ? '' : `（${changeWords(c, unit)}${unit}）`;
}

function chartTable(
  rows: readonly YoyRow[],
  entries: readonly ManifestEntry[],
  unit: DisplayUnit,
): ChartTable {
  return {
    columns: ['项目', ...entries.map((e) => `${documentLabel(e)}（本年 / 上年※ / 增减 / 幅度）`)],
    rows: rows.map((r) => [
      r.subject,
      ...entries.map((e) => {
        const c = r.cells[e.id];
        if (c === undefined) return NO_VALUE;
        return `${formatAmount(c.statement.current.v, unit)} / ${formatAmount(c.statement.prior.v, unit)}※ / ${changeWords(c, unit)} / ${pctWords(c)}（${c.statement.basis}）`;
      }),
    ]),
  };
}

export function YoyPage() {
  const compared = useComparedUnits();
  const displayUnit = useAppStore((s) => s.displayUnit);
  const measureMode = useAppStore((s) => s.measureMode);

  const frame = (body: ReactNode) => (
    <section className="yoy" aria-labelledby="yoy-title">
      <h2 id="yoy-title">同比变化</h2>
      {body}
    </section>
  );

  const gate = viewGate(compared);
  if (gate) return frame(gate);

  const states = compared.units.map(({ entry, bundle, error }) => ({
    entry,
    state: unitYoyState(bundle ?? undefined, error ?? undefined),
  }));
  const units: UnitBundle[] = states.flatMap(({ entry, state }) =>
    state.kind === 'ready' ? [{ entry, bundle: state.bundle }] : [],
  );
  const shown = units.map((u) => u.entry);
  const rows = yoyRows(units);
  const scopeNotes = comparisonNotes(shown);
  const notes = basisNotes(units);
  const messages = states.flatMap(({ entry, state }) =>
    state.kind === 'loading'
      ? [`${documentLabel(entry)}：正在加载数据…`]
      : state.kind === 'noStatements'
        ? [`${documentLabel(entry)}：情况说明中没有与上年相比的增减说明。`]
        : [],
  );
  const errors = states.flatMap(({ entry, state }) =>
    state.kind === 'error' ? [{ entry, message: state.message }] : [],
  );

  const series: BarSeries[] = shown.map((e, i) => ({
    id: e.id,
    name: `${yoyUnitTag(e)}：${documentLabel(e)}`,
    color: SERIES_COLORS[i % SERIES_COLORS.length] ?? '#1f4e9e',
  }));
  const headline = rows.filter((r) => (HEADLINE_SUBJECTS as readonly string[]).includes(r.key));
  const categories: BarCategory<PctBar>[] = headline.map((r) => ({
    key: r.key,
    label: r.subject,
    bars: idRecord(
      shown.flatMap((e) => {
        const c = r.cells[e.id];
        return c === undefined
          ? []
          : [
              [
                e.id,
                // The amount beside the percent: −100% of 0.72 万元 is not a large change. A change
                // printed without its percent (上海's budgets) stands at 0, its label saying so.
                {
                  value: c.signedPct ?? '0',
                  label: `${yoyUnitTag(e)} ${pctWords(c)}${amountAside(c, displayUnit)}`,
                },
              ],
            ];
      }),
    ),
  }));
  const caption = `单位：${measureMode === 'share' ? '%' : displayUnit}；${shown
    .map(
      (e) =>
        `${e.unit.name}（${levelLabel(e.unit)}·${e.unit.scope}·${e.fiscalYear}年${e.kind}，与${e.fiscalYear - 1}年比）`,
    )
    .join('；')}`;

  return frame(
    <>
      <p className="view-intro">
        各文件情况说明中写明的“与上年相比”增减：本年数、增减额与增减幅度按原文（方向用原文的“增加/减少”“增长/下降”，百分比保留原文位数）；上年数原文未印，由本年数与增减额推算，标“※”。
      </p>
      <NoteList role="note" label="比较基准说明" className="scope-notes" items={notes} />
      <UnitProblems
        label="未显示同比变化的单位"
        what="同比变化"
        messages={messages}
        errors={errors}
      />
      {units.length === 0 ? (
        <p className="state-message" role="status">
          所选单位都没有可显示的同比变化。
        </p>
      ) : (
        <>
          <ChartFrame
            title="主要收支与上年相比的增减幅度"
            caption={`单位：%（原文所印增减幅度；括号内为增减额，${displayUnit}；原文未印增减幅度的标在0处并注明“未印百分比”）；${shown
              .map(
                (e) =>
                  `${e.unit.name}（${levelLabel(e.unit)}·${e.unit.scope}·${e.fiscalYear}年${e.kind}）`,
              )
              .join('；')}。向右为增长，向左为下降。`}
            summary={`各单位收入总计、支出总计、财政拨款支出、一般公共预算财政拨款支出、三公经费和机关运行经费与上年相比的增减幅度。${headline
              .map(
                (r) =>
                  `${r.subject}：${shown
                    .flatMap((e) => {
                      const c = r.cells[e.id];
                      return c === undefined ? [] : [`${yoyUnitTag(e)}${pctWords(c)}`];
                    })
                    .join('，')}`,
              )
              .join('；')}`}
            table={chartTable(rows, shown, displayUnit)}
            notes={scopeNotes}
          >
            <PctChart categories={categories} series={series} />
          </ChartFrame>
          <Deferred minHeight={500}>
            <YoyTable
              rows={rows}
              entries={shown}
              mode={measureMode}
              caption={`${measureMode === 'share' ? `增减额（金额单位：${displayUnit}）与增减幅度（%，原文）` : `本年、上年※、增减额（金额单位：${displayUnit}）与增减幅度（%，原文）`}；${caption}。“—”表示该文件没有说明此项。`}
            />
          </Deferred>
          <Deferred minHeight={400}>
            <TrendsSection units={units} />
          </Deferred>
        </>
      )}
    </>,
  );
}
