/**
 * Synthetic data for the benchmark: bundles of the real schema, cloned from the real
 * bundles in public/data/*.json and perturbed with a seeded PRNG, written as the ingest writes
 * them (classic scripts wrapping `JSON.parse("…")`, src/ingest/run.ts) plus the manifest.
 *
 * Perturbation keeps every bundle internally consistent: all money figures of a bundle are
 * multiplied by one integer factor (exact with decimal.js, printed decimals kept), so sums still
 * add up and percentages, rates, scores and counts stay as printed (they are not scaled).
 * Each unit gets three documents: 2023 决算, 2024 决算, 2025 预算.
 *
 * `bigTableBundle` builds one 决算 whose 公开03 is a generated 功能分类 tree (类/款/项 codes) of
 * about 10,000 rows, for the scrolling measurement.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Decimal from 'decimal.js';
import { headlineOf } from '../../src/data/headline';
import { bundleSchema, manifestSchema } from '../../src/data/schema';
import type { Bundle, Manifest, TableRow, UnitInfo } from '../../src/data/schema';

export const REAL_DATA = join(import.meta.dirname, '..', '..', 'public', 'data');

/** mulberry32: small, fast, seeded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
/** xs[i], or an error: for indices known to be in range (keeps noUncheckedIndexedAccess honest). */
function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`index ${i} out of range`);
  return x;
}

export function loadTemplates(dir = REAL_DATA): Bundle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'manifest.json')
    .sort()
    .map((f) => bundleSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}

const PROVINCE = '山西省';
const CITIES = ['太原市', '大同市', '阳泉市', '长治市', '晋城市', '朔州市'];
const CITIES2 = ['晋中市', '运城市', '忻州市', '临汾市', '吕梁市'];
const COUNTIES = (
  '小店区 迎泽区 杏花岭区 尖草坪区 万柏林区 晋源区 清徐县 阳曲县 平城区 云冈区 新荣区 云州区 ' +
  '阳高县 天镇县 广灵县 灵丘县 浑源县 左云县 平定县 盂县 潞州区 上党区 屯留区 潞城区 襄垣县 ' +
  '泽州县 高平市 阳城县 朔城区 平鲁区 山阴县 应县 右玉县 怀仁市 榆次区 太谷区 介休市 盐湖区 ' +
  '永济市 河津市 忻府区 原平市 尧都区 侯马市 霍州市 离石区 孝义市 汾阳市'
).split(' ');
const DEPTS = (
  '行政审批服务管理局 财政局 教育局 卫生健康委员会 民政局 人力资源和社会保障局 自然资源局 ' +
  '生态环境局 住房和城乡建设局 交通运输局 水利局 农业农村局 商务局 文化和旅游局 应急管理局 ' +
  '市场监督管理局 统计局 医疗保障局 审计局 司法局 退役军人事务局 林业局 体育局 信访局'
).split(' ');

/** Unique unit names: place × department, in a seeded order; overflow gets a numbered suffix. */
function unitNames(n: number, r: Rand): { name: string; level: UnitInfo['level'] }[] {
  const places: { place: string; level: UnitInfo['level'] }[] = [
    { place: PROVINCE, level: '省级' },
    ...[...CITIES, ...CITIES2].map((place) => ({ place, level: '市级' as const })),
    ...COUNTIES.map((place) => ({ place, level: '区县级' as const })),
  ];
  const combos = places.flatMap((p) =>
    DEPTS.map((d) => ({ name: `${p.place}${d}`, level: p.level })),
  );
  for (const p of [PROVINCE, ...CITIES, ...CITIES2])
    combos.push({ name: `${p}政务服务中心`, level: '服务中心' });
  for (let i = combos.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [combos[i], combos[j]] = [at(combos, j), at(combos, i)];
  }
  const out: { name: string; level: UnitInfo['level'] }[] = [];
  for (let i = 0; i < n; i++) {
    const c = at(combos, i % combos.length);
    const round = Math.floor(i / combos.length);
    out.push(round === 0 ? c : { name: `${c.name}（${round + 1}）`, level: c.level });
  }
  return out;
}

/** Path segments under which figures are not money (percentages, scores, counts, areas). */
const NOT_MONEY =
  /pct|rate|score|weight|count|vehicle|equipment|threshold|area|projects|grades|overview|mentions|formatIssues|indicator|公开10|预算1[0-3]/i;

function scaleFig(v: string, k: number): string {
  const dot = v.indexOf('.');
  const places = dot < 0 ? 0 : v.length - dot - 1;
  return new Decimal(v).times(k).toFixed(places);
}

