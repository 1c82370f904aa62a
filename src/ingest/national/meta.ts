/**
 * Who published a national-layout document, which year and kind: from its cover or title line
 * ("上海市普陀区司法局2024年度部门决算", "2024年度XX区XX局部门决算", "XX局 2024 年度部门决算") and the
 * tables' own 编制部门 / 部门名称 / 单位名称 lines. Never from the file name or a list of units.
 */
import type { DocMeta } from '../metadata';
import { levelOf } from '../metadata';
import type { SourceDoc } from '../source-doc';
import { IngestError } from '../source-doc';
import { NAME_END, OVERVIEW_PART, TITLE_LINE, cleanName, squash } from './names';

/** 编制部门：X, 编制单位：X, 部门名称：X, 单位名称：X, 部门：X, 预算单位：X (not 金额单位：万元). */
const NAME_LINE =
  /(?:编制部门|编制单位|部门名称|单位名称|预算单位|主管部门|(?<![金额编制预算])部门)\s*[：:]\s*([\u4e00-\u9fa5（）()“”]{4,40})/;
const YEAR_IN_TITLE = /(?<!\d)(20\d{2})\s*年/;

/**
 * A cover printing the unit on its own line above "2024年度部门决算". A long name wraps over two
 * or three lines ("上海市普陀区规划和自然" / "资源局"): the lines above the last one are joined
 * when the joined name is printed elsewhere in the document too (目录, part headings), so a
 * heading above the name is never taken for part of it.
 */
function nameAbove(doc: SourceDoc, at: number): { name: string; line: number } | null {
  for (let i = at - 1, seen = 0; i >= 0 && seen < 3; i--) {
    const t = cleanName((doc.lines[i] ?? '').replace(/\f/g, ''));
    if (t === '') continue;
    seen++;
    if (t.length <= 40 && !/\d/.test(t) && NAME_END.test(t)) {
      const elsewhere = (from: number, joined: string) =>
        squash(doc.lines.filter((_, k) => k < from || k > at).join('')).includes(joined);
      let name = t;
      let line = i;
      for (let j = i - 1, parts = 1; j >= 0 && parts < 3; j--) {
        const above = cleanName((doc.lines[j] ?? '').replace(/\f/g, ''));
        if (above === '') continue;
        parts++;
        if (/\d/.test(above) || (above + name).length > 40 || !elsewhere(j, above + name)) break;
        name = above + name;
        line = j;
      }
      return { name, line: line + 1 };
    }
  }
  return null;
}

function overviewName(doc: SourceDoc): { name: string; line: number } | null {
  for (let i = 0; i < doc.lines.length; i++) {
    const m = OVERVIEW_PART.exec(squash(doc.lines[i] ?? ''));
    const name = m?.[1] === undefined ? '' : cleanName(m[1]);
    if (NAME_END.test(name)) return { name, line: i + 1 };
  }
  return null;
}

export interface NationalMetaInput {
  doc: SourceDoc;
  kind: '决算' | '预算';
  /** Global line and title of the first standard table, for the year when no cover states it. */
  firstTable: { line: number; title: string } | null;
}

export function readNationalMeta({ doc, kind, firstTable }: NationalMetaInput): DocMeta {
  let year: { value: number; line: number } | null = null;
  let scope: '部门' | '单位' | null = null;
  let titleName: { name: string; line: number } | null = null;
  for (let i = 0; i < doc.lines.length && year === null; i++) {
    const text = (doc.lines[i] ?? '').replace(/\f/g, '').trim();
    const m = TITLE_LINE.exec(text);
    if (m === null || m[5] !== kind) continue;
    year = { value: Number(m[2]), line: i + 1 };
    scope = m[4] === '单位' ? '单位' : '部门';
    const name = cleanName(`${m[1] ?? ''}${m[3] ?? ''}`);
    // A series title ("上海市普陀区2026年区级单位预算") names a level, not a unit: 预算单位 / 编制单位
    // does.
    if (name.length >= 4) titleName = /级$/.test(name) ? null : { name, line: i + 1 };
    else titleName = nameAbove(doc, i);
  }
  if (year === null && firstTable !== null) {
    const m = YEAR_IN_TITLE.exec(firstTable.title);
    if (m !== null) year = { value: Number(m[1]), line: firstTable.line };
  }
  if (year === null) {
    throw new IngestError(
      doc.file,
      firstTable?.line ?? 1,
      `找不到文档的年度：封面或标题应有“XXXX年度部门${kind}”字样，或表名前印有年度（如“2024年…${kind}表”）；未导入`,
      null,
      'no-year',
    );
  }

  let named: { name: string; line: number } | null = null;
  for (let i = 0; i < doc.lines.length && named === null; i++) {
    const m = NAME_LINE.exec(doc.lines[i] ?? '');
    const name = m?.[1] === undefined ? '' : cleanName(m[1]);
    if (NAME_END.test(name)) named = { name, line: i + 1 };
  }
  const unit = titleName ?? named ?? overviewName(doc);
  if (unit === null) {
    throw new IngestError(
      doc.file,
      year.line,
      '找不到发布单位的名称：标题应为“单位名称 + XXXX年度部门决算/预算”，或表头印有“编制部门：”“部门名称：”“单位名称：”；未导入',
    );
  }
  if (!(year.value >= 2000 && year.value <= 2100)) {
    throw new IngestError(doc.file, year.line, `年度 ${year.value} 不是有效的预决算年度；未导入`);
  }
  const resolvedScope = scope ?? (/单位$/.test(unit.name) ? '单位' : '部门');
  return {
    unit: { name: unit.name, level: levelOf(unit.name), scope: resolvedScope },
    kind,
    fiscalYear: year.value,
    title: `${unit.name} ${year.value}年度${resolvedScope}${kind}`,
    lines: { kindYear: year.line, name: unit.line },
  };
}
