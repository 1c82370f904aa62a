/**
 * A disclosure PDF the user loads (数据文件 → a .pdf): the PDF reader, loaded on demand
 * (load-pdf.ts), turns its pages into layout text; that text then takes the .txt path
 * (user-text.ts), and is stored as the bundle's source text, page breaks ("\f") included, so
 * 原文 shows the printed page and line of every figure.
 */
import { loadIngest } from './load-ingest';
import type { IngestApi } from './load-ingest';
import { loadPdfReader } from './load-pdf';
import type { PdfApi } from './load-pdf';
import { readUserText } from './user-text';
import type { TakenIds, UserBundleResult } from './user-bundles';

/**
 * Real disclosures have 10–100 pages. Past this the document is not one unit's 预决算 (a whole
 * region's book, a scanned annual report), and reading it would hold the tab for minutes.
 */
export const MAX_PDF_PAGES = 500;

/** A PDF is binary and mostly fonts and images: far larger than its tables' text. */
export const MAX_USER_PDF_BYTES = 50 * 1024 * 1024;

export interface ReadUserPdfOptions {
  onPage?: (page: number, pages: number) => void;
  signal?: AbortSignal;
  loadPdf?: () => Promise<PdfApi>;
  loadText?: () => Promise<IngestApi>;
}

export type UserPdfResult = UserBundleResult & {
  /** The PDF was cancelled: nothing was made or stored. */
  cancelled?: boolean;
  /** Pages without text in an otherwise readable PDF (Chinese), to show beside the import. */
  warnings?: readonly string[];
};

const refused = (fileName: string, message: string, cancelled = false): UserPdfResult => ({
  ok: false,
  fileName,
  message,
  issues: [],
  ...(cancelled ? { cancelled } : {}),
});

/** The reader's message as a finished sentence, so the refusal can follow it. */
const sentence = (message: string) => (message.endsWith('。') ? message : `${message}。`);

const cancelledMessage = (fileName: string, detail = '，未保存任何数据') =>
  `文件 ${fileName}：已取消导入${detail}`;

export async function readUserPdf(
  fileName: string,
  bytes: Uint8Array,
  taken: TakenIds,
  { onPage, signal, loadPdf = loadPdfReader, loadText = loadIngest }: ReadUserPdfOptions = {},
): Promise<UserPdfResult> {
  let api: PdfApi;
  try {
    api = await loadPdf();
  } catch (err) {
    return refused(
      fileName,
      `文件 ${fileName}：${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (signal?.aborted) return refused(fileName, cancelledMessage(fileName), true);
  const read = await api.readPdf(bytes, {
    maxPages: MAX_PDF_PAGES,
    ...(onPage ? { onPage } : {}),
    ...(signal ? { signal } : {}),
  });
  if (!read.ok) {
    return read.code === 'cancelled'
      ? refused(fileName, `文件 ${fileName}：${read.message}`, true)
      : refused(
          fileName,
          `文件 ${fileName}：${sentence(read.message)}未导入，已加载的数据不受影响。`,
        );
  }
  // Cancelled after the last page: still nothing is made.
  if (signal?.aborted) return refused(fileName, cancelledMessage(fileName), true);
  const result = await readUserText(fileName, read.text, taken, loadText);
  if (signal?.aborted) return refused(fileName, cancelledMessage(fileName), true);
  return read.warnings.length > 0 ? { ...result, warnings: read.warnings } : result;
}
