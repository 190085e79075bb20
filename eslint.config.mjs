// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layering (DESIGN.md §1), enforced on every import:
 * - shared/   pure TypeScript: no Electron, React, MUI, Dexie, Node built-ins or DOM;
 *             nothing from electron/ or renderer/.
 * - renderer/ no `electron`, no Node built-ins, nothing from electron/; and only db/ may
 *             touch Dexie or the database instance.
 * - electron/ nothing from renderer/ (it only serves the built files), no UI libraries.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const uiLibraries = [
  'react',
  'react-dom',
  'react-dom/*',
  '@mui/*',
  '@emotion/*',
  'dexie',
  'dexie-react-hooks',
  'recharts',
];

const restrict = (
  /** @type {{ paths?: string[]; patterns: { group: string[]; message: string }[] }} */ rule,
) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: (rule.paths ?? []).map((name) => ({ name, message: 'bad layering (DESIGN.md §1)' })),
      patterns: rule.patterns,
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'dist-cli',
      'release',
      '.tsbuild',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/only-throw-error': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      ...restrict({
        paths: ['electron', ...nodeBuiltins],
        patterns: [
          {
            group: uiLibraries,
            message: 'shared/ is pure: no UI or storage libraries (DESIGN.md §1)',
          },
          {
            group: ['**/electron/**', '**/renderer/**', 'electron/*', 'renderer/*'],
            message: 'shared/ imports nothing of electron/ or renderer/',
          },
        ],
      }),
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'indexedDB',
          'process',
          'require',
          'Buffer',
        ].map((name) => ({
          name,
          message: 'shared/ runs everywhere: no DOM or Node globals',
        })),
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict({
        paths: ['electron', ...nodeBuiltins],
        patterns: [
          {
            group: ['**/electron/**', 'electron/*'],
            message: 'renderer/ reaches the machine only through the platform port',
          },
        ],
      }),
    },
  },
  {
    // Screens are thin: they call hooks and actions, never Dexie or the database directly.
    files: ['renderer/src/app/**', 'renderer/src/features/**', 'renderer/src/components/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      ...restrict({
        paths: ['electron', ...nodeBuiltins, 'dexie', 'dexie-react-hooks'],
        patterns: [
          {
            group: ['**/db/db', '**/db/schema', '**/db/repositories/*'],
            message: 'screens use db/hooks and db/actions, not the database',
          },
          {
            group: ['**/electron/**', 'electron/*'],
            message: 'renderer/ reaches the machine only through the platform port',
          },
        ],
      }),
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      ...restrict({
        patterns: [
          {
            group: ['**/renderer/**', 'renderer/*'],
            message: 'electron/ never imports renderer source (DESIGN.md §1)',
          },
          { group: uiLibraries, message: 'the main process has no UI libraries' },
        ],
      }),
    },
  },
  {
    files: ['e2e/**/*.ts', '*.config.ts', 'scripts/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
);
