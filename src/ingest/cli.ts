/**
 * `npm run ingest` — rebuild every bundle from public/data/sources/*.txt.
 * `npm run ingest -- a.txt b.pdf` — add further disclosures (text, or PDF read with pdf.js into
 * layout text, which becomes the document's source text), then rebuild all.
 * Exits non-zero with a Chinese message naming file and line (or page) when an input cannot be read.
 */
import { resolve } from 'node:path';
import { readPdfFile } from './read-pdf-file';
import { runIngest } from './run';
import { IngestError } from './source-doc';

const args = process.argv.slice(2).map((a) => resolve(process.cwd(), a));
const root = resolve(import.meta.dirname, '../..');

try {
  const isPdf = (a: string) => a.toLowerCase().endsWith('.pdf');
  const extraTexts = await Promise.all(args.filter(isPdf).map(readPdfFile));
  for (const p of extraTexts) for (const w of p.warnings) console.warn(`  ⚠ ${p.file}：${w}`);
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
