/**
 * The one app store, combined from typed slices (zustand slices pattern). This module is the only
 * place that touches zustand's API; features use `useAppStore` / `useAppStoreShallow` from here.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useShallow } from 'zustand/react/shallow';
import { createDataSlice } from './data-slice';
import { createOptionsSlice } from './options-slice';
import { createSelectionSlice } from './selection-slice';
import type { AppState } from './types';

/** A new store of the app state; the page has one (below), tests make more (one per "tab"). */
export function createAppStore() {
  return createStore<AppState>()((...a) => ({
    ...createDataSlice(...a),
    ...createSelectionSlice(...a),
    ...createOptionsSlice(...a),
  }));
}

const store = createAppStore();

/** zustand's bound hook: `useAppStore(selector)`, plus the store's API (getState, setState, …). */
function useBoundAppStore(): AppState;
function useBoundAppStore<T>(selector: (s: AppState) => T): T;
function useBoundAppStore<T>(selector?: (s: AppState) => T): T | AppState {
  // Without a selector, zustand's useStore returns the whole state.
  return useStore(store, selector as (s: AppState) => T);
}

export const useAppStore = Object.assign(useBoundAppStore, store);

/** For selectors that build a new array or object: re-renders only when its items change. */
export function useAppStoreShallow<T>(selector: (s: AppState) => T): T {
  return useAppStore(useShallow(selector));
}

/** Back to the initial state (tests call this after each test). */
export function resetAppStore(): void {
  useAppStore.setState(useAppStore.getInitialState(), true);
}
