/**
 * One disclosure text → one validated bundle. Pure: no file I/O and no node: imports, so it is
 * deterministic, testable and runs in the browser too (browser.ts); the CLI does the reading and
 * writing.
 */
import { headlineOf } from '../data/headline';
import type { Bundle, Finding, Table } from '../data/schema';
import { SCHEMA_VERSION, bundleSchema } from '../data/schema';
import { bundleIdOf } from './bundle-id';
import { checkCompleteness } from './checks/completeness';
import { checkNarrativeAgainstTables } from './checks/narrative-table-checks';
import { checkTables } from './checks/table-checks';
import { readMeta } from './metadata';
import { parseNarrative } from './narrative';
import { checkNarrative } from './narrative-checks';
import { parsePerformance } from './performance';
import { checkPerformance } from './performance-checks';
import { sha256Hex } from './sha256';
import type { SourceDoc } from './source-doc';
import { IngestError } from './source-doc';
import { parseTables } from './tables/parse-tables';
import { TABLE_SPECS } from './tables/specs';

/** Re-exported for the ingest run (the logic lives in src/data/headline.ts, shared with the app). */
export { headlineOf };

export interface BuildResult {
  bundle: Bundle;
  /** Lines the year/kind and the unit's name were read from (for messages naming the document). */
  metaLines: { kindYear: number; name: number };
  /** Numeric figures found in table bodies; equals filled cells + skipped table cells. */
  tableFigureCount: number;
}

/** Rows without which a table is not the standard table (a truncated file loses them). */
const REQUIRED_ROWS: Record<string, string[]> = {
  公开01: ['本年收入合计', '本年支出合计', '总计'],
  公开04: ['本年收入合计', '本年支出合计', '总计'],
  预算01: ['本年收入合计', '本年支出合计'],
  预算04: ['本年收入合计', '本年支出合计'],
};

function kindOf(doc: SourceDoc): '决算' | '预算' {
  const final = parseTables(doc, '决算').tables.length;
  const budget = parseTables(doc, '预算').tables.length;
  if (final === 0 && budget === 0) {
    throw new IngestError(
      doc.file,
      1,
      '未识别的文档格式：全文找不到任何标准公开表（决算公开01–10表或预算公开表1–13），请确认这是一份预决算公开文本',
      doc.lines.length,
    );
  }
  return final >= budget ? '决算' : '预算';
}

function requireTables(doc: SourceDoc, kind: '决算' | '预算', tables: readonly Table[]): void {
  const expected = TABLE_SPECS.filter((s) => s.docKind === kind).map((s) => s.id);
  const missing = expected.filter((id) => !tables.some((t) => t.id === id));
  if (missing.length > 0) {
    // A table missing before one that is there: its title is missing or misprinted.
    const firstMissing = expected.indexOf(missing[0] ?? '');
    const nextFound = expected
      .slice(firstMissing + 1)
      .map((id) => tables.find((t) => t.id === id))
      .find((t) => t !== undefined);
    if (nextFound !== undefined) {
      throw new IngestError(
        doc.file,
        nextFound.line,
        `缺少标准表 ${missing.join('、')}：在这一行的${nextFound.id}“${nextFound.title}”之前没有找到${missing[0]}（标题可能缺失或印错，或不是完整的${kind}公开文本）；未写出任何数据包`,
      );
    }
    // Only the tables after the last one are missing: the text ends too early. kindOf found at
    // least one table of this kind, so there is a last one to name.
    const last = tables[tables.length - 1];
    const after =
      last === undefined ? '' : `最后读到的标准表是第 ${last.line} 行的${last.id}“${last.title}”，`;
    throw new IngestError(
      doc.file,
      last?.line ?? 1,
      `缺少标准表 ${missing.join('、')}（${after}文件可能被截断或不是完整的${kind}公开文本）；未写出任何数据包`,
      last === undefined ? doc.lines.length : null,
    );
  }
  // The same standard table twice: which one the figures come from would be a guess.
  for (const [i, table] of tables.entries()) {
    const first = tables.findIndex((t) => t.id === table.id);
    if (first === i) continue;
    const earlier = tables[first];
    throw new IngestError(
      doc.file,
      table.line,
      `标准表 ${table.id}“${table.title}”出现了两次（第 ${earlier?.line ?? table.line} 行和第 ${table.line} 行），无法确定以哪一张为准；请删除重复的一张后再导入；未写出任何数据包`,
    );
  }
  for (const [id, keys] of Object.entries(REQUIRED_ROWS)) {
    const table = tables.find((t) => t.id === id);
    if (table === undefined) continue;
    const absent = keys.filter((k) => !table.rows.some((r) => r.key === k));
    if (absent.length > 0) {
      throw new IngestError(
        doc.file,
        table.line,
        `${id}“${table.title}”缺少“${absent.join('”、“')}”行（表格不完整，文件可能被截断）；未写出任何数据包`,
      );
    }
  }
}

