/**
 * The third build of `npm run build`: src/ingest/pdf/browser-pdf.ts as dist/ingest-pdf.js, one
 * classic IIFE script (pdf.js, its worker code and the GB CMaps) whose exports land on
 * `window.__BUDGET_PDF__`. Separate from index.html and ingest.js so pdf.js loads only when a
 * .pdf is imported (src/data/load-pdf.ts).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { bundledCmaps } from './src/ingest/pdf/bundled-cmaps-plugin.ts';

export default defineConfig({
  resolve: {
    alias: [{ find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) }],
  },
  plugins: [bundledCmaps()],
  // Only pdf.js's Node paths and its image decoders' wasm loaders read import.meta.url; neither
  // runs when text is extracted in the browser, and an IIFE has no import.meta.
  define: { 'import.meta.url': 'undefined' },
  publicDir: false,
  build: {
    outDir: 'dist',
    // The app's build ran first into the same folder.
    emptyOutDir: false,
    // pdf.js's modern build targets current browsers; the app opens in Chromium-based ones.
    target: 'es2022',
    lib: {
      entry: fileURLToPath(new URL('./src/ingest/pdf/browser-pdf.ts', import.meta.url)),
      formats: ['iife'],
      name: '__BUDGET_PDF__',
      fileName: () => 'ingest-pdf.js',
    },
  },
});
