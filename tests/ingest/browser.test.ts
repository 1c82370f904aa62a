/**
 * The ingest as the browser runs it (dist/ingest.js, src/ingest/browser.ts): the same bundles as
 * `npm run ingest` for the same texts, refusals as Chinese messages, and no Node module anywhere
 * in its imports (the build for the browser would fail or break at run time).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestText } from '@/ingest/browser';

const DATA = new URL('../../public/data/', import.meta.url);
const IDS = [
  'datong-city-bureau-2026-budget',
  'datong-city-dept-2024-final',
  'datong-service-center-2024-final',
  'shanxi-province-bureau-2024-final',
  'shuocheng-district-dept-2023-final',
];

describe('ingestText (the browser ingest)', () => {
  it.each(IDS)('gives the shipped bundle %s byte for byte', (id) => {
    const text = readFileSync(new URL(`sources/${id}.txt`, DATA), 'utf8');
    const out = ingestText('公开文本.txt', text);
    if (!out.ok) throw new Error(out.message);
    expect(`${JSON.stringify(out.bundle, null, 1)}\n`).toBe(
      readFileSync(new URL(`${id}.json`, DATA), 'utf8'),
    );
    expect(out.sourceText).toBe(text);
    expect(out.findings).toBe(out.bundle.findings);
  });

  it('names a new unit by its content: 测试市政务服务中心 gets a hashed id, 本年收入合计 as printed', () => {
    const seed = readFileSync('public/data/sources/datong-service-center-2024-final.txt', 'utf8');
    const out = ingestText('测试.txt', seed.replaceAll('大同市政务服务中心', '测试市政务服务中心'));
    if (!out.ok) throw new Error(out.message);
    // The CLI's id: 服务中心 level, 单位 scope, SHA-256 of “测试市政务服务中心|单位” by node:crypto.
    expect(out.bundle.id).toBe(
      `center-unit-${createHash('sha256').update('测试市政务服务中心|单位').digest('hex').slice(0, 8)}-2024-final`,
    );
    expect(out.bundle.unit.name).toBe('测试市政务服务中心');
    const t01 = out.bundle.tables.find((t) => t.id === '公开01');
    const income = t01?.rows.find((r) => r.key === '本年收入合计');
    expect(Object.values(income?.cells ?? {})).toContainEqual({ v: '1126.93', line: 110 });
  });

  it('refuses a text that is not a disclosure, naming the file and line, in Chinese', () => {
    const out = ingestText('notes.txt', '会议纪要\n第一条\n');
    expect(out).toEqual({
      ok: false,
      message: expect.stringMatching(/^文件 notes\.txt 第 1–3 行：未识别的文档格式/),
    });
  });

  it('refuses text that was not UTF-8 (decoded with U+FFFD), naming the line', () => {
    const out = ingestText('gbk.txt', '第一行\n第二行\n\uFFFD\uFFFD\n');
    expect(out).toEqual({
      ok: false,
      message: expect.stringMatching(/^文件 gbk\.txt 第 3 行：文件不是 UTF-8/),
    });
  });

  it('imports no node: module, directly or through any file it imports', () => {
    const seen = new Set<string>();
    const nodeImports: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/^import [^;]*?from '([^']+)'/gm)) {
        const spec = m[1] ?? '';
        if (spec.startsWith('node:')) nodeImports.push(`${file}: ${spec}`);
        const base = spec.startsWith('@/')
          ? resolve('src', spec.slice(2))
          : spec.startsWith('.')
            ? resolve(dirname(file), spec)
            : null;
        if (base !== null) visit(`${base.replace(/\.ts$/, '')}.ts`);
      }
    };
    visit(resolve('src/ingest/browser.ts'));
    expect(seen.size).toBeGreaterThan(10);
    expect(nodeImports).toEqual([]);
  });
});
