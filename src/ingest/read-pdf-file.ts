/**
 * A PDF file as the ingest's input (Node): its layout text, read with pdf.js, becomes the
 * document's source text. A PDF that cannot be read is an IngestError naming the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { layoutText, PdfTextError } from './pdf/pdf-text';
import { readPdfTextNode } from './pdf/pdf-text-node';
import { IngestError } from './source-doc';

export interface PdfInput {
  file: string;
  text: string;
  /** Pages without text (scanned pages in an otherwise readable PDF). */
  warnings: string[];
}

export async function readPdfFile(file: string): Promise<PdfInput> {
  if (!existsSync(file)) throw new IngestError(file, null, '文件不存在');
  try {
    const pdf = await readPdfTextNode(new Uint8Array(readFileSync(file)));
    return { file, text: layoutText(pdf), warnings: pdf.warnings };
  } catch (err) {
    if (err instanceof PdfTextError) {
      throw new IngestError(file, null, `${err.message.replace(/。$/, '')}；未导入`);
    }
    throw err;
  }
}
