/**
 * Performance self-evaluations and targets: disclosure text → `Performance`.
 *
 * Keys only on the standard labels of the tables (项目名称, 年初预算数, 一级指标, 总分, 项目资金,
 * 实施期资金总额 …), never on line numbers, project or unit names. The tables are tab-separated
 * but their columns shift from row to row, so rows are read by content (numbers, level words)
 * and the header row is used only to break ties. Anything numeric that cannot be placed goes to
 * `skipped` with a Chinese reason.
 */
import type { AmountUnit, Fig } from '../data/schema-common';
import type {
  DepartmentEvaluation,
  FormatNote,
  FundBlock,
  FundRow,
  Grade,
  Indicator,
  Performance,
  ProjectEvaluation,
  ProjectSummary,
  ProjectTarget,
  StatedFunds,
  TargetFund,
  TargetIndicator,
  TargetSummary,
} from '../data/schema-performance';
import { dec, percent, printedPlaces, roundHalfUp } from '../domain/money';
import { readAmount, type SourceDoc } from './source-doc';

export interface PerformanceCorrection {
  line: number;
  printed: string;
  value: string;
  reason: string;
}
export interface PerformanceSkip {
  line: number;
  text: string;
  where: string;
  reason: string;
}

interface Ctx {
  doc: SourceDoc;
  corrections: PerformanceCorrection[];
  skipped: PerformanceSkip[];
}

const W_EVAL = '项目支出绩效自评表';
const W_DEPT = '部门整体支出绩效自评';
const W_LIST = '项目支出绩效自评（清单）';
const W_TARGET = '项目支出绩效目标表';

// ---------------------------------------------------------------- small helpers

function cellsOf(text: string): string[] {
  return text.split('\t').map((c) => c.trim());
}

/** Line n (1-based) split into trimmed cells. */
function rowAt(doc: SourceDoc, n: number): string[] {
  return cellsOf(doc.lines[n - 1] ?? '');
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c === '');
}

function num(cell: string | undefined): boolean {
  return cell !== undefined && readAmount(cell) !== null;
}

function figOf(text: string, line: number): Fig | null {
  const v = readAmount(text);
  return v === null ? null : { v, line };
}

/** Label with spaces, colons and a leading 其中 removed. */
function normLabel(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/^其中[:：]?/, '')
    .replace(/[:：]+$/, '');
}

function nonEmpty(cells: readonly string[]): string[] {
  return cells.filter((c) => c !== '');
}

function firstAfter(cells: readonly string[], pred: (c: string) => boolean): string | null {
  const i = cells.findIndex(pred);
  if (i < 0) return null;
  for (let k = i + 1; k < cells.length; k++) {
    const c = cells[k] ?? '';
    if (c !== '') return c;
  }
  return null;
}

const YEAR_RE = /[（(]\s*(\d{4})\s*年度\s*[)）]/;
const GRADE_RE = /^[优良中差]$/;

function asGrade(s: string): Grade | null {
  return s === '优' || s === '良' || s === '中' || s === '差' ? s : null;
}

/**
 * The title printed above a table: the contiguous non-blank lines just above `start`,
 * skipping blank lines and a separate "(2024年度)" line.
 */
function titleAbove(
  doc: SourceDoc,
  start: number,
): { line: number; text: string; year: number | null } {
  let n = start - 1;
  let year: number | null = null;
  while (n >= 1) {
    const t = (doc.lines[n - 1] ?? '').trim();
    if (t === '') {
      n--;
      continue;
    }
    const y = YEAR_RE.exec(t);
    if (y && t.replace(YEAR_RE, '').trim() === '') {
      year = Number(y[1]);
      n--;
      continue;
    }
    break;
  }
  const parts: { line: number; text: string }[] = [];
  while (n >= 1 && parts.length < 3) {
    const raw = doc.lines[n - 1] ?? '';
    if (raw.trim() === '' || raw.includes('\t')) break;
    parts.unshift({ line: n, text: raw.trim() });
    n--;
  }
  if (parts.length === 0) return { line: start, text: '', year };
  const text = parts.map((p) => p.text).join('');
  const y = YEAR_RE.exec(text);
  return { line: parts[0]?.line ?? start, text, year: year ?? (y ? Number(y[1]) : null) };
}

// ---------------------------------------------------------------- level words

const L1_WORDS = new Set(['产出指标', '效益指标', '满意度指标', '满意度']);
const COST_L2 = new Set(['经济成本指标', '社会成本指标', '生态环境成本指标']);
const L2_WORDS = new Set([
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  ...COST_L2,
  '经济效益',
  '社会效益',
  '生态效益',
  '可持续影响',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '可持续影响指标',
  '服务对象满意度',
  '服务对象满意度指标',
]);

interface Carry {
  l1: string | null;
  l2: string | null;
}

/**
 * Reads the level words at the start of `cells` (一级 then 二级), updating `carry`.
 * Returns the index of the first cell that is neither empty nor a level word (the indicator name),
 * or -1. A level word seen twice ("成本指标→成本指标") is a name the second time.
 */
function readLevels(cells: readonly string[], carry: Carry): number {
  let l1Seen = false;
  let l2Seen = false;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] ?? '';
    if (c === '' || c === '绩效指标') continue;
    const next = cells.slice(i + 1).find((x) => x !== '') ?? '';
    if (!l1Seen && !l2Seen && (L1_WORDS.has(c) || (c === '成本指标' && COST_L2.has(next)))) {
      carry.l1 = c;
      carry.l2 = null;
      l1Seen = true;
      continue;
    }
    if (!l2Seen && L2_WORDS.has(c)) {
      carry.l2 = c;
      l2Seen = true;
      continue;
    }
    return i;
  }
  return -1;
}

