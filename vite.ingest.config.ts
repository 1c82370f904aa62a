/**
 * The second build of `npm run build`: src/ingest/browser.ts as dist/ingest.js, one classic IIFE
 * script whose exports land on `window.__BUDGET_INGEST__`. Separate from the app's single inlined
 * index.html so the ingest loads only when a .txt is imported (src/data/load-ingest.ts).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  resolve: {
    alias: [{ find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) }],
  },
  publicDir: false,
  build: {
    outDir: 'dist',
    // The app's build ran first into the same folder.
    emptyOutDir: false,
    lib: {
      entry: fileURLToPath(new URL('./src/ingest/browser.ts', import.meta.url)),
      formats: ['iife'],
      name: '__BUDGET_INGEST__',
      fileName: () => 'ingest.js',
    },
  },
});
