/**
 * What every export works from: a table of cell texts exactly as shown on screen, plus a title.
 * Built from a chart's data table (ChartFrame) or read back from a rendered <table> (DataTable),
 * so an export never recomputes or reformats a figure.
 */

export interface ExportTable {
  /** Caption or chart title: unit, year and scope belong here. */
  title: string;
  columns: string[];
  /** Cell texts as shown ("42,684.35", "82.36%", "—"). */
  rows: string[][];
}

/** Text of a cell as a reader sees it: decorations hidden from assistive tech are left out. */
export function visibleText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"], .expand-button').forEach((n) => n.remove());
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Read a rendered table: the header rows are merged column by column (a grouped header "决算数"
 * over "基本支出" gives "决算数 基本支出"), then every body row as shown (collapsed tree rows are
 * not in the DOM and so not exported).
 */
export function tableFromElement(table: HTMLTableElement, title?: string): ExportTable {
  const headRows = [...table.querySelectorAll(':scope > thead > tr')];
  const columns: string[] = [];
  // Cells spanning rows below (rowspan) occupy those columns there: skip them per row.
  const occupied = new Map<number, number>(); // column → header rows still covered
  for (const tr of headRows) {
    let col = 0;
    const skip = () => {
      while ((occupied.get(col) ?? 0) > 0) col += 1;
    };
    for (const cell of [...tr.children]) {
      skip();
      const span = Math.max(1, Number(cell.getAttribute('colspan') ?? '1') || 1);
      const rowSpan = Math.max(1, Number(cell.getAttribute('rowspan') ?? '1') || 1);
      const text = visibleText(cell);
      for (let i = 0; i < span; i += 1) {
        const prev = columns[col] ?? '';
        columns[col] = text && text !== prev ? (prev ? `${prev} ${text}` : text) : prev;
        if (rowSpan > 1) occupied.set(col, rowSpan);
        col += 1;
      }
    }
    for (const [c, left] of occupied) occupied.set(c, left - 1);
  }
  const rows = [...table.querySelectorAll(':scope > tbody > tr')].map((tr) =>
    [...tr.children].map((cell) => visibleText(cell)),
  );
  const caption = table.querySelector(':scope > caption');
  return {
    title: title ?? (caption ? visibleText(caption) : ''),
    columns,
    rows,
  };
}

/** A file name from a title: keeps Chinese, drops characters Windows forbids, short enough. */
export function exportFileName(title: string, extension: string): string {
  const base =
    title
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\p{Cc}+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || '导出';
  return `${base}.${extension}`;
}
