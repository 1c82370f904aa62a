/**
 * Records keyed by bundle id, with no prototype: `record[id]` is undefined for every id not set,
 * even one named like an Object.prototype member ("constructor" once made 同比变化 read the Object
 * function as a cell). Ids are validated (BUNDLE_ID_PATTERN), this is the second line of defence
 * for every lookup keyed by data. A spread (`{ ...r }`) or `Object.fromEntries` gives a plain
 * object again, so copies go through these helpers.
 */

/** A new empty record with no prototype, optionally filled from `entries`. */
export function idRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** A copy of `record` with `key` set to `value`. */
export function withKey<T>(record: Record<string, T>, key: string, value: T): Record<string, T> {
  const out = idRecord(Object.entries(record));
  out[key] = value;
  return out;
}

/** A copy of `record` without the keys for which `drop` is true. */
export function withoutKeys<T>(
  record: Record<string, T>,
  drop: (key: string) => boolean,
): Record<string, T> {
  return idRecord(Object.entries(record).filter(([k]) => !drop(k)));
}
