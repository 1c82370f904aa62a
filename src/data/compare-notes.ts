/**
 * What a side-by-side comparison must say about its units: scopes (部门 vs 单位, and which 部门
 * already contains which 单位), years and document kinds. Every view shows these next to its figures.
 */
import type { Manifest } from './schema';

type Entry = Pick<Manifest['bundles'][number], 'id' | 'unit' | 'kind' | 'fiscalYear'>;

/** Base name without the "[部门]" suffix, for matching a unit to its department. */
function baseName(name: string): string {
  return name.replace(/\[(部门|单位)\]$/, '');
}

/** True when department `dept` consolidates unit `unit` (by parent code, parent name or member list). */
export function contains(dept: Entry, unit: Entry): boolean {
  if (dept.unit.scope !== '部门' || unit.unit.scope !== '单位' || dept.id === unit.id) return false;
  const p = unit.unit.parent;
  if (p?.code !== undefined && dept.unit.code !== undefined && p.code === dept.unit.code)
    return true;
  if (p !== undefined && baseName(p.name) === baseName(dept.unit.name)) return true;
  if (dept.unit.members?.includes(unit.unit.name)) return true;
  // The department's own bureau (本级) is part of it too.
  return baseName(dept.unit.name) === unit.unit.name;
}

export function comparisonNotes(entries: readonly Entry[]): string[] {
  const notes: string[] = [];
  if (entries.length < 2) return notes;
  for (const d of entries) {
    // Only the same year and document kind: the 2024 部门决算 does not contain a 2026 单位预算.
    const inside = entries.filter(
      (u) => contains(d, u) && u.fiscalYear === d.fiscalYear && u.kind === d.kind,
    );
    if (inside.length > 0) {
      notes.push(
        `${d.unit.name}（部门）的数字已包含${inside.map((u) => u.unit.name).join('、')}（单位），二者不可相加。`,
      );
    }
  }
  const scopes = new Set(entries.map((e) => e.unit.scope));
  if (scopes.size > 1) {
    notes.push('口径不同：部门数字合并了所属各单位，单位数字只含本单位。');
  }
  const years = [...new Set(entries.map((e) => e.fiscalYear))].sort((a, b) => a - b);
  if (years.length > 1) {
    notes.push(`年度不同：${years.map((y) => `${y}年`).join('、')}，每个数字属于其文件的年度。`);
  }
  const kinds = new Set(entries.map((e) => e.kind));
  if (kinds.size > 1) {
    notes.push('文件类型不同：决算是实际执行数，预算是计划数，二者对比时请注意。');
  }
  return notes;
}
