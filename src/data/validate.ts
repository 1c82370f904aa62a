/**
 * The data boundary: every manifest and bundle passes through here before the app uses it.
 * Returns a result instead of throwing, and lists every bad field with a readable Chinese message
 * that names the file and the field path (tables[0].rows[3].cells.amount.v …).
 */
import type * as z from 'zod/mini';
import { bundleMigrations, manifestMigrations, migrate } from './migrate';
import type { Migration } from './migrate';
import { bundleSchema, manifestSchema } from './schema';
import type { Bundle, Manifest } from './schema';

export interface ValidationIssue {
  /** Field path, e.g. `tables[0].rows[3].cells.amount.v`; '' for the whole file. */
  path: string;
  /** What is wrong with the field, in Chinese, without the file name. */
  message: string;
}

export type ValidationResult<T> =
  { ok: true; data: T } | { ok: false; reason: string; issues: ValidationIssue[] };

/**
 * Keys that could reach Object.prototype when a consumer copies data with `obj[key] = …`.
 * zod's strictObject rejects an own `__proto__` key, but z.record silently drops it and accepts
 * `constructor`, so the whole tree is checked before zod sees it.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Render a path the way a developer would write it in JS: `a.b[0].c`, `cells["a b"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      // A hostile key can be megabytes long; a message needs only its start.
      const full = String(seg);
      const key = full.length > 40 ? `${full.slice(0, 40)}…` : full;
      out += /^[^\s.[\]"'`]+$/.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** One full sentence for a list or a log: `文件 x.json：a.b 必须是…`. */
export function formatIssue(where: string, issue: ValidationIssue): string {
  return issue.path
    ? `文件 ${where}：${issue.path} ${issue.message}`
    : `文件 ${where}：${issue.message}`;
}

