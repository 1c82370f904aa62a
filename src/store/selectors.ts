/** Derived values, computed from the store on read and never stored. */
import type { ManifestEntry } from '@/data/load';
import type { AppState } from './types';

const NO_ENTRIES: readonly ManifestEntry[] = [];

export const selectEntries = (s: AppState): readonly ManifestEntry[] =>
  s.manifest?.bundles ?? NO_ENTRIES;

export const selectEntry =
  (id: string) =>
  (s: AppState): ManifestEntry | undefined =>
    selectEntries(s).find((e) => e.id === id);

/** idle: not asked for yet (bundles load when a view shows them). */
export type BundleStatus = 'idle' | 'loading' | 'loaded' | 'error';

export const selectBundleStatus =
  (id: string) =>
  (s: Pick<AppState, 'bundles' | 'loadErrors' | 'requestedIds'>): BundleStatus =>
    s.bundles[id] ? 'loaded' : s.loadErrors[id] ? 'error' : s.requestedIds[id] ? 'loading' : 'idle';

/** Fiscal years present, ascending (use with useAppStoreShallow). */
export const selectFiscalYears = (s: AppState): number[] =>
  [...new Set(selectEntries(s).map((e) => e.fiscalYear))].sort((a, b) => a - b);

/** Scopes present (部门 / 单位), in manifest order (use with useAppStoreShallow). */
export const selectScopes = (s: AppState): string[] => [
  ...new Set(selectEntries(s).map((e) => e.unit.scope)),
];

/**
 * With nothing selected, views compare every document up to this many; beyond it (a province's
 * hundreds of units) the first this-many, and the comparison bar says so. Twenty bars per subject
 * is about what a chart can still show legibly.
 */
export const DEFAULT_COMPARED_LIMIT = 20;

/**
 * The units a comparison view shows: the selection, or with nothing selected every document
 * (at most DEFAULT_COMPARED_LIMIT, in manifest order) (use with useAppStoreShallow).
 */
export const selectComparedEntries = (s: AppState): ManifestEntry[] =>
  comparedEntries(selectEntries(s), s.selectedIds);

/**
 * A manifest's entries by id (the first of an id), built once per entries array: the selectors
 * here run on every store change, and a province's manifest has thousands of entries.
 */
const entryIndex = new WeakMap<readonly ManifestEntry[], ReadonlyMap<string, ManifestEntry>>();
function indexOf(entries: readonly ManifestEntry[]): ReadonlyMap<string, ManifestEntry> {
  let index = entryIndex.get(entries);
  if (index === undefined) {
    const byId = new Map<string, ManifestEntry>();
    for (const e of entries) if (!byId.has(e.id)) byId.set(e.id, e);
    index = byId;
    entryIndex.set(entries, index);
  }
  return index;
}

/**
 * What a comparison of `ids` shows: those in `entries`, in the order of `ids` (ids the manifest
 * does not know are skipped), or with none of them the default comparison.
 */
export function comparedEntries(
  entries: readonly ManifestEntry[],
  ids: readonly string[],
): ManifestEntry[] {
  const byId = indexOf(entries);
  const selected = ids.flatMap((id) => {
    const e = byId.get(id);
    return e ? [e] : [];
  });
  return selected.length > 0 ? selected : entries.slice(0, DEFAULT_COMPARED_LIMIT);
}

const NO_SELECTION: { known: readonly string[]; unknown: readonly string[] } = {
  known: [],
  unknown: [],
};

/**
 * The selection as the loaded documents know it: `known` ids in selection order, and `unknown`
 * ones (a link naming a document this copy does not have, or no longer has), which views skip
 * and the comparison bar names. Nothing is unknown before the manifest has loaded.
 */
export function selectionOf(
  entries: readonly ManifestEntry[],
  ids: readonly string[],
  manifestLoaded: boolean,
): { known: readonly string[]; unknown: readonly string[] } {
  if (ids.length === 0) return NO_SELECTION;
  if (!manifestLoaded) return { known: [...ids], unknown: [] };
  const loaded = indexOf(entries);
  return {
    known: ids.filter((id) => loaded.has(id)),
    unknown: ids.filter((id) => !loaded.has(id)),
  };
}

const selectionIn = (s: AppState) =>
  selectionOf(selectEntries(s), s.selectedIds, s.manifest !== null);

/** The selected ids the loaded documents include (use with useAppStoreShallow). */
export const selectKnownSelected = (s: AppState): readonly string[] => selectionIn(s).known;

/** The selected ids no loaded document has (use with useAppStoreShallow). */
export const selectUnknownSelected = (s: AppState): readonly string[] => selectionIn(s).unknown;

/** Whether the comparison shows chosen documents (some selected id is known), not the default. */
export const selectHasSelection = (s: AppState): boolean => selectionIn(s).known.length > 0;

/** How many documents exist and, with nothing selected, how many the views show of them. */
export const selectDefaultComparison = (s: AppState): { shown: number; total: number } => {
  const total = selectEntries(s).length;
  return { shown: Math.min(total, DEFAULT_COMPARED_LIMIT), total };
};
