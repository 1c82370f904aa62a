/**
 * What the disclosure rules ask of a document as a whole, beyond its arithmetic:
 * - a table printed empty (本表无数据) is explained in the text (本年度无此项收支, 0万元 …);
 * - the year and the unit's name are the same wherever the document prints them, and its 目录
 *   lists the tables the document prints (and prints the tables it lists);
 * - percentages are printed to at most two decimals;
 * - 三公经费 is explained in total and by item (出国, 购置, 运行维护, 接待).
 * Findings are reported beside the data, never corrected.
 */
import type { Finding, Table } from '../../data/schema';
import type { Narrative } from '../../data/schema-narrative';
import { dec } from '../../domain/money';
import { nameInHeading } from '../national/names';
import type { SourceDoc } from '../source-doc';

export interface DisclosureInput {
  kind: '决算' | '预算';
  fiscalYear: number;
  /** The unit's name as the document's cover prints it. */
  unitName: string;
  tables: readonly Table[];
  narrative: Narrative;
}

/** What an empty table is about, and how the text may say there is nothing. */
const EMPTY_SUBJECTS: readonly { re: RegExp; word: string; noActivity: string | null }[] = [
  { re: /政府性基金/, word: '政府性基金', noActivity: 'governmentFund' },
  { re: /国有资本经营/, word: '国有资本经营', noActivity: 'stateCapital' },
  { re: /三公/, word: '三公', noActivity: 'sangong' },
  { re: /上年结转/, word: '上年结转', noActivity: null },
];
const NOTHING =
  /无此项|没有|未安排|未发生|未使用|空表|无数据|不涉及|无[“"]?(?:三公|政府性基金|国有资本)/;

/** Lines of the text outside the tables: the 情况说明 and what follows, without table rows. */
function proseLines(doc: SourceDoc, from: number): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  for (let n = Math.max(1, from); n <= doc.lines.length; n++) {
    const t = (doc.lines[n - 1] ?? '').trim();
    if (t === '' || t.includes('\t') || /本表无数据/.test(t)) continue;
    out.push({ text: t, line: n });
  }
  return out;
}

/** Sentences of the prose (wrapped lines joined), for "does the text say so" searches. */
function sentences(lines: readonly { text: string }[]): string[] {
  return lines
    .map((l) => l.text)
    .join('')
    .split(/[。；;]/);
}