// ---------------------------------------------------------------- fund rows

type FundKey =
  | 'declared'
  | 'budgeted'
  | 'fullYearBudget'
  | 'executed'
  | 'balance'
  | 'executionRate'
  | 'executionScore';
const FUND_KEYS: readonly FundKey[] = [
  'declared',
  'budgeted',
  'fullYearBudget',
  'executed',
  'balance',
  'executionRate',
  'executionScore',
];
const COMMA_DECIMAL = /^\d{1,3},\d{3}$/;

interface NumCell {
  idx: number;
  text: string;
  /** Value with the comma read as a thousands separator. */
  grouped: string;
  /** Value with the comma read as a decimal mark, where that reading exists. */
  decimal: string | null;
}

/** How many of 结余 = 预算 − 执行 and 执行率 = 执行 ÷ 预算 hold for these values. */
function consistency(vals: Partial<Record<FundKey, string>>): number {
  let ok = 0;
  const { fullYearBudget: b, executed: e, balance: r, executionRate: rate } = vals;
  if (b !== undefined && e !== undefined && r !== undefined) {
    if (dec(b).minus(dec(e)).minus(dec(r)).abs().lte('0.01')) ok++;
  }
  if (b !== undefined && e !== undefined && rate !== undefined) {
    const p = percent(e, b);
    if (p !== null && roundHalfUp(p, printedPlaces(rate)).equals(dec(rate))) ok++;
  }
  return ok;
}

function assign(
  keys: readonly FundKey[],
  values: readonly string[],
): Partial<Record<FundKey, string>> {
  const out: Partial<Record<FundKey, string>> = {};
  keys.forEach((k, i) => {
    const v = values[i];
    if (v !== undefined) out[k] = v;
  });
  return out;
}

/**
 * One fund row: label cells, then 目标申报数, 预算编制数, 全年预算数, 全年执行数, 结余, 执行率, 得分,
 * then the 偏差原因 text. Returns null (and records skips) when the numbers cannot be placed.
 */
function parseFundRow(
  ctx: Ctx,
  cells: readonly string[],
  line: number,
  unit: AmountUnit,
  where: string,
  notes: FormatNote[] | null,
): FundRow | null {
  const nums: NumCell[] = [];
  cells.forEach((text, idx) => {
    const grouped = readAmount(text);
    if (grouped === null) return;
    const decimal = unit === '万元' && COMMA_DECIMAL.test(text) ? text.replace(',', '.') : null;
    nums.push({ idx, text, grouped, decimal });
  });
  const firstIdx = nums[0]?.idx ?? cells.length;
  const lastIdx = nums[nums.length - 1]?.idx ?? -1;
  const label = normLabel(nonEmpty(cells.slice(0, firstIdx)).join(''));
  const reasonText = nonEmpty(cells.slice(lastIdx + 1)).join(' ');

  let keys: readonly FundKey[];
  if (nums.length >= 7) {
    keys = FUND_KEYS;
  } else if (nums.length === 6) {
    // One column is empty: either 得分 (only the 合计 row is scored) or 目标申报数.
    const noScore = FUND_KEYS.slice(0, 6);
    const noDeclared = FUND_KEYS.slice(1);
    const g = nums.map((n) => n.grouped);
    keys =
      consistency(assign(noScore, g)) >= consistency(assign(noDeclared, g)) ? noScore : noDeclared;
  } else {
    for (const n of nums) {
      ctx.skipped.push({
        line,
        text: n.text,
        where,
        reason: `资金行只有${nums.length}个数字，无法对应到年初预算数、全年预算数、全年执行数、结余、执行率、得分各列`,
      });
    }
    return null;
  }
  for (const extra of nums.slice(keys.length)) {
    ctx.skipped.push({
      line,
      text: extra.text,
      where,
      reason: '资金行数字多于标准列数，多出的数字未采用',
    });
  }
  const used = nums.slice(0, keys.length);

  // A "138,231" in a 万元 table: read the comma as a decimal mark only when that reading makes
  // the row's own arithmetic hold and the thousands reading does not.
  let values = used.map((n) => n.grouped);
  if (used.some((n) => n.decimal !== null)) {
    const alt = used.map((n) => n.decimal ?? n.grouped);
    if (consistency(assign(keys, alt)) > consistency(assign(keys, values))) {
      values = alt;
      used.forEach((n, i) => {
        if (n.decimal === null) return;
        const key = keys[i] ?? 'executed';
        const reason = `逗号用作小数点：按千位分隔读作 ${n.grouped}${unit} 与本行的执行率、结余不符，按小数读作 ${n.decimal}${unit} 则相符`;
        ctx.corrections.push({ line, printed: n.text, value: n.decimal, reason });
        notes?.push({
          line,
          field: `${label || '资金'}.${key}`,
          printed: n.text,
          value: n.decimal,
          note: reason,
        });
      });
    }
  }
  const byKey = assign(keys, values);
  const f = (k: FundKey): Fig | null => {
    const v = byKey[k];
    return v === undefined ? null : { v, line };
  };
  return {
    label,
    line,
    declared: f('declared'),
    budgeted: f('budgeted'),
    fullYearBudget: f('fullYearBudget'),
    executed: f('executed'),
    balance: f('balance'),
    executionRate: f('executionRate'),
    executionScore: f('executionScore'),
    deviationReason: reasonText === '' ? null : reasonText,
  };
}

function isTotalLabel(label: string): boolean {
  return /资金总额|合计|总计/.test(label);
}

