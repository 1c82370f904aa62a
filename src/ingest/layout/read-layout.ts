/**
 * Reads the national standard tables from layout text (pdftotext -layout, or pdf-text.ts): finds
 * each table by title, reads its 金额单位, maps its columns by header TEXT, and reads its rows as
 * {code, label, values by column meaning}, every figure linked to page and line. Figures stay
 * decimal strings as printed (thousands separators removed). Browser-safe.
 */
import type { Cell, LayoutLine } from './layout-lines';
import { amountText, cellCenter, cellsOf, isAmount } from './layout-lines';
import type { HeaderStack } from './header';
import { alignInOrder, readHeader } from './header';
import type { DocKind, TableKind, TitleSpec } from './national-titles';
import { matchTitle } from './national-titles';
import type { AmountUnit } from '../../domain/money';
import { checkSum } from '../../domain/consistency';

export interface Figure {
  /** Decimal string as printed, without thousands separators ("3540.62"). */
  v: string;
  page: number;
  line: number;
}

export interface LayoutRow {
  /** 功能分类 code, the 类/款/项 columns joined ("2010301"); null for 合计 and two-sided rows. */
  code: string | null;
  label: string;
  /** Two-sided tables: which side the row is on. */
  side: '收入' | '支出' | null;
  /** The code as printed, when it is not `code` ("301 2": a 款 code without its leading 0). */
  printedCode?: string;
  /** Figures by column meaning (see docs/ingest-layouts.md); blank cells are absent. */
  values: Record<string, Figure>;
  page: number;
  line: number;
}

export interface LayoutColumn {
  key: string;
  /** The stacked header text this column was recognised by. */
  header: string;
}

export interface LayoutTable {
  kind: TableKind;
  docKind: DocKind;
  /** The title as printed. */
  title: string;
  page: number;
  line: number;
  /** From the table's own 单位 / 金额单位 line. */
  unit: AmountUnit;
  columns: LayoutColumn[];
  rows: LayoutRow[];
  /** The table says it has no data (本表无数据, 空表, a single 无 row). */
  noData: boolean;
  /** False for tables that are found but whose body this reader does not read yet. */
  read: boolean;
  /** Lines of this table whose figures could not be placed (also in LayoutResult.problems). */
  problems: LayoutProblem[];
}

export interface LayoutProblem {
  page: number;
  line: number;
  text: string;
  reason: string;
}

export interface LayoutResult {
  tables: LayoutTable[];
  problems: LayoutProblem[];
}

const UNIT = /(?:金额)?单位\s*[：:]\s*(万元|元)/;
const PART = /^\s*第[一二三四五六七八九十]+部分/;
/** Page numbers inside a table's pages: "第 5 页", "- 5 -", "共 23 页"; a bare "5" (see below). */
const PAGE_FURNITURE =
  /^\s*(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|[-－—─]\s*\d+\s*[-－—─]|共\s*\d+\s*页)\s*$/;
const BARE_NUMBER = /^\s*\d{1,3}\s*$/;
/** Rows of a 支出用途 side: 基本支出, 项目支出, 单位预留机动经费 … (never a 功能分类 label). */
const USE_LABEL =
  /^(?:[一二三四五六七八九十]+、)?(?:基本支出|项目支出|单位预留机动经费|事业单位经营支出|上缴上级支出|对附属单位补助支出)/;
/** A table's own label printed on its own line (公开 02 表, 预算公开表3, 表一): not a row. */
const TABLE_LABEL =
  /^\s*(?:公开\s*\d{1,2}\s*表|预算公开表\s*\d{1,2}|附?表\s*[\d一二三四五六七八九十]{1,3})\s*$/;

/** Page-number lines: the marked ones anywhere, a bare number only as a page's first or last line. */
function withoutPageNumbers(lines: readonly LayoutLine[]): LayoutLine[] {
  return lines.filter((l, i) => {
    if (PAGE_FURNITURE.test(l.text) || TABLE_LABEL.test(l.text)) return false;
    if (!BARE_NUMBER.test(l.text)) return true;
    // Blank lines between it and the page's end do not count.
    const printed = (x: LayoutLine) => x.text.trim() !== '';
    const before = lines.slice(0, i).findLast(printed);
    const after = lines.slice(i + 1).find(printed);
    const edge = before?.page !== l.page || after?.page !== l.page;
    return !edge;
  });
}
/** A sentence of the narrative, never a table row. */
const PROSE = /[，。]|\d万元/;
const META = /编制(部门|单位)|部门名称|单位名称|预算主管部门|^\s*\d{4}\s*年度?\s*$/;
export const NO_DATA = /[本此]表为空|无数据/;
const ROW_LABEL = /^(合计|总计|本年(收入|支出)合计|[一二三四五六七八九十]+、)/;
const CODE3 = /^\d{3}$/;
const CODE2 = /^\d{2}$/;
const CODE_ONE = /^\d{3}(\d{2}){0,2}$/;

type ColumnRule = readonly [RegExp, string];

/** 一般公共预算 / 国有资本经营预算 财政拨款支出 by 功能分类: 合计 (or 小计), 基本支出, 项目支出. */
const BASIC_PROJECT: readonly ColumnRule[] = [
  [/基本支出/, 'basic'],
  [/项目支出/, 'project'],
  [/合计|小计/, 'total'],
];

const TREE_COLUMNS: Partial<Record<TableKind, readonly ColumnRule[]>> = {
  // The budget's 基本支出 table: 经济分类 rows × 合计, 人员经费, 公用经费.
  basicExpenditure: [
    [/人员经费/, 'personnel'],
    [/公用经费/, 'public'],
    [/合计|小计/, 'total'],
  ],
  expenditure: [
    [/基本支出/, 'basic'],
    [/项目支出/, 'project'],
    [/上缴上级/, 'remitted'],
    [/经营支出/, 'operating'],
    [/附属单位补助/, 'affiliatedSubsidy'],
    [/合计|小计/, 'total'],
  ],
  generalExpenditure: BASIC_PROJECT,
  stateCapital: BASIC_PROJECT,
  govFund: [
    [/年初结转/, 'openingBalance'],
    [/年末结转/, 'closingBalance'],
    [/基本支出/, 'basic'],
    [/项目支出/, 'project'],
    [/本年收入/, 'income'],
    [/本年支出|合计|小计/, 'total'],
  ],
  income: [
    [/附属单位上缴/, 'affiliated'],
    [/经营收入/, 'operating'],
    [/上级补助/, 'superior'],
    [/财政拨款/, 'fiscal'],
    [/事业收入/, 'business'],
    [/其他收入/, 'other'],
    [/合计|小计/, 'total'],
  ],
};

