/** Selection slice: the current view, the units chosen for comparison and the source target. Synced to the URL hash by hash-sync.ts. */
import type { StateCreator } from 'zustand';
import type { AppState, Route, SelectionSlice } from './types';

export const initialRoute = {
  view: 'overview',
  selectedIds: [],
  source: null,
  deck: [],
  slide: 0,
  tableDoc: null,
  tableId: null,
  matrixGroup: null,
  matrixSort: null,
  flagUnit: null,
  flagRule: null,
  flagSeverity: null,
  flagThresholds: {},
} satisfies Route;

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  ...initialRoute,
  sourceReturn: null,
  routeNotice: null,
  // A hash without a deck (an ordinary link) keeps the deck being prepared; the same for the
  // display options and the 明细表's choice (the sync writes them back into the address).
  // What the route does not change keeps its identity: a link to another view parses the same
  // selection from the hash, and components that read it are not rendered again for it.
  setRoute: (route) =>
    set((s) => ({
      view: route.view,
      selectedIds: sameJson(route.selectedIds, s.selectedIds)
        ? s.selectedIds
        : [...route.selectedIds],
      source: sameJson(route.source, s.source) ? s.source : route.source,
      deck: route.deck === undefined || sameJson(route.deck, s.deck) ? s.deck : route.deck,
      slide: route.slide ?? s.slide,
      displayUnit: route.displayUnit ?? s.displayUnit,
      measureMode: route.measureMode ?? s.measureMode,
      tableDoc: route.tableDoc === undefined ? s.tableDoc : route.tableDoc,
      tableId: route.tableId === undefined ? s.tableId : route.tableId,
      matrixGroup: route.matrixGroup === undefined ? s.matrixGroup : route.matrixGroup,
      matrixSort: route.matrixSort === undefined ? s.matrixSort : route.matrixSort,
      flagUnit: route.flagUnit === undefined ? s.flagUnit : route.flagUnit,
      flagRule: route.flagRule === undefined ? s.flagRule : route.flagRule,
      flagSeverity: route.flagSeverity === undefined ? s.flagSeverity : route.flagSeverity,
      flagThresholds:
        route.flagThresholds === undefined || sameJson(route.flagThresholds, s.flagThresholds)
          ? s.flagThresholds
          : route.flagThresholds,
    })),
  setView: (view) => set({ view, source: null }),
  openSource: (target) => set({ view: 'source', source: { ...target } }),
  setSelectedIds: (ids) => set({ selectedIds: [...new Set(ids)] }),
  toggleSelected: (id) =>
    set((s) => ({
      selectedIds: s.selectedIds.includes(id)
        ? s.selectedIds.filter((x) => x !== id)
        : [...s.selectedIds, id],
    })),
  chooseTableDoc: (tableDoc) => set({ tableDoc }),
  chooseTable: (tableId) => set({ tableId }),
  setMatrixGroup: (matrixGroup) => set({ matrixGroup }),
  setMatrixSort: (matrixSort) => set({ matrixSort }),
  setFlagView: (patch) => set(patch),
  addSlide: (slide) => set((s) => ({ deck: [...s.deck, { ...slide, units: [...slide.units] }] })),
  removeSlide: (index) =>
    set((s) => {
      const deck = s.deck.filter((_, i) => i !== index);
      return { deck, slide: Math.min(s.slide, Math.max(deck.length - 1, 0)) };
    }),
  moveSlide: (index, by) =>
    set((s) => {
      const to = index + by;
      if (to < 0 || to >= s.deck.length) return {};
      const deck = [...s.deck];
      const [moved] = deck.splice(index, 1);
      if (moved !== undefined) deck.splice(to, 0, moved);
      return { deck };
    }),
  setSlide: (index) =>
    set((s) => ({ slide: Math.min(Math.max(index, 0), Math.max(s.deck.length - 1, 0)) })),
});

/** Equal as data (ids, a source target, a deck: small plain values). */
function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
