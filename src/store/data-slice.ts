/** Data slice: manifest, bundles, load errors and source texts; actions that load them. */
import type { StateCreator } from 'zustand';
import { documentLabel } from '@/data/labels';
import { browserScriptHost, loadBundle, loadManifest, loadSourceText } from '@/data/load';
import type { LoadResult, ManifestEntry, ScriptHost } from '@/data/load';
import type { Bundle, Manifest } from '@/data/schema';
import { emptyTables, partlyReadTables } from '@/data/finding-ids';
import { MAX_USER_FILE_BYTES, readUserBundle, tooLargeMessage } from '@/data/user-bundles';
import { defaultUserStorage } from '@/data/user-storage';
import { MAX_USER_PDF_BYTES, readUserPdf } from '@/data/user-pdf';
import type { UserPdfResult } from '@/data/user-pdf';
import { readUserText } from '@/data/user-text';
import type { HalfMatch, RefusedHalf } from '@/data/pair-halves';
import { joinHalves, matchHalves, pairedWhat, unpairedMessage } from '@/data/pair-halves';
import type { UserBundleStorage } from '@/data/user-storage';
import { idRecord, withKey, withoutKeys } from '@/lib/id-record';
import type {
  AppState,
  DataSlice,
  LoadError,
  SourceState,
  UserFile,
  UserFileInput,
  UserImportOutcome,
} from './types';

export const initialDataState = {
  status: 'idle',
  manifest: null,
  manifestError: null,
  // No prototype: a lookup by any id, even "constructor", finds only what was set.
  bundles: idRecord<Bundle>(),
  loadErrors: idRecord<LoadError>(),
  requestedIds: idRecord<true>(),
  sources: idRecord<SourceState>(),
  userEntries: [],
  userFiles: [],
  userImportOutcomes: [],
  userImportProgress: null,
  userStorageProblem: null,
} satisfies Partial<DataSlice>;

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  return withoutKeys(record, (k) => k === key);
}

/** The built-in manifest entries: the manifest without the user's entries appended to it. */
function builtInEntries(s: AppState): ManifestEntry[] {
  const userIds = new Set(s.userEntries.map((e) => e.id));
  return (s.manifest?.bundles ?? []).filter((e) => !userIds.has(e.id));
}

/** The built-in manifest with the user's entries after it (views list documents from it). */
function mergedManifest(builtIn: Manifest | null, user: readonly ManifestEntry[]): Manifest | null {
  if (builtIn === null) return null;
  const ids = new Set(builtIn.bundles.map((e) => e.id));
  return { ...builtIn, bundles: [...builtIn.bundles, ...user.filter((e) => !ids.has(e.id))] };
}

/**
 * State after adding one valid user bundle. One built from a .txt brings its text (`sourceText`),
 * so 原文 shows it without loading anything.
 */
function withUserBundle(
  s: AppState,
  entry: ManifestEntry,
  bundle: Bundle,
  file: UserFile,
  sourceText?: string,
): Partial<AppState> {
  const userEntries = [...s.userEntries, entry];
  const builtIn = s.manifest ? { ...s.manifest, bundles: builtInEntries(s) } : null;
  return {
    userEntries,
    userFiles: [...s.userFiles, file],
    manifest: mergedManifest(builtIn, userEntries),
    bundles: withKey(s.bundles, entry.id, bundle),
    loadErrors: withoutKey(s.loadErrors, entry.id),
    ...(sourceText === undefined
      ? {}
      : {
          sources: withKey<SourceState>(s.sources, entry.id, { status: 'ready', text: sourceText }),
        }),
  };
}

/** State after dropping user file `id` (and its bundle, if it was in use). */
function withoutUserFile(s: AppState, id: string): Partial<AppState> {
  const inUse = s.userEntries.some((e) => e.id === id);
  const userEntries = s.userEntries.filter((e) => e.id !== id);
  const builtIn = s.manifest ? { ...s.manifest, bundles: builtInEntries(s) } : null;
  return {
    userFiles: s.userFiles.filter((f) => f.id !== id),
    userEntries,
    ...(inUse
      ? {
          manifest: mergedManifest(builtIn, userEntries),
          bundles: withoutKey(s.bundles, id),
          sources: withoutKey(s.sources, id),
        }
      : {}),
  };
}

/** A picked File's bytes; a test's input without `bytes` gives its text as UTF-8. */
async function readBytes(file: UserFileInput): Promise<Uint8Array> {
  return file.bytes ? file.bytes() : new TextEncoder().encode(await file.text());
}

