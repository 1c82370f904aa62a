/**
 * Narrative (第三部分 情况说明 / 预算情况说明) → structured statements.
 *
 * Keyed on the standard section headings and sentence patterns of the standard disclosure
 * format, never on a file's line numbers or unit name. Wrapped lines (the district layout) are
 * joined into one stream per section with a per-character line map, so a figure keeps the line
 * where it starts. Every number with a unit that no pattern takes is kept: in `skipped` when its
 * clause is a recognised statement kind, else as a `mention` (mostly 主要原因 explanations).
 */
import type { DerivedFig, Fig } from '../data/schema-common';
import {
  emptyNarrative,
  type Breakdown,
  type BreakdownPart,
  type Narrative,
  type NarrativeSection,
  type PerformanceSummary,
  type Sangong,
  type YoyReason,
} from '../data/schema-narrative';
import { dec, printedPlaces } from '../domain/money';
import { readAmount, type SourceDoc } from './source-doc';

export interface SkippedFigure {
  line: number;
  text: string;
  where: string;
  reason: string;
}

export interface NarrativeParse {
  narrative: Narrative;
  skipped: SkippedFigure[];
}

// ---------------------------------------------------------------------------------------------
// Vocabulary of the standard format

/** Standard 功能分类 类 names (2-level names as printed in the narrative) → 3-digit code. */
export const CLASS_CODES: Readonly<Record<string, string>> = {
  一般公共服务支出: '201',
  外交支出: '202',
  国防支出: '203',
  公共安全支出: '204',
  教育支出: '205',
  科学技术支出: '206',
  文化旅游体育与传媒支出: '207',
  社会保障和就业支出: '208',
  社会保险基金支出: '209',
  卫生健康支出: '210',
  节能环保支出: '211',
  城乡社区支出: '212',
  农林水支出: '213',
  交通运输支出: '214',
  资源勘探工业信息等支出: '215',
  商业服务业等支出: '216',
  金融支出: '217',
  援助其他地区支出: '219',
  自然资源海洋气象等支出: '220',
  住房保障支出: '221',
  粮油物资储备支出: '222',
  国有资本经营预算支出: '223',
  灾害防治及应急管理支出: '224',
  预备费: '227',
  其他支出: '229',
  转移性支出: '230',
  债务还本支出: '231',
  债务付息支出: '232',
  债务发行费用支出: '233',
};

/** 类 code for a label such as "一般公共服务支出(类)"; null when it is not a standard 类 name. */
export function classCode(label: string): string | null {
  const l = label.replace(/[（(]类[）)]$/, '').trim();
  return CLASS_CODES[l] ?? null;
}

const INCOME_KEYS: Readonly<Record<string, string>> = {
  财政拨款收入: 'fiscal',
  一般公共预算拨款收入: 'generalBudget',
  一般公共预算财政拨款收入: 'generalBudget',
  政府性基金预算拨款收入: 'governmentFund',
  政府性基金预算财政拨款收入: 'governmentFund',
  国有资本经营预算拨款收入: 'stateCapital',
  国有资本经营预算财政拨款收入: 'stateCapital',
  财政专户管理资金收入: 'specialAccount',
  单位资金: 'unitFunds',
  上级补助收入: 'superiorSubsidy',
  事业收入: 'business',
  经营收入: 'operating',
  附属单位上缴收入: 'affiliated',
  其他收入: 'other',
  上年结转: 'carryOver',
  本年收入: 'currentYear',
  一般公共预算拨款: 'generalBudget',
  政府性基金预算拨款: 'governmentFund',
  国有资本经营预算拨款: 'stateCapital',
  当年拨款收入: 'currentYear',
  上年结转收入: 'carryOver',
  本年预算安排: 'currentYear',
};

const EXPENSE_KEYS: Readonly<Record<string, string>> = {
  基本支出: 'basic',
  项目支出: 'project',
  上缴上级支出: 'toSuperior',
  经营支出: 'operating',
  对附属单位补助支出: 'toAffiliated',
};

/** 经济分类 类 names that the 基本支出 paragraph lists. */
const ECON_CODES: Readonly<Record<string, string>> = {
  工资福利支出: '301',
  商品和服务支出: '302',
  对个人和家庭补助: '303',
  资本性支出: '310',
};

const SANGONG_PARTS: readonly { re: RegExp; key: string; label: string }[] = [
  { re: /^因公出国[（(]境[）)]费/, key: 'sangong.abroad', label: '因公出国（境）费' },
  // The national template states the two vehicle items together first (公开09's 小计 column).
  // 上海's budgets say 公务用车购置及运行费 and 公务用车运行费: the same two items.
  {
    re: /^公务用车购置及运行(?:维护)?费/,
    key: 'sangong.vehicle',
    label: '公务用车购置及运行维护费',
  },
  { re: /^公务用车购置/, key: 'sangong.vehiclePurchase', label: '公务用车购置费' },
  { re: /^公务用车运行/, key: 'sangong.vehicleRunning', label: '公务用车运行维护费' },
  { re: /^公务接待费/, key: 'sangong.reception', label: '公务接待费' },
  { re: /^国内接待费/, key: 'sangong.reception.domestic', label: '国内接待费' },
  { re: /^外事接待费/, key: 'sangong.reception.foreignAffairs', label: '外事接待费' },
  { re: /^国[（(]境[）)]外接待费/, key: 'sangong.reception.abroad', label: '国（境）外接待费' },
];

const TOTAL_KEYS: Readonly<Record<string, string>> = {
  收入总计: 'incomeTotal',
  支出总计: 'expenseTotal',
  财政拨款收入总计: 'fiscalIncomeTotal',
  财政拨款支出总计: 'fiscalExpenseTotal',
  一般公共预算财政拨款支出: 'generalBudgetExpense',
};

const SECTION_NAMES: Readonly<Record<NarrativeSection, string>> = {
  overview: '概况',
  overall: '收入支出总体情况',
  income: '收入情况',
  expense: '支出情况',
  fiscal: '财政拨款收支总体情况',
  generalBudget: '一般公共预算财政拨款支出情况',
  basic: '一般公共预算基本支出情况',
  governmentFund: '政府性基金预算情况',
  stateCapital: '国有资本经营预算情况',
  sangong: '“三公”经费情况',
  operatingCosts: '机关运行经费情况',
  procurement: '政府采购情况',
  assets: '国有资产占用情况',
  performance: '预算绩效情况',
  other: '其他事项',
};

/** Section kind from a heading's text; null keeps the parent section (e.g. （一）总体情况). */
function classifyHeading(h: string): NarrativeSection | null {
  if (/三公/.test(h)) return 'sangong';
  if (/机关运行经费/.test(h)) return 'operatingCosts';
  if (/政府采购/.test(h)) return 'procurement';
  if (/国有资产/.test(h)) return 'assets';
  if (/绩效/.test(h)) return 'performance';
  if (/政府性基金/.test(h)) return 'governmentFund';
  if (/国有资本经营/.test(h)) return 'stateCapital';
  if (/基本支出/.test(h)) return 'basic';
  if (/一般公共预算/.test(h)) return 'generalBudget';
  if (/财政拨款收(?:入)?支(?:出)?/.test(h)) return 'fiscal';
  if (/收入支出决算总体|收支数据变动|收支(?:预算)?总[体表]/.test(h)) return 'overall';
  if (/收入(决算|预算)/.test(h)) return 'income';
  if (/支出(决算|预算)/.test(h)) return 'expense';
  if (/其他/.test(h)) return 'other';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Text layout: sections, wrapped lines, page headers

const HEADING_RE =
  /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])\s*\S/;
const TOP_HEADING_RE = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)/;

function isToc(t: string): boolean {
  return /\.{4,}|…{2,}/.test(t) || /\t\s*\d+\s*$/.test(t);
}

function isHeading(t: string): boolean {
  return (
    HEADING_RE.test(t) &&
    t.length <= 50 &&
    !/[，。；,;]$/.test(t) &&
    !/\d\s*(?:万元|%)/.test(t) &&
    !isToc(t) &&
    !t.includes('\t')
  );
}

/** Page footers ("-16-", "第3页") and the running title the district layout repeats on every page. */
function isPageFurniture(t: string): boolean {
  return (
    /^[-－—─]\s*\d+\s*[-－—─]$/.test(t) ||
    /^第\s*\d+\s*页/.test(t) ||
    /^\S{2,40}?\d{4}年度?(?:部门|单位)(?:决算|预算)公开(?:报告)?$/.test(t)
  );
}

interface Stream {
  section: NarrativeSection;
  heading: string;
  /** Joined text of the section. */
  text: string;
  /** Same length as text: years, dates and list markers blanked so they never read as figures. */
  masked: string;
  /** Source line (1-based) of every character of text. */
  lines: number[];
}

function mask(text: string): string {
  const blank = (s: string, ch: string) => s.replace(/\d/g, ch);
  return (
    text
      // "2019 年": PDF text often spaces a year from its 年.
      .replace(/\d{4}(?=\s{0,3}年)/g, (s) => blank(s, 'Y'))
      .replace(/\d{1,2}(?=月\d{1,2}日)/g, (s) => blank(s, 'M'))
      .replace(/(?<=月)\d{1,2}(?=日)/g, (s) => blank(s, 'D'))
      .replace(/(?<![\d.,])\d{1,2}(?=[、．](?!\d))/g, (s) => blank(s, '#'))
      .replace(/(?<![\d.,])\d{1,2}(?=\.(?!\d))/g, (s) => blank(s, '#'))
      // “（1）基本工资（款）支出…”: a list marker, never a figure.
      .replace(/(?<=[（(])\d{1,2}(?=[）)])/g, (s) => blank(s, '#'))
  );
}

function findPart(doc: SourceDoc, re: RegExp, from: number): number | null {
  for (let i = from; i <= doc.lines.length; i++) {
    const t = (doc.lines[i - 1] ?? '').trim();
    if (re.test(t) && !isToc(t)) return i;
  }
  return null;
}

