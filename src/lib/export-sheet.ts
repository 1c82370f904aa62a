/**
 * A table as shown → a table for a spreadsheet, where each column holds one kind of thing:
 *
 * - a document label ("大同市政务服务中心 2024年单位决算", "…（2024年·单位）") becomes columns 单位,
 *   年度, 口径, 类型, so a reader can filter by each;
 * - a figure column is split into the figure (a number: an amount with its printed decimals, a
 *   rate as a fraction with a percent format) and, beside it, what the screen prints around it:
 *   the direction word (增加/减少…) in "… 方向", a flag (※, ▼ 低于80%, （比上年）) in "… 标记", a
 *   share in parentheses in "… 占比";
 * - figures printed with their own unit ("39,700,557.84 元" in a 万元 table) go to a column named
 *   for that unit, so a column never mixes units;
 * - a cell holding several values ("本年 / 上年※ / 增减 / 幅度", named so in its header) is one
 *   column per value first.
 *
 * A column is read as figures only when every non-empty cell is a figure or a placeholder (—, 无);
 * anything else stays text as shown. Figures never pass through a JS number: the digits are
 * moved as text, and a number is written only when a double prints back as exactly those digits.
 */
import type { ExportTable } from './export-table';

/** A cell for the sheet: text as shown, or a number as canonical decimal digits and its format. */
export type SheetCell = string | { number: string; format: string };

export interface SheetTable {
  title: string;
  columns: string[];
  rows: SheetCell[][];
}