function addToBlock(block: FundBlock, row: FundRow): void {
  if (block.total === null && isTotalLabel(row.label)) block.total = row;
  else block.rows.push(row);
}

// ---------------------------------------------------------------- indicator rows

type ValueKey = 'initialTarget' | 'target' | 'actual' | 'qualitative';

interface IndicatorHeader {
  weightIdx: number;
  scoreIdx: number;
  valueKeys: ValueKey[];
}

function valueKeyOf(label: string): ValueKey | null {
  if (label.includes('年初')) return 'initialTarget';
  if (label.includes('调整后') || label.includes('年度指标') || label === '指标值') return 'target';
  if (label.includes('实际')) return 'actual';
  if (label.includes('定性')) return 'qualitative';
  return null;
}

function isIndicatorHeader(cells: readonly string[]): boolean {
  return cells.includes('一级指标') && (cells.includes('三级指标') || cells.includes('指标名称'));
}

function parseIndicatorHeader(cells: readonly string[]): IndicatorHeader {
  const nameIdx = Math.max(cells.indexOf('三级指标'), cells.indexOf('指标名称'));
  const weightIdx = cells.findIndex((c) => c === '分值' || c === '权重');
  const scoreIdx = cells.indexOf('得分');
  const valueKeys: ValueKey[] = [];
  const end = weightIdx > nameIdx ? weightIdx : cells.length;
  for (const c of cells.slice(nameIdx + 1, end)) {
    const k = c === '' ? null : valueKeyOf(c);
    if (k !== null && !valueKeys.includes(k)) valueKeys.push(k);
  }
  return {
    weightIdx,
    scoreIdx,
    valueKeys: valueKeys.length > 0 ? valueKeys : ['target', 'actual'],
  };
}

/** Places the value cells of a row on the header's value columns (rows often shift by a cell). */
function placeValues(
  region: readonly string[],
  keys: readonly ValueKey[],
  aligned: boolean,
): Record<ValueKey, string | null> {
  const out: Record<ValueKey, string | null> = {
    initialTarget: null,
    target: null,
    actual: null,
    qualitative: null,
  };
  const n = keys.length;
  let placed: (string | undefined)[];
  if (aligned && region.length === n) {
    placed = [...region];
  } else {
    let a = 0;
    let b = region.length;
    while (a < b && region[a] === '') a++;
    while (b > a && region[b - 1] === '') b--;
    const core = region.slice(a, b);
    if (core.length >= n) {
      placed = [
        ...core.slice(0, n - 1),
        core
          .slice(n - 1)
          .filter((c) => c !== '')
          .join(' '),
      ];
    } else {
      // Right-align on 实际完成值: blank 年初指标值 is the common case for qualitative rows.
      const actualPos = keys.includes('actual') ? keys.indexOf('actual') : n - 1;
      let start = Math.max(0, actualPos - core.length + 1);
      if (start + core.length > n) start = n - core.length;
      placed = new Array<string | undefined>(n).fill(undefined);
      core.forEach((c, i) => (placed[start + i] = c));
    }
  }
  keys.forEach((k, i) => {
    const v = placed[i];
    out[k] = v === undefined || v === '' ? null : v;
  });
  return out;
}

function parseIndicatorRow(
  cells: readonly string[],
  line: number,
  header: IndicatorHeader,
  carry: Carry,
): Indicator | null {
  if (isBlank(cells) || cells.every((c) => c === '' || /^-+$/.test(c))) return null;
  let weightIdx = -1;
  let scoreIdx = -1;
  if (num(cells[header.weightIdx]) && num(cells[header.scoreIdx])) {
    weightIdx = header.weightIdx;
    scoreIdx = header.scoreIdx;
  } else {
    let k = -1;
    for (let i = cells.length - 1; i >= 0; i--) {
      if (num(cells[i])) {
        k = i;
        break;
      }
    }
    if (k >= 0) {
      let j = k - 1;
      while (j >= 0 && cells[j] === '') j--;
      if (j >= 0 && num(cells[j]) && k - j <= 2) {
        weightIdx = j;
        scoreIdx = k;
      } else if (k === header.scoreIdx) {
        scoreIdx = k;
      } else {
        weightIdx = k;
      }
    }
  }
  const firstScore = [weightIdx, scoreIdx].filter((i) => i >= 0);
  const scoreStart = firstScore.length > 0 ? Math.min(...firstScore) : cells.length;
  const scoreEnd = firstScore.length > 0 ? Math.max(...firstScore) : cells.length - 1;
  const prefix = cells.slice(0, scoreStart);
  const nameIdx = readLevels(prefix, carry);
  const name = nameIdx >= 0 ? (prefix[nameIdx] ?? null) : null;
  const region = nameIdx >= 0 ? prefix.slice(nameIdx + 1) : [];
  const values = placeValues(region, header.valueKeys, scoreStart === header.weightIdx);
  const reason = nonEmpty(cells.slice(scoreEnd + 1)).join(' ');
  const weight = weightIdx >= 0 ? figOf(cells[weightIdx] ?? '', line) : null;
  const score = scoreIdx >= 0 ? figOf(cells[scoreIdx] ?? '', line) : null;
  if (
    name === null &&
    weight === null &&
    score === null &&
    Object.values(values).every((v) => v === null)
  ) {
    return null;
  }
  return {
    line,
    level1: carry.l1,
    level2: carry.l2,
    name,
    initialTarget: values.initialTarget,
    target: values.target,
    actual: values.actual,
    qualitative: values.qualitative,
    weight,
    score,
    deviationReason: firstScore.length > 0 && reason !== '' ? reason : null,
  };
}

