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
    useAppStore.getState().setDisplayUnit('元');
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
});
