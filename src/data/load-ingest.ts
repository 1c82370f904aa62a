/**
 * The text ingest in the browser (数据文件 → a dropped .txt): src/ingest/browser.ts built on its
 * own as dist/ingest.js, a classic script that sets `window.__BUDGET_INGEST__`. It is inserted
 * only when a text file is imported, so its ~100 KB never weigh on the first view; a classic
 * script because modules, fetch and `new Worker(url)` are blocked from file:// (docs/offline.md).
 */
import type { Bundle, Finding } from './schema';

export type IngestOutcome =
  | { ok: true; bundle: Bundle; sourceText: string; findings: readonly Finding[] }
  /**
   * Chinese, naming the file and, where the problem is in the text, its line. `refusal`: the
   * text has tables but no year, or a 说明 but no table (a half of a publication in two files).
   */
  | { ok: false; message: string; refusal?: 'no-tables' | 'no-year' };

/** What dist/ingest.js puts on `window.__BUDGET_INGEST__`. */
export interface IngestApi {
  ingestText(fileName: string, text: string): IngestOutcome;
}

declare global {
  interface Window {
    __BUDGET_INGEST__?: unknown;
  }
}

/** Where the script comes from and where its global lands; injectable for tests. */
export interface IngestHost {
  loadScript(src: string): Promise<void>;
  readonly globals: { __BUDGET_INGEST__?: unknown };
}

/** Beside index.html, like data/ (the second build writes it there). */
export const INGEST_SCRIPT = './ingest.js';

const NOT_LOADED = `无法加载文本导入程序 ingest.js（它应与 index.html 放在同一文件夹）。.txt 文件未导入；已加载的数据不受影响，.json 数据包仍可导入`;

function isIngestApi(x: unknown): x is IngestApi {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { ingestText?: unknown }).ingestText === 'function'
  );
}

function browserIngestHost(): IngestHost {
  // No page (tests in Node): nothing to insert a script into, which is reported like a failed load.
  if (typeof document === 'undefined') {
    return { globals: {}, loadScript: () => Promise.reject(new Error(NOT_LOADED)) };
  }
  return {
    globals: window,
    loadScript(src) {
      return new Promise<void>((resolve, reject) => {
        const el = document.createElement('script');
        el.src = src;
        el.onload = () => resolve();
        el.onerror = () => {
          // Removed so that a later try inserts a fresh tag.
          el.remove();
          reject(new Error(NOT_LOADED));
        };
        document.head.appendChild(el);
      });
    },
  };
}

/** One load per host (the page has one), so many .txt files insert the script once. */
const pending = new WeakMap<IngestHost, Promise<IngestApi>>();
let pageHost: IngestHost | null = null;

/**
 * The ingest, its script inserted once (a global already there — a test's, or an earlier load's —
 * is used as is). Rejects with a Chinese message when the script is missing or broken; a failed
 * load is tried again on the next call.
 */
export function loadIngest(
  host: IngestHost = (pageHost ??= browserIngestHost()),
): Promise<IngestApi> {
  const ready = host.globals.__BUDGET_INGEST__;
  if (isIngestApi(ready)) return Promise.resolve(ready);
  const inFlight = pending.get(host);
  if (inFlight) return inFlight;
  const load = host
    .loadScript(INGEST_SCRIPT)
    .then(() => {
      const api = host.globals.__BUDGET_INGEST__;
      if (!isIngestApi(api)) throw new Error(NOT_LOADED);
      return api;
    })
    .catch((err: unknown) => {
      pending.delete(host);
      throw err instanceof Error && err.message === NOT_LOADED ? err : new Error(NOT_LOADED);
    });
  pending.set(host, load);
  return load;
}
