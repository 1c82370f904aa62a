/**
 * The ingest as a user runs it: the committed bundles are exactly what it writes, and bad input
 * stops it with a Chinese message naming file and line, writing nothing.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleSchema, manifestSchema } from '@/data/schema';
import { readPdfFile } from '@/ingest/read-pdf-file';
import { runIngest } from '@/ingest/run';
import { IngestError } from '@/ingest/source-doc';

const DATA = new URL('../../public/data/', import.meta.url).pathname;
const SOURCES = join(DATA, 'sources');
const IDS = [
  'datong-city-bureau-2026-budget',
  'datong-city-dept-2024-final',
  'datong-service-center-2024-final',
  'shanxi-province-bureau-2024-final',
  'shuocheng-district-dept-2023-final',
];

function freshDirs() {
  const root = mkdtempSync(join(tmpdir(), 'ingest-'));
  const sources = join(root, 'sources');
  return { root, sources };
}

function copySources(to: string, ids = IDS) {
  mkdirSync(to, { recursive: true });
  for (const id of ids) copyFileSync(join(SOURCES, `${id}.txt`), join(to, `${id}.txt`));
}

function ingestError(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (err) {
    if (err instanceof IngestError) return err;
    throw err;
  }
  throw new Error('expected the ingest to fail');
}

describe('npm run ingest', () => {
  it('is deterministic: a fresh run writes byte-identical bundles to the committed ones', () => {
    const { root, sources } = freshDirs();
    copySources(sources);
    runIngest({ sourcesDir: sources, outDir: root });
    const written = readdirSync(root).filter((f) => f.endsWith('.json') || f.endsWith('.js'));
    expect(written.sort()).toEqual(
      [...IDS.flatMap((id) => [`${id}.json`, `${id}.js`]), 'manifest.json', 'manifest.js'].sort(),
    );
    for (const f of written) {
      expect(readFileSync(join(root, f), 'utf8'), f).toBe(readFileSync(join(DATA, f), 'utf8'));
    }
    for (const id of IDS) {
      expect(readFileSync(join(root, 'sources', `${id}.js`), 'utf8')).toBe(
        readFileSync(join(DATA, 'sources', `${id}.js`), 'utf8'),
      );
    }
  });

  it('every committed bundle and the manifest validate against the schema', () => {
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')),
    );
    expect(manifest.bundles.map((b) => b.id)).toEqual(IDS);
    for (const id of IDS) {
      const result = bundleSchema.safeParse(
        JSON.parse(readFileSync(join(DATA, `${id}.json`), 'utf8')),
      );
      expect(result.success, id).toBe(true);
    }
  });

  it('states unit, level, scope, kind and year of each document', () => {
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')),
    );
    const rows = manifest.bundles.map((b) => [
      b.unit.name,
      b.unit.level,
      b.unit.scope,
      b.kind,
      b.fiscalYear,
    ]);
    expect(rows).toEqual([
      ['大同市行政审批服务管理局', '市级', '单位', '预算', 2026],
      ['大同市行政审批服务管理局[部门]', '市级', '部门', '决算', 2024],
      ['大同市政务服务中心', '服务中心', '单位', '决算', 2024],
      ['山西省行政审批服务管理局', '省级', '单位', '决算', 2024],
      ['朔州市朔城区行政审批服务管理局', '区县级', '部门', '决算', 2023],
    ]);
    const center = manifest.bundles.find((b) => b.id === 'datong-service-center-2024-final');
    expect(center?.unit).toMatchObject({ code: '032002', parent: { code: '032' } });
    const city = manifest.bundles.find((b) => b.id === 'datong-city-dept-2024-final');
    expect(city?.unit.members).toContain('大同市政务服务中心');
    expect(center?.headline.incomeTotal).toEqual({ v: '1126.93', line: 110 });
  });

  it('ingests another unit and year in the standard format with no code change', () => {
    const { root, sources } = freshDirs();
    copySources(sources, []);
    // A different unit and year: the province text with its names and year replaced.
    const extra = join(root, 'hebei-demo-2025.txt');
    writeFileSync(extra, hebeiText());
    runIngest({ sourcesDir: sources, outDir: root, extraFiles: [extra] });
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')),
    );
    expect(manifest.bundles).toHaveLength(1);
    const id = manifest.bundles[0]?.id ?? '';
    // The id says what the document is (a 省级 单位's 2025 决算), whatever the file was called.
    expect(id).toMatch(/^province-unit-[0-9a-f]{8}-2025-final$/);
    const bundle = bundleSchema.parse(JSON.parse(readFileSync(join(root, `${id}.json`), 'utf8')));
    expect(bundle.unit).toMatchObject({
      name: '河北省示范服务管理局',
      level: '省级',
      scope: '单位',
    });
    expect(bundle.fiscalYear).toBe(2025);
    expect(bundle.tables).toHaveLength(10);
    expect(bundle.source.file).toBe(`sources/${id}.txt`);
    expect(readFileSync(join(sources, `${id}.txt`), 'utf8')).toBe(hebeiText());
  });
});

/** The province text as another unit's 2025 document. */
function hebeiText(): string {
  return readFileSync(join(SOURCES, 'shanxi-province-bureau-2024-final.txt'), 'utf8')
    .replaceAll('山西省行政审批服务管理局', '河北省示范服务管理局')
    .replaceAll('2024', '2025');
}