const bareTitle = (title: string) =>
  title
    .replace(
      /^(?:表[一二三四五六七八九十]+|[一二三四五六七八九十]+、|\d+[、.．]|公开\d+|预算\d+)/,
      '',
    )
    .replace(/\d{4}年度?/g, '')
    .replace(/[\s“”"‘’'（）()]/g, '');

function emptyTables(doc: SourceDoc, input: DisclosureInput): Finding[] {
  const { tables, narrative } = input;
  // No 情况说明 at all (a cut text): completeness.ts reports the missing part once.
  if (narrative.startLine === null) return [];
  const text = sentences(proseLines(doc, narrative.startLine));
  const findings: Finding[] = [];
  for (const t of tables.filter((x) => x.noData)) {
    const subject = EMPTY_SUBJECTS.find((s) => s.re.test(t.title));
    let explained: boolean;
    if (subject !== undefined) {
      const zero = new RegExp(
        `${subject.word}[^，,。；\\d]{0,24}?(?:0(?:\\.0+)?\\s*万元|为0|为零|为空)`,
      );
      explained =
        narrative.noActivity.some((a) => a.key === subject.noActivity) ||
        text.some((s) => s.includes(subject.word) && (NOTHING.test(s) || zero.test(s)));
    } else {
      const title = bareTitle(t.title);
      explained = text.some((s) => s.replace(/[\s“”"]/g, '').includes(title) && NOTHING.test(s));
    }
    if (explained) continue;
    findings.push({
      id: `disc-empty-${t.id}`,
      severity: 'warning',
      kind: 'completeness',
      message: `${t.id}“${t.title}”注明“本表无数据”，情况说明中却没有说明为什么没有数据（如“本年度无此项收支”或该项为0万元）`,
      expected: `情况说明中对${subject?.word ?? t.title}为空的说明`,
      printed: '本表无数据，正文未说明',
      lines: [t.line],
    });
  }
  return findings;
}

/** Every place the document names its year: titles, 单位名称 lines, statements that open with it. */
export function yearMentions(
  doc: SourceDoc,
  input: DisclosureInput,
): { year: number; line: number }[] {
  const out: { year: number; line: number }[] = [];
  const start = input.narrative.startLine ?? doc.lines.length + 1;
  doc.lines.forEach((raw, i) => {
    const t = raw.trim();
    const line = i + 1;
    const patterns = [
      // Cover, running title and 目录: "2024年度部门决算公开", "…管理局2023年部门决算公开报告".
      /^(?:\S{0,40}?)(\d{4})\s*年度?\s*(?:部门|单位)(?:决算|预算)/,
      // "第二部分 2024年部门决算表".
      /^第[一二三四五六七八九十]+部分\s*(\d{4})年/,
      // "部门名称：山西省行政审批服务管理局 2024年度".
      /(?:单位|部门)名称[：:]\s*\S+\s+(\d{4})年度?/,
    ];
    for (const re of patterns) {
      const m = re.exec(t);
      if (m?.[1] !== undefined) out.push({ year: Number(m[1]), line });
    }
    // A statement of the document's own figures opens with its year ("2024年度收入总计…"); not a
    // prior-year figure named as such ("2023年当年预算执行数为…", 上海's budgets) or a comparison
    // wrapped after its 比 ("…，比\n2023年预算增加25万元").
    const comparison =
      /^\d{4}年(?:当年)?预算执行数/.test(t) || /[比与较]$/.test((doc.lines[i - 1] ?? '').trim());
    if (line > start && !t.includes('\t') && !comparison) {
      const m = /^(\d{4})年度?(?![\d月])([^。]*)/.exec(t);
      if (m?.[1] !== undefined && /收入|支出|预算|决算|经费/.test(m[2] ?? '')) {
        out.push({ year: Number(m[1]), line });
      }
    }
  });
  for (const t of input.tables) {
    const m = /(\d{4})年/.exec(t.title);
    if (m?.[1] !== undefined) out.push({ year: Number(m[1]), line: t.line });
  }
  return out;
}

function yearAgreement(doc: SourceDoc, input: DisclosureInput): Finding[] {
  const other = yearMentions(doc, input).filter((m) => m.year !== input.fiscalYear);
  if (other.length === 0) return [];
  const lines = [...new Set(other.map((m) => m.line))].sort((a, b) => a - b);
  const years = [...new Set(other.map((m) => m.year))].sort();
  return [
    {
      id: 'disc-year',
      severity: 'warning',
      kind: 'format',
      message: `文件是 ${input.fiscalYear} 年度${input.kind}，第 ${lines.join('、')} 行却写作 ${years.join('、')} 年（标题、表名或正文中的年度不一致）`,
      expected: `${input.fiscalYear}年`,
      printed: years.map((y) => `${y}年`).join('、'),
      lines,
    },
  ];
}

const normName = (s: string) => s.replace(/\[.*?\]|［.*?］|（.*?）|\(.*?\)|\s/g, '');

/**
 * A short form of the name in a heading ("省检察院" for 江苏省人民检察院): its characters in order,
 * no 区 or 县 left out. Leaving out a district ("上海市规划和自然资源局" for 上海市普陀区规划和自然资源局)
 * names another government's unit.
 */
function abbreviates(short: string, full: string): boolean {
  let k = 0;
  let dropped = '';
  for (const ch of full) {
    if (ch === short[k]) k++;
    else dropped += ch;
  }
  return k === short.length && !/[区县]/.test(dropped);
}

function nameAgreement(doc: SourceDoc, input: DisclosureInput): Finding[] {
  const want = normName(input.unitName);
  const other: { name: string; line: number }[] = [];
  doc.lines.forEach((raw, i) => {
    const heading = nameInHeading(raw);
    if (heading !== null) {
      if (normName(heading) !== want && !abbreviates(normName(heading), want))
        other.push({ name: heading, line: i + 1 });
      return;
    }
    const m = /(?:单位|部门)名称[：:]\s*([^\s\t]+)/.exec(raw);
    if (m?.[1] === undefined) return;
    let name = m[1];
    // A name wrapped at the end of its line continues on the next ("…行政审批服 / 务管理局").
    const wrapped = raw.trimEnd().endsWith(name) && want.startsWith(normName(name));
    if (wrapped && normName(name) !== want) name += (doc.lines[i + 1] ?? '').trim().split(/\s/)[0];
    if (normName(name) !== want) other.push({ name, line: i + 1 });
  });
  if (other.length === 0) return [];
  const names = [...new Set(other.map((o) => o.name))];
  return [
    {
      id: 'disc-unit-name',
      severity: 'warning',
      kind: 'format',
      message: `封面的单位是“${input.unitName}”，第 ${other.map((o) => o.line).join('、')} 行的单位（部门）名称却是“${names.join('”、“')}”`,
      expected: input.unitName,
      printed: names.join('、'),
      lines: other.map((o) => o.line),
    },
  ];
}

/** 目录 entries under the tables part (第二部分 … 表), with their lines. */
export function tocTables(doc: SourceDoc): { title: string; line: number }[] {
  const out: { title: string; line: number }[] = [];
  let inToc = false;
  let inTables = false;
  for (let n = 1; n <= doc.lines.length; n++) {
    const t = (doc.lines[n - 1] ?? '').trim();
    if (/^目\s*录$/.test(t)) {
      inToc = true;
      continue;
    }
    if (!inToc) continue;
    if (t === '') continue;
    const entry = /^(.*?)\s*(?:\t+|[.…·]{2,})\s*\d+\s*$/.exec(t);
    if (entry === null) {
      if (out.length > 0 || n > 200) break; // the 目录 ended
      continue;
    }
    const title = entry[1] ?? '';
    if (/^第[一二三四五六七八九十]+部分/.test(title)) {
      inTables = /表/.test(title);
      continue;
    }
    if (inTables) out.push({ title, line: n });
  }
  return out;
}

function tocAgreement(doc: SourceDoc, input: DisclosureInput): Finding[] {
  const toc = tocTables(doc);
  if (toc.length === 0) return [];
  const listed = new Set(toc.map((e) => bareTitle(e.title)));
  const printed = new Set(input.tables.map((t) => bareTitle(t.title)));
  const unlisted = input.tables.filter((t) => !listed.has(bareTitle(t.title)));
  const missing = toc.filter((e) => !printed.has(bareTitle(e.title)));
  const findings: Finding[] = [];
  if (missing.length > 0) {
    findings.push({
      id: 'disc-toc-missing',
      severity: 'warning',
      kind: 'completeness',
      message: `目录列出的${missing.map((e) => `“${e.title}”`).join('')}在正文中没有同名的表`,
      expected: missing.map((e) => e.title).join('、'),
      printed: '正文无此表',
      lines: missing.map((e) => e.line),
    });
  }
  if (unlisted.length > 0) {
    findings.push({
      id: 'disc-toc-unlisted',
      severity: 'info',
      kind: 'completeness',
      message: `正文中的${unlisted.map((t) => `${t.id}“${t.title}”`).join('')}不在目录中（或目录中的表名与正文不同）`,
      expected: '目录中列出',
      printed: unlisted.map((t) => t.title).join('、'),
      lines: unlisted.map((t) => t.line),
    });
  }
  return findings;
}

function percentPrecision(doc: SourceDoc): Finding[] {
  const findings: Finding[] = [];
  doc.lines.forEach((raw, i) => {
    for (const m of raw.matchAll(/(?<![\d.])(\d+\.\d{3,})\s*[%％]/g)) {
      findings.push({
        id: `disc-pct-places-${i + 1}${findings.some((f) => f.lines[0] === i + 1) ? `-${m.index}` : ''}`,
        severity: 'info',
        kind: 'format',
        message: `百分比 ${m[1] ?? ''}% 印到了 ${(m[1] ?? '').split('.')[1]?.length ?? 0} 位小数，公开文件的百分比保留两位小数`,
        expected: '两位小数',
        printed: `${m[1] ?? ''}%`,
        lines: [i + 1],
      });
    }
  });
  return findings;
}

const SANGONG_ITEMS: readonly { key: string; label: string }[] = [
  { key: 'sangong.abroad', label: '因公出国（境）费' },
  { key: 'sangong.vehiclePurchase', label: '公务用车购置费' },
  { key: 'sangong.vehicleRunning', label: '公务用车运行维护费' },
  { key: 'sangong.reception', label: '公务接待费' },
];

/** Does the 三公 table print anything (a figure other than zero)? */
function sangongTablePrinted(tables: readonly Table[]): Table | null {
  const t = tables.find((x) => x.id === '公开09' || x.id === '预算10');
  if (t === undefined || t.noData) return null;
  const any = t.rows.some((r) =>
    Object.values(r.cells).some((c) => c != null && !/^0(?:\.0+)?$/.test(c.v)),
  );
  return any ? t : null;
}

function sangongByItem(input: DisclosureInput): Finding[] {
  const { narrative, tables } = input;
  if (narrative.noActivity.some((a) => a.key === 'sangong')) return [];
  const sg = narrative.sangong;
  const table = sangongTablePrinted(tables);
  if (sg === null) {
    if (narrative.startLine === null || table === null) return [];
    return [
      {
        id: 'disc-sangong-none',
        severity: 'warning',
        kind: 'completeness',
        message: `${table.id}“${table.title}”印有“三公”经费，情况说明中却没有说明“三公”经费（总额和各分项）`,
        expected: '“三公”经费总额及各分项的说明',
        printed: '未说明',
        lines: [table.line, narrative.startLine],
      },
    ];
  }
  const total = input.kind === '预算' ? (sg.budget ?? sg.actual) : sg.actual;
  // The national template states 公务用车购置及运行维护费 as one item: at 0 there is nothing to
  // split into 购置 and 运行维护.
  const vehiclesNil = sg.parts.some(
    (p) => p.key === 'sangong.vehicle' && p.amount !== null && dec(p.amount.v).isZero(),
  );
  const stated = (key: string) =>
    sg.parts.some((p) => p.key === key && p.amount !== null) ||
    (vehiclesNil && /^sangong\.vehicle(?:Purchase|Running)$/.test(key));
  const missing = [
    ...(total === null ? ['总额'] : []),
    ...SANGONG_ITEMS.filter((it) => !stated(it.key)).map((it) => it.label),
  ];
  if (missing.length === 0) return [];
  const lines = [
    ...(total !== null ? [total.line] : []),
    ...sg.parts.flatMap((p) => (p.amount !== null ? [p.amount.line] : [])),
  ];
  return [
    {
      id: 'disc-sangong-items',
      severity: 'warning',
      kind: 'completeness',
      message: `情况说明中的“三公”经费没有按总额和分项逐一说明：缺少${missing.join('、')}`,
      expected: '总额及因公出国（境）费、公务用车购置费、公务用车运行维护费、公务接待费',
      printed: `缺少${missing.join('、')}`,
      lines: lines.length > 0 ? [...new Set(lines)] : [narrative.startLine ?? 1],
    },
  ];
}

export function checkDisclosure(doc: SourceDoc, input: DisclosureInput): Finding[] {
  return [
    ...emptyTables(doc, input),
    ...yearAgreement(doc, input),
    ...nameAgreement(doc, input),
    ...tocAgreement(doc, input),
    ...percentPrecision(doc),
    ...sangongByItem(input),
  ];
}
