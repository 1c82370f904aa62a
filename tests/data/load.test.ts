import { loadBundle, loadManifest, loadSourceText } from '@/data/load';
import type { LoadResult, ManifestEntry } from '@/data/load';
import type { Bundle, Manifest } from '@/data/schema';
import { validateManifest } from '@/data/validate';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { bundleForEntry, fixtureManifestJson } from '../fixtures/bundles';
import { fakeHost, registerBundle } from './fake-host';

function fixtureManifest(): Manifest {
  const r = validateManifest(fixtureManifestJson(), 'manifest.json');
  if (!r.ok) throw new Error(r.reason);
  return r.data;
}

const manifest = fixtureManifest();
const [a, b, c, d, e] = manifest.bundles as [
  ManifestEntry,
  ManifestEntry,
  ManifestEntry,
  ManifestEntry,
  ManifestEntry,
];

/** a, c, e load; b has no script; d's script registers an invalid bundle. */
function mixedHost() {
  const broken = { ...bundleForEntry(d), fiscalYear: 'twenty' };
  return fakeHost(
    {
      './data/manifest.js': (g) => (g.__BUDGET_MANIFEST__ = fixtureManifestJson()),
      [`./data/${a.script}`]: registerBundle(a.id, bundleForEntry(a)),
      [`./data/${c.script}`]: registerBundle(c.id, bundleForEntry(c)),
      [`./data/${d.script}`]: registerBundle(d.id, broken),
      [`./data/${e.script}`]: registerBundle(e.id, bundleForEntry(e)),
    },
    {},
  );
}

afterEach(resetAppStore);

describe('loadManifest', () => {
  it('uses the global set by index.html without loading again', async () => {
    const host = fakeHost({}, { __BUDGET_MANIFEST__: fixtureManifestJson() });
    const r = await loadManifest(host);
    expect(r.ok).toBe(true);
    expect(host.requested).toEqual([]);
  });

  it('says in Chinese that the manifest is missing', async () => {
    const r = await loadManifest(fakeHost({}));
    expect(r.ok ? '' : r.message).toContain('找不到数据清单 ./data/manifest.js');
  });

  it('reports an invalid manifest with the field path', async () => {
    const json = fixtureManifestJson() as { bundles: { fiscalYear: unknown }[] };
    (json.bundles[0] as { fiscalYear: unknown }).fiscalYear = '2024';
    const r = await loadManifest(fakeHost({}, { __BUDGET_MANIFEST__: json }));
    expect(r.ok ? '' : r.message).toContain('bundles[0].fiscalYear');
  });
});

describe('loadBundle', () => {
  it('a failing bundle does not drop the ones that loaded', async () => {
    const results = new Map<string, LoadResult<Bundle>>();
    const host = mixedHost();
    await Promise.all(
      manifest.bundles.map(async (entry) => results.set(entry.id, await loadBundle(host, entry))),
    );
    expect([...results.keys()].sort()).toEqual(manifest.bundles.map((x) => x.id).sort());
    expect(results.get(a.id)?.ok).toBe(true);
    expect(results.get(c.id)?.ok).toBe(true);
    expect(results.get(e.id)?.ok).toBe(true);
    const missing = results.get(b.id);
    expect(missing?.ok ? '' : missing?.message).toBe(
      `数据包“大同市行政审批服务管理局[部门]”（2024年部门决算，${b.id}）缺失：找不到文件 ./data/${b.script}`,
    );
    const invalid = results.get(d.id);
    expect(invalid?.ok ? '' : invalid?.message).toContain(
      `文件 ${d.file}：fiscalYear 必须是有限数字`,
    );
  });

  it('reports a script that ran but registered nothing', async () => {
    const host = fakeHost({ [`./data/${a.script}`]: () => undefined });
    const r = await loadBundle(host, a);
    expect(r.ok ? '' : r.message).toContain('没有登记编号');
  });

  it('rejects a bundle whose id differs from the manifest entry', async () => {
    const host = fakeHost({ [`./data/${a.script}`]: registerBundle(a.id, bundleForEntry(b)) });
    const r = await loadBundle(host, a);
    expect(r.ok ? '' : r.message).toContain('与数据清单中的');
  });
});

