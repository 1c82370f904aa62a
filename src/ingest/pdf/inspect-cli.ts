/**
 * `npm run ingest:inspect -- file.pdf|file.txt …` — show which national tables and headline
 * figures the layout reader finds in a PDF (via pdf.js) or in pdftotext -layout text. Read-only:
 * it writes no bundle; it is the engineer's check before a layout is wired into the ingest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { headlineOf } from '../layout/headline';
import { describeLayout } from '../layout/describe';
import { linesOfLayoutText } from '../layout/layout-lines';
import { readLayoutTables } from '../layout/read-layout';
import { layoutText, PdfTextError } from './pdf-text';
import { readPdfTextNode } from './pdf-text-node';

async function inspect(file: string): Promise<void> {
  if (!existsSync(file)) throw new PdfTextError('damaged', '文件不存在');
  const bytes = new Uint8Array(readFileSync(file));
  let text: string;
  if (file.toLowerCase().endsWith('.pdf')) {
    const pdf = await readPdfTextNode(bytes);
    for (const w of pdf.warnings) console.log(`注意：${w}`);
    text = layoutText(pdf);
  } else {
    text = new TextDecoder('utf-8').decode(bytes);
  }
  const result = readLayoutTables(linesOfLayoutText(text));
  console.log(`文件：${file}`);
  for (const line of describeLayout(result, headlineOf(result))) console.log(line);
}

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    await inspect(file);
  } catch (err) {
    if (!(err instanceof PdfTextError)) throw err;
    console.error(`无法读取 ${file}：${err.message}`);
    failed = true;
  }
}
if (failed) process.exit(1);
