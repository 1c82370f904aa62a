/** Selection slice: the current view, the units chosen for comparison and the source target. Synced to the URL hash by hash-sync.ts. */
import type { StateCreator } from 'zustand';
import type { AppState, Route, SelectionSlice } from './types';

export const initialRoute: Route = { view: 'overview', selectedIds: [], source: null };

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  ...initialRoute,
  setRoute: (route) =>
    set({ view: route.view, selectedIds: [...route.selectedIds], source: route.source }),
  setView: (view) => set({ view, source: null }),
  openSource: (target) => set({ view: 'source', source: { ...target } }),
  setSelectedIds: (ids) => set({ selectedIds: [...new Set(ids)] }),
  toggleSelected: (id) =>
    set((s) => ({
      selectedIds: s.selectedIds.includes(id)
        ? s.selectedIds.filter((x) => x !== id)
        : [...s.selectedIds, id],
    })),
});