describe('store loadAll / requestBundles', () => {
  it('loads the manifest but no bundle until one is asked for', async () => {
    const host = mixedHost();
    await useAppStore.getState().loadAll(host);
    const s = useAppStore.getState();
    expect(s.status).toBe('ready');
    expect(s.manifest?.bundles).toHaveLength(5);
    expect(s.bundles).toEqual({});
    expect(host.requested).toEqual(['./data/manifest.js']);
  });

  it('loads what is asked for, keeps loaded bundles and lists each failure by bundle', async () => {
    await useAppStore.getState().loadAll(mixedHost());
    await useAppStore.getState().requestBundles(manifest.bundles.map((x) => x.id));
    const s = useAppStore.getState();
    expect(Object.keys(s.bundles).sort()).toEqual([a.id, c.id, e.id].sort());
    expect(Object.keys(s.loadErrors).sort()).toEqual([b.id, d.id].sort());
    expect(s.loadErrors[d.id]?.issues.map((i) => i.path)).toEqual(['fiscalYear']);
  });

  it('loads each bundle once, however often and however concurrently it is asked for', async () => {
    const host = mixedHost();
    await useAppStore.getState().loadAll(host);
    const { requestBundles } = useAppStore.getState();
    await Promise.all([requestBundles([a.id, c.id]), requestBundles([c.id, a.id])]);
    await requestBundles([a.id, b.id]);
    await requestBundles([b.id]);
    expect(host.requested.filter((src) => src !== './data/manifest.js')).toEqual([
      `./data/${a.script}`,
      `./data/${c.script}`,
      `./data/${b.script}`,
    ]);
    await requestBundles([b.id], { retry: true });
    expect(host.requested.filter((src) => src === `./data/${b.script}`)).toHaveLength(2);
  });

  it('applies bundles arriving together as one store update', async () => {
    await useAppStore.getState().loadAll(mixedHost());
    let bundleUpdates = 0;
    const unsubscribe = useAppStore.subscribe((now, before) => {
      if (now.bundles !== before.bundles) bundleUpdates += 1;
    });
    await useAppStore.getState().requestBundles([a.id, c.id, e.id]);
    unsubscribe();
    expect(Object.keys(useAppStore.getState().bundles)).toHaveLength(3);
    expect(bundleUpdates).toBe(1);
  });

  it('ignores ids that are not in the manifest', async () => {
    const host = mixedHost();
    await useAppStore.getState().loadAll(host);
    await useAppStore.getState().requestBundles(['not-there']);
    expect(host.requested).toEqual(['./data/manifest.js']);
    expect(useAppStore.getState().loadErrors).toEqual({});
  });

  it('loses nothing when a later reload fails', async () => {
    await useAppStore.getState().loadAll(mixedHost());
    await useAppStore.getState().requestBundles(manifest.bundles.map((x) => x.id));
    await useAppStore.getState().loadAll(fakeHost({}));
    const s = useAppStore.getState();
    expect(s.status).toBe('ready');
    expect(s.manifest?.bundles).toHaveLength(5);
    expect(Object.keys(s.bundles)).toHaveLength(3);
    expect(s.manifestError?.message).toContain('找不到数据清单');
  });

  it('status is error when no manifest was ever loaded', async () => {
    await useAppStore.getState().loadAll(fakeHost({}));
    expect(useAppStore.getState().status).toBe('error');
  });
});

describe('loadSourceText', () => {
  it('reads the registered text', async () => {
    const host = fakeHost({
      './data/sources/x-1.js': (g) => ((g.__BUDGET_SOURCES__ ??= {})['x-1'] = 'line 1\nline 2'),
    });
    expect(await loadSourceText(host, 'x-1')).toEqual({ ok: true, data: 'line 1\nline 2' });
  });

  it('names the missing file', async () => {
    const r = await loadSourceText(fakeHost({}), 'x-1');
    expect(r.ok ? '' : r.message).toBe('找不到 x-1 的原文文件 ./data/sources/x-1.js');
  });
});
