/**
 * Keeps the user's loaded bundles across reloads in IndexedDB (works from file:// in Chromium,
 * docs/offline.md). IndexedDB rather than localStorage: a bundle is 100–170 KB of JSON and
 * localStorage holds about 5 MB per origin — and every file:// page shares one origin — so a
 * handful of bundles would already fill it; IndexedDB's quota is a share of the disk.
 */
import { isStoredUserBundle } from './user-bundles';
import type { StoredUserBundle } from './user-bundles';

/**
 * A stored record that is not a loadable file: listed with why, and removable by its real key
 * (a corrupted record's key may be a number, a date or an array — never assume a string).
 */
export interface BrokenRecord {
  broken: string;
  key: IDBValidKey;
  /** The key as the user sees it; a string key is itself, another type is named (number:42). */
  label: string;
}

/** Why `add` refused: the id is taken in storage (perhaps by another tab), by this file. */
export type AddResult = { ok: true } | { ok: false; existingFileName: string };

export interface UserBundleStorage {
  /** Every stored record, whatever its key or content; malformed ones come back as BrokenRecord. */
  list(): Promise<(StoredUserBundle | BrokenRecord)[]>;
  /**
   * Keep a record unless its id is stored already: storage is the one source of truth across
   * tabs, so the check and the write are one transaction. Other tabs are told (watch).
   */
  add(record: StoredUserBundle): Promise<AddResult>;
  /** Delete the record with this key (its `id`, or a BrokenRecord's `key`); other tabs are told. */
  remove(key: IDBValidKey): Promise<void>;
  /** Calls `onChange` when another tab added or removed a record; returns the unsubscribe. */
  watch(onChange: () => void): () => void;
  /** False when the browser offers no storage (loaded bundles then last until the page closes). */
  readonly available: boolean;
}

export const USER_DB_NAME = 'budget-compare';
const STORE = 'user-bundles';

/** How a key that is not a string is shown: its type and value (number:42). */
export function keyLabel(key: IDBValidKey): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number') return `number:${key}`;
  if (key instanceof Date) return `date:${Number.isNaN(key.getTime()) ? '?' : key.toISOString()}`;
  if (Array.isArray(key)) return `array:[${key.map((k) => keyLabel(k)).join(',')}]`;
  return 'binary';
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

/** What one tab tells the others after a write. */
interface ChangeMessage {
  type: 'added' | 'removed';
}

/**
 * IndexedDB storage; the database is opened per call, so nothing holds it open between uses.
 * Tabs learn of each other's writes through a BroadcastChannel named after the database (a
 * channel never delivers to itself, so use one storage per tab: defaultUserStorage).
 */
export function indexedDbStorage(idb: IDBFactory, name = USER_DB_NAME): UserBundleStorage {
  /** Runs `fn` in one transaction; its returned reader is called once the transaction committed. */
  async function transact<T>(
    mode: IDBTransactionMode,
    fn: (store: IDBObjectStore) => () => T,
  ): Promise<T> {
    const db = await open(idb, name);
    try {
      const tx = db.transaction(STORE, mode);
      const read = fn(tx.objectStore(STORE));
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB 事务失败'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB 事务中止'));
      });
      return read();
    } finally {
      db.close();
    }
  }

  let channel: BroadcastChannel | null = null;
  const listeners = new Set<() => void>();
  function getChannel(): BroadcastChannel | null {
    if (channel || typeof BroadcastChannel === 'undefined') return channel;
    channel = new BroadcastChannel(`${name}:user-bundles`);
    // Node (tests) would otherwise keep the process alive for the channel.
    (channel as { unref?: () => void }).unref?.();
    channel.onmessage = () => listeners.forEach((l) => l());
    return channel;
  }
  const tell = (msg: ChangeMessage) => getChannel()?.postMessage(msg);

  return {
    available: true,
    list() {
      // A cursor, not getAll: it gives each record's real key, whatever its value holds.
      return transact('readonly', (store) => {
        const out: (StoredUserBundle | BrokenRecord)[] = [];
        const req = store.openCursor();
        req.onsuccess = () => {
          const cursor = req.result;
          if (!cursor) return;
          const key = cursor.primaryKey;
          const value: unknown = cursor.value;
          if (isStoredUserBundle(value) && value.id === key) out.push(value);
          else out.push({ broken: '记录格式不正确', key, label: keyLabel(key) });
          cursor.continue();
        };
        return () => out;
      });
    },
    async add(record) {
      const result = await transact<AddResult>('readwrite', (store) => {
        let result: AddResult = { ok: true };
        const req = store.get(record.id);
        req.onsuccess = () => {
          const existing: unknown = req.result;
          if (existing === undefined) {
            store.add(record);
            return;
          }
          const fileName = isStoredUserBundle(existing)
            ? existing.fileName
            : `（已损坏的记录 ${record.id}）`;
          result = { ok: false, existingFileName: fileName };
        };
        return () => result;
      });
      if (result.ok) tell({ type: 'added' });
      return result;
    },
    async remove(key) {
      await transact('readwrite', (store) => {
        store.delete(key);
        return () => undefined;
      });
      tell({ type: 'removed' });
    },
    watch(onChange) {
      getChannel();
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}

/** No storage (tests in Node, or a browser without IndexedDB): lists nothing, refuses to keep. */
export const noUserStorage: UserBundleStorage = {
  available: false,
  list: () => Promise.resolve([]),
  add: () => Promise.reject(new Error('此浏览器不提供本地存储（IndexedDB）')),
  remove: () => Promise.resolve(),
  watch: () => () => undefined,
};

let browserStorage: UserBundleStorage | null = null;

/** The browser's IndexedDB where there is one; one instance per page, so it hears other tabs only. */
export function defaultUserStorage(): UserBundleStorage {
  if (typeof indexedDB === 'undefined') return noUserStorage;
  browserStorage ??= indexedDbStorage(indexedDB);
  return browserStorage;
}
