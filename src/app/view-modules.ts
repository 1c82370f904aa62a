/**
 * Each view's page module and the component it exports (the overview is in the entry). views.tsx
 * loads them on demand; vite.config.ts reads this list to let index.html preload a bookmarked
 * view's scripts before the app runs (docs/performance.md). No imports: the build config loads it.
 */
export const VIEW_MODULES = {
  execution: ['/src/features/execution/execution-page.tsx', 'ExecutionPage'],
  yoy: ['/src/features/yoy/yoy-page.tsx', 'YoyPage'],
  sangong: ['/src/features/sangong/sangong-page.tsx', 'SangongPage'],
  performance: ['/src/features/performance/performance-page.tsx', 'PerformancePage'],
  tables: ['/src/features/tables/tables-page.tsx', 'TablesPage'],
  checks: ['/src/features/checks/checks-page.tsx', 'ChecksPage'],
  matrix: ['/src/features/matrix/matrix-page.tsx', 'MatrixPage'],
  flags: ['/src/features/flags/flags-page.tsx', 'FlagsPage'],
  source: ['/src/features/sources/source-page.tsx', 'SourcePage'],
  data: ['/src/features/data-files/data-files-page.tsx', 'DataFilesPage'],
  present: ['/src/features/presenter/presenter-page.tsx', 'PresenterPage'],
} as const;

export type LazyView = keyof typeof VIEW_MODULES;

/**
 * The inline script index.html runs before the app: the views the address opens (its view and,
 * on 演示, each slide's view) and a preload link for each of their scripts in `scripts` (view →
 * files). It reads the deck the way src/store/routes.ts writes it, `deck=view~chart~…|view~…`
 * (`|` may arrive as %7C); tests/app/route-preload.test.ts runs it on addresses that module makes.
 */
export function routePreloadScript(scripts: Readonly<Record<string, readonly string[]>>): string {
  return `<script>(function(m){var h=location.hash,v=[(/^#\\/([a-z]+)/.exec(h)||[])[1]],r=/(?:deck=|\\||%7C)([a-z]+)~/gi,x,s={};if(v[0]==='present')while((x=r.exec(h)))v.push(x[1]);v.forEach(function(k){(m[k]||[]).forEach(function(f){if(s[f])return;s[f]=1;var l=document.createElement('link');l.rel='preload';l.as='script';l.href=f;document.head.appendChild(l)})})})(${JSON.stringify(scripts)})</script>`;
}
