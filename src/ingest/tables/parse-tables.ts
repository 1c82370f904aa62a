/**
 * Finds the standard tables in a disclosure text and reads each into the bundle's table form.
 * Tables are found by their standard titles; the body grammar comes from the table's spec.
 */
import type { Table, TableRow } from '../../data/schema';
import type { SourceDoc } from '../source-doc';
import { readAmount } from '../source-doc';
import type { RawRow } from './grammars';
import {
  readEcon,
  readPaired,
  readPairedPlain,
  readRows,
  readSingle,
  readStat,
  readTree,
} from './grammars';
import type { ColumnSpec, TableSpec } from './specs';
import { specForTitle } from './specs';
import type { Tok } from './tokens';
import { detectLayout, isColumnNumberLine, tokenizeLine } from './tokens';
import type { AmountUnit } from '../../domain/money';

export interface Skipped {
  line: number;
  text: string;
  where: string;
  reason: string;
}

export interface TablesResult {
  tables: Table[];
  skipped: Skipped[];
  /** Numeric tokens seen in table bodies (figures, not 行次/栏次/codes): cells + skipped. */
  figureCount: number;
}

interface Region {
  spec: TableSpec;
  title: string;
  line: number;
  /** 1-based, inclusive. */
  from: number;
  to: number;
}

const PART_END = /^\s*第[三四五六]部分/;
/** Lines inside a table region that are page furniture or header metadata, not rows. */
const NOISE = [
  /^\s*-\s*\d+\s*-\s*$/,
  /公开报告\s*$/,
  /^\s*第[一二三四五]部分/,
  /名称[：:]/,
  /单位[：:]\s*(万元|元|万)\s*$/,
  /^\s*\d{4}\s*年度?\s*(金额单位[：:].*)?$/,
  /^\s*(公开\d+表|预算公开表\d+|部门公开表\d+)\s*$/,
];

/** Locate every standard table; a title repeated within a few lines (a heading then the table's own title) counts once. */
export function locateTables(doc: SourceDoc, docKind: '决算' | '预算'): Region[] {
  const starts: { spec: TableSpec; line: number; title: string }[] = [];
  doc.lines.forEach((text, i) => {
    const spec = specForTitle(text, docKind);
    if (spec === null) return;
    const prev = starts[starts.length - 1];
    if (prev !== undefined && prev.spec.id === spec.id && i + 1 - prev.line <= 5) starts.pop();
    starts.push({ spec, line: i + 1, title: text.trim() });
  });
  return starts.map((s, k) => {
    const next = starts[k + 1]?.line ?? doc.lines.length + 1;
    let to = next - 1;
    for (let n = s.line + 1; n < next; n++) {
      if (PART_END.test(doc.lines[n - 1] ?? '')) {
        to = n - 1;
        break;
      }
    }
    return { spec: s.spec, title: s.title, line: s.line, from: s.line + 1, to };
  });
}

function amountUnitOf(lines: readonly string[]): AmountUnit {
  for (const l of lines) {
    const m = /单位[：:]\s*(万元|元|万)/.exec(l);
    if (m?.[1] !== undefined) return m[1] === '元' ? '元' : '万元';
  }
  return '万元';
}

function columnsFor(spec: TableSpec, row: RawRow): readonly ColumnSpec[] {
  if (spec.leftColumns === undefined) return spec.columns;
  return row.group === 'income'
    ? spec.columns.slice(0, spec.leftColumns)
    : spec.columns.slice(spec.leftColumns);
}

/** Unique column list of a table (paired tables share keys across sides). */
function tableColumns(spec: TableSpec): ColumnSpec[] {
  const seen = new Set<string>();
  return spec.columns.filter((c) => (seen.has(c.key) ? false : (seen.add(c.key), true)));
}

function runGrammar(spec: TableSpec, lines: Tok[][], layout: 'tab' | 'space'): RawRow[] {
  const input = { lines, layout };
  switch (spec.grammar) {
    case 'tree':
      return readTree(input);
    case 'paired':
      return readPaired(input);
    case 'paired-plain':
      return readPairedPlain(input);
    case 'econ':
      return readEcon(input);
    case 'stat':
      return readStat(input);
    case 'single':
      return readSingle(input, 'sangong', '财政拨款“三公”经费');
    case 'rows':
      return readRows(input, spec.labelCells ?? 1);
  }
}

