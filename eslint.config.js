// Flat config. The engine boundary (style.md §B) is enforced here and by tsconfig.engine.json.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const engineBannedImports = {
  patterns: [
    { group: ['react', 'react-*', 'react/*'], message: 'src/engine is framework-free.' },
    { group: ['zustand', 'zustand/*'], message: 'src/engine must not know the store.' },
    {
      group: ['d3-selection', 'd3-zoom', 'd3-drag', 'd3-transition', 'd3-timer', 'd3'],
      message: 'src/engine uses no DOM or wall-clock D3 modules.',
    },
    {
      group: ['@/ui/*', '@/store/*', '@/app/*', '@/cli/*', '@/i18n/*', '@/embed/*'],
      message: 'The engine imports nothing above it.',
    },
  ],
};

const engineBannedGlobals = [
  { name: 'Date', message: 'Use the virtual clock (core/clock).' },
  { name: 'performance', message: 'Use the virtual clock (core/clock).' },
  { name: 'setTimeout', message: 'Schedule on the event queue.' },
  { name: 'setInterval', message: 'Schedule on the event queue.' },
  { name: 'requestAnimationFrame', message: 'Animation lives in the UI.' },
  { name: 'queueMicrotask', message: 'Schedule on the event queue.' },
  { name: 'window', message: 'No DOM in the engine.' },
  { name: 'document', message: 'No DOM in the engine.' },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'e2e/screenshots',
      'src/lessons/generated',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', engineBannedImports],
      'no-restricted-globals': ['error', ...engineBannedGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded rng (core/rng).' },
        { object: 'crypto', property: 'randomUUID', message: 'Use deterministic ids (core/ids).' },
        { object: 'console', property: 'log', message: 'Write to the trace.' },
      ],
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Everything above the engine sees only its public face (and its plain lab data, which the
    // page draws before the engine's chunk has loaded).
    files: [
      'src/ui/**',
      'src/store/**',
      'src/cli/**',
      'src/embed/**',
      'src/i18n/**',
      'src/*.tsx',
      'src/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/engine/*', '!@/engine/labData', '**/engine/*/**', '../engine/*'],
              message: "Import the engine's public face: '@/engine' (or its lab data: '@/engine/labData').",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests above the engine may use the one test harness (src/engine/testing), nothing else inside.
    files: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    ignores: ['src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@/engine/(?!testing/|labData$)|(\\.\\./)+engine/)',
              message:
                "Import the engine's public face '@/engine' (tests: or its harness '@/engine/testing/…').",
            },
          ],
        },
      ],
    },
  },
  {
    // Every view is a function of (trace, cursor): no view reads the engine's live objects, which
    // hold the state at the end of the log, not at the cursor (docs/architecture.md).
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    ignores: ['src/ui/**/*.test.ts', 'src/ui/**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='net']",
          message:
            'Views read state at the cursor (hostStatesAtCursor, runtime.sysctlAt), not the live network.',
        },
        {
          selector: 'ImportSpecifier[imported.name=/^(ipvsOf|Host|Network|Sim)$/]',
          message: 'Views read state at the cursor from the trace, not live engine objects.',
        },
      ],
    },
  },
  {
    files: ['src/cli/**', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
