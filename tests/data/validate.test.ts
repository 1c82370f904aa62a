import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '@/data/migrate';
import { formatPath, validateBundle, validateManifest } from '@/data/validate';
import { fixtureManifestJson, validBundleJson } from '../fixtures/bundles';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests poke into parsed JSON

function expectRejected(json: unknown, path: string, fragment: string, where = 'x.json') {
  const result = validateBundle(json, where);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  const issue = result.issues.find((i) => i.path === path);
  expect(issue, `issues: ${JSON.stringify(result.issues)}`).toBeDefined();
  expect(issue?.message).toContain(fragment);
  expect(result.reason).toContain(`文件 ${where}：`);
}

describe('validateBundle', () => {
  it('accepts the valid fixture', () => {
    const result = validateBundle(validBundleJson(), 'fixture.json');
    expect(result.ok ? 'ok' : result.reason).toBe('ok');
  });

  it.each<[string, (b: Json) => unknown, string, string]>([
    [
      'wrong type (year as string)',
      (b) => ((b.fiscalYear = '2026'), b),
      'fiscalYear',
      '必须是有限数字，实际为字符串 "2026"',
    ],
    [
      'wrong type (rows not an array)',
      (b) => ((b.tables[0].rows = {}), b),
      'tables[0].rows',
      '必须是数组',
    ],
    ['missing field', (b) => (delete b.unit.name, b), 'unit.name', '缺失（必填字段）'],
    ['missing top-level field', (b) => (delete b.source, b), 'source', '缺失'],
    ['NaN', (b) => ((b.tables[0].line = NaN), b), 'tables[0].line', 'NaN'],
    ['Infinity', (b) => ((b.source.lineCount = Infinity), b), 'source.lineCount', 'Infinity'],
    [
      'negative line',
      (b) => ((b.tables[0].rows[1].line = -3), b),
      'tables[0].rows[1].line',
      '不能小于 1，实际为数字 -3',
    ],
    [
      'zero line',
      (b) => ((b.tables[0].rows[1].cells.total.line = 0), b),
      'tables[0].rows[1].cells.total.line',
      '不能小于 1',
    ],
    ['fractional line', (b) => ((b.tables[0].line = 1.5), b), 'tables[0].line', '必须是整数'],
    ['negative year', (b) => ((b.fiscalYear = -2024), b), 'fiscalYear', '不能小于 2000'],
    [
      'amount with a comma',
      (b) => ((b.tables[0].rows[0].cells.total.v = '1,564.72'), b),
      'tables[0].rows[0].cells.total.v',
      '必须是十进制数字字符串',
    ],
    [
      'amount as a number',
      (b) => ((b.tables[0].rows[0].cells.total.v = 1564.72), b),
      'tables[0].rows[0].cells.total.v',
      '必须是字符串',
    ],
    [
      'unknown enum value',
      (b) => ((b.unit.level = '国家级'), b),
      'unit.level',
      '"省级" / "市级" / "服务中心" / "区县级"',
    ],
    ['extra key', (b) => ((b.unit.extra = 1), b), 'unit.extra', '是未定义的字段'],
    [
      'extra key in a row',
      (b) => ((b.tables[0].rows[0].amount = '1'), b),
      'tables[0].rows[0].amount',
      '是未定义的字段',
    ],
    [
      'wrong schemaVersion (newer)',
      (b) => ((b.schemaVersion = 2), b),
      'schemaVersion',
      '为 2，本程序只支持 1',
    ],
    [
      'wrong schemaVersion (older, no migration)',
      (b) => ((b.schemaVersion = 0), b),
      'schemaVersion',
      '为 0，本程序支持 1',
    ],
    [
      'schemaVersion as a string',
      (b) => ((b.schemaVersion = '1'), b),
      'schemaVersion',
      '必须是 1，实际为字符串 "1"',
    ],
  ])('rejects %s with a Chinese message naming the path', (_name, mutate, path, fragment) => {
    expectRejected(mutate(validBundleJson()), path, fragment);
  });

  it('rejects a JSON-parsed own __proto__ key at the top level', () => {
    const json = JSON.parse(
      JSON.stringify(validBundleJson()).replace(/^\{/, '{"__proto__":{"polluted":true},'),
    );
    expect(Object.keys(json)).toContain('__proto__');
    expectRejected(json, '__proto__', '不允许的字段名');
    expect(({} as Json).polluted).toBeUndefined();
  });

  // zod's record silently drops an own __proto__ key and accepts constructor: the explicit guard catches both.
  it.each(['__proto__', 'constructor', 'prototype'])(
    'rejects a %s key inside a record of cells',
    (key) => {
      const text = JSON.stringify(validBundleJson()).replace(
        '"cells":{',
        `"cells":{"${key}":{"v":"1","line":1},`,
      );
      expectRejected(JSON.parse(text), `tables[0].rows[0].cells.${key}`, `“${key}”`);
    },
  );

  // A bundle id keys plain lookups across the app: "constructor" broke 同比变化 on every reload.
  it.each([
    'constructor',
    'tostring',
    'hasownproperty',
    'toString',
    '__proto__',
    'valueof',
    'label',
    'My-Copy',
    '2024-final',
    'a-',
    'my--copy',
    'ab',
    `a-${'b'.repeat(79)}`,
  ])('rejects the bundle id %j with the rule', (id) => {
    const b: Json = validBundleJson();
    b.id = id;
    const r = validateBundle(b, 'x.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      {
        path: 'id',
        message: `编号只能由小写英文字母、数字和连字符组成，以字母开头，用连字符分成至少两段，共 3–80 个字符（如 datong-city-dept-2024-final），实际为 ${JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id)}`,
      },
    ]);
  });

  it.each([
    'shanxi-province-bureau-2024-final',
    'datong-city-bureau-2026-budget',
    'datong-service-center-2024-final',
    'shuocheng-district-dept-2023-final',
    'doc-1a2b3c4d5e',
    'my-copy',
    `a-${'b'.repeat(78)}`,
  ])('accepts the bundle id %j', (id) => {
    const b: Json = validBundleJson();
    b.id = id;
    const r = validateBundle(b, 'x.json');
    expect(r.ok ? 'ok' : r.reason).toBe('ok');
  });

  it('rejects a manifest entry with an id that is a property name', () => {
    const m: Json = fixtureManifestJson();
    m.bundles[0].id = 'constructor';
    const r = validateManifest(m, 'manifest.json');
    expect(r.ok ? 'ok' : r.reason).toMatch(/^文件 manifest\.json：bundles\[0\]\.id 编号只能由/);
  });

  it('rejects an over-long field name, quoting only its start', () => {
    const key = 'k'.repeat(300);
    const text = JSON.stringify(validBundleJson()).replace('"cells":{', `"cells":{"${key}":null,`);
    expectRejected(
      JSON.parse(text),
      `tables[0].rows[0].cells.${'k'.repeat(40)}…`,
      '字段名过长（300 个字符，最多 200 个字符）',
    );
  });

  it('rejects what is not an object at all', () => {
    for (const json of [null, 42, 'text', []]) {
      const r = validateBundle(json, 'x.json');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/^文件 x\.json：必须是对象/);
    }
  });

  it('lists every bad field, not only the first', () => {
    const b: Json = validBundleJson();
    b.fiscalYear = 'x';
    b.tables[0].line = -1;
    b.unit.extra = true;
    const r = validateBundle(b, 'x.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path).sort()).toEqual([
      'fiscalYear',
      'tables[0].line',
      'unit.extra',
    ]);
    expect(r.reason).toContain('另有 2 处问题');
  });

  it('formats the example message from the brief', () => {
    const b: Json = validBundleJson();
    b.tables[0].rows[0].cells.total.v = 'abc';
    const r = validateBundle(b, 'x.json');
    expect(r.ok ? '' : r.reason).toBe(
      '文件 x.json：tables[0].rows[0].cells.total.v 必须是十进制数字字符串（如 "42683.67"）',
    );
  });
});

