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
      : cellOf(t, '预算01', '本年收入合计', 'amount', 'income'),
    expenseTotal: final
      ? cellOf(t, '公开01', '本年支出合计', 'amount', 'expense')
      : cellOf(t, '预算01', '本年支出合计', 'total', 'expense'),
    basicExpense: basic,
    projectExpense: project,
    findings: { error: count('error'), warning: count('warning'), info: count('info') },
  };
}
