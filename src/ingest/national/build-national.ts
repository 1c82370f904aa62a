/**
 * A national-layout document (tables found by title, columns by header text: read-layout.ts) →
 * a bundle in the same format as the Shanxi texts, so every view compares it like the built-in
 * documents. The source text is the layout text itself (from pdftotext -layout, or from a PDF via
 * pdf-text.ts, pages separated by "\f"); figures link to its global line, whose page is the
 * number of "\f" before it plus one.
 *
 * The national tables map onto the standard table ids by what they are, not by their number:
 * 收入支出决算总表 → 公开01 … 财政拨款“三公”经费支出决算表 → 公开09; 收支预算总表 → 预算01 …
 * A standard table the document does not have is a 完整性 finding, never a refusal.
 */
import type { Finding, Table, TableRow } from '../../data/schema';
import type { Fig } from '../../data/schema-common';
import { missingTableFinding, partlyReadFinding } from '../checks/completeness';
import { checkTables } from '../checks/table-checks';
import type { LayoutResult, LayoutRow, LayoutTable } from '../layout/read-layout';
import { readLayoutTables } from '../layout/read-layout';
import { linesOfLayoutText } from '../layout/layout-lines';
import type { DocKind, TableKind } from '../layout/national-titles';
import type { DocMeta } from '../metadata';
import type { SourceDoc } from '../source-doc';
import { IngestError } from '../source-doc';
import { readNationalMeta } from './meta';

/** Standard table id per national table kind, and the name a missing one is reported by. */
const IDS: Record<DocKind, Partial<Record<TableKind, { id: string; name: string }>>> = {
  决算: {
    totals: { id: '公开01', name: '收入支出决算总表' },
    income: { id: '公开02', name: '收入决算表' },
    expenditure: { id: '公开03', name: '支出决算表' },
    fiscalTotals: { id: '公开04', name: '财政拨款收入支出决算总表' },
    generalExpenditure: { id: '公开05', name: '一般公共预算财政拨款支出决算表' },
    basicExpenditure: { id: '公开06', name: '一般公共预算财政拨款基本支出决算表' },
    govFund: { id: '公开07', name: '政府性基金预算财政拨款收入支出决算表' },
    stateCapital: { id: '公开08', name: '国有资本经营预算财政拨款支出决算表' },
    threePublic: { id: '公开09', name: '财政拨款“三公”经费支出决算表' },
  },
  预算: {
    totals: { id: '预算01', name: '收支预算总表' },
    income: { id: '预算02', name: '收入预算总表' },
    expenditure: { id: '预算03', name: '支出预算总表' },
    fiscalTotals: { id: '预算04', name: '财政拨款收支预算总表' },
    generalExpenditure: { id: '预算05', name: '一般公共预算支出预算表' },
    basicExpenditure: { id: '预算06', name: '一般公共预算基本支出预算表' },
    govFund: { id: '预算08', name: '政府性基金预算支出预算表' },
    stateCapital: { id: '预算09', name: '国有资本经营预算支出预算表' },
    threePublic: { id: '预算10', name: '“三公”经费支出预算表' },
  },
};

/** Column labels as the bundle shows them, by the reader's column key. */
const COLUMN_LABELS: Record<string, string> = {
  amount: '金额',
  total: '合计',
  basic: '基本支出',
  project: '项目支出',
  remitted: '上缴上级支出',
  operating: '经营支出',
  affiliatedSubsidy: '对附属单位补助支出',
  fiscal: '财政拨款收入',
  superior: '上级补助收入',
  business: '事业收入',
  affiliated: '附属单位上缴收入',
  other: '其他收入',
  general: '一般公共预算',
  fund: '政府性基金预算',
  stateCapital: '国有资本经营预算',
  openingBalance: '年初结转和结余',
  income: '本年收入',
  closingBalance: '年末结转和结余',
  personnel: '人员经费',
  public: '公用经费',
};

const SANGONG_PARTS: readonly [string, string][] = [
  ['total', '合计'],
  ['abroad', '因公出国（境）费'],
  ['vehicle', '公务用车购置及运行维护费'],
  ['vehiclePurchase', '公务用车购置费'],
  ['vehicleRunning', '公务用车运行维护费'],
  ['reception', '公务接待费'],
];

/** Global (split on "\n") line of a page-local line of the layout text. */
function globalLines(text: string): (page: number, line: number) => number {
  const firstLine: number[] = [1];
  let newlines = 0;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\n') newlines++;
    else if (ch === '\f') firstLine.push(newlines + 1);
  }
  return (page, line) => (firstLine[page - 1] ?? 1) + line - 1;
}

