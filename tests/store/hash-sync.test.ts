// @vitest-environment jsdom
import { resetAppStore, useAppStore } from '@/store/app-store';
import { startHashSync } from '@/store/hash-sync';

/** jsdom fires hashchange asynchronously, like a browser. */
const tick = () => new Promise((r) => setTimeout(r, 0));

let stop: (() => void) | null = null;

afterEach(() => {
  stop?.();
  stop = null;
  resetAppStore();
  window.location.hash = '';
});

describe('URL hash sync', () => {
  it('reads the selection and view from the hash at start', () => {
    window.location.hash = '#/overview?units=a,b';
    stop = startHashSync();
    const s = useAppStore.getState();
    expect(s.view).toBe('overview');
    expect(s.selectedIds).toEqual(['a', 'b']);
  });

  it('says what of an opened address could not be read, and keeps saying it after normalising', async () => {
    window.location.hash = '#/nonsense?units=a';
    stop = startHashSync();
    expect(window.location.hash).toBe('#/overview?units=a');
    await tick(); // the hashchange of the normalised address: not the user's, the notice stays
    expect(useAppStore.getState().routeNotice).toBe('网址中的页面“nonsense”不存在，已打开总览。');
    // The next address the user opens replaces it.
    window.location.hash = '#/present?deck=garbage';
    await tick();
    expect(useAppStore.getState().routeNotice).toBe(
      '链接中的演示稿无法读取（可能不完整或被改动过）。',
    );
    window.location.hash = '#/execution';
    await tick();
    expect(useAppStore.getState().routeNotice).toBeNull();
  });

  it('a deck with one slide of two unreadable keeps the other and says so', () => {
    window.location.hash = `#/present?deck=execution~${encodeURIComponent('年初预算与决算金额')}~|nonsense~x~`;
    stop = startHashSync();
    expect(useAppStore.getState().deck).toHaveLength(1);
    expect(useAppStore.getState().routeNotice).toBe('链接中的演示稿有 1 页无法读取，已略过。');
  });

  it('normalises an empty hash to the overview route', () => {
    stop = startHashSync();
    expect(window.location.hash).toBe('#/overview');
  });

  it('writes selection changes back to the hash', () => {
    window.location.hash = '#/overview?units=a';
    stop = startHashSync();
    useAppStore.getState().toggleSelected('c');
    expect(window.location.hash).toBe('#/overview?units=a,c');
    useAppStore.getState().toggleSelected('a');
    expect(window.location.hash).toBe('#/overview?units=c');
  });

  it('follows the hash when the user navigates (link or Back)', async () => {
    stop = startHashSync();
    window.location.hash = '#/source/doc-1?line=42&units=a';
    await tick();
    const s = useAppStore.getState();
    expect(s.view).toBe('source');
    expect(s.source).toEqual({ id: 'doc-1', line: 42 });
    expect(s.selectedIds).toEqual(['a']);
  });

  it('keeps a navigation when the store changes before its hashchange event has run', async () => {
    window.location.hash = '#/data';
    stop = startHashSync();
    // The user follows the 总览 link; before the browser dispatches hashchange, a bundle finishes
    // loading (any store change). The address must not be put back to #/data.
    window.location.hash = '#/overview';
    useAppStore.setState({ requestedIds: { a: true } });
    expect(window.location.hash).toBe('#/overview');
    expect(useAppStore.getState().view).toBe('overview');
    await tick();
    expect(window.location.hash).toBe('#/overview');
    expect(useAppStore.getState().view).toBe('overview');
  });

  it('writes a view change to the hash', () => {
    stop = startHashSync();
    useAppStore.getState().openSource({ id: 'doc-2', line: 7 });
    expect(window.location.hash).toBe('#/source/doc-2?line=7');
    useAppStore.getState().setView('checks');
    expect(window.location.hash).toBe('#/checks');
  });

  it('stops syncing when stopped', async () => {
    stop = startHashSync();
    stop();
    stop = null;
    window.location.hash = '#/yoy';
    await tick();
    expect(useAppStore.getState().view).toBe('overview');
  });

  it('restores display options and the 明细表 choice from a shared address', () => {
    window.location.hash =
      '#/tables?units=a,b&doc=b&table=%E5%85%AC%E5%BC%8003&money=yuan&mode=share';
    stop = startHashSync();
    expect(useAppStore.getState()).toMatchObject({
      view: 'tables',
      selectedIds: ['a', 'b'],
      displayUnit: '元',
      measureMode: 'share',
      tableDoc: 'b',
      tableId: '公开03',
    });
    expect(window.location.hash).toBe(
      '#/tables?units=a,b&money=yuan&mode=share&doc=b&table=%E5%85%AC%E5%BC%8003',
    );
  });

  it('round-trips the 对比矩阵 group and sort through the address, in place', () => {
    window.location.hash = '#/matrix?units=a&group=sangong&sort=sangong.desc';
    stop = startHashSync();
    expect(useAppStore.getState()).toMatchObject({
      view: 'matrix',
      matrixGroup: 'sangong',
      matrixSort: 'sangong.desc',
    });
    const entries = window.history.length;
    useAppStore.getState().setMatrixSort('sangong.reception.asc');
    expect(window.location.hash).toBe('#/matrix?units=a&group=sangong&sort=sangong.reception.asc');
    useAppStore.getState().setMatrixGroup('perHead');
    useAppStore.getState().setMatrixSort(null);
    expect(window.location.hash).toBe('#/matrix?units=a&group=perHead');
    expect(window.history.length).toBe(entries);
  });

  it('ignores option values it does not know, with the defaults and a clean address', () => {
    window.location.hash = '#/tables?doc=../x&table=&money=usd&mode=pie';
    stop = startHashSync();
    expect(useAppStore.getState()).toMatchObject({
      view: 'tables',
      displayUnit: '万元',
      measureMode: 'absolute',
      tableDoc: null,
      tableId: null,
    });
    expect(window.location.hash).toBe('#/tables');
  });

  it('writes option and table changes to the address in place, without history entries', () => {
    window.location.hash = '#/tables?units=a';
    stop = startHashSync();
    const entries = window.history.length;
    const s = useAppStore.getState();
    s.setDisplayUnit('元');
    expect(window.location.hash).toBe('#/tables?units=a&money=yuan');
    s.setMeasureMode('share');
    expect(window.location.hash).toBe('#/tables?units=a&money=yuan&mode=share');
    s.chooseTableDoc('a');
    s.chooseTable('公开06');
    expect(window.location.hash).toBe(
      '#/tables?units=a&money=yuan&mode=share&doc=a&table=%E5%85%AC%E5%BC%8006',
    );
    s.setDisplayUnit('万元');
    s.setMeasureMode('absolute');
    expect(window.location.hash).toBe('#/tables?units=a&doc=a&table=%E5%85%AC%E5%BC%8006');
    expect(window.history.length).toBe(entries);
  });

  it('keeps the options across an ordinary link, and the table choice for when 明细表 is back', async () => {
    window.location.hash = '#/tables?units=a&money=yuan&doc=a&table=%E5%85%AC%E5%BC%8003';
    stop = startHashSync();
    window.location.hash = '#/yoy?units=a';
    await tick();
    expect(useAppStore.getState()).toMatchObject({ view: 'yoy', displayUnit: '元' });
    expect(window.location.hash).toBe('#/yoy?units=a&money=yuan');
    window.location.hash = '#/tables?units=a';
    await tick();
    expect(window.location.hash).toBe(
      '#/tables?units=a&money=yuan&doc=a&table=%E5%85%AC%E5%BC%8003',
    );
    // A link to another document keeps the table chosen (as the document select does).
    window.location.hash = '#/tables?units=a&doc=b';
    await tick();
    expect(useAppStore.getState()).toMatchObject({ tableDoc: 'b', tableId: '公开03' });
    expect(window.location.hash).toBe(
      '#/tables?units=a&money=yuan&doc=b&table=%E5%85%AC%E5%BC%8003',
    );
  });

  describe('返回 from the source viewer', () => {
    const link = '#/source/doc-1?line=113&q=42684.35&units=a';
    let scrollTo: ReturnType<typeof vi.fn>;
    beforeEach(() => {
      // jsdom does not scroll: the page is "scrolled" to 800 when the figure is clicked.
      Object.defineProperty(window, 'scrollY', { value: 800, configurable: true });
      scrollTo = vi.fn();
      window.scrollTo = scrollTo as unknown as typeof window.scrollTo;
    });
    afterEach(() => {
      Reflect.deleteProperty(window, 'scrollY');
      document.body.innerHTML = '';
    });
    /** Until the history traversal and the frames after it have run. */
    const settle = async () => {
      for (let i = 0; i < 5; i += 1) {
        await tick();
        await new Promise((r) => requestAnimationFrame(r));
      }
    };

    it('remembers the view, its scroll offset and the figure followed', async () => {
      window.location.hash = '#/execution?units=a&money=yuan';
      stop = startHashSync();
      window.location.hash = link;
      await tick();
      expect(useAppStore.getState()).toMatchObject({
        view: 'source',
        source: { id: 'doc-1', line: 113, text: '42684.35' },
        sourceReturn: {
          hash: '#/execution?units=a&money=yuan',
          link,
          scrollY: 800,
          viaHistory: true,
        },
      });
    });

    it('back at that view, scrolls to where the reader was and focuses the figure', async () => {
      document.body.innerHTML = `<main><a href="${link}">42,684.35</a></main>`;
      window.location.hash = '#/execution?units=a';
      stop = startHashSync();
      window.location.hash = link;
      await tick();
      window.history.back();
      await settle();
      expect(window.location.hash).toBe('#/execution?units=a');
      expect(useAppStore.getState()).toMatchObject({ view: 'execution', sourceReturn: null });
      expect(scrollTo).toHaveBeenCalledWith(0, 800);
      expect(document.activeElement).toHaveTextContent('42,684.35');
    });

    it('has nowhere to go back to when the address was pasted', () => {
      window.location.hash = link;
      stop = startHashSync();
      expect(useAppStore.getState()).toMatchObject({ view: 'source', sourceReturn: null });
    });

    it('after another source line, 返回 is a link, not a step back in the history', async () => {
      window.location.hash = '#/yoy';
      stop = startHashSync();
      window.location.hash = link;
      await tick();
      window.location.hash = '#/source/doc-1?line=5';
      await tick();
      expect(useAppStore.getState().sourceReturn).toMatchObject({
        hash: '#/yoy',
        viaHistory: false,
      });
    });
  });
});
