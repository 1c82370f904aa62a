/**
 * The shape of the one app store, slice by slice. Kept apart from the slice implementations so
 * each slice can type `StateCreator<AppState, [], [], XSlice>` without an import cycle.
 */
import type { ScriptHost } from '@/data/load';
import type { Bundle, Manifest } from '@/data/schema';
import type { ValidationIssue } from '@/data/validate';

/** idle: nothing asked yet; loading: manifest on its way; ready: manifest valid (bundles may still load); error: no usable manifest. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface LoadError {
  /** Chinese, names the bundle and the file. */
  message: string;
  /** Field-level problems when the file was present but invalid. */
  issues: ValidationIssue[];
}

export type SourceState =
  { status: 'loading' } | { status: 'ready'; text: string } | { status: 'error'; message: string };

export interface DataSlice {
  status: LoadStatus;
  manifest: Manifest | null;
  /** Why the manifest could not be used (status 'error'). */
  manifestError: LoadError | null;
  /** Valid bundles by id. Never emptied by a later failure. */
  bundles: Record<string, Bundle>;
  /** Bundles that failed to load or validate, by id. */
  loadErrors: Record<string, LoadError>;
  /** Original disclosure texts by bundle id, loaded on demand by the source viewer. */
  sources: Record<string, SourceState>;
  /** Load the manifest, then every bundle in parallel; each settles on its own. */
  loadAll: (host?: ScriptHost) => Promise<void>;
  /** Load the source text of bundle `id` unless it is loaded, loading or failed (`retry` tries a failed one again). */
  loadSource: (id: string, options?: { host?: ScriptHost; retry?: boolean }) => Promise<void>;
}

/** Views of the dashboard; each has a hash route `#/<view>`. */
export const VIEW_NAMES = [
  'overview',
  'execution',
  'yoy',
  'sangong',
  'performance',
  'tables',
  'checks',
  'source',
] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

/** What the source viewer shows: bundle `id`'s text, line `line` highlighted. */
export interface SourceTarget {
  id: string;
  line: number | null;
}

/** Everything the URL hash carries. */
export interface Route {
  view: ViewName;
  /** Units chosen for comparison (bundle ids), in the order chosen. */
  selectedIds: string[];
  /** Set only for view 'source' with a document chosen. */
  source: SourceTarget | null;
}

export interface SelectionSlice extends Route {
  /** Replace the whole route (from the URL hash). */
  setRoute: (route: Route) => void;
  setView: (view: ViewName) => void;
  openSource: (target: SourceTarget) => void;
  setSelectedIds: (ids: readonly string[]) => void;
  toggleSelected: (id: string) => void;
}

/** 万元 as printed, or 元 (× 10,000) on request. */
export type DisplayUnit = '万元' | '元';
/** Absolute amounts, or normalised measures (shares, rates) so units of very different size compare. */
export type MeasureMode = 'absolute' | 'share';

export interface OptionsSlice {
  displayUnit: DisplayUnit;
  measureMode: MeasureMode;
  setDisplayUnit: (unit: DisplayUnit) => void;
  setMeasureMode: (mode: MeasureMode) => void;
}

export type AppState = DataSlice & SelectionSlice & OptionsSlice;
