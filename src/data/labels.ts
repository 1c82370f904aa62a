/** How documents are named on screen and in messages, so every view says it the same way. */
import type { Manifest } from './schema';

type Entry = Pick<Manifest['bundles'][number], 'unit' | 'kind' | 'fiscalYear'>;

/** "2024年部门决算", "2026年单位预算". */
export function documentKindLabel(entry: Entry): string {
  return `${entry.fiscalYear}年${entry.unit.scope}${entry.kind}`;
}

/** "大同市行政审批服务管理局[部门] 2024年部门决算": unit name plus year, scope and kind. */
export function documentLabel(entry: Entry): string {
  return `${entry.unit.name} ${documentKindLabel(entry)}`;
}

/** Headline figures in the order the overview shows them, with their printed names. */
export const HEADLINE_FIELDS = [
  { key: 'incomeTotal', label: '本年收入合计' },
  { key: 'expenseTotal', label: '本年支出合计' },
  { key: 'basicExpense', label: '基本支出' },
  { key: 'projectExpense', label: '项目支出' },
] as const;

/**
 * True when every whitespace-separated word of `query` occurs in the document's name, level,
 * scope, kind or year ("大同 2024 决算"). An empty query matches everything.
 */
export function entryMatches(entry: Entry & { unit: { level: string } }, query: string): boolean {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = `${entry.unit.name} ${entry.unit.level} ${documentKindLabel(entry)}`.toLowerCase();
  return words.every((w) => text.includes(w.toLowerCase()));
}
