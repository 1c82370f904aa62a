/**
 * Builds links into the source viewer that keep the current selection (for FigureValue.hrefFor):
 * a line, and the figure's printed value to mark in it.
 */
import { useCallback } from 'react';
import { useAppStore } from './app-store';
import { sourceHrefFor } from './routes';

export function useSourceHref(): (id: string) => (line: number, text?: string) => string {
  const selectedIds = useAppStore((s) => s.selectedIds);
  return useCallback((id: string) => sourceHrefFor(id, selectedIds), [selectedIds]);
}
