/**
 * Cell tokens of a table body, independent of the text layout.
 *
 * Two layouts exist: tab-separated lines (one line = one table row, empty cells explicit) and the
 * space-separated, wrapped layout of some PDF extractions (cells split by single spaces, a double
 * space is an empty cell, labels wrap onto their own lines, numbers glue to the next label as in
 * "0.00八、社会保障和就业支出"). Both become the same token stream, so one grammar per table kind
 * reads either.
 */

export type TokKind = 'text' | 'num' | 'int' | 'empty' | 'none';

export interface Tok {
  kind: TokKind;
  /** Text as printed (trimmed). */
  s: string;
  line: number;
  /** Position within its line's cells (tab layout: the tab column). */
  col: number;
  /** True once a grammar has read it as a figure or as structure (code, 行次, 栏次). */
  used: boolean;
}

export type Layout = 'tab' | 'space';

const NUM = /^-?(\d{1,3}(,\d{3})+(\.\d+)?|\d+\.\d+)$/;
const INT = /^-?\d+$/;
const NONE = /^[—─―-]{2,}$/;
const GLUED = /^(-?\d+\.\d+)([^\d.,%].*)$/;

export function classify(s: string): TokKind {
  if (s === '') return 'empty';
  if (NUM.test(s)) return 'num';
  if (INT.test(s)) return 'int';
  if (NONE.test(s)) return 'none';
  return 'text';
}

/** Split one line into cells for its layout. */
export function lineCells(text: string, layout: Layout): string[] {
  if (layout === 'tab') return text.split('\t').map((s) => s.trim());
  const out: string[] = [];
  for (const raw of text
    .replace(/\u3000/g, ' ')
    .replace(/\s+$/, '')
    .split(' ')) {
    const m = GLUED.exec(raw);
    if (m?.[1] !== undefined && m[2] !== undefined) out.push(m[1], m[2]);
    else out.push(raw);
  }
  return out;
}

export function tokenizeLine(text: string, line: number, layout: Layout): Tok[] {
  return lineCells(text, layout).map((s, col) => ({
    kind: classify(s),
    s,
    line,
    col,
    used: false,
  }));
}

/**
 * A region is tab-laid-out when any of its lines has a tab: extractions that keep tabs keep them
 * on every row, while titles and notes have none either way.
 */
export function detectLayout(lines: readonly string[]): Layout {
  return lines.some((l) => l.includes('\t')) ? 'tab' : 'space';
}

/** "1 2 3 … n" header rows (栏次) and lines that start with 栏次. */
export function isColumnNumberLine(toks: readonly Tok[]): boolean {
  const filled = toks.filter((t) => t.kind !== 'empty');
  if (filled[0]?.s === '栏次') return true;
  if (filled.length < 3 || !filled.every((t) => t.kind === 'int')) return false;
  return filled.every((t, i) => Number(t.s) === i + 1);
}
