/**
 * Browser tests (npm run test:e2e): real Chromium driven by playwright-core against the built
 * dist/. Kept apart from the unit tests: node environment, one fork, generous timeouts.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Vitest loads its config through a default export.
// eslint-disable-next-line import-x/no-default-export
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: {
    alias: { '@': fileURLToPath(new URL('../../src', import.meta.url)) },
  },
  test: {
    globals: true,
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A page on a fresh, busy CI machine can take longer than expect.poll's default 1 s to show
    // what a test waits for (once, the overview's cards took longer while views were drawn ahead
    // in the background). These tests check what the page shows; its speed is for the benchmark.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
  },
});
