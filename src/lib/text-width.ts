/**
 * Text widths estimated, not measured, and text wrapped to a width: for chart labels (measuring
 * every label in the DOM was a third of drawing a chart; docs/performance.md) and the titles of
 * exported pictures. Estimates leave room for wider fonts than ours: a CJK character is 1em in
 * every CJK font, other characters are counted at 0.7em (DejaVu Sans, among the widest, draws
 * digits at 0.64em).
 */

// CJK characters and punctuation; "…" and "—" are drawn 1em wide by CJK fonts too.
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2010-\u2027]/;

/** Estimated width of `text` in px at `fontSize`, a little above what any common font draws. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += CJK.test(ch) ? 1 : 0.7;
  return em * fontSize;
}

/**
 * `text` split into at most `maxLines` lines no wider than `width` px, broken at a space or
 * before an opening bracket when one is near the end of a line; the last line ends in "…" when
 * the text does not fit.
 */
export function wrapLabel(text: string, width: number, fontSize: number, maxLines = 2): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > 0 && lines.length < maxLines) {
    if (estimateTextWidth(rest, fontSize) <= width) {
      lines.push(rest);
      return lines;
    }
    const chars = [...rest];
    let fit = 0;
    let used = 0;
    for (const ch of chars) {
      const w = estimateTextWidth(ch, fontSize);
      if (used + w > width) break;
      used += w;
      fit += 1;
    }
    if (lines.length === maxLines - 1) {
      // Last line: shorten, leaving room for the ellipsis.
      let cut = fit;
      while (cut > 0 && estimateTextWidth(`${chars.slice(0, cut).join('')}…`, fontSize) > width) {
        cut -= 1;
      }
      lines.push(`${chars.slice(0, cut).join('')}…`);
      return lines;
    }
    // Prefer to break at a space or before an opening bracket in the second half of the line.
    let at = fit;
    for (let i = fit; i > fit / 2; i -= 1) {
      const ch = chars[i];
      if (ch === ' ' || ch === '（' || ch === '(') {
        at = i;
        break;
      }
    }
    lines.push(chars.slice(0, at).join('').trimEnd());
    rest = chars.slice(at).join('').trimStart();
  }
  return lines;
}