const AMOUNT_HEAD: ColumnRule = [/预算数|决算数|金额/, 'amount'];
/** The Ministry of Finance template numbers the rows of two-sided tables (行次): not figures. */
const LINE_NO: ColumnRule = [/^行次/, 'lineNo'];
const FUND_COLUMNS: readonly ColumnRule[] = [
  [/一般公共/, 'general'],
  [/政府性基金/, 'fund'],
  [/国有资本/, 'stateCapital'],
  [/合计|小计/, 'total'],
];

/** A 收支预算总表 whose 支出 side is split (上海's 单位预算): 合计, 基本支出 (人员经费, 公用经费), 项目支出. */
const SPLIT_EXPENSE: readonly ColumnRule[] = [
  [/人员经费/, 'personnel'],
  [/公用经费/, 'public'],
  [/项目支出/, 'project'],
  [/基本支出/, 'basic'],
  [/合计|小计/, 'total'],
];

const THREE_PUBLIC_ITEMS: readonly ColumnRule[] = [
  [/机关运行经费/, 'officeRunning'],
  [/合计/, 'total'],
  [/因公出国/, 'abroad'],
  [/接待/, 'reception'],
  [/小计/, 'vehicle'],
  [/购置(及|和)运行/, 'vehicle'],
  [/购置费/, 'vehiclePurchase'],
  [/运行(维护)?费/, 'vehicleRunning'],
  [/会议费/, 'meeting'],
  [/培训费/, 'training'],
];

function ruleKey(rules: readonly ColumnRule[], text: string): string | null {
  for (const [re, key] of rules) if (re.test(text)) return key;
  return null;
}

interface Leaf {
  key: string;
  header: string;
  center: number;
  /** Where the heading starts: in PDF renderings more reliable than its centre (see place). */
  start: number;
}

interface Region {
  spec: TitleSpec;
  title: string;
  at: number;
  unit: AmountUnit;
  unitAt: number;
  end: number;
}

/** Every table title followed (within 4 lines) by its unit line; other mentions are 目录 or text. */
function locate(lines: readonly LayoutLine[]): Region[] {
  const found: Omit<Region, 'end'>[] = [];
  const titleAt = (i: number) =>
    matchTitle((lines[i]?.text ?? '').replace(UNIT, '').replace(/单位\s*[：:].*$/, ''));
  /** Lines that ended a wrapped title: not a title of their own. */
  const tails = new Set<number>();
  lines.forEach((l, i) => {
    if (tails.has(i)) return;
    // A title wrapped before its last words ("…“三公”经费、会议费、培训费" / "支出预算表", 江苏 2018).
    const tail = lines[i + 1]?.text.trim() ?? '';
    // Only when the line stops mid-title: a line ending in 表 (a 公开NN表 label, a running title
    // “…部门决算表”) is no first half.
    const single = titleAt(i);
    const head = l.text.replace(/\s+/g, '');
    const joined =
      single === null && head.length >= 6 && !head.endsWith('表') && /^\S{1,8}表$/.test(tail)
        ? matchTitle(`${l.text.trim()}${tail}`)
        : null;
    // Joined, it must title another table than its last words alone ("…会议费、培训费" + 支出预算表
    // is the 三公 table, not 支出预算表); a cover line above a title adds nothing to it.
    const fits =
      joined !== null && ![titleAt(i + 1)?.spec.kind, 'other'].includes(joined.spec.kind);
    const m = single ?? (fits ? joined : null);
    if (m === null) return;
    const titleEnd = single === null ? i + 1 : i;
    const push = (unit: AmountUnit, unitAt: number) => {
      found.push({ spec: m.spec, title: m.title, at: i, unit, unitAt });
      if (titleEnd > i) tails.add(titleEnd);
    };
    for (let k = i; k <= i + 4 && k < lines.length; k++) {
      const u = UNIT.exec(lines[k]?.text ?? '');
      if (u?.[1] === '万元' || u?.[1] === '元') {
        push(u[1], k);
        return;
      }
      // "单位：万" wrapped at the page's right edge, its "元" ending the line below (江苏 2019).
      if (
        /单位\s*[：:]\s*万\s*$/.test(lines[k]?.text ?? '') &&
        /元\s*$/.test(lines[k + 1]?.text ?? '')
      ) {
        push('万元', k + 1);
        return;
      }
      if (k > titleEnd && matchTitle(lines[k]?.text ?? '') !== null) return;
    }
  });
  // A table also ends at the next part of the document (第三部分 情况说明 after the last table).
  const partAt = (from: number) => {
    const k = lines.findIndex((l, i) => i > from && PART.test(l.text));
    return k === -1 ? lines.length : k;
  };
  return found.map((r, k) => ({
    ...r,
    end: Math.min(found[k + 1]?.at ?? lines.length, partAt(r.unitAt)),
  }));
}

function isBodyStart(cells: readonly Cell[]): boolean {
  const first = cells[0]?.text ?? '';
  const words = cells.filter((c) => !isAmount(c.text)).map((c) => c.text.replace(/\s+/g, ''));
  return (
    // "合   计   0": a 合计 spaced across its cell, with figures (江苏's empty 政府性基金 table).
    (words.join('') === '合计' && words.length < cells.length) ||
    cells.some((c) => isAmount(c.text) && /[.,]/.test(c.text)) ||
    CODE_ONE.test(first) ||
    // "合计" alone (or with figures) is a row; "合计  因公出国（境）费 …" is a header line.
    (ROW_LABEL.test(first.replace(/\s+/g, '')) &&
      cells.slice(1).every((c) => isAmount(c.text) || ROW_LABEL.test(c.text.replace(/\s+/g, ''))))
  );
}

function leavesOf(stacks: readonly HeaderStack[], rules: readonly ColumnRule[]): Leaf[] {
  const out: Leaf[] = [];
  for (const s of stacks) {
    const key = ruleKey(rules, s.text);
    if (key !== null) out.push({ key, header: s.text, center: s.center, start: s.start });
  }
  return out;
}

/** Tables whose rows are a 功能分类 or 经济分类 code tree, each with a 合计 column. */
const CODE_TREE_KINDS: ReadonlySet<TableKind> = new Set([
  'expenditure',
  'generalExpenditure',
  'basicExpenditure',
  'stateCapital',
  'govFund',
]);