function writtenFiles(root: string): string[] {
  return readdirSync(root).filter((f) => f.endsWith('.json') || f.endsWith('.js'));
}

describe('a bundle id comes from what the document is, never from its file name', () => {
  it('a document saved as manifest.txt gets its own bundle; the manifest stays a manifest', () => {
    const { root, sources } = freshDirs();
    copySources(sources, ['datong-city-bureau-2026-budget']);
    const extra = join(root, 'manifest.txt');
    writeFileSync(extra, hebeiText());
    runIngest({ sourcesDir: sources, outDir: root, extraFiles: [extra] });
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')),
    );
    expect(manifest.bundles.map((b) => b.unit.name)).toEqual([
      '大同市行政审批服务管理局',
      '河北省示范服务管理局',
    ]);
    for (const entry of manifest.bundles) {
      expect(entry.file).not.toBe('manifest.json');
      const bundle = bundleSchema.parse(JSON.parse(readFileSync(join(root, entry.file), 'utf8')));
      expect(bundle.unit.name).toBe(entry.unit.name);
    }
    expect(existsSync(join(sources, 'manifest.txt'))).toBe(false);
  });

  it('the same text under any name gets the same id', () => {
    const ids = ['a.txt', '河北.txt', 'shanxi-province-bureau-2024-final.txt'].map((name) => {
      const { root, sources } = freshDirs();
      copySources(sources, []);
      writeFileSync(join(root, name), hebeiText());
      return runIngest({ sourcesDir: sources, outDir: root, extraFiles: [join(root, name)] })
        .bundles[0]?.id;
    });
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[a-z][a-z0-9-]{0,79}$/);
  });

  it("another unit's text saved under a shipped document's file name is refused, naming both", () => {
    const { root, sources } = freshDirs();
    copySources(sources);
    copyFileSync(join(DATA, 'manifest.json'), join(root, 'manifest.json'));
    const extra = join(root, 'datong-city-dept-2024-final.txt');
    writeFileSync(extra, hebeiText());
    const err = ingestError(() =>
      runIngest({ sourcesDir: sources, outDir: root, extraFiles: [extra] }),
    );
    expect(err.message).toContain('datong-city-dept-2024-final.txt');
    expect(err.message).toContain('大同市行政审批服务管理局[部门] 2024年度部门决算');
    expect(err.message).toContain('河北省示范服务管理局 2025年度单位决算');
    expect(err.message).toMatch(/第 5 行/);
    expect(writtenFiles(root)).toEqual(['manifest.json']);
    expect(readFileSync(join(sources, 'datong-city-dept-2024-final.txt'), 'utf8')).toBe(
      readFileSync(join(SOURCES, 'datong-city-dept-2024-final.txt'), 'utf8'),
    );
  });

  it("a text in sources/ under another document's name is refused, naming both", () => {
    const { root, sources } = freshDirs();
    copySources(sources);
    copyFileSync(join(DATA, 'manifest.json'), join(root, 'manifest.json'));
    // The province text written over the city department's source file.
    copyFileSync(
      join(SOURCES, 'shanxi-province-bureau-2024-final.txt'),
      join(sources, 'datong-city-dept-2024-final.txt'),
    );
    const err = ingestError(() => runIngest({ sourcesDir: sources, outDir: root }));
    expect(err.message).toContain('datong-city-dept-2024-final.txt 第 5 行');
    expect(err.message).toContain('山西省行政审批服务管理局 2024年度单位决算');
    expect(err.message).toContain('大同市行政审批服务管理局[部门] 2024年度部门决算');
    expect(writtenFiles(root)).toEqual(['manifest.json']);
  });

  it('a different text of the same unit, year and kind is refused, naming both files', () => {
    const { root, sources } = freshDirs();
    copySources(sources);
    const original = readFileSync(join(SOURCES, 'shanxi-province-bureau-2024-final.txt'), 'utf8');
    // Same document, one figure changed (公开10 服务 41639.17 → 41639.18).
    const changed = original.replace('41639.17', '41639.18');
    expect(changed).not.toBe(original);
    const extra = join(root, 'province-revised.txt');
    writeFileSync(extra, changed);
    const err = ingestError(() =>
      runIngest({ sourcesDir: sources, outDir: root, extraFiles: [extra] }),
    );
    expect(err.message).toContain('province-revised.txt 第 5 行');
    expect(err.message).toContain('shanxi-province-bureau-2024-final.txt 第 5 行');
    expect(err.message).toContain('内容不同');
    expect(writtenFiles(root)).toEqual([]);
  });

  it('re-ingesting a document already in sources/ under another name changes nothing', () => {
    const { root, sources } = freshDirs();
    copySources(sources);
    const extra = join(root, 'province-copy.txt');
    copyFileSync(join(SOURCES, 'shanxi-province-bureau-2024-final.txt'), extra);
    const report = runIngest({ sourcesDir: sources, outDir: root, extraFiles: [extra] });
    expect(report.bundles.map((b) => b.id)).toEqual(IDS);
    expect(readdirSync(sources).filter((f) => f.endsWith('.txt'))).toHaveLength(5);
  });

  it('a folder where a bundle file would go is refused before anything is written', () => {
    const { root, sources } = freshDirs();
    copySources(sources, ['datong-city-bureau-2026-budget', 'shanxi-province-bureau-2024-final']);
    mkdirSync(join(root, 'shanxi-province-bureau-2024-final.json'));
    const err = ingestError(() => runIngest({ sourcesDir: sources, outDir: root }));
    expect(err.message).toContain('shanxi-province-bureau-2024-final.txt 第 77 行');
    expect(err.message).toContain('文件夹');
    expect(writtenFiles(root)).toEqual(['shanxi-province-bureau-2024-final.json']);
  });
});

