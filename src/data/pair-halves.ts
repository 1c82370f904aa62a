/**
 * A publication in two files. 江苏 publishes a 部门预算 as its tables (公开表, whose year is printed
 * nowhere but in the file name) and its 情况说明 (cover, 说明, no table). Each alone is refused;
 * dropped together they are read as one text, the tables first, as the tables come before the
 * 说明 in a one-file document. Pure: the store runs the ingest and calls `matchHalves`.
 */
import type { Bundle } from './schema';
import type { PublicationHalf, UserBundleResult } from './user-bundles';

export interface RefusedHalf {
  fileName: string;
  /** The refusal of this file alone, said when no other file completes it. */
  message: string;
  half: PublicationHalf;
  /** The PDF reader's notes on this file (pages without text), said with the document. */
  warnings?: readonly string[];
}

const hasPages = (t: string) => t.includes('\f');

/** The tables, then the 说明 from a new page (PDFs) or a new line (texts): 原文 numbers them on. */
export function joinHalves(tables: RefusedHalf, notes: RefusedHalf): string {
  const paged = hasPages(tables.half.text) || hasPages(notes.half.text);
  return `${tables.half.text.replace(/\n+$/, '')}\n${paged ? '\f' : ''}${notes.half.text}`;
}

const compact = (t: string) => t.replace(/\s+/g, '');

/**
 * Whether a joined reading is one publication: its 说明 states totals and not one of them
 * disagrees with the tables (a 说明 of another year or unit does, by thousands of 万元). The
 * unit the 说明 names is printed in the tables too, unless they print its full name
 * (中国共产党江苏省委员会办公厅 for 江苏省委办公厅): then the totals alone decide.
 */
export function oneDocument(bundle: Bundle): boolean {
  const stated = bundle.narrative.totals.length > 0 && bundle.tables.length > 0;
  return stated && !bundle.findings.some((f) => f.id.startsWith('nt-'));
}

/** Whether the tables print the unit the 说明's cover names. */
export function namesUnit(tables: RefusedHalf, unit: string): boolean {
  return unit.length >= 4 && compact(tables.half.text).includes(compact(unit));
}

export interface HalfMatch {
  tables: RefusedHalf;
  notes: RefusedHalf;
  result: UserBundleResult;
}

/**
 * Pairs every 公开表 with the one 说明 it reads as one document with, and only when that 说明
 * fits no other 公开表 (a folder of three years' files). A joined reading refused for another
 * reason (the document is already loaded) counts when the unit matches, so its refusal is said.
 */
export function matchHalves(readings: readonly HalfMatch[]): HalfMatch[] {
  const fits = readings.filter(({ tables, result }) =>
    result.ok
      ? oneDocument(result.bundle)
      : result.half === undefined && namesUnit(tables, unitInMessage(result.message)),
  );
  return fits.filter(
    (m) =>
      fits.filter((o) => o.tables === m.tables).length === 1 &&
      fits.filter((o) => o.notes === m.notes).length === 1,
  );
}

/** The unit a refusal of a whole document names: “这是“江苏省人大常委会办公厅2019年度部门预算”…”. */
function unitInMessage(message: string): string {
  return /这是“([^”]+?)\s*\d{4}/.exec(message)?.[1] ?? '';
}

function pageCount(text: string): number {
  return (text.match(/\f/g) ?? []).length + 1;
}

/** How the import message names the two files, and where each is in 原文. */
export function pairedWhat(tables: RefusedHalf, notes: RefusedHalf): string {
  const both = `文件 ${tables.fileName}（公开表）与 ${notes.fileName}（情况说明），两者合为一份文档`;
  const text = tables.half.text.replace(/\n+$/, '');
  if (!hasPages(text) && !hasPages(notes.half.text)) {
    const lines = text.split('\n').length;
    return `${both}（原文第 1–${lines} 行为前者，第 ${lines + 1} 行起为后者）`;
  }
  const pages = pageCount(text);
  return `${both}（原文第 1–${pages} 页为前者，第 ${pages + 1} 页起为后者）`;
}

/** A half no other file completed: its refusal, and what would complete it. */
export function unpairedMessage(h: RefusedHalf): string {
  const other =
    h.half.refusal === 'no-year'
      ? '若其情况说明另成一个文件（如江苏的部门预算），请把两个文件一起导入，年度与单位取自情况说明'
      : '若其公开表另成一个文件（如江苏的部门预算），请把两个文件一起导入';
  return `${h.message}。${other}`;
}
