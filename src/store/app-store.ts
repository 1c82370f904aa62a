/**
 * The one app store, combined from typed slices (zustand slices pattern). This module is the only
 * place that touches zustand's API; features use `useAppStore` / `useAppStoreShallow` from here.
 */
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createDataSlice } from './data-slice';
import { createOptionsSlice } from './options-slice';
import { createSelectionSlice } from './selection-slice';
import type { AppState } from './types';

export const useAppStore = create<AppState>()((...a) => ({
  ...createDataSlice(...a),
  ...createSelectionSlice(...a),
  ...createOptionsSlice(...a),
}));

/** For selectors that build a new array or object: re-renders only when its items change. */
export function useAppStoreShallow<T>(selector: (s: AppState) => T): T {
  return useAppStore(useShallow(selector));
}

/** Back to the initial state (tests call this after each test). */
export function resetAppStore(): void {
  useAppStore.setState(useAppStore.getInitialState(), true);
}
