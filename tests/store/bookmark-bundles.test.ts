import type { ManifestEntry } from '@/data/load';
import type { Manifest } from '@/data/schema';
import { validateManifest } from '@/data/validate';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { requestBookmarkedBundles } from '@/store/bookmark-bundles';
import { bundleForEntry, fixtureManifestJson } from '../fixtures/bundles';
import { fakeHost, registerBundle } from '../data/fake-host';

const parsed = validateManifest(fixtureManifestJson(), 'manifest.json');
if (!parsed.ok) throw new Error('fixture manifest invalid');
const manifest: Manifest = parsed.data;
const entries: ManifestEntry[] = manifest.bundles;

function host() {
  return fakeHost({
    './data/manifest.js': (g) => (g.__BUDGET_MANIFEST__ = fixtureManifestJson()),
    ...Object.fromEntries(
      entries.map((e) => [`./data/${e.script}`, registerBundle(e.id, bundleForEntry(e))]),
    ),
  });
}

const bundleScripts = (requested: readonly string[]) =>
  requested.filter((src) => src !== './data/manifest.js');

afterEach(resetAppStore);

describe('a bookmarked comparison view asks for its documents with the manifest', () => {
  it('#/execution with nothing selected: every compared document, before any view renders', async () => {
    const h = host();
    requestBookmarkedBundles('execution');
    await useAppStore.getState().loadAll(h);
    await vi.waitFor(() =>
      expect(Object.keys(useAppStore.getState().bundles)).toHaveLength(entries.length),
    );
    expect(bundleScripts(h.requested).sort()).toEqual(
      entries.map((e) => `./data/${e.script}`).sort(),
    );
  });

  it('with units chosen in the address, asks for those units only', async () => {
    const chosen = entries[2];
    if (!chosen) throw new Error('fixture has fewer than 3 documents');
    useAppStore.setState({ selectedIds: [chosen.id] });
    const h = host();
    requestBookmarkedBundles('sangong');
    await useAppStore.getState().loadAll(h);
    await vi.waitFor(() => expect(useAppStore.getState().bundles[chosen.id]).toBeDefined());
    expect(bundleScripts(h.requested)).toEqual([`./data/${chosen.script}`]);
  });

  it('总览, 明细表 and 演示 ask for nothing before they render', async () => {
    for (const view of ['overview', 'tables', 'present'] as const) {
      resetAppStore();
      const h = host();
      requestBookmarkedBundles(view);
      await useAppStore.getState().loadAll(h);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(bundleScripts(h.requested)).toEqual([]);
    }
  });
});
