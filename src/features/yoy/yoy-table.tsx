/**
 * The 同比 table: one row per subject, one column group per unit (本年 with 上年※ under it /
 * 增减额 / 增减幅度; rates mode: 增减额 / 增减幅度).
 * Columns depend on the compared units, so they are built per render from the entries; the cells
 * themselves (yoy-cells.tsx) carry no view state.
 */
import { useMemo } from 'react';
import { DataTable, dataTableColumns } from '@/components/data-table';
import type { DataColumn } from '@/components/data-table';
import { documentLabel } from '@/data/labels';
import type { ManifestEntry } from '@/data/load';
import type { MeasureMode } from '@/store/types';
import { YoyAmountCell, YoyChangeCell, YoyPctCell } from './yoy-cells';
import type { YoyRow } from './yoy-data';
import { yoyBase } from './yoy-data';

const col = dataTableColumns<YoyRow>();

function unitColumns(entry: ManifestEntry, mode: MeasureMode): DataColumn<YoyRow>[] {
  const id = entry.id;
  const cell = (r: YoyRow) => r.cells[id];
  const pct = col.accessor((r) => cell(r)?.signedPct ?? null, {
    id: `${id}:pct`,
    header: '增减幅度',
    sortFn: 'decimal',
    cell: ({ row }) => <YoyPctCell cell={cell(row.original)} showBasis />,
  });
  // The amount beside the percent in both modes: −100% of 0.72 万元 is not a large change.
  const change = col.accessor((r) => cell(r)?.signedChange ?? null, {
    id: `${id}:change`,
    header: '增减额',
    sortFn: 'decimal',
    cell: ({ row }) => <YoyChangeCell cell={cell(row.original)} />,
  });
  if (mode === 'share') return [change, pct];
  return [
    // 本年 with the derived 上年 under it: one column less per unit, so five units fit a
    // 1920 px screen without scrolling sideways.
    col.accessor((r) => cell(r)?.statement.current.v ?? null, {
      id: `${id}:current`,
      header: `${entry.fiscalYear}年 / 上年※（${yoyBase(entry) === '上年预算' ? '预算' : '决算'}，推算）`,
      sortFn: 'decimal',
      cell: ({ row }) => (
        <>
          <YoyAmountCell cell={cell(row.original)} which="current" />
          {cell(row.original) === undefined ? null : (
            <span className="yoy-prior">
              上年 <YoyAmountCell cell={cell(row.original)} which="prior" />
            </span>
          )}
        </>
      ),
    }),
    change,
    pct,
  ];
}

interface YoyTableProps {
  rows: YoyRow[];
  entries: readonly ManifestEntry[];
  mode: MeasureMode;
  caption: string;
}

export function YoyTable({ rows, entries, mode, caption }: YoyTableProps) {
  const columns = useMemo<DataColumn<YoyRow>[]>(
    () => [
      col.accessor('subject', {
        header: '项目',
        sortFn: 'text',
        cell: ({ row }) => (
          <>
            {row.original.subject}
            {row.original.mixedBase ? (
              <span className="mixed-base" title="各单位的比较基准不同（上年决算 / 上年预算）">
                {' '}
                （基准不同）
              </span>
            ) : null}
          </>
        ),
      }),
      ...entries.map((e) =>
        col.group({
          id: e.id,
          header: documentLabel(e),
          columns: unitColumns(e, mode),
        }),
      ),
    ],
    [entries, mode],
  );
  return (
    <DataTable
      className="yoy-table"
      caption={caption}
      data={rows}
      columns={columns}
      getRowId={(r) => r.key}
    />
  );
}
