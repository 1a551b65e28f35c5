// Lint, including the rule that keeps the layers of ARCHITECTURE.md apart: an import that
// crosses a layer boundary fails `npm run lint` (and so `npm test`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { coreFolderOrder } from './scripts/lint/core-folder-order.mjs';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
// Node-only packages: never in shared/ or renderer/.
const nodeOnlyPackages = ['better-sqlite3', '@parcel/watcher', 'ws', 'ignore', '@vscode/ripgrep', 'picomatch', 'electron-builder'];

const noNode = [
  { name: 'electron', message: 'electron may only be imported in electron/main and electron/preload.' },
  ...nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not allowed in this layer (see ARCHITECTURE.md).' })),
  ...nodeOnlyPackages.map((name) => ({ name, message: 'Node-only packages are not allowed in this layer.' })),
];
const electronOnly = [{ name: 'electron', message: 'electron may only be imported in electron/main and electron/preload.' }];

// Patterns match the import specifier as written; relative imports reach other layers through `../`.
const toLayer = (...names) => `^(\\.\\./)+(?:electron/)?(${names.join('|')})(/|$)`;

export const layerRules = {
  shared: { paths: noNode, patterns: [{ regex: '(^|/)(electron|renderer)(/|$)', message: 'shared/ imports nothing from other layers.' }] },
  renderer: { paths: noNode, patterns: [{ regex: '(^|/)electron(/|$)', message: 'renderer/ talks to the backend only through the API client in shared/api.' }] },
  core: { paths: electronOnly, patterns: [{ regex: toLayer('renderer', 'main', 'preload', 'cli', 'web'), message: 'electron/core depends on shared/ only.' }] },
  nodeHosts: { paths: electronOnly, patterns: [{ regex: toLayer('renderer', 'main', 'preload'), message: 'cli/ and web/ build on core and shared only.' }] },
  electronShell: { paths: [], patterns: [{ regex: toLayer('renderer', 'cli', 'web'), message: 'electron/main and preload build on core and shared only.' }] },
};

// electron/core's folders, bottom first: each imports only from those before it. The Session
// (electron/core/*.ts) sits on top and composes them. See ARCHITECTURE.md.
export const coreOrder = ['storage', 'workspace', 'git', 'watch', 'specs', 'index', 'trace', 'evidence', 'api'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'tests/fixtures/**', 'resources/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', layerRules.shared] } },
  { files: ['renderer/src/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } }, rules: { 'no-restricted-imports': ['error', layerRules.renderer] } },
  {
    files: ['electron/core/**/*.ts'],
    plugins: { specdeck: { rules: { 'core-folder-order': coreFolderOrder } } },
    rules: { 'no-restricted-imports': ['error', layerRules.core], 'specdeck/core-folder-order': ['error', { order: coreOrder }] },
  },
  { files: ['electron/cli/**/*.ts', 'electron/web/**/*.ts'], rules: { 'no-restricted-imports': ['error', layerRules.nodeHosts] } },
  { files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'], rules: { 'no-restricted-imports': ['error', layerRules.electronShell] } },
);
