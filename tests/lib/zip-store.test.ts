import { randomBytes } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { crc32, zipDeflate, zipStore } from '@/lib/zip-store';

describe('crc32', () => {
  it('gives the check value of CRC-32/ISO-HDLC', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('agrees with zlib on random data', () => {
    for (const size of [1, 7, 256, 10_000]) {
      const data = new Uint8Array(randomBytes(size));
      expect(crc32(data)).toBe(zlibCrc32(data));
    }
  });
});

describe('zipStore', () => {
  const entries = [
    { name: '[Content_Types].xml', data: strToU8('<Types/>') },
    { name: 'xl/工作表.xml', data: strToU8('数据 42684.35') },
    { name: 'empty.txt', data: new Uint8Array() },
  ];

  it('reads back with fflate, names in UTF-8', () => {
    const files = unzipSync(zipStore(entries));
    expect(Object.keys(files)).toEqual(entries.map((e) => e.name));
    expect(strFromU8(files['xl/工作表.xml'] ?? new Uint8Array())).toBe('数据 42684.35');
    expect(files['empty.txt']?.length).toBe(0);
  });

  it('stores without compression, flags UTF-8 names, lists every entry', () => {
    const zip = zipStore(entries);
    const view = new DataView(zip.buffer);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(6, true) & 0x0800).toBe(0x0800); // bit 11: UTF-8 names
    expect(view.getUint16(8, true)).toBe(0); // method: stored
    expect(view.getUint32(14, true)).toBe(crc32(entries[0]?.data ?? new Uint8Array()));
    const end = zip.length - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    expect(view.getUint16(end + 10, true)).toBe(entries.length);
    const central = view.getUint32(end + 16, true);
    expect(view.getUint32(central, true)).toBe(0x02014b50);
    expect(view.getUint16(central + 8, true) & 0x0800).toBe(0x0800);
    expect(central + view.getUint32(end + 12, true)).toBe(end);
  });

  it('is reproducible (fixed dates)', () => {
    expect(zipStore(entries)).toEqual(zipStore(entries));
  });
});

describe('zipDeflate', () => {
  const xml = strToU8(`<sheetData>${'<row><c t="s"><v>1</v></c></row>'.repeat(2000)}</sheetData>`);
  const entries = [
    { name: 'xl/worksheets/sheet1.xml', data: xml },
    { name: 'tiny.txt', data: strToU8('a') },
    { name: 'empty.txt', data: new Uint8Array() },
  ];

  it('deflates (method 8) what gets smaller, stores the rest, and reads back the same', async () => {
    const zip = await zipDeflate(entries);
    const view = new DataView(zip.buffer);
    expect(view.getUint16(8, true)).toBe(8); // first entry: deflated
    const compressed = view.getUint32(18, true);
    expect(view.getUint32(22, true)).toBe(xml.length); // uncompressed size
    expect(compressed).toBeLessThan(xml.length / 20);
    // The second entry (one byte) would grow: stored.
    const second = 30 + (entries[0]?.name.length ?? 0) + compressed;
    expect(view.getUint32(second, true)).toBe(0x04034b50);
    expect(view.getUint16(second + 8, true)).toBe(0);
    const files = unzipSync(zip);
    expect(strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array())).toBe(strFromU8(xml));
    expect(strFromU8(files['tiny.txt'] ?? new Uint8Array())).toBe('a');
    expect(files['empty.txt']?.length).toBe(0);
  });
});