const squash = (s: string) => s.replace(/\s+/g, '');
/** Row key of a label: without its numbering ("一、一般公共预算财政拨款收入" → 一般公共预算财政拨款收入). */
/** Other regions' words for the two-sided totals' 本年收入合计 / 本年支出合计 (江苏: 当年收入小计). */
const TOTAL_SYNONYMS: Readonly<Record<string, string>> = {
  当年收入小计: '本年收入合计',
  本年收入小计: '本年收入合计',
  当年收入合计: '本年收入合计',
  当年支出小计: '本年支出合计',
  本年支出小计: '本年支出合计',
  当年支出合计: '本年支出合计',
};
const labelKey = (label: string) => {
  const key = labelKeyAsPrinted(label);
  return TOTAL_SYNONYMS[key] ?? key;
};
const labelKeyAsPrinted = (label: string) =>
  squash(label).replace(
    /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])/,
    '',
  );

function levelOfCode(code: string): number {
  return code.length <= 3 ? 1 : code.length <= 5 ? 2 : 3;
}

interface Mapped {
  tables: Table[];
  /** Tables found but not turned into rows (their body is not read yet), with their lines. */
  unread: { title: string; line: number }[];
  /** Tables read in part: lines whose figures could not be placed, by table id. */
  partial: Map<string, number[]>;
}

function mapTables(result: LayoutResult, kind: DocKind, at: (p: number, l: number) => number) {
  const out: Mapped = { tables: [], unread: [], partial: new Map() };
  const fig = (f: { v: string; page: number; line: number }): Fig => ({
    v: f.v,
    line: at(f.page, f.line),
  });
  const seen = new Map<string, Map<string, number>>();
  let prev: LayoutTable | null = null;
  for (const t of result.tables) {
    const target = t.docKind === kind ? IDS[kind][t.kind] : undefined;
    const last = out.tables[out.tables.length - 1];
    // A table printed over several pages with its title repeated (支出决算表（续）): one table.
    const continued =
      prev !== null &&
      prev.kind === t.kind &&
      sameTitle(prev.title, t.title) &&
      last?.id === target?.id &&
      t.read &&
      t.kind !== 'threePublic';
    prev = t;
    if (target === undefined) continue;
    const line = at(t.page, t.line);
    const notePartial = (id: string) => {
      if (t.problems.length === 0) return;
      const lines = out.partial.get(id) ?? [];
      out.partial.set(id, [...lines, ...t.problems.map((p) => at(p.page, p.line))]);
    };
    if (continued && last !== undefined) {
      last.rows.push(...mapRows(t, kind, fig, seen.get(last.id) ?? new Map()));
      notePartial(last.id);
      continue;
    }
    // Otherwise the first table of a kind counts; a second (the same table by 经济分类, say)
    // stays in the source text only.
    if (out.tables.some((x) => x.id === target.id)) continue;
    if (!t.read) {
      out.unread.push({ title: t.title, line });
      continue;
    }
    notePartial(target.id);
    const base = { id: target.id, title: squash(t.title), line, unit: t.unit, noData: t.noData };
    if (t.kind === 'threePublic') {
      out.tables.push({ ...base, ...threePublic(t, kind, fig) });
      continue;
    }
    const keys = [...new Set(t.columns.map((c) => c.key))].filter((k) => k !== 'lineNo');
    const budgetExpense = kind === '预算' && (t.kind === 'totals' || t.kind === 'fiscalTotals');
    const keyCounts = new Map<string, number>();
    seen.set(target.id, keyCounts);
    const rows = mapRows(t, kind, fig, keyCounts);
    const columns = keys.map((key) => ({
      key,
      label: COLUMN_LABELS[key] ?? t.columns.find((c) => c.key === key)?.header ?? key,
    }));
    if (
      budgetExpense &&
      keys.includes('amount') &&
      !keys.includes('total') &&
      t.kind === 'totals'
    ) {
      columns.push({ key: 'total', label: '金额' });
    }
    out.tables.push({ ...base, columns, rows });
  }
  return out;
}

