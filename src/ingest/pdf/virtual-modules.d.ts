/** Modules the PDF reader's build provides (see bundled-cmaps-plugin.ts and pdfjs-dist). */
declare module 'virtual:pdf-cmaps' {
  /** Packed CMap file name → its bytes in base64. */
  export const CMAPS: Readonly<Record<string, string>>;
}

declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  /** pdf.js's worker side; the fake (same-thread) worker finds it on `globalThis.pdfjsWorker`. */
  export const WorkerMessageHandler: unknown;
}
