/** Display options shared by every view: amounts in 万元 or 元, absolute amounts or shares/rates. */
import type { StateCreator } from 'zustand';
import type { AppState, OptionsSlice } from './types';

export const initialOptions = { displayUnit: '万元', measureMode: 'absolute' } as const;

export const createOptionsSlice: StateCreator<AppState, [], [], OptionsSlice> = (set) => ({
  ...initialOptions,
  setDisplayUnit: (displayUnit) => set({ displayUnit }),
  setMeasureMode: (measureMode) => set({ measureMode }),
});
