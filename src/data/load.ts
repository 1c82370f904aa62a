/**
 * Loads the manifest, bundles and source texts by inserting classic <script> tags.
 * Why scripts and not fetch: the built app must open from file://, where fetch and XHR are
 * blocked but classic scripts load (docs in README, measured in docs/offline.md). Each data
 * script assigns into a window global; this module reads the global and validates it.
 *
 * Every function returns a result and never throws, so one missing or broken bundle becomes a
 * message and the others still load.
 */
import { documentKindLabel } from './labels';
import type { Bundle, Manifest } from './schema';
import { BUNDLE_ID_PATTERN } from './schema-common';
import { formatIssue, isSafeRelativePath, validateBundle, validateManifest } from './validate';
import type { ValidationIssue } from './validate';

export type ManifestEntry = Manifest['bundles'][number];

/** The window globals the data scripts assign (see README, "Data files"). */
export interface BudgetGlobals {
  __BUDGET_MANIFEST__?: unknown;
  __BUDGET_BUNDLES__?: Record<string, unknown>;
  __BUDGET_SOURCES__?: Record<string, unknown>;
}

declare global {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Window extends BudgetGlobals {}
}

/** Where scripts come from and where their globals land; injectable for tests. */
export interface ScriptHost {
  /** Resolves when the script has run, rejects when it could not be loaded. */
  loadScript(src: string): Promise<void>;
  readonly globals: BudgetGlobals;
}

export type LoadResult<T> =
  { ok: true; data: T } | { ok: false; message: string; issues: ValidationIssue[] };

/** Data folder relative to index.html; the same in dev (public/data) and in dist/data. */
export const DATA_BASE = './data/';

/** The real browser: one <script> per file, removed after it ran (its global stays). */
export function browserScriptHost(doc: Document = document, win: Window = window): ScriptHost {
  return {
    globals: win,
    loadScript(src) {
      return new Promise<void>((resolve, reject) => {
        const el = doc.createElement('script');
        el.src = src;
        el.async = true;
        el.onload = () => {
          el.remove();
          resolve();
        };
        el.onerror = () => {
          el.remove();
          reject(new Error(`无法加载 ${src}`));
        };
        doc.head.appendChild(el);
      });
    },
  };
}

/** How a bundle is named in messages: unit, year, kind and id. */
export function describeEntry(entry: ManifestEntry): string {
  return `“${entry.unit.name}”（${documentKindLabel(entry)}，${entry.id}）`;
}

function failed<T>(message: string, issues: ValidationIssue[] = []): LoadResult<T> {
  return { ok: false, message, issues };
}

/**
 * The manifest: index.html includes data/manifest.js as a classic script, so usually the global
 * is already there; otherwise the script is inserted once more (e.g. a test page without it).
 */
export async function loadManifest(
  host: ScriptHost,
  base = DATA_BASE,
): Promise<LoadResult<Manifest>> {
  const src = `${base}manifest.js`;
  if (host.globals.__BUDGET_MANIFEST__ === undefined) {
    try {
      await host.loadScript(src);
    } catch {
      return failed(
        `找不到数据清单 ${src}：请先运行导入（npm run ingest）生成 data/ 目录，或检查 index.html 旁边是否有 data 文件夹`,
      );
    }
  }
  const json = host.globals.__BUDGET_MANIFEST__;
  if (json === undefined)
    return failed(`数据清单 ${src} 已加载，但没有登记任何数据（文件可能损坏）`);
  const result = validateManifest(json, 'manifest.json');
  if (!result.ok) return failed(`数据清单无效：${result.reason}`, result.issues);
  return result;
}

/** One bundle, validated; its id in the file must match the manifest entry. */
export async function loadBundle(
  host: ScriptHost,
  entry: ManifestEntry,
  base = DATA_BASE,
): Promise<LoadResult<Bundle>> {
  const name = describeEntry(entry);
  if (!isSafeRelativePath(entry.script))
    return failed(`数据包${name}的脚本路径不安全：${entry.script}`);
  const src = `${base}${entry.script}`;
  if (host.globals.__BUDGET_BUNDLES__?.[entry.id] === undefined) {
    try {
      await host.loadScript(src);
    } catch {
      return failed(`数据包${name}缺失：找不到文件 ${src}`);
    }
  }
  const registry = host.globals.__BUDGET_BUNDLES__;
  const json =
    registry && Object.prototype.hasOwnProperty.call(registry, entry.id)
      ? registry[entry.id]
      : undefined;
  if (json === undefined) {
    return failed(
      `数据包${name}的文件 ${src} 已加载，但没有登记编号 ${entry.id} 的数据（文件可能损坏）`,
    );
  }
  const result = validateBundle(json, entry.file);
  if (!result.ok) return failed(`数据包${name}无效：${result.reason}`, result.issues);
  if (result.data.id !== entry.id) {
    const issue = {
      path: 'id',
      message: `为 “${result.data.id}”，与数据清单中的 “${entry.id}” 不一致`,
    };
    return failed(`数据包${name}无效：${formatIssue(entry.file, issue)}`, [issue]);
  }
  return result;
}

/** The original disclosure text of bundle `id` (data/sources/<id>.js). */
export async function loadSourceText(
  host: ScriptHost,
  id: string,
  base = DATA_BASE,
): Promise<LoadResult<string>> {
  if (!BUNDLE_ID_PATTERN.test(id)) return failed(`原文编号不合格：${id}`);
  const src = `${base}sources/${id}.js`;
  if (host.globals.__BUDGET_SOURCES__?.[id] === undefined) {
    try {
      await host.loadScript(src);
    } catch {
      return failed(`找不到 ${id} 的原文文件 ${src}`);
    }
  }
  const registry = host.globals.__BUDGET_SOURCES__;
  const text =
    registry && Object.prototype.hasOwnProperty.call(registry, id) ? registry[id] : undefined;
  if (typeof text !== 'string') return failed(`原文文件 ${src} 已加载，但没有登记 ${id} 的文本`);
  return { ok: true, data: text };
}
