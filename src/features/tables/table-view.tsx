import { useMemo, useState } from 'react';
import type { Table } from '@/data/schema';
import { SectionTable } from './section-table';
import { countRows, layoutTable, shownUnit, someRow, withoutEmptyRows } from './tables-data';
import type { AmountUnit } from '@/domain/money';

interface TableViewProps {
  table: Table;
  /** Document as the user knows it ("山西省行政审批服务管理局 2024年单位决算"). */
  document: string;
  /** 部门 / 单位: said in the caption so a 部门 table is never read as one unit's. */
  scope: string;
  displayUnit: AmountUnit;
  hrefFor: (line: number, text?: string) => string;
}

/** One standard table: caption, tree controls, its section(s), or the 本表无数据 fact. */
export function TableView({ table, document, scope, displayUnit, hrefFor }: TableViewProps) {
  const layout = useMemo(() => layoutTable(table), [table]);
  const [hideEmpty, setHideEmpty] = useState(false);
  // Each 全部展开 / 全部收起 bumps the version: the tree tables apply it to every row in place.
  const [expansion, setExpansion] = useState({ all: false, version: 0 });
  const unit = shownUnit(table.unit, displayUnit);
  const anyTree = layout.sections.some((s) => s.isTree);
  const hasCounts = layout.sections.some((s) => someRow(s.rows, (r) => r.valueKind === 'count'));
  const sections = useMemo(
    () =>
      layout.sections.map((s) => ({
        section: s,
        rows: hideEmpty ? withoutEmptyRows(s.rows) : s.rows,
      })),
    [layout, hideEmpty],
  );

  const titleLink = (
    <a className="source-link" href={hrefFor(table.line)} title={`查看原文第 ${table.line} 行`}>
      原文第 {table.line} 行
    </a>
  );
  const meta = (
    <span className="caption-meta">
      {document}（{scope}口径） · 单位：{unit.unit}
      {unit.converted ? '（原表为万元，已按 1 万元 = 10,000 元换算）' : ''}
      {layout.transposed ? ' · 原表为一行，此处行列互换显示' : ''}
      {hasCounts ? ' · 车辆、设备行为数量（辆、台），不是金额' : ''}
    </span>
  );

  if (table.noData) {
    return (
      <div className="table-view">
        <p className="table-heading">
          <strong>
            {table.id} {table.title}
          </strong>{' '}
          {meta}
        </p>
        <p className="no-data-fact" role="note">
          本表无数据（原文如此）。文件公开了此表，但表中注明“本表无数据”，这不是导入错误。见
          {titleLink}。
        </p>
      </div>
    );
  }
  if (table.rows.length === 0) {
    return (
      <div className="table-view">
        <p className="no-data-fact" role="note">
          {table.id} {table.title}：导入时没有读出任何行，请查看{titleLink}。
        </p>
      </div>
    );
  }

  const visible = sections.reduce((n, s) => n + countRows(s.rows), 0);
  return (
    <div className="table-view">
      <div className="table-toolbar" role="group" aria-label="表格显示选项">
        {anyTree ? (
          <>
            <button
              type="button"
              onClick={() => setExpansion((e) => ({ all: true, version: e.version + 1 }))}
            >
              全部展开
            </button>
            <button
              type="button"
              onClick={() => setExpansion((e) => ({ all: false, version: e.version + 1 }))}
            >
              全部收起
            </button>
          </>
        ) : null}
        <label>
          <input
            type="checkbox"
            checked={hideEmpty}
            onChange={(e) => setHideEmpty(e.target.checked)}
          />{' '}
          隐藏全空行
        </label>
        <span className="table-toolbar-note">
          共 {visible} 行{hideEmpty ? '（已隐藏全空行）' : ''} · 空格“—”表示原表该格为空 ·
          点击数字查看原文 · 表头见{titleLink}
        </span>
      </div>
      <div className={sections.length > 1 ? 'table-sections two-sided' : 'table-sections'}>
        {sections.map(({ section, rows }) =>
          rows.length === 0 ? (
            <p key={section.id} className="state-message">
              {section.title ?? '本表'}所有行均为空，已隐藏。
            </p>
          ) : (
            <SectionTable
              key={`${table.id}-${section.id}`}
              section={section}
              rows={rows}
              expandAll={expansion.all}
              expandVersion={expansion.version}
              document={document}
              hrefFor={hrefFor}
              formatAs={unit.formatAs}
              printed={unit.printed}
              caption={
                <>
                  <span className="caption-title">
                    {table.id} {table.title}
                    {section.title ? ` — ${section.title}` : ''}
                  </span>{' '}
                  {meta}
                </>
              }
            />
          ),
        )}
      </div>
    </div>
  );
}
