/**
 * The PDF reader in the browser (数据文件 → a dropped .pdf): src/ingest/pdf/browser-pdf.ts built on
 * its own as dist/ingest-pdf.js, a classic script (pdf.js with its worker code run on the page,
 * and the GB CMaps inside) that sets `window.__BUDGET_PDF__`. Inserted only when a PDF is
 * imported: its ~1 MB never weighs on the first view. Classic, because modules, fetch and
 * `new Worker(url)` are blocked from file:// (docs/offline.md).
 */
import { browserScriptHost } from './load';

export type PdfReadOutcome =
  /** `text`: layout text, pages separated by "\f" (line numbers are those of the printed page). */
  | { ok: true; text: string; pages: number; warnings: readonly string[] }
  /** `message`: Chinese, says what is wrong with the PDF (not-pdf, encrypted, no-text …). */
  | { ok: false; code: string; message: string };

export interface PdfReadOptions {
  /** After each page, 1-based; awaited, and the reader yields to the page after it. */
  onPage?: (page: number, pages: number) => void | Promise<void>;
  /** Checked between pages: an abort stops reading with code `cancelled`. */
  signal?: AbortSignal;
  /** More pages than this: refused (code `too-long`) before any page is read. */
  maxPages?: number;
}

/** What dist/ingest-pdf.js puts on `window.__BUDGET_PDF__`. */
export interface PdfApi {
  readPdf(bytes: Uint8Array, options?: PdfReadOptions): Promise<PdfReadOutcome>;
}

declare global {
  interface Window {
    __BUDGET_PDF__?: unknown;
  }
}

/** Where the script comes from and where its global lands; injectable for tests. */
export interface PdfHost {
  loadScript(src: string): Promise<void>;
  readonly globals: { __BUDGET_PDF__?: unknown };
}

/** Beside index.html, like ingest.js (the third build writes it there). */
export const PDF_SCRIPT = './ingest-pdf.js';

export const PDF_NOT_LOADED = `无法加载 PDF 导入程序 ingest-pdf.js（它应与 index.html 放在同一文件夹）。PDF 文件未导入；已加载的数据不受影响，.json 数据包和 .txt 公开文本仍可导入`;

function isPdfApi(x: unknown): x is PdfApi {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { readPdf?: unknown }).readPdf === 'function'
  );
}

function browserPdfHost(): PdfHost {
  // No page (tests in Node): nothing to insert a script into, which is reported like a failed load.
  if (typeof document === 'undefined') {
    return { globals: {}, loadScript: () => Promise.reject(new Error(PDF_NOT_LOADED)) };
  }
  const scripts = browserScriptHost();
  return { globals: window, loadScript: (src) => scripts.loadScript(src) };
}

const pending = new WeakMap<PdfHost, Promise<PdfApi>>();
let pageHost: PdfHost | null = null;

/**
 * The PDF reader, its script inserted once (a global already there is used as is). Rejects with
 * a Chinese message when the script is missing or broken; a failed load is tried again next time.
 */
export function loadPdfReader(host: PdfHost = (pageHost ??= browserPdfHost())): Promise<PdfApi> {
  const ready = host.globals.__BUDGET_PDF__;
  if (isPdfApi(ready)) return Promise.resolve(ready);
  const inFlight = pending.get(host);
  if (inFlight) return inFlight;
  const load = host
    .loadScript(PDF_SCRIPT)
    .then(() => {
      const api = host.globals.__BUDGET_PDF__;
      if (!isPdfApi(api)) throw new Error(PDF_NOT_LOADED);
      return api;
    })
    .catch(() => {
      pending.delete(host);
      throw new Error(PDF_NOT_LOADED);
    });
  pending.set(host, load);
  return load;
}