/** Multiplies every money figure ({v, line} or {v, derived}) by k, in place. */
function scaleMoney(node: unknown, k: number, path: string[] = []): void {
  if (Array.isArray(node)) {
    for (const x of node) {
      const id = x && typeof x === 'object' && 'id' in x && typeof x.id === 'string' ? [x.id] : [];
      scaleMoney(x, k, [...path, ...id]);
    }
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (typeof o.v === 'string' && ('line' in o || 'derived' in o)) {
    if (/^-?\d+(\.\d+)?$/.test(o.v) && !path.some((p) => NOT_MONEY.test(p))) o.v = scaleFig(o.v, k);
    return;
  }
  for (const [key, value] of Object.entries(o)) {
    if (key === 'findings' || key === 'corrections' || key === 'skipped') continue;
    scaleMoney(value, k, [...path, key]);
  }
}

function hex64(r: Rand): string {
  let s = '';
  for (let i = 0; i < 64; i++) s += '0123456789abcdef'[Math.floor(r() * 16)];
  return s;
}

const YEARS = [
  { year: 2023, kind: '决算' as const, tag: 'final' },
  { year: 2024, kind: '决算' as const, tag: 'final' },
  { year: 2025, kind: '预算' as const, tag: 'budget' },
];

export interface DataSet {
  dir: string;
  units: number;
  bundles: number;
  /** Bundle scripts + manifest.js, raw and gzip bytes. */
  rawBytes: number;
  gzipBytes: number;
  manifestBytes: number;
}

/** JSON as a JS string literal inside JSON.parse(…), exactly as src/ingest/run.ts writes it. */
export function bundleScript(bundle: Bundle): string {
  const json = JSON.stringify(bundle);
  return `(window.__BUDGET_BUNDLES__ = window.__BUDGET_BUNDLES__ || {})[${JSON.stringify(bundle.id)}] = JSON.parse(${JSON.stringify(json)});\n`;
}
export function manifestScript(manifest: Manifest): string {
  return `window.__BUDGET_MANIFEST__ = JSON.parse(${JSON.stringify(JSON.stringify(manifest))});\n`;
}

function entryOf(b: Bundle): Manifest['bundles'][number] {
  return {
    id: b.id,
    file: `${b.id}.json`,
    script: `${b.id}.js`,
    unit: b.unit,
    kind: b.kind,
    fiscalYear: b.fiscalYear,
    headline: headlineOf(b),
  };
}

/** Writes bundles + manifest (classic scripts) into dir; every bundle passes bundleSchema. */
export function writeDataSet(dir: string, bundles: Iterable<Bundle>): DataSet {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const entries: Manifest['bundles'] = [];
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const b of bundles) {
    const checked = bundleSchema.safeParse(b);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new Error(`${b.id}: ${issue?.path.join('.')} ${issue?.message}`);
    }
    const script = Buffer.from(bundleScript(b));
    writeFileSync(join(dir, `${b.id}.js`), script);
    rawBytes += script.length;
    gzipBytes += gzipSync(script, { level: 6 }).length;
    entries.push(entryOf(b));
  }
  const manifest = manifestSchema.parse({ schemaVersion: 1, bundles: entries });
  const ms = Buffer.from(manifestScript(manifest));
  writeFileSync(join(dir, 'manifest.js'), ms);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return {
    dir,
    units: new Set(entries.map((e) => e.id.replace(/-\d{4}-\w+$/, ''))).size,
    bundles: entries.length,
    rawBytes: rawBytes + ms.length,
    gzipBytes: gzipBytes + gzipSync(ms).length,
    manifestBytes: ms.length,
  };
}

/** Bundles of `units` synthetic units × 3 years, lazily (6,000 bundles do not sit in memory). */
export function* syntheticBundles(
  templates: readonly Bundle[],
  units: number,
  seed: number,
): Generator<Bundle> {
  const r = prng(seed);
  const finals = templates.filter((t) => t.kind === '决算');
  const budgets = templates.filter((t) => t.kind === '预算');
  const names = unitNames(units, r);
  for (let u = 0; u < units; u++) {
    const { name, level } = at(names, u);
    const base = int(r, 2, 40);
    const code = String(int(r, 100000, 999999));
    const final = pick(r, finals);
    for (const { year, kind, tag } of YEARS) {
      const template = kind === '决算' ? final : pick(r, budgets);
      const b = structuredClone(template) as Bundle;
      const scope = template.unit.scope;
      b.id = `u${String(u).padStart(4, '0')}-${year}-${tag}`;
      b.fiscalYear = year;
      b.unit = {
        name: scope === '部门' && level !== '服务中心' ? `${name}[部门]` : name,
        code,
        level,
        scope,
        ...(scope === '部门'
          ? {
              members: [`${name}机关`, `${name}事务中心`, `${name}信息中心`].slice(0, int(r, 1, 3)),
            }
          : {}),
      };
      b.source = {
        file: `sources/${b.id}.txt`,
        title: `${b.unit.name} ${year}年${scope}${kind}`,
        sha256: hex64(r),
        lineCount: template.source.lineCount,
      };
      // Year-to-year variation: base ± 1 (integer, so sums stay exact).
      scaleMoney(b, Math.max(1, base + int(r, -1, 1)));
      yield b;
    }
  }
}