/**
 * The bundle of one text. Its id comes from the document's content (bundle-id.ts); its source
 * text is expected at `sources/<id>.txt`, where the ingest run puts it.
 */
export function buildBundle(doc: SourceDoc, text: string): BuildResult {
  if (doc.lines.every((l) => l.trim() === '')) {
    throw new IngestError(
      doc.file,
      1,
      '文件为空（全部是空白行），没有可读取的内容',
      doc.lines.length,
    );
  }
  const kind = kindOf(doc);
  const { tables, skipped: tableSkipped, figureCount } = parseTables(doc, kind);
  requireTables(doc, kind, tables);
  const meta = readMeta(doc, kind);
  const id = bundleIdOf(meta);
  const { narrative, skipped: narrativeSkipped } = parseNarrative(doc, kind);
  const { performance, corrections, skipped: perfSkipped } = parsePerformance(doc);

  const findings: Finding[] = [
    ...checkTables(tables),
    ...checkNarrative(narrative),
    ...checkNarrativeAgainstTables(narrative, tables, kind),
    ...checkPerformance(performance),
    ...checkCompleteness(doc),
  ];

  const bundle: Bundle = {
    schemaVersion: SCHEMA_VERSION,
    id,
    unit: meta.unit,
    kind: meta.kind,
    fiscalYear: meta.fiscalYear,
    source: {
      file: `sources/${id}.txt`,
      title: meta.title,
      sha256: sha256Hex(text),
      lineCount: doc.lines.length,
    },
    tables,
    narrative,
    performance,
    corrections,
    skipped: [...tableSkipped, ...narrativeSkipped, ...perfSkipped],
    findings,
  };
  const parsed = bundleSchema.safeParse(bundle);
  if (!parsed.success) {
    // Every value here was read from the text (the year is range-checked in readMeta, the id is
    // built to the pattern), so a value the schema refuses is a figure of the text it cannot hold:
    // name the figure's line rather than blaming the program.
    const first = parsed.error.issues[0];
    const { line, detail } = schemaRefusal(bundle, first?.path ?? [], first?.message ?? '');
    throw new IngestError(doc.file, line ?? meta.lines.kindYear, detail);
  }
  return {
    bundle: parsed.data,
    tableFigureCount: figureCount,
    metaLines: meta.lines,
  };
}

/**
 * A schema issue as a refusal: the line of the value (the deepest object on its path with a
 * `line`), the value as read, and the reason in Chinese — zod's own messages are English.
 */
export function schemaRefusal(
  bundle: unknown,
  path: readonly PropertyKey[],
  message: string,
): { line: number | null; detail: string } {
  const value = valueAt(bundle, path);
  const shown =
    value === undefined ? '' : `“${typeof value === 'string' ? value : JSON.stringify(value)}”`;
  const reason = /[\u4e00-\u9fff]/.test(message) ? message : '不符合数据包的格式';
  return {
    line: lineOfPath(bundle, path),
    detail: `此处读出的内容${shown}无法存入数据包（${path.map(String).join('.')}：${reason}），请检查这一行的文字和数字；未写出任何数据包`,
  };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** The source line nearest to a path in the bundle: the deepest object on it with a `line`. */
function lineOfPath(root: unknown, path: readonly PropertyKey[]): number | null {
  let found: number | null = null;
  let node: unknown = root;
  for (const key of [undefined, ...path]) {
    if (key !== undefined) {
      if (node === null || typeof node !== 'object') break;
      node = (node as Record<PropertyKey, unknown>)[key];
    }
    if (node !== null && typeof node === 'object') {
      const line = (node as { line?: unknown }).line;
      const lines = (node as { lines?: unknown }).lines;
      if (typeof line === 'number' && Number.isInteger(line) && line >= 1) found = line;
      else if (Array.isArray(lines) && typeof lines[0] === 'number') found = lines[0];
    }
  }
  return found;
}
