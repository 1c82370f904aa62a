import { MAX_USER_FILE_BYTES, jsonErrorText, readUserBundle } from '@/data/user-bundles';
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
    [
      'bad.json',
      '{"schemaVersion": 1,',
      '文件 bad.json：不是完整的 JSON：内容在第 1 行第 21 列中断（文件可能没有下载或复制完整），未导入',
    ],
    ['empty.json', '', '文件 empty.json：文件为空，没有内容，未导入'],
    [
      'typo.json',
      '{\n  "schemaVersion": 1,\n  "id": "x",\n}',
      '文件 typo.json：不是有效的 JSON：第 4 行第 1 列附近格式有误（文件可能被改动过），未导入',
    ],
  ])('refuses broken JSON in %s in Chinese, saying where', (name, text, message) => {
    const r = readUserBundle(name, text, none);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe(message);
  });

  it('reads the place from Firefox’s message too (line and column)', () => {
    expect(
      jsonErrorText(
        '{"a":\n  ]',
        'JSON.parse: unexpected character at line 2 column 3 of the JSON data',
      ),
    ).toBe('不是有效的 JSON：第 2 行第 3 列附近格式有误（文件可能被改动过）');
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

  it('refuses a file nested 100,000 levels deep, naming where it got too deep', () => {
    // 0.2 MB: the old prototype-key walk copied the path at every level (quadratic), ~70 s here.
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = copyText().replace(/"skipped":\[[^\]]*\]/, `"skipped":${deep}`);
    expect(text.length).toBeGreaterThan(200_000);
    const r = readUserBundle('deep.json', text, none);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // The file's top level is depth 0; refused at the 32nd level, inside "skipped".
    expect(r.message).toBe(
      `文件 deep.json：skipped${'[0]'.repeat(31)} 嵌套过深（超过 32 层；数据包不超过 20 层），文件可能已损坏；未导入`,
    );
  });

  it('refuses a unit name far longer than any real one, naming the field', () => {
    const r = readUserBundle('long.json', copyText('my-copy', '山西省'.repeat(100)), none);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toBe(
      '文件 long.json：unit.name 过长（300 个字符，最多 200 个字符），不像是真实文件的内容；未导入',
    );
  });

  it('refuses a narrative text of 6 million characters, naming the field', () => {
    const b = JSON.parse(copyText()) as { narrative: { mentions: { context: string }[] } };
    const mention = b.narrative.mentions[0];
    if (!mention) throw new Error('fixture');
    mention.context = '经'.repeat(1_000_000);
    const r = readUserBundle('huge.json', JSON.stringify(b), none);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message).toMatch(
        /^文件 huge\.json：narrative\.mentions\[0\]\.context 过长（1000000 个字符，最多 4000 个字符）/,
      );
  });

  it('refuses a file over 5 MB before parsing it', () => {
    // 6 million characters of a name, and not even valid JSON: the size alone decides.
    const text = `{"unit":{"name":"${'a'.repeat(6_000_000)}"`;
    const r = readUserBundle('big.json', text, none);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message).toBe(
        '文件 big.json：文件过大（5.7 MB，上限 5.0 MB；真实数据包不超过 0.2 MB），不像是预决算数据包，未导入',
      );
    // Counted in UTF-8 bytes: 2 million Chinese characters are 6 million bytes.
    const cjk = readUserBundle('cjk.json', `"${'预'.repeat(2_000_000)}"`, none);
    expect(!cjk.ok && cjk.message).toContain('文件过大（5.7 MB');
    expect(MAX_USER_FILE_BYTES).toBe(5 * 1024 * 1024);
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
