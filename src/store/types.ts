/**
 * The shape of the one app store, slice by slice. Kept apart from the slice implementations so
 * each slice can type `StateCreator<AppState, [], [], XSlice>` without an import cycle.
 */
import type { ManifestEntry, ScriptHost } from '@/data/load';
import type { UserBundleStorage } from '@/data/user-storage';
import type { Bundle, Manifest } from '@/data/schema';
import type { FlagRuleId, FlagSeverity, FlagThresholds } from '@/data/flag-thresholds';
import type { ValidationIssue } from '@/data/validate';
import type { AmountUnit } from '@/domain/money';

/** idle: nothing asked yet; loading: manifest on its way; ready: manifest valid (bundles may still load); error: no usable manifest. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface LoadError {
  /** Chinese, names the bundle and the file. */
  message: string;
  /** Field-level problems when the file was present but invalid. */
  issues: ValidationIssue[];
}

export type SourceState =
  | { status: 'loading' }
  | { status: 'ready'; text: string }
  /** `final`: trying again cannot help (a user's bundle that came without its text). */
  | { status: 'error'; message: string; final?: true };

/** A file the user loaded (数据文件 → 用户导入), kept in browser storage until removed. */
export interface UserFile {
  id: string;
  fileName: string;
  /** ISO time it was loaded. */
  addedAt: string;
  /** Why it is not shown (no longer validates, clashes with a built-in id …); null when in use. */
  problem: string | null;
  /** The record's key in browser storage where it is not `id` (a corrupted record's may be a number). */
  storageKey?: IDBValidKey;
}

/** What became of one file the user loaded, in Chinese, naming the file. */
export interface UserImportOutcome {
  fileName: string;
  ok: boolean;
  message: string;
}

/** A file picked or dropped: `File` in the browser, a plain object in tests. */
export interface UserFileInput {
  name: string;
  size?: number;
  text: () => Promise<string>;
  /** The raw bytes (a .pdf is binary); absent where only text can be read. */
  bytes?: () => Promise<Uint8Array>;
}

/** A PDF being read: shown as 第 page / pages 页 with a 取消 button; pages is 0 until opened. */
export interface UserImportProgress {
  fileName: string;
  page: number;
  pages: number;
}

export interface DataSlice {
  status: LoadStatus;
  manifest: Manifest | null;
  /** Why the manifest could not be used (status 'error'). */
  manifestError: LoadError | null;
  /** Valid bundles by id. Never emptied by a later failure. */
  bundles: Record<string, Bundle>;
  /** Bundles that failed to load or validate, by id. */
  loadErrors: Record<string, LoadError>;
  /** Bundles asked for at least once (loaded, loading or failed); the others are not loaded yet. */
  requestedIds: Record<string, true>;
  /**
   * Load these bundles unless loaded, loading or failed (`retry` tries failed ones again).
   * Arrivals are applied in one store update per frame; resolves once they are in the state.
   */
  requestBundles: (ids: readonly string[], options?: { retry?: boolean }) => Promise<void>;
  /** Original disclosure texts by bundle id, loaded on demand by the source viewer. */
  sources: Record<string, SourceState>;
  /** Load the manifest and the user's stored files; bundles load on demand (requestBundles). */
  loadAll: (host?: ScriptHost, storage?: UserBundleStorage) => Promise<void>;
  /** Load the source text of bundle `id` unless it is loaded, loading or failed (`retry` tries a failed one again). */
  loadSource: (id: string, options?: { host?: ScriptHost; retry?: boolean }) => Promise<void>;

  /** Manifest entries of the user's valid loaded bundles; also appended to `manifest.bundles`. */
  userEntries: ManifestEntry[];
  /** Every user file in storage, valid or not, in the order loaded. */
  userFiles: UserFile[];
  /** Outcomes of the latest import (picker or drop), shown by the 数据文件 panel. */
  userImportOutcomes: UserImportOutcome[];
  /** The PDF being read by the running import, or null. */
  userImportProgress: UserImportProgress | null;
  /**
   * Stop the running import: the PDF being read is dropped between pages and files not started
   * are skipped; nothing of them is stored. Files already imported stay.
   */
  cancelUserImport: () => void;
  /** Why loaded bundles will not survive a reload (no browser storage), or null. */
  userStorageProblem: string | null;
  /** Validate each file and add the valid ones (kept in browser storage); bad ones change nothing. */
  importUserFiles: (
    files: readonly UserFileInput[],
    storage?: UserBundleStorage,
  ) => Promise<UserImportOutcome[]>;
  /** Remove a user file from the app and from browser storage. */
  removeUserFile: (id: string, storage?: UserBundleStorage) => Promise<void>;
  /**
   * Bring the user files in line with browser storage: validate and add new records, drop the
   * ones removed (in another tab too); from then on, follow other tabs' changes.
   */
  restoreUserFiles: (storage?: UserBundleStorage) => Promise<void>;
}

/**
 * The views that compare the chosen units, in navigation order: each shows the comparison bar.
 */
export const COMPARISON_VIEWS = [
  'execution',
  'yoy',
  'sangong',
  'performance',
  'tables',
  'checks',
  'matrix',
  'flags',
] as const;

