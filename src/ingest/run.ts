/**
 * The ingest run: read every source text, build every bundle in memory, and only when all of them
 * succeeded write bundles, classic-script twins and the manifest. A bad input writes nothing.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Bundle, Manifest } from '../data/schema';
import { SCHEMA_VERSION, manifestSchema } from '../data/schema';
import type { BuildResult } from './build-bundle';
import { buildBundle, headlineOf } from './build-bundle';
import { BUNDLE_ID, RESERVED_IDS } from './bundle-id';
import { IngestError, makeSourceDoc } from './source-doc';

export interface RunOptions {
  /** Folder with the source texts (public/data/sources). */
  sourcesDir: string;
  /** Folder the bundles and manifest go to (public/data). */
  outDir: string;
  /** Further disclosure texts to add to the sources folder. */
  extraFiles?: readonly string[];
  /** Further documents already read as text (a PDF's layout text), by the file they came from. */
  extraTexts?: readonly { file: string; text: string }[];
}

export interface RunReport {
  bundles: {
    id: string;
    tables: number;
    findings: number;
    skipped: number;
    figures: number;
    /** 完整性 findings: parts of the document that are missing, for the CLI to show at once. */
    incomplete: string[];
  }[];
}

function readText(file: string): string {
  if (!existsSync(file)) throw new IngestError(file, null, '文件不存在');
  if (!statSync(file).isFile()) throw new IngestError(file, null, '不是一个文件');
  const buf = readFileSync(file);
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD')) {
    const line = firstBadLine(buf);
    throw new IngestError(
      file,
      line,
      '文件不是 UTF-8 编码的文本（从这一行起无法按 UTF-8 读取，请先把文件转换为 UTF-8）',
    );
  }
  return text;
}

/** 1-based line of the first byte sequence that is not UTF-8 (or holds U+FFFD itself). */
function firstBadLine(buf: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; ; line++) {
    const nl = buf.indexOf(0x0a, start);
    const end = nl === -1 ? buf.length : nl;
    try {
      if (decoder.decode(buf.subarray(start, end)).includes('\uFFFD')) return line;
    } catch {
      return line;
    }
    if (nl === -1) return line;
    start = nl + 1;
  }
}

/** JSON as a JS string literal inside JSON.parse(…): parses about twice as fast as an object literal. */
function scriptFor(globalName: string, id: string, json: string): string {
  return `(window.${globalName} = window.${globalName} || {})[${JSON.stringify(id)}] = JSON.parse(${JSON.stringify(json)});\n`;
}

interface Input {
  file: string;
  text: string;
  /** Already in the sources folder (its name must then be `<id>.txt`). */
  inSources: boolean;
}

interface Built extends BuildResult {
  input: Input;
}

/** The documents the last run wrote, by id, as the user knows them (from manifest.json). */
function previousDocuments(outDir: string): Map<string, string> {
  const docs = new Map<string, string>();
  const file = join(outDir, 'manifest.json');
  if (!existsSync(file)) return docs;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) return docs;
    for (const b of parsed.data.bundles) {
      docs.set(b.id, `“${b.unit.name} ${b.fiscalYear}年度${b.unit.scope}${b.kind}”`);
    }
  } catch {
    // An unreadable manifest only costs the messages a document name; the run rewrites it.
  }
  return docs;
}

/** "“山西省行政审批服务管理局 2024年度单位决算”（a.txt 第 5 行）". */
function describe(b: Built): string {
  return `“${b.bundle.source.title}”（${b.input.file} 第 ${b.metaLines.kindYear} 行）`;
}

function sameText(a: string, b: string): boolean {
  return makeSourceDoc('', a).lines.join('\n') === makeSourceDoc('', b).lines.join('\n');
}

/**
 * One document per id, and no file name that says otherwise: a text in sources/ must be named by
 * its content, a new text named like another document is refused (its author may believe it
 * replaces that document), and two different texts of one unit, year and kind are refused.
 */
function oneDocumentPerId(built: readonly Built[], outDir: string): Built[] {
  const previous = previousDocuments(outDir);
  const ownerOf = (name: string): string | undefined =>
    built.find((b) => b.input.inSources && b.bundle.id === name)?.bundle.source.title ??
    previous.get(name);
  for (const b of built) {
    const name = basename(b.input.file);
    const stem = name.replace(/\.(txt|pdf)$/i, '');
    const id = b.bundle.id;
    if (stem === id) continue;
    const owner = ownerOf(stem);
    const owned =
      owner === undefined
        ? ''
        : `，而 ${name} 是已导入文档${owner.startsWith('“') ? owner : `“${owner}”`}的文件名`;
    if (b.input.inSources) {
      throw new IngestError(
        b.input.file,
        b.metaLines.kindYear,
        `这是“${b.bundle.source.title}”，按内容其编号是 ${id}，源文件应名为 ${id}.txt${owned}；请把它移出 sources/，再用 npm run ingest -- 文件名 导入；未写出任何数据包`,
      );
    }
    if (owner !== undefined) {
      throw new IngestError(
        b.input.file,
        b.metaLines.kindYear,
        `这是“${b.bundle.source.title}”（编号 ${id}）${owned}；导入它不会替换那份文档，为免误会请改名后再导入；未写出任何数据包`,
      );
    }
  }

  const kept: Built[] = [];
  for (const b of built) {
    const other = kept.find((k) => k.bundle.id === b.bundle.id);
    if (other === undefined) {
      kept.push(b);
      continue;
    }
    // Re-ingesting the same document is fine; the copy already in sources/ stays.
    if (sameText(other.input.text, b.input.text)) continue;
    throw new IngestError(
      b.input.file,
      b.metaLines.kindYear,
      `这是“${b.bundle.source.title}”，与${describe(other)}是同一单位、年度和类型的文档（编号 ${b.bundle.id}），但内容不同，无法确定以哪一份为准${other.input.inSources ? `；如要替换，请先删除 ${other.input.file}` : ''}；未写出任何数据包`,
    );
  }
  return kept;
}