describe('validateManifest', () => {
  it('accepts the fixture manifest', () => {
    const r = validateManifest(fixtureManifestJson(), 'manifest.json');
    expect(r.ok ? r.data.bundles.length : r.reason).toBe(5);
  });

  it.each<[string, (m: Json) => unknown, string, string]>([
    [
      'negative year',
      (m) => ((m.bundles[0].fiscalYear = -1), m),
      'bundles[0].fiscalYear',
      '2000–2100',
    ],
    [
      'negative finding count',
      (m) => ((m.bundles[1].headline.findings.warning = -1), m),
      'bundles[1].headline.findings.warning',
      '不能小于 0',
    ],
    [
      'negative headline line',
      (m) => ((m.bundles[2].headline.incomeTotal.line = -5), m),
      'bundles[2].headline.incomeTotal.line',
      '不能小于 1',
    ],
    [
      'duplicate id',
      (m) => ((m.bundles[1].id = m.bundles[0].id), m),
      'bundles[1].id',
      '重复的数据包编号',
    ],
    [
      'remote script',
      (m) => ((m.bundles[0].script = 'https://example.com/x.js'), m),
      'bundles[0].script',
      '相对 .js 路径',
    ],
    [
      'script outside data/',
      (m) => ((m.bundles[0].script = '../x.js'), m),
      'bundles[0].script',
      '相对 .js 路径',
    ],
  ])('rejects %s', (_name, mutate, path, fragment) => {
    const r = validateManifest(mutate(fixtureManifestJson()), 'manifest.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.find((i) => i.path === path)?.message ?? JSON.stringify(r.issues)).toContain(
      fragment,
    );
  });
});

describe('migrate', () => {
  it('upgrades step by step through the registered migrations', () => {
    const r = migrate(
      { schemaVersion: 1, a: 1 },
      { 1: (j) => ({ ...j, b: 2 }), 2: (j) => ({ ...j, c: 3 }) },
      3,
    );
    expect(r).toEqual({ ok: true, from: 1, data: { schemaVersion: 3, a: 1, b: 2, c: 3 } });
  });

  it('leaves the current version untouched', () => {
    const json = { schemaVersion: 1 };
    expect(migrate(json, {}, 1)).toEqual({ ok: true, from: null, data: json });
  });

  it('names the missing step', () => {
    const r = migrate({ schemaVersion: 1 }, { 1: (j) => ({ ...j }) }, 3);
    expect(r.ok ? '' : r.reason).toContain('没有从版本 2 升级的迁移');
  });
});

describe('formatPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], ''],
    [['tables', 0, 'rows', 3, 'cells', 'amount', 'v'], 'tables[0].rows[3].cells.amount.v'],
    [['cells', '本年决算'], 'cells.本年决算'],
    [['cells', 'a b'], 'cells["a b"]'],
  ])('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

// The ingest's real output, once it exists: every bundle must validate.
const dataDir = join(__dirname, '../../public/data');
const realBundles = existsSync(dataDir)
  ? readdirSync(dataDir).filter((f) => f.endsWith('.json') && f !== 'manifest.json')
  : [];
describe.skipIf(realBundles.length === 0)('real bundles in public/data', () => {
  it.each(realBundles)('%s is valid', (file) => {
    const r = validateBundle(JSON.parse(readFileSync(join(dataDir, file), 'utf8')), file);
    expect(r.ok ? 'ok' : r.reason).toBe('ok');
  });
});
