/** An in-memory UserBundleStorage for store tests (the IndexedDB one is tested on its own). */
import type { StoredUserBundle } from '@/data/user-bundles';
import type { BrokenRecord, UserBundleStorage } from '@/data/user-storage';

export interface MemoryStorage extends UserBundleStorage {
  records: Map<IDBValidKey, StoredUserBundle | BrokenRecord>;
}

export function memoryStorage(failAdd = false): MemoryStorage {
  const records = new Map<IDBValidKey, StoredUserBundle | BrokenRecord>();
  return {
    available: true,
    records,
    list: () => Promise.resolve([...records.values()]),
    add: (r) => {
      if (failAdd) return Promise.reject(new Error('QuotaExceededError'));
      const existing = records.get(r.id);
      if (existing) {
        const existingFileName = 'fileName' in existing ? existing.fileName : existing.label;
        return Promise.resolve({ ok: false, existingFileName });
      }
      records.set(r.id, r);
      return Promise.resolve({ ok: true });
    },
    remove: (key) => (records.delete(key), Promise.resolve()),
    watch: () => () => undefined,
  };
}
