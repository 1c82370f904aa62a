/**
 * Table → CSV for Excel and WPS: UTF-8 with a byte-order mark (without it Excel reads the file as
 * the local code page and shows the Chinese as mojibake), CRLF line ends and RFC 4180 quoting.
 * Cells are the texts as shown, so a figure goes out exactly as printed and never through a JS
 * number.
 */
import type { ExportTable } from './export-table';

export const UTF8_BOM = '\uFEFF';

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside. */
export function csvField(value: string): string {
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
