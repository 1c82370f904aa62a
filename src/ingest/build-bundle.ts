/**
 * One disclosure text → one validated bundle. Pure: no file I/O and no node: imports, so it is
 * deterministic, testable and runs in the browser too (browser.ts); the CLI does the reading and
 * writing.
 */
import { headlineOf } from '../data/headline';
import type { Bundle, Finding, Table } from '../data/schema';
import { SCHEMA_VERSION, bundleSchema } from '../data/schema';
import { tablesIn万元 } from '../data/table-cell';
import { bundleIdOf } from './bundle-id';
import {
  checkCompleteness,
  checkTablesRead,
  missingTableFinding,
  emptyNoteWithFigures,
  narrativeNotRead,
} from './checks/completeness';
import { checkDisclosure } from './checks/disclosure-checks';
import { checkNarrativeAgainstTables } from './checks/narrative-table-checks';
import { checkTables } from './checks/table-checks';
import type { DocMeta } from './metadata';
import { readMeta } from './metadata';
import { buildNational, narrativeDoc, readNational } from './national/build-national';
import { parseNarrative } from './narrative';
import { checkNarrative } from './narrative-checks';
import type { Narrative } from '../data/schema-narrative';
import { parsePerformance } from './performance';
import { checkPerformance } from './performance-checks';
import { sha256Hex } from './sha256';
import type { SourceDoc } from './source-doc';
import { IngestError } from './source-doc';
import { parseTables } from './tables/parse-tables';
import { TABLE_SPECS } from './tables/specs';
import type { TableSpec } from './tables/specs';

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

/** Shanxi labels its tables 公开01表 … 公开10表 (决算) and 预算公开表1 … 13 (预算). */
const SHANXI_LABEL = /公开(0[1-9]|10)表|预算公开表/;

/**
 * Layout text (a PDF's, or pdftotext -layout): figures set in columns by runs of spaces. Shanxi's
 * texts separate cells by tabs or single spaces.
 */
function isLayoutText(doc: SourceDoc): boolean {
  return doc.lines.filter((l) => / {3,}-?[\d,]+\.\d/.test(l)).length >= 8;
}

/**
 * The Shanxi layout when its labels and tables are there, else null (the national reader). Many
 * provinces print the same 公开NN表 labels on PDFs of the national template: layout text goes to
 * the national reader whatever its labels.
 */
function readShanxi(
  doc: SourceDoc,
): { kind: '决算' | '预算'; parsed: ReturnType<typeof parseTables> } | null {
  if (!doc.lines.some((l) => SHANXI_LABEL.test(l)) || isLayoutText(doc)) return null;
  const final = parseTables(doc, '决算');
  const budget = parseTables(doc, '预算');
  if (final.tables.length === 0 && budget.tables.length === 0) return null;
  return final.tables.length >= budget.tables.length
    ? { kind: '决算', parsed: final }
    : { kind: '预算', parsed: budget };
}

const NOT_A_DISCLOSURE =
  '未识别的文档格式：全文找不到任何标准公开表（如“收入支出决算总表”“财政拨款收支预算总表”，或山西的决算公开01–10表、预算公开表1–13，表名后应有“单位：万元/元”行），请确认这是一份部门预决算公开文本';

/**
 * Tables of the labelled layout a document may leave out: 公开10 (部门决算公开相关信息统计表) is
 * Shanxi's own; the national template's 部门决算 has nine tables, 公开01–09, in the same order.
 * Its absence is a 完整性 warning (missingTableFinding), not a refusal.
 */
const OPTIONAL_TABLES: readonly string[] = ['公开10'];

