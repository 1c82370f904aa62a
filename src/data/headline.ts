/**
 * The manifest's headline figures of a bundle (本年收入/支出合计, 基本支出, 项目支出, findings per
 * severity), read from its standard tables. Browser-safe: the ingest writes the manifest with it,
 * and the app builds the manifest entry of a bundle the user loads from disk with it.
 */
import type { Bundle, Finding, Headline } from './schema';
import { readStructure } from './structure';
import { tableCell as cellOf } from './table-cell';

/** The manifest's headline figures, read from the standard tables. */
export function headlineOf(bundle: Bundle): Headline {
  const t = bundle.tables;
  const final = bundle.kind === '决算';
  const count = (s: Finding['severity']) => bundle.findings.filter((f) => f.severity === s).length;
  const { basic, project } = readStructure(bundle);
  return {
    incomeTotal: final
      ? cellOf(t, '公开01', '本年收入合计', 'amount', 'income')
      : yearTotal(t, '本年收入合计', '收入总计', 'amount', 'income'),
    expenseTotal: final
      ? cellOf(t, '公开01', '本年支出合计', 'amount', 'expense')
      : yearTotal(t, '本年支出合计', '支出总计', 'total', 'expense'),
    basicExpense: basic,
    projectExpense: project,
    findings: { error: count('error'), warning: count('warning'), info: count('info') },
  };
}

/**
 * A budget's 本年收入/支出合计 (预算01). 上海's 财务收支预算总表 prints the year's items and then
 * 收入总计 / 支出总计, with no 本年…合计 line because nothing else (no 上年结转, no 年末结转和结余) is
 * added: there the 总计 is that same sum, and the headline takes it, linked to its own line. A table
 * with a 结转 or 结余 row and no 本年…合计 line gives none.
 */
function yearTotal(
  tables: Bundle['tables'],
  key: string,
  total: string,
  col: string,
  group: 'income' | 'expense',
) {
  const printed = cellOf(tables, '预算01', key, col, group);
  if (printed !== null) return printed;
  const table = tables.find((x) => x.id === '预算01');
  if (table === undefined || table.rows.some((r) => /结转|结余/.test(r.label))) return null;
  return cellOf(tables, '预算01', total, col, group);
}
