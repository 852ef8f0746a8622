// @ts-check
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The import directions of docs/architecture.md, as lint rules: the folder a file lives in
 * says where it runs, and so what it may import.
 */
const nodeBuiltins = { group: ['node:*'], message: 'Only electron/ code runs in Node.' }
const electronPkg = {
  name: 'electron',
  message: 'Only electron/main and electron/preload import electron (see docs/architecture.md).',
}
const electronStore = {
  name: 'electron-store',
  message: 'Only electron/main/adapters imports electron-store; core uses a KeyValueStore.',
}
const noElectronDirs = {
  group: ['**/electron/**', '../electron/*'],
  message: 'This layer may not import electron/.',
}
const noRenderer = { group: ['**/renderer/**'], message: 'Only the renderer imports renderer/.' }
const noVue = { name: 'vue', message: 'Only the renderer uses Vue.' }

/** @param {any[]} paths @param {any[]} patterns */
const restrict = (paths, patterns) => ({ 'no-restricted-imports': ['error', { paths, patterns }] })

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'coverage/**',
      'vendor/sandbox-libraries/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    // Plain JS entry points (bin/, scripts/, config) run in Node.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser }, globals: globals.browser },
    // vue-tsc checks names in .vue files, as tsc does for .ts (where typescript-eslint turns this off).
    rules: { 'no-undef': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/no-v-html': 'error',
    },
  },
  {
    files: ['shared/**'],
    rules: restrict(
      [
        electronPkg,
        electronStore,
        noVue,
        { name: 'axios', message: 'shared/ is pure: no I/O libraries.' },
      ],
      [
        nodeBuiltins,
        noElectronDirs,
        noRenderer,
        { group: ['fs', 'path', 'http', 'https', 'os'], message: 'shared/ is pure.' },
      ],
    ),
  },
  {
    files: ['electron/core/**'],
    rules: restrict(
      [electronPkg, electronStore, noVue],
      [
        noRenderer,
        {
          group: ['**/main/**', '**/preload/**', '**/cli/**', '**/web/**'],
          message: 'core/ is imported by the shells, never the reverse.',
        },
      ],
    ),
  },
  {
    files: ['electron/main/**'],
    ignores: ['electron/main/adapters/**'],
    rules: restrict(
      [electronStore, noVue],
      [
        noRenderer,
        { group: ['**/cli/**', '**/web/**', '**/preload/**'], message: 'main/ wires core/ only.' },
      ],
    ),
  },
  {
    files: ['electron/preload/**'],
    rules: restrict(
      [electronStore, noVue],
      [
        noRenderer,
        nodeBuiltins,
        {
          group: ['**/core/**', '**/main/**'],
          message: 'The preload only bridges; it imports electron and shared types.',
        },
      ],
    ),
  },
  {
    files: ['electron/cli/**', 'electron/web/**'],
    rules: restrict(
      [electronPkg, electronStore, noVue],
      [
        noRenderer,
        {
          group: ['**/main/**', '**/preload/**'],
          message: 'cli/ and web/ run on core/, without Electron.',
        },
      ],
    ),
  },
  {
    files: ['renderer/**'],
    rules: restrict(
      [
        electronPkg,
        electronStore,
        { name: 'axios', message: 'The renderer sends through api/, never directly.' },
      ],
      [nodeBuiltins, noElectronDirs],
    ),
  },
  prettier,
)