const FIGURE_RE =
  /^(增加|减少|增长|下降)?\s*(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(%?)\s*(万元|元|人次|批次|个|辆|人|项)?\s*(.*)$/u;
const SHARE_RE = /^[（(](-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%)[）)]$/u;
/** What may follow a figure as its flag: a mark, a note in parentheses, a comparison base. */
const FLAG_RE = /^(?:[※▼▲⚠△*（(【[]|与上年|比上年|较上年)/u;
const PLACEHOLDER_RE = /^(?:—|-|无|——+|—（空白）)$/u;

/** "42,684.35" → "42684.35"; "-0.50" → "-0.5"; "007" → "7": the shortest form of a decimal. */
export function canonicalDecimal(text: string): string {
  const neg = text.startsWith('-');
  const [intRaw = '0', fracRaw = ''] = text.replace(/^-/, '').replace(/,/g, '').split('.');
  const int = intRaw.replace(/^0+(?=\d)/, '');
  const frac = fracRaw.replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return neg && body !== '0' ? `-${body}` : body;
}

/** Canonical digits when a double prints back as exactly this decimal, else null. */
function exactDigits(text: string): string | null {
  const canonical = canonicalDecimal(text);
  const n = Number(canonical);
  return Number.isFinite(n) && String(n) === canonical ? canonical : null;
}

/** "1,838.93" (a percentage) → "18.3893": the point moved two places left, as text. */
export function percentToFraction(text: string): string {
  const neg = text.startsWith('-');
  const [int = '0', frac = ''] = text.replace(/^-/, '').replace(/,/g, '').split('.');
  const padded = int.padStart(3, '0');
  const shifted = `${padded.slice(0, -2)}.${padded.slice(-2)}${frac}`;
  return canonicalDecimal(neg ? `-${shifted}` : shifted);
}

/** Excel number format showing the decimals and grouping the text had: "1,322.38" → "#,##0.00". */
export function numberFormatOf(text: string): string {
  const decimals = text.includes('.') ? (text.split('.')[1]?.length ?? 0) : 0;
  const int = text.includes(',') ? '#,##0' : '0';
  return decimals > 0 ? `${int}.${'0'.repeat(decimals)}` : int;
}

/** A printed figure as a sheet cell: a number when exact, else its printed text. */
function figureCell(digits: string, percent: boolean): SheetCell {
  const decimals = digits.includes('.') ? (digits.split('.')[1]?.length ?? 0) : 0;
  if (percent) {
    const exact = exactDigits(percentToFraction(digits));
    const format = `0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}%`;
    return exact === null ? `${digits}%` : { number: exact, format };
  }
  const exact = exactDigits(digits);
  return exact === null ? digits : { number: exact, format: numberFormatOf(digits) };
}

interface Figure {
  direction: string;
  value: SheetCell;
  unit: string;
  share: SheetCell | '';
  flag: string;
}

/** A figure cell's parts, or null when the text is not a figure. */
function parseFigure(text: string): Figure | null {
  const m = FIGURE_RE.exec(text);
  if (!m) return null;
  const [, direction = '', digits = '', percent = '', unit = '', rest = ''] = m;
  const share = SHARE_RE.exec(rest);
  if (!share && rest !== '' && !FLAG_RE.test(rest)) return null; // "201 一般公共服务" is a label
  return {
    direction,
    value: figureCell(digits, percent === '%'),
    unit,
    share: share?.[1] ? figureCell(share[1].slice(0, -1), true) : '',
    flag: share ? '' : rest.trim(),
  };
}

interface DocLabel {
  unit?: string;
  year?: string;
  scope?: string;
  kind?: string;
  flag?: string;
}

/** The document labels views print, with the parts each holds (src/data/labels.ts and views). */
const LABEL_PATTERNS: [RegExp, (keyof DocLabel)[]][] = [
  [/^(.+?) (\d{4})年(单位|部门)(预算|决算)$/u, ['unit', 'year', 'scope', 'kind']],
  [/^(.+?) ?(\d{4})年 ?[·・] ?(单位|部门)$/u, ['unit', 'year', 'scope']],
  [/^(.+?)（(\d{4})年[·・](单位|部门)）$/u, ['unit', 'year', 'scope']],
  [/^(.+?)（(\d{4})年）$/u, ['unit', 'year']],
  [/^(.+?)（(单位|部门)）$/u, ['unit', 'scope']],
  [/^(.+?) (单位|部门)$/u, ['unit', 'scope']],
  [/^(\d{4})年(预算数|决算数)(?:（(推算)）)?$/u, ['year', 'kind', 'flag']],
];

function parseLabel(text: string): DocLabel | null {
  for (const [re, parts] of LABEL_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const label: DocLabel = {};
    parts.forEach((p, i) => {
      const v = m[i + 1];
      if (v) label[p] = v;
    });
    return label;
  }
  return null;
}

const LABEL_COLUMNS: [keyof DocLabel, string][] = [
  ['unit', '单位'],
  ['year', '年度'],
  ['scope', '口径'],
  ['kind', '类型'],
  ['flag', '标记'],
];

/** One source column → its sheet columns (header and cells). */
interface OutColumn {
  header: string;
  cells: SheetCell[];
}

function labelColumns(header: string, cells: readonly string[]): OutColumn[] | null {
  const labels = cells.map((c) => (c === '' ? {} : parseLabel(c)));
  if (!cells.some((c) => c !== '') || labels.some((l) => l === null)) return null;
  const parsed = labels as DocLabel[];
  return LABEL_COLUMNS.filter(([key]) => parsed.some((l) => l[key] !== undefined)).map(
    ([key, name]) => ({
      header: key === 'flag' ? `${header} 标记` : name,
      cells: parsed.map((l) => {
        const v = l[key] ?? '';
        return key === 'year' && v ? { number: v, format: '0' } : v;
      }),
    }),
  );
}

function figureColumns(header: string, cells: readonly string[]): OutColumn[] | null {
  const figures = cells.map((c) => (c === '' || PLACEHOLDER_RE.test(c) ? c : parseFigure(c)));
  if (figures.some((f) => f === null) || !figures.some((f) => typeof f === 'object')) return null;
  const parsed = figures as (Figure | string)[];
  const fig = (f: Figure | string) => (typeof f === 'object' ? f : null);
  // Bare figures (in the table's unit) first, then one column per unit printed beside a figure.
  const units = [...new Set(parsed.map((f) => fig(f)?.unit).filter((u) => u !== undefined))].sort(
    (a, b) => Number(a !== '') - Number(b !== ''),
  );
  const out: OutColumn[] = [];
  // One column per unit: figures printed with a unit of their own go beside the others.
  const single = units.length === 1;
  for (const unit of units) {
    out.push({
      header: unit ? `${header}（${unit}）` : header,
      cells: parsed.map((f) => {
        if (typeof f === 'string') return unit === units[0] ? f : '';
        return f.unit === unit ? f.value : single ? f.value : '';
      }),
    });
  }
  const extra = (name: string, pick: (f: Figure) => SheetCell) => {
    const column = parsed.map((f) => (typeof f === 'object' ? pick(f) : ''));
    if (column.some((c) => c !== '')) out.push({ header: `${header} ${name}`, cells: column });
  };
  extra('方向', (f) => f.direction);
  extra('占比', (f) => f.share);
  extra('标记', (f) => f.flag);
  return out;
}

/** "X（本年 / 上年※ / 增减 / 幅度）" with cells "a / b / c / d": one column per part. */
function splitMultiValue(header: string, cells: readonly string[]): OutColumn[] | null {
  const m = /^(.*?)\s*[（(]([^（）()]+(?: \/ [^（）()]+)+)[）)]$/u.exec(header);
  if (!m) return null;
  const parts = (m[2] ?? '').split(' / ');
  const split = cells.map((c) => (c === '' || PLACEHOLDER_RE.test(c) ? c : c.split(' / ')));
  if (split.some((s) => Array.isArray(s) && s.length !== parts.length)) return null;
  return parts.map((part, i) => ({
    header: `${m[1] ?? ''} ${part}`.trim(),
    cells: split.map((s) => (Array.isArray(s) ? (s[i] ?? '') : s)),
  }));
}

function sheetColumns(header: string, cells: readonly string[]): OutColumn[] {
  const multi = splitMultiValue(header, cells);
  if (multi) return multi.flatMap((c) => sheetColumns(c.header, c.cells as string[]));
  return (
    labelColumns(header, cells) ?? figureColumns(header, cells) ?? [{ header, cells: [...cells] }]
  );
}

/** The spreadsheet form of a table as shown (see the module comment). */
export function sheetTable(table: ExportTable): SheetTable {
  const width = Math.max(table.columns.length, ...table.rows.map((r) => r.length));
  const columns: OutColumn[] = [];
  for (let c = 0; c < width; c += 1) {
    columns.push(
      ...sheetColumns(
        table.columns[c] ?? '',
        table.rows.map((r) => r[c] ?? ''),
      ),
    );
  }
  return {
    title: table.title,
    columns: columns.map((c) => c.header),
    rows: table.rows.map((_, r) => columns.map((c) => c.cells[r] ?? '')),
  };
}
