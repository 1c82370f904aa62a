import { IDBFactory } from 'fake-indexeddb';
import { indexedDbStorage } from '@/data/user-storage';
import { createAppStore, resetAppStore, useAppStore } from '@/store/app-store';
import { selectBundleStatus, selectEntries } from '@/store/selectors';
import { memoryStorage } from '../data/memory-storage';
import { IDS, loadRealData, realBundle } from '../features/real-data';

function file(name: string, text: string) {
  return { name, size: text.length, text: () => Promise.resolve(text) };
}

function copyText(id = 'my-copy', name = '测试单位'): string {
  const b = realBundle(IDS.district);
  return JSON.stringify({ ...b, id, unit: { ...b.unit, name } });
}

afterEach(() => resetAppStore());

describe('user-loaded bundles in the store', () => {
  it('adds a valid file to every view and keeps it; a bad one changes nothing', async () => {
    loadRealData();
    const storage = memoryStorage();
    const before = useAppStore.getState();
    const outcomes = await useAppStore
      .getState()
      .importUserFiles(
        [file('bad.json', '{"id":'), file('good.json', copyText()), file('notes.txt', 'x')],
        storage,
      );
    expect(outcomes.map((o) => [o.fileName, o.ok])).toEqual([
      ['bad.json', false],
      ['good.json', true],
      ['notes.txt', false],
    ]);
    expect(outcomes[0]?.message).toMatch(
      /^文件 bad\.json：不是完整的 JSON：内容在第 1 行第 7 列中断/,
    );
    expect(outcomes[1]?.message).toBe(
      '已导入文件 good.json：测试单位 2023年部门决算（编号 my-copy）',
    );
    const s = useAppStore.getState();
    expect(selectEntries(s).map((e) => e.id)).toEqual([
      ...selectEntries(before).map((e) => e.id),
      'my-copy',
    ]);
    expect(s.bundles['my-copy']?.unit.name).toBe('测试单位');
    // The built-in bundles are the same objects as before.
    for (const id of Object.values(IDS)) expect(s.bundles[id]).toBe(before.bundles[id]);
    expect(s.userFiles).toMatchObject([{ id: 'my-copy', fileName: 'good.json', problem: null }]);
    expect([...storage.records.keys()]).toEqual(['my-copy']);
    expect(s.userImportOutcomes).toEqual(outcomes);
  });

  it('refuses a built-in id and a second file with the same id', async () => {
    loadRealData();
    const storage = memoryStorage();
    const outcomes = await useAppStore
      .getState()
      .importUserFiles(
        [
          file('a.json', copyText(IDS.district)),
          file('b.json', copyText()),
          file('c.json', copyText()),
        ],
        storage,
      );
    expect(outcomes.map((o) => o.ok)).toEqual([false, true, false]);
    expect(outcomes[0]?.message).toContain('与内置数据包');
    expect(outcomes[2]?.message).toContain('已被用户导入的文件 b.json 使用');
    expect(useAppStore.getState().bundles[IDS.district]?.unit.name).toBe(
      realBundle(IDS.district).unit.name,
    );
  });

  it('refuses a file over 5 MB by its size, without reading it, and keeps what is loaded', async () => {
    loadRealData();
    const before = useAppStore.getState();
    const text = vi.fn(() => Promise.resolve(copyText()));
    const outcomes = await useAppStore
      .getState()
      .importUserFiles([{ name: 'huge.json', size: 19 * 1024 * 1024, text }], memoryStorage());
    expect(outcomes).toEqual([
      {
        fileName: 'huge.json',
        ok: false,
        message:
          '文件 huge.json：文件过大（19.0 MB，上限 5.0 MB；真实数据包不超过 0.2 MB），不像是预决算数据包，未导入',
      },
    ]);
    expect(text).not.toHaveBeenCalled();
    expect(useAppStore.getState().bundles).toEqual(before.bundles);
    expect(selectEntries(useAppStore.getState())).toHaveLength(5);
  });

  it('still adds the bundle when storage refuses it, and says it will not survive a reload', async () => {
    loadRealData();
    const [o] = await useAppStore
      .getState()
      .importUserFiles([file('good.json', copyText())], memoryStorage(true));
    expect(o?.ok).toBe(true);
    expect(o?.message).toContain('未能保存到浏览器存储');
  });

  it('restores stored files at start-up, reporting the ones that no longer validate', async () => {
    loadRealData();
    const storage = memoryStorage();
    storage.records.set('my-copy', {
      id: 'my-copy',
      fileName: 'good.json',
      addedAt: '2025-01-01T00:00:00.000Z',
      text: copyText(),
    });
    storage.records.set('old', {
      id: 'old',
      fileName: 'old.json',
      addedAt: '2025-01-01T00:00:00.000Z',
      text: copyText('old').replace('"schemaVersion":1', '"schemaVersion":99'),
    });
    storage.records.set('x', { broken: '记录格式不正确', key: 'x', label: 'x' });
    await useAppStore.getState().restoreUserFiles(storage);
    const s = useAppStore.getState();
    expect(s.bundles['my-copy']).toBeDefined();
    expect(s.bundles.old).toBeUndefined();
    expect(selectEntries(s).some((e) => e.id === 'old')).toBe(false);
    expect(s.userFiles.map((f) => [f.id, f.problem === null])).toEqual([
      ['my-copy', true],
      ['old', false],
      ['x', false],
    ]);
    expect(s.userFiles[1]?.problem).toContain('文件 old.json：schemaVersion');
    // Kept in storage: the user decides.
    expect(storage.records.has('old')).toBe(true);
    // A second restore adds nothing twice.
    await useAppStore.getState().restoreUserFiles(storage);
    expect(useAppStore.getState().userFiles).toHaveLength(3);
  });

  it('reports a stored record whose file has another id, and removes it entirely', async () => {
    loadRealData();
    const storage = memoryStorage();
    storage.records.set('a-copy', {
      id: 'a-copy',
      fileName: 'edited.json',
      addedAt: '2025-01-01T00:00:00.000Z',
      text: copyText('b-copy'),
    });
    await useAppStore.getState().restoreUserFiles(storage);
    let s = useAppStore.getState();
    expect(s.userFiles.map((f) => [f.id, f.problem])).toEqual([
      [
        'a-copy',
        '保存的文件无法恢复：文件 edited.json：id “b-copy” 与浏览器存储中的记录编号 “a-copy” 不一致；请移除后重新导入',
      ],
    ]);
    expect(s.bundles['b-copy']).toBeUndefined();
    await useAppStore.getState().removeUserFile('a-copy', storage);
    s = useAppStore.getState();
    expect(s.userFiles).toEqual([]);
    expect(selectEntries(s)).toHaveLength(5);
    expect(storage.records.size).toBe(0);
  });

  it('removes a user file from the views and from storage, never a built-in one', async () => {
    loadRealData();
    const storage = memoryStorage();
    await useAppStore.getState().importUserFiles([file('good.json', copyText())], storage);
    await useAppStore.getState().removeUserFile(IDS.district, storage);
    expect(useAppStore.getState().bundles[IDS.district]).toBeDefined();
    await useAppStore.getState().removeUserFile('my-copy', storage);
    const s = useAppStore.getState();
    expect(s.bundles['my-copy']).toBeUndefined();
    expect(selectEntries(s).map((e) => e.id)).not.toContain('my-copy');
    expect(selectEntries(s)).toHaveLength(5);
    expect(s.userFiles).toEqual([]);
    expect(storage.records.size).toBe(0);
    // The import's line (已导入文件 good.json …) is replaced by the removal's, not left stale.
    expect(s.userImportOutcomes.map((o) => o.message)).toEqual([
      '已移除文件 good.json（编号 my-copy）',
    ]);
  });

  it('finds nothing for an id named like an Object.prototype member', async () => {
    // The store's own records, as the app builds them (not the test helper's).
    await useAppStore.getState().importUserFiles([file('good.json', copyText())], memoryStorage());
    const s = useAppStore.getState();
    expect(selectBundleStatus('my-copy')(s)).toBe('loaded');
    for (const id of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      expect(selectBundleStatus(id)(s)).toBe('idle');
      expect(s.sources[id]).toBeUndefined();
    }
    // A source asked for under such an id is looked up, and refused by name, not skipped.
    const host = { globals: {}, loadScript: vi.fn(() => Promise.resolve()) };
    await useAppStore.getState().loadSource('constructor', { host });
    const src = useAppStore.getState().sources['constructor'];
    expect(src?.status === 'error' && src.message).toBe('原文编号不合格：constructor');
  });

  it('says a user bundle has no source text instead of loading a missing script', async () => {
    loadRealData();
    await useAppStore.getState().importUserFiles([file('good.json', copyText())], memoryStorage());
    const host = { globals: {}, loadScript: vi.fn(() => Promise.resolve()) };
    await useAppStore.getState().loadSource('my-copy', { host });
    expect(host.loadScript).not.toHaveBeenCalled();
    const src = useAppStore.getState().sources['my-copy'];
    expect(src?.status === 'error' && src.message).toContain('没有附带原文');
    expect(src?.status === 'error' && src.final).toBe(true);
  });
});

