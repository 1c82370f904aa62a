/**
 * 导出 buttons for a table or a chart: CSV and Excel from its table, PNG and SVG from its drawing.
 * The owner passes getters, called on click, so the export reads exactly what is on screen then.
 * The writers load on the first click (@/lib/export-file, an on-demand script).
 */
import { useState } from 'react';
import { downloadBlob } from '@/lib/export-download';
import type { ExportFormat } from '@/lib/export-file';
import type { ExportTable } from '@/lib/export-table';

interface ExportMenuProps {
  /** File name without extension (a getter when it is known only on screen, e.g. a caption). */
  name: string | (() => string);
  /** How the button group is announced ("导出：…"); defaults to `name` when it is a string. */
  label?: string;
  /** The table to export as CSV / Excel; omit for a chart without a table. */
  getTable?: () => ExportTable | null;
  /** The element holding the chart drawing (its <svg>s), for PNG / SVG; omit for a plain table. */
  getDrawing?: () => Element | null;
}

type Format = ExportFormat;

const LABELS: Record<Format, string> = {
  csv: '导出 CSV',
  xlsx: '导出 Excel',
  png: '导出 PNG',
  svg: '导出 SVG',
};

export function ExportMenu({ name, label, getTable, getDrawing }: ExportMenuProps) {
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (format: Format) => {
    setBusy(format);
    setError(null);
    const fileBase = typeof name === 'string' ? name : name();
    try {
      const { exportFile } = await import('@/lib/export-file').catch(() => {
        throw new Error('无法加载导出程序（assets 文件夹中的脚本缺失或损坏）');
      });
      const { blob, fileName } = await exportFile(format, { fileBase, getTable, getDrawing });
      downloadBlob(blob, fileName);
    } catch (err) {
      setError(`${LABELS[format]}失败：${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const formats: Format[] = [
    ...(getTable ? (['csv', 'xlsx'] as const) : []),
    ...(getDrawing ? (['png', 'svg'] as const) : []),
  ];
  if (formats.length === 0) return null;
  return (
    <div
      className="export-menu"
      role="group"
      aria-label={`导出：${label ?? (typeof name === 'string' ? name : '表格')}`}
    >
      {formats.map((f) => (
        <button
          key={f}
          type="button"
          className="export-button"
          disabled={busy !== null}
          onClick={() => void run(f)}
        >
          {LABELS[f]}
        </button>
      ))}
      {error ? (
        <span className="export-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
