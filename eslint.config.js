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

// Rooms inside the renderer (renderer/README.md): app → features → entities → shared rooms (components, hooks,
// data, i18n, platform). An import only points down; features never import each other; entities import only
// entities before them in ENTITY_ORDER (what a record refers to: a deal its account, a contract its deal), so
// no two can import each other. Imports are relative, so a pattern matches the path as written.
const UP = String.raw`^(@renderer/|(\.\./)+)`;
const ENTITY_ORDER = [
  'members',
  'settings',
  'plans',
  'history',
  'accounts',
  'contacts',
  'leads',
  'deals',
  'contracts',
  'tickets',
  'activities',
  'inbox',
  'sync',
];
// Shared rooms, top down: each may import only the rooms after it (components → hooks → data → platform → i18n).
const SHARED_ROOMS = ['components', 'hooks', 'data', 'platform', 'i18n'];
const noApp = {
  regex: `${UP}app(/|$)`,
  message: 'Only app/ composes the app: pass what you need down, or move it to a shared room.',
};
const noFeatures = {
  regex: `${UP}features(/|$)`,
  message:
    'Screens are imported by app/ only. A widget several screens show goes in entities/<kind>/.',
};
const noEntities = {
  regex: `${UP}entities(/|$)`,
  message: 'Shared rooms (components, hooks, data, i18n, platform) do not know record kinds.',
};
/** A feature file `depth` folders below features/<name>/ reaching a sibling feature (`../deals/…`). */
const noSiblingFeature = (depth) => ({
  regex: String.raw`^(\.\./){${depth}}[^./]`,
  message:
    'A feature does not import another feature: move what both need to entities/<kind>/ or a shared room.',
});
const noLaterEntities = (name) => {
  const later = ENTITY_ORDER.slice(ENTITY_ORDER.indexOf(name) + 1);
  if (later.length === 0) return [];
  return [
    {
      regex: String.raw`^(@renderer/entities/|(\.\./)+(entities/)?)(${later.join('|')})(/|$)`,
      message: `entities/${name} may import only the entities before it in ENTITY_ORDER (eslint.config.js).`,
    },
  ];
};
const noEarlierSharedRooms = (room) => {
  const earlier = SHARED_ROOMS.slice(0, SHARED_ROOMS.indexOf(room));
  if (earlier.length === 0) return [];
  return [
    {
      regex: `${UP}(${earlier.join('|')})(/|$)`,
      message: `${room}/ may import only the shared rooms after it: ${SHARED_ROOMS.join(' → ')} (eslint.config.js).`,
    },
  ];
};
const restrictRenderer = (...patterns) => [
  'error',
  { patterns: [...rendererBoundary.patterns, ...patterns] },
];
const rendererRooms = [
  ...SHARED_ROOMS.map((room) => ({
    files: [`renderer/src/${room}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': restrictRenderer(
        noApp,
        noFeatures,
        noEntities,
        ...noEarlierSharedRooms(room),
      ),
    },
  })),
  ...ENTITY_ORDER.map((name) => ({
    files: [`renderer/src/entities/${name}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': restrictRenderer(noApp, noFeatures, ...noLaterEntities(name)),
    },
  })),
  ...[1, 2, 3, 4].map((depth) => ({
    files: [`renderer/src/features/*/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': restrictRenderer(noApp, noFeatures, noSiblingFeature(depth)),
    },
  })),
];

const sharedBoundary = {
  patterns: [
    {
      group: ['node:*', 'electron', 'electron/*', 'react', 'react-dom', 'rxdb', 'rxdb/*', 'dexie'],
      message:
        'shared/ is pure TypeScript used by every side: no Node, DOM, Electron, React or storage imports.',
    },
    {
      // '../sync/*' is shared/sync (contracts and scope, part of shared): rules may read who sees what.
      group: [
        '**/renderer/**',
        '**/electron/**',
        '**/sync/**',
        '!../sync/*',
        '@renderer/*',
        '@sync/*',
      ],
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
  ...rendererRooms,
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', sharedBoundary] },
  },
  // test/support (factories) serves shared/'s tests only; the code every side ships never needs it.
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...sharedBoundary.patterns,
            {
              group: ['**/test/**'],
              message: 'Only tests (*.test.ts) in shared/ use test/support.',
            },
          ],
        },
      ],
    },
  },
  // Formatting is Prettier's job (npm run format); this turns off the style rules that would fight it.
  eslintConfigPrettier,
);
