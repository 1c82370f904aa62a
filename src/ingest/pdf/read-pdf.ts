/**
 * What dist/ingest-pdf.js does with a PDF, apart from which pdf.js build it uses: layout text from
 * the bundled CMaps only, progress per page with a yield to the page after each, and every
 * failure as a Chinese message (never a throw across the script boundary, where the app could
 * not tell a PdfTextError from any other error).
 */
import type { PdfReadOptions, PdfReadOutcome } from '../../data/load-pdf';
import { readBundledResource } from './bundled-resources';
import { extractPdfText, layoutText, PdfTextError } from './pdf-text';
import type { PdfJsModule } from './pdf-text';

/** One macrotask: a MessageChannel is not throttled in background tabs as setTimeout is. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Shown in place of a character the PDF's font gives no text for (not a digit, never a figure). */
export const UNREADABLE = '□';

/**
 * The layout text with every U+FFFD (a glyph pdf.js could not map to text) shown as □, and a
 * warning naming where, so it is reported beside the import instead of being taken for a text
 * that is not UTF-8 (what U+FFFD means in a .txt).
 */
export function markUnreadable(text: string): { text: string; warning: string | null } {
  if (!text.includes('\uFFFD')) return { text, warning: null };
  const places: string[] = [];
  let count = 0;
  // Pages are joined by "\n\f": each page's lines start right after its form feed.
  text.split('\f').forEach((pageText, p) => {
    pageText.split('\n').forEach((line, l) => {
      const n = line.split('\uFFFD').length - 1;
      if (n > 0) places.push(`第 ${p + 1} 页第 ${l + 1} 行`);
      count += n;
    });
  });
  const where = places.length > 3 ? `${places.slice(0, 3).join('、')}等` : places.join('、');
  return {
    text: text.replaceAll('\uFFFD', UNREADABLE),
    warning: `PDF 中有 ${count} 个字符无法识别（字体没有文字映射），在原文中显示为 ${UNREADABLE}：${where}`,
  };
}

export async function readPdfWith(
  pdfjs: PdfJsModule,
  bytes: Uint8Array,
  { onPage, signal, maxPages }: PdfReadOptions = {},
): Promise<PdfReadOutcome> {
  try {
    const text = await extractPdfText(bytes, pdfjs, {
      readResource: readBundledResource,
      onPage: async (page, pages) => {
        await onPage?.(page, pages);
        await yieldToPage();
      },
      ...(signal ? { signal } : {}),
      ...(maxPages !== undefined ? { maxPages } : {}),
    });
    const marked = markUnreadable(layoutText(text));
    return {
      ok: true,
      text: marked.text,
      pages: text.pages.length,
      warnings: marked.warning ? [...text.warnings, marked.warning] : text.warnings,
    };
  } catch (err) {
    if (err instanceof PdfTextError) return { ok: false, code: err.code, message: err.message };
    // A fault of the program, not of the PDF: still a message, never a blank page.
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, code: 'damaged', message: `PDF 导入程序出错（${detail}）` };
  }
}
