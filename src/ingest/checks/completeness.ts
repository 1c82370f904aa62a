/**
 * Is the text whole? A text cut after its tables still ingests — every table is there — but the
 * narrative figures and the attached self-evaluations are gone with no other trace. The document
 * says what it contains: its 目录 lists its parts (第一部分 … 第五部分), and a part heading is
 * followed by its content. A part the 目录 promises that never comes, or a part heading with
 * nothing under it, is reported as a 完整性 finding, never passed over.
 */
import { emptyTableFindingId, partlyReadFindingId } from '../../data/finding-ids';
import type { Finding, Table } from '../../data/schema';
import { dec } from '../../domain/money';
import { NO_DATA } from '../layout/read-layout';
import type { SourceDoc } from '../source-doc';

const NUMERAL = '[一二三四五六七八九十]+';
/** "第三部分 情况说明\t17", "第四部分 名词解释.....28": a 目录 entry ends in its page number. */
const TOC_PART = new RegExp(
  String.raw`^\s*第(${NUMERAL})部分\s*(\S.*?)\s*(?:\t+|[.…·]{2,})\s*\d+\s*$`,
);
/** "第三部分 情况说明": a heading in the body (no page number). */
const BODY_PART = new RegExp(String.raw`^\s*第(${NUMERAL})部分\s*(\S.*)?$`);
const TOC_TITLE = /^\s*目\s*录\s*$/;

interface Part {
  numeral: string;
  title: string;
  line: number;
}

/** What a part carries, for the message: the user should know which figures they are missing. */
function whatIsLost(title: string): string | null {
  if (/情况说明/.test(title)) return '情况说明中的数字（执行率、与上年相比的增减、三公经费等）';
  if (/附件/.test(title)) return '附件中的绩效自评（或绩效目标）';
  return null;
}

function partName(p: Part): string {
  return `“第${p.numeral}部分 ${p.title}”`;
}

/** Last line with text on it (a file usually ends in a blank line). */
function lastTextLine(doc: SourceDoc): number {
  for (let i = doc.lines.length; i >= 1; i--) if ((doc.lines[i - 1] ?? '').trim() !== '') return i;
  return 1;
}

/**
 * A part heading's title. A long heading runs onto the next line in PDFs ("第三部分 XX局 2024
 * 年度部门决算情况" / "说明"): a short next line with no figure, punctuation or list number is the
 * rest of the title.
 */
function headingTitle(doc: SourceDoc, at: number, first: string): string {
  const next = doc.lines.slice(at + 1, at + 3).find((l) => l.trim() !== '') ?? '';
  const rest = next.replace(/\s+/g, '');
  const continues =
    rest.length > 0 &&
    rest.length <= 6 &&
    !/[\d，。：:、（(）)]/.test(rest) &&
    !BODY_PART.test(next);
  return (first.trim() + (continues ? rest : '')).trim();
}

function readParts(doc: SourceDoc): { toc: Part[]; body: Part[] } {
  const toc: Part[] = [];
  const body: Part[] = [];
  let tocSeen = false;
  doc.lines.forEach((text, i) => {
    if (TOC_TITLE.test(text)) tocSeen = true;
    const t = tocSeen ? TOC_PART.exec(text) : null;
    // Only the first 目录's parts: a later 目录 (of an attached report) lists its own sections.
    if (t !== null && body.length === 0) {
      toc.push({ numeral: t[1] ?? '', title: (t[2] ?? '').replace(/[.…·\s]+$/, ''), line: i + 1 });
      return;
    }
    const b = BODY_PART.exec(text);
    if (b !== null)
      body.push({ numeral: b[1] ?? '', title: headingTitle(doc, i, b[2] ?? ''), line: i + 1 });
  });
  return { toc, body };
}

