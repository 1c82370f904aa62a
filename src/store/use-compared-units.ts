/** The units a comparison view compares, each with its bundle (or why it is missing). */
import type { ManifestEntry } from '@/data/load';
import type { Bundle } from '@/data/schema';
import { useAppStore, useAppStoreShallow } from './app-store';
import { selectComparedEntries } from './selectors';
import type { LoadStatus } from './types';
import { useRequestBundles } from './use-request-bundles';

export interface ComparedUnit {
  entry: ManifestEntry;
  bundle: Bundle | null;
  /** Why the bundle could not be loaded; null while loading or when loaded. */
  error: string | null;
}

export interface ComparedUnits {
  status: LoadStatus;
  manifestError: string | null;
  /** True when the user chose units; false when the view shows every document. */
  selected: boolean;
  units: ComparedUnit[];
}

export function useComparedUnits(): ComparedUnits {
  const status = useAppStore((s) => s.status);
  const manifestError = useAppStore((s) => s.manifestError?.message ?? null);
  const entries = useAppStoreShallow(selectComparedEntries);
  const selected = useAppStore((s) => s.selectedIds.length > 0);
  const bundles = useAppStore((s) => s.bundles);
  const loadErrors = useAppStore((s) => s.loadErrors);
  useRequestBundles(entries.map((e) => e.id));
  return {
    status,
    manifestError,
    selected,
    units: entries.map((entry) => ({
      entry,
      bundle: bundles[entry.id] ?? null,
      error: loadErrors[entry.id]?.message ?? null,
    })),
  };
}