function parseTotalRow(
  cells: readonly string[],
  line: number,
): { total: Fig | null; grade: { v: Grade; line: number } | null } {
  const numeric = cells.filter((c) => num(c));
  const last = numeric[numeric.length - 1];
  const g = cells.find((c) => GRADE_RE.test(c));
  const gv = g === undefined ? null : asGrade(g);
  return {
    total: last === undefined ? null : figOf(last, line),
    grade: gv === null ? null : { v: gv, line },
  };
}

// ---------------------------------------------------------------- 项目支出绩效自评表

function isEvalStart(doc: SourceDoc, n: number): boolean {
  const cells = rowAt(doc, n);
  if (normLabel(cells[0] ?? '') !== '项目名称') return false;
  for (let k = n + 1; k <= Math.min(n + 4, doc.lines.length); k++) {
    if ((doc.lines[k - 1] ?? '').includes('年初预算数')) return true;
  }
  return false;
}

function isTargetStart(doc: SourceDoc, n: number): boolean {
  const cells = rowAt(doc, n);
  if (normLabel(cells[0] ?? '') !== '项目名称') return false;
  for (let k = n + 1; k <= Math.min(n + 5, doc.lines.length); k++) {
    const t = doc.lines[k - 1] ?? '';
    if (normLabel(cellsOf(t)[0] ?? '').startsWith('项目资金') && /资金总额/.test(t)) return true;
  }
  return false;
}

function unitOf(text: string): AmountUnit {
  return /[(（]元[)）]/.test(text) && !/万元/.test(text) ? '元' : '万元';
}

function parseEvaluation(
  ctx: Ctx,
  start: number,
  end: number,
  id: string,
  titles: Set<number>,
): ProjectEvaluation {
  const { doc } = ctx;
  const title = titleAbove(doc, start);
  for (let t = title.line; t < start; t++) titles.add(t);
  const first = rowAt(doc, start);
  const name = firstAfter(first, (c) => normLabel(c) === '项目名称') ?? '';
  const where = `${W_EVAL}：${name}`;
  const p: ProjectEvaluation = {
    id,
    name,
    line: title.text === '' ? start : title.line,
    title: title.text,
    year: title.year,
    layout: 'full-table',
    unit: '万元',
    department: null,
    budgetUnit: null,
    funds: { total: null, rows: [] },
    annualGoal: null,
    goalOutcome: null,
    indicators: [],
    totalScore: null,
    grade: null,
    formatNotes: [],
  };
  let state: 'head' | 'funds' | 'goal' | 'pre' | 'indicators' | 'after' = 'head';
  let header: IndicatorHeader | null = null;
  const carry: Carry = { l1: null, l2: null };
  for (let n = start + 1; n < end; n++) {
    const raw = doc.lines[n - 1] ?? '';
    const cells = cellsOf(raw);
    if (isBlank(cells)) continue;
    const lead = normLabel(nonEmpty(cells)[0] ?? '');
    if (/^备注/.test(lead)) break;
    if (lead.startsWith('主管部门')) {
      p.department = firstAfter(cells, (c) => normLabel(c).startsWith('主管部门'));
      p.budgetUnit = firstAfter(cells, (c) => /^(预算单|实施单位)/.test(normLabel(c)));
      continue;
    }
    if (state === 'head' && raw.includes('年初预算数')) {
      p.unit = unitOf(raw);
      state = 'funds';
      continue;
    }
    if (isIndicatorHeader(cells)) {
      header = parseIndicatorHeader(cells);
      state = 'indicators';
      continue;
    }
    if ((state === 'funds' || state === 'head') && /年度目标|年度绩效目标/.test(raw)) {
      state = 'goal';
      continue;
    }
    if (lead === '总分') {
      const t = parseTotalRow(cells, n);
      p.totalScore = t.total;
      p.grade = t.grade;
      if (t.total === null)
        ctx.skipped.push({ line: n, text: raw.trim(), where, reason: '总分行没有可读的分数' });
      state = 'after';
      continue;
    }
    switch (state) {
      case 'funds': {
        if (!cells.some((c) => num(c))) continue;
        const row = parseFundRow(ctx, cells, n, p.unit, where, p.formatNotes);
        if (row !== null) addToBlock(p.funds, row);
        break;
      }
      case 'goal': {
        const texts = nonEmpty(cells);
        p.annualGoal = texts[0] ?? null;
        p.goalOutcome = texts.slice(1).join(' ') || null;
        const stated = p.goalOutcome === null ? null : statedFundsIn(p.goalOutcome, n);
        if (stated) p.statedFunds = stated;
        state = 'pre';
        break;
      }
      case 'indicators': {
        if (header === null) break;
        const ind = parseIndicatorRow(cells, n, header, carry);
        if (ind !== null) p.indicators.push(ind);
        break;
      }
      case 'head':
      case 'pre':
        for (const c of cells) {
          if (num(c))
            ctx.skipped.push({
              line: n,
              text: c,
              where,
              reason: '该行不属于资金或指标部分，数字未采用',
            });
        }
        break;
      case 'after': {
        const full = fullyExecutedIn(raw, n);
        if (full) p.statedFunds = { ...(p.statedFunds ?? NO_STATED_FUNDS), fullyExecuted: full };
        break;
      }
    }
  }
  if (header === null) {
    ctx.skipped.push({
      line: start,
      text: name,
      where,
      reason: '未找到绩效指标表头（一级指标/三级指标），指标未读取',
    });
  }
  return p;
}

// ---------------------------------------------------------------- 部门整体支出绩效自评