export function checkCompleteness(doc: SourceDoc): Finding[] {
  const { toc, body } = readParts(doc);
  const end = lastTextLine(doc);
  const findings: Finding[] = [];

  const missing = toc.filter((p) => !body.some((b) => b.numeral === p.numeral));
  // Without a 目录, the parts the standard structure has: a text that has parts but no 情况说明.
  if (toc.length === 0 && body.length > 0 && !body.some((b) => /情况说明/.test(b.title))) {
    missing.push({ numeral: '三', title: '情况说明', line: body[body.length - 1]?.line ?? 1 });
  }
  if (missing.length > 0) {
    const lost = missing.map((p) => whatIsLost(p.title)).filter((s) => s !== null);
    const promised =
      toc.length > 0
        ? `目录（第 ${missing.map((p) => p.line).join('、')} 行）列出的${missing.map(partName).join('')}在正文中没有出现`
        : `正文分部分编排，却没有${missing.map(partName).join('')}`;
    findings.push({
      id: 'completeness-parts',
      severity: 'error',
      kind: 'completeness',
      message: `${promised}：文件在第 ${end} 行结束，可能被截断${lost.length > 0 ? `，${lost.join('和')}都未导入` : ''}。`,
      expected: missing.map((p) => `第${p.numeral}部分 ${p.title}`).join('、'),
      printed: `文件在第 ${end} 行结束`,
      lines: [...missing.map((p) => p.line), end].filter((n, i, all) => all.indexOf(n) === i),
    });
  }

  // A heading with nothing under it: the text was cut just after it.
  body.forEach((part, k) => {
    const next = body[k + 1]?.line ?? doc.lines.length + 1;
    const content = doc.lines.slice(part.line, next - 1).some((l) => l.trim() !== '');
    if (content) return;
    const lost = whatIsLost(part.title);
    findings.push({
      id: `completeness-empty-${k + 1}`,
      severity: 'error',
      kind: 'completeness',
      message: `${partName(part)}下面没有任何内容${next > doc.lines.length ? '（文件到此结束，可能被截断）' : ''}${lost !== null ? `，${lost}未导入` : ''}。`,
      expected: `第${part.numeral}部分的内容`,
      printed: '无内容',
      lines: [part.line],
    });
  });
  return findings;
}

/**
 * A standard table whose title was recognised but whose body gave no figure — no row at all, or
 * rows whose every cell is empty — while the document does not say 本表无数据: its columns or
 * rows were printed in a way the reader did not follow (a web page's copy, another province's
 * layout). Its figures are then missing from every view; said here, never left silent.
 */
export function checkTablesRead(tables: readonly Table[]): Finding[] {
  return tables.flatMap((t): Finding[] => {
    if (t.noData) return [];
    const figures = t.rows.reduce(
      (n, r) => n + Object.values(r.cells).filter((c) => c !== null).length,
      0,
    );
    if (figures > 0) return [];
    const read =
      t.rows.length === 0
        ? '认出了标题，但没有读出任何数据行'
        : `认出了标题、读出 ${t.rows.length} 行，但其中没有一个数字（表体的列未被识别）`;
    return [
      {
        id: emptyTableFindingId(t.id),
        severity: 'warning',
        kind: 'completeness',
        message: `标准表“${t.title}”（${t.id}）${read}：此表的数字未导入，请对照原文第 ${t.line} 行起。`,
        expected: '表体中的数字',
        printed: t.rows.length === 0 ? '0 行' : `${t.rows.length} 行，0 个数字`,
        lines: [t.line],
      },
    ];
  });
}

/**
 * A table noted as empty ("本部门2024年无“三公”经费和机关运行经费预算，故本表为空表") whose body
 * prints figures other than 0 (上海市普陀区人民政府万里街道办事处's 2024 budget: 47.91 under that
 * note). The two printed statements contradict each other: the figures are kept (the table is not
 * taken as empty, so no view shows "无" over them) and the note is reported beside them.
 */
