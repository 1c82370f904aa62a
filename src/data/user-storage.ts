/**
 * Keeps the user's loaded bundles across reloads in IndexedDB (works from file:// in Chromium,
 * shared/OFFLINE.md). IndexedDB rather than localStorage: a bundle is 100–170 KB of JSON and
 * localStorage holds about 5 MB per origin — and every file:// page shares one origin — so a
 * handful of bundles would already fill it; IndexedDB's quota is a share of the disk.
 */
import { isStoredUserBundle } from './user-bundles';
import type { StoredUserBundle } from './user-bundles';

export interface UserBundleStorage {
  /** Every stored record; malformed ones come back as `{ broken }` so they can be reported. */
  list(): Promise<(StoredUserBundle | { broken: string; key: string })[]>;
  put(record: StoredUserBundle): Promise<void>;
  remove(id: string): Promise<void>;
  /** False when the browser offers no storage (loaded bundles then last until the page closes). */
  readonly available: boolean;
}

export const USER_DB_NAME = 'budget-compare';
const STORE = 'user-bundles';

function promisify<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB 请求失败'));
  });
}

function open(idb: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = idb.open(name, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE))
        req.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('无法打开浏览器存储（IndexedDB）'));
    req.onblocked = () => reject(new Error('浏览器存储（IndexedDB）被另一个标签页占用'));
  });
}

/** IndexedDB storage; the database is opened per call, so nothing holds it open between uses. */
export function indexedDbStorage(idb: IDBFactory, name = USER_DB_NAME): UserBundleStorage {
  async function run<T>(
    mode: IDBTransactionMode,
    fn: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> {
    const db = await open(idb, name);
    try {
      const tx = db.transaction(STORE, mode);
      const result = await promisify(fn(tx.objectStore(STORE)));
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB 事务失败'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB 事务中止'));
      });
      return result;
    } finally {
      db.close();
    }
  }
  return {
    available: true,
    async list() {
      const values = await run('readonly', (s) => s.getAll() as IDBRequest<unknown[]>);
      return values.map((v, i) => {
        if (isStoredUserBundle(v)) return v;
        // The key path is `id`, so a stored value always has one; it may not be a string.
        const key = typeof v === 'object' && v !== null && 'id' in v ? String(v.id) : String(i);
        return { broken: '记录格式不正确', key };
      });
    },
    async put(record) {
      await run('readwrite', (s) => s.put(record));
    },
    async remove(id) {
      await run('readwrite', (s) => s.delete(id));
    },
  };
}

/** No storage (tests in Node, or a browser without IndexedDB): lists nothing, refuses to keep. */
export const noUserStorage: UserBundleStorage = {
  available: false,
  list: () => Promise.resolve([]),
  put: () => Promise.reject(new Error('此浏览器不提供本地存储（IndexedDB）')),
  remove: () => Promise.resolve(),
};

/** The browser's IndexedDB where there is one. */
export function defaultUserStorage(): UserBundleStorage {
  return typeof indexedDB === 'undefined' ? noUserStorage : indexedDbStorage(indexedDB);
}