/**
 * A code-tree table printed with one figure column and no breakdown (江苏: 科目编码, 科目名称,
 * 金额): that column is the row's 合计. Only when no heading names a breakdown column, so a
 * 金额 over 合计 / 基本支出 / 项目支出 stays a group heading.
 */
function singleAmount(kind: TableKind, stacks: readonly HeaderStack[]): Leaf[] | null {
  if (!CODE_TREE_KINDS.has(kind)) return null;
  const rules = TREE_COLUMNS[kind] ?? [];
  if (stacks.some((s) => ruleKey(rules, s.text) !== null)) return null;
  // In the 基本支出 table, a column headed 基本支出 is that table's whole (江苏 2019).
  const whole = kind === 'basicExpenditure' ? /^(金额|预算数|基本支出)$/ : /^(金额|预算数)$/;
  const amounts = stacks.filter((s) => whole.test(s.text));
  const only = amounts[0];
  if (amounts.length !== 1 || only === undefined) return null;
  return [{ key: 'total', header: only.text, center: only.center, start: only.start }];
}

function threePublicLeaves(header: ReturnType<typeof readHeader>, docKind: DocKind): Leaf[] {
  const items = leavesOf(header.stacks, THREE_PUBLIC_ITEMS);
  // 小计 present: the 公务用车购置及运行维护费 heading above it is a group, not a column.
  const hasSubtotal = header.stacks.some((s) => /小计/.test(s.text));
  const itemLeaves = items.filter(
    (l) => !(hasSubtotal && l.key === 'vehicle' && !/小计/.test(l.header)),
  );
  const { phases } = header;
  const nearest = <T extends { center: number }>(list: readonly T[], center: number) =>
    [...list].sort((a, b) => Math.abs(a.center - center) - Math.abs(b.center - center))[0];
  // Two 小计 (Jiangsu: 三公 with 会议费、培训费): the one under 公务用车购置及运行维护费 is the
  // vehicle subtotal, the other the 三公 total, and 合计 then also covers 会议费 and 培训费.
  const subtotals = itemLeaves.filter((l) => /小计/.test(l.header));
  const vehicleHead = [...header.stacks, ...header.groupSegments].find((s) =>
    /购置(及|和)运行/.test(s.text),
  );
  // Blocks of items under their own 预算数 / 决算数 heading (Shanxi, MOF): one 小计 per block is
  // only the vehicle subtotal.
  const blocks =
    header.phases.length > 0 && header.phases.length < itemLeaves.length ? header.phases.length : 1;
  if (subtotals.length >= 2 * blocks && vehicleHead !== undefined) {
    const vehicleSubtotal = nearest(subtotals, vehicleHead.center);
    for (const l of itemLeaves) {
      if (l.key === 'total') l.key = 'grandTotal';
      else if (/小计/.test(l.header)) l.key = l === vehicleSubtotal ? 'vehicle' : 'total';
    }
  }
  if (phases.length > 0 && phases.length < itemLeaves.length) {
    // Shanxi layout: 预算数 over the first block of items, 决算数 over the second.
    return itemLeaves.map((l) => {
      const phase = nearest(phases, l.center)?.phase ?? 'budget';
      return { ...l, key: `${phase}.${l.key}` };
    });
  }
  if (phases.length > 0) {
    // Pair layout: (预算数, 决算数) under each item.
    return phases.map((p, k) => {
      const item =
        phases.length === 2 * itemLeaves.length
          ? itemLeaves[Math.floor(k / 2)]
          : nearest(itemLeaves, p.center);
      const key = item?.key ?? 'unknown';
      return {
        key: `${p.phase}.${key}`,
        header: `${item?.header ?? ''}·${p.phase === 'budget' ? '预算数' : '决算数'}`,
        center: p.center,
        start: p.start,
      };
    });
  }
  const stackOf = new Map(header.stacks.map((s) => [s.center, s]));
  return itemLeaves.map((l) => {
    const s = stackOf.get(l.center);
    const context = [...(s?.groups ?? []), l.header].reverse();
    const phaseText = context.find((t) => /预算|决算/.test(t)) ?? '';
    const phase = /决算/.test(phaseText)
      ? 'actual'
      : /预算/.test(phaseText)
        ? 'budget'
        : docKind === '决算'
          ? 'actual'
          : 'budget';
    return { ...l, key: `${phase}.${l.key}` };
  });
}

interface Ctx {
  problems: LayoutProblem[];
}

/**
 * Figures are right-aligned in their column and a heading starts inside its own column, so a
 * figure belongs to the last heading that starts before the figure ends. This holds however a
 * rendering squeezes CJK headings (a heading's START is placed where it is printed, its centre is
 * not), and it needs no full row to calibrate. Only an assignment that keeps the order of the
 * figures, one column each, is taken; otherwise null (the centre alignment decides).
 */
function byHeadingStart(amounts: readonly Cell[], leaves: readonly Leaf[]): number[] | null {
  if (leaves.length === 0 || leaves.some((l, i) => i > 0 && l.start <= (leaves[i - 1]?.start ?? 0)))
    return null;
  const slots: number[] = [];
  for (const a of amounts) {
    let slot = -1;
    // Under the last heading that starts left of the figure's middle: a figure right-aligned in
    // its column may end past the start of the next heading (江苏's 支出预算总表: 13,025.38 under
    // 项目支出 ends one character into 单位预留机动经费).
    leaves.forEach((l, i) => {
      if (l.start < cellCenter(a)) slot = i;
    });
    if (slot === -1 || (slots.length > 0 && slot <= (slots[slots.length - 1] ?? -1))) return null;
    slots.push(slot);
  }
  return slots;
}

function place(
  amounts: readonly Cell[],
  leaves: readonly Leaf[],
  l: LayoutLine,
  ctx: Ctx,
): Record<string, Figure> {
  const values: Record<string, Figure> = {};
  if (amounts.length === 0) return values;
  const slots =
    byHeadingStart(amounts, leaves) ??
    alignInOrder(
      amounts.map(cellCenter),
      leaves.map((c) => c.center),
    );
  if (slots === null) {
    ctx.problems.push({
      page: l.page,
      line: l.line,
      text: l.text.trim(),
      reason: `这一行有 ${amounts.length} 个数字，表头只认出 ${leaves.length} 列`,
    });
    return values;
  }
  amounts.forEach((a, i) => {
    const leaf = leaves[slots[i] ?? -1];
    if (leaf !== undefined)
      values[leaf.key] = { v: amountText(a.text), page: l.page, line: l.line };
  });
  return values;
}

