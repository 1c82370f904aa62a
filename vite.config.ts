import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import react from '@vitejs/plugin-react';
import type { Plugin, Rollup } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { minify } from 'terser';
import { minifySync } from 'vite';
import { defineConfig } from 'vitest/config';
import { bundledCmaps } from './src/ingest/pdf/bundled-cmaps-plugin.ts';

/** The built HTML pages (index.html) as [asset, text], to rewrite after the app is inlined. */
function htmlAssets(bundle: Rollup.OutputBundle): [Rollup.OutputAsset, string][] {
  return Object.values(bundle).flatMap((asset) =>
    asset.type === 'asset' && asset.fileName.endsWith('.html')
      ? [[asset, String(asset.source)] as [Rollup.OutputAsset, string]]
      : [],
  );
}

/**
 * After vite-plugin-singlefile has inlined the app into index.html, tighten the CSP meta:
 * script-src allows 'self' (data/*.js) plus the sha256 of each inline script instead of
 * 'unsafe-inline', and connect-src drops the dev server's websocket (the app never fetches).
 */
function cspHashes(): Plugin {
  return {
    name: 'budget-compare:csp-hashes',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const [asset, html] of htmlAssets(bundle)) {
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
          if (next === html || hashes.length === 0) this.error('CSP meta not found in index.html');
          asset.source = next;
        }
      },
    },
  };
}

const MANIFEST_TAG = '<script src="./data/manifest.js"></script>';

/**
 * The first paint (src/app/first-paint.ts) as a classic inline script right after data/manifest.js,
 * and, in the build, the app's inlined module moved from <head> to the end of <body>: the browser
 * compiles an inline module where the parser meets it, so in <head> its ~900 KB held back the
 * first paint; after the cards it is compiled once they are on screen.
 */
function firstPaint(): Plugin {
  const source = fileURLToPath(new URL('./src/app/first-paint.ts', import.meta.url));
  const script = () => {
    const js = ts
      .transpileModule(readFileSync(source, 'utf8'), {
        compilerOptions: {
          target: ts.ScriptTarget.ES2020,
          module: ts.ModuleKind.ESNext,
          removeComments: true,
        },
      })
      .outputText.replace(/^export /gm, '');
    const min = minifySync('first-paint.js', `(function(){${js}\nfirstPaint(window);})();`);
    if (min.errors.length > 0) throw new Error(`first-paint.ts: ${String(min.errors[0])}`);
    return `<script>${min.code.trim()}</script>`;
  };
  let minifyApp = true;
  return {
    name: 'budget-compare:first-paint',
    // After vite-plugin-singlefile has inlined the app (its generateBundle is post as well).
    enforce: 'post',
    configResolved(config) {
      minifyApp = config.build.minify !== false;
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(MANIFEST_TAG))
          throw new Error('index.html: data/manifest.js tag not found');
        return html.replace(MANIFEST_TAG, `${MANIFEST_TAG}\n    ${script()}`);
      },
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        for (const [asset, html] of htmlAssets(bundle)) {
          const app = /(<script type="module"[^>]*>)([\s\S]*?)(<\/script>)/.exec(html);
          if (!app || !html.includes('</body>')) this.error('app script or </body> not found');
          let code = app[2] ?? '';
          // A second pass with terser after the default minifier: 4 KB gzip less for this app
          // (the size target is 250 KB gzip; docs/performance.md), ~15 s of build time. Not in `vite build
          // --minify false` (the benchmark's profiling build keeps readable names).
          if (minifyApp) {
            const out = await minify(code, {
              module: true,
              compress: { passes: 2 },
              format: { comments: false },
            });
            if (out.code === undefined) this.error('terser returned no code');
            code = out.code;
          }
          const script = `${app[1] ?? ''}${code}${app[3] ?? ''}`;
          asset.source = html
            .replace(app[0], () => '')
            .replace('</body>', () => `${script}\n</body>`);
        }
      },
    },
  };
}

export default defineConfig({
  base: './',
  build: {
    // The terser pass (firstPaint, above) takes most of the build: known, no need to say so.
    rolldownOptions: { checks: { pluginTimings: false } },
  },

  // bundledCmaps: only for the unit tests of the PDF reader; the app never imports its module.
  plugins: [react(), viteSingleFile(), firstPaint(), cspHashes(), bundledCmaps()],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // recharts' dependencies, trimmed to what the dashboard draws (see the modules' comments).
      {
        find: /^decimal\.js-light$/,
        replacement: fileURLToPath(new URL('./src/vendor/recharts-decimal.ts', import.meta.url)),
      },
      {
        find: /^victory-vendor\/d3-scale$/,
        replacement: fileURLToPath(new URL('./src/vendor/d3-scale.ts', import.meta.url)),
      },
    ],
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
