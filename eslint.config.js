import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import eslintConfigPrettier from 'eslint-config-prettier';
import globals from 'globals';

// Import boundaries (CONVENTIONS.md 10): the renderer never reaches into the main process or the server;
// shared/ stays platform-free so every side can run it.
const rendererBoundary = {
  patterns: [
    {
      group: ['**/electron/**', 'electron', 'electron/*'],
      message:
        'The renderer talks to the main process only through the preload bridge (renderer/src/platform).',
    },
    {
      group: ['**/sync/server/**', '@sync/server/*'],
      message: 'The renderer must not import server code.',
    },
    { group: ['node:*'], message: 'The renderer runs in a browser: no Node built-ins.' },
  ],
};
const sharedBoundary = {
  patterns: [
    {
      group: ['node:*', 'electron', 'electron/*', 'react', 'react-dom', 'rxdb', 'rxdb/*', 'dexie'],
      message:
        'shared/ is pure TypeScript used by every side: no Node, DOM, Electron, React or storage imports.',
    },
    {
      group: ['**/renderer/**', '**/electron/**', '**/sync/**', '@renderer/*', '@sync/*'],
      message: 'shared/ must not import from other layers.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'release',
      'test-results',
      'playwright-report',
      '.data',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', rendererBoundary],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', sharedBoundary] },
  },
  // Formatting is Prettier's job (npm run format); this turns off the style rules that would fight it.
  eslintConfigPrettier,
);