/**
 * A line's figures by column, or null when they do not fit the columns. For a line whose figures
 * may belong to another row: a line that cannot be placed is reported where it is read for good.
 */
function placeIfFits(
  amounts: readonly Cell[],
  leaves: readonly Leaf[],
  l: LayoutLine,
): Record<string, Figure> | null {
  const trial: Ctx = { problems: [] };
  const values = place(amounts, leaves, l, trial);
  return trial.problems.length > 0 ? null : values;
}

interface TreeLine {
  l: LayoutLine;
  code: string | null;
  printedCode?: string;
  labelCells: Cell[];
  amounts: Cell[];
}

function parseTreeLine(l: LayoutLine): TreeLine | null {
  const cells = cellsOf(l.text);
  if (cells.length === 0) return null;
  let k = 0;
  let code: string | null = null;
  const c0 = cells[0]?.text ?? '';
  let printedCode: string | undefined;
  if (CODE3.test(c0)) {
    code = c0;
    k = 1;
    // The cell after the 款/项 codes: a label, never a figure (so a lone digit there is a code).
    const labelAfterCodes = (from: number) => {
      let j = from;
      while (j < 3 && /^\d{1,2}$/.test(cells[j]?.text ?? '')) j++;
      return !isAmount(cells[j]?.text ?? '0');
    };
    for (; k < 3; k++) {
      const c = cells[k]?.text ?? '';
      if (CODE2.test(c)) code += c;
      else if (/^\d$/.test(c) && labelAfterCodes(k)) {
        // "301 2 津贴补贴": a 款/项 code printed without its leading 0 (a spreadsheet dropped
        // it), a digit between the code and the label, never a figure. Read as 02; the
        // printing is reported.
        code += `0${c}`;
        printedCode = cells
          .slice(0, k + 1)
          .map((x) => x.text)
          .join(' ');
      } else break;
    }
  } else if (CODE_ONE.test(c0)) {
    code = c0;
    k = 1;
  }
  const rest = cells.slice(k);
  return {
    l,
    code,
    ...(printedCode !== undefined ? { printedCode } : {}),
    // 类 / 款 / 项 are the code columns' headings, never a row's label (the header's last line can
    // carry figures printed above the first row).
    labelCells: rest.filter((c) => !isAmount(c.text) && !/^[类款项]$/.test(c.text)),
    amounts: rest.filter((c) => isAmount(c.text)),
  };
}

const adjacent = (a: LayoutLine, b: LayoutLine) => a.page === b.page && a.line + 1 === b.line;
const textOnly = (t: TreeLine): boolean =>
  t.code === null &&
  t.amounts.length === 0 &&
  t.labelCells.length === 1 &&
  !/。|科目|项目|栏次/.test(t.labelCells[0]?.text ?? '');
const labelOf = (t: TreeLine) => t.labelCells.map((c) => c.text).join('');

/**
 * 功能分类 rows. Besides one row per line, two wrappings of PDF extraction are joined: a label
 * wrapped around its code (fragment above, code, fragment below) and a row's figures printed on
 * the line above its code line.
 */
function readTree(body: readonly LayoutLine[], leaves: readonly Leaf[], ctx: Ctx): LayoutRow[] {
  const parsed = body.map(parseTreeLine);
  const rows: LayoutRow[] = [];
  let last: { row: LayoutRow; at: LayoutLine; labelStart: number } | null = null;
  const used = new Set<number>();
  parsed.forEach((t, i) => {
    if (t === null || used.has(i) || PROSE.test(t.l.text)) return;
    const next = parsed[i + 1];
    const codeBelow =
      next !== null && next !== undefined && next.code !== null && adjacent(t.l, next.l);
    if (textOnly(t)) {
      // Above a code line that has no label of its own: the first part of that label.
      if (codeBelow && next.labelCells.length === 0) return;
      const prev = last;
      if (
        prev !== null &&
        adjacent(prev.at, t.l) &&
        (t.labelCells[0]?.start ?? 0) >= prev.labelStart - 2
      ) {
        prev.row.label += labelOf(t);
        prev.at = t.l;
      }
      return;
    }
    if (t.code === null && t.labelCells.length === 0 && t.amounts.length > 0) {
      // A bare number alone on its line is a page number printed inside the table.
      if (BARE_NUMBER.test(t.l.text)) return;
      // Figures the row below takes (it then adds up), unless the row above would add up with
      // them too: which row they were printed for is then not known.
      const down = figuresAbove(t, next, leaves);
      const upToo =
        last !== null && adjacent(last.at, t.l) && withFigures(last.row.values, t, leaves) !== null;
      const merged = upToo ? null : down;
      // Figures alone on the line above a code line without figures: that row's figures.
      if (codeBelow && next.amounts.length === 0) {
        used.add(i + 1);
        const row = makeTreeRow(next, t, leaves, ctx);
        rows.push(row);
        last = { row, at: next.l, labelStart: next.labelCells[0]?.start ?? 0 };
      } else if (merged !== null && next !== null && next !== undefined) {
        used.add(i + 1);
        const row = { ...makeTreeRow(next, next, leaves, ctx), values: merged };
        rows.push(row);
        last = { row, at: next.l, labelStart: next.labelCells[0]?.start ?? 0 };
      } else if (
        last !== null &&
        adjacent(last.at, t.l) &&
        Object.keys(last.row.values).length === 0
      ) {
        // Figures centred in a row whose label wraps onto two lines: between the two lines.
        last.row.values = place(t.amounts, leaves, t.l, ctx);
        last.at = t.l;
      } else if (
        rows.length === 0 &&
        !parsed.slice(i + 1).some((x) => x !== null && x.code !== null)
      ) {
        // A table of one line of figures under its headings (江苏's 支出预算总表: 合计, 基本支出,
        // 项目支出 …): that line is the table's total, which the headings name.
        const row: LayoutRow = {
          code: null,
          label: '合计',
          side: null,
          values: place(t.amounts, leaves, t.l, ctx),
          page: t.l.page,
          line: t.l.line,
        };
        rows.push(row);
        last = { row, at: t.l, labelStart: 0 };
      } else {
        ctx.problems.push({
          page: t.l.page,
          line: t.l.line,
          text: t.l.text.trim(),
          reason: '这一行只有数字，找不到它们所属的行',
        });
      }
      return;
    }
    if (t.code === null && t.amounts.length === 0) return;
    if (
      t.code !== null &&
      t.labelCells.length === 0 &&
      t.amounts.length === 0 &&
      next !== null &&
      next !== undefined &&
      next.code === null &&
      next.labelCells.length > 0 &&
      next.amounts.length > 0 &&
      adjacent(t.l, next.l)
    ) {
      // A code on a line of its own, its label and figures on the next (pdf.js sets the code of a
      // page's first row a little apart): one row, at the code's line.
      used.add(i + 1);
      const row = { ...makeTreeRow(next, next, leaves, ctx), code: t.code, line: t.l.line };
      rows.push(row);
      last = { row, at: next.l, labelStart: next.labelCells[0]?.start ?? 0 };
      return;
    }
    const row = makeTreeRow(t, t, leaves, ctx);
    const above = parsed[i - 1];
    const labelAbove =
      t.labelCells.length === 0 &&
      above !== null &&
      above !== undefined &&
      textOnly(above) &&
      adjacent(above.l, t.l)
        ? above
        : null;
    if (labelAbove !== null) row.label = labelOf(labelAbove);
    rows.push(row);
    last = {
      row,
      at: t.l,
      labelStart: t.labelCells[0]?.start ?? labelAbove?.labelCells[0]?.start ?? 0,
    };
  });
  return rows;
}

