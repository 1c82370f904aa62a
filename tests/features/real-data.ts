/**
 * Loads the committed manifest and bundles (public/data) into the store, as the app does at
 * start-up, so feature tests render the real figures of the five documents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, Manifest } from '@/data/schema';
import { validateBundle, validateManifest } from '@/data/validate';
import { narrativeDoc } from '@/ingest/national/build-national';
import { parseNarrative } from '@/ingest/narrative';
import { makeSourceDoc } from '@/ingest/source-doc';
import { useAppStore } from '@/store/app-store';

const DATA = join(__dirname, '../../public/data');

export function realManifest(): Manifest {
  const r = validateManifest(
    JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')),
    'manifest.json',
  );
  if (!r.ok) throw new Error(r.reason);
  return r.data;
}

export function realBundle(id: string): Bundle {
  const r = validateBundle(
    JSON.parse(readFileSync(join(DATA, `${id}.json`), 'utf8')),
    `${id}.json`,
  );
  if (!r.ok) throw new Error(r.reason);
  return r.data;
}

/** Put the manifest and every bundle into the store (status ready), optionally selecting units. */
export function loadRealData(selectedIds: string[] = []): void {
  const manifest = realManifest();
  const bundles = Object.fromEntries(manifest.bundles.map((e) => [e.id, realBundle(e.id)]));
  useAppStore.setState({ status: 'ready', manifest, bundles, selectedIds });
}

export const IDS = {
  province: 'shanxi-province-bureau-2024-final',
  cityDept: 'datong-city-dept-2024-final',
  cityBudget: 'datong-city-bureau-2026-budget',
  center: 'datong-service-center-2024-final',
  district: 'shuocheng-district-dept-2023-final',
} as const;

/**
 * A real bundle whose 情况说明 is replaced by a national one: an excerpt of tests/fixtures/national
 * that starts at line `first` of its document, read by the ingest's narrative reader at those
 * line numbers.
 */
export function withNationalNarrative(id: string, file: string, first: number): Bundle {
  const excerpt = readFileSync(join(__dirname, '../fixtures/national', file), 'utf8');
  const text = '\n'.repeat(first - 1) + excerpt;
  const { narrative } = parseNarrative(narrativeDoc(makeSourceDoc(file, text)), '决算');
  return { ...realBundle(id), narrative };
}
