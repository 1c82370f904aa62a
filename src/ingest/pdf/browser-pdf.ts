/**
 * The PDF reader in the browser, built on its own by vite.ingest-pdf.config.ts as
 * dist/ingest-pdf.js, an IIFE whose exports become `window.__BUDGET_PDF__`;
 * src/data/load-pdf.ts inserts it when a .pdf is imported. pdf.js's worker code runs on the page
 * (its "fake worker", found on `globalThis.pdfjsWorker`): from file:// no worker script can be
 * loaded. The reading itself is read-pdf.ts (tested in Node with pdf.js's legacy build).
 */
import * as pdfjs from 'pdfjs-dist';
import { WorkerMessageHandler } from 'pdfjs-dist/build/pdf.worker.mjs';
import type { PdfReadOptions, PdfReadOutcome } from '../../data/load-pdf';
import { readPdfWith } from './read-pdf';

// Also set by the worker module itself; assigned here so no bundler can drop it as unused.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = { WorkerMessageHandler };

export function readPdf(bytes: Uint8Array, options?: PdfReadOptions): Promise<PdfReadOutcome> {
  return readPdfWith(pdfjs, bytes, options);
}
