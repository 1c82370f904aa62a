/**
 * What an 导出 button makes: the file's blob and name. Its own on-demand script (imported by
 * src/components/export-menu.tsx on the first click), so the CSV, Excel, PNG and SVG writers never
 * weigh on the first screen (docs/performance.md).
 */
import { csvBlob } from './export-csv';
import { chartSvgText, pngBlob, svgBlob } from './export-image';
import { exportFileName } from './export-table';
import type { ExportTable } from './export-table';
import { xlsxBlob } from './export-xlsx';

export type ExportFormat = 'csv' | 'xlsx' | 'png' | 'svg';

export interface ExportSource {
  fileBase: string;
  /** The table to export as CSV / Excel (null: none on screen). */
  getTable?: (() => ExportTable | null) | undefined;
  /** The element holding the chart drawing (its <svg>s), for PNG / SVG. */
  getDrawing?: (() => Element | null) | undefined;
}

/** The file for `format`; rejects with a Chinese message when there is nothing to export. */
export async function exportFile(
  format: ExportFormat,
  { fileBase, getTable, getDrawing }: ExportSource,
): Promise<{ blob: Blob; fileName: string }> {
  const fileName = exportFileName(fileBase, format);
  if (format === 'csv' || format === 'xlsx') {
    const table = getTable?.();
    if (!table) throw new Error('没有可导出的表格');
    return { blob: format === 'csv' ? csvBlob(table) : await xlsxBlob(table), fileName };
  }
  const drawing = getDrawing?.();
  if (!drawing?.querySelector('svg')) throw new Error('图表尚未绘制，无法导出图片');
  const doc = chartSvgText(drawing, fileBase);
  return { blob: format === 'svg' ? svgBlob(doc) : await pngBlob(doc, 2), fileName };
}