/**
 * The narrative of a 上海 区级 budget, which has no 第三部分: its "2025年部门预算编制说明" (or 单位),
 * up to the first table's title, and its "其他相关情况说明" (三公, 机关运行经费, 政府采购, 绩效目标,
 * 国有资产), up to the first project's "…项目经费情况说明". Each as [heading line, end line).
 */
function budgetNoteRanges(doc: SourceDoc): [number, number][] {
  const ranges: [number, number][] = [];
  const end = doc.lines.length + 1;
  const note = findPart(doc, /^\d{4}\s*年\s*(?:部门|单位)预算编制说明$/, 1);
  const other = findPart(doc, /^其他相关情况说明$/, note ?? 1);
  if (note !== null) {
    // Up to the first table's title (printed with or without its year), or 其他相关情况说明.
    const table = findPart(
      doc,
      /^(?:\d{4}\s*年)?[^，。；：]{2,40}预算[^，。；：]{0,4}表$/,
      note + 1,
    );
    ranges.push([note, Math.min(table ?? end, other ?? end)]);
  }
  if (other !== null) {
    // Its own items are numbered ("一、2025年“三公”经费预算情况说明"); a project's heading is not.
    const last = findPart(doc, /^[^一二三四五六七八九十（(\d].{0,38}情况说明$/, other + 1);
    ranges.push([other, last ?? end]);
  }
  return ranges;
}

const SPACED = /(?<=[\u4e00-\u9fff，。；：、（）]) (?=[\u4e00-\u9fff，。；：、（）])/g;

/**
 * A justified line a PDF prints letter-spaced ("一 般 公 共 预 算 收 入 17981.68 万 元 ， 占"), read
 * as words. Only a line with at least three such gaps: a single space between two words stays.
 */
function unspaced(t: string): string {
  return (t.match(SPACED)?.length ?? 0) >= 3 ? t.replace(SPACED, '') : t;
}

/** Split lines [from, to) into one stream per heading, joining wrapped lines. */
function buildStreams(doc: SourceDoc, from: number, to: number, first: NarrativeSection): Stream[] {
  const streams: Stream[] = [];
  let topSection: NarrativeSection = first;
  let cur: { section: NarrativeSection; heading: string; text: string; lines: number[] } = {
    section: first,
    heading: '',
    text: '',
    lines: [],
  };
  const flush = () => {
    if (cur.text.trim() !== '') streams.push({ ...cur, masked: mask(cur.text) });
  };
  for (let n = from; n < to; n++) {
    const t = unspaced((doc.lines[n - 1] ?? '').trim());
    if (t === '' || isPageFurniture(t)) continue;
    if (isHeading(t)) {
      flush();
      const body = t.replace(HEADING_RE, (m) => m.slice(-1));
      const kind = classifyHeading(body);
      const top = TOP_HEADING_RE.test(t);
      const section = kind ?? (top ? first : topSection);
      if (top) topSection = section;
      cur = { section, heading: t, text: '', lines: [] };
      continue;
    }
    if (t.includes('\t')) {
      // A table row (e.g. the 绩效目标表 inside a budget's 绩效 section) ends the paragraph.
      if (cur.text !== '' && !cur.text.endsWith('\n')) {
        cur.text += '\n';
        cur.lines.push(n);
      }
      continue;
    }
    const prev = cur.text;
    const breakBefore =
      prev !== '' &&
      !prev.endsWith('\n') &&
      (/[。；：！？;:]$/.test(prev) ||
        /^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d))/.test(t));
    if (breakBefore) {
      cur.text += '\n';
      cur.lines.push(cur.lines[cur.lines.length - 1] ?? n);
    }
    cur.text += t;
    for (let i = 0; i < t.length; i++) cur.lines.push(n);
  }
  flush();
  return streams;
}

// ---------------------------------------------------------------------------------------------
// Regex helpers

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

/** Build a regex where `{N}` is a number and `{N:name}` a named number group. */
function rx(src: string): RegExp {
  const body = src
    .replace(/\{N:(\w+)\}/g, (_, name: string) => `(?<${name}>${NUM})`)
    .replace(/\{N\}/g, `(?:${NUM})`);
  return new RegExp(body, 'gd');
}

type Match = RegExpExecArray & { indices: RegExpIndicesArray };