/** Where the body starts for grammars that have no row-start token of their own. */
function bodyStart(spec: TableSpec, lines: Tok[][]): number {
  if (spec.grammar !== 'paired-plain' && spec.grammar !== 'rows') return 0;
  const i = lines.findIndex(
    (toks) =>
      toks.some((t) => t.kind === 'num') ||
      toks.some((t) => t.kind === 'text' && /^[一二三四五六七八九十]+、/.test(t.s)) ||
      toks.find((t) => t.kind !== 'empty')?.s === '合计',
  );
  return i === -1 ? lines.length : i;
}

export function parseTables(doc: SourceDoc, docKind: '决算' | '预算'): TablesResult {
  const tables: Table[] = [];
  const skipped: Skipped[] = [];
  let figureCount = 0;
  for (const region of locateTables(doc, docKind)) {
    const { spec } = region;
    const regionLines = doc.lines.slice(region.from - 1, region.to);
    const noData = regionLines.some((l) => l.includes('本表无数据'));
    const unit = amountUnitOf(regionLines);
    const layout = detectLayout(regionLines);

    // Body: from the title to the first note line (注：/说明：), without page furniture.
    const body: Tok[][] = [];
    let afterHeader = 0;
    for (let n = region.from; n <= region.to; n++) {
      const text = doc.lines[n - 1] ?? '';
      if (/^\s*(注|说明|备注)[：:]/.test(text)) break;
      if (text.trim() === '' || NOISE.some((re) => re.test(text))) continue;
      const toks = tokenizeLine(text, n, layout);
      if (isColumnNumberLine(toks)) {
        // 栏次 / "1 2 3 …" closes the header: rows start below it.
        toks.forEach((t) => (t.used = t.kind === 'int' ? true : t.used));
        if (!body.some((line) => line.some((t) => t.kind === 'num'))) afterHeader = body.length;
        continue;
      }
      body.push(toks);
    }
    const start = Math.max(afterHeader, bodyStart(spec, body));
    const raw = runGrammar(spec, body.slice(start), layout);

    const rows: TableRow[] = raw.map((r) => {
      const cols = columnsFor(spec, r);
      const cells: TableRow['cells'] = {};
      cols.forEach((c, i) => {
        const t = r.values[i];
        cells[c.key] =
          t === undefined || t === null ? null : { v: readAmount(t.s) ?? t.s, line: t.line };
      });
      r.values.slice(cols.length).forEach((t) => {
        if (t === null) return;
        skipped.push({
          line: t.line,
          text: t.s,
          where: spec.id,
          reason: `行“${r.label || r.key}”的数值多于该表的 ${cols.length} 列，无法对应到列`,
        });
      });
      return {
        key: r.key,
        ...(r.code !== undefined ? { code: r.code } : {}),
        label: cleanLabel(r.label),
        ...(r.altLabel !== undefined ? { altLabel: r.altLabel } : {}),
        ...(r.level !== undefined ? { level: r.level } : {}),
        ...(r.group !== undefined ? { group: r.group } : {}),
        line: r.line,
        cells,
      };
    });

    // Every numeric token of the body is either a cell or reported here.
    for (const toks of body) {
      for (const t of toks) {
        if (t.kind !== 'num' && t.kind !== 'int') continue;
        if (t.used) {
          if (t.kind === 'num' || !isStructural(t, raw)) figureCount++;
          continue;
        }
        figureCount++;
        skipped.push({
          line: t.line,
          text: t.s,
          where: spec.id,
          reason: '表格中的数值无法对应到任何行或列',
        });
      }
    }
    tables.push({
      id: spec.id,
      title: region.title,
      line: region.line,
      unit,
      noData,
      columns: tableColumns(spec),
      rows: dedupeKeys(rows),
    });
  }
  return { tables, skipped, figureCount };
}

const CJK_GAP = /([\u3400-\u9fff（）])\s+(?=[\u3400-\u9fff（）])/g;

/** Labels as printed, minus the spaces PDF extraction puts inside a wrapped cell ("养老支 出"). */
function cleanLabel(label: string): string {
  return label.replace(CJK_GAP, '$1').trim();
}

/** Integers read as codes or 行次 are structure, not figures; integers read as values are figures. */
function isStructural(t: Tok, raw: readonly RawRow[]): boolean {
  return !raw.some((r) => r.values.includes(t));
}

/** Keys must be unique per group; a repeated key gets "#n". */
function dedupeKeys(rows: TableRow[]): TableRow[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const id = `${r.group ?? ''}|${r.key}`;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? r : { ...r, key: `${r.key}#${n}` };
  });
}
