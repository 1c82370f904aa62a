/**
 * Build-time only (Vite plugin, Node): the GB CMaps pdf.js needs for Chinese text in fonts that
 * are not embedded (STSong-Light with UniGB-UCS2-H, as iText and some office tools write), as the
 * virtual module `virtual:pdf-cmaps` — `{ "UniGB-UCS2-H.bcmap": "<base64>", … }`. The browser
 * cannot fetch them from file://, so dist/ingest-pdf.js carries them inside.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Horizontal and vertical GB encodings and the CID → Unicode map pdf.js reads for text. The -V
 * CMaps `usecmap` their -H twin; the -H ones use no other. Adobe-GB1-UCS2 turns CIDs into text.
 */
export const GB_CMAPS = [
  'UniGB-UCS2-H',
  'UniGB-UCS2-V',
  'UniGB-UTF16-H',
  'UniGB-UTF16-V',
  'GBK-EUC-H',
  'GBK-EUC-V',
  'GB-EUC-H',
  'GB-EUC-V',
  'GBK2K-H',
  'GBK2K-V',
  'Adobe-GB1-UCS2',
] as const;

const ID = 'virtual:pdf-cmaps';
const RESOLVED = `\0${ID}`;

export function bundledCmaps(): Plugin {
  const folder = join(
    dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
    'cmaps',
  );
  return {
    name: 'budget-compare:pdf-cmaps',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const table = Object.fromEntries(
        GB_CMAPS.map((name) => [
          `${name}.bcmap`,
          readFileSync(join(folder, `${name}.bcmap`)).toString('base64'),
        ]),
      );
      return `export const CMAPS = ${JSON.stringify(table)};`;
    },
  };
}