export function emptyNoteWithFigures(
  doc: SourceDoc,
  tables: readonly Table[],
): { tables: Table[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const out = tables.map((t) => {
    if (!t.noData) return t;
    const shown = t.rows.flatMap((r) =>
      Object.values(r.cells).flatMap((c) => (c !== null && !dec(c.v).isZero() ? [c] : [])),
    );
    const first = shown[0];
    if (first === undefined) return t;
    // The note: below the title, within the table or just under it ("无" alone in the body counts).
    const last = Math.max(t.line, ...t.rows.map((r) => r.line));
    const note = doc.lines.findIndex(
      (l, i) => i + 1 > t.line && i + 1 <= last + 10 && (NO_DATA.test(l) || l.trim() === '无'),
    );
    const where = note >= 0 ? `第 ${note + 1} 行注明` : '注明';
    findings.push({
      id: `completeness-empty-note-${t.id}`,
      severity: 'warning',
      kind: 'completeness',
      message: `${t.id}“${t.title}”${where}本表为空（无数据），表中却印有数字（如第 ${first.line} 行的 ${first.v}）：两处自相矛盾，本看板按表中数字读入，请对照原文。`,
      expected: '注明为空的表没有数字，或有数字的表不注明为空',
      printed: note >= 0 ? (doc.lines[note] ?? '').trim().slice(0, 60) : '本表为空',
      lines: note >= 0 ? [note + 1, first.line] : [t.line, first.line],
    });
    return { ...t, noData: false };
  });
  return { tables: out, findings };
}

/**
 * A standard table read in part: lines of its body whose figures the reader could not give a row
 * or column (a layout it does not follow there). Those figures are in no view, and the table's
 * sums are checked without them; said, never left silent. Not for a table that gave no figure at
 * all (checkTablesRead says so).
 */
export function partlyReadFinding(t: Table, lines: readonly number[]): Finding[] {
  const figures = t.rows.some((r) => Object.values(r.cells).some((c) => c !== null));
  if (lines.length === 0 || !figures) return [];
  const unique = [...new Set(lines)].sort((a, b) => a - b);
  const shown = unique.length > 6 ? `${unique.slice(0, 6).join('、')} 等` : unique.join('、');
  return [
    {
      id: partlyReadFindingId(t.id),
      severity: 'warning',
      kind: 'completeness',
      message: `标准表“${t.title}”（${t.id}）有 ${unique.length} 行的数字未能对应到科目或列（第 ${shown} 行）：这些数字未导入，表内的合计核对也不包括它们，请对照原文。`,
      expected: '表体的每个数字都对应到科目和列',
      printed: `${unique.length} 行未读入`,
      lines: unique,
    },
  ];
}

/**
 * A national-layout document whose 情况说明 the reader did not find (上海's budgets print a
 * "2025年部门预算编制说明" instead of "第三部分 情况说明"): only its tables are imported, and the
 * user is told so, naming the heading it has, instead of finding the narrative's figures missing
 * without a word. Not when the part structure already says the part is missing (checkCompleteness).
 */
export function narrativeNotRead(doc: SourceDoc, afterLine: number): Finding[] {
  const heading = doc.lines.findIndex(
    (l, i) =>
      i + 1 > afterLine &&
      /(编制说明|情况说明|决算说明)\s*$/.test(l.trim()) &&
      !/[.…·]{2,}|\t/.test(l) &&
      l.trim().length <= 40,
  );
  const named =
    heading >= 0 ? `（第 ${heading + 1} 行“${(doc.lines[heading] ?? '').trim()}”）` : '';
  return [
    {
      id: 'completeness-narrative',
      severity: 'info',
      kind: 'completeness',
      message:
        heading >= 0
          ? `说明部分${named}不是标准的“第三部分 情况说明”写法，本工具未能读取：只导入了表格，说明中的数字（“三公”经费、机关运行经费、增减变化等）没有导入，请对照原文。`
          : '文中没有找到“情况说明”部分：只导入了表格，说明中的数字（“三公”经费、机关运行经费、增减变化等）没有导入。',
      expected: '第三部分 情况说明',
      printed: heading >= 0 ? (doc.lines[heading] ?? '').trim() : '未找到',
      lines: [heading >= 0 ? heading + 1 : afterLine],
    },
  ];
}

/** A standard table the document does not contain: a 完整性 warning, not a refusal. */
export function missingTableFinding(id: string, name: string, line: number): Finding {
  return {
    id: `completeness-table-${id}`,
    severity: 'warning',
    kind: 'completeness',
    message: `文中没有找到标准表“${name}”（${id}）：文档可能未公开此表，或其标题的印法未被识别；相关数字无法比较。`,
    expected: name,
    printed: '未找到',
    lines: [line],
  };
}