/** 科目 codes printed without a leading 0 ("301 2"), read as 30102: reported, as printed. */
function codesPrintedShort(
  result: LayoutResult,
  kind: DocKind,
  at: (p: number, l: number) => number,
): Finding[] {
  return result.tables
    .filter((t) => t.docKind === kind)
    .flatMap((t) =>
      t.rows.flatMap((r): Finding[] => {
        if (r.printedCode === undefined || r.code === null) return [];
        const line = at(r.page, r.line);
        return [
          {
            id: `format-code-${line}`,
            severity: 'info',
            kind: 'format',
            message: `第 ${line} 行的科目编码印作“${r.printedCode}”，款、项编码应为两位数；按“${r.code} ${squash(r.label)}”读入。`,
            expected: r.code,
            printed: r.printedCode,
            lines: [line],
          },
        ];
      }),
    );
}

const sameTitle = (a: string, b: string) =>
  squash(a).replace(/[（(]续[)）]$/, '') === squash(b).replace(/[（(]续[)）]$/, '');

/** Rows of a table, a repeated key numbered on (`#2`) across continuation pages too. */
function mapRows(
  t: LayoutTable,
  kind: DocKind,
  fig: (f: { v: string; page: number; line: number }) => Fig,
  keyCounts: Map<string, number>,
): TableRow[] {
  const budgetExpense = kind === '预算' && (t.kind === 'totals' || t.kind === 'fiscalTotals');
  const rows: TableRow[] = [];
  for (const r of t.rows) {
    const row = mapRow(r, t, budgetExpense, fig);
    if (row === null) continue;
    const n = (keyCounts.get(`${row.group ?? ''}|${row.key}`) ?? 0) + 1;
    keyCounts.set(`${row.group ?? ''}|${row.key}`, n);
    rows.push(n === 1 ? row : { ...row, key: `${row.key}#${n}` });
  }
  return rows;
}

function mapRow(
  r: LayoutRow,
  t: LayoutTable,
  budgetExpense: boolean,
  fig: (f: { v: string; page: number; line: number }) => Fig,
): TableRow | null {
  const label = squash(r.label);
  if (label === '' && r.code === null) return null;
  const cells: Record<string, Fig | null> = {};
  for (const c of t.columns) if (c.key !== 'lineNo') cells[c.key] = null;
  for (const [k, f] of Object.entries(r.values)) {
    if (k === 'lineNo') continue;
    // 预算 总表: the 支出 side's single amount is its 合计 (what 预算01's readers expect).
    const key =
      budgetExpense && t.kind === 'totals' && r.side === '支出' && k === 'amount' ? 'total' : k;
    cells[key] = fig(f);
  }
  const group = r.side === '收入' ? 'income' : r.side === '支出' ? 'expense' : undefined;
  return {
    key: r.code ?? labelKey(label),
    ...(r.code !== null ? { code: r.code, level: levelOfCode(r.code) } : {}),
    ...(r.code === null &&
    t.kind !== 'totals' &&
    t.kind !== 'fiscalTotals' &&
    /^(合计|总计)$/.test(label)
      ? { level: 0 }
      : {}),
    label,
    ...(group !== undefined ? { group } : {}),
    line: fig({ v: '0', page: r.page, line: r.line }).line,
    cells,
  };
}

/**
 * 三公: the 决算 as one row `sangong` with `budget.*` / `actual.*` cells (公开09); the budget as
 * one row per part with a `total` cell (预算10), as the Shanxi tables are read.
 */
function threePublic(
  t: LayoutTable,
  kind: DocKind,
  fig: (f: { v: string; page: number; line: number }) => Fig,
): Pick<Table, 'columns' | 'rows'> {
  const row = t.rows[0];
  if (kind === '决算') {
    const columns = (['budget', 'actual'] as const).flatMap((phase) =>
      SANGONG_PARTS.map(([k, label]) => ({
        key: `${phase}.${k}`,
        label: `${phase === 'budget' ? '预算数' : '决算数'}·${label}`,
      })),
    );
    if (row === undefined) return { columns, rows: [] };
    const cells = Object.fromEntries(
      columns.map((c) => {
        const f = row.values[c.key];
        return [c.key, f === undefined ? null : fig(f)];
      }),
    );
    return {
      columns,
      rows: [
        { key: 'sangong', label: '财政拨款“三公”经费', line: fig({ ...row, v: '0' }).line, cells },
      ],
    };
  }
  const columns = [{ key: 'total', label: '合计' }];
  if (row === undefined) return { columns, rows: [] };
  const rows: TableRow[] = [];
  for (const [k, label] of SANGONG_PARTS) {
    const f = row.values[`budget.${k}`];
    if (f === undefined) continue;
    // Row keys as the Shanxi 预算10 has them (its checks and the 三公 reader use them).
    const key = k === 'vehicle' ? '公务用车购置及运行费' : label;
    rows.push({ key, label, line: fig(f).line, cells: { total: fig(f) } });
  }
  return { columns, rows };
}

