/**
 * Which Chromium and with which flags, for every headless run: the browser tests (browser.ts) and
 * the benchmark (tests/bench, which adds a flag). Kept apart from browser.ts, which uses vitest, so
 * the benchmark can import it outside vitest.
 */
import { execFileSync } from 'node:child_process';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's chromium (`which chromium`), or CHROMIUM_PATH. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('chromium not found: apt-get install -y chromium fonts-noto-cjk');
  }
}
