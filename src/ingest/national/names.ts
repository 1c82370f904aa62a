/**
 * How national-layout documents print their unit's name in titles and part headings, shared by
 * the reader of the document's metadata and the check that the name is the same everywhere.
 */

export const NAME_END =
  /(局|委|委员会|办公室|办公厅|厅|院|会|中心|所|站|队|馆|部|处|室|社|团|校|学|园|联合会|政府|法院|检察院)$/;
/**
 * "…2024年度部门决算", "…2024年部门预算", with the unit name before or after the year; also the
 * part headings "第二部分 XX局2024年度部门决算表" and "…部门决算情况说明".
 */
export const TITLE_LINE =
  /^(?:第[一二三四五六七八九十]+部分)?(.{0,40}?)\s*(?<!\d)(20\d{2})\s*年\s*度?\s*(.{0,40}?)\s*(部门|单位)\s*(决算|预算)\s*(?:公开|信息公开|表|情况说明|公开说明|报告)?\s*$/;
/** "第一部分 上海市XX局概况": the unit's name. */
export const OVERVIEW_PART = /^第一部分\s*(.{4,40}?)\s*(?:概况|基本情况)$/;
export const squash = (s: string) => s.replace(/\s+/g, '');

export function cleanName(raw: string): string {
  return squash(raw)
    .replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]/, '')
    .replace(/(?:公开|信息公开)$/, '');
}

/**
 * The unit a title or part heading names ("第二部分 XX局 2024 年度部门决算表", "第一部分 XX局概况"),
 * or null when the line is none or names no unit ("2024 年度部门决算").
 */
export function nameInHeading(line: string): string | null {
  const text = line.replace(/\f/g, '').trim();
  const t = TITLE_LINE.exec(text);
  const o = t === null ? OVERVIEW_PART.exec(squash(text)) : null;
  const name = cleanName(t !== null ? `${t[1] ?? ''}${t[3] ?? ''}` : (o?.[1] ?? ''));
  return name.length >= 4 && NAME_END.test(name) ? name : null;
}
