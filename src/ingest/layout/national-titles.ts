/**
 * The national standard disclosure tables, found by TITLE (never by number or order: regions
 * number them 公开01, 一…九 or not at all). Every table of the national set is listed, including the
 * ones whose body is not read yet, so that the longest title wins: "财政拨款收入支出决算总表" must
 * not be taken for "收入支出决算总表", nor "财政拨款“三公”经费支出决算表" for "支出决算表".
 */

export type DocKind = '决算' | '预算';

export type TableKind =
  /** 收入支出决算总表 / 收支预算总表: two sides, 收入 | 支出. */
  | 'totals'
  | 'income'
  /** 支出决算表: 功能分类 rows × 本年支出合计, 基本支出, 项目支出 …. */
  | 'expenditure'
  /** 财政拨款收入支出决算总表: two sides; the 支出 side split by fund. */
  | 'fiscalTotals'
  | 'generalExpenditure'
  | 'basicExpenditure'
  /** 财政拨款“三公”经费支出决算表 (and the budget's “三公”经费预算表). */
  | 'threePublic'
  | 'govFund'
  | 'stateCapital'
  /** Any other 收/支/经费… 预算表 or 决算表 (政府采购, 机关运行经费, regional extras): found so it
   * ends the table before it, not read. */
  | 'other';

export interface TitleSpec {
  kind: TableKind;
  docKind: DocKind;
  /** Matched against the END of the normalised title line. */
  pattern: RegExp;
}

const t = (kind: TableKind, docKind: DocKind, pattern: RegExp): TitleSpec => ({
  kind,
  docKind,
  pattern,
});

/** Before 收入/支出: start, numbering, a year or 部门/单位 — not 财政拨款, 机关运行经费 … */
const LEAD = '(?:^|[^\\u4e00-\\u9fff]|年|度|部门|单位)';
const r = (source: string) => new RegExp(source);

export const TITLES: readonly TitleSpec[] = [
  t('totals', '决算', /收入支出决算总表$/),
  t('income', '决算', r(`${LEAD}收入决算(总)?表$`)),
  t('expenditure', '决算', r(`${LEAD}支出决算(总)?表$`)),
  t('fiscalTotals', '决算', /财政拨款收(入)?支(出)?决算总表$/),
  t('generalExpenditure', '决算', /一般公共预算财政拨款支出决算(明细)?表$/),
  t('basicExpenditure', '决算', /一般公共预算财政拨款基本支出决算(明细)?表$/),
  // With or without 一般公共预算, and with 会议费、培训费 or 机关运行经费 in the same table.
  t('threePublic', '决算', /(财政拨款)?“三公”经费.*决算(明细)?表$/),
  t('govFund', '决算', /政府性基金预算财政拨款收入支出决算(总)?表$/),
  t('stateCapital', '决算', /国有资本经营预算财政拨款(收入)?支出决算(总)?表$/),
  t('totals', '预算', /(收支预算总表|预算收支总表|收支总表)$/),
  t('income', '预算', r(`${LEAD}(收入预算(总)?表|收入总表)$`)),
  t('expenditure', '预算', r(`${LEAD}(支出预算(总)?表|支出总表)$`)),
  t('fiscalTotals', '预算', /财政拨款收支(预算)?总表$/),
  t('generalExpenditure', '预算', /一般公共预算(财政拨款)?支出(功能分类)?(预算)?表$/),
  t('basicExpenditure', '预算', /一般公共预算(财政拨款)?基本支出.*预算表$/),
  t('threePublic', '预算', /“三公”经费.*预算(表|情况表)$/),
  t('govFund', '预算', /政府性基金(预算)?(财政拨款)?(收入)?支出.*预算表$/),
  t('stateCapital', '预算', /国有资本经营预算(财政拨款)?(收入)?支出.*预算表$/),
];

/** Tried only when no title above matches. */
const OTHER: readonly TitleSpec[] = [
  t('other', '决算', /(收|支|经费|采购|资产|资金)[^表]{0,20}决算(明细)?表$/),
  t('other', '预算', /(收|支|经费|采购|资产|资金)[^表]{0,20}预算(明细)?表$/),
];

/** Title text with spaces removed and quotes unified to “…”, as the patterns expect. */
export function normalizeTitle(text: string): string {
  return (
    text
      .replace(/[\s\u3000]+/g, '')
      .replace(/["＂„‟〝〞″]([^"＂„‟〝〞″]*)["＂„‟〝〞″]/g, '“$1”')
      .replace(/‘|’/g, '“')
      .replace(/”三公”/g, '“三公”')
      // A trailing qualifier: 财政拨款支出预算表（功能科目）.
      .replace(/[（(][^（）()]{1,12}[）)]$/, '')
  );
}

/** Leaders of a table-of-contents entry: dot leaders, or a trailing page number after them. */
const TOC_LEADER = /(\.{4,}|…{2,}|·{4,}|-{6,})\s*\d*\s*$/;

export interface TitleMatch {
  spec: TitleSpec;
  /** The title as printed (trimmed). */
  title: string;
}

/**
 * The table a line titles, or null. The longest matching title wins (suffix clashes); a
 * table-of-contents entry, a sentence (punctuation, figures) or a long lead-in is not a title.
 */
export function matchTitle(text: string): TitleMatch | null {
  if (TOC_LEADER.test(text)) return null;
  // "公开 01 表：收支预算总表" (江苏 2018): the table's label before the title, colon included.
  const norm = normalizeTitle(text).replace(/^公开\d{1,2}表[：:]/, '');
  if (norm.length === 0 || /[。，；：:]|\d+\.\d+/.test(norm)) return null;
  for (const specs of [TITLES, OTHER]) {
    let best: { spec: TitleSpec; len: number } | null = null;
    for (const spec of specs) {
      const m = spec.pattern.exec(norm);
      if (m === null) continue;
      // What precedes the title may only be numbering, a year, a unit name: keep it short.
      if (m.index > 30) continue;
      if (best === null || m[0].length > best.len) best = { spec, len: m[0].length };
    }
    if (best !== null) return { spec: best.spec, title: text.trim() };
  }
  return null;
}
