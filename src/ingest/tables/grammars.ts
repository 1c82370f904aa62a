/**
 * One grammar per table kind, each reading the layout-independent token stream of a table body
 * into rows of positional values. Grammars mark every token they read as `used`; whatever numeric
 * token stays unused is reported by the caller as a skipped cell, so nothing is lost silently.
 */
import type { Layout, Tok } from './tokens';

export interface RawRow {
  key: string;
  label: string;
  code?: string;
  altLabel?: string;
  level?: number;
  group?: string;
  line: number;
  /** Positional values: a token (num/int) or null for an empty / non-existent cell. */
  values: (Tok | null)[];
}

export interface GrammarInput {
  /** Tokens line by line (noise lines already removed). */
  lines: Tok[][];
  layout: Layout;
}

const CODE = /^\d{3}(\d{2}){0,2}$/;
const ECON_CODE = /^3\d{2}(\d{2})?$/;
const NUMBERED =
  /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[①②③④⑤⑥⑦⑧⑨⑩])\s*/;

/** Row key from a printed label: numbering, spaces and bracket styles removed. */
export function labelKey(label: string): string {
  return label.replace(/\s+/g, '').replace(NUMBERED, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

function isValueTok(t: Tok): boolean {
  return t.kind === 'num' || t.kind === 'int';
}

function take(t: Tok): Tok {
  t.used = true;
  return t;
}

/** 功能分类 tree rows: code (or 合计) first on its line, then the label, then values. */
export function readTree(input: GrammarInput): RawRow[] {
  const rows: RawRow[] = [];
  let row: RawRow | null = null;
  let valuesStarted = false;
  for (const toks of input.lines) {
    const first = toks.find((t) => t.kind !== 'empty');
    const startsRow =
      first !== undefined &&
      (input.layout === 'space' || first.col === 0) &&
      ((first.kind === 'int' && CODE.test(first.s)) || first.s === '合计' || first.s === '总计');
    let prev: Tok | null = null;
    for (const t of toks) {
      if (startsRow && t === first) {
        take(t);
        row = {
          key: t.s,
          label: t.kind === 'int' ? '' : t.s,
          ...(t.kind === 'int' ? { code: t.s, level: (t.s.length - 1) / 2 } : { level: 0 }),
          line: t.line,
          values: [],
        };
        rows.push(row);
        valuesStarted = false;
        prev = t;
        continue;
      }
      if (row === null) {
        prev = t;
        continue;
      }
      if (input.layout === 'tab') {
        // Tab layout is exact: one line is one row, column 1 the name, columns 2… the values.
        if (!startsRow) continue;
        if (t.col === 1) {
          if (t.kind === 'text') row.label = t.s;
        } else if (t.col >= 2) {
          row.values.push(isValueTok(t) ? take(t) : null);
        }
      } else if (t.kind === 'text') {
        if (!valuesStarted) row.label += t.s;
      } else if (isValueTok(t)) {
        row.values.push(take(t));
        valuesStarted = true;
      } else if (t.kind === 'none') {
        row.values.push(null);
        valuesStarted = true;
      } else if (
        t.kind === 'empty' &&
        prev !== null &&
        prev.line === t.line &&
        prev.kind !== 'empty'
      ) {
        // A double space after a value or the label on the same line is an empty cell.
        if (row.label !== '' || valuesStarted) {
          row.values.push(null);
          valuesStarted = true;
        }
      } else if (t.kind === 'empty' && prev !== null && prev.kind === 'empty' && valuesStarted) {
        row.values.push(null);
      }
      prev = t;
    }
  }
  return rows;
}

/** Two-sided tables with 行次: label, 行次, values… | label, 行次, values…. */
export function readPaired(input: GrammarInput): RawRow[] {
  interface Item {
    label: string;
    rowNo: number;
    line: number;
    values: (Tok | null)[];
  }
  const items: Item[] = [];
  let pending: Tok[] = [];
  for (const toks of input.lines) {
    let cur: Item | null = null;
    for (const t of toks) {
      if (t.kind === 'text') {
        cur = null;
        pending.push(t);
      } else if (t.kind === 'int') {
        take(t);
        cur = {
          label: pending.map((p) => p.s).join(''),
          rowNo: Number(t.s),
          line: pending[0]?.line ?? t.line,
          values: [],
        };
        items.push(cur);
        pending = [];
      } else if (cur !== null) {
        if (t.kind === 'num') cur.values.push(take(t));
        else cur.values.push(null);
      }
    }
  }
  const maxRow = Math.max(0, ...items.map((i) => i.rowNo));
  const half = Math.floor(maxRow / 2);
  return items
    .filter((i) => i.label !== '' || i.values.some((v) => v !== null))
    .map((i) => {
      const left = i.rowNo <= half;
      return {
        key: i.label === '' ? `行${i.rowNo}` : labelKey(i.label),
        label: i.label,
        group: left ? 'income' : 'expense',
        line: i.line,
        values: i.values,
      };
    });
}

/** Two-sided tables without 行次 (budget tables 1 and 4): label, values | label, values. */
export function readPairedPlain(input: GrammarInput): RawRow[] {
  const rows: RawRow[] = [];
  const context: Record<'income' | 'expense', string> = { income: '', expense: '' };
  for (const toks of input.lines) {
    const items: { label: Tok; values: (Tok | null)[] }[] = [];
    for (const t of toks) {
      if (t.kind === 'text') items.push({ label: t, values: [] });
      else {
        const cur = items[items.length - 1];
        if (cur === undefined) continue;
        cur.values.push(isValueTok(t) ? take(t) : null);
      }
    }
    items.forEach((item, index) => {
      const group: 'income' | 'expense' =
        input.layout === 'tab'
          ? item.label.col === 0
            ? 'income'
            : 'expense'
          : index === 0 && items.length === 2
            ? 'income'
            : index === 1 || item.label.s.includes('支出')
              ? 'expense'
              : 'income';
      const numbered = NUMBERED.test(item.label.s);
      const hasValue = item.values.some((v) => v !== null);
      if (!numbered && !hasValue && !/合计|总计/.test(item.label.s))
        context[group] = labelKey(item.label.s);
      else if (!numbered) context[group] = '';
      const key = labelKey(item.label.s);
      rows.push({
        key: numbered && context[group] !== '' ? `${context[group]}/${key}` : key,
        label: item.label.s,
        group,
        line: item.label.line,
        values: item.values,
      });
    });
  }
  return rows;
}

/** 经济分类 triples (公开06): code, label, value, repeated across the line. */
export function readEcon(input: GrammarInput): RawRow[] {
  const rows: RawRow[] = [];
  let cur: RawRow | null = null;
  let awaiting = false;
  for (const toks of input.lines) {
    for (const t of toks) {
      if (t.kind === 'int' && ECON_CODE.test(t.s)) {
        take(t);
        const personnel = t.s.startsWith('301') || t.s.startsWith('303');
        cur = {
          key: t.s,
          code: t.s,
          label: '',
          level: t.s.length === 3 ? 1 : 2,
          group: personnel ? '人员经费' : '公用经费',
          line: t.line,
          values: [],
        };
        rows.push(cur);
        awaiting = true;
      } else if (t.kind === 'text') {
        const total = /^(人员经费|公用经费)合计$/.exec(t.s.replace(/\s+/g, ''));
        if (total?.[1] !== undefined) {
          cur = { key: total[0], label: t.s, level: 0, group: total[1], line: t.line, values: [] };
          rows.push(cur);
          awaiting = true;
        } else if (cur !== null && awaiting && cur.values.length === 0) {
          cur.label += t.s;
        }
      } else if (cur !== null && awaiting && isValueTok(t)) {
        cur.values.push(take(t));
        awaiting = false;
      } else if (cur !== null && awaiting && t.kind === 'none') {
        cur.values.push(null);
        awaiting = false;
      }
    }
  }
  return rows;
}

/** Label, 行次, value rows in sections "一、政府采购情况" … (公开10). */
export function readStat(input: GrammarInput): RawRow[] {
  const rows: RawRow[] = [];
  let section = '';
  let pending: Tok[] = [];
  for (const toks of input.lines) {
    let cur: RawRow | null = null;
    let awaiting = false;
    for (const t of toks) {
      if (t.kind === 'text') {
        const s = t.s.replace(/\s+/g, '');
        if (/^[一二三四五六七八九十]+、/.test(s)) {
          section = labelKey(s);
          pending = [];
        } else if (s === '项目' || s === '行次' || s === '统计数') {
          pending = [];
        } else {
          pending.push(t);
        }
        awaiting = false;
      } else if (t.kind === 'int' && !awaiting && pending.length > 0) {
        take(t);
        const label = pending.map((p) => p.s).join('');
        cur = {
          key: `${section}/${labelKey(label)}`,
          label,
          group: section,
          line: pending[0]?.line ?? t.line,
          values: [],
        };
        rows.push(cur);
        pending = [];
        awaiting = true;
      } else if (cur !== null && awaiting) {
        cur.values.push(isValueTok(t) ? take(t) : null);
        awaiting = false;
      }
    }
  }
  return rows;
}

/** The one data row below a "1 2 … n" column-number line (公开09). */
export function readSingle(input: GrammarInput, key: string, label: string): RawRow[] {
  const rows: RawRow[] = [];
  for (const toks of input.lines) {
    if (!toks.some((t) => t.kind === 'num')) continue;
    rows.push({
      key,
      label,
      line: toks[0]?.line ?? 1,
      values: toks.map((t) => (isValueTok(t) ? take(t) : null)),
    });
    break;
  }
  return rows;
}

/** Label cell(s) then positional values (budget tables 6, 10–13). */
export function readRows(input: GrammarInput, labelCells: number): RawRow[] {
  const rows: RawRow[] = [];
  const seen = new Map<string, number>();
  for (const toks of input.lines) {
    let labels: string[];
    let valueToks: Tok[];
    if (input.layout === 'tab') {
      labels = toks.slice(0, labelCells).map((t) => t.s);
      valueToks = toks.slice(labelCells);
    } else {
      const firstValue = toks.findIndex((t) => isValueTok(t) || t.kind === 'none');
      const head = firstValue === -1 ? toks : toks.slice(0, firstValue);
      labels = [
        head
          .filter((t) => t.kind === 'text')
          .map((t) => t.s)
          .join(''),
      ];
      valueToks = firstValue === -1 ? [] : toks.slice(firstValue);
    }
    const label = labels[0] ?? '';
    if (label === '' || toks[0] === undefined) continue;
    const base = labelKey(label);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const altLabel = labels[1] ?? '';
    rows.push({
      key: n === 1 ? base : `${base}#${n}`,
      label,
      ...(altLabel !== '' ? { altLabel } : {}),
      ...(labelCells > 1 ? { level: base === '合计' ? 0 : altLabel === '' ? 1 : 2 } : {}),
      line: toks[0].line,
      values: valueToks.map((t) => (isValueTok(t) ? take(t) : null)),
    });
  }
  return rows;
}
