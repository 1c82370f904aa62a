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
    return {
      ok: true,
      text: layoutText(text),
      pages: text.pages.length,
      warnings: text.warnings,
    };
  } catch (err) {
    if (err instanceof PdfTextError) return { ok: false, code: err.code, message: err.message };
    // A fault of the program, not of the PDF: still a message, never a blank page.
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, code: 'damaged', message: `PDF 导入程序出错（${detail}）` };
  }
}
