/**
 * pdf.js's binary resources in the browser build: the GB CMaps carried inside dist/ingest-pdf.js
 * (bundled-cmaps-plugin.ts), decoded when pdf.js asks for one. Nothing is fetched.
 */
import { CMAPS } from 'virtual:pdf-cmaps';
import type { ReadPdfResource } from './pdf-text';

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/**
 * A CMap the build carries, or a rejection pdf.js reports for that font only (standard font
 * programs are not carried: text extraction does not draw glyphs).
 */
export const readBundledResource: ReadPdfResource = (kind, filename) => {
  const b64 = kind === 'cMapUrl' ? CMAPS[filename] : undefined;
  return b64 === undefined
    ? Promise.reject(new Error(`PDF 导入程序未附带 ${filename}`))
    : Promise.resolve(fromBase64(b64));
};
