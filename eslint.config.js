import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import direction: domain <- data <- store <- features <- app; components and lib may use domain
// only; ingest uses data and domain; no feature imports another.
const zones = [
  {
    target: './src/domain',
    from: [
      './src/data',
      './src/store',
      './src/features',
      './src/app',
      './src/components',
      './src/lib',
      './src/ingest',
    ],
  },
  {
    target: './src/data',
    from: ['./src/store', './src/features', './src/app', './src/components', './src/ingest'],
  },
  { target: './src/store', from: ['./src/features', './src/app', './src/ingest'] },
  { target: './src/features', from: ['./src/app', './src/ingest'] },
  {
    target: './src/components',
    from: ['./src/store', './src/features', './src/app', './src/ingest'],
  },
  {
    target: './src/lib',
    from: ['./src/data', './src/store', './src/features', './src/app', './src/ingest'],
  },
  // The ingest runs in Node and as dist/ingest.js: it knows the data format, never the app.
  {
    target: './src/ingest',
    from: ['./src/store', './src/features', './src/app', './src/components'],
  },
  // A view never imports another view: what two views share lives in data/, components/ or lib/.
  ...readdirSync(new URL('./src/features', import.meta.url)).map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
  })),
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public/data', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-cycle': 'error',
      'import-x/no-default-export': 'error',
      'import-x/no-restricted-paths': ['error', { zones }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'decimal.js',
              message: 'Use src/domain/money.ts; only domain imports decimal.js.',
            },
            { name: 'zustand', message: 'Use the store from src/store/app-store.ts.' },
            {
              name: 'zustand/react/shallow',
              message: 'Use useAppStoreShallow from src/store/app-store.ts.',
            },
          ],
        },
      ],
    },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
  },
  {
    // The store is the one wrapper around zustand.
    files: ['src/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'decimal.js',
              message: 'Use src/domain/money.ts; only domain imports decimal.js.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**', 'tests/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: [
      'vite.config.ts',
      'vite.ingest.config.ts',
      'vite.ingest-pdf.config.ts',
      'eslint.config.js',
    ],
    rules: { 'import-x/no-default-export': 'off' },
  },
);
