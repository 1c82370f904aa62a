import { readUserBundle } from '@/data/user-bundles';
import { IDS, realBundle, realManifest } from '../features/real-data';

/** The province bundle as a user would load it under another id and unit name. */
function copyText(id = 'my-copy', name = '测试单位'): string {
  const b = realBundle(IDS.province);
  return JSON.stringify({ ...b, id, unit: { ...b.unit, name } });
}

const builtIn = realManifest().bundles;
const none = { builtIn, user: [] };

describe('readUserBundle', () => {
  it('accepts a valid bundle and builds its manifest entry with the ingest headline', () => {
    const r = readUserBundle('copy.json', copyText(), none, '2025-01-01T00:00:00.000Z');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const province = builtIn.find((e) => e.id === IDS.province);
    expect(r.entry).toEqual({
      ...province,
      id: 'my-copy',
      file: 'copy.json',
      script: 'my-copy.js',
      unit: { ...province?.unit, name: '测试单位' },
    });
    expect(r.entry.headline.incomeTotal?.v).toBe('42684.35');
    expect(r.record).toMatchObject({ id: 'my-copy', fileName: 'copy.json' });
  });

  it('accepts a file starting with a BOM', () => {
    expect(readUserBundle('bom.json', `\uFEFF${copyText()}`, none).ok).toBe(true);
  });

  it.each([
    ['bad.json', '{"schemaVersion": 1,', /^文件 bad\.json：不是有效的 JSON/],
    ['empty.json', '', /^文件 empty\.json：不是有效的 JSON/],
  ])('refuses broken JSON in %s with the file name', (name, text, re) => {
    const r = readUserBundle(name, text, none);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(re);
  });

  it('names the file and the field path of an invalid bundle', () => {
    const b = JSON.parse(copyText()) as {
      tables: { rows: { cells: Record<string, unknown> }[] }[];
    };
    const row = b.tables[0]?.rows[0];
    if (!row) throw new Error('fixture');
    row.cells.amount = { v: 42684.35, line: 1 };
    const r = readUserBundle('broken.json', JSON.stringify(b), none);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('文件 broken.json：tables[0].rows[0].cells.amount');
    expect(r.issues[0]?.path).toMatch(/^tables\[0\]\.rows\[0\]\.cells\.amount/);
  });

  it('refuses an id of a built-in bundle, naming it', () => {
    const r = readUserBundle('dup.json', copyText(IDS.province), none);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(`文件 dup.json：id “${IDS.province}” 与内置数据包`);
      expect(r.message).toContain('山西省行政审批服务管理局');
    }
  });

  it('refuses an id another user file has', () => {
    const r = readUserBundle('again.json', copyText(), {
      builtIn,
      user: [{ id: 'my-copy', fileName: 'copy.json' }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('已被用户导入的文件 copy.json 使用');
  });

  it('refuses a manifest passed as a bundle', () => {
    const r = readUserBundle('manifest.json', JSON.stringify(realManifest()), none);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^文件 manifest\.json：/);
  });
});