describe('bad input stops the ingest and writes nothing', () => {
  function attempt(content: string | null, name = 'bad.txt') {
    const { root, sources } = freshDirs();
    copySources(sources, ['datong-city-bureau-2026-budget']);
    const file = join(root, name);
    if (content !== null) writeFileSync(file, content);
    const err = ingestError(() =>
      runIngest({ sourcesDir: sources, outDir: root, extraFiles: [file] }),
    );
    expect(readdirSync(root).filter((f) => f.endsWith('.json') || f.endsWith('.js'))).toEqual([]);
    return err;
  }

  it('a missing file', () => {
    const err = attempt(null, 'nope.txt');
    expect(err.message).toMatch(/nope\.txt：文件不存在/);
  });

  it('an empty file', () => {
    expect(attempt('\n\n  \n').message).toMatch(/bad\.txt 第 1–4 行：文件为空/);
  });

  it('a file with no standard tables', () => {
    expect(attempt('这是一份会议纪要。\n没有任何表格。\n').message).toMatch(/未识别的文档格式/);
  });

  it('a truncated file names the missing tables and the last line read', () => {
    const full = readFileSync(join(SOURCES, 'shanxi-province-bureau-2024-final.txt'), 'utf8');
    const cut = full.split('\n').slice(0, 200).join('\n');
    const err = attempt(cut);
    expect(err.message).toMatch(/缺少标准表 公开05、公开06、公开07、公开08、公开09、公开10/);
    expect(err.line).toBeGreaterThan(150);
  });

  it('a table cut before its totals', () => {
    const full = readFileSync(join(SOURCES, 'shanxi-province-bureau-2024-final.txt'), 'utf8').split(
      '\n',
    );
    // Drop lines 113–117 (本年收入合计 … 总计) of 公开01.
    const cut = [...full.slice(0, 112), ...full.slice(117)].join('\n');
    expect(attempt(cut).message).toMatch(
      /公开01“收入支出决算总表”缺少“本年收入合计”、“本年支出合计”、“总计”行/,
    );
  });

  it('a file that is not UTF-8 text', () => {
    const { root, sources } = freshDirs();
    copySources(sources, []);
    const file = join(root, 'gbk.txt');
    writeFileSync(file, Buffer.from([0xd5, 0xe2, 0xca, 0xc7, 0xb1, 0xed]));
    const err = ingestError(() =>
      runIngest({ sourcesDir: sources, outDir: root, extraFiles: [file] }),
    );
    expect(err.message).toMatch(/不是 UTF-8/);
  });
});

