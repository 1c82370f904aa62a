import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { defineConfig } from 'vitest/config';

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
        for (const asset of Object.values(bundle)) {
          if (asset.type !== 'asset' || !asset.fileName.endsWith('.html')) continue;
          const html = String(asset.source);
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

export default defineConfig({
  base: './',
  plugins: [react(), viteSingleFile(), cspHashes()],
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
  },
});
