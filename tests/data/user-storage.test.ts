import { IDBFactory } from 'fake-indexeddb';
import { indexedDbStorage } from '@/data/user-storage';

const rec = (id: string, fileName = `${id}.json`) => ({
  id,
  fileName,
  addedAt: '2025-01-01',
  text: '{}',
});

/** Write values straight into the object store, as a corrupted or hand-edited database has them. */
function writeRaw(idb: IDBFactory, values: unknown[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = idb.open('budget-compare', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('user-bundles', { keyPath: 'id' });
    req.onsuccess = () => {
      const tx = req.result.transaction('user-bundles', 'readwrite');
      for (const v of values) tx.objectStore('user-bundles').put(v);
      tx.oncomplete = () => {
        req.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  });
}

describe('indexedDbStorage', () => {
  it('keeps, lists and removes records across connections', async () => {
    const idb = new IDBFactory();
    const a = indexedDbStorage(idb);
    expect(await a.add(rec('one'))).toEqual({ ok: true });
    expect(await a.add(rec('two'))).toEqual({ ok: true });
    const b = indexedDbStorage(idb); // a "reload": a new handle on the same database
    expect(await b.list()).toEqual([rec('one'), rec('two')]);
    await b.remove('one');
    expect(await a.list()).toEqual([rec('two')]);
  });

  it('refuses an id already stored, from any handle, and keeps the first', async () => {
    const idb = new IDBFactory();
    const tabA = indexedDbStorage(idb);
    const tabB = indexedDbStorage(idb);
    // Both at once: the check and the write are one transaction, so exactly one wins.
    const results = await Promise.all([
      tabA.add(rec('same-id', 'a.json')),
      tabB.add(rec('same-id', 'b.json')),
    ]);
    const winner = results[0]?.ok ? 'a.json' : 'b.json';
    const loser = results[0]?.ok ? results[1] : results[0];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(loser).toEqual({ ok: false, existingFileName: winner });
    expect(await indexedDbStorage(idb).list()).toEqual([rec('same-id', winner)]);
  });

  it('lists a malformed record with its real key, and removes it by that key', async () => {
    const idb = new IDBFactory();
    const s = indexedDbStorage(idb);
    await s.add(rec('ok-file'));
    await writeRaw(idb, [
      { id: 'bad', text: 42 },
      { id: 42, fileName: 'x.json', addedAt: '', text: '{}' },
      { id: [1, 'a'] },
    ]);
    const listed = await s.list();
    expect(listed).toEqual([
      { broken: '记录格式不正确', key: 42, label: 'number:42' },
      { broken: '记录格式不正确', key: 'bad', label: 'bad' },
      rec('ok-file'),
      { broken: '记录格式不正确', key: [1, 'a'], label: 'array:[number:1,a]' },
    ]);
    for (const r of listed) if ('broken' in r) await s.remove(r.key);
    expect(await indexedDbStorage(idb).list()).toEqual([rec('ok-file')]);
  });

  it('tells other handles (tabs) of an add and a removal, not itself', async () => {
    const idb = new IDBFactory();
    const name = 'budget-compare-watch-test';
    const tabA = indexedDbStorage(idb, name);
    const tabB = indexedDbStorage(idb, name);
    const heardA = vi.fn();
    const heardB = vi.fn();
    tabA.watch(heardA);
    tabB.watch(heardB);
    await tabA.add(rec('one-file'));
    await vi.waitFor(() => expect(heardB).toHaveBeenCalledTimes(1));
    await tabA.remove('one-file');
    await vi.waitFor(() => expect(heardB).toHaveBeenCalledTimes(2));
    expect(heardA).not.toHaveBeenCalled();
  });
});
