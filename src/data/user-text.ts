/**
 * A disclosure text the user loads (数据文件 → a .txt): the ingest, loaded on demand
 * (load-ingest.ts), makes its bundle; the bundle is then validated and kept like a loaded .json,
 * with the text itself stored beside it so 原文 can show the line of every figure.
 */
import { describeEntry } from './load';
import { loadIngest } from './load-ingest';
import type { IngestApi } from './load-ingest';
import { readUserBundle } from './user-bundles';
import type { PublicationHalf, TakenIds, UserBundleResult } from './user-bundles';

function refused(fileName: string, message: string, half?: PublicationHalf): UserBundleResult {
  return { ok: false, fileName, message, issues: [], ...(half ? { half } : {}) };
}

/**
 * Ingest one text and check its bundle as a loaded file is checked. The id comes from the text's
 * content (unit, scope, year, kind), so a clash means the same document is already loaded: it is
 * refused naming both, never renamed.
 */
export async function readUserText(
  fileName: string,
  text: string,
  taken: TakenIds,
  load: () => Promise<IngestApi> = loadIngest,
): Promise<UserBundleResult> {
  let api: IngestApi;
  try {
    api = await load();
  } catch (err) {
    return refused(
      fileName,
      `文件 ${fileName}：${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const out = api.ingestText(fileName, text);
  if (!out.ok) {
    const half = out.refusal === undefined ? undefined : { refusal: out.refusal, text };
    return refused(fileName, out.message, half);
  }
  const { bundle } = out;
  const doc = `“${bundle.source.title}”（编号 ${bundle.id}）`;
  const builtIn = taken.builtIn.find((e) => e.id === bundle.id);
  if (builtIn) {
    return refused(
      fileName,
      `文件 ${fileName}：这是${doc}，与内置数据包${describeEntry(builtIn)}是同一单位、年度和类型的文档，未导入；内置数据不会被覆盖`,
    );
  }
  const user = taken.user.find((u) => u.id === bundle.id);
  if (user) {
    return refused(
      fileName,
      `文件 ${fileName}：这是${doc}，与已导入的文件 ${user.fileName} 是同一单位、年度和类型的文档，未导入。如要替换，请先移除它`,
    );
  }
  const result = readUserBundle(fileName, JSON.stringify(bundle), taken);
  return result.ok
    ? { ...result, record: { ...result.record, sourceText: out.sourceText } }
    : result;
}
