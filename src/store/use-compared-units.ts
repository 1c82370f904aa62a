/** The units a comparison view compares, each with its bundle (or why it is missing). */
import { useState } from 'react';
import type { ManifestEntry } from '@/data/load';
import type { Bundle } from '@/data/schema';
import { useAppStore, useAppStoreShallow } from './app-store';
import { selectComparedEntries, selectHasSelection } from './selectors';
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
  /**
   * Compared documents still loading before the view first showed its comparison (0 once it has).
   * A view opens on the whole comparison: its charts are drawn once, when every compared document
   * has loaded or failed, not once per arriving file. Units added later appear as they load.
   */
  waiting: number;
}

export function useComparedUnits(): ComparedUnits {
  const status = useAppStore((s) => s.status);
  const manifestError = useAppStore((s) => s.manifestError?.message ?? null);
  const entries = useAppStoreShallow(selectComparedEntries);
  const selected = useAppStore(selectHasSelection);
  const bundles = useAppStore((s) => s.bundles);
  const loadErrors = useAppStore((s) => s.loadErrors);
  useRequestBundles(entries.map((e) => e.id));
  const units = entries.map((entry) => ({
    entry,
    bundle: bundles[entry.id] ?? null,
    error: loadErrors[entry.id]?.message ?? null,
  }));
  const pending = units.filter((u) => u.bundle === null && u.error === null).length;
  // Remembered from an earlier render (React's "storing information from previous renders"):
  // set once, the first time nothing is pending, and never reset.
  const [shown, setShown] = useState(false);
  if (!shown && pending === 0 && units.length > 0) setShown(true);
  return { status, manifestError, selected, units, waiting: shown ? 0 : pending };
}
