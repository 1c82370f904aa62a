/** Split a source text into its lines as the ingest numbers them: line 1 is lines[0], BOM dropped. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}
