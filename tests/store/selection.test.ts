import type { Manifest } from '@/data/schema';
import { validateManifest } from '@/data/validate';
import { resetAppStore, useAppStore } from '@/store/app-store';
import {
  selectBundleStatus,
  selectFiscalYears,
  selectScopes,
  selectComparedEntries,
} from '@/store/selectors';
import { fixtureManifestJson } from '../fixtures/bundles';

function manifest(): Manifest {
  const r = validateManifest(fixtureManifestJson(), 'manifest.json');
  if (!r.ok) throw new Error(r.reason);
  return r.data;
}

afterEach(resetAppStore);

describe('selection slice', () => {
  it('toggles units in the order chosen', () => {
    const { toggleSelected } = useAppStore.getState();
    toggleSelected('b');
    toggleSelected('a');
    expect(useAppStore.getState().selectedIds).toEqual(['b', 'a']);
    toggleSelected('b');
    expect(useAppStore.getState().selectedIds).toEqual(['a']);
  });

  it('drops duplicates when setting the selection', () => {
    useAppStore.getState().setSelectedIds(['a', 'b', 'a']);
    expect(useAppStore.getState().selectedIds).toEqual(['a', 'b']);
  });

  it('setView leaves the source target behind; openSource sets it', () => {
    useAppStore.getState().openSource({ id: 'x', line: 3 });
    expect(useAppStore.getState()).toMatchObject({ view: 'source', source: { id: 'x', line: 3 } });
    useAppStore.getState().setView('overview');
    expect(useAppStore.getState()).toMatchObject({ view: 'overview', source: null });
  });

  it('a link to another view keeps the selection it parsed unchanged as the same array', () => {
    // Views read the selection (links carry it): an equal selection must not re-render them.
    const { setRoute } = useAppStore.getState();
    setRoute({ view: 'execution', selectedIds: ['a', 'b'], source: null, deck: [], slide: 0 });
    const before = useAppStore.getState();
    setRoute({ view: 'yoy', selectedIds: ['a', 'b'], source: null, deck: [], slide: 0 });
    const after = useAppStore.getState();
    expect(after.view).toBe('yoy');
    expect(after.selectedIds).toBe(before.selectedIds);
    expect(after.deck).toBe(before.deck);
    setRoute({ view: 'yoy', selectedIds: ['b', 'a'], source: null, deck: [], slide: 0 });
    expect(useAppStore.getState().selectedIds).toEqual(['b', 'a']);
  });

  it('resets to the initial state', () => {
    useAppStore.getState().setSelectedIds(['a']);
    useAppStore.setState({ status: 'ready', manifest: manifest() });
    resetAppStore();
    const s = useAppStore.getState();
    expect(s.selectedIds).toEqual([]);
    expect(s.manifest).toBeNull();
    expect(s.status).toBe('idle');
  });
});

describe('selectors (derived, never stored)', () => {
  it('compared entries are the selection, in its order, skipping ids the manifest does not know', () => {
    useAppStore.setState({
      manifest: manifest(),
      selectedIds: ['datong-city-dept-2024-final', 'gone', 'shuocheng-district-dept-2023-final'],
    });
    expect(selectComparedEntries(useAppStore.getState()).map((e) => e.id)).toEqual([
      'datong-city-dept-2024-final',
      'shuocheng-district-dept-2023-final',
    ]);
  });

  it('lists the years and scopes present', () => {
    useAppStore.setState({ manifest: manifest() });
    expect(selectFiscalYears(useAppStore.getState())).toEqual([2023, 2024, 2026]);
    expect(selectScopes(useAppStore.getState()).sort()).toEqual(['单位', '部门'].sort());
  });

  it('bundle status comes from bundles, loadErrors and what was requested', () => {
    useAppStore.setState({
      loadErrors: { x: { message: 'm', issues: [] } },
      requestedIds: { x: true, y: true },
    });
    expect(selectBundleStatus('x')(useAppStore.getState())).toBe('error');
    expect(selectBundleStatus('y')(useAppStore.getState())).toBe('loading');
    expect(selectBundleStatus('z')(useAppStore.getState())).toBe('idle');
  });
});
