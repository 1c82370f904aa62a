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

/** A government level: 省级 (province), 市级 (city), 区县级 (district or county). */
export type GovernmentLevel = '省级' | '市级' | '区县级';

/**
 * The government level from a unit's own name, never from a list of known units: "…区/县/旗"
 * under a city is 区县级, a name with 省 and no 市 is 省级, else 市级 (大同市政务服务中心).
 */
export function governmentLevel(name: string): GovernmentLevel {
  const n = name.replace(/\[.*?\]|（.*?）|\(.*?\)/g, '');
  if (/市.+[区县旗]/.test(n) || /^[^省市]*[区县旗]/.test(n)) return '区县级';
  if (/省/.test(n) && !/市/.test(n)) return '省级';
  return '市级';
}

type UnitOf = Pick<Manifest['bundles'][number]['unit'], 'name' | 'level'>;

/**
 * A unit's level and kind. The bundle format stores a service center's level as 服务中心, which is
 * its kind: 大同市政务服务中心 is a 市级 unit that is a service center. Every view reads levels here.
 */
export function unitLevel(unit: UnitOf): { level: GovernmentLevel; kind: '服务中心' | null } {
  return unit.level === '服务中心'
    ? { level: governmentLevel(unit.name), kind: '服务中心' }
    : { level: unit.level, kind: null };
}

/** The level as shown and searched: "市级", or "市级 · 服务中心" for a service center. */
export function levelLabel(unit: UnitOf): string {
  const { level, kind } = unitLevel(unit);
  return kind === null ? level : `${level} · ${kind}`;
}

/**
 * Short tag for a unit in chart labels and legends (distinguishes series without colour):
 * "省级单位2024", "市级部门2024", "市级服务中心2024".
 */
export function unitTag(entry: Entry): string {
  const { level, kind } = unitLevel(entry.unit);
  return `${level}${kind ?? entry.unit.scope}${entry.fiscalYear}`;
}

/** Headline figures in the order the overview shows them, with their printed names. */
export const HEADLINE_FIELDS = [
  { key: 'incomeTotal', label: '本年收入合计' },
  { key: 'expenseTotal', label: '本年支出合计' },
  { key: 'basicExpense', label: '基本支出' },
  { key: 'projectExpense', label: '项目支出' },
] as const;

/**
 * True when every whitespace-separated word of `query` occurs in the document's name, level
 * (levelLabel: "市级" finds 大同市政务服务中心), scope, kind or year ("大同 2024 决算").
 * An empty query matches everything.
 */
export function entryMatches(entry: Entry, query: string): boolean {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text =
    `${entry.unit.name} ${levelLabel(entry.unit)} ${documentKindLabel(entry)}`.toLowerCase();
  return words.every((w) => text.includes(w.toLowerCase()));
}
