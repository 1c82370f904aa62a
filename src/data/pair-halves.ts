/**
 * A publication in two files. 江苏 publishes a 部门预算 as its tables (公开表, whose year is printed
 * nowhere but in the file name) and its 情况说明 (cover, 说明, no table). Each alone is refused;
 * dropped together they are read as one text, the tables first, as the tables come before the
 * 说明 in a one-file document. Pure: the store runs the ingest.
 */
import type { PublicationHalf } from './user-bundles';

export interface RefusedHalf {
  fileName: string;
  /** The refusal of this file alone, said when no other file completes it. */
  message: string;
  half: PublicationHalf;
}

/** The tables' pages, then the 说明's from a new page: 原文 numbers them on. */
export function joinHalves(tables: RefusedHalf, notes: RefusedHalf): string {
  return `${tables.half.text.replace(/\n+$/, '')}\n\f${notes.half.text}`;
}

const compact = (t: string) => t.replace(/\s+/g, '');

/** Whether the tables print the unit the 说明's cover names (部门：…): the same publication. */
export function namesUnit(tables: RefusedHalf, unit: string): boolean {
  return unit.length >= 4 && compact(tables.half.text).includes(compact(unit));
}

function pageCount(text: string): number {
  return (text.match(/\f/g) ?? []).length + 1;
}

/** How the import message names the two files, and where each is in 原文. */
export function pairedWhat(tables: RefusedHalf, notes: RefusedHalf): string {
  const pages = pageCount(tables.half.text);
  return `文件 ${tables.fileName}（公开表）与 ${notes.fileName}（情况说明），两者合为一份文档（原文第 1–${pages} 页为前者，第 ${pages + 1} 页起为后者）`;
}

/** A half no other file completed: its refusal, and what would complete it. */
export function unpairedMessage(h: RefusedHalf): string {
  const other =
    h.half.refusal === 'no-year'
      ? '若其情况说明另成一个文件（如江苏的部门预算），请把两个文件一起导入，年度与单位取自情况说明'
      : '若其公开表另成一个文件（如江苏的部门预算），请把两个文件一起导入';
  return `${h.message}。${other}`;
}
