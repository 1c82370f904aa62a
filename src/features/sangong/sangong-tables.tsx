/** The 三公 view's tables: every bar's figures (traceable) and the narrative counts. */
import { DataTable, dataTableColumns } from '@/components/data-table';
import type { DataColumn } from '@/components/data-table';
import { computedRate, FigureValue } from '@/components/figure-value';
import type { CountStatement } from '@/data/schema-narrative';
import { NO_VALUE } from '@/lib/format';
import { useAppStore } from '@/store/app-store';
import { useSourceHref } from '@/store/use-source-href';
import {
  COUNT_KEYS,
  FROM_TEXT_MARK,
  SANGONG_PARTS,
  barLabel,
  partShareFigure,
} from './sangong-data';
import type { AnyFig, BarRate, PartKey, SangongBar } from './sangong-data';

export interface SangongTableRow {
  bar: SangongBar;
  /** 执行率 (决算 ÷ 同年全年预算), computed; null = "—". */
  rate: BarRate | null;
}

/** The computed 执行率, marked 计算值 and traced to the two totals it divides. */
function RateFigure({ row }: { row: SangongTableRow }) {
  const hrefFor = useSourceHref()(row.bar.bundleId);
  const { rate } = row;
  if (rate === null)
    return (
      <span className="figure-empty" title="预算为0或原文未印全年预算时无执行率">
        {NO_VALUE}
      </span>
    );
  return (
    <FigureValue
      fig={computedRate(
        rate.v,
        { name: '决算数', fig: rate.actual },
        { name: '全年预算数', fig: rate.budget },
      )}
      document={row.bar.document}
      hrefFor={hrefFor}
      kind="percent"
    />
  );
}

/** A 三公 figure in the chosen unit, traced to its line; in share mode with its share. */
function SgFigure({ fig, bar, part }: { fig: AnyFig | null; bar: SangongBar; part?: PartKey }) {
  const displayUnit = useAppStore((s) => s.displayUnit);
  const mode = useAppStore((s) => s.measureMode);
  const hrefFor = useSourceHref()(bar.bundleId);
  if (bar.none && (fig === null || part === undefined)) {
    return fig === null ? (
      <span className="sg-none">无</span>
    ) : (
      <>
        <FigureValue fig={fig} document={bar.document} hrefFor={hrefFor} unit={displayUnit} />{' '}
        <span className="sg-none">（无）</span>
      </>
    );
  }
  if (fig === null) {
    // A derived year states only some parts; an empty cell in a printed table is 0 or n/a.
    return bar.derived ? (
      <span className="figure-empty" title="原文未说明此项的上年数">
        未说明
      </span>
    ) : (
      <span className="figure-empty" title="原文表格此格空白（为0或不适用）">
        {NO_VALUE}
      </span>
    );
  }
  return (
    <>
      <FigureValue fig={fig} document={bar.document} hrefFor={hrefFor} unit={displayUnit} />
      {part !== undefined && bar.fromText.includes(part) ? (
        <span className="sg-from-text" title={`${bar.sourceLabel} 此格空白，此数取自情况说明`}>
          {' '}
          {FROM_TEXT_MARK}
        </span>
      ) : null}
      {mode === 'share' && part !== undefined ? (
        <span className="sg-share">
          占{' '}
          <FigureValue
            fig={partShareFigure(bar, part)}
            document={bar.document}
            hrefFor={hrefFor}
            kind="percent"
          />
        </span>
      ) : null}
    </>
  );
}

/** Where a row's figures were read, naming the blank table cells the narrative fills. */
export function sourceText(bar: SangongBar): string {
  if (bar.fromText.length === 0) return bar.sourceLabel;
  const parts = SANGONG_PARTS.filter((p) => bar.fromText.includes(p.key)).map((p) => p.label);
  return `${bar.sourceLabel}（${parts.join('、')}表中空白，据情况说明）`;
}

const col = dataTableColumns<SangongTableRow>();

