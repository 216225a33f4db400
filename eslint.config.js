import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import compat from 'eslint-plugin-compat';
import baseline from './scripts/eslint-baseline.mjs';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', '.test-results', 'custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (e.g. a field left out of a rest object).
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts', 'mock/bodies.js'],
    languageOptions: { globals: globals.browser },
    extends: [litConfigs['flat/recommended'], wcConfigs['flat/best-practice']],
  },
  {
    // What ships runs in the browsers `browserslist` in package.json names (README, Browsers):
    // a browser API newer than them needs a fallback.
    files: ['src/**/*.ts'],
    extends: [compat.configs['flat/recommended']],
    plugins: { baseline },
    rules: { 'baseline/static-apis': 'error' },
  },
  {
    files: ['test/**/*.ts'],
    ignores: ['test/helpers/until.ts'],
    rules: {
      // open-wc's `waitUntil` gives up after 1 s by default: tests wait through `until` (test/helpers/until.ts).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@open-wc/testing',
              importNames: ['waitUntil'],
              message: 'Use until() from test/helpers/until.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['demo/examples/**/*.{js,ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: [
      'mock/**',
      'scripts/**',
      '*.config.*',
      'demo/*.{js,mjs}',
      'demo/examples/vite.config.ts',
      'test/*.mjs',
      'bench/**',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['bench/baselines/**', 'bench/page/**', 'bench/lit-floor.js'],
    languageOptions: { globals: globals.browser },
  },
);
