/**
 * Layout text (pdftotext -layout, or pdf-text.ts) as lines with page and line numbers, and the
 * cells of one line with their character positions. Browser-safe.
 */

export interface LayoutLine {
  /** 1-based page (pages are separated by form feeds). */
  page: number;
  /** 1-based line within its page. */
  line: number;
  text: string;
}

export function linesOfLayoutText(text: string): LayoutLine[] {
  const out: LayoutLine[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split('\f')
    .forEach((pageText, p) => {
      pageText.split(/\r?\n/).forEach((t, i) => {
        out.push({ page: p + 1, line: i + 1, text: t.replace(/\u3000/g, ' ') });
      });
    });
  return out;
}

export interface Cell {
  text: string;
  /** Character offsets in the line, end exclusive. */
  start: number;
  end: number;
}

export const cellCenter = (c: Cell): number => (c.start + c.end) / 2;

/** A printed amount: "3540.62", "3,540.62", "0", "-0.84". */
const AMOUNT = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

export function isAmount(s: string): boolean {
  return AMOUNT.test(s);
}

/** The amount as a decimal string, thousands separators removed; never through a JS number. */
export function amountText(s: string): string {
  return s.replace(/,/g, '');
}

/**
 * Cells of a line: runs separated by two or more spaces; then a single space or nothing between a
 * number and a label also separates ("96,282,213.44 一、公共安全支出", "0.00八、社会…",
 * "30207邮电费").
 */
export function cellsOf(text: string): Cell[] {
  const out: Cell[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let start = m.index;
    for (const part of splitCell(m[0])) {
      const at = text.indexOf(part, start);
      out.push({ text: part, start: at, end: at + part.length });
      start = at + part.length;
    }
  }
  return out;
}

function splitCell(s: string): string[] {
  const words = s.split(' ');
  const out: string[] = [];
  let label: string[] = [];
  const flush = () => {
    if (label.length > 0) out.push(label.join(' '));
    label = [];
  };
  for (const w of words) {
    const glued = /^(-?[\d,]*\d\.\d+|\d{3,7})([^\d.,%)）].*)$/.exec(w);
    if (isAmount(w)) {
      flush();
      out.push(w);
    } else if (glued?.[1] !== undefined && glued[2] !== undefined && !/^[年月日]/.test(glued[2])) {
      flush();
      out.push(glued[1]);
      label.push(glued[2]);
    } else {
      label.push(w);
    }
  }
  flush();
  return out;
}
