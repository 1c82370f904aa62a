/**
 * Migrations between bundle/manifest schema versions, keyed by the version they upgrade FROM.
 * A file written by an older ingest is upgraded step by step (n → n+1) before validation, so
 * the app keeps opening old data folders. Version 1 is the first version: no migrations yet.
 * To add one: bump SCHEMA_VERSION in schema.ts and register `[oldVersion]: (json) => newJson`.
 */
import { SCHEMA_VERSION } from './schema';

/** Upgrades one parsed JSON value from version n to n+1. Must not mutate its input. */
export type Migration = (json: Readonly<Record<string, unknown>>) => Record<string, unknown>;

export const bundleMigrations: Readonly<Record<number, Migration>> = {};
export const manifestMigrations: Readonly<Record<number, Migration>> = {};

export type MigrateResult =
  { ok: true; data: unknown; from: number | null } | { ok: false; reason: string; found: number };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Bring `json` to SCHEMA_VERSION. Values without a numeric schemaVersion pass through unchanged
 * (validation then reports the missing or mistyped field). `from` is the version found, or null
 * when nothing was migrated.
 */
export function migrate(
  json: unknown,
  migrations: Readonly<Record<number, Migration>>,
  current: number = SCHEMA_VERSION,
): MigrateResult {
  if (!isRecord(json)) return { ok: true, data: json, from: null };
  const found = json['schemaVersion'];
  if (typeof found !== 'number' || !Number.isInteger(found) || found === current) {
    return { ok: true, data: json, from: null };
  }
  if (found > current) {
    return {
      ok: false,
      found,
      reason: `schemaVersion 为 ${found}，本程序只支持 ${current}：数据比程序新，请更新看板程序`,
    };
  }
  let value: Record<string, unknown> = json;
  for (let v = found; v < current; v++) {
    const step = migrations[v];
    if (!step) {
      return {
        ok: false,
        found,
        reason: `schemaVersion 为 ${found}，本程序支持 ${current}，没有从版本 ${v} 升级的迁移：请用新版导入工具重新生成数据`,
      };
    }
    value = { ...step(value), schemaVersion: v + 1 };
  }
  return { ok: true, data: value, from: found };
}
