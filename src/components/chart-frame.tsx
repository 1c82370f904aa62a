/**
 * Frame for every chart: a title, a caption saying unit, year and scope, the scope notes, and a
 * data table as the chart's text alternative (screen readers, printing, copying figures).
 */
import { useId } from 'react';
import type { ReactNode } from 'react';

export interface ChartTable {
  columns: string[];
  rows: string[][];
}

interface ChartFrameProps {
  title: string;
  /** Unit, year(s), scope(s) of what is drawn. */
  caption: ReactNode;
  /** One sentence describing what the chart shows, read out instead of the drawing. */
  summary: string;
  /** The same figures as a table (the text alternative). */
  table: ChartTable;
  notes?: readonly string[];
  children: ReactNode;
  /** Show the data table open (e.g. when the chart has nothing to draw). */
  tableOpen?: boolean;
}

export function ChartFrame({
  title,
  caption,
  summary,
  table,
  notes = [],
  children,
  tableOpen = false,
}: ChartFrameProps) {
  const id = useId();
  return (
    <figure className="chart-frame" aria-labelledby={`${id}-title`} data-chart-title={title}>
      <h3 id={`${id}-title`} className="chart-title">
        {title}
      </h3>
      <div className="chart-body" role="img" aria-label={summary}>
        {children}
      </div>
      <figcaption className="chart-caption">{caption}</figcaption>
      {notes.length > 0 ? (
        <ul className="scope-notes" role="note" aria-label="口径说明">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <details className="chart-data" open={tableOpen}>
        <summary>数据表（图表的文字版）</summary>
        <table className="data-table compact">
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {r.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
