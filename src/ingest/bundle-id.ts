/**
 * A bundle's id comes from what the document is — its unit, scope, year and kind, as read from
 * its text — never from the file name, so a text saved under another document's name (or as
 * "manifest.txt") cannot take that document's place. The id names the bundle's files
 * (`<id>.json`, `<id>.js`, `sources/<id>.txt`) and the document's links.
 */
import type { DocMeta } from './metadata';
import { sha256Hex } from './sha256';

/** lowercase ASCII letters, digits and hyphens, starting with a letter, at most 80 characters. */
export const BUNDLE_ID = /^[a-z][a-z0-9-]{0,79}$/;

/**
 * Units whose documents were published before ids were derived from content: they keep the
 * slugs their links already use. Keyed by the unit's name (without "[部门]") and scope.
 */
const KNOWN_UNITS: Readonly<Record<string, string>> = {
  '山西省行政审批服务管理局|单位': 'shanxi-province-bureau',
  '大同市行政审批服务管理局|部门': 'datong-city-dept',
  '大同市行政审批服务管理局|单位': 'datong-city-bureau',
  '大同市政务服务中心|单位': 'datong-service-center',
  '朔州市朔城区行政审批服务管理局|部门': 'shuocheng-district-dept',
};

const LEVEL_SLUG: Record<DocMeta['unit']['level'], string> = {
  省级: 'province',
  市级: 'city',
  区县级: 'county',
  服务中心: 'center',
};

/** The unit's name as a key: "[部门]" marks the scope, which the key carries separately. */
function unitKey(meta: DocMeta): string {
  return `${meta.unit.name.replace(/\[(部门|单位)\]$/, '')}|${meta.unit.scope}`;
}

/**
 * `<unit slug>-<year>-<final|budget>`. A unit not in the table above gets
 * `<level>-<dept|unit>-<8 hex of the SHA-256 of its name and scope>`: deterministic, ASCII,
 * the same for every year and kind of that unit, and no transliteration to get wrong.
 */
export function bundleIdOf(meta: DocMeta): string {
  const key = unitKey(meta);
  const slug =
    KNOWN_UNITS[key] ??
    `${LEVEL_SLUG[meta.unit.level]}-${meta.unit.scope === '部门' ? 'dept' : 'unit'}-${sha256Hex(key).slice(0, 8)}`;
  return `${slug}-${meta.fiscalYear}-${meta.kind === '预算' ? 'budget' : 'final'}`;
}

/** Names the ingest writes beside the bundles: an id may never be one of them. */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['manifest', 'sources']);