const fmtCents = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

/**
 * One 决算 (cloned from a real one) whose 公开03 支出决算表 is a generated 功能分类 tree:
 * `classes` 类 × `kuan` 款 × `xiang` 项 with codes 2xx / 2xxkk / 2xxkkxx, parents the exact
 * sums of their children, 合计 on top. 25 × 20 × 19 gives 10,026 rows.
 */
export function bigTableBundle(
  templates: readonly Bundle[],
  seed: number,
  classes = 25,
  kuan = 20,
  xiang = 19,
): Bundle {
  const r = prng(seed);
  const template = templates.find(
    (t) => t.kind === '决算' && t.tables.some((x) => x.id === '公开03'),
  );
  if (!template) throw new Error('no 决算 template with 公开03');
  const b = structuredClone(template) as Bundle;
  b.id = 'big-table-2024-final';
  const table = b.tables.find((t) => t.id === '公开03');
  if (!table) throw new Error('template without 公开03');
  const labels: [string[], string[], string[], string[]] = [[], [], [], []];
  for (const t of templates)
    for (const tb of t.tables)
      for (const row of tb.rows)
        if (row.code && row.level && row.level <= 3) labels[row.level as 1 | 2 | 3].push(row.label);
  let line = table.line + 1;
  const rows: TableRow[] = [];
  type Sum = { basic: number; project: number };
  const add = (a: Sum, x: Sum) => {
    a.basic += x.basic;
    a.project += x.project;
  };
  const cellsOf = (s: Sum, ln: number): TableRow['cells'] => ({
    total: { v: fmtCents(s.basic + s.project), line: ln },
    basic: s.basic > 0 ? { v: fmtCents(s.basic), line: ln } : null,
    project: s.project > 0 ? { v: fmtCents(s.project), line: ln } : null,
    remitted: null,
    operating: null,
    affiliatedSubsidy: null,
  });
  const total: Sum = { basic: 0, project: 0 };
  const totalRow: TableRow = { key: '合计', label: '合计', level: 0, line: line++, cells: {} };
  rows.push(totalRow);
  for (let c = 0; c < classes; c++) {
    const cCode = String(201 + c);
    const cSum: Sum = { basic: 0, project: 0 };
    const cRow: TableRow = {
      key: cCode,
      code: cCode,
      label: pick(r, labels[1]),
      level: 1,
      line: line++,
      cells: {},
    };
    rows.push(cRow);
    for (let k = 0; k < kuan; k++) {
      const kCode = `${cCode}${String(k + 1).padStart(2, '0')}`;
      const kSum: Sum = { basic: 0, project: 0 };
      const kRow: TableRow = {
        key: kCode,
        code: kCode,
        label: pick(r, labels[2]),
        level: 2,
        line: line++,
        cells: {},
      };
      rows.push(kRow);
      for (let x = 0; x < xiang; x++) {
        const xCode = `${kCode}${String(x + 1).padStart(2, '0')}`;
        const s: Sum = {
          basic: r() < 0.7 ? int(r, 1, 30000) : 0,
          project: r() < 0.5 ? int(r, 1, 80000) : 0,
        };
        if (s.basic + s.project === 0) s.basic = int(r, 1, 500);
        const ln = line++;
        rows.push({
          key: xCode,
          code: xCode,
          label: pick(r, labels[3]),
          level: 3,
          line: ln,
          cells: cellsOf(s, ln),
        });
        add(kSum, s);
      }
      kRow.cells = cellsOf(kSum, kRow.line);
      add(cSum, kSum);
    }
    cRow.cells = cellsOf(cSum, cRow.line);
    add(total, cSum);
  }
  totalRow.cells = cellsOf(total, totalRow.line);
  table.rows = rows;
  // Later tables keep their line numbers; the source is said to be long enough for all of them.
  b.source = {
    ...b.source,
    file: `sources/${b.id}.txt`,
    lineCount: Math.max(line, b.source.lineCount),
  };
  return b;
}

/** Bytes of a file, raw and gzip (level 6, like a typical server). */
export function sizes(buf: Buffer): { raw: number; gzip: number } {
  return { raw: buf.length, gzip: gzipSync(buf, { level: 6 }).length };
}