/** Every id is a plain file name, and nothing it writes lands on a folder or on the manifest. */
function checkTargets(b: Built, paths: readonly string[]): void {
  const id = b.bundle.id;
  if (!BUNDLE_ID.test(id) || RESERVED_IDS.has(id)) {
    throw new IngestError(
      b.input.file,
      b.metaLines.name,
      `由内容得出的编号“${id}”不能用作数据包文件名（应为小写字母开头的字母、数字和连字符，且不是 manifest、sources）；未写出任何数据包`,
    );
  }
  for (const path of paths) {
    if (existsSync(path) && statSync(path).isDirectory()) {
      throw new IngestError(
        b.input.file,
        b.metaLines.name,
        `“${b.bundle.source.title}”的数据包要写入 ${path}，但那里是一个文件夹；请移走它再导入；未写出任何数据包`,
      );
    }
  }
}

export function runIngest(opts: RunOptions): RunReport {
  const inputs: Input[] = [];
  const known = existsSync(opts.sourcesDir)
    ? readdirSync(opts.sourcesDir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];
  for (const f of known) {
    const file = join(opts.sourcesDir, f);
    inputs.push({ file, text: readText(file), inSources: true });
  }
  for (const file of opts.extraFiles ?? []) {
    // The sources file itself named again: it is already an input.
    if (inputs.some((i) => i.inSources && resolve(i.file) === resolve(file))) continue;
    inputs.push({ file, text: readText(file), inSources: false });
  }
  for (const { file, text } of opts.extraTexts ?? []) {
    inputs.push({ file, text, inSources: false });
  }
  if (inputs.length === 0) {
    throw new IngestError(opts.sourcesDir, null, '没有找到任何 .txt 源文件');
  }

  // Build everything first; any IngestError escapes before a single file is written.
  const built = oneDocumentPerId(
    inputs.map((input) => ({
      input,
      ...buildBundle(makeSourceDoc(input.file, input.text), input.text),
    })),
    opts.outDir,
  ).sort((a, b) => a.bundle.id.localeCompare(b.bundle.id));

  const manifest: Manifest = {
    schemaVersion: SCHEMA_VERSION,
    bundles: built.map(({ bundle }) => ({
      id: bundle.id,
      file: `${bundle.id}.json`,
      script: `${bundle.id}.js`,
      unit: bundle.unit,
      kind: bundle.kind,
      fiscalYear: bundle.fiscalYear,
      headline: headlineOf(bundle),
    })),
  };

  const writes: [string, string][] = [];
  for (const b of built) {
    const { input, bundle } = b;
    const own: [string, string][] = [
      [join(opts.outDir, `${bundle.id}.json`), `${JSON.stringify(bundle, null, 1)}\n`],
      [
        join(opts.outDir, `${bundle.id}.js`),
        scriptFor('__BUDGET_BUNDLES__', bundle.id, JSON.stringify(bundle)),
      ],
      [
        join(opts.outDir, 'sources', `${bundle.id}.js`),
        `(window.__BUDGET_SOURCES__ = window.__BUDGET_SOURCES__ || {})[${JSON.stringify(bundle.id)}] = ${JSON.stringify(input.text)};\n`,
      ],
    ];
    if (!input.inSources) own.push([join(opts.sourcesDir, `${bundle.id}.txt`), input.text]);
    checkTargets(
      b,
      own.map(([path]) => path),
    );
    writes.push(...own);
  }
  writes.push([join(opts.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`]);
  writes.push([
    join(opts.outDir, 'manifest.js'),
    `window.__BUDGET_MANIFEST__ = JSON.parse(${JSON.stringify(JSON.stringify(manifest))});\n`,
  ]);

  mkdirSync(join(opts.outDir, 'sources'), { recursive: true });
  for (const [path, content] of writes) {
    const tmp = `${path}.tmp`;
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  }

  return {
    bundles: built.map(({ bundle, tableFigureCount }) => ({
      id: bundle.id,
      tables: bundle.tables.length,
      findings: bundle.findings.length,
      skipped: bundle.skipped.length,
      figures: tableFigureCount,
      incomplete: bundle.findings.filter((f) => f.kind === 'completeness').map((f) => f.message),
    })),
  };
}

export function manifestBundles(manifest: Manifest): string[] {
  return manifest.bundles.map((b) => b.id);
}

export type { Bundle };
