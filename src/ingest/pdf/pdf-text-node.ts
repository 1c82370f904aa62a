/**
 * The Node entry for pdf-text.ts: pdf.js's legacy build (made for Node) and its CMaps and
 * standard fonts read from the installed pdfjs-dist package.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfText, ReadPdfResource } from './pdf-text';
import { extractPdfText } from './pdf-text';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

const FOLDERS = { cMapUrl: 'cmaps', standardFontDataUrl: 'standard_fonts', wasmUrl: 'wasm' };

export const readPdfResource: ReadPdfResource = async (kind, filename) =>
  new Uint8Array(await readFile(join(pdfjsRoot, FOLDERS[kind], filename)));

export async function readPdfTextNode(data: Uint8Array): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return extractPdfText(data, pdfjs, { readResource: readPdfResource });
}