/** Views of the dashboard; each has a hash route `#/<view>`. */
export const VIEW_NAMES = ['overview', ...COMPARISON_VIEWS, 'source', 'present', 'data'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

/** Each view's name on screen (navigation, print header, slide list, messages). */
export const VIEW_LABELS: Readonly<Record<ViewName, string>> = {
  overview: '总览',
  execution: '预算执行',
  yoy: '同比变化',
  sangong: '三公经费',
  performance: '绩效评价',
  tables: '明细表',
  checks: '数据校验',
  matrix: '对比矩阵',
  flags: '疑点',
  source: '原文',
  present: '演示',
  data: '数据文件',
};

/** Whether a view compares the chosen units (one of COMPARISON_VIEWS). */
export function isComparisonView(view: ViewName): boolean {
  return (COMPARISON_VIEWS as readonly ViewName[]).includes(view);
}

/** Whether a view loads every compared document: all comparison views but 明细表, which shows one. */
export function loadsComparedDocuments(view: ViewName): boolean {
  return isComparisonView(view) && view !== 'tables';
}

/** What the source viewer shows: bundle `id`'s text, line `line` highlighted. */
export interface SourceTarget {
  id: string;
  line: number | null;
  /**
   * The `line` parameter as written when it names no line (0, -1, "abc", a number too large to
   * be exact): kept so the viewer can say that line does not exist, and the address stays as given.
   */
  badLine?: string;
  /** The figure's printed value (as in its bundle), marked inside the line (`q` in the hash). */
  text?: string;
}

/** One presenter slide: a chart (by its title) of a view, for a set of units. */
export interface Slide {
  view: ViewName;
  /** The ChartFrame title, unique within its view. */
  chart: string;
  units: string[];
  /**
   * Set when the chart was added under 显示：占比 / 比率: some charts (the 执行率 chart) are drawn
   * only there, so the slide shows that choice.
   */
  mode?: 'share';
}

/** Everything the URL hash carries. */
export interface Route {
  view: ViewName;
  /** Units chosen for comparison (bundle ids), in the order chosen. */
  selectedIds: string[];
  /** Set only for view 'source' with a document chosen. */
  source: SourceTarget | null;
  /** The presenter deck, kept in the URL so it can be prepared, bookmarked and reopened. */
  deck?: Slide[];
  /** 0-based index of the slide shown in presenter mode. */
  slide?: number;
  /**
   * Display options (`money=yuan`, `mode=share`). Like the deck, a hash without them (an ordinary
   * link) keeps the current ones; the hash written back always carries them when not the default.
   */
  displayUnit?: DisplayUnit;
  measureMode?: MeasureMode;
  /** 明细表: the chosen document and table (`doc`, `table`; in the hash of #/tables only). */
  tableDoc?: string | null;
  tableId?: string | null;
  /** 对比矩阵: the measure group and the sort (`group`, `sort`; in the hash of #/matrix only). */
  matrixGroup?: string | null;
  matrixSort?: string | null;
  /**
   * 疑点 (`#/flags` only): the filters (`unit`, `rule`, `sev`; null = all) and the thresholds the
   * user changed (`dev=40` …; absent = default). Absent from the route (an ordinary link): kept.
   */
  flagUnit?: string | null;
  flagRule?: FlagRuleId | null;
  flagSeverity?: FlagSeverity | null;
  flagThresholds?: FlagThresholds;
  /** What of the address could not be read (an unknown page, slides that do not parse). */
  notice?: string;
}

/** What the 疑点 view keeps in the address. */
export interface FlagViewState {
  flagUnit: string | null;
  flagRule: FlagRuleId | null;
  flagSeverity: FlagSeverity | null;
  flagThresholds: FlagThresholds;
}

/**
 * Where the source viewer was opened from, so that 返回 goes back there (not part of the address:
 * a pasted link has nowhere to go back to).
 */
export interface SourceReturn {
  /** The address of the view left, as it was. */
  hash: string;
  /** The address that opened the source viewer: the href of the figure clicked. */
  link: string;
  /** The page's scroll offset when the figure was clicked. */
  scrollY: number;
  /** The entry before this one in the browser history is `hash` (so 返回 is history.back()). */
  viaHistory: boolean;
}

export interface SelectionSlice extends Omit<Route, 'displayUnit' | 'measureMode'> {
  /** Replace the whole route (from the URL hash). */
  setRoute: (route: Route) => void;
  setView: (view: ViewName) => void;
  openSource: (target: SourceTarget) => void;
  setSelectedIds: (ids: readonly string[]) => void;
  toggleSelected: (id: string) => void;
  deck: Slide[];
  slide: number;
  tableDoc: string | null;
  tableId: string | null;
  /** Set by the hash sync while the source viewer is shown after another view. */
  sourceReturn: SourceReturn | null;
  /** What of the address the user opened could not be read (Route.notice); null once dismissed. */
  routeNotice: string | null;
  /** 明细表: choose a document (the chosen table stays, if it has one) or a table. */
  chooseTableDoc: (id: string) => void;
  chooseTable: (id: string) => void;
  matrixGroup: string | null;
  matrixSort: string | null;
  /** 对比矩阵: show a group of measures / sort by a measure (null: the defaults). */
  setMatrixGroup: (group: string | null) => void;
  setMatrixSort: (sort: string | null) => void;
  flagUnit: string | null;
  flagRule: FlagRuleId | null;
  flagSeverity: FlagSeverity | null;
  flagThresholds: FlagThresholds;
  /** 疑点: change filters or thresholds (the address follows). */
  setFlagView: (patch: Partial<FlagViewState>) => void;
  addSlide: (slide: Slide) => void;
  removeSlide: (index: number) => void;
  moveSlide: (index: number, by: -1 | 1) => void;
  setSlide: (index: number) => void;
}

/** 万元 as printed, or 元 (× 10,000) on request. */
export type DisplayUnit = AmountUnit;
/** Absolute amounts, or normalised measures (shares, rates) so units of very different size compare. */
export type MeasureMode = 'absolute' | 'share';

export interface OptionsSlice {
  displayUnit: DisplayUnit;
  measureMode: MeasureMode;
  setDisplayUnit: (unit: DisplayUnit) => void;
  setMeasureMode: (mode: MeasureMode) => void;
}

export type AppState = DataSlice & SelectionSlice & OptionsSlice;
