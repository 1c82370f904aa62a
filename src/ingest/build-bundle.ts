/**
 * One disclosure text → one validated bundle. Pure: no file I/O, so it is deterministic and
 * testable; the CLI does the reading and writing.
 */
import { createHash } from 'node:crypto';
import { headlineOf } from '../data/headline';
import type { Bundle, Finding, Table } from '../data/schema';
import { SCHEMA_VERSION, bundleSchema } from '../data/schema';
import { checkNarrativeAgainstTables } from './checks/narrative-table-checks';
import { checkTables } from './checks/table-checks';
import { readMeta } from './metadata';
import { parseNarrative } from './narrative';
import { checkNarrative } from './narrative-checks';
import { parsePerformance } from './performance';
import { checkPerformance } from './performance-checks';
import type { SourceDoc } from './source-doc';
import { IngestError } from './source-doc';
import { parseTables } from './tables/parse-tables';
import { TABLE_SPECS } from './tables/specs';

/** Re-exported for the ingest run (the logic lives in src/data/headline.ts, shared with the app). */
export { headlineOf };

export interface BuildResult {
  bundle: Bundle;
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
      null,
      '未识别的文档格式：找不到任何标准公开表（决算公开01–10表或预算公开表1–13），请确认这是一份预决算公开文本',
    );
  }
  return final >= budget ? '决算' : '预算';
}

function requireTables(doc: SourceDoc, kind: '决算' | '预算', tables: readonly Table[]): void {
  const expected = TABLE_SPECS.filter((s) => s.docKind === kind).map((s) => s.id);
  const missing = expected.filter((id) => !tables.some((t) => t.id === id));
  if (missing.length > 0) {
    const last = tables[tables.length - 1];
    throw new IngestError(
      doc.file,
      last?.line ?? null,
      `缺少标准表 ${missing.join('、')}（文件可能被截断或不是完整的${kind}公开文本）；未写出任何数据包`,
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

/** Bundle id from a file name: kebab-case ASCII, else a hash of the text. */
export function bundleIdFor(fileName: string, text: string): string {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.txt$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (/[a-z]/.test(base)) return base;
  return `doc-${createHash('sha256').update(text).digest('hex').slice(0, 10)}`;
}

export function buildBundle(
  doc: SourceDoc,
  id: string,
  sourceFile: string,
  text: string,
): BuildResult {
  if (doc.lines.every((l) => l.trim() === '')) {
    throw new IngestError(doc.file, null, '文件为空，没有可读取的内容');
  }
  const kind = kindOf(doc);
  const { tables, skipped: tableSkipped, figureCount } = parseTables(doc, kind);
  requireTables(doc, kind, tables);
  const meta = readMeta(doc, kind);
  const { narrative, skipped: narrativeSkipped } = parseNarrative(doc, kind);
  const { performance, corrections, skipped: perfSkipped } = parsePerformance(doc);

  const findings: Finding[] = [
    ...checkTables(tables),
    ...checkNarrative(narrative),
    ...checkNarrativeAgainstTables(narrative, tables, kind),
    ...checkPerformance(performance),
  ];

  const bundle: Bundle = {
    schemaVersion: SCHEMA_VERSION,
    id,
    unit: meta.unit,
    kind: meta.kind,
    fiscalYear: meta.fiscalYear,
    source: {
      file: sourceFile,
      title: meta.title,
      sha256: createHash('sha256').update(text).digest('hex'),
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
    const first = parsed.error.issues[0];
    throw new IngestError(
      doc.file,
      null,
      `生成的数据包未通过结构校验（${first?.path.join('.') ?? ''}：${first?.message ?? ''}）——这是导入程序的缺陷，请报告`,
    );
  }
  return { bundle: parsed.data, tableFigureCount: figureCount };
}
