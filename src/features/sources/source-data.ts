/**
 * Pure helpers of the source viewer: where a figure stands in its line, and how a line number
 * that names no line is shown.
 */

/** A run of digits as printed: thousands commas, a decimal part, a minus sign. */
const NUMBER_RE = /-?\d[\d,]*(?:\.\d+)?/g;
const DECIMAL_RE = /^-?\d[\d,]*(?:\.\d+)?$/;

/**
 * A decimal written without grouping, leading zeros or trailing fractional zeros ("1,564.70" →
 * "1564.7", "-0.00" → "0"), compared as text: no JS number, so no rounding.
 */
function canonicalDecimal(text: string): string {
  const negative = text.startsWith('-');
  const [int = '', frac = ''] = text.replace(/^-|,/g, '').split('.');
  const i = int.replace(/^0+(?=\d)/, '');
  const f = frac.replace(/0+$/, '');
  const body = f === '' ? i : `${i}.${f}`;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/**
 * Where `text` (a figure's value as the bundle keeps it, "3540.62") is printed in `line`: every
 * occurrence, as [start, end) character offsets in order. A number matches a printed number of
 * the same value however it is grouped ("3,540.62", "3540.620"), or a decimal printed with a comma
 * ("138,231" read as 138.231); anything else matches as written. A 三公 row prints the same
 * amount under 预算 and 决算 ("3.57 … 3.57"): a figure keeps its line, not its column, so every
 * one is found.
 */
export function findFigures(line: string, text: string): [number, number][] {
  if (!DECIMAL_RE.test(text)) {
    const found: [number, number][] = [];
    if (text === '') return found;
    for (let at = line.indexOf(text); at !== -1; at = line.indexOf(text, at + text.length))
      found.push([at, at + text.length]);
    return found;
  }
  const wanted = canonicalDecimal(text);
  const found: [number, number][] = [];
  for (const m of line.matchAll(NUMBER_RE)) {
    const printed = m[0].replace(/,+$/, '');
    // A "-" before a positive figure is a dash, not a sign.
    const candidates: [string, number][] = [[printed, m.index]];
    if (printed.startsWith('-')) candidates.push([printed.slice(1), m.index + 1]);
    const hit = candidates.find(([digits]) => {
      const readings = [canonicalDecimal(digits)];
      if (/^-?\d+,\d+$/.test(digits)) readings.push(canonicalDecimal(digits.replace(',', '.')));
      return readings.includes(wanted);
    });
    if (hit) found.push([hit[1], hit[1] + hit[0].length]);
  }
  return found;
}

/** A line parameter as shown in a message: long ones (400 digits) cut short. */
export function shownLineParam(text: string): string {
  return text.length > 16 ? `${text.slice(0, 12)}…` : text;
}

/** Where a line of a PDF's text is printed: its page and its line on that page (1-based). */
export interface PagePlace {
  page: number;
  line: number;
}

/**
 * Page and line within the page of every line of a text whose pages are separated by form feeds
 * (the layout text of a PDF: a "\f" opens each page after the first). Null for a text without
 * form feeds, which is numbered by its lines only. A lone "\f" ending the text opens no page.
 */
export function pagePlaces(lines: readonly string[]): PagePlace[] | null {
  if (!lines.some((l) => l.includes('\f'))) return null;
  let page = 1;
  let line = 0;
  return lines.map((text, i) => {
    const breaks = text.split('\f').length - 1;
    const trailing = i === lines.length - 1 && text.replaceAll('\f', '') === '';
    if (breaks > 0 && !trailing) {
      page += breaks;
      line = 0;
    }
    line += 1;
    return { page, line };
  });
}

/**
 * A layout-text line cut where text follows two or more spaces, each piece with its column
 * offset. The pieces keep their spaces, so together they are the line exactly (copy, search).
 */
export function placedRuns(text: string): { start: number; text: string }[] {
  const starts = [0];
  for (const m of text.matchAll(/ {2,}(?=\S)/g)) starts.push(m.index + m[0].length);
  return starts
    .map((start, i) => ({ start, text: text.slice(start, starts[i + 1] ?? text.length) }))
    .filter((r) => r.text !== '');
}

/** Columns a text takes on screen in a monospace font: 2 for a Chinese character or full-width sign. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}
