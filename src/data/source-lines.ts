/**
 * A source text's lines as every figure's `line` counts them: line 1 is lines[0], BOM dropped,
 * CRLF or LF. The one definition: the ingest (source-doc.ts) and the source viewer use it.
 */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}