describe('npm run ingest -- file.pdf', () => {
  const FIXTURES = new URL('../fixtures/national/', import.meta.url).pathname;

  it('adds a PDF in the national layout: its layout text becomes the source, with its bundle', async () => {
    const { root, sources } = freshDirs();
    copySources(sources);
    const pdf = await readPdfFile(join(FIXTURES, 'putuo-justice-2026-budget.pdf'));
    const report = runIngest({ sourcesDir: sources, outDir: root, extraTexts: [pdf] });
    const added = report.bundles.find((b) => /^county-dept-[0-9a-f]{8}-2026-budget$/.test(b.id));
    expect(added).toBeDefined();
    const id = added?.id ?? '';
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')),
    );
    const entry = manifest.bundles.find((b) => b.id === id);
    expect(entry?.unit.name).toBe('上海市普陀区司法局');
    // 部门支出预算总表 合计 基本支出 25,741,666.44 元, compared in 万元.
    expect(entry?.headline.basicExpense?.v).toBe('2574.166644');
    const source = readFileSync(join(sources, `${id}.txt`), 'utf8');
    expect(source).toContain('96,282,213.44');
    // The next run reads the layout text from sources/ alone and writes the same bundle.
    const first = readFileSync(join(root, `${id}.json`), 'utf8');
    runIngest({ sourcesDir: sources, outDir: root });
    expect(readFileSync(join(root, `${id}.json`), 'utf8')).toBe(first);
  });

  it('refuses an encrypted, a damaged or a non-PDF file in Chinese, naming it', async () => {
    const { root } = freshDirs();
    const refusal = async (file: string) => {
      try {
        await readPdfFile(file);
      } catch (err) {
        if (err instanceof IngestError) return err.message;
        throw err;
      }
      throw new Error('expected a refusal');
    };
    expect(await refusal(join(FIXTURES, 'encrypted.pdf'))).toMatch(
      /encrypted\.pdf：PDF 已加密.*未导入/,
    );
    const cut = join(root, 'cut.pdf');
    const whole = readFileSync(join(FIXTURES, 'putuo-justice-2026-budget.pdf'));
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 3)));
    expect(await refusal(cut)).toMatch(/cut\.pdf：PDF 文件已损坏或不完整/);
    const fake = join(root, 'notes.pdf');
    writeFileSync(fake, '会议纪要\n');
    expect(await refusal(fake)).toMatch(/notes\.pdf：不是 PDF 文件/);
  });
});
