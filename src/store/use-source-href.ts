/** Builds links into the source viewer that keep the current selection (for FigureValue.hrefFor). */
import { useCallback } from 'react';
import { useAppStore } from './app-store';
import { sourceHrefFor } from './routes';

export function useSourceHref(): (id: string) => (line: number) => string {
  const selectedIds = useAppStore((s) => s.selectedIds);
  return useCallback((id: string) => sourceHrefFor(id, selectedIds), [selectedIds]);
}