/**
 * Figures printed above their row (上海市普陀区财政局: a row's 基本支出 and 项目支出 half a line
 * above its label and 合计): the row below with them, only when they fill columns it leaves blank
 * and the row then adds up (withFigures). Else null.
 */
function figuresAbove(
  t: TreeLine,
  next: TreeLine | null | undefined,
  leaves: readonly Leaf[],
): Record<string, Figure> | null {
  if (next === null || next === undefined || !adjacent(t.l, next.l) || next.amounts.length === 0)
    return null;
  if (next.code === null && !ROW_LABEL.test(labelOf(next))) return null;
  const below = placeIfFits(next.amounts, leaves, next.l);
  return below === null ? null : withFigures(below, t, leaves);
}

/**
 * A row's figures with those of a figures-only line added, when they fill columns the row leaves
 * blank and the row then adds up; else null.
 */
function withFigures(
  values: Record<string, Figure>,
  t: TreeLine,
  leaves: readonly Leaf[],
): Record<string, Figure> | null {
  const extra = placeIfFits(t.amounts, leaves, t.l);
  if (extra === null || Object.keys(extra).some((k) => k in values)) return null;
  const merged = { ...values, ...extra };
  return addsUp(merged) ? merged : null;
}

/**
 * A row's 合计 (`total`) equals the sum of its other figures, within the rounding of its printed
 * places (as the table checks count it); false without parts.
 */
function addsUp(values: Record<string, Figure>): boolean {
  const { total, ...parts } = values;
  const figures = Object.values(parts).map((f) => f.v);
  return (
    total !== undefined && figures.length > 0 && checkSum(total.v, figures).verdict !== 'mismatch'
  );
}

function makeTreeRow(t: TreeLine, figures: TreeLine, leaves: readonly Leaf[], ctx: Ctx): LayoutRow {
  return {
    code: t.code,
    ...(t.printedCode !== undefined ? { printedCode: t.printedCode } : {}),
    label: labelOf(t),
    side: null,
    values: place(figures.amounts, leaves, figures.l, ctx),
    page: t.l.page,
    line: t.l.line,
  };
}

interface PairedPart {
  label: Cell;
  amounts: Cell[];
  side: '收入' | '支出';
}

interface FiguresAbove {
  l: LayoutLine;
  bySide: Map<'收入' | '支出', Cell[]>;
}

