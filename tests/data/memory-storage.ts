/** An in-memory UserBundleStorage for store tests (the IndexedDB one is tested on its own). */
import type { StoredUserBundle } from '@/data/user-bundles';
import type { UserBundleStorage } from '@/data/user-storage';

export interface MemoryStorage extends UserBundleStorage {
  records: Map<string, StoredUserBundle | { broken: string; key: string }>;
}

export function memoryStorage(failPut = false): MemoryStorage {
  const records = new Map<string, StoredUserBundle | { broken: string; key: string }>();
  return {
    available: true,
    records,
    list: () => Promise.resolve([...records.values()]),
    put: (r) =>
      failPut
        ? Promise.reject(new Error('QuotaExceededError'))
        : (records.set(r.id, r), Promise.resolve()),
    remove: (id) => (records.delete(id), Promise.resolve()),
  };
}
