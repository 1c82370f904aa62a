/**
 * A disclosure text as the ingest sees it: its lines, 1-based, exactly as in the file.
 * Pure: also built into dist/ingest.js for the browser (browser.ts).
 */
import { splitLines } from '../data/source-lines';

export interface SourceDoc {
  /** Path or name the user gave, used in messages. */
  readonly file: string;
  /** lines[0] is line 1. Line endings stripped; nothing else changed. */
  readonly lines: readonly string[];
}

export function makeSourceDoc(file: string, text: string): SourceDoc {
  const lines = splitLines(text);
  return { file, lines };
}

/** The text of 1-based line `n` ('' outside the document). */
export function lineAt(doc: SourceDoc, n: number): string {
  return doc.lines[n - 1] ?? '';
}

/**
 * Thrown for input the ingest cannot accept; the CLI prints `message` and exits non-zero.
 * The message names the file and, wherever the problem is in the text, its line or line range
 * (`文件 a.txt 第 12 行：…`, `文件 a.txt 第 1–40 行：…`); `line` is null only for problems of the
 * file as a whole (missing, not a file, not UTF-8 before any line could be read).
 */
/**
 * Refusals that another file of the same publication can make good: 江苏 publishes a budget's
 * tables (whose year is printed nowhere) and its 情况说明 (with no table) as two PDFs.
 */
export type IngestRefusal = 'no-tables' | 'no-year';

export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly detail: string,
    /** Last line of a range (inclusive), when the problem spans lines. */
    readonly lineEnd: number | null = null,
    readonly refusal: IngestRefusal | null = null,
  ) {
    super(`文件 ${file}${whereText(line, lineEnd)}：${detail}`);
    this.name = 'IngestError';
  }
}

function whereText(line: number | null, lineEnd: number | null): string {
  if (line === null) return '';
  if (lineEnd === null || lineEnd === line) return ` 第 ${line} 行`;
  return ` 第 ${line}–${lineEnd} 行`;
}

const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^-?\d+(\.\d+)?$/;

/**
 * Read a printed amount: "42683.67", "3,551.00" (thousands separators), "-0.84".
 * Returns null for anything else ("", "———", "—", text). Note "138,231" reads as 138231:
 * where context shows the comma was meant as a decimal mark (a 万元 cell in a table of
 * 万元 with decimals), the caller records a correction and a finding instead.
 */
export function readAmount(text: string): string | null {
  const t = text.trim();
  if (PLAIN.test(t)) return t;
  if (GROUPED.test(t)) return t.replace(/,/g, '');
  return null;
}
