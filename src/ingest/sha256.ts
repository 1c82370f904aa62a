/**
 * SHA-256 of a string's UTF-8 bytes, as lowercase hex — synchronous and the same in Node and the
 * browser, so a text ingested in 数据文件 gets the very id and `source.sha256` the CLI gives it.
 * Not node:crypto (absent in the browser) and not crypto.subtle (async, and only in secure
 * contexts): @noble/hashes, audited and dependency-free. Checked against node:crypto in
 * tests/ingest/sha256.test.ts.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
