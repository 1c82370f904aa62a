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
