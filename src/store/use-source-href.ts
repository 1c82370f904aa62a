/** Builds links into the source viewer that keep the current selection (for FigureValue.hrefFor). */
import { useCallback } from 'react';
import { useAppStore } from './app-store';
import { sourceHref } from './routes';

export function useSourceHref(): (id: string) => (line: number) => string {
  const selectedIds = useAppStore((s) => s.selectedIds);
  return useCallback(
    (id: string) => (line: number) => sourceHref(id, line, selectedIds),
    [selectedIds],
  );
}