describe('user files in browser storage (IndexedDB), across tabs', () => {
  let dbCount = 0;
  /** Two "tabs": two stores, each with its own storage handle on one database. */
  async function twoTabs() {
    const idb = new IDBFactory();
    const name = `budget-compare-tabs-${++dbCount}`;
    const tab = () => ({ store: createAppStore(), storage: indexedDbStorage(idb, name) });
    const a = tab();
    const b = tab();
    await a.store.getState().restoreUserFiles(a.storage);
    await b.store.getState().restoreUserFiles(b.storage);
    const reload = async () => {
      const c = tab();
      await c.store.getState().restoreUserFiles(c.storage);
      return c.store.getState();
    };
    return { a, b, reload };
  }
  const names = (s: ReturnType<typeof useAppStore.getState>) =>
    s.userEntries.map((e) => `${e.id} ${e.unit.name}`);

  it('accepts one of two tabs importing the same id; the other says why; a reload shows the same', async () => {
    const { a, b, reload } = await twoTabs();
    const [[oa], [ob]] = await Promise.all([
      a.store
        .getState()
        .importUserFiles([file('a.json', copyText('my-copy', '甲单位'))], a.storage),
      b.store
        .getState()
        .importUserFiles([file('b.json', copyText('my-copy', '乙单位'))], b.storage),
    ]);
    expect([oa?.ok, ob?.ok].filter(Boolean)).toHaveLength(1);
    const [winner, loser] = oa?.ok ? [a, ob] : [b, oa];
    const kept = oa?.ok ? 'my-copy 甲单位' : 'my-copy 乙单位';
    const keptFile = oa?.ok ? 'a.json' : 'b.json';
    expect(loser?.message).toBe(
      `文件 ${loser?.fileName}：id “my-copy” 已被用户导入的文件 ${keptFile} 使用（可能是在另一个标签页中导入的），未导入。如要替换，请先移除它`,
    );
    expect(names(winner.store.getState())).toEqual([kept]);
    // The refused tab now shows what storage holds, as a reload would.
    const other = winner === a ? b : a;
    expect(names(other.store.getState())).toEqual([kept]);
    expect(names(await reload())).toEqual([kept]);
  });

  it('shows a removal in the other tab, which can then import the id again', async () => {
    const { a, b, reload } = await twoTabs();
    await a.store
      .getState()
      .importUserFiles([file('a.json', copyText('my-copy', '甲单位'))], a.storage);
    // Tab b hears of the import and reads it from storage.
    await vi.waitFor(() => expect(names(b.store.getState())).toEqual(['my-copy 甲单位']));
    await a.store.getState().removeUserFile('my-copy', a.storage);
    await vi.waitFor(() => expect(b.store.getState().userFiles).toEqual([]));
    expect(b.store.getState().bundles['my-copy']).toBeUndefined();
    const [o] = await b.store
      .getState()
      .importUserFiles([file('b.json', copyText('my-copy', '乙单位'))], b.storage);
    expect(o).toEqual({
      fileName: 'b.json',
      ok: true,
      message: '已导入文件 b.json：乙单位 2023年部门决算（编号 my-copy）',
    });
    await vi.waitFor(() => expect(names(a.store.getState())).toEqual(['my-copy 乙单位']));
    expect(names(await reload())).toEqual(['my-copy 乙单位']);
  });

  it('lists a corrupted record with a numeric key and removes it for good', async () => {
    const idb = new IDBFactory();
    const storage = indexedDbStorage(idb, 'budget-compare-corrupt');
    // A good record, and one as a corrupted or hand-edited database may hold it: a number as key.
    await new Promise<void>((resolve, reject) => {
      const req = idb.open('budget-compare-corrupt', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('user-bundles', { keyPath: 'id' });
      req.onsuccess = () => {
        const tx = req.result.transaction('user-bundles', 'readwrite');
        const os = tx.objectStore('user-bundles');
        os.put({ id: 'my-copy', fileName: 'good.json', addedAt: '', text: copyText() });
        os.put({ id: 42, fileName: 'x.json', text: 7 });
        tx.oncomplete = () => (req.result.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    });
    await useAppStore.getState().restoreUserFiles(storage);
    const files = useAppStore.getState().userFiles;
    expect(files.map((f) => f.problem === null)).toEqual([false, true]);
    const broken = files[0];
    if (!broken) throw new Error('listed');
    await useAppStore.getState().removeUserFile(broken.id, storage);
    expect(useAppStore.getState().userFiles.map((f) => f.id)).toEqual(['my-copy']);
    // After a reload it stays gone; the good file stays.
    resetAppStore();
    await useAppStore.getState().restoreUserFiles(indexedDbStorage(idb, 'budget-compare-corrupt'));
    expect(useAppStore.getState().userFiles.map((f) => [f.id, f.problem])).toEqual([
      ['my-copy', null],
    ]);
    // Listed under its key's type and value, so it cannot be taken for a string key "42".
    expect([broken.id, broken.problem]).toEqual([
      'number:42',
      '浏览器存储中的记录 “number:42” 已损坏（记录格式不正确），无法恢复；请移除后重新导入',
    ]);
  });
});
