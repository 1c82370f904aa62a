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

/** Selected units that exist in the manifest, in selection order (use with useAppStoreShallow). */
export const selectSelectedEntries = (s: AppState): ManifestEntry[] =>
  s.selectedIds.flatMap((id) => {
    const e = selectEntry(id)(s);
    return e ? [e] : [];
  });

export type BundleStatus = 'loading' | 'loaded' | 'error';

export const selectBundleStatus =
  (id: string) =>
  (s: AppState): BundleStatus =>
    s.bundles[id] ? 'loaded' : s.loadErrors[id] ? 'error' : 'loading';

/** Fiscal years present, ascending (use with useAppStoreShallow). */
export const selectFiscalYears = (s: AppState): number[] =>
  [...new Set(selectEntries(s).map((e) => e.fiscalYear))].sort((a, b) => a - b);

/** Scopes present (部门 / 单位), in manifest order (use with useAppStoreShallow). */
export const selectScopes = (s: AppState): string[] => [
  ...new Set(selectEntries(s).map((e) => e.unit.scope)),
];

/**
 * The units a comparison view shows: the selection, or every document when nothing is selected
 * (use with useAppStoreShallow).
 */
export const selectComparedEntries = (s: AppState): ManifestEntry[] => {
  const selected = selectSelectedEntries(s);
  return selected.length > 0 ? selected : [...selectEntries(s)];
};
