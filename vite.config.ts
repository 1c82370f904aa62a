import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin, Rollup } from 'vite';
import legacy from '@vitejs/plugin-legacy';
import { defineConfig } from 'vitest/config';
import { VIEW_MODULES, routePreloadScript } from './src/app/view-modules.ts';
import { bundledCmaps } from './src/ingest/pdf/bundled-cmaps-plugin.ts';

/** The built HTML pages (index.html) as [asset, text]. */
function htmlAssets(bundle: Rollup.OutputBundle): [Rollup.OutputAsset, string][] {
  return Object.values(bundle).flatMap((asset) =>
    asset.type === 'asset' && asset.fileName.endsWith('.html')
      ? [[asset, String(asset.source)] as [Rollup.OutputAsset, string]]
      : [],
  );
}

/**
 * The app's entry script and every script it imports, which SystemJS would otherwise only
 * discover one after the other as each runs. Preloaded from index.html, they are read and
 * compiled (off the main thread) while the page is still parsed: about 40 ms earlier to the
 * overview's first paint, traced (docs/performance.md).
 */
function entryScripts(bundle: Rollup.OutputBundle): string[] {
  const entry = chunksOf(bundle).find((c) => c.isEntry && c.name.startsWith('index'));
  return entry ? withImports(bundle, [entry.fileName]) : [];
}

function chunksOf(bundle: Rollup.OutputBundle): Rollup.OutputChunk[] {
  return Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
}

/** The files and every script they import, transitively, in first-seen order. */
function withImports(bundle: Rollup.OutputBundle, roots: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    const chunk = bundle[file];
    for (const dep of chunk?.type === 'chunk' ? chunk.imports : []) visit(dep);
  };
  roots.forEach(visit);
  return files;
}

/**
 * An inline script for index.html's <head>: for the view in the address (and, on 演示, the views
 * of the deck's slides), preload links to its scripts not already in the entry's. A bookmarked
 * view's code is then read and compiled while the entry still loads, instead of after it has run
 * (docs/performance.md).
 */
function routePreloads(bundle: Rollup.OutputBundle): string {
  const entry = new Set(entryScripts(bundle));
  const chunks = chunksOf(bundle);
  const map: Record<string, string[]> = {};
  for (const [view, [path]] of Object.entries(VIEW_MODULES)) {
    const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(path));
    if (!chunk) throw new Error(`no chunk for ${path}`);
    map[view] = withImports(bundle, [chunk.fileName])
      .filter((f) => !entry.has(f))
      .map((f) => `./${f}`);
  }
  return routePreloadScript(map);
}

/**
 * The built index.html, made to run from file:// and under a strict CSP:
 * - the entry's scripts are preloaded, and the bookmarked view's (entryScripts, routePreloads);
 * - plugin-legacy's script tags carry `crossorigin`, which turns a file:// script load into a CORS
 *   request that fails (docs/offline.md); they are plain classic scripts here, and SystemJS is told
 *   not to set it on the chunks it loads either (its documented `createScript` hook; it sets it
 *   whenever the page's origin is "null", as file:// pages are in Firefox);
 * - script-src allows 'self' (the app's chunks and data/*.js) plus the sha256 of each inline script
 *   instead of 'unsafe-inline', and connect-src drops the dev server's websocket (the app never
 *   fetches).
 */
function fileUrlHtml(): Plugin {
  const noCors =
    '<script>(function(p){var c=p.createScript;p.createScript=function(u){var s=c.call(this,u);s.removeAttribute("crossorigin");return s}})(System.constructor.prototype)</script>';
  return {
    name: 'budget-compare:file-url-html',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const entry = entryScripts(bundle);
        if (entry.length === 0) this.error('the app entry chunk not found');
        const preloads = [
          ...entry.map((file) => `<link rel="preload" as="script" href="./${file}" />`),
          routePreloads(bundle),
        ].join('\n    ');
        for (const [asset, source] of htmlAssets(bundle)) {
          const html = source
            .replace('<title>', `${preloads}\n    <title>`)
            .replace(/<script crossorigin /g, '<script ')
            .replace(
              '<script id="vite-legacy-entry"',
              `${noCors}\n    <script id="vite-legacy-entry"`,
            );
          if (/<script[^>]*\scrossorigin/.test(html) || !html.includes(noCors))
            this.error('index.html: plugin-legacy script tags not found');
          const hashes = [
            ...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g),
          ].map(
            (m) =>
              `'sha256-${createHash('sha256')
                .update(m[1] ?? '')
                .digest('base64')}'`,
          );
          const next = html
            .replace("script-src 'self' 'unsafe-inline'", `script-src 'self' ${hashes.join(' ')}`)
            .replace(/connect-src [^;"]*/, "connect-src 'none'");
          if (next === html) this.error('CSP meta not found in index.html');
          asset.source = next;
        }
      },
    },
  };
}

/**
 * The browsers the built app supports: current desktop browsers of government offices (Chromium-based
 * 360/QQ/Edge/Chrome, Firefox ESR). Babel only rewrites the module format for these.
 */
const BROWSERS = ['chrome >= 111', 'edge >= 111', 'firefox >= 115', 'safari >= 16.4'];

export default defineConfig({
  base: './',
  // Vite's polyfill looks for <link rel="modulepreload">: the build has none (classic scripts).
  build: { modulePreload: { polyfill: false } },

  // bundledCmaps: only for the unit tests of the PDF reader; the app never imports its module.
  plugins: [
    react(),
    // The app as classic scripts in SystemJS's format, its views as on-demand chunks: module
    // scripts are blocked from file:// (docs/offline.md). Only these chunks are built
    // (renderModernChunks: false), for the browsers the app supports.
    legacy({ renderModernChunks: false, targets: BROWSERS, polyfills: false }),
    fileUrlHtml(),
    bundledCmaps(),
  ],
  resolve: {
    alias: [{ find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) }],
  },
  test: {
    globals: true,
    environment: 'node',
    include: ['tests/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
    // Component tests render the real bundles through React and jsdom: about 1–3 s each on a
    // 2-core machine, so the 5 s default fails them whenever the machine is also busy.
    testTimeout: 20_000,
  },
});