export interface NationalResult {
  meta: DocMeta;
  tables: Table[];
  findings: Finding[];
  skipped: { line: number; text: string; where: string; reason: string }[];
  figureCount: number;
}

/** The national tables of a layout text (found by title; see read-layout.ts). */
export function readNational(text: string): LayoutResult {
  return readLayoutTables(linesOfLayoutText(text));
}

export function buildNational(doc: SourceDoc, text: string, result: LayoutResult): NationalResult {
  const at = globalLines(text);
  const final = result.tables.filter((t) => t.docKind === '决算' && t.kind !== 'other').length;
  const budget = result.tables.filter((t) => t.docKind === '预算' && t.kind !== 'other').length;
  const kind: DocKind = final >= budget ? '决算' : '预算';
  const { tables, unread, partial } = mapTables(result, kind, at);
  if (tables.length === 0) {
    throw new IngestError(
      doc.file,
      1,
      `找到了${kind}表的标题，但没有一张能读出表体（表头或金额单位行不可识别）；未导入`,
      doc.lines.length,
    );
  }
  const first = tables[0];
  const meta = readNationalMeta({
    doc,
    kind,
    firstTable: first === undefined ? null : { line: first.line, title: first.title },
  });

  // Raw tables: each check compares figures in the unit they are printed in (checkTables).
  // Sums are not checked across lines the reader could not read (the partial-read finding names
  // them): a mismatch there would be the reader's, not the document's.
  const unreadLines = new Set([...partial.values()].flat());
  const findings: Finding[] = [
    ...checkTables(tables, unreadLines),
    ...tables.flatMap((t) => partlyReadFinding(t, partial.get(t.id) ?? [])),
    ...codesPrintedShort(result, kind, at),
  ];
  const lastLine = Math.max(...tables.map((t) => t.line));
  const found = new Set([...tables.map((t) => t.id)]);
  const unreadIds = new Set(
    result.tables
      .filter((t) => t.docKind === kind && !t.read)
      .map((t) => IDS[kind][t.kind]?.id)
      .filter((id) => id !== undefined),
  );
  for (const target of Object.values(IDS[kind])) {
    if (target === undefined || found.has(target.id) || unreadIds.has(target.id)) continue;
    findings.push(missingTableFinding(target.id, target.name, lastLine));
  }
  const skipped = [
    ...unread.map((u) => ({
      line: u.line,
      text: u.title,
      where: '标准表',
      reason: '此表的表体暂不读取（只读出了标题）',
    })),
    ...result.problems.map((p) => ({
      line: at(p.page, p.line),
      text: p.text,
      where: '标准表',
      reason: p.reason,
    })),
  ];
  const figureCount = tables.reduce(
    (n, t) =>
      n + t.rows.reduce((m, r) => m + Object.values(r.cells).filter((c) => c !== null).length, 0),
    0,
  );
  return { meta, tables, findings, skipped, figureCount };
}

/**
 * The text as the narrative reader needs it from a PDF: form feeds and page numbers removed, and the part headings
 * of a 目录 printed without page numbers blanked — only the last "第三部分 …" (the body's) opens
 * that part. Line numbers stay those of the source text; the reader joins wrapped lines itself.
 */
export function narrativeDoc(doc: SourceDoc): SourceDoc {
  // A bare number at a page's end or start is its page number, not a figure of the sentence it
  // interrupts ("…基本支出预算 / 22 / 安排情况").
  const edge = (i: number) =>
    (doc.lines[i] ?? '').startsWith('\f') || (doc.lines[i + 1] ?? '\f').startsWith('\f');
  const lines = doc.lines.map((l, i) =>
    /^\s*\d{1,3}\s*$/.test(l) && edge(i) ? '' : l.replace(/\f/g, ''),
  );
  const part = (t: string) => /^\s*第([一二三四五六七八九十]+)部分/.exec(t)?.[1];
  const last = new Map<string, number>();
  lines.forEach((t, i) => {
    const p = part(t);
    if (p !== undefined) last.set(p, i);
  });
  return {
    file: doc.file,
    lines: lines.map((t, i) => {
      const p = part(t);
      return p !== undefined && last.get(p) !== i ? '' : t;
    }),
  };
}