const COLUMNS: DataColumn<SangongTableRow>[] = [
  col.accessor((r) => r.bar.unitName, {
    id: 'unit',
    header: '单位（口径）',
    sortFn: 'text',
    cell: ({ row }) => (
      <>
        {row.original.bar.unitName} <span className="tag">{row.original.bar.scope}</span>
      </>
    ),
  }),
  col.accessor((r) => String(r.bar.year), {
    id: 'year',
    header: '年度',
    sortFn: 'alphanumeric',
    cell: ({ getValue }) => `${getValue()}年`,
  }),
  col.accessor((r) => barLabel(r.bar), {
    id: 'basis',
    header: '预算/决算',
    sortFn: 'text',
    cell: ({ row }) => (
      <span className={row.original.bar.derived ? 'sg-derived-label' : undefined}>
        {row.original.bar.basis}数{row.original.bar.derived ? '（推算 ※）' : ''}
      </span>
    ),
  }),
  ...SANGONG_PARTS.map(({ key, label }) =>
    col.accessor((r) => r.bar.parts[key]?.v ?? null, {
      id: key,
      header: label,
      sortFn: 'decimal',
      cell: ({ row }) => (
        <SgFigure fig={row.original.bar.parts[key]} bar={row.original.bar} part={key} />
      ),
    }),
  ),
  col.accessor((r) => r.bar.total?.v ?? null, {
    id: 'total',
    header: '合计',
    sortFn: 'decimal',
    cell: ({ row }) => <SgFigure fig={row.original.bar.total} bar={row.original.bar} />,
  }),
  col.accessor((r) => r.rate?.v ?? null, {
    id: 'rate',
    header: '执行率（决算÷全年预算）',
    sortFn: 'decimal',
    cell: ({ row }) => <RateFigure row={row.original} />,
  }),
  col.accessor((r) => sourceText(r.bar), {
    id: 'source',
    header: '来源',
    sortFn: 'text',
    cell: ({ row, getValue }) => (
      <>
        {row.original.bar.document}：{getValue()}
      </>
    ),
  }),
];

export function SangongDetailTable({
  rows,
  caption,
}: {
  rows: SangongTableRow[];
  caption: string;
}) {
  return (
    <DataTable
      caption={caption}
      data={rows}
      columns={COLUMNS}
      getRowId={(r) => r.bar.id}
      rowClassName={(r) => (r.bar.derived ? 'sg-row-derived' : undefined)}
    />
  );
}

export interface CountRow {
  bundleId: string;
  unitName: string;
  scope: string;
  document: string;
  year: number;
  counts: CountStatement[];
}

function CountCell({ row, countKey }: { row: CountRow; countKey: string }) {
  const hrefFor = useSourceHref()(row.bundleId);
  const c = row.counts.find((x) => x.key === countKey);
  if (!c) return <span className="figure-empty">{NO_VALUE}</span>;
  return (
    <>
      <FigureValue fig={c.value} document={row.document} hrefFor={hrefFor} kind="count" /> {c.unit}
    </>
  );
}

const countCol = dataTableColumns<CountRow>();

const COUNT_COLUMNS: DataColumn<CountRow>[] = [
  countCol.accessor('unitName', {
    header: '单位（口径）',
    sortFn: 'text',
    cell: ({ row }) => (
      <>
        {row.original.unitName} <span className="tag">{row.original.scope}</span>
      </>
    ),
  }),
  countCol.accessor((r) => String(r.year), {
    id: 'year',
    header: '年度',
    sortFn: 'alphanumeric',
    cell: ({ getValue }) => `${getValue()}年`,
  }),
  ...COUNT_KEYS.map(({ key, label }) =>
    countCol.accessor((r) => r.counts.find((c) => c.key === key)?.value.v ?? null, {
      id: key,
      header: label,
      sortFn: 'decimal',
      cell: ({ row }) => <CountCell row={row.original} countKey={key} />,
    }),
  ),
];

export function SangongCountTable({ rows, caption }: { rows: CountRow[]; caption: string }) {
  return (
    <DataTable caption={caption} data={rows} columns={COUNT_COLUMNS} getRowId={(r) => r.bundleId} />
  );
}
