/**
 * Table → .xlsx with write-excel-file (small, maintained, works in the browser without network;
 * it zips with fflate). Row 1 is the title (caption: unit, year, scope), row 2 the header, then
 * the rows.
 *
 * Figures stay exact: the library takes a JS number and writes `String(value)` into the sheet XML.
 * A cell such as "42,684.35" becomes a number only when that string of the number is the printed
 * decimal itself (`exactNumber`), so the file holds the same digits as the screen; its number
 * format keeps the printed decimals and grouping. Everything else (percentages, "—", labels,
 * derived values marked ※) is stored as text exactly as shown.
 */
import writeXlsxFile from 'write-excel-file/universal';
import type { Cell, Row } from 'write-excel-file/universal';
import type { ExportTable } from './export-table';

const AMOUNT_RE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** "42,684.35" → "42684.35"; "-0.50" → "-0.5"; "007" → "7": the shortest form of a decimal. */
function canonicalDecimal(text: string): string {
  const neg = text.startsWith('-');
  const [intRaw = '0', fracRaw = ''] = text.replace(/^-/, '').replace(/,/g, '').split('.');
  const int = intRaw.replace(/^0+(?=\d)/, '');
  const frac = fracRaw.replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return neg && body !== '0' ? `-${body}` : body;
}

/**
 * The JS number that prints back as exactly this decimal, or null (then store as text). Number
 * → String gives the shortest decimal that round-trips, so equality means the sheet XML will
 * hold the printed digits, not a binary approximation.
 */
export function exactNumber(text: string): number | null {
  if (!AMOUNT_RE.test(text)) return null;
  const canonical = canonicalDecimal(text);
  const n = Number(canonical);
  return Number.isFinite(n) && String(n) === canonical ? n : null;
}

/** Excel number format showing the decimals and grouping the text had: "1,322.38" → "#,##0.00". */
export function numberFormatOf(text: string): string {
  const decimals = text.includes('.') ? (text.split('.')[1]?.length ?? 0) : 0;
  const int = text.includes(',') ? '#,##0' : '0';
  return decimals > 0 ? `${int}.${'0'.repeat(decimals)}` : int;
}

function cellFor(text: string): Cell {
  const n = exactNumber(text);
  if (n === null) return text === '' ? null : { value: text, type: String };
  return { value: n, type: Number, format: numberFormatOf(text) };
}

/** The sheet data: title, header and rows (exposed for tests). */
export function sheetRows(table: ExportTable): Row[] {
  return [
    [{ value: table.title || ' ', type: String, fontWeight: 'bold' }],
    table.columns.map((c) => ({ value: c || ' ', type: String, fontWeight: 'bold' }) as Cell),
    ...table.rows.map((row) => row.map(cellFor)),
  ];
}

/** Excel forbids []:*?/\ in sheet names and limits them to 31 characters. */
function sheetName(title: string): string {
  return (title.replace(/[[\]:*?/\\]/g, ' ').trim() || '数据').slice(0, 31);
}

export async function xlsxBlob(table: ExportTable): Promise<Blob> {
  const widths = table.columns.map((c, i) =>
    Math.min(60, Math.max(8, c.length * 2, ...table.rows.map((r) => (r[i] ?? '').length * 1.6))),
  );
  return writeXlsxFile(sheetRows(table), {
    sheet: sheetName(table.title),
    columns: widths.map((width) => ({ width })),
    stickyRowsCount: 2,
  }).toBlob();
}