/** Refuses a text missing a required table; returns the optional ones it lacks (to be said). */
function requireTables(
  doc: SourceDoc,
  kind: '决算' | '预算',
  tables: readonly Table[],
): readonly TableSpec[] {
  const specs = TABLE_SPECS.filter((s) => s.docKind === kind);
  const expected = specs.map((s) => s.id);
  const missing = expected.filter((id) => !tables.some((t) => t.id === id));
  if (missing.length > 0 && !missing.every((id) => OPTIONAL_TABLES.includes(id))) {
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
  return specs.filter((s) => missing.includes(s.id));
}

interface ReadTables {
  layout: 'shanxi' | 'national';
  kind: '决算' | '预算';
  tables: Table[];
  meta: DocMeta;
  findings: Finding[];
  skipped: Bundle['skipped'];
  figureCount: number;
}

/**
 * The standard tables and who published the document: the Shanxi reader when its labelled tables
 * are there (the shipped documents), else the national reader, which finds tables by title.
 */
function readDocument(doc: SourceDoc, text: string): ReadTables {
  const read = readShanxi(doc);
  if (read !== null) {
    const shanxi = read.kind;
    const { tables, skipped, figureCount } = read.parsed;
    const optional = requireTables(doc, shanxi, tables);
    const meta = readMeta(doc, shanxi);
    const last = Math.max(...tables.map((t) => t.line));
    const optionalMissing = optional.map((s) => missingTableFinding(s.id, s.name, last));
    return {
      layout: 'shanxi',
      kind: shanxi,
      tables,
      meta,
      findings: [...checkTables(tables), ...optionalMissing],
      skipped,
      figureCount,
    };
  }
  const layout = readNational(text);
  if (!layout.tables.some((t) => t.kind !== 'other')) {
    // A 说明 (its cover or 目录 names “…2019年度部门预算”, its parts 第一部分… and a 情况说明) may have
    // its tables in another file; a notice that mentions 部门预算 has no such parts.
    const head = doc.lines
      .filter((l) => l.trim() !== '')
      .slice(0, 15)
      .join('')
      .replace(/\s+/g, '');
    const cover =
      /\d{4}年度?(?:部门|单位)(?:预算|决算)/.test(head) &&
      doc.lines.some((l) => /^\s*第[一二三四]部分/.test(l)) &&
      doc.lines.some((l) => /情况说明/.test(l));
    throw new IngestError(
      doc.file,
      1,
      NOT_A_DISCLOSURE,
      doc.lines.length,
      cover ? 'no-tables' : null,
    );
  }
  const national = buildNational(doc, text, layout);
  return { layout: 'national', kind: national.meta.kind, ...national };
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
  const read = readDocument(doc, text);
  const { kind, meta, figureCount } = read;
  const emptyNotes = emptyNoteWithFigures(doc, read.tables);
  const { tables } = emptyNotes;
  const id = bundleIdOf(meta);
  // A national text: form feeds and a 目录 without page numbers (national/build-national.ts).
  const prose = read.layout === 'national' ? narrativeDoc(doc) : doc;
  const { narrative, skipped: narrativeSkipped } = parseNarrative(prose, kind);
  const { performance, corrections, skipped: perfSkipped } = parsePerformance(prose);
  const tableSkipped = read.skipped;

  const completeness = checkCompleteness(prose);
  const findings: Finding[] = [
    ...read.findings,
    ...emptyNotes.findings,
    ...checkTablesRead(tables),
    ...checkNarrative(narrative),
    ...checkNarrativeAgainstTables(narrative, tablesIn万元(tables), kind),
    ...checkPerformance(performance),
    ...completeness,
    ...(read.layout === 'national' &&
    (narrative.startLine === null ||
      // A 编制说明 of which nothing was read; a standard 第三部分 is not said to be non-standard.
      (readNothing(narrative) &&
        !/^\s*第三部分/.test(prose.lines[narrative.startLine - 1] ?? ''))) &&
    !completeness.some((f) => f.id === 'completeness-parts')
      ? narrativeNotRead(prose, Math.max(...tables.map((t) => t.line)))
      : []),
    ...checkDisclosure(prose, {
      kind,
      fiscalYear: meta.fiscalYear,
      unitName: meta.unit.name,
      tables,
      narrative,
    }),
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

/**
 * A 说明 found (上海's budgets: its 编制说明) whose every sentence was left unread: the user is told
 * it was not read, as when none is found.
 */
function readNothing(n: Narrative): boolean {
  return (
    n.totals.length === 0 &&
    n.yoy.length === 0 &&
    n.executions.length === 0 &&
    n.breakdowns.length === 0 &&
    n.noActivity.length === 0 &&
    n.sangong === null &&
    n.operatingCosts === null &&
    n.procurement === null &&
    n.assets === null &&
    n.performance === null
  );
}