function parseDepartment(ctx: Ctx): DepartmentEvaluation | null {
  const { doc } = ctx;
  const titleIdx = doc.lines.findIndex((l) => l.includes(W_DEPT) && !l.includes('\t'));
  if (titleIdx < 0) return null;
  const titleLine = titleIdx + 1;
  const where = W_DEPT;
  const d: DepartmentEvaluation = {
    name: null,
    line: titleLine,
    unit: '元',
    bySource: { total: null, rows: [] },
    byDirection: { total: null, rows: [] },
    indicators: [],
    statedExecutionScore: null,
    statedIndicatorScore: null,
    totalScore: null,
    grade: null,
  };
  let block: FundBlock | null = null;
  let header: IndicatorHeader | null = null;
  const carry: Carry = { l1: null, l2: null };
  let units: AmountUnit | null = null;
  for (let n = titleLine + 1; n <= doc.lines.length; n++) {
    const raw = doc.lines[n - 1] ?? '';
    const cells = cellsOf(raw);
    const m = /^主管部门[:：]\s*(.+)$/.exec(raw.trim());
    if (m && d.name === null) d.name = (m[1] ?? '').trim();
    const lead = normLabel(cells[0] ?? '');
    if (lead.startsWith('按资金来源') || lead.startsWith('按资金方向')) {
      block = lead.startsWith('按资金来源') ? d.bySource : d.byDirection;
      units = unitOf(raw);
      d.unit = units;
      header = null;
      continue;
    }
    if (isIndicatorHeader(cells)) {
      header = parseIndicatorHeader(cells);
      block = null;
      continue;
    }
    if (block !== null) {
      if (!raw.includes('\t')) {
        if (raw.trim() !== '') block = null;
        continue;
      }
      if (!cells.some((c) => num(c))) continue;
      const row = parseFundRow(ctx, cells, n, units ?? '元', where, null);
      if (row !== null) addToBlock(block, row);
      continue;
    }
    if (header !== null) {
      if (raw.trim() === '') continue;
      if (!raw.includes('\t') || /^[-\s]+$/.test(raw.replace(/\t/g, ''))) {
        header = null;
        continue;
      }
      const ind = parseIndicatorRow(cells, n, header, carry);
      if (ind !== null) d.indicators.push(ind);
      continue;
    }
    const pick = (re: RegExp): Fig | null => {
      const r = re.exec(raw);
      return r ? figOf(r[1] ?? '', n) : null;
    };
    // 人员情况: the staffing the whole-department figures are spent on (per-person measures).
    const quota = pick(/核定人员编制数\s*[：:]?\s*(\d+)/);
    if (quota !== null && d.staffQuota === undefined) d.staffQuota = quota;
    const actual = pick(/实际在职人员总数\s*[：:]?\s*(\d+)/);
    if (actual !== null && d.staffActual === undefined) d.staffActual = actual;
    const onEstablishment = pick(/在编人员数\s*(?:[（(]人[)）])?\s*[：:]?\s*(\d+)/);
    if (onEstablishment !== null && d.staffOnEstablishment === undefined)
      d.staffOnEstablishment = onEstablishment;
    const other = pick(/其他人员数\s*(?:[（(]人[)）])?\s*[：:]?\s*(\d+)/);
    if (other !== null && d.staffOther === undefined) d.staffOther = other;
    d.statedExecutionScore ??= pick(/预算执行情况得分\s*([\d.]+)\s*分/);
    d.statedIndicatorScore ??= pick(/指标完成情况得分\s*([\d.]+)\s*分/);
    if (d.totalScore === null) {
      const t = pick(/总得分\s*([\d.]+)\s*分/);
      if (t !== null) {
        d.totalScore = t;
        const g = /属于\s*[“"「]?([优良中差])/.exec(raw);
        const gv = g ? asGrade(g[1] ?? '') : null;
        if (gv !== null) d.grade = { v: gv, line: n };
      }
    }
  }
  return d;
}

// ---------------------------------------------------------------- summary lists (budget/payment, score/grade)

interface Token {
  text: string;
  line: number;
}

const HEADING_RE =
  /^\s*([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+部分)/;
const DEC_RE = /^\d+(\.\d+)?$/;

function tokensBetween(
  doc: SourceDoc,
  from: number,
  stop: (n: number) => boolean,
): { tokens: Token[]; end: number } {
  const tokens: Token[] = [];
  let n = from;
  for (; n <= doc.lines.length; n++) {
    if (stop(n)) break;
    for (const raw of (doc.lines[n - 1] ?? '').trim().split(/\s+/)) {
      if (raw === '') continue;
      // Numbers glue to labels in wrapped text: "270.00优", "费用130.00".
      const parts = raw.split(/(?<=\d\.\d{2})(?=\D)|(?<=[^\d.])(?=\d+\.\d{2}$)/);
      for (const t of parts) if (t !== '') tokens.push({ text: t, line: n });
    }
  }
  return { tokens, end: n };
}

interface ListRow {
  seq: string;
  line: number;
  name: string;
  a: Token | null;
  b: Token | null;
}

/** Rows "代码 名称 数 数|等级"; `second` tells what ends a row. */
function readList(
  ctx: Ctx,
  tokens: Token[],
  where: string,
  second: 'number' | 'grade',
): { rows: ListRow[]; total: ListRow | null } {
  const rows: ListRow[] = [];
  let total: ListRow | null = null;
  let cur: ListRow | null = null;
  for (const t of tokens) {
    if (cur === null) {
      if (/^\d{1,3}$/.test(t.text) || t.text === '总计' || t.text === '合计') {
        cur = { seq: t.text, line: t.line, name: '', a: null, b: null };
      } else if (DEC_RE.test(t.text)) {
        ctx.skipped.push({
          line: t.line,
          text: t.text,
          where,
          reason: '清单中不属于任何项目行的数字',
        });
      }
      continue;
    }
    if (cur.a === null) {
      if (DEC_RE.test(t.text) && (cur.name !== '' || cur.seq === '总计' || cur.seq === '合计'))
        cur.a = t;
      else cur.name += t.text;
      continue;
    }
    const done = second === 'number' ? DEC_RE.test(t.text) : GRADE_RE.test(t.text);
    if (done) {
      cur.b = t;
      if (cur.seq === '总计' || cur.seq === '合计') total = cur;
      else rows.push(cur);
      cur = null;
    } else {
      ctx.skipped.push({
        line: t.line,
        text: cur.a.text,
        where,
        reason: `“${cur.name}”行缺少第二列，无法读取`,
      });
      cur = null;
    }
  }
  if (cur?.a)
    ctx.skipped.push({
      line: cur.a.line,
      text: cur.a.text,
      where,
      reason: `“${cur.name}”行不完整`,
    });
  return { rows, total };
}

function joinedWithLines(
  doc: SourceDoc,
  from: number,
  to: number,
): { text: string; lineAt: (i: number) => number } {
  let text = '';
  const starts: { at: number; line: number }[] = [];
  for (let n = Math.max(1, from); n <= Math.min(to, doc.lines.length); n++) {
    const t = (doc.lines[n - 1] ?? '').trim();
    if (t === '') continue;
    starts.push({ at: text.length, line: n });
    text += t;
  }
  return {
    text,
    lineAt: (i) => {
      let line = starts[0]?.line ?? from;
      for (const s of starts) if (s.at <= i) line = s.line;
      return line;
    },
  };
}

function statedFig(j: { text: string; lineAt: (i: number) => number }, re: RegExp): Fig | null {
  const m = re.exec(j.text);
  if (!m || m[1] === undefined) return null;
  const v = readAmount(m[1]);
  return v === null ? null : { v, line: j.lineAt(m.index + m[0].indexOf(m[1])) };
}

/**
 * The 实际完成情况 text's own words on the project's funds: 预算 (全年预算资金 250000元, 预算1.10
 * 万元), the amount used (实际使用经费, 使用资金为, 执行数, 实际支出) and 执行率 or 支出进度. Only an
 * amount right after its word counts: "年初预算“…”30万元" or a payment "共计38.241万元" does not.
 */
export function statedFundsIn(text: string, line: number): StatedFunds | null {
  const amount = (re: RegExp): StatedFunds['budget'] => {
    const m = re.exec(text);
    const v = m?.[1] === undefined ? null : readAmount(m[1]);
    return m && v !== null ? { v, line, unit: m[2] === '元' ? '元' : '万元' } : null;
  };
  const j = { text, lineAt: () => line };
  const stated: StatedFunds = {
    // Not 年初预算 (the 年初预算数 column) nor a change to it (追加, 调增, 调减 …).
    budget: amount(
      /(?<!年初|追加|调增|调减|调剂|压减|减少|增加|核减|收回)预算(?:资金|金额|数)?(?:为|是)?\s*([\d.,]+)\s*(万元|元)/,
    ),
    // Not what was left unused (未使用资金, 尚未使用).
    executed: amount(
      /(?<!未|没有|不)(?:实际使用(?:经费|资金)?|使用资金|执行数|实际支出|支出金额)(?:为|是)?\s*([\d.,]+)\s*(万元|元)/,
    ),
    rate: statedFig(j, /(?:执行率|支出进度)(?:为|达|是)?\s*([\d.]+)\s*%/),
  };
  const full = fullyExecutedIn(text, line);
  if (full) stated.fullyExecuted = full;
  return stated.budget || stated.executed || stated.rate || full ? stated : null;
}

const NO_STATED_FUNDS: StatedFunds = { budget: null, executed: null, rate: null };

/** "项目预算执行情况, 全额执行": a text saying the budget was spent in full, as printed. */
export function fullyExecutedIn(text: string, line: number): { text: string; line: number } | null {
  const m = /预算执行[^。；]{0,8}?(?:全额执行|全部执行完毕|全部执行)/.exec(text);
  // "未全额执行", "未能全部执行", "没有全部执行" say the opposite.
  return m && !/[未没不尚]/.test(m[0]) ? { text: m[0], line } : null;
}

function parseSummaryLists(
  ctx: Ctx,
  firstId: number,
): { projects: ProjectEvaluation[]; summary: ProjectSummary | null } {
  const { doc } = ctx;
  const budgetHead =
    doc.lines.findIndex((l) => /^\s*代码\s*项目名称\s*预算指标\s*支付金额/.test(l)) + 1;
  const scoreHead = doc.lines.findIndex((l) => /^\s*代码\s*项目名称\s*得分\s*自评结果/.test(l)) + 1;
  if (budgetHead === 0 && scoreHead === 0) return { projects: [], summary: null };
  const stopAt = (n: number): boolean =>
    HEADING_RE.test(doc.lines[n - 1] ?? '') || n === budgetHead || n === scoreHead;
  const budget = budgetHead > 0 ? tokensBetween(doc, budgetHead + 1, stopAt) : null;
  const score = scoreHead > 0 ? tokensBetween(doc, scoreHead + 1, stopAt) : null;
  const bl = budget ? readList(ctx, budget.tokens, W_LIST, 'number') : { rows: [], total: null };
  const sl = score ? readList(ctx, score.tokens, W_LIST, 'grade') : { rows: [], total: null };

  const anchor = budgetHead > 0 ? budgetHead : scoreHead;
  const before = joinedWithLines(doc, anchor - 30, anchor - 1);
  const yearM = /(\d{4})\s*年\s*项目预算/.exec(before.text);
  const seqs = [...new Set([...bl.rows.map((r) => r.seq), ...sl.rows.map((r) => r.seq)])];
  const projects: ProjectEvaluation[] = seqs.map((seq, i) => {
    const b = bl.rows.find((r) => r.seq === seq) ?? null;
    const s = sl.rows.find((r) => r.seq === seq) ?? null;
    const gv = s?.b ? asGrade(s.b.text) : null;
    const total: FundRow | null = b
      ? {
          label: '预算指标/支付金额',
          line: b.line,
          declared: null,
          budgeted: null,
          fullYearBudget: b.a ? figOf(b.a.text, b.a.line) : null,
          executed: b.b ? figOf(b.b.text, b.b.line) : null,
          balance: null,
          executionRate: null,
          executionScore: null,
          deviationReason: null,
        }
      : null;
    if (b && s && b.name !== s.name) {
      ctx.skipped.push({
        line: s.line,
        text: s.name,
        where: W_LIST,
        reason: `得分清单第${seq}行项目名称与预算清单“${b.name}”不同，按代码合并`,
      });
    }
    return {
      id: `p${firstId + i}`,
      name: b?.name ?? s?.name ?? seq,
      line: b?.line ?? s?.line ?? anchor,
      title: (doc.lines[anchor - 1] ?? '').trim(),
      year: yearM ? Number(yearM[1]) : null,
      layout: 'summary-list',
      unit: '万元',
      department: null,
      budgetUnit: null,
      funds: { total, rows: [] },
      annualGoal: null,
      goalOutcome: null,
      indicators: [],
      totalScore: s?.a ? figOf(s.a.text, s.a.line) : null,
      grade: gv !== null && s?.b ? { v: gv, line: s.b.line } : null,
      formatNotes: [],
    };
  });
  const after = joinedWithLines(
    doc,
    budget?.end ?? anchor,
    scoreHead > 0 ? scoreHead - 1 : (budget?.end ?? anchor) + 30,
  );
  const summary: ProjectSummary = {
    line: before.lineAt(Math.max(0, before.text.indexOf('预算到位资金'))),
    statedBudget: statedFig(before, /预算到位资金\s*([\d.,]+)\s*万元/),
    statedExecuted: statedFig(before, /支出金额\s*([\d.,]+)\s*万元/),
    statedRate: statedFig(before, /支出进度\s*([\d.]+)\s*%/),
    tableBudget: bl.total?.a ? figOf(bl.total.a.text, bl.total.a.line) : null,
    tableExecuted: bl.total?.b ? figOf(bl.total.b.text, bl.total.b.line) : null,
    statedCount: statedFig(after, /涉及\s*(\d+)\s*个项目/),
  };
  return { projects, summary };
}

// ---------------------------------------------------------------- 项目支出绩效目标表

function parseTargetIndicator(
  cells: readonly string[],
  line: number,
  carry: Carry,
): TargetIndicator | null {
  const ne = nonEmpty(cells).filter((c) => c !== '绩效指标');
  let i = 0;
  let leftL2: string | null = null;
  if (
    ne[i] !== undefined &&
    (L1_WORDS.has(ne[i] ?? '') || (ne[i] === '成本指标' && COST_L2.has(ne[i + 1] ?? '')))
  ) {
    carry.l1 = ne[i] ?? null;
    carry.l2 = null;
    i++;
  }
  if (ne[i] !== undefined && L2_WORDS.has(ne[i] ?? '')) {
    leftL2 = ne[i] ?? null;
    i++;
  }
  // The 年度 half is [二级, 三级, 指标值] at the end of the row; a name may itself be a level word.
  const from = Math.max(i, ne.length - 3);
  let r = ne.findIndex((c, k) => k >= from && L2_WORDS.has(c));
  let left: string[];
  let right: string[];
  let rightL2: string | null = null;
  if (r >= 0) {
    left = ne.slice(i, r);
    rightL2 = ne[r] ?? null;
    right = ne.slice(r + 1);
  } else {
    const rest = ne.slice(i);
    r = Math.ceil(rest.length / 2);
    left = rest.slice(0, r);
    right = rest.slice(r);
  }
  carry.l2 = rightL2 ?? leftL2 ?? carry.l2;
  const name = right[0] ?? left[0] ?? null;
  const periodValue = left.length > 1 ? left.slice(1).join(' ') : null;
  const annualValue = right.length > 1 ? right.slice(1).join(' ') : null;
  if (name === null && periodValue === null && annualValue === null) return null;
  return { line, level1: carry.l1, level2: carry.l2, name, periodValue, annualValue };
}

function parseTarget(
  ctx: Ctx,
  start: number,
  end: number,
  id: string,
  titles: Set<number>,
): ProjectTarget {
  const { doc } = ctx;
  const title = titleAbove(doc, start);
  for (let t = title.line; t < start; t++) titles.add(t);
  const name = firstAfter(rowAt(doc, start), (c) => normLabel(c) === '项目名称') ?? '';
  const where = `${W_TARGET}：${name}`;
  const t: ProjectTarget = {
    id,
    name,
    line: title.text === '' ? start : title.line,
    title: title.text,
    year: title.year,
    unit: '元',
    department: null,
    implementingUnit: null,
    attribute: null,
    period: null,
    funds: { total: null, rows: [] },
    periodGoal: null,
    annualGoal: null,
    indicators: [],
    reportDate: null,
  };
  let state: 'head' | 'funds' | 'text' | 'indicators' = 'head';
  const carry: Carry = { l1: null, l2: null };
  for (let n = start + 1; n < end; n++) {
    const raw = doc.lines[n - 1] ?? '';
    const cells = cellsOf(raw);
    if (isBlank(cells)) {
      if (state === 'indicators') break;
      continue;
    }
    const lead = normLabel(cells[0] ?? '');
    if (lead.startsWith('主管部门')) {
      t.department = firstAfter(cells, (c) => normLabel(c).startsWith('主管部门'));
      t.implementingUnit = firstAfter(cells, (c) => normLabel(c).startsWith('实施单位'));
      continue;
    }
    if (lead.startsWith('项目属性')) {
      t.attribute = firstAfter(cells, (c) => normLabel(c).startsWith('项目属性'));
      t.period = firstAfter(cells, (c) => normLabel(c) === '项目期');
      continue;
    }
    if (lead.startsWith('项目资金')) {
      t.unit = unitOf(raw);
      state = 'funds';
    } else if (state === 'funds' && lead !== '') {
      state = 'text';
    }
    if (lead.startsWith('负责人')) {
      const d = firstAfter(cells, (c) => normLabel(c).startsWith('填报日期'));
      t.reportDate = d !== null && /^\d+$/.test(d) ? d : null;
      if (t.reportDate !== null) t.reportDateLine = n;
      break;
    }
    if (state === 'funds') {
      const pairs: { label: string; value: Fig | null }[] = [];
      cells.forEach((c, k) => {
        if (c === '' || (k === 0 && normLabel(c).startsWith('项目资金'))) return;
        const v = figOf(c, n);
        if (v === null) pairs.push({ label: normLabel(c), value: null });
        else if (pairs.length > 0 && (pairs[pairs.length - 1]?.value ?? null) === null) {
          const last = pairs[pairs.length - 1];
          if (last) last.value = v;
        } else
          ctx.skipped.push({ line: n, text: c, where, reason: '资金数字前没有对应的资金名称' });
      });
      const first = pairs[0];
      if (first === undefined) continue;
      const row: TargetFund = {
        label: /资金总额/.test(first.label) ? '资金总额' : first.label,
        line: n,
        period: first.value,
        annual: pairs[1]?.value ?? null,
      };
      for (const extra of pairs.slice(2)) {
        if (extra.value)
          ctx.skipped.push({
            line: n,
            text: extra.value.v,
            where,
            reason: '资金行多于实施期、年度两列',
          });
      }
      if (row.label === '资金总额' && t.funds.total === null) t.funds.total = row;
      else t.funds.rows.push(row);
      continue;
    }
    if (lead === '总体目标') {
      const texts = nonEmpty(cells.slice(1));
      t.periodGoal = texts[0] ?? null;
      t.annualGoal = texts[1] ?? null;
      continue;
    }
    if (cells.includes('三级指标')) {
      state = 'indicators';
      readLevels(
        cells.filter((c) => L1_WORDS.has(c)),
        carry,
      );
      continue;
    }
    if (state === 'indicators') {
      const ind = parseTargetIndicator(cells, n, carry);
      if (ind !== null) t.indicators.push(ind);
    }
  }
  return t;
}

function parseTargetSummary(doc: SourceDoc): TargetSummary | null {
  for (let n = 1; n <= doc.lines.length; n++) {
    const raw = doc.lines[n - 1] ?? '';
    const m =
      /纳入绩效目标管理的[^，,。]*?项目\s*(\d+)\s*个[，,]\s*共计金额\s*([\d.,]+)\s*万元/.exec(raw);
    if (m) return { line: n, count: figOf(m[1] ?? '', n), amount: figOf(m[2] ?? '', n) };
  }
  return null;
}

// ---------------------------------------------------------------- entry point

export function parsePerformance(doc: SourceDoc): {
  performance: Performance;
  corrections: PerformanceCorrection[];
  skipped: PerformanceSkip[];
} {
  const ctx: Ctx = { doc, corrections: [], skipped: [] };
  const starts: { line: number; kind: 'eval' | 'target' }[] = [];
  for (let n = 1; n <= doc.lines.length; n++) {
    if (isEvalStart(doc, n)) starts.push({ line: n, kind: 'eval' });
    else if (isTargetStart(doc, n)) starts.push({ line: n, kind: 'target' });
  }
  const titles = new Set<number>();
  const projects: ProjectEvaluation[] = [];
  const targets: ProjectTarget[] = [];
  starts.forEach((s, i) => {
    const end = starts[i + 1]?.line ?? doc.lines.length + 1;
    if (s.kind === 'eval')
      projects.push(parseEvaluation(ctx, s.line, end, `p${projects.length + 1}`, titles));
    else targets.push(parseTarget(ctx, s.line, end, `t${targets.length + 1}`, titles));
  });
  const lists = parseSummaryLists(ctx, projects.length + 1);
  projects.push(...lists.projects);

  // A standard title with no table we could read under it: say so rather than drop it.
  doc.lines.forEach((l, i) => {
    const n = i + 1;
    if (titles.has(n) || l.includes('\t')) return;
    if (/项目支出绩效自评表|项目支出绩效目标表/.test(l)) {
      ctx.skipped.push({
        line: n,
        text: l.trim(),
        where: l.includes('目标') ? W_TARGET : W_EVAL,
        reason: '找到表题，但其下没有可识别的表格（缺少“项目名称”或资金表头）',
      });
    }
  });

  return {
    performance: {
      projects,
      projectSummary: lists.summary,
      department: parseDepartment(ctx),
      targets,
      targetSummary: parseTargetSummary(doc),
    },
    corrections: ctx.corrections,
    skipped: ctx.skipped,
  };
}