function readPaired(
  body: readonly LayoutLine[],
  left: readonly Leaf[],
  right: readonly Leaf[],
  ctx: Ctx,
  /** Where a third side (江苏's 支出用途) starts: its labels and figures are not read. */
  thirdStart = Number.POSITIVE_INFINITY,
): LayoutRow[] {
  const rows: LayoutRow[] = [];
  const leftCenter = left[0]?.center ?? 0;
  /** Figures alone on a line that no row above takes: the next line's row on their side may. */
  let held: FiguresAbove | null = null;
  const unplaced = (f: FiguresAbove | null) => {
    if (f !== null && f.bySide.size > 0)
      ctx.problems.push({
        page: f.l.page,
        line: f.l.line,
        text: f.l.text.trim(),
        reason: '这一行只有数字，找不到它们所属的行（上一行和下一行的这些列都已有数字）',
      });
  };
  /** A line's labels with the figures after each, on the side each label opens. */
  const partsOf = (cells: readonly Cell[]) => {
    let side: '收入' | '支出' | null = null;
    let current: PairedPart | null = null;
    const parts: PairedPart[] = [];
    let sawAmount = false;
    for (const c of cells) {
      if (isAmount(c.text)) {
        sawAmount = true;
        current?.amounts.push(c);
        continue;
      }
      side = side === null && !sawAmount && c.start < leftCenter ? '收入' : '支出';
      current = { label: c, amounts: [], side };
      parts.push(current);
    }
    return parts;
  };
  /** The end of a label wrapped in its cell ("款"): short, no figures, no numbering. */
  const isFragment = (p: PairedPart) => {
    const label = p.label.text.replace(/\s+/g, '');
    return (
      p.amounts.length === 0 &&
      label.length <= 3 &&
      !/^(合计|总计|小计|[一二三四五六七八九十\d])/.test(label)
    );
  };
  for (let idx = 0; idx < body.length; idx++) {
    const l = body[idx] as LayoutLine;
    // A bare number alone on its line is a page number printed inside the table, not a figure.
    if (PROSE.test(l.text) || BARE_NUMBER.test(l.text)) continue;
    const cells = cellsOf(l.text);
    const pending = held !== null && adjacent(held.l, l) ? held : null;
    if (pending === null) unplaced(held);
    held = null;
    const parts = partsOf(cells);
    if (parts.length === 0 && cells.length > 0 && cells.every((c) => isAmount(c.text))) {
      // Figures centred between the two lines of a wrapped label: they belong to the row above
      // on their side (a figure left of the 支出 side's first column is the 收入 side's).
      // Figures no row above takes may be printed above their row (上海市普陀区财政局): the
      // next line's row on their side takes them if their columns are blank there.
      // A blank row above takes them when its label's end follows on the next line, or when no
      // row on the next line could take them.
      unplaced(pending);
      const rightStart = right[0]?.start ?? Number.POSITIVE_INFINITY;
      const waiting: Map<'收入' | '支出', Cell[]> = new Map();
      const nextLine = body[idx + 1];
      const below =
        nextLine !== undefined && adjacent(l, nextLine) ? partsOf(cellsOf(nextLine.text)) : [];
      for (const side of ['收入', '支出'] as const) {
        const amounts = cells.filter(
          (c) => c.start < thirdStart && c.end <= rightStart === (side === '收入'),
        );
        const row = [...rows].reverse().find((r) => r.side === side);
        const next = below.find((p) => p.side === side);
        const leaves = side === '收入' ? left : right;
        // The row below takes them when none of their columns is filled there.
        const theirs =
          next !== undefined && nextLine !== undefined && !isFragment(next)
            ? (placeIfFits(next.amounts, leaves, nextLine) ?? {})
            : null;
        const belowTakes =
          theirs !== null &&
          Object.keys(placeIfFits(amounts, leaves, l) ?? {}).every((k) => !(k in theirs));
        if (
          amounts.length > 0 &&
          row !== undefined &&
          row.page === l.page &&
          l.line - row.line <= 1 &&
          Object.keys(row.values).length === 0 &&
          !belowTakes
        ) {
          row.values = place(amounts, side === '收入' ? left : right, l, ctx);
        } else if (amounts.length > 0) waiting.set(side, amounts);
      }
      if (waiting.size > 0) held = { l, bySide: waiting };
      continue;
    }
    for (const p of parts) {
      // A label of the third side, with the figures after it: not read.
      if (p.label.start >= thirdStart) continue;
      const leaves = p.side === '收入' ? left : right;
      const label = p.label.text.replace(/\s+/g, '');
      // A figure in the third side's column is that side's, except on the totals rows, which
      // span every side (当年支出小计, 支出合计 print their total there).
      if (!/合计|小计|总计/.test(label)) p.amounts = p.amounts.filter((a) => a.start < thirdStart);
      // A label wrapped in its cell ("国有资本经营预算财政拨" / "款"): a short fragment with no
      // figures, no numbering, up to two lines below the last row of its side, ends that label.
      const last = [...rows].reverse().find((r) => r.side === p.side);
      if (last !== undefined && isFragment(p) && last.page === l.page && l.line - last.line <= 2) {
        last.label += label;
        continue;
      }
      const values = place(p.amounts, leaves, l, ctx);
      const fromAbove = pending?.bySide.get(p.side);
      if (pending !== null && fromAbove !== undefined) {
        const extra = placeIfFits(fromAbove, leaves, pending.l);
        if (extra !== null && Object.keys(extra).every((k) => !(k in values))) {
          Object.assign(values, extra);
          pending.bySide.delete(p.side);
        }
      }
      rows.push({ code: null, label, side: p.side, values, page: l.page, line: l.line });
    }
    unplaced(pending);
  }
  unplaced(held);
  return rows;
}

const ECON_CODE = /^\d{3}(\d{2})?$/;
const ECON_TOTAL = /^(人员经费|公用经费)(合计)?$/;

/**
 * The part of a label wrapped around its code line that an adjacent line prints: text (no figure,
 * no code) starting right of the code and left of its figure.
 */
function labelFragment(l: LayoutLine | undefined, code: Cell, figure: Cell): string {
  if (l === undefined || /。/.test(l.text)) return '';
  const cells = cellsOf(l.text);
  const k = cells.findIndex((c) => c.start > code.start && c.start < figure.start);
  const f = cells[k];
  const before = cells[k - 1];
  if (f === undefined || isAmount(f.text) || ECON_CODE.test(f.text)) return '';
  // Another row's label, after its own code on that line.
  if (before !== undefined && ECON_CODE.test(before.text) && before.start >= code.start - 2)
    return '';
  return f.text.replace(/\s+/g, '');
}

/** A cell with the line it is printed on: a 基本支出 row may take its cells from two lines. */
interface LineCell extends Cell {
  line: number;
}

/** One row of cells to read: a body line, or a row printed over two or three lines, merged. */
interface EconLine {
  l: LayoutLine;
  /** Index of `l` in the body. */
  n: number;
  cells: LineCell[];
  merged: boolean;
}

const isEconLabel = (t: string) => !isAmount(t) && !ECON_CODE.test(t) && !CODE2.test(t);
const isFigure = (t: string) => isAmount(t) && !ECON_CODE.test(t) && !CODE2.test(t);

/**
 * 上海市普陀区财政局's 基本支出 table prints a row over several lines: codes on one, names on
 * the next, figures on either or on a line above, long names wrapped below ("301  01 … 302" /
 * "基本工资  262.33  01  办公费  21.21"). Read as bands: a band starts at a line whose first cell
 * is a 类 code or a 人员/公用经费合计, or at a line of figures only just above one; the lines after
 * it, up to the next start, are part of it. A band's cells are read in print order (a 款 code
 * before a name at the same place), and wrapped name fragments are joined.
 */
function econBands(body: readonly LayoutLine[]): EconLine[] {
  const cellsAt = (l: LayoutLine): LineCell[] =>
    cellsOf(l.text).map((c) => ({ ...c, line: l.line }));
  const opens = (l: LayoutLine | undefined): boolean => {
    const first = l === undefined ? '' : (cellsOf(l.text)[0]?.text ?? '');
    return CODE3.test(first) || ECON_TOTAL.test(first.replace(/\s+/g, ''));
  };
  const out: EconLine[] = [];
  let band: { l: LayoutLine; n: number; cells: LineCell[] } | null = null;
  const close = () => {
    if (band === null) return;
    const sorted = band.cells.sort(
      (p, q) => p.start - q.start || (CODE2.test(p.text) ? -1 : CODE2.test(q.text) ? 1 : 0),
    );
    const cells: LineCell[] = [];
    for (const c of sorted) {
      const prev = cells[cells.length - 1];
      if (prev !== undefined && isEconLabel(prev.text) && isEconLabel(c.text))
        cells[cells.length - 1] = { ...prev, text: prev.text + c.text, end: c.end };
      else cells.push(c);
    }
    out.push({ l: band.l, n: band.n, cells, merged: true });
    band = null;
  };
  body.forEach((l, n) => {
    if (/。/.test(l.text)) return;
    const cells = cellsAt(l);
    if (cells.length === 0) return;
    const figuresOnly = cells.every((c) => isFigure(c.text));
    const prev = body[n - 1];
    const next = body[n + 1];
    const continues = band !== null && prev !== undefined && adjacent(prev, l);
    const aboveOpening = figuresOnly && next !== undefined && adjacent(l, next) && opens(next);
    // A line of figures opens a band for the line below it, which then does not open another.
    const heldFigures = band !== null && continues && band.cells.every((c) => isFigure(c.text));
    if ((opens(l) || aboveOpening) && !heldFigures) {
      close();
      band = { l, n, cells: [...cells] };
    } else if (continues && band !== null) band.cells.push(...cells);
    else {
      close();
      out.push({ l, n, cells, merged: false });
    }
  });
  close();
  return out;
}

