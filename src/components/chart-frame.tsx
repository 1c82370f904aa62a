/**
 * Frame for every chart: a title, a caption saying unit, year and scope, the scope notes, and a
 * data table as the chart's text alternative (screen readers, printing, copying figures).
 */
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { visibleText } from '@/lib/export-table';
import { ExportMenu } from './export-menu';
import { rememberChartWidth } from './fit-width';
import { NoteList } from './note-list';
import { ADD_SLIDE_EVENT } from './add-slide-event';

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
  /** 导出 buttons (CSV/Excel of the data table, PNG/SVG of the drawing); on unless false. */
  exportable?: boolean;
  /**
   * PNG/SVG of the drawing; false for a frame whose body is HTML text, not an <svg> drawing
   * (疑点一览): the image export draws SVG, and its CSV / Excel hold the same lines.
   */
  drawingExport?: boolean;
  /** File name for exports; defaults to the title. */
  exportName?: string;
}

export function ChartFrame({
  title,
  caption,
  summary,
  table,
  notes = [],
  children,
  tableOpen = false,
  exportable = true,
  drawingExport = true,
  exportName,
}: ChartFrameProps) {
  const id = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const captionRef = useRef<HTMLElement>(null);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  usePrintOpen(detailsRef);
  useReportBodyWidth(bodyRef);
  const exportTitle = () => {
    const cap = captionRef.current ? visibleText(captionRef.current) : '';
    return cap ? `${title}（${cap}）` : title;
  };
  return (
    <figure className="chart-frame" aria-labelledby={`${id}-title`} data-chart-title={title}>
      <h3 id={`${id}-title`} className="chart-title">
        {title}
      </h3>
      <button
        type="button"
        className="add-slide-button"
        onClick={() =>
          window.dispatchEvent(new CustomEvent(ADD_SLIDE_EVENT, { detail: { chart: title } }))
        }
        title="把这张图表（连同当前选择的单位）加入演示稿"
      >
        ＋ 加入演示
      </button>
      {exportable ? (
        <ExportMenu
          name={exportName ?? title}
          getTable={() => ({ title: exportTitle(), columns: table.columns, rows: table.rows })}
          {...(drawingExport ? { getDrawing: () => bodyRef.current } : {})}
        />
      ) : null}
      {/* One image named by its summary; the data table below is its text. The charts inside
          pass recharts' accessibilityLayer={false}: its focusable role="application" drawing
          was a Tab stop per chart whose arrow keys moved a tooltip the charts do not have. */}
      <div className="chart-body" role="img" aria-label={summary} ref={bodyRef}>
        {children}
      </div>
      <figcaption className="chart-caption" ref={captionRef}>
        {caption}
      </figcaption>
      <NoteList role="note" label="口径说明" className="scope-notes" items={notes} />
      <details className="chart-data" open={tableOpen} ref={detailsRef}>
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

/** Print shows the data table: open the <details> before printing, restore it afterwards. */
function usePrintOpen(ref: { readonly current: HTMLDetailsElement | null }): void {
  useEffect(() => {
    let wasOpen: boolean | null = null;
    const before = () => {
      const el = ref.current;
      if (!el) return;
      wasOpen = el.open;
      el.open = true;
    };
    const after = () => {
      if (ref.current && wasOpen !== null) ref.current.open = wasOpen;
      wasOpen = null;
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [ref]);
}

/**
 * Tells FitWidth how wide a full-width chart is, from this frame's body: a view visited for the
 * first time then draws its chart at once (the small multiples of 预算执行 teach it as well as a
 * full-width chart would). A ResizeObserver reports after layout, so nothing is laid out for it.
 */
function useReportBodyWidth(bodyRef: { readonly current: HTMLDivElement | null }): void {
  useEffect(() => {
    const el = bodyRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) rememberChartWidth('full', box.width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [bodyRef]);
}