function describeValue(v: unknown): string {
  if (v === undefined) return '缺失';
  if (v === null) return 'null';
  if (Array.isArray(v)) return '数组';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return String(v);
    return `数字 ${v}`;
  }
  if (typeof v === 'string')
    return `字符串 ${JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}…` : v)}`;
  if (typeof v === 'boolean') return `布尔值 ${v}`;
  if (typeof v === 'object') return '对象';
  return typeof v;
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '有限数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  record: '对象（键值表）',
  null: 'null',
};

const SIZE_UNITS: Record<string, string> = { string: '个字符', array: '项' };

/** zod issue → one Chinese message (without the path). */
function issueMessage(iss: z.core.$ZodIssue, input: unknown): string {
  switch (iss.code) {
    case 'invalid_type': {
      if (input === undefined) return '缺失（必填字段）';
      const expected = TYPE_NAMES[iss.expected] ?? iss.expected;
      return `必须是${expected}，实际为${describeValue(input)}`;
    }
    case 'too_small': {
      if (iss.origin === 'string' && Number(iss.minimum) === 1) return '不能为空字符串';
      const unit = SIZE_UNITS[iss.origin];
      if (unit) return `至少需要 ${String(iss.minimum)} ${unit}`;
      return `不能小于 ${String(iss.minimum)}，实际为${describeValue(input)}`;
    }
    case 'too_big': {
      const unit = SIZE_UNITS[iss.origin];
      if (unit) return `最多 ${String(iss.maximum)} ${unit}`;
      return `不能大于 ${String(iss.maximum)}，实际为${describeValue(input)}`;
    }
    case 'invalid_format':
      // Schema-level messages (schema-common.ts) are already Chinese; keep them. zod/mini loads no
      // locale, so its own message is a generic English one and gets the Chinese text below.
      if (/[\u4e00-\u9fff]/.test(iss.message)) return iss.message;
      return `格式不正确${iss.format === 'regex' && 'pattern' in iss ? `（应匹配 ${String(iss.pattern)}）` : ''}，实际为${describeValue(input)}`;
    case 'invalid_value':
      if (iss.values.length === 1)
        return `必须是 ${JSON.stringify(iss.values[0])}，实际为${describeValue(input)}`;
      return `必须是 ${iss.values.map((v) => JSON.stringify(v)).join(' / ')} 之一，实际为${describeValue(input)}`;
    case 'unrecognized_keys':
      return `含有未定义的字段 ${iss.keys.map((k) => `“${k}”`).join('、')}`;
    case 'invalid_union':
      return `不符合任何允许的格式，实际为${describeValue(input)}`;
    case 'invalid_key':
      return '含有不合格的键名';
    case 'invalid_element':
      return '含有不合格的元素';
    case 'not_multiple_of':
      return `必须是 ${String(iss.divisor)} 的倍数`;
    default:
      return /[\u4e00-\u9fff]/.test(iss.message) ? iss.message : `不合格（${iss.message}）`;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = Object.prototype.hasOwnProperty.call(cur, seg)
      ? (cur as Record<PropertyKey, unknown>)[seg]
      : undefined;
  }
  return cur;
}

function zodIssues(error: z.core.$ZodError, input: unknown): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const iss of error.issues) {
    if (iss.code === 'unrecognized_keys') {
      // One issue per extra key, so each names its own path.
      for (const key of iss.keys) {
        out.push({
          path: formatPath([...iss.path, key]),
          message: '是未定义的字段（不允许多余字段）',
        });
      }
      continue;
    }
    out.push({ path: formatPath(iss.path), message: issueMessage(iss, valueAt(input, iss.path)) });
  }
  return out;
}

/**
 * Deeper than this is refused before zod sees the value. The shipped bundles are 8 levels deep;
 * zod and the views recurse, so a 100,000-deep file must stop here.
 */
export const MAX_DEPTH = 32;

/** Object keys whose string values are names or labels: a real one is under 50 characters. */
const NAME_KEYS = new Set([
  'name',
  'label',
  'altLabel',
  'title',
  'key',
  'code',
  'id',
  'unit',
  'group',
  'members',
  'department',
  'budgetUnit',
  'implementingUnit',
  'file',
  'script',
  'where',
  'field',
]);

/** Longest name, label or field name accepted; a real one is under 50 characters. */
export const MAX_NAME_LENGTH = 200;
/** Longest text of any other field (a narrative paragraph, a goal); a real one is under 500. */
export const MAX_TEXT_LENGTH = 4000;
/** The walk stops after this many problems: enough to fix a file, bounded for a hostile one. */
const MAX_TREE_ISSUES = 50;

interface WalkNode {
  value: unknown;
  parent: WalkNode | null;
  /** Key or index in the parent. */
  seg: PropertyKey;
  depth: number;
  /** The nearest object key above (array items take their array's), for the text limit. */
  field: string;
}

function pathOf(node: WalkNode, extra?: PropertyKey): string {
  const segs: PropertyKey[] = extra === undefined ? [] : [extra];
  for (let n: WalkNode | null = node; n?.parent; n = n.parent) segs.push(n.seg);
  return formatPath(segs.reverse());
}

/**
 * The checks zod cannot make safely, in one iterative walk, linear in the size of the file:
 * nesting depth, prototype-polluting keys and text lengths. A path is built only for a problem
 * (from parent links, at most MAX_DEPTH long), so a hostile file costs no more than a good one.
 */
function treeIssues(root: unknown): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const stack: WalkNode[] = [];
  /** A string is checked where it stands, an object or array queued; nothing else is kept. */
  const visit = (value: unknown, parent: WalkNode | null, seg: PropertyKey, field: string) => {
    if (typeof value === 'string') {
      const limit = NAME_KEYS.has(field) ? MAX_NAME_LENGTH : MAX_TEXT_LENGTH;
      if (value.length > limit)
        out.push({
          path: parent ? pathOf(parent, seg) : '',
          message: `过长（${value.length} 个字符，最多 ${limit} 个字符），不像是真实文件的内容`,
        });
    } else if (typeof value === 'object' && value !== null) {
      stack.push({ value, parent, seg, depth: parent ? parent.depth + 1 : 0, field });
    }
  };
  visit(root, null, '', '');
  while (stack.length > 0 && out.length < MAX_TREE_ISSUES) {
    const node = stack.pop() as WalkNode;
    const { value, depth, field } = node;
    if (depth >= MAX_DEPTH) {
      out.push({
        path: pathOf(node),
        message: `嵌套过深（超过 ${MAX_DEPTH} 层；数据包不超过 20 层），文件可能已损坏`,
      });
      continue;
    }
    // Children are queued last-first so problems come out in document order.
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) visit(value[i], node, i, field);
      continue;
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      if (FORBIDDEN_KEYS.has(key)) {
        out.push({
          path: pathOf(node, key),
          message: `是不允许的字段名 “${key}”（可能用于原型污染）`,
        });
      } else if (key.length > MAX_NAME_LENGTH) {
        out.push({
          path: pathOf(node, key),
          message: `字段名过长（${key.length} 个字符，最多 ${MAX_NAME_LENGTH} 个字符）`,
        });
      } else visit(record[key], node, key, key);
    }
  }
  return out;
}

function summarise(where: string, issues: ValidationIssue[]): string {
  const first = issues[0];
  if (!first) return `文件 ${where}：无法读取`;
  const head = formatIssue(where, first);
  return issues.length === 1 ? head : `${head}（另有 ${issues.length - 1} 处问题）`;
}

function fail<T>(where: string, issues: ValidationIssue[]): ValidationResult<T> {
  return { ok: false, reason: summarise(where, issues), issues };
}

function validateWith<T>(
  json: unknown,
  where: string,
  schema: z.ZodMiniType<T>,
  migrations: Readonly<Record<number, Migration>>,
  extraChecks: (data: T) => ValidationIssue[],
): ValidationResult<T> {
  const tree = treeIssues(json);
  if (tree.length > 0) return fail(where, tree);

  const migrated = migrate(json, migrations);
  if (!migrated.ok)
    return fail(where, [
      { path: 'schemaVersion', message: migrated.reason.replace(/^schemaVersion /, '') },
    ]);

  const parsed = schema.safeParse(migrated.data);
  if (!parsed.success) return fail(where, zodIssues(parsed.error, migrated.data));

  const extra = extraChecks(parsed.data);
  if (extra.length > 0) return fail(where, extra);
  return { ok: true, data: parsed.data };
}

function manifestChecks(m: Manifest): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const seen = new Set<string>();
  m.bundles.forEach((b, i) => {
    // The schema leaves the manifest year open; a year outside the bundle range is a data error.
    if (b.fiscalYear < 2000 || b.fiscalYear > 2100) {
      out.push({
        path: `bundles[${i}].fiscalYear`,
        message: `必须在 2000–2100 之间，实际为 ${b.fiscalYear}`,
      });
    }
    if (seen.has(b.id))
      out.push({ path: `bundles[${i}].id`, message: `重复的数据包编号 “${b.id}”` });
    seen.add(b.id);
    // Scripts are inserted as <script src>: only plain relative paths inside data/.
    if (!isSafeRelativePath(b.script) || !b.script.endsWith('.js')) {
      out.push({
        path: `bundles[${i}].script`,
        message: `必须是 data/ 下的相对 .js 路径，实际为 ${JSON.stringify(b.script)}`,
      });
    }
  });
  return out;
}

/** A relative path with no scheme, no leading slash and no `..` segment. */
export function isSafeRelativePath(p: string): boolean {
  return /^[A-Za-z0-9_\-./]+$/.test(p) && !p.startsWith('/') && !p.split('/').includes('..');
}

/**
 * Validate one parsed bundle (`where` names the file in messages, e.g. `datong-city-dept-2024-final.json`).
 * Older schema versions are migrated first (src/data/migrate.ts).
 */
export function validateBundle(json: unknown, where: string): ValidationResult<Bundle> {
  return validateWith(json, where, bundleSchema, bundleMigrations, () => []);
}

/** Validate the parsed manifest (the list of bundles with their headline figures). */
export function validateManifest(json: unknown, where: string): ValidationResult<Manifest> {
  return validateWith(json, where, manifestSchema, manifestMigrations, manifestChecks);
}