/** Each 类 of a 基本支出 table equals the sum of its 款, within the rounding of its figures. */
function econSumsHold(rows: readonly LayoutRow[]): boolean {
  const classes = rows.filter((r) => r.code !== null && r.code.length === 3);
  const kidsOf = (r: LayoutRow) =>
    rows.filter((k) => k.code?.length === 5 && k.code.startsWith(r.code ?? ''));
  // Nothing to check is no evidence: at least one 类 with its 款 must be read.
  if (!classes.some((r) => kidsOf(r).length > 0)) return false;
  return classes.every((r) => {
    const kids = kidsOf(r);
    const total = r.values.amount?.v;
    if (kids.length === 0 || total === undefined) return true;
    return (
      checkSum(
        total,
        kids.map((k) => k.values.amount?.v ?? null),
      ).verdict !== 'mismatch'
    );
  });
}

/**
 * The 决算's 基本支出 table: (code, label, 决算数) triples, often two per line, and the
 * 人员经费合计 / 公用经费合计 lines. Each figure is the first amount after its label. A label
 * wrapped around its code (fragment above, "30108  6.18" without label, fragment below, as 上海's
 * districts print long 经济分类 names) is joined from the lines above and below. Rows printed
 * over two lines (codes, then names) are merged, and kept only if every 类 then adds up.
 */
function readEcon(body: readonly LayoutLine[], ctx: Ctx): LayoutRow[] {
  const trial: Ctx = { problems: [] };
  const plain = body.map((l, n) => ({
    l,
    n,
    cells: cellsOf(l.text).map((c) => ({ ...c, line: l.line })),
    merged: false,
  }));
  let rows = readEconLines(body, plain, trial);
  // Rows printed over several lines leave figures unplaced: read as bands instead, kept only if
  // more rows are read and every 类 then adds up.
  if (trial.problems.length > 0) {
    const banded: Ctx = { problems: [] };
    const alt = readEconLines(body, econBands(body), banded);
    if (alt.length > rows.length && econSumsHold(alt)) {
      rows = alt;
      trial.problems = banded.problems;
    }
  }
  ctx.problems.push(...trial.problems);
  return rows;
}

function readEconLines(
  body: readonly LayoutLine[],
  lines: readonly EconLine[],
  ctx: Ctx,
): LayoutRow[] {
  const rows: LayoutRow[] = [];
  for (const { l, n, cells, merged } of lines) {
    if (/。/.test(l.text)) continue;
    const placed = new Set<number>();
    for (let i = 0; i < cells.length; i++) {
      let c = cells[i]?.text ?? '';
      const codeCell = cells[i];
      // 类 and 款 in two columns ("301  01"): one code.
      if (CODE3.test(c) && CODE2.test(cells[i + 1]?.text ?? '') && merged) {
        c += cells[i + 1]?.text ?? '';
        i++;
      }
      const label = c.replace(/\s+/g, '');
      let code: string | null = null;
      let name: string;
      let at: number;
      const next = cells[i + 1];
      if (ECON_CODE.test(c) && next !== undefined && !isAmount(next.text)) {
        code = c;
        name = next.text.replace(/\s+/g, '');
        at = i + 2;
      } else if (
        ECON_CODE.test(c) &&
        next !== undefined &&
        isAmount(next.text) &&
        !ECON_CODE.test(next.text) &&
        !merged
      ) {
        const cell = cells[i] as Cell;
        const near = (m: number) => {
          const o = body[m];
          return o !== undefined && o.page === l.page && Math.abs(o.line - l.line) === 1
            ? o
            : undefined;
        };
        name = labelFragment(near(n - 1), cell, next) + labelFragment(near(n + 1), cell, next);
        if (name === '') continue;
        code = c;
        at = i + 1;
      } else if (ECON_TOTAL.test(label)) {
        name = label.endsWith('合计') ? label : `${label}合计`;
        at = i + 1;
      } else continue;
      const value = cells[at];
      const v = value?.text ?? '';
      // A blank 决算数: what follows is the next half's code and label (or 类 and 款), not a figure.
      const after = cells[at + 1]?.text ?? '0';
      const nextIsRow =
        ECON_CODE.test(v) && (!isAmount(after) || (merged && CODE3.test(v) && CODE2.test(after)));
      if (value === undefined || !isAmount(v) || nextIsRow) continue;
      rows.push({
        code,
        label: name,
        side: null,
        values: { amount: { v: amountText(v), page: l.page, line: value.line } },
        page: l.page,
        line: codeCell?.line ?? l.line,
      });
      placed.add(at);
      i = at;
    }
    // A figure no code or total took (codes and names printed on separate lines): said, not lost.
    const isCode = (t: string) => ECON_CODE.test(t) || CODE2.test(t);
    const lost = cells.filter((c, k) => isAmount(c.text) && !isCode(c.text) && !placed.has(k));
    for (const line of new Set(lost.map((c) => c.line)))
      ctx.problems.push({
        page: l.page,
        line,
        text: body.find((b) => b.page === l.page && b.line === line)?.text.trim() ?? '',
        reason: '这一行的数字没有对应到经济分类科目（科目编码、名称和数字不在同一行）',
      });
  }
  return rows;
}

function readSingle(body: readonly LayoutLine[], leaves: readonly Leaf[], ctx: Ctx): LayoutRow[] {
  const rows: LayoutRow[] = [];
  for (const l of body) {
    if (/。/.test(l.text)) continue;
    const cells = cellsOf(l.text);
    if (cells.length === 0 || !cells.every((c) => isAmount(c.text))) continue;
    // The 栏次 row (1 2 … 12) numbers the columns.
    if (cells.every((c, i) => c.text === String(i + 1))) continue;
    rows.push({
      code: null,
      label: '',
      side: null,
      values: place(cells, leaves, l, ctx),
      page: l.page,
      line: l.line,
    });
  }
  return rows;
}

