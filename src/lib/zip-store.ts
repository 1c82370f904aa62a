/**
 * A minimal ZIP writer for the .xlsx export, so the app ships no zip library. `zipDeflate`
 * compresses each entry (method 8) with the browser's own CompressionStream('deflate-raw')
 * (Chromium, Firefox, Safari 16.4+, Node 18+); where that is missing, or an entry would not get
 * smaller, the entry is STORED (method 0), as `zipStore` does for every entry. Names are UTF-8
 * (general-purpose flag bit 11); every entry has one fixed DOS date (1980-01-01 00:00), which
 * keeps the output reproducible. No ZIP64: an archive must stay under 4 GiB, far above any
 * table a browser can export.
 */

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as ZIP stores it. */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const UTF8_NAMES = 0x0800; // general-purpose flag bit 11: file names are UTF-8
const VERSION = 20; // 2.0: the lowest that readers expect for folders in names
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01

const STORED = 0;
const DEFLATED = 8;

interface PackedEntry {
  name: Uint8Array;
  /** The bytes as written: compressed when method is DEFLATED. */
  data: Uint8Array;
  size: number;
  crc: number;
  method: typeof STORED | typeof DEFLATED;
}

/** Raw DEFLATE (RFC 1951) by the platform's CompressionStream, or null where there is none. */
export async function deflateRaw(data: Uint8Array): Promise<Uint8Array | null> {
  if (typeof CompressionStream === 'undefined') return null;
  const cs = new CompressionStream('deflate-raw');
  const writer = cs.writable.getWriter();
  // Not awaited: the writes complete as the reader below drains the output.
  void writer.write(data as Uint8Array<ArrayBuffer>).then(() => writer.close());
  const reader = cs.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    chunks.push(r.value);
    length += r.value.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The archive with every entry stored uncompressed. */
export function zipStore(entries: readonly ZipEntry[]): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  return writeZip(
    entries.map((e) => ({
      name: encoder.encode(e.name),
      data: e.data,
      size: e.data.length,
      crc: crc32(e.data),
      method: STORED,
    })),
  );
}

/** The archive with each entry deflated where the platform can and it saves bytes, else stored. */
export async function zipDeflate(entries: readonly ZipEntry[]): Promise<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  const packed = await Promise.all(
    entries.map(async (e): Promise<PackedEntry> => {
      const deflated = e.data.length > 0 ? await deflateRaw(e.data) : null;
      const smaller = deflated !== null && deflated.length < e.data.length;
      return {
        name: encoder.encode(e.name),
        data: smaller ? deflated : e.data,
        size: e.data.length,
        crc: crc32(e.data),
        method: smaller ? DEFLATED : STORED,
      };
    }),
  );
  return writeZip(packed);
}

/** The archive bytes: local headers with data, then the central directory and its end record. */
function writeZip(files: readonly PackedEntry[]): Uint8Array<ArrayBuffer> {
  const localSize = files.reduce((sum, f) => sum + 30 + f.name.length + f.data.length, 0);
  const centralSize = files.reduce((sum, f) => sum + 46 + f.name.length, 0);
  const total = localSize + centralSize + 22;
  if (total > 0xffffffff || files.length > 0xffff) throw new Error('zip too large (no ZIP64)');

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(at, v, true);
    at += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, at);
    at += b.length;
  };
  /** The fields local and central headers share, from "version needed" to "extra length". */
  const common = (f: (typeof files)[number]) => {
    u16(VERSION);
    u16(UTF8_NAMES);
    u16(f.method);
    u16(DOS_TIME);
    u16(DOS_DATE);
    u32(f.crc);
    u32(f.data.length); // compressed size
    u32(f.size);
    u16(f.name.length);
    u16(0); // extra field length
  };

  const offsets: number[] = [];
  for (const f of files) {
    offsets.push(at);
    u32(0x04034b50); // local file header
    common(f);
    bytes(f.name);
    bytes(f.data);
  }
  const centralStart = at;
  files.forEach((f, i) => {
    u32(0x02014b50); // central directory header
    u16(VERSION); // version made by: MS-DOS (0), 2.0
    common(f);
    u16(0); // comment length
    u16(0); // disk number start
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i] ?? 0);
    bytes(f.name);
  });
  u32(0x06054b50); // end of central directory
  u16(0); // this disk
  u16(0); // disk with the central directory
  u16(files.length);
  u16(files.length);
  u32(centralSize);
  u32(centralStart);
  u16(0); // comment length
  return out;
}
