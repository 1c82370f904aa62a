/**
 * Table → CSV for Excel and WPS: UTF-8 with a byte-order mark (without it Excel reads the file as
 * the local code page and shows the Chinese as mojibake), CRLF line ends and RFC 4180 quoting.
 * Cells are the texts as shown, so a figure goes out exactly as printed and never through a JS
 * number.
 */
import type { ExportTable } from './export-table';

export const UTF8_BOM = '\uFEFF';

/** A plain number as printed ("-3,540.42", "82.36%"): a spreadsheet reads it as a number, safely. */
const NUMERIC_RE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;

/**
 * OWASP CSV injection: a spreadsheet runs a cell starting with = + - @ (or tab / CR, which some
 * strip before looking) as a formula. Such text gets a leading ' so it stays text; a real number
 * such as a printed negative amount keeps its digits.
 */
function isFormulaLike(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value) && !NUMERIC_RE.test(value);
}

/**
 * RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside. Formula-like
 * text is prefixed with ' inside a quoted field.
 */
export function csvField(value: string): string {
  if (isFormulaLike(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV text, BOM first; header row then data rows; no title line, so it stays a plain table. */
export function toCsv(table: Pick<ExportTable, 'columns' | 'rows'>): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

export function csvBlob(table: Pick<ExportTable, 'columns' | 'rows'>): Blob {
  return new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' });
}