function readRegion(lines: readonly LayoutLine[], r: Region, ctx: Ctx): LayoutTable {
  const problemsBefore = ctx.problems.length;
  const region = lines.slice(r.unitAt + 1, r.end);
  let bodyAt = region.findIndex((l) => isBodyStart(cellsOf(l.text)));
  if (bodyAt === -1) bodyAt = region.length;
  const headerLines = region
    .slice(0, bodyAt)
    .filter((l) => l.text.trim() !== '' && !META.test(l.text) && !/^\s*(注|说明)[：:]/.test(l.text))
    .slice(-10)
    .map((l) => l.text);
  const body = withoutPageNumbers(region.slice(bodyAt));
  const { kind } = r.spec;
  const rules =
    kind === 'threePublic'
      ? THREE_PUBLIC_ITEMS
      : kind === 'fiscalTotals'
        ? [LINE_NO, AMOUNT_HEAD, ...FUND_COLUMNS]
        : kind === 'totals'
          ? [LINE_NO, AMOUNT_HEAD]
          : (TREE_COLUMNS[kind] ?? []);
  const header = readHeader(headerLines, (text) => ruleKey(rules, text) !== null);
  // Printed empty: a note, a lone 无, or a 合计 line with no figure anywhere in the body (江苏's
  // 政府性基金 tables: "合计" and nothing, or "(无政府性基金支出）").
  const figureless =
    body.some((l) => /^合\s*计$/.test(l.text.trim())) &&
    body.every((l) => !cellsOf(l.text).some((c) => isAmount(c.text)));
  const noData =
    region.some((l) => NO_DATA.test(l.text)) ||
    body.some((l) => l.text.trim() === '无') ||
    figureless;
  const start = lines[r.at] ?? { page: 0, line: 0 };
  let leaves: Leaf[] = [];
  let rows: LayoutRow[] = [];
  let read = true;
  if (kind === 'totals' || kind === 'fiscalTotals') {
    const amountCols = leavesOf(header.stacks, [AMOUNT_HEAD]);
    const leftAmount = amountCols[0]?.center ?? 0;
    // 行次 columns, where printed: one before each side's figures. Read, then dropped.
    const lineNos = leavesOf(header.stacks, [LINE_NO]);
    const left = [
      ...lineNos.filter((l) => l.center < leftAmount).slice(-1),
      ...amountCols.slice(0, 1),
    ];
    const rightStacks = header.stacks.filter((s) => s.center > leftAmount);
    // 基本支出 over 人员经费 and 公用经费 is their group heading, not a column of its own.
    const split = leavesOf(rightStacks, SPLIT_EXPENSE).filter(
      (c, _, all) => c.key !== 'basic' || !all.some((o) => o.key === 'personnel'),
    );
    const right = [
      ...lineNos.filter((l) => l.center > leftAmount).slice(0, 1),
      ...(kind === 'fiscalTotals'
        ? leavesOf(rightStacks, FUND_COLUMNS)
        : split.length >= 2 && split.some((c) => c.key === 'total')
          ? split
          : amountCols.slice(1, 2)),
    ];
    leaves = [...left, ...right];
    // 江苏's 收支预算总表 has a third side, 支出用途 (基本支出, 项目支出 …): not read, and never
    // taken for more 支出 rows. It starts where its first label (一、基本支出) stands.
    const third = headerLines.some((t) => /支出用途/.test(t))
      ? body
          .flatMap((l) => cellsOf(l.text))
          .filter((c) => USE_LABEL.test(c.text.replace(/\s+/g, '')))
          .reduce((m, c) => Math.min(m, c.start), Number.POSITIVE_INFINITY)
      : Number.POSITIVE_INFINITY;
    rows = readPaired(body, left, right, ctx, third - 2);
  } else if (kind === 'basicExpenditure' && r.spec.docKind === '决算') {
    // 经济分类 in two halves per line (人员经费 | 公用经费), one 决算数 column each.
    rows = readEcon(body, ctx);
    leaves = [{ key: 'amount', header: '决算数', center: 0, start: 0 }];
  } else if (kind === 'threePublic') {
    leaves = threePublicLeaves(header, r.spec.docKind);
    rows = readSingle(body, leaves, ctx);
  } else {
    const rules = TREE_COLUMNS[kind];
    if (rules === undefined) read = false;
    else {
      const known = singleAmount(kind, header.stacks) ?? leavesOf(header.stacks, rules);
      // Headings of columns this reader has no meaning for (单位预留机动经费, 结转下年资金 …), right
      // of the first known one, still take their figures, which are then not kept.
      const firstStart = Math.min(...known.map((k) => k.start));
      const unknown = header.stacks
        .filter(
          (st) =>
            ruleKey(rules, st.text) === null &&
            st.start > firstStart &&
            !/项目|科目|编码|名称|栏次|行次|^\d+$/.test(st.text),
        )
        .map((st, i) => ({
          key: `extra.${i + 1}`,
          header: st.text,
          center: st.center,
          start: st.start,
        }));
      const all = [...known, ...unknown].sort((a, b) => a.start - b.start);
      // Only when a row has more figures than the known columns: a group heading over known
      // columns (支出预算) must not take their figures.
      const first: Ctx = { problems: [] };
      rows = readTree(body, known, first);
      if (first.problems.length > 0 && unknown.length > 0) {
        const second: Ctx = { problems: [] };
        const retried = readTree(body, all, second);
        if (second.problems.length < first.problems.length) {
          rows = retried;
          first.problems = second.problems;
          leaves = all;
        }
      }
      ctx.problems.push(...first.problems);
      if (leaves.length === 0) leaves = known;
    }
  }
  return {
    kind,
    docKind: r.spec.docKind,
    title: r.title,
    page: start.page,
    line: start.line,
    unit: r.unit,
    columns: leaves.map((l) => ({ key: l.key, header: l.header })),
    rows,
    noData,
    read,
    problems: ctx.problems.slice(problemsBefore),
  };
}

export function readLayoutTables(lines: readonly LayoutLine[]): LayoutResult {
  const ctx: Ctx = { problems: [] };
  const tables = locate(lines).map((r) => readRegion(lines, r, ctx));
  return { tables, problems: ctx.problems };
}