function pdfTooLargeMessage(fileName: string, bytes: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `文件 ${fileName}：PDF 过大（${mb(bytes)} MB，上限 ${mb(MAX_USER_PDF_BYTES)} MB），未读取。请只保留公开表格所在的页面后再导入`;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Runs `flush` once the browser is about to paint (or soon, where frames do not run). */
function scheduleFrame(flush: () => void): void {
  const visible = typeof document === 'undefined' || document.visibilityState !== 'hidden';
  if (visible && typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
  else setTimeout(flush, 0);
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set, get) => {
  // Bundles load on demand (a province has thousands of documents; loading and
  // validating all of them at start-up took minutes). These live outside the state: they change
  // per request and nothing renders them.
  let dataHost: ScriptHost | null = null;
  const inFlight = new Map<string, Promise<void>>();
  let settled: { id: string; result: LoadResult<Bundle> }[] = [];
  let flushQueued = false;

  /** One store update for every bundle that settled since the last one (at most one per frame). */
  const flushSettled = () => {
    flushQueued = false;
    if (settled.length === 0) return;
    const batch = settled;
    settled = [];
    set((s) => {
      const loaded = new Set(batch.flatMap(({ id, result }) => (result.ok ? [id] : [])));
      const bundles = idRecord(Object.entries(s.bundles));
      const loadErrors = withoutKeys(s.loadErrors, (id) => loaded.has(id));
      for (const { id, result } of batch) {
        if (result.ok) bundles[id] = result.data;
        else loadErrors[id] = { message: result.message, issues: result.issues };
      }
      return { bundles, loadErrors };
    });
  };

  const startLoad = (host: ScriptHost, entry: ManifestEntry): Promise<void> => {
    const running = loadBundle(host, entry).then((result) => {
      inFlight.delete(entry.id);
      settled.push({ id: entry.id, result });
      if (!flushQueued) {
        flushQueued = true;
        scheduleFrame(flushSettled);
      }
    });
    inFlight.set(entry.id, running);
    return running;
  };

  // User files: every change goes through `exclusive`, so a sync started by another tab's message
  // never interleaves with an import or a removal in this one.
  let lock: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = lock.then(fn, fn);
    lock = run.catch(() => undefined);
    return run;
  };
  /** The running import's cancel (数据文件 → 取消); null when none runs. */
  let importController: AbortController | null = null;
  /** Ids kept in this page only (storage refused them): a sync must not drop them. */
  const memoryOnly = new Set<string>();
  const watched = new WeakSet<UserBundleStorage>();
  /** The stored user files being read back (loadAll); a deep link to one's 原文 waits for it. */
  let restoring: Promise<void> = Promise.resolve();

  /** Bring the user files in line with storage: drop the ones gone, add (or report) new ones. */
  const syncUserFiles = async (storage: UserBundleStorage): Promise<void> => {
    if (!storage.available) {
      set({
        userStorageProblem: '此浏览器不提供本地存储（IndexedDB），导入的文件在关闭页面后不会保留',
      });
      return;
    }
    let records: Awaited<ReturnType<typeof storage.list>>;
    try {
      records = await storage.list();
    } catch (err) {
      set({ userStorageProblem: `无法读取浏览器存储中的导入文件（${errorText(err)}）` });
      return;
    }
    const stored = new Set(records.map((r) => ('broken' in r ? r.label : r.id)));
    for (const f of get().userFiles) {
      if (!stored.has(f.id) && !memoryOnly.has(f.id)) set((s) => withoutUserFile(s, f.id));
    }
    for (const rec of records) {
      const s = get();
      if ('broken' in rec) {
        if (s.userFiles.some((f) => f.id === rec.label)) continue;
        set({
          userFiles: [
            ...s.userFiles,
            {
              id: rec.label,
              fileName: rec.label,
              addedAt: '',
              problem: `浏览器存储中的记录 “${rec.label}” 已损坏（${rec.broken}），无法恢复；请移除后重新导入`,
              ...(rec.key === rec.label ? {} : { storageKey: rec.key }),
            },
          ],
        });
        continue;
      }
      if (s.userFiles.some((f) => f.id === rec.id)) continue;
      const result = readUserBundle(
        rec.fileName,
        rec.text,
        { builtIn: builtInEntries(s), user: s.userFiles },
        rec.addedAt,
      );
      // A stored file that cannot be restored is listed with its problem, never dropped silently:
      // the user decides to remove it.
      const unrestorable = (problem: string) =>
        set((st) => ({
          userFiles: [
            ...st.userFiles,
            { id: rec.id, fileName: rec.fileName, addedAt: rec.addedAt, problem },
          ],
        }));
      if (result.ok && result.bundle.id !== rec.id) {
        // Edited storage: under this key the file could never be removed from the views.
        unrestorable(
          `保存的文件无法恢复：文件 ${rec.fileName}：id “${result.bundle.id}” 与浏览器存储中的记录编号 “${rec.id}” 不一致；请移除后重新导入`,
        );
      } else if (result.ok) {
        set((st) =>
          withUserBundle(
            st,
            result.entry,
            result.bundle,
            { id: rec.id, fileName: rec.fileName, addedAt: rec.addedAt, problem: null },
            rec.sourceText,
          ),
        );
      } else {
        unrestorable(`保存的文件无法恢复：${result.message}`);
      }
    }
  };

  return {
    ...initialDataState,

    requestBundles: async (ids, { retry = false } = {}) => {
      const s = get();
      const byId = new Map((s.manifest?.bundles ?? []).map((e) => [e.id, e]));
      const host = dataHost ?? browserScriptHost();
      const waits: Promise<void>[] = [];
      const fresh: string[] = [];
      for (const id of ids) {
        const entry = byId.get(id);
        if (!entry || s.bundles[id] !== undefined) continue;
        const running = inFlight.get(id);
        if (running) waits.push(running);
        else if (s.loadErrors[id] === undefined || retry) {
          fresh.push(id);
          waits.push(startLoad(host, entry));
        }
      }
      if (fresh.some((id) => s.requestedIds[id] === undefined)) {
        set((st) => ({
          requestedIds: idRecord([
            ...Object.entries(st.requestedIds),
            ...fresh.map((id) => [id, true] as const),
          ]),
        }));
      }
      if (waits.length === 0) return;
      await Promise.all(waits);
      // Callers awaiting the request see its bundles in the state, whether or not a frame ran.
      flushSettled();
    },

    loadAll: async (host = browserScriptHost(), storage = defaultUserStorage()) => {
      dataHost = host;
      set({ status: 'loading', manifestError: null });
      const manifest = await loadManifest(host);
      if (!manifest.ok) {
        // Keep whatever manifest and bundles an earlier load gave: a failed reload loses nothing.
        set({
          status: get().manifest ? 'ready' : 'error',
          manifestError: { message: manifest.message, issues: manifest.issues },
        });
        return;
      }
      // User entries whose id a built-in bundle now has give way to it (and say so).
      const builtInIds = new Set(manifest.data.bundles.map((e) => e.id));
      set((s) => ({
        status: 'ready',
        manifest: mergedManifest(manifest.data, s.userEntries),
        userEntries: s.userEntries.filter((e) => !builtInIds.has(e.id)),
        userFiles: s.userFiles.map((f) =>
          builtInIds.has(f.id) && f.problem === null
            ? { ...f, problem: `文件 ${f.fileName}：id “${f.id}” 与内置数据包相同，已改用内置数据` }
            : f,
        ),
      }));
      // Bundles are not loaded here: each view asks for the documents it shows (requestBundles).
      restoring = get().restoreUserFiles(storage);
      await restoring;
    },

    loadSource: async (id, { host = browserScriptHost(), retry = false } = {}) => {
      // Not a built-in document: maybe a user file still being restored, whose text it brings.
      if (!builtInEntries(get()).some((e) => e.id === id)) await restoring;
      const current = get().sources[id];
      if (current && !(retry && current.status === 'error')) return;
      const userFile = get().userFiles.find((f) => f.id === id);
      if (userFile) {
        // A user bundle comes without its text; asking data/sources/ would only log a 404.
        set((s) => ({
          sources: withKey(s.sources, id, {
            status: 'error',
            message: `“${id}”是用户导入的数据文件（${userFile.fileName}），没有附带原文文本；数字所注的行号指其原文的行`,
            final: true,
          }),
        }));
        return;
      }
      set((s) => ({ sources: withKey<SourceState>(s.sources, id, { status: 'loading' }) }));
      const result = await loadSourceText(host, id);
      set((s) => ({
        sources: withKey<SourceState>(
          s.sources,
          id,
          result.ok
            ? { status: 'ready', text: result.data }
            : { status: 'error', message: result.message },
        ),
      }));
    },

    importUserFiles: (files, storage = defaultUserStorage()) =>
      exclusive(async () => {
        // Storage is the one truth across tabs: see what other tabs added or removed first.
        if (storage.available) await syncUserFiles(storage);
        const outcomes: UserImportOutcome[] = [];
        const controller = new AbortController();
        importController = controller;
        const { signal } = controller;
        // Halves of a publication in two files (江苏: tables, 情况说明), read together at the end.
        const halves: RefusedHalf[] = [];
        /** Where each half's refusal stands among the outcomes, in the order files were dropped. */
        const refusalOf = new Map<RefusedHalf, UserImportOutcome>();

        /** Store a document; what to say of it (a refusal when storage would not take it). */
        const keep = async (
          fileName: string,
          result: UserPdfResult & { ok: true },
          ingested: boolean,
          what = `文件 ${fileName}`,
        ): Promise<UserImportOutcome> => {
          const { entry, bundle, record } = result;
          let kept = '';
          try {
            const added = await storage.add(record);
            if (!added.ok) {
              // Another tab took the id between our sync and this write: theirs stays.
              await syncUserFiles(storage);
              return {
                fileName,
                ok: false,
                message: `文件 ${fileName}：id “${record.id}” 已被用户导入的文件 ${added.existingFileName} 使用（可能是在另一个标签页中导入的），未导入。如要替换，请先移除它`,
              };
            }
            memoryOnly.delete(record.id);
          } catch (err) {
            memoryOnly.add(record.id);
            kept = `；但未能保存到浏览器存储（${errorText(err)}），刷新页面后需要重新导入`;
          }
          set((st) =>
            withUserBundle(
              st,
              entry,
              bundle,
              { id: record.id, fileName, addedAt: record.addedAt, problem: null },
              record.sourceText,
            ),
          );
          const checks = ingested ? `，${bundle.findings.length} 条校验结果` : '';
          const pdfNote = result.warnings?.length ? `；注意：${result.warnings.join('；')}` : '';
          // Tables recognised whose body gave no figure (checkTablesRead): said with the import.
          const empty = emptyTables(bundle.findings);
          const partly = partlyReadTables(bundle.findings);
          const emptyNote =
            (empty.length > 0
              ? `；注意：${empty.length} 张标准表认出了标题但没有读出数字（${empty.join('、')}），详见“数据校验”`
              : '') +
            (partly.length > 0
              ? `；注意：${partly.length} 张标准表有数字未能读入（${partly.join('、')}），详见“数据校验”`
              : '');
          return {
            fileName,
            ok: true,
            message: `已导入${what}：${documentLabel(entry)}（编号 ${entry.id}）${checks}${pdfNote}${emptyNote}${kept}`,
          };
        };

        // One at a time, so two files with the same id in one batch are caught.
        for (const file of files) {
          const fileName = file.name;
          const refuse = (message: string) => outcomes.push({ fileName, ok: false, message });
          if (signal.aborted) {
            refuse(`文件 ${fileName}：已取消导入，未保存任何数据`);
            continue;
          }
          const isText = /\.txt$/i.test(fileName);
          const isPdf = /\.pdf$/i.test(fileName);
          if (!isText && !isPdf && !/\.json$/i.test(fileName)) {
            refuse(`文件 ${fileName}：不是 .json 数据包、.txt 公开文本或 .pdf 公开文件，未导入`);
            continue;
          }
          if (isPdf && file.size !== undefined && file.size > MAX_USER_PDF_BYTES) {
            refuse(pdfTooLargeMessage(fileName, file.size));
            continue;
          }
          if (!isPdf && file.size !== undefined && file.size > MAX_USER_FILE_BYTES) {
            refuse(tooLargeMessage(fileName, file.size));
            continue;
          }
          const s = get();
          const taken = { builtIn: builtInEntries(s), user: s.userFiles };
          let result: UserPdfResult;
          if (isPdf) {
            set({ userImportProgress: { fileName, page: 0, pages: 0 } });
            try {
              const bytes = await readBytes(file);
              // pdf.js and the ingest load only now (src/data/load-pdf.ts, load-ingest.ts).
              result = await readUserPdf(fileName, bytes, taken, {
                signal,
                onPage: (page, pages) => set({ userImportProgress: { fileName, page, pages } }),
              });
            } catch (err) {
              refuse(`文件 ${fileName}：无法读取（${errorText(err)}），未导入`);
              continue;
            } finally {
              set({ userImportProgress: null });
            }
          } else {
            let text: string;
            try {
              text = await file.text();
            } catch (err) {
              refuse(`文件 ${fileName}：无法读取（${errorText(err)}），未导入`);
              continue;
            }
            // A .txt goes through the ingest, loaded only now (src/data/load-ingest.ts).
            result = isText
              ? await readUserText(fileName, text, taken)
              : readUserBundle(fileName, text, taken);
          }
          if (!result.ok) {
            if (result.half) {
              const h: RefusedHalf = {
                fileName,
                message: result.message,
                half: result.half,
                ...(result.warnings ? { warnings: result.warnings } : {}),
              };
              const outcome = { fileName, ok: false, message: unpairedMessage(h) };
              halves.push(h);
              refusalOf.set(h, outcome);
              outcomes.push(outcome);
            } else refuse(result.message);
            continue;
          }
          if (signal.aborted) {
            refuse(`文件 ${fileName}：已取消导入，未保存任何数据`);
            continue;
          }
          outcomes.push(await keep(fileName, result, isText || isPdf));
        }
        // Tables without a year and a 说明 without tables, dropped together: one document when
        // they read as one (pair-halves.ts). Each takes the place of its 公开表's refusal.
        const replace = (h: RefusedHalf, by: UserImportOutcome | null) => {
          const at = outcomes.indexOf(refusalOf.get(h) as UserImportOutcome);
          if (at !== -1) outcomes.splice(at, 1, ...(by === null ? [] : [by]));
        };
        const readings: HalfMatch[] = [];
        for (const tables of halves.filter((h) => h.half.refusal === 'no-year')) {
          for (const notes of halves.filter((h) => h.half.refusal === 'no-tables')) {
            if (signal.aborted) break;
            const fileName = `${tables.fileName} + ${notes.fileName}`;
            const s = get();
            const taken = { builtIn: builtInEntries(s), user: s.userFiles };
            const result = await readUserText(fileName, joinHalves(tables, notes), taken);
            readings.push({ tables, notes, result });
          }
        }
        if (signal.aborted) {
          for (const h of halves)
            replace(h, {
              fileName: h.fileName,
              ok: false,
              message: `文件 ${h.fileName}：已取消导入，未保存任何数据`,
            });
        } else {
          for (const { tables, notes, result } of matchHalves(readings)) {
            const fileName = `${tables.fileName} + ${notes.fileName}`;
            const warnings = [tables, notes].flatMap((h) =>
              (h.warnings ?? []).map((w) => `${h.fileName}：${w}`),
            );
            const outcome = result.ok
              ? await keep(
                  fileName,
                  warnings.length > 0 ? { ...result, warnings } : result,
                  true,
                  pairedWhat(tables, notes),
                )
              : { fileName, ok: false, message: result.message };
            replace(tables, outcome);
            replace(notes, null);
          }
        }
        if (importController === controller) importController = null;
        set({ userImportOutcomes: outcomes });
        return outcomes;
      }),

    cancelUserImport: () => importController?.abort(),

    removeUserFile: (id, storage = defaultUserStorage()) =>
      exclusive(async () => {
        const file = get().userFiles.find((f) => f.id === id);
        if (!file) return; // Never removes a built-in bundle.
        try {
          // By the record's real key: a corrupted record's key may not be a string.
          await storage.remove(file.storageKey ?? id);
          memoryOnly.delete(id);
          // The import's own line (已导入文件 …) would now be stale: the removal replaces it.
          set((s) => ({
            userImportOutcomes: [
              ...s.userImportOutcomes.filter((o) => o.fileName !== file.fileName),
              {
                fileName: file.fileName,
                ok: true,
                message: `已移除文件 ${file.fileName}（编号 ${id}）`,
              },
            ],
          }));
        } catch (err) {
          set({
            userImportOutcomes: [
              {
                fileName: file.fileName,
                ok: false,
                message: `文件 ${file.fileName}：未能从浏览器存储中删除（${errorText(err)}），刷新后可能再次出现`,
              },
            ],
          });
        }
        set((s) => withoutUserFile(s, id));
      }),

    restoreUserFiles: (storage = defaultUserStorage()) => {
      if (storage.available && !watched.has(storage)) {
        watched.add(storage);
        // Another tab added or removed a file: read the list again from storage.
        storage.watch(() => void get().restoreUserFiles(storage));
      }
      return exclusive(() => syncUserFiles(storage));
    },
  };
};
