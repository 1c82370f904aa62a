import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shipped manifest, as the browser gets it (a classic script assigning a global). */
export function shippedManifest(): unknown {
  const text = readFileSync(
    join(import.meta.dirname, '..', '..', 'public', 'data', 'manifest.js'),
    'utf8',
  );
  const win: { __BUDGET_MANIFEST__?: unknown } = {};
  new Function('window', text)(win);
  return win.__BUDGET_MANIFEST__;
}
