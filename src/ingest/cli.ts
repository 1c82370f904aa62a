/**
 * `npm run ingest` — rebuild every bundle from public/data/sources/*.txt.
 * `npm run ingest -- a.txt b.pdf` — add further disclosures (text, or PDF read with pdf.js into
 * layout text, which becomes the document's source text), then rebuild all.
 * Exits non-zero with a Chinese message naming file and line (or page) when an input cannot be read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { layoutText, PdfTextError } from './pdf/pdf-text';
import { readPdfTextNode } from './pdf/pdf-text-node';
import { runIngest } from './run';
import { IngestError } from './source-doc';

const args = process.argv.slice(2).map((a) => resolve(process.cwd(), a));
const root = resolve(import.meta.dirname, '../..');

/** A PDF's layout text (pages separated by form feeds), or an IngestError naming the file. */
async function pdfText(file: string): Promise<{ file: string; text: string }> {
  if (!existsSync(file)) throw new IngestError(file, null, '文件不存在');
  try {
    const pdf = await readPdfTextNode(new Uint8Array(readFileSync(file)));
    for (const w of pdf.warnings) console.warn(`  ⚠ ${file}：${w}`);
    return { file, text: layoutText(pdf) };
  } catch (err) {
    if (err instanceof PdfTextError) throw new IngestError(file, null, err.message);
    throw err;
  }
}

try {
  const isPdf = (a: string) => a.toLowerCase().endsWith('.pdf');
  const extraTexts = await Promise.all(args.filter(isPdf).map(pdfText));
  const report = runIngest({
    sourcesDir: resolve(root, 'public/data/sources'),
    outDir: resolve(root, 'public/data'),
    extraFiles: args.filter((a) => !isPdf(a)),
    extraTexts,
  });
  for (const b of report.bundles) {
    console.log(
      `✓ ${b.id}: ${b.tables} 张表，${b.figures} 个表格数值，${b.findings} 条校验结果，${b.skipped} 个未能解析的单元格`,
    );
    // A truncated text still ingests (its tables are whole); say at once what it lacks.
    for (const m of b.incomplete) console.warn(`  ⚠ 完整性：${m}`);
  }
} catch (err) {
  if (err instanceof IngestError) {
    console.error(`导入失败：${err.message}`);
    process.exit(1);
  }
  throw err;
}
