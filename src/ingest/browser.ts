/**
 * The ingest in the browser: one disclosure text → its bundle, as `npm run ingest` builds it.
 * Built on its own by vite.ingest.config.ts as dist/ingest.js, an IIFE whose exports become
 * `window.__BUDGET_INGEST__`; src/data/load-ingest.ts inserts it when a .txt is imported.
 * No node: imports anywhere below this file (fs and path stay in run.ts and cli.ts).
 */
import type { IngestOutcome } from '../data/load-ingest';
import { splitLines } from '../data/source-lines';
import { buildBundle } from './build-bundle';
import { IngestError, makeSourceDoc } from './source-doc';

/**
 * 1-based line of the first U+FFFD, numbered as every figure's `line` is (splitLines): where a
 * non-UTF-8 file stopped decoding (File.text()).
 */
function firstBadLine(text: string): number | null {
  const at = text.indexOf('\uFFFD');
  return at === -1 ? null : splitLines(text.slice(0, at)).length;
}

export function ingestText(fileName: string, text: string): IngestOutcome {
  const bad = firstBadLine(text);
  if (bad !== null) {
    const err = new IngestError(
      fileName,
      bad,
      '文件不是 UTF-8 编码的文本（从这一行起无法按 UTF-8 读取，请先把文件转换为 UTF-8）；未导入',
    );
    return { ok: false, message: err.message };
  }
  try {
    const { bundle } = buildBundle(makeSourceDoc(fileName, text), text);
    return { ok: true, bundle, sourceText: text, findings: bundle.findings };
  } catch (err) {
    if (err instanceof IngestError)
      return {
        ok: false,
        message: err.message,
        ...(err.refusal === null ? {} : { refusal: err.refusal }),
      };
    // A fault of the program, not of the text: still a message, never a blank page.
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, message: `文件 ${fileName}：导入程序出错（${detail}），未导入` };
  }
}
