/**
 * 多年趋势: one table per unit, a row per measure: its value in each year (printed, or derived ※
 * from the stated change), a small line, and the reason the document gives for the change, each
 * linked to its line. Several documents of one unit (built-in or loaded) join into one row.
 */
import { useMemo } from 'react';
import { DataTable, dataTableColumns } from '@/components/data-table';
import type { DataColumn } from '@/components/data-table';
import { FigureValue } from '@/components/figure-value';
import { NoteList } from '@/components/note-list';
import { SourceLink } from '@/components/source-link';
import { documentLabel } from '@/data/labels';
import { NO_VALUE } from '@/lib/format';
import { useAppStore } from '@/store/app-store';
import { useSourceHref } from '@/store/use-source-href';
import type { DisplayUnit } from '@/store/types';
import { TrendLine } from './trend-line';
import type { TrendMeasure, UnitTrend } from './trends-data';
import { unitTrends } from './trends-data';
import type { UnitBundle } from './yoy-data';

const col = dataTableColumns<TrendMeasure>();

function Reasons({ m, several }: { m: TrendMeasure; several: boolean }) {
  const href = useSourceHref();
  if (m.reasons.length === 0) {
    return <span className="figure-empty">原文未说明原因</span>;
  }
  return (
    <>
      {m.reasons.map((r) => (
        <span className="trend-reason" key={r.bundleId}>
          {several ? <b>{`${r.year}年${r.kind}：`}</b> : null}
          {r.text}{' '}
          <SourceLink href={href(r.bundleId)(r.line)} document={r.document} line={r.line}>
            {`（第 ${r.line} 行）`}
          </SourceLink>
        </span>
      ))}
    </>
  );
}

function useColumns(u: UnitTrend, displayUnit: DisplayUnit): DataColumn<TrendMeasure>[] {
  const href = useSourceHref();
  return useMemo(
    () => [
      col.accessor('label', { header: '项目', sortFn: 'text' }),
      ...u.columns.map((c) =>
        col.accessor((m) => m.points[c.key]?.fig.v ?? null, {
          id: c.key,
          header: `${c.year}年${c.kind}`,
          sortFn: 'decimal',
          cell: ({ row }) => {
            const p = row.original.points[c.key];
            if (p === undefined) return <span className="figure-empty">{NO_VALUE}</span>;
            return (
              <FigureValue
                fig={p.fig}
                document={p.document}
                hrefFor={href(p.bundleId)}
                unit={displayUnit}
              />
            );
          },
        }),
      ),
      col.display({
        id: 'trend',
        header: '趋势',
        cell: ({ row }) => <TrendLine measure={row.original} columns={u.columns} />,
      }),
      col.display({
        id: 'reason',
        header: '原文所述原因',
        cell: ({ row }) => <Reasons m={row.original} several={u.entries.length > 1} />,
      }),
    ],
    [u, displayUnit, href],
  );
}

function UnitTrendTable({ u, displayUnit }: { u: UnitTrend; displayUnit: DisplayUnit }) {
  const columns = useColumns(u, displayUnit);
  const conflicts = u.measures.flatMap((m) => m.conflicts.map((c) => `${m.label}：${c}`));
  // A bundle from an ingest that did not yet read reasons has none at all: say so once.
  const noReasons = u.measures.every((m) => m.reasons.length === 0)
    ? [
        '这些文件的数据中没有任何变动原因：原文未写明，或数据包由旧版导入工具生成（重新导入原文即可读出）。',
      ]
    : [];
  const years = u.columns.map((c) => c.year);
  return (
    <div className="trend-unit">
      <h4>
        {u.name}（{u.tag}，{Math.min(...years)}–{Math.max(...years)}年）
      </h4>
      <NoteList
        role="note"
        label={`${u.name}：说明`}
        className="scope-notes"
        items={[
          ...noReasons,
          ...conflicts.map((c) => `两份文件给出的数不同（均保留，表中显示原文所印者）：${c}`),
        ]}
      />
      <DataTable
        className="trend-table"
        caption={`金额单位：${displayUnit}；依据：${u.entries.map((e) => documentLabel(e)).join('；')}。※ 为由本年数与原文所述增减额推算的上年数；“—”表示该年没有此项。`}
        exportName={`多年趋势-${u.name}`}
        data={u.measures}
        columns={columns}
        getRowId={(m) => m.key}
      />
    </div>
  );
}

export function TrendsSection({ units }: { units: readonly UnitBundle[] }) {
  const displayUnit = useAppStore((s) => s.displayUnit);
  const trends = useMemo(() => unitTrends(units), [units]);
  if (trends.length === 0) return null;
  return (
    <section className="trends" aria-labelledby="trends-title">
      <h3 id="trends-title">多年趋势与原文所述原因</h3>
      <p className="view-intro">
        每个单位（同一名称、同一口径）各年的数：本年数按原文，上年数由原文所述增减推算（※，空心点）；同一单位的多份文件按年份合并。决算（蓝色实线）与预算（橙色虚线）分列，不连成一条线；折线从零起画。右列为原文写明的变动原因（“主要原因是…”），点击行号查看原文。
      </p>
      {trends.map((u) => (
        <UnitTrendTable key={u.key} u={u} displayUnit={displayUnit} />
      ))}
    </section>
  );
}
