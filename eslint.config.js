import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import compat from 'eslint-plugin-compat';
import baseline from './scripts/eslint-baseline.mjs';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'coverage',
      '.test-results',
      'custom-elements.json',
      'demo/examples/next/.next',
      'demo/examples/next/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (e.g. a field left out of a rest object).
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
    },
  },
  // Type-aware rules for the TypeScript files, each typed by its nearest tsconfig.json (the two
  // Vite configs by tsconfig.node.json). The JavaScript files (mock/, scripts/, bench/, the demo's
  // servers) keep the rules above: their types come from JSDoc and inference, loose enough that the
  // `no-unsafe-*` rules would flag mostly `any`s that tsc's checkJs already accepts.
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.strictTypeCheckedOnly],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['vite.config.ts', 'demo/examples/vite.config.ts'],
          defaultProject: 'tsconfig.node.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A number in a template literal (a count, an index in a URL) is the plain way to write it.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => el.remove()` is the usual shape of a callback that returns nothing.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // open-wc's DOM-diff plugin types every chai `equal` as a promise; it is one only on `.dom`.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [{ from: 'package', name: 'Equal', package: '@open-wc/semantic-dom-diff' }],
        },
      ],
      // Fakes implement async interfaces (adapters, token providers) and often have nothing to await.
      '@typescript-eslint/require-await': 'off',
      // Tests keep a global's methods (`fetch`, `console.*`) to put them back afterwards.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['demo/examples/**/*.{ts,tsx}', 'test/types/**/*.{ts,tsx}'],
    // The examples and the type tests import the built package, whose types exist only after
    // `npm run build`, which `npm test` runs after the lint; `npm run typecheck:examples` and
    // `npm run typecheck:consumer` check them against the build.
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['demo/examples/vue/*.ts'],
    // Plain TypeScript cannot read a `.vue` file (vue-tsc types them), so `App` is untyped here.
    rules: { '@typescript-eslint/no-unsafe-argument': 'off' },
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