function all(re: RegExp, s: string): Match[] {
  const out: Match[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    out.push(m as Match);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

function groupRange(m: Match, name: string): [number, number] | null {
  const r = m.indices.groups?.[name];
  return r ?? null;
}

function groupText(m: Match, name: string): string | null {
  return m.groups?.[name] ?? null;
}

const SUFFIX_UNIT = /^\s*(万元|%|个|人次|批次|辆|台[（(]套[）)]|台|名|人|平方米)/;

/** Strip list lead-ins and year prefixes from a label taken from running text. */
function cleanLabel(raw: string): string {
  let l = raw.trim();
  let prev = '';
  while (l !== prev) {
    prev = l;
    l = l
      .replace(/^(?:Y{4}|\d{4})年度?/, '')
      .replace(
        /^(?:本年度|其中|主要包括|包括|主要用于以下方面|主要用于|和|及|#+[、.．]|[（(][一二三四五六七八九十#]+[）)]|[：:，,、．\s])/,
        '',
      )
      .trim();
  }
  return l
    .replace(/[（(]类[）)]$/, '')
    .replace(/等$/, '')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// The parser

interface Subject {
  key: string;
  label: string;
  current: Fig | null;
}

class StreamParser {
  readonly used = new Set<number>();
  subject: Subject | null = null;
  countSubject = 'sangong';
  basis = '与上年相比';
  groupTotal: { key: string; label: string; total: Fig | null } | null = null;

  constructor(
    readonly st: Stream,
    readonly out: NarrativeBuilder,
  ) {}

  fig(m: Match, name: string): Fig | null {
    const r = groupRange(m, name);
    if (r === null) return null;
    return this.figAt(r[0], r[1]);
  }

  figAt(start: number, end: number): Fig | null {
    const v = readAmount(this.st.text.slice(start, end));
    if (v === null) return null;
    this.used.add(start);
    return { v, line: this.st.lines[start] ?? 1 };
  }

  lineAt(index: number): number {
    return this.st.lines[index] ?? 1;
  }

  /** The original (unmasked) text of a named group. */
  orig(m: Match, name: string): string | null {
    const r = groupRange(m, name);
    return r === null ? null : this.st.text.slice(r[0], r[1]);
  }
}

class NarrativeBuilder {
  readonly n: Narrative = emptyNarrative();
  readonly skipped: SkippedFigure[] = [];
  /** Reading 上海's 编制说明 and 其他相关情况说明 (budgetNoteRanges), whose wordings are theirs only. */
  budgetNotes = false;

  constructor(readonly kind: '决算' | '预算') {}

  latestTotal(key: string): Fig | null {
    for (let i = this.n.totals.length - 1; i >= 0; i--) {
      const t = this.n.totals[i];
      if (t?.key === key) return t.value;
    }
    return null;
  }

  addTotal(section: NarrativeSection, key: string, label: string, value: Fig): void {
    this.n.totals.push({ key, label, section, value });
  }

  breakdownFor(
    section: NarrativeSection,
    key: string,
    label: string,
    total: Fig | null,
    complete: boolean,
  ): Breakdown {
    let b = this.n.breakdowns.find((x) => x.key === key);
    if (b === undefined) {
      b = { key, label, section, total, complete, parts: [] };
      this.n.breakdowns.push(b);
    } else if (b.total === null && total !== null) {
      b.total = total;
    }
    return b;
  }

  sangong(): Sangong {
    this.n.sangong ??= { budget: null, actual: null, parts: [], counts: [] };
    return this.n.sangong;
  }

  performance(): PerformanceSummary {
    this.n.performance ??= {
      selfEvalProjects: null,
      selfEvalAmount: null,
      grades: [],
      overall: null,
      deptEvalProjects: null,
      deptEvalAmount: null,
      targetProjects: null,
      targetAmount: null,
      targetsByType: [],
      published: null,
    };
    return this.n.performance;
  }

  skip(st: Stream, index: number, text: string, reason: string): void {
    this.skipped.push({
      line: st.lines[index] ?? 1,
      text,
      where: `情况说明/${SECTION_NAMES[st.section]}`,
      reason,
    });
  }
}

/** The prior value of an amount said to be unchanged ("与上年相同", "与2024年预算持平"): the same. */
function unchangedPrior(current: Fig, line: number, prior: string, said: string): DerivedFig {
  return {
    v: current.v,
    derived: {
      formula: `${prior} = 本年数（${said}）= ${current.v}`,
      lines: [...new Set([current.line, line])],
    },
  };
}

function derivePrior(current: Fig, change: Fig, dir: '增加' | '减少', label: string): DerivedFig {
  const c = dec(current.v);
  const d = dec(change.v);
  // Places as printed ("1000.00" keeps two), not Decimal's normalised count.
  const places = Math.max(printedPlaces(current.v), printedPlaces(change.v));
  const prior = dir === '增加' ? c.minus(d) : c.plus(d);
  const op = dir === '增加' ? '−' : '+';
  return {
    v: prior.toFixed(places),
    derived: {
      formula: `${label}上年数 = 本年数 ${op} ${dir}额 = ${current.v} ${op} ${change.v}`,
      lines: [...new Set([current.line, change.line])],
    },
  };
}

/** In the 财政拨款收支 section a bare "支出总计" means 财政拨款支出总计. */
function fiscalLabel(s: NarrativeSection, lbl: string): string {
  return s === 'fiscal' && (lbl === '收入总计' || lbl === '支出总计') ? `财政拨款${lbl}` : lbl;
}

type Handler = () => void;
interface Ev {
  index: number;
  run: Handler;
}

/** Collect events of one regex; handlers run later in text order (subject binding needs order). */
function on(p: StreamParser, evs: Ev[], re: RegExp, fn: (m: Match) => void): void {
  for (const m of all(re, p.st.masked)) evs.push({ index: m.index, run: () => fn(m) });
}

/** Both totals named at once: 收、支总计 (national), 收入、支出预算总计 and 收、支总预算 (江苏). */
// 江苏's forms take only "、": "…收入，支出总计900万元" is two clauses.
const BOTH_TOTALS = String.raw`收(?:\s*[、，,]?\s*支总计|入?\s*、\s*支出?\s*(?:预算)?\s*总(?:计|预算))`;

/** One level of a 功能分类 subject as a national 说明 prints it: "行政事业单位养老支出（款）". */
const SUBJECT_NAME = String.raw`[^，。；：、\d#\n（()）“”"]{1,40}?[（(](?:类|款|项)[）)]\s*`;

const RE = {
  total: rx(String.raw`(?<lbl>财政拨款收入总计|财政拨款支出总计|收入总计|支出总计)\s*{N:v}\s*万元`),
  /**
   * The national template's "收、支总计各3,551.00万元" (财政拨款收、支总计…), 江苏's "收入、支出预算总计
   * 37188.34万元" and "财政拨款收、支总预算…": both totals at once.
   */
  totalBoth: rx(
    // Never "分别为1,200.00万元、1,150.00万元": two totals, not one.
    String.raw`(?<fiscal>财政拨款)?${BOTH_TOTALS}\s*(?:各|均为|均|分别为)?\s*(?:为)?\s*{N:v}\s*万元(?!\s*[、，,和及]\s*\d)`,
  ),
  fiscalBudget: rx(String.raw`财政拨款收支总预算\s*{N:v}\s*万元`),
  // Not a 款's "2018年预算支出合计16,444.36万元" (江苏).
  subtotal: rx(String.raw`(?<!预算)(?<lbl>收入(?:预算)?合计|支出(?:预算)?合计)\s*{N:v}\s*万元`),
  // The unit's whole 预算收入, never one fund's part ("政府性基金预算收入 0万元，占0 %").
  budgetIncome: rx(String.raw`(?<!一般公共|政府性基金|国有资本经营)预算收入\s*{N:v}\s*万元`),
  budgetExpense: rx(String.raw`支出预算\s*{N:v}\s*万元`),
  /** 江苏: "此外，基本支出预算数为21968万元。与上年相比增加…", "单位预留机动经费预算数为…". */
  partBudget: rx(String.raw`(?<lbl>[^，。；：、\d\n“”#]{2,20}?)预算数?为\s*{N:v}\s*万元`),
  /** A sentence that opens with an amount ("单位预留机动经费预算为1,157.63万元。与上年相比…"). */
  sentenceAmount: rx(String.raw`(?:^|[。\n])\s*[^，。；：\d\n]{2,40}?\s*(?:为\s*)?{N:v}\s*万元`),
  /**
   * 江苏's numbered statements, each with its own change: "1．公共安全（类）支出27488.23万元，主要用于
   * …。与上年相比增加…" (a 类), "1. 人大事务行政运行（项）支出10528.33万元，与上年相比减少…".
   */
  listItem: rx(String.raw`#+[．.、]\s*(?<lbl>[^，。；：、\d\n“”#]{2,60}?)\s*{N:v}\s*万元`),
  /** 江苏: "财政拨款预算支出37188.34万元，占本年支出合计的100%。与上年相比，财政拨款支出增加…". */
  fiscalExpense: rx(String.raw`财政拨款预算支出\s*{N:v}\s*万元`),
  general: rx(
    String.raw`一般公共预算(?:财政拨款决算支出|财政拨款支出(?:预算)?|当年支出)\s*{N:v}\s*万元(?:\s*[，,]\s*占本年支出合计的\s*{N:p}\s*%)?`,
  ),
  yoy: rx(
    String.raw`(?:(?<basis>与上年相比|与Y{4}年度?相比|较上年(?:决算|度)?|比上年(?:度|决算|预算)?|比Y{4}年(?:度|预算)?)\s*[，,]?\s*)?(?<lbl>财政拨款收入总计|财政拨款支出总计|一般公共预算财政拨款支出|收入总计|支出总计|(?:财政拨款)?${BOTH_TOTALS}\s*(?:各|均)?)?\s*(?<dir>增加|减少)?\s*{N:chg}\s*万元\s*[，,]\s*(?<pd>增长|增幅|下降|减少|降低|降幅)\s*{N:pct}\s*%`,
  ),
  same: rx(String.raw`与上年(?:[^，。；\d\n]{0,20}?)相同`),
  /**
   * "X年初预算(为)B万元，支出决算(为)A万元，完成年初预算的R%", the subject printed just before.
   * The national template may add the adjusted budget: "年初预算为0万元，全年预算为F万元，…".
   */
  exec: rx(
    String.raw`(?<lbl>[^，。；：\n]{2,40}?)年初预算\s*(?:数\s*)?(?:为\s*)?{N:b}\s*万元\s*[，,]\s*(?:全年预算\s*(?:数\s*)?(?:为\s*)?{N:f}\s*万元\s*[，,]\s*)?支出决算\s*(?:数\s*)?(?:为\s*)?{N:a}\s*万元(?:\s*[，,]\s*完成(?<rb>年初|全年)?预算(?:数)?的\s*{N:r}\s*%)?`,
  ),
  /**
   * The national template's subject of a 项 statement, printed before "主要用于：…。":
   * "社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）".
   */
  execSubject: rx(String.raw`(?<path>(?:${SUBJECT_NAME}){2,3})`),
  /** Its figures: "年初预算为B万元，支出决算为A万元，完成年初预算的R%" ("全年预算为…" alike). */
  execFigures: rx(
    String.raw`(?<basis>年初预算|全年预算)\s*(?:数\s*)?(?:为\s*)?{N:b}\s*万元\s*[，,]\s*支出决算\s*(?:数\s*)?(?:为\s*)?{N:a}\s*万元(?:\s*[，,。]\s*完成(?:年初|全年)?预算(?:数)?的\s*{N:r}\s*%)?`,
  ),
  sangongTotal: rx(
    String.raw`(?:全年预算|(?<!年初)预算)\s*(?:数\s*)?(?:为\s*)?{N:b}\s*万元\s*[，,]\s*支出决算\s*(?:数\s*)?(?:为\s*)?{N:a}\s*万元(?:\s*[，,]\s*完成(?:全年)?预算的\s*{N:r}\s*%)?`,
  ),
  /** A budget's 三公: "“三公”经费财政拨款预算（数为）X万元". */
  sangongBudget: rx(
    String.raw`[“"]?三公[”"]?经费(?:财政拨款)?预算(?:数)?(?:为|共计|合计)?\s*{N:b}\s*万元`,
  ),
  /**
   * A 三公 item: "公务接待费3.20万元，完成全年预算的100%" (Shanxi), "公务接待费支出决算为0.39万元，
   * 完成预算的13.68%" and, as a share of the actual, "公务接待费支出决算0.39万元，占100.00%"
   * (national).
   */
  sangongPart: rx(
    String.raw`(?<lbl>因公出国[（(]境[）)]费|公务用车购置及运行(?:维护)?费|公务用车购置费?|公务用车运行(?:维护)?费?|公务接待费|国内接待费|外事接待费|国[（(]境[）)]外接待费)\s*(?:预算)?\s*(?:支出)?\s*(?:决算)?\s*(?:为)?\s*{N:v}\s*万元(?:\s*[，,]\s*(?:完成(?:全年)?预算的\s*{N:r}\s*%|占\s*(?:[“"]?三公[”"]?经费的?)?\s*{N:p}\s*%))?`,
  ),
  /**
   * A budget's change on the year before's budget, with no percent (上海): "比2024年预算减少10万元",
   * "与2024年预算持平", said of the amount just stated.
   */
  budgetChange: rx(
    String.raw`(?<basis>[比与]\s*(?:Y{4}\s*年|上年)预算(?:数)?)\s*(?:(?<dir>增加|减少)\s*{N:chg}\s*万元|持平|相等|一致)(?!\s*[，,]?\s*(?:增长|下降))`,
  ),
  /**
   * 上海's 编制说明 lists 财政拨款支出主要内容 项 by 项: "“一般公共服务支出（类）商贸事务（款）行政运行
   * （项）”938.99万元", "…（项）”科目43.83万元", or with dashes: "“一般公共服务支出-政府办公厅（室）
   * 及相关机构事务-行政运行”科目1,202.95万元".
   */
  itemAmount: rx(
    String.raw`[“"]\s*(?:(?<path>(?:${SUBJECT_NAME}){3})|(?<dashed>[^，。；：、\d#\n“”"-]{2,40}-[^，。；：、\d#\n“”"-]{1,40}-[^，。；：、\d#\n“”"-]{1,40}))[”"]\s*(?:科目)?\s*{N:v}\s*万元`,
  ),
  /**
   * 上海's 编制说明: "一般公共预算拨款支出预算X万元" and the amounts around it, each the subject of the
   * change printed after it ("比2024年预算增加24,491.71万元").
   */
  fundBudget: rx(
    String.raw`(?<lbl>一般公共预算拨款支出预算|政府性基金拨款支出预算|国有资本经营预算拨款支出预算|财政拨款支出预算|财政拨款收入)\s*{N:v}\s*万元`,
  ),
  groups: rx(String.raw`团组(?:共)?\s*{N:g}\s*个\s*[，,、]\s*(?:累计)?\s*{N:p}\s*人次`),
  purchased: rx(String.raw`购置公务用车\s*{N:v}\s*辆`),
  fleet: rx(String.raw`保有量(?:共|为)\s*{N:v}\s*辆`),
  reception: rx(
    String.raw`(?:共接待(?:国[（(]境[）)]外)?|列明公务接待)\s*{N:b}\s*批次\s*[，,、]\s*{N:p}\s*人次`,
  ),
  none: rx(
    String.raw`本年度无此项(?:收支|支出|收入)|无[“"]?三公[”"]?经费(?:财政拨款)?(?:预算|支出)|未编报[^，。\n]*?整体绩效目标`,
  ),
  /** "机关运行经费财政拨款预算X万元" (Shanxi), "财政拨款的机关运行经费预算为X万元" (上海). */
  operating: rx(String.raw`机关运行经费(?:财政拨款预算|支出|预算\s*为)\s*{N:v}\s*万元`),
  /**
   * "政府采购支出总额X万元" (Shanxi), "政府采购金额（以合同签订为准）为X万元" (national), "本部门政府
   * 采购预算X万元，其中：…" (上海's budgets).
   */
  procTotal: rx(
    String.raw`政府采购(?:(?<basis>支出|预算)总额|(?<budget>预算)|金额\s*(?:[（(][^）)\n]{0,12}[）)])?\s*为)\s*{N:v}\s*万元`,
  ),
  /** "政府采购货物支出X万元" (Shanxi), "货物采购金额X万元" (national). */
  procPart: rx(
    String.raw`(?:政府采购(?<k>货物|工程|服务)(?:支出|预算)|(?<k2>货物|工程|服务)采购金额)\s*{N:v}\s*万元`,
  ),
  procSme: rx(
    String.raw`授予(?<k>中小企业|小微企业)合同金额\s*{N:v}\s*万元(?:\s*[，,]\s*占政府采购(?:支出|预算)总额的\s*{N:p}\s*%)?`,
  ),
  vehicles: rx(String.raw`共有车辆\s*{N:v}\s*辆`),
  vehicleQuota: rx(String.raw`公务用车编制\s*{N:q}\s*辆\s*[，,]\s*实有\s*{N:v}\s*辆`),
  vehicleType: rx(String.raw`(?<lbl>[^，。；：、\n\d]{2,20}?用车)\s*{N:v}\s*辆`),
  /** "2025年部门预算安排购置车辆1辆，其中：…": what the budget buys, not what the unit holds. */
  purchasePlan: rx(String.raw`预算安排购置车辆\s*{N}\s*辆`),
  equipment: rx(
    String.raw`(?:单价|价值)\s*{N:t}\s*万元[^，。；\d\n]{0,20}?以上[^，。；\d\n]{0,30}?设备[^，。；\d\n]{0,20}?{N:c}\s*台`,
  ),
  officeArea: rx(String.raw`办公用房建筑总面积\s*{N:v}\s*平方米`),
  /** Shanxi's "绩效自评个数N个，资金X万元"; national "绩效自评的2024年度项目N个，涉及预算金额X万元". */
  selfEval: rx(
    String.raw`(?:绩效自评个数|涉及二级项目|绩效自评的\s*(?:Y{4}|\d{4})\s*年度?项目)\s*{N:n}\s*个\s*[，,]\s*(?:涉及)?(?:资金|预算金额)\s*{N:a}\s*万元`,
  ),
  grade: rx(String.raw`(?<!共){N:n}\s*个项目自评(?:等级|结果)为\s*[“"]?(?<g>优|良|中|差)`),
  gradeAll: rx(String.raw`共\s*{N:n}\s*个项目\s*[，,]\s*自评结果均为\s*[“"]?(?<g>优|良|中|差)`),
  overallGrade: rx(
    String.raw`整体绩效自评结果为\s*[“"]?(?<g>优|良|中|差)[”"]?(?:\s*[，,]\s*执行率(?:达|为)?\s*{N:r}\s*%)?`,
  ),
  deptEval: rx(String.raw`{N:n}\s*个项目开展了部门评价[^。]*?涉及资金\s*{N:a}\s*万元`),
  fundSplit: rx(
    String.raw`(?<lbl>一般公共预算|政府性基金预算|国有资[金本]经营预算|社会保险基金预算)(?:项目)?支出\s*{N:v}\s*万元`,
  ),
  /**
   * Shanxi's budget wording; the national 决算's "编报绩效目标的2024年度项目N个，涉及预算金额X万元";
   * 上海's budgets' "编报绩效目标的项目共N个，涉及项目预算资金X万元".
   */
  targets: rx(
    String.raw`(?:纳入绩效目标管理的二级项目|编报绩效目标的\s*(?:(?:Y{4}|\d{4})\s*年度?)?项目\s*共?)\s*{N:n}\s*个\s*[，,]\s*(?:共计金额|涉及预算金额|涉及项目预算资金)\s*{N:a}\s*万元`,
  ),
  targetType: rx(
    String.raw`(?<lbl>其他运转类项目|特定目标类项目)\s*{N:n}\s*个\s*[，,]\s*涉及(?:项目)?金额\s*{N:a}\s*万元`,
  ),
  published: rx(
    String.raw`公开项目绩效目标\s*{N:n}\s*个\s*[，,]\s*涉及项目金额\s*{N:a}\s*万元(?:\s*[，,]\s*占[^，。\n]*?项目支出总额的\s*{N:p}\s*%)?`,
  ),
  share: rx(
    String.raw`(?<lbl>[^，。；：、\n]{1,40}?)\s*{N:v}\s*万元\s*[，,]\s*占(?:比)?\s*{N:p}\s*%`,
  ),
  list: rx(String.raw`(?<head>其中|支出包括|包括)\s*[：:](?<body>[^。；\n]*)`),
  // Never a year, date or count ("2017 年度财政拨款基本支出预算 7666.68 万元").
  basicToken: rx(
    String.raw`(?<lbl>[^，。；：、\n\d]*?)\s*{N:v}(?![\d.,]|\s*[年月日个人辆项次表%％])\s*(?<u>万元)?`,
  ),
  anyNumber: rx(String.raw`(?<![\d.,])(?:${NUM})`),
};

const LIST_ITEM = new RegExp(
  String.raw`^[，、；,\s]*(?<lbl>[^，、；,\d\n]{1,30}?)\s*(?<v>${NUM})\s*万元\s*(?=[，、；,等]|$)`,
  'd',
);

/**
 * The key and label of a national 项 statement's subject: the 类 code, then the 款 and 项 names as
 * printed ("208.行政事业单位养老支出.行政单位离退休"), since the names alone do not give the codes.
 * The key is null when the 类 is not a standard name.
 */
interface ItemSubject {
  key: string | null;
  label: string;
  /** Where the subject is printed in its stream. */
  index: number;
}

/** "一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行": 类, 款 and 项 names between dashes. */
function dashedSubject(path: string): Omit<ItemSubject, 'index'> {
  const [lei = '', kuan = '', xiang = ''] = path.replace(/\s+/g, '').split('-');
  const label = `${lei}（类）${kuan}（款）${xiang}（项）`;
  const code = classCode(lei);
  return { key: code === null ? null : [code, kuan, xiang].join('.'), label };
}

function itemSubject(path: string): Omit<ItemSubject, 'index'> {
  const label = path.replace(/\s+/g, '');
  const names = [...label.matchAll(/([^（()）]+)[（(](类|款|项)[）)]/g)];
  const first = names[0];
  const code = first?.[2] === '类' ? classCode(first[1] ?? '') : null;
  if (code === null) return { key: null, label };
  return { key: [code, ...names.slice(1).map((n) => n[1] ?? '')].join('.'), label };
}

// ---------------------------------------------------------------------------------------------
// 主要原因是…: the explanation printed after a change

/** A list item's marker: （一）, 1. / 1、, 一是. */
const LIST_MARKER =
  /^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|[一二三四五六七八九十]是)/;
const REASON_HEAD = /(?:主要)?原因(?:是|为|在于)?\s*[：:]?/y;
const REASON_MAX = 1000;

/**
 * The reason stated for a change that ends at `from`: a "主要原因是…" clause in the same
 * sentence or opening the next one (so "收入总计增加…，支出总计增加…。主要原因是…" gives both
 * changes the one reason). It runs to the end of its sentence — or its paragraph when it is a
 * list ("主要原因是1.…；2.…", "一是…；二是…"), or over the list paragraphs after "主要原因是：".
 * A "；" followed by another figure ends it: the sentence goes on to the next statement.
 */
function reasonAfter(st: Stream, from: number): YoyReason | undefined {
  const { text } = st;
  const stops = ['。', '\n'].map((c) => text.indexOf(c, from)).filter((i) => i >= 0);
  const sentenceEnd = stops.length > 0 ? Math.min(...stops) : text.length;
  const at = text.slice(from, sentenceEnd + 6).indexOf('原因');
  if (at < 0) return undefined;
  const word = from + at;
  let start = word;
  while (start > from && !/[，。；,;\n]/.test(text[start - 1] ?? '')) start--;
  REASON_HEAD.lastIndex = word - (text.slice(start, word).match(/主要$/) ? 2 : 0);
  const head = REASON_HEAD.exec(text);
  const bodyStart = head === null ? word + 2 : head.index + head[0].length;
  const paraEnd = (i: number) => {
    const n = text.indexOf('\n', i);
    return n < 0 ? text.length : n;
  };
  let end: number;
  if (text[bodyStart] === '\n' || bodyStart >= text.length) {
    // "主要原因是：" then list paragraphs (（一）…, （二）…).
    end = bodyStart;
    while (end < text.length && LIST_MARKER.test(text.slice(end + 1))) end = paraEnd(end + 1);
  } else if (LIST_MARKER.test(text.slice(bodyStart))) {
    end = paraEnd(bodyStart);
  } else {
    end = sentenceEnd > bodyStart ? sentenceEnd : paraEnd(bodyStart);
    for (let i = text.indexOf('；', bodyStart); i >= 0 && i < end; i = text.indexOf('；', i + 1)) {
      const next = /^[^，。；\n]*/.exec(text.slice(i + 1))?.[0] ?? '';
      if (/\d\s*(?:万元|%)/.test(next)) {
        end = i;
        break;
      }
    }
  }
  const raw = text
    .slice(start, end)
    .replace(/\n+/g, ' ')
    .replace(/(?:[，；,;\s]|其中[：:])+$/, '')
    .trim();
  if (raw === '' || raw.length <= (head?.[0].length ?? 2)) return undefined;
  const clipped = raw.length > REASON_MAX ? `${raw.slice(0, REASON_MAX - 1)}…` : raw;
  return { text: clipped, line: st.lines[start] ?? 1 };
}

/** Spread into a statement: the optional field is left out, not set to undefined. */
function withReason(reason: YoyReason | undefined): { reason?: YoyReason } {
  return reason === undefined ? {} : { reason };
}

/**
 * The clause a change is printed in, up to `at`: from the last 。；, 其中： or item number （一） before
 * it, or the one before that when the change opens a sentence ("公务接待费1.35万元。比…持平").
 */
function clauseBefore(text: string, at: number): string {
  const head = text.slice(0, at);
  const cuts = [
    0,
    ...[...head.matchAll(/[；;。]|其中[：:]|（[一二三四五六七八九十]+）/g)].map(
      (m) => m.index + m[0].length,
    ),
  ];
  for (let i = cuts.length - 1; i >= 0; i--) {
    const clause = head.slice(cuts[i]);
    if (clause.trim() !== '') return clause;
  }
  return head;
}

/** Whether a clause names the subject its change would be given to. */
function clauseNames(key: string, clause: string): boolean {
  if (key === 'generalBudgetExpense') return clause.includes('一般公共预算拨款支出预算');
  if (key === 'sangong') return /三公/.test(clause);
  const def = SANGONG_PARTS.find((d) => d.key === key);
  return def !== undefined && new RegExp(def.re.source.replace(/^\^/, '')).test(clause);
}

function parseStream(p: StreamParser): void {
  const { st, out } = p;
  const s = st.section;
  const evs: Ev[] = [];
  const subject = (key: string, label: string, current: Fig | null) => {
    p.subject = { key, label, current };
  };

  on(p, evs, RE.total, (m) => {
    const lbl = fiscalLabel(s, groupText(m, 'lbl') ?? '');
    const key = TOTAL_KEYS[lbl] ?? lbl;
    const v = p.fig(m, 'v');
    if (v === null) return;
    out.addTotal(s, key, lbl, v);
    subject(key, lbl, v);
    p.groupTotal = { key, label: lbl, total: v };
  });
  on(p, evs, RE.totalBoth, (m) => {
    const fiscal = groupText(m, 'fiscal') !== null || s === 'fiscal';
    const v = p.fig(m, 'v');
    if (v === null) return;
    for (const lbl of fiscal
      ? ['财政拨款收入总计', '财政拨款支出总计']
      : ['收入总计', '支出总计']) {
      out.addTotal(s, TOTAL_KEYS[lbl] ?? lbl, lbl, v);
    }
  });
  on(p, evs, RE.fiscalBudget, (m) => {
    const v = p.fig(m, 'v');
    if (v === null) return;
    out.addTotal(s, 'fiscalTotal', '财政拨款收支总预算', v);
    subject('fiscalTotal', '财政拨款收支总预算', v);
    p.groupTotal = { key: 'fiscalTotal', label: '财政拨款收支总预算', total: v };
  });
  const subtotal = (key: string, label: string, v: Fig | null) => {
    if (v === null) return;
    out.addTotal(s, key, label, v);
    p.groupTotal = { key, label, total: v };
  };
  on(p, evs, RE.subtotal, (m) => {
    const lbl = groupText(m, 'lbl') ?? '';
    subtotal(lbl.startsWith('收入') ? 'incomeSubtotal' : 'expenseSubtotal', lbl, p.fig(m, 'v'));
  });
  if (s === 'income') {
    on(p, evs, RE.budgetIncome, (m) => subtotal('incomeSubtotal', '预算收入', p.fig(m, 'v')));
  }
  if (s === 'expense') {
    on(p, evs, RE.budgetExpense, (m) => subtotal('expenseSubtotal', '支出预算', p.fig(m, 'v')));
  }
  on(p, evs, RE.general, (m) => {
    const v = p.fig(m, 'v');
    if (v === null) return;
    const label = '一般公共预算财政拨款支出';
    out.addTotal(s, 'generalBudgetExpense', label, v);
    subject('generalBudgetExpense', label, v);
    p.groupTotal = { key: 'generalBudgetExpense', label, total: v };
    const pct = p.fig(m, 'p');
    if (pct !== null) {
      const b = out.breakdownFor(
        s,
        'generalBudgetOfExpense',
        '一般公共预算财政拨款支出占本年支出合计',
        out.latestTotal('expenseSubtotal'),
        false,
      );
      b.parts.push({ key: 'generalBudgetExpense', label, amount: v, pct });
    }
  });

  // Only where 江苏's budgets print them, after the totals: elsewhere "“三公”经费预算数为…" is
  // read above, and a 决算's numbered statements are its own (年初预算为…，支出决算为…).
  if (out.kind === '预算' && (s === 'overall' || s === 'expense')) {
    // A sentence opening with an amount no pattern reads is a new subject: the change printed
    // after it is not the amount before's. (An amount a pattern reads at the same place is taken
    // first and marked used; one read further on sets its subject after this.)
    on(p, evs, RE.sentenceAmount, (m) => {
      const r = groupRange(m, 'v');
      // "与上年相比增加1287.35万元" is the change itself.
      if (/增加|减少|相比|上年/.test(m[0])) return;
      if (r !== null && !p.used.has(r[0])) p.subject = null;
    });
    on(p, evs, RE.partBudget, (m) => {
      const lbl = cleanLabel(groupText(m, 'lbl') ?? '');
      const v = p.fig(m, 'v');
      // The unit's whole 基本支出 / 项目支出 (all funds), not the 财政拨款 one of 预算06: only the
      // subject of the change printed after it.
      if (lbl === '基本支出' && v !== null) subject('expense.basic', '基本支出（支出预算总计）', v);
      else if (lbl === '项目支出' && v !== null)
        subject('expense.project', '项目支出（支出预算总计）', v);
      // 单位预留机动经费, 上年结转资金 …: not read, and the change printed after it is not given to
      // the amount before.
      else p.subject = null;
    });
    // A 类 gets its change; any other item (a 项 …) is not read, and its change is not given to
    // the amount before it. Under 支出预算总计 a 类 counts every fund (财政拨款 and 其他资金): kept
    // apart from the 类 of 财政拨款支出, which other documents state.
    on(p, evs, RE.listItem, (m) => {
      const name = cleanLabel(groupText(m, 'lbl') ?? '')
        .replace(/[（(]类[）)]/, '')
        .replace(/(?<!支出)$/, '支出');
      const code = classCode(name);
      const v = p.fig(m, 'v');
      if (code === null || v === null) p.subject = null;
      else if (s === 'overall') subject(`expense.${code}`, `${name}（支出预算总计）`, v);
      else subject(code, name, v);
    });
  }
  on(p, evs, RE.fiscalExpense, (m) => {
    const v = p.fig(m, 'v');
    if (v === null) return;
    out.addTotal(s, 'fiscalExpenseTotal', '财政拨款支出总计', v);
    subject('fiscalExpenseTotal', '财政拨款支出总计', v);
  });

  on(p, evs, RE.yoy, (m) => {
    const basisRaw = p.orig(m, 'basis');
    const dir = groupText(m, 'dir') as '增加' | '减少' | null;
    if (basisRaw === null && dir === null) return; // an amount and a percent, but no change
    if (basisRaw !== null) p.basis = basisRaw;
    const rawLbl = groupText(m, 'lbl');
    const subject = (label: string): Subject => {
      const key = TOTAL_KEYS[label] ?? label;
      return { key, label, current: out.latestTotal(key) };
    };
    let subjects: (Subject | null)[];
    if (rawLbl !== null && new RegExp(BOTH_TOTALS).test(rawLbl)) {
      // "收、支总计各增加…": the same change of both totals.
      const fiscal = rawLbl.startsWith('财政拨款') || s === 'fiscal';
      subjects = (fiscal ? ['财政拨款收入总计', '财政拨款支出总计'] : ['收入总计', '支出总计']).map(
        subject,
      );
    } else {
      subjects = [rawLbl === null ? p.subject : subject(fiscalLabel(s, rawLbl))];
    }
    const change = p.fig(m, 'chg');
    const pct = p.fig(m, 'pct');
    // 江苏 prints a fall as "减少10%" too, and a rate as 增幅 / 降幅.
    const pd = /增/.test(groupText(m, 'pd') ?? '') ? '增长' : '下降';
    const found = subjects.filter(
      (x): x is Subject & { current: Fig } => x !== null && x.current !== null,
    );
    if (found.length === 0 || change === null) {
      out.skip(
        st,
        m.index,
        st.text.slice(m.index, m.index + m[0].length),
        '找不到这项增减变动所对应的本年数',
      );
      return;
    }
    const direction = dir ?? (pd === '增长' ? '增加' : '减少');
    if (dir === null) {
      out.n.formatIssues.push({
        kind: 'missingDirection',
        line: change.line,
        text: st.text.slice(m.index, m.index + m[0].length),
      });
    }
    const reason = withReason(reasonAfter(st, m.index + m[0].length));
    for (const subj of found) {
      out.n.yoy.push({
        key: subj.key,
        label: subj.label,
        section: s,
        basis: p.basis,
        current: subj.current,
        direction,
        directionPrinted: dir !== null,
        change,
        pctDirection: pd,
        pct,
        prior: derivePrior(subj.current, change, direction, subj.label),
        ...reason,
      });
    }
  });
  on(p, evs, RE.same, (m) => {
    const subj = p.subject;
    if (subj === null || subj.current === null) return;
    const line = p.lineAt(m.index);
    out.n.yoy.push({
      key: subj.key,
      label: subj.label,
      section: s,
      basis: '与上年相同',
      current: subj.current,
      direction: '持平',
      directionPrinted: true,
      change: null,
      pctDirection: null,
      pct: null,
      prior: unchangedPrior(subj.current, line, `${subj.label}上年数`, '与上年相同'),
      ...withReason(reasonAfter(st, m.index + m[0].length)),
    });
  });

  if (out.budgetNotes) {
    on(p, evs, RE.itemAmount, (m) => {
      const v = p.fig(m, 'v');
      const dashed = p.orig(m, 'dashed');
      const it = dashed === null ? itemSubject(p.orig(m, 'path') ?? '') : dashedSubject(dashed);
      if (v === null) return;
      if (it.key === null) {
        const text = st.text.slice(m.index, m.index + m[0].length);
        out.skip(st, m.index, text, `无法识别的功能分类科目名称“${it.label}”`);
        return;
      }
      // A list of the main items, not checked to add up: it is compared 项 by 项 with the table.
      out
        .breakdownFor(
          s,
          'generalBudgetByItem',
          '财政拨款支出主要内容（按功能分类 项）',
          null,
          false,
        )
        .parts.push({ key: it.key, label: it.label, amount: v, pct: null });
    });
    on(p, evs, RE.fundBudget, (m) => {
      const v = p.fig(m, 'v');
      const lbl = groupText(m, 'lbl') ?? '';
      if (v === null) return;
      if (lbl !== '一般公共预算拨款支出预算') {
        // Its change is not read (财政拨款收入 is compared with last year's 执行数, not budget).
        subject(`unread.${lbl}`, lbl, v);
        return;
      }
      const label = '一般公共预算财政拨款支出';
      out.addTotal(s, 'generalBudgetExpense', label, v);
      subject('generalBudgetExpense', label, v);
    });
  }
  // 上海's notes, and 江苏's 三公 items ("比上年预算减少20万元", "与上年预算数一致").
  if (out.budgetNotes || (out.kind === '预算' && s === 'sangong')) {
    on(p, evs, RE.budgetChange, (m) => {
      const subj = p.subject;
      const basis = (p.orig(m, 'basis') ?? '').replace(/\s+/g, '');
      const skip = (reason: string) =>
        out.skip(st, m.index, st.text.slice(m.index, m.index + m[0].length), reason);
      if (subj === null || subj.current === null) return skip('找不到这项增减变动所对应的本年数');
      if (!subj.key.startsWith('sangong') && subj.key !== 'generalBudgetExpense')
        return skip(`未读入${subj.label}的增减`);
      // The amount it changes is in its own clause ("（一）因公出国（境）费0万元，比…持平"): a change
      // after an item the reader did not take is not given to the item before.
      if (!clauseNames(subj.key, clauseBefore(st.text, m.index)))
        return skip('找不到这项增减变动所对应的本年数');
      const dir = groupText(m, 'dir') as '增加' | '减少' | null;
      const change = p.fig(m, 'chg');
      const line = p.lineAt(m.index);
      out.n.yoy.push({
        key: subj.key,
        label: subj.label,
        section: s,
        basis,
        current: subj.current,
        direction: dir ?? '持平',
        directionPrinted: true,
        change: dir === null ? null : change,
        pctDirection: null,
        pct: null,
        prior:
          dir !== null && change !== null
            ? derivePrior(subj.current, change, dir, subj.label)
            : unchangedPrior(subj.current, line, `${subj.label}上年预算数`, `${basis}持平`),
        ...withReason(reasonAfter(st, m.index + m[0].length)),
      });
    });
  }

  /** The 三公 total: "全年预算X万元，支出决算Y万元" (Shanxi) or "年初预算为X万元，…" (national). */
  const sangongTotal = (m: Match, basis: '年初预算' | '全年预算') => {
    const budget = p.fig(m, 'b');
    const actual = p.fig(m, 'a');
    if (actual === null) return;
    const sg = out.sangong();
    sg.budget ??= budget;
    sg.actual ??= actual;
    out.n.executions.push({
      key: 'sangong',
      label: '“三公”经费',
      section: s,
      basis,
      budget,
      actual,
      rate: p.fig(m, 'r'),
    });
    subject('sangong', '“三公”经费', actual);
  };

  on(p, evs, RE.exec, (m) => {
    const label = cleanLabel(groupText(m, 'lbl') ?? '');
    if (s === 'sangong' && /三公/.test(label)) {
      sangongTotal(m, '年初预算');
      return;
    }
    const isTotal = /一般公共预算(?:财政拨款)?支出$/.test(label);
    const code = isTotal ? 'total' : classCode(label);
    const budget = p.fig(m, 'b');
    const full = p.fig(m, 'f');
    const actual = p.fig(m, 'a');
    const rate = p.fig(m, 'r');
    // With both budgets printed, the rate belongs to the one its sentence names.
    const rateOnFull = full !== null && groupText(m, 'rb') === '全年';
    if (code === null || actual === null) {
      out.skip(
        st,
        m.index,
        st.text.slice(m.index, m.index + m[0].length),
        `无法识别的功能分类科目名称“${label}”`,
      );
      p.subject = null;
      return;
    }
    out.n.executions.push({
      key: code,
      label,
      section: s,
      basis: '年初预算',
      budget,
      actual,
      rate: rateOnFull ? null : rate,
    });
    if (full !== null) {
      out.n.executions.push({
        key: code,
        label,
        section: s,
        basis: '全年预算',
        budget: full,
        actual,
        rate: rateOnFull ? rate : null,
      });
    }
    if (isTotal) subject('generalBudgetExpense', '一般公共预算财政拨款支出', actual);
    else subject(code, label, actual);
  });

  // The national template's 项 statements: the subject, "主要用于：…。", then the figures. Not in
  // the 三公 section, whose "全年预算…支出决算…" sentence is the 三公 total.
  if (s !== 'sangong') {
    let item: ItemSubject | null = null;
    on(p, evs, RE.execSubject, (m) => {
      item = { ...itemSubject(p.orig(m, 'path') ?? ''), index: m.index };
    });
    on(p, evs, RE.execFigures, (m) => {
      const b = groupRange(m, 'b');
      if (b === null || p.used.has(b[0])) return; // a statement RE.exec has read
      // A subject belongs to the figures of its own list item (1、…), never to the next one's.
      const pending: ItemSubject | null = item;
      const it =
        pending !== null && !/\n#+[、.．]/.test(st.masked.slice(pending.index, m.index))
          ? pending
          : null;
      item = null;
      const budget = p.fig(m, 'b');
      const actual = p.fig(m, 'a');
      const rate = p.fig(m, 'r');
      const text = st.text.slice(m.index, m.index + m[0].length);
      if (it === null || it.key === null || actual === null) {
        const reason =
          it === null
            ? '找不到这项预算执行所对应的科目（类/款/项）'
            : `无法识别的功能分类科目名称“${it.label}”`;
        out.skip(st, m.index, text, reason);
        return;
      }
      const basis = groupText(m, 'basis') === '全年预算' ? '全年预算' : '年初预算';
      out.n.executions.push({
        key: it.key,
        label: it.label,
        section: s,
        basis,
        budget,
        actual,
        rate,
      });
      subject(it.key, it.label, actual);
    });
  }

  if (s === 'sangong') {
    on(p, evs, RE.sangongTotal, (m) => sangongTotal(m, '全年预算'));
    on(p, evs, RE.sangongBudget, (m) => {
      const budget = p.fig(m, 'b');
      if (budget === null) return;
      out.sangong().budget ??= budget;
      subject('sangong', '“三公”经费', budget);
    });
    on(p, evs, RE.sangongPart, (m) => {
      const raw = groupText(m, 'lbl') ?? '';
      const def = SANGONG_PARTS.find((d) => d.re.test(raw));
      const v = p.fig(m, 'v');
      if (def === undefined || v === null) return;
      const sg = out.sangong();
      const pct = p.fig(m, 'p');
      const part = sg.parts.find((x) => x.key === def.key);
      if (pct !== null) {
        // "…支出决算0.39万元，占100.00%": the item's share of the actual, not a third mention;
        // the item's statement too when the text states it no other way.
        out
          .breakdownFor(s, 'sangong', '“三公”经费支出构成', sg.actual, true)
          .parts.push({ key: def.key, label: def.label, amount: v, pct });
        if (part === undefined)
          sg.parts.push({ key: def.key, label: def.label, amount: v, detailAmount: null });
        return;
      }
      if (part === undefined)
        sg.parts.push({ key: def.key, label: def.label, amount: v, detailAmount: null });
      else if (part.detailAmount === null) part.detailAmount = v;
      else out.skip(st, m.index, m[0], '同一“三公”经费项目第三次出现，未记录');
      const rate = p.fig(m, 'r');
      if (rate !== null) {
        out.n.executions.push({
          key: def.key,
          label: def.label,
          section: s,
          basis: '全年预算',
          budget: null,
          actual: v,
          rate,
        });
      }
      p.countSubject = def.key;
      if (!def.key.startsWith('sangong.reception.')) subject(def.key, def.label, v);
    });
    const count = (key: string, label: string, unit: string, v: Fig | null) => {
      if (v !== null) out.sangong().counts.push({ key, label, value: v, unit });
    };
    on(p, evs, RE.groups, (m) => {
      count('sangong.abroad.groups', '出国（境）团组', '个', p.fig(m, 'g'));
      count('sangong.abroad.persons', '出国（境）人次', '人次', p.fig(m, 'p'));
    });
    on(p, evs, RE.purchased, (m) =>
      count('sangong.vehiclePurchase.vehicles', '购置公务用车', '辆', p.fig(m, 'v')),
    );
    on(p, evs, RE.fleet, (m) =>
      count('sangong.vehicleRunning.fleet', '公务用车保有量', '辆', p.fig(m, 'v')),
    );
    on(p, evs, RE.reception, (m) => {
      const base = p.countSubject.startsWith('sangong.reception')
        ? p.countSubject
        : 'sangong.reception';
      const def = SANGONG_PARTS.find((d) => d.key === base);
      const label = def?.label ?? '公务接待费';
      count(`${base}.batches`, `${label}接待批次`, '批次', p.fig(m, 'b'));
      count(`${base}.persons`, `${label}接待人次`, '人次', p.fig(m, 'p'));
    });
  }

  on(p, evs, RE.none, (m) => {
    const text = st.text.slice(m.index, m.index + m[0].length);
    let key: string = s;
    let label = SECTION_NAMES[s];
    if (/三公/.test(text)) {
      key = 'sangong';
      label = '“三公”经费';
    } else if (/绩效目标/.test(text)) {
      key = 'performance.overallTarget';
      label = '单位整体绩效目标';
    }
    out.n.noActivity.push({ key, label, section: s, text, line: p.lineAt(m.index) });
  });

  on(p, evs, RE.operating, (m) => {
    const v = p.fig(m, 'v');
    if (v === null) return;
    out.n.operatingCosts ??= v;
    out.addTotal(s, 'operatingCosts', '机关运行经费', v);
    subject('operatingCosts', '机关运行经费', v);
  });

  if (s === 'procurement') {
    on(p, evs, RE.procTotal, (m) => {
      const v = p.fig(m, 'v');
      if (v === null || out.n.procurement !== null) return;
      // The national wording names no basis: a 决算 states what was spent.
      const basis =
        groupText(m, 'basis') ?? groupText(m, 'budget') ?? (out.kind === '预算' ? '预算' : '支出');
      out.n.procurement = {
        basis: basis === '预算' ? '预算' : '支出',
        total: v,
        goods: null,
        works: null,
        services: null,
        sme: null,
        smallMicro: null,
      };
    });
    on(p, evs, RE.procPart, (m) => {
      const pr = out.n.procurement;
      const v = p.fig(m, 'v');
      if (pr === null || v === null) return;
      const k = groupText(m, 'k') ?? groupText(m, 'k2');
      if (k === '货物') pr.goods = v;
      else if (k === '工程') pr.works = v;
      else pr.services = v;
    });
    on(p, evs, RE.procSme, (m) => {
      const pr = out.n.procurement;
      const amount = p.fig(m, 'v');
      if (pr === null || amount === null) return;
      const entry = { amount, pct: p.fig(m, 'p') };
      if (groupText(m, 'k') === '中小企业') pr.sme = entry;
      else pr.smallMicro = entry;
    });
  }

  if (s === 'assets') {
    const assets = () =>
      (out.n.assets ??= {
        vehicles: null,
        vehicleQuota: null,
        vehiclesByType: [],
        equipment: [],
        officeArea: null,
      });
    on(p, evs, RE.vehicles, (m) => {
      assets().vehicles = p.fig(m, 'v');
    });
    on(p, evs, RE.vehicleQuota, (m) => {
      assets().vehicleQuota = p.fig(m, 'q');
      assets().vehicles = p.fig(m, 'v');
    });
    // Types and equipment after a purchase plan are what the budget buys (not kept).
    const plan = all(RE.purchasePlan, st.masked)[0]?.index ?? Infinity;
    on(p, evs, RE.vehicleType, (m) => {
      if (m.index > plan) return;
      const count = p.fig(m, 'v');
      if (count !== null)
        assets().vehiclesByType.push({ label: cleanLabel(groupText(m, 'lbl') ?? ''), count });
    });
    on(p, evs, RE.equipment, (m) => {
      if (m.index > plan) return;
      const threshold = p.fig(m, 't');
      const count = p.fig(m, 'c');
      if (threshold !== null && count !== null) assets().equipment.push({ threshold, count });
    });
    on(p, evs, RE.officeArea, (m) => {
      assets().officeArea = p.fig(m, 'v');
    });
  }

  if (s === 'performance') {
    let fundKey = 'performance.selfEval.byFund';
    let fundTotal: () => Fig | null = () => out.performance().selfEvalAmount;
    let published = false;
    on(p, evs, RE.selfEval, (m) => {
      const pf = out.performance();
      pf.selfEvalProjects ??= p.fig(m, 'n');
      pf.selfEvalAmount ??= p.fig(m, 'a');
      fundKey = 'performance.selfEval.byFund';
      fundTotal = () => pf.selfEvalAmount;
    });
    const grade = (m: Match) => {
      const count = p.fig(m, 'n');
      const g = groupText(m, 'g') as '优' | '良' | '中' | '差';
      if (count !== null) out.performance().grades.push({ grade: g, count });
    };
    on(p, evs, RE.grade, grade);
    on(p, evs, RE.gradeAll, grade);
    on(p, evs, RE.overallGrade, (m) => {
      out.performance().overall = {
        grade: groupText(m, 'g') as '优' | '良' | '中' | '差',
        line: p.lineAt(m.index),
        rate: p.fig(m, 'r'),
      };
    });
    on(p, evs, RE.deptEval, (m) => {
      const pf = out.performance();
      pf.deptEvalProjects = p.fig(m, 'n');
      pf.deptEvalAmount = p.fig(m, 'a');
      fundKey = 'performance.deptEval.byFund';
      fundTotal = () => pf.deptEvalAmount;
    });
    on(p, evs, RE.fundSplit, (m) => {
      const label = `${groupText(m, 'lbl') ?? ''}项目支出`;
      const b = out.breakdownFor(
        s,
        fundKey,
        fundKey.includes('dept') ? '部门评价资金按预算类型' : '绩效自评资金按预算类型',
        fundTotal(),
        true,
      );
      const v = p.fig(m, 'v');
      if (v === null) return;
      // The same split is sometimes printed twice in a row; keep it once.
      if (b.parts.some((x) => x.label === label && x.amount.v === v.v)) return;
      b.parts.push({ key: label, label, amount: v, pct: null });
    });
    on(p, evs, RE.targets, (m) => {
      const pf = out.performance();
      pf.targetProjects = p.fig(m, 'n');
      pf.targetAmount = p.fig(m, 'a');
    });
    on(p, evs, RE.published, (m) => {
      const projects = p.fig(m, 'n');
      const amount = p.fig(m, 'a');
      if (projects === null || amount === null) return;
      out.performance().published = { projects, amount, pct: p.fig(m, 'p'), byType: [] };
      published = true;
    });
    on(p, evs, RE.targetType, (m) => {
      const projects = p.fig(m, 'n');
      const amount = p.fig(m, 'a');
      const label = groupText(m, 'lbl') ?? '';
      if (projects === null || amount === null) return;
      const pf = out.performance();
      if (published && pf.published !== null) pf.published.byType.push({ label, projects, amount });
      else pf.targetsByType.push({ label, projects, amount });
    });
  }

  if (s === 'income' || s === 'expense' || s === 'generalBudget') {
    on(p, evs, RE.share, (m) => {
      const label = cleanLabel(p.orig(m, 'lbl') ?? '');
      const amount = p.fig(m, 'v');
      const pct = p.fig(m, 'p');
      if (amount === null || pct === null || label === '') return;
      const key =
        s === 'income'
          ? (INCOME_KEYS[label] ?? label)
          : s === 'expense'
            ? (EXPENSE_KEYS[label] ?? label)
            : (classCode(label) ?? label);
      const [gKey, gLabel] =
        s === 'income'
          ? ['income', '收入构成']
          : s === 'expense'
            ? ['expense', '支出构成']
            : ['generalBudgetByClass', '一般公共预算财政拨款支出结构（按功能分类类级）'];
      const b = out.breakdownFor(s, gKey, gLabel, p.groupTotal?.total ?? null, true);
      b.parts.push({ key, label, amount, pct });
    });
  }

  if (s === 'overall' || s === 'fiscal') {
    on(p, evs, RE.list, (m) => {
      const g = p.groupTotal;
      const r = groupRange(m, 'body');
      if (g === null || r === null) return;
      const head = groupText(m, 'head') ?? '';
      const parts: BreakdownPart[] = [];
      let pos = r[0];
      for (;;) {
        const im = LIST_ITEM.exec(st.masked.slice(pos, r[1])) as Match | null;
        if (im === null) break;
        const label = cleanLabel(im.groups?.lbl ?? '');
        if (/[比较]上年|增加|减少|增长|下降|占/.test(label)) break;
        const vr = im.indices.groups?.v;
        if (vr === undefined) break;
        const amount = p.figAt(pos + vr[0], pos + vr[1]);
        if (amount === null) break;
        const key = head === '其中' ? (INCOME_KEYS[label] ?? label) : (classCode(label) ?? label);
        parts.push({ key, label, amount, pct: null });
        pos += im[0].length;
      }
      if (parts.length === 0) return;
      const byClass = head !== '其中';
      const n = out.n.breakdowns.filter((b) => b.key.startsWith(`${g.key}.parts`)).length + 1;
      const key = byClass ? `${g.key}.byClass` : `${g.key}.parts${n}`;
      const label = byClass ? `${g.label}（按功能分类类级）` : `${g.label}（其中）`;
      out.breakdownFor(s, key, label, g.total, true).parts.push(...parts);
    });
  }

  if (s === 'basic') parseBasic(p, evs);

  evs.sort((a, b) => a.index - b.index);
  for (const ev of evs) ev.run();
  collectLeftovers(p);
}

/** 基本支出 → 人员经费 / 公用经费 → their listed parts → "其中：" sub-parts. */
function parseBasic(p: StreamParser, evs: Ev[]): void {
  const { st, out } = p;
  const s = st.section;
  const tokens = all(RE.basicToken, st.masked).filter((m) => groupRange(m, 'v') !== null);
  if (tokens.length === 0) return;
  evs.push({
    index: tokens[0]?.index ?? 0,
    run: () => {
      let level1: Breakdown | null = null;
      let level2: Breakdown | null = null;
      let lastL2: { label: string; amount: Fig } | null = null;
      let sub: Breakdown | null = null;
      // 江苏 states the same 基本支出 twice (财政拨款, then 一般公共预算): the second statement's
      // figures are recorded as totals (a difference between the two is then reported), never
      // added to the first one's breakdown.
      let restated = false;
      let prevEnd = 0;
      for (const m of tokens) {
        const gap = st.masked.slice(prevEnd, m.index + m[0].length);
        prevEnd = m.index + m[0].length;
        const vr = groupRange(m, 'v');
        if (vr === null || p.used.has(vr[0])) continue;
        const label = cleanLabel(p.orig(m, 'lbl') ?? '');
        const v = p.figAt(vr[0], vr[1]);
        if (v === null || label === '') continue;
        if (groupText(m, 'u') === null) {
          out.n.formatIssues.push({
            kind: 'missingUnit',
            line: v.line,
            text: st.text.slice(m.index, m.index + m[0].length + 1),
          });
        }
        if (/基本支出(?:预算)?$/.test(label)) {
          out.addTotal(s, 'basicExpense', '财政拨款基本支出', v);
          restated = out.n.breakdowns.some((b) => b.key === 'basicExpense' && b.parts.length > 0);
          level1 = restated
            ? null
            : out.breakdownFor(s, 'basicExpense', '财政拨款基本支出构成', v, true);
          level2 = null;
          sub = null;
          continue;
        }
        if (/^(人员经费|公用经费)$/.test(label)) {
          const key = label === '人员经费' ? 'personnel' : 'publicOperating';
          out.addTotal(s, key, label, v);
          level1?.parts.push({ key, label, amount: v, pct: null });
          level2 = restated ? null : out.breakdownFor(s, key, `${label}主要构成`, v, false);
          sub = null;
          lastL2 = null;
          continue;
        }
        // 江苏 lists the 经济分类 by level: “1、工资福利支出（类）2,097.51 万元” then “（1）基本工资（款）
        // 支出 737.94 万元” …: each 款 is a part of the 类 above it, not another part of 人员经费.
        // (Read on the printed label: cleanLabel drops a trailing “（类）”.)
        const level = /[（(]([类款])[）)]/.exec(p.orig(m, 'lbl') ?? '')?.[1];
        if (level === '类' && level2 !== null) {
          const name = label.replace(/[（(]类[）)].*$/, '');
          level2.parts.push({ key: ECON_CODES[name] ?? name, label: name, amount: v, pct: null });
          lastL2 = { label: name, amount: v };
          sub = out.breakdownFor(s, `${level2.key}.${name}`, `${name}（按款）`, v, false);
          continue;
        }
        if (level === '款' && sub !== null) {
          const name = label.replace(/^[（(][\d#]+[）)]/, '').replace(/[（(]款[）)].*$/, '');
          sub.parts.push({ key: name, label: name, amount: v, pct: null });
          continue;
        }
        if (/[；;\n]|#[、.．]/.test(gap)) sub = null;
        if (sub === null && gap.includes('其中') && lastL2 !== null && level2 !== null) {
          sub = out.breakdownFor(
            s,
            `${level2.key}.${lastL2.label}`,
            `${lastL2.label}其中`,
            lastL2.amount,
            false,
          );
        }
        if (sub !== null) {
          sub.parts.push({ key: label, label, amount: v, pct: null });
        } else if (level2 !== null) {
          const key = ECON_CODES[label.replace(/的/g, '')] ?? label;
          level2.parts.push({ key, label, amount: v, pct: null });
          lastL2 = { label, amount: v };
        } else {
          out.skip(
            st,
            m.index,
            st.text.slice(m.index, m.index + m[0].length),
            '基本支出段落中未归属人员经费或公用经费的金额',
          );
        }
      }
    },
  });
}

/** Just before a number: the words of a statement the patterns above should have read. */
const RECOGNISED_BEFORE =
  /(?:年初预算|全年预算|支出决算|完成|占比|占|合计|总计|增长|下降)[^，。；\n]{0,4}$/;

/** Numbers with a unit that no pattern took: skipped (recognised clause) or mentions. */
function collectLeftovers(p: StreamParser): void {
  const { st, out } = p;
  for (const m of all(RE.anyNumber, st.masked)) {
    if (p.used.has(m.index)) continue;
    const after = st.masked.slice(m.index + m[0].length);
    const unit = SUFFIX_UNIT.exec(after)?.[1];
    if (unit === undefined) continue;
    const v = readAmount(m[0]);
    if (v === null) continue;
    // An explanation (主要原因…) is its own clause: its figures are mentions, not statements.
    const reason = st.text.lastIndexOf('原因', m.index - 1);
    const from = Math.max(
      st.text.lastIndexOf('。', m.index - 1),
      st.text.lastIndexOf('；', m.index - 1),
      st.text.lastIndexOf('\n', m.index - 1),
      reason < 0 ? -1 : reason - 1,
    );
    const ends = ['。', '；', '\n'].map((c) => st.text.indexOf(c, m.index)).filter((i) => i >= 0);
    const to = ends.length > 0 ? Math.min(...ends) : st.text.length;
    const clause = st.text.slice(from + 1, to).trim() || m[0];
    const line = p.lineAt(m.index);
    const before = st.text.slice(Math.max(0, m.index - 12), m.index);
    if (unit === '%' || RECOGNISED_BEFORE.test(before)) {
      out.skipped.push({
        line,
        text: `${m[0]}${unit}：${clause}`,
        where: `情况说明/${SECTION_NAMES[st.section]}`,
        reason: '识别到标准句式，但未能解析出这个数字的含义',
      });
    } else {
      out.n.mentions.push({ section: st.section, value: { v, line }, unit, context: clause });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 第一部分 概况: staffing and organisation counts

const CN_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN_DIGITS[s] ?? null;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m === null) return null;
  return (
    (m[1] === undefined ? 1 : (CN_DIGITS[m[1]] ?? 0)) * 10 +
    (m[2] === undefined ? 0 : (CN_DIGITS[m[2]] ?? 0))
  );
}

const CNUM = '\\d+|[一二两三四五六七八九十]+';
const OVERVIEW: readonly { re: RegExp; key: string; label: string; unit: string }[] = [
  {
    re: new RegExp(`(?<n>${CNUM})\\s*个\\s*内设(?:科室|处室|股室|机构)`, 'gd'),
    key: 'internalUnits',
    label: '内设机构',
    unit: '个',
  },
  {
    re: new RegExp(`内设\\s*(?<n>${CNUM})\\s*个\\s*(?:科室|处室|股室|机构)`, 'gd'),
    key: 'internalUnits',
    label: '内设机构',
    unit: '个',
  },
  {
    re: new RegExp(`(?<n>${CNUM})\\s*个\\s*(?:二级预算单位|二级单位)`, 'gd'),
    key: 'subordinateUnits',
    label: '二级预算单位',
    unit: '个',
  },
  {
    re: new RegExp(`(?:下属|所属)二级(?:预算)?单位\\s*(?<n>${CNUM})\\s*个`, 'gd'),
    key: 'subordinateUnits',
    label: '二级预算单位',
    unit: '个',
  },
  {
    re: new RegExp(`(?<n>${CNUM})\\s*个\\s*参公单位`, 'gd'),
    key: 'civilServiceUnits',
    label: '参公单位',
    unit: '个',
  },
  {
    re: new RegExp(`独立编制机构数\\s*(?<n>${CNUM})\\s*个`, 'gd'),
    key: 'independentUnits',
    label: '独立编制机构数',
    unit: '个',
  },
  {
    re: new RegExp(`编制\\s*(?<n>${CNUM})\\s*名`, 'gd'),
    key: 'staffQuota',
    label: '编制',
    unit: '名',
  },
  {
    re: new RegExp(
      `(?:实有人数|实有在职人员|在职人员|实有人员)\\s*(?<n>${CNUM})\\s*(?:名|人)`,
      'gd',
    ),
    key: 'staffActual',
    label: '实有人数',
    unit: '人',
  },
  {
    re: new RegExp(`(?:离退休人员|退休人员)\\s*(?<n>${CNUM})\\s*(?:名|人)`, 'gd'),
    key: 'retired',
    label: '退休人员',
    unit: '人',
  },
  {
    re: new RegExp(`(?<![副])主任\\s*(?<n>${CNUM})\\s*名`, 'gd'),
    key: 'leaders.director',
    label: '主任',
    unit: '名',
  },
  {
    re: new RegExp(`副主任\\s*(?<n>${CNUM})\\s*名`, 'gd'),
    key: 'leaders.deputyDirector',
    label: '副主任',
    unit: '名',
  },
  {
    re: new RegExp(`领导职数\\s*(?<n>${CNUM})\\s*正`, 'gd'),
    key: 'leaders.sectionChiefs',
    label: '科级领导职数（正）',
    unit: '名',
  },
  {
    re: new RegExp(`领导职数\\s*(?:${CNUM})\\s*正\\s*(?<n>${CNUM})\\s*副`, 'gd'),
    key: 'leaders.deputySectionChiefs',
    label: '科级领导职数（副）',
    unit: '名',
  },
];

function parseOverview(st: Stream, out: NarrativeBuilder): void {
  const seen = new Set<number>();
  for (const def of OVERVIEW) {
    for (const m of all(def.re, st.masked)) {
      const r = groupRange(m, 'n');
      if (r === null || seen.has(r[0])) continue;
      seen.add(r[0]);
      const printed = st.text.slice(r[0], r[1]);
      const n = cnNumber(printed);
      if (n === null) continue;
      const line = st.lines[r[0]] ?? 1;
      const isDigits = /^\d+$/.test(printed);
      out.n.overview.push({
        key: def.key,
        label: def.label,
        value: { v: String(n), line },
        unit: def.unit,
        ...(isDigits ? {} : { printed }),
      });
      if (!isDigits)
        out.n.formatIssues.push({
          kind: 'chineseNumeral',
          line,
          text: st.text.slice(m.index, m.index + m[0].length),
        });
    }
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Read the narrative part of a disclosure. `kind` says whether the document is a 决算 or a 预算;
 * both use the same sentence patterns where they overlap (budget-only phrasings are accepted too).
 */
export function parseNarrative(doc: SourceDoc, kind: '决算' | '预算'): NarrativeParse {
  const out = new NarrativeBuilder(kind);
  const start = findPart(doc, /^第三部分/, 1);
  const ov = findPart(doc, /^第一部分/, 1);
  if (ov !== null) {
    const ovEnd = findPart(doc, /^第二部分/, ov + 1) ?? start ?? doc.lines.length + 1;
    for (const st of buildStreams(doc, ov + 1, ovEnd, 'overview'))
      parseOverview({ ...st, section: 'overview' }, out);
  }
  if (start === null) {
    // 上海's budgets: no 第三部分, but a 编制说明 before the tables and 其他相关情况说明 after them.
    const ranges = budgetNoteRanges(doc);
    out.n.startLine = ranges[0]?.[0] ?? null;
    out.budgetNotes = true;
    for (const [from, to] of ranges)
      for (const st of buildStreams(doc, from + 1, to, 'other'))
        parseStream(new StreamParser(st, out));
    return { narrative: out.n, skipped: out.skipped };
  }
  out.n.startLine = start;
  const end = findPart(doc, /^第[四五]部分/, start + 1) ?? doc.lines.length + 1;
  for (const st of buildStreams(doc, start + 1, end, 'other')) {
    parseStream(new StreamParser(st, out));
  }
  return { narrative: out.n, skipped: out.skipped };
}
