/**
 * Bundles the user loads from disk (数据文件 → 用户导入): read the file text, parse it, validate it
 * like a built-in bundle, refuse an id that is already taken, and build its manifest entry.
 * Pure and browser-safe; the store calls it, src/data/user-storage.ts keeps the accepted files.
 */
import { headlineOf } from './headline';
import { describeEntry } from './load';
import type { ManifestEntry } from './load';
import type { Bundle } from './schema';
import { validateBundle } from './validate';
import type { ValidationIssue } from './validate';

/** One accepted file as kept in browser storage: the text as loaded, validated again on restore. */
export interface StoredUserBundle {
  id: string;
  /** The file name the user picked, for messages and the list. */
  fileName: string;
  /** ISO time it was loaded. */
  addedAt: string;
  text: string;
  /** The disclosure text a .txt import was built from (原文); absent for a loaded .json. */
  sourceText?: string;
}

export type UserBundleResult =
  | { ok: true; bundle: Bundle; entry: ManifestEntry; record: StoredUserBundle }
  | {
      ok: false;
      fileName: string;
      message: string;
      issues: ValidationIssue[];
      /** A half of a publication in two files: its text, to be read with the other half. */
      half?: PublicationHalf;
    };

/** A text refused for lacking what the other file of its publication has (`pair-halves.ts`). */
export interface PublicationHalf {
  refusal: 'no-tables' | 'no-year';
  text: string;
}

/**
 * Thirty times the largest real bundle (the committed ones are 100–170 KB). A tab holds every
 * loaded bundle several times over (text, parsed JSON, views), so ten 20 MB files crashed it.
 */
export const MAX_USER_FILE_BYTES = 5 * 1024 * 1024;

/** The refusal for a file over MAX_USER_FILE_BYTES, before anything reads or parses it. */
export function tooLargeMessage(fileName: string, bytes: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `文件 ${fileName}：文件过大（${mb(bytes)} MB，上限 ${mb(MAX_USER_FILE_BYTES)} MB；真实数据包不超过 0.2 MB），不像是预决算数据包，未导入`;
}

/** UTF-8 size of a text, without allocating its encoding. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair: one 4-byte character
      i += 1;
    } else n += 3;
  }
  return n;
}

/** Ids already in use: built-in bundles refuse any clash, other user bundles ask to remove first. */
export interface TakenIds {
  builtIn: readonly ManifestEntry[];
  user: readonly { id: string; fileName: string }[];
}

function refused(
  fileName: string,
  message: string,
  issues: ValidationIssue[] = [],
): UserBundleResult {
  return { ok: false, fileName, message, issues };
}

/** The manifest entry of a user bundle: built from the bundle itself, headline as the ingest does. */
export function userManifestEntry(bundle: Bundle, fileName: string): ManifestEntry {
  return {
    id: bundle.id,
    file: fileName,
    // Never loaded: the bundle is in the store already. Kept for the entry's shape.
    script: `${bundle.id}.js`,
    unit: bundle.unit,
    kind: bundle.kind,
    fiscalYear: bundle.fiscalYear,
    headline: headlineOf(bundle),
  };
}

/**
 * Why a text is not JSON, in Chinese and with where: the browser's own message is English and
 * differs between engines (V8 gives a character position, Firefox a line and column), so only
 * the place is taken from it.
 */
export function jsonErrorText(text: string, engineMessage: string): string {
  if (text.trim() === '') return '文件为空，没有内容';
  const end = text.trimEnd().length;
  const lineCol = /line (\d+) column (\d+)/i.exec(engineMessage);
  const position = /position (\d+)/i.exec(engineMessage);
  const at = position
    ? Number(position[1])
    : /end of (?:json )?(?:input|data)/i.test(engineMessage)
      ? end
      : null;
  let place: { line: number; column: number } | null = null;
  if (lineCol) place = { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  else if (at !== null) {
    const before = text.slice(0, Math.min(at, end)).split('\n');
    place = { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
  }
  const where = place ? `第 ${place.line} 行第 ${place.column} 列` : '';
  // Broken off: the error is at the end of the text (a download or copy cut short).
  return at !== null && at >= end
    ? `不是完整的 JSON：内容在${where}中断（文件可能没有下载或复制完整）`
    : `不是有效的 JSON：${where ? `${where}附近` : ''}格式有误（文件可能被改动过）`;
}

/**
 * Parse and validate one file's text. A clash with a built-in id is refused rather than renamed:
 * a renamed copy would look like a sixth document while being the same one, and its figures would
 * cite a source text the app does not have under the new id.
 */
export function readUserBundle(
  fileName: string,
  text: string,
  taken: TakenIds,
  addedAt: string = new Date().toISOString(),
): UserBundleResult {
  // Checked before parsing: a text is at least one byte per character, so the count is cheap
  // for the common case and exact near the cap.
  const bytes = text.length > MAX_USER_FILE_BYTES / 3 ? utf8Length(text) : text.length;
  if (bytes > MAX_USER_FILE_BYTES) {
    return refused(fileName, tooLargeMessage(fileName, bytes), [{ path: '', message: '文件过大' }]);
  }
  let json: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    json = JSON.parse(body);
  } catch (err) {
    const detail = jsonErrorText(body, err instanceof Error ? err.message : String(err));
    return refused(fileName, `文件 ${fileName}：${detail}，未导入`, [
      { path: '', message: detail },
    ]);
  }
  const result = validateBundle(json, fileName);
  if (!result.ok) return refused(fileName, `${result.reason}；未导入`, result.issues);
  const bundle = result.data;
  const builtIn = taken.builtIn.find((e) => e.id === bundle.id);
  if (builtIn) {
    return refused(
      fileName,
      `文件 ${fileName}：id “${bundle.id}” 与内置数据包${describeEntry(builtIn)}相同，未导入。编号由单位、年度和文档类型得出，内置数据中已有这份文档，不会被覆盖`,
      [{ path: 'id', message: `与内置数据包相同（“${bundle.id}”）` }],
    );
  }
  const user = taken.user.find((u) => u.id === bundle.id);
  if (user) {
    return refused(
      fileName,
      `文件 ${fileName}：id “${bundle.id}” 已被用户导入的文件 ${user.fileName} 使用，未导入。如要替换，请先移除它`,
      [{ path: 'id', message: `已被用户导入的文件 ${user.fileName} 使用` }],
    );
  }
  return {
    ok: true,
    bundle,
    entry: userManifestEntry(bundle, fileName),
    record: { id: bundle.id, fileName, addedAt, text },
  };
}

/** A record read back from storage has the expected shape (storage can be edited or corrupted). */
export function isStoredUserBundle(x: unknown): x is StoredUserBundle {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.id === 'string' &&
    typeof r.fileName === 'string' &&
    typeof r.addedAt === 'string' &&
    typeof r.text === 'string' &&
    (r.sourceText === undefined || typeof r.sourceText === 'string')
  );
}
