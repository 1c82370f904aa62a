/** Data slice: manifest, bundles, load errors and source texts; actions that load them. */
import type { StateCreator } from 'zustand';
import { browserScriptHost, loadAllBundles, loadManifest, loadSourceText } from '@/data/load';
import type { AppState, DataSlice } from './types';

export const initialDataState = {
  status: 'idle',
  manifest: null,
  manifestError: null,
  bundles: {},
  loadErrors: {},
  sources: {},
} satisfies Partial<DataSlice>;

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set, get) => ({
  ...initialDataState,

  loadAll: async (host = browserScriptHost()) => {
    set({ status: 'loading', manifestError: null });
    const manifest = await loadManifest(host);
    if (!manifest.ok) {
      // Keep whatever manifest and bundles an earlier load gave: a failed reload loses nothing.
      set({
        status: get().manifest ? 'ready' : 'error',
        manifestError: { message: manifest.message, issues: manifest.issues },
      });
      return;
    }
    set({ status: 'ready', manifest: manifest.data });
    await loadAllBundles(host, manifest.data, (entry, result) => {
      // Functional updates: bundles settle in any order, each adds to the latest state.
      if (result.ok) {
        set((s) => ({
          bundles: { ...s.bundles, [entry.id]: result.data },
          loadErrors: withoutKey(s.loadErrors, entry.id),
        }));
      } else {
        set((s) => ({
          loadErrors: {
            ...s.loadErrors,
            [entry.id]: { message: result.message, issues: result.issues },
          },
        }));
      }
    });
  },

  loadSource: async (id, { host = browserScriptHost(), retry = false } = {}) => {
    const current = get().sources[id];
    if (current && !(retry && current.status === 'error')) return;
    set((s) => ({ sources: { ...s.sources, [id]: { status: 'loading' } } }));
    const result = await loadSourceText(host, id);
    set((s) => ({
      sources: {
        ...s.sources,
        [id]: result.ok
          ? { status: 'ready', text: result.data }
          : { status: 'error', message: result.message },
      },
    }));
  },
});
