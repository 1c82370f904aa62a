/** The pure SHA-256 gives what node:crypto gives, so browser and CLI ids and hashes agree. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@/ingest/sha256';

const node = (s: string) => createHash('sha256').update(s).digest('hex');

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('the FIPS 180-2 example %j', (text, hex) => {
    expect(sha256Hex(text)).toBe(hex);
  });

  it('agrees with node:crypto at every padding boundary and for Chinese text', () => {
    for (let n = 0; n < 140; n++)
      expect(sha256Hex('汉a'.repeat(n).slice(0, n))).toBe(node('汉a'.repeat(n).slice(0, n)));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => sha256Hex(s) === node(s)),
    );
  });

  it('gives the sha256 the shipped bundle records for its source text', () => {
    const data = new URL('../../public/data/', import.meta.url);
    const bundle = JSON.parse(
      readFileSync(new URL('datong-service-center-2024-final.json', data), 'utf8'),
    ) as { source: { sha256: string } };
    const text = readFileSync(
      new URL('sources/datong-service-center-2024-final.txt', data),
      'utf8',
    );
    expect(sha256Hex(text)).toBe(bundle.source.sha256);
  });
});
