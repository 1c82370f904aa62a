/**
 * The one app store, combined from typed slices (zustand slices pattern). This module is the only
 * place that touches zustand's API; features use `useAppStore` / `useAppStoreShallow` from here.
 *
 * `useAppStore(selector)` is zustand's bound hook with one difference: under a parked (hidden)
 * view it reads the store through the view's gate (./parked-view), so a hidden view neither
 * re-renders on every change nor sees a half-updated store. Its API (getState, setState, subscribe,
 * getInitialState) is the store's own.
 */
import { useContext, useDebugValue, useSyncExternalStore } from 'react';
import { createStore } from 'zustand/vanilla';
import { useShallow } from 'zustand/react/shallow';
import { createDataSlice } from './data-slice';
import { createOptionsSlice } from './options-slice';
import { ParkedViewContext } from './parked-view';
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

const identity = (s: AppState) => s;

/** zustand's `useStore(api, selector)`, reading through the parked view's gate when there is one. */
function useBoundAppStore(): AppState;
function useBoundAppStore<T>(selector: (s: AppState) => T): T;
function useBoundAppStore<T>(selector: (s: AppState) => T | AppState = identity): T | AppState {
  const source = useContext(ParkedViewContext) ?? store;
  const slice = useSyncExternalStore(
    source.subscribe,
    () => selector(source.getState()),
    () => selector(store.getInitialState()),
  );
  useDebugValue(slice);
  return slice;
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
