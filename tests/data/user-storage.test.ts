import { IDBFactory } from 'fake-indexeddb';
import { indexedDbStorage } from '@/data/user-storage';

const rec = (id: string) => ({ id, fileName: `${id}.json`, addedAt: '2025-01-01', text: '{}' });

describe('indexedDbStorage', () => {
  it('keeps, lists and removes records across connections', async () => {
    const idb = new IDBFactory();
    const a = indexedDbStorage(idb);
    await a.put(rec('one'));
    await a.put(rec('two'));
    await a.put({ ...rec('one'), fileName: 'replaced.json' });
    const b = indexedDbStorage(idb); // a "reload": a new handle on the same database
    expect(await b.list()).toEqual([{ ...rec('one'), fileName: 'replaced.json' }, rec('two')]);
    await b.remove('one');
    expect(await a.list()).toEqual([rec('two')]);
  });

  it('reports a malformed record instead of dropping it', async () => {
    const idb = new IDBFactory();
    const s = indexedDbStorage(idb);
    await s.put(rec('ok'));
    // Write a record of the wrong shape straight into the object store.
    await new Promise<void>((resolve, reject) => {
      const req = idb.open('budget-compare', 1);
      req.onsuccess = () => {
        const tx = req.result.transaction('user-bundles', 'readwrite');
        tx.objectStore('user-bundles').put({ id: 'bad', text: 42 });
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      req.onerror = () => reject(req.error);
    });
    expect(await s.list()).toEqual([{ broken: '记录格式不正确', key: 'bad' }, rec('ok')]);
  });
});
