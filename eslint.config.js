// Lint rules, including the boundary between the pure core and the UI: src/model, src/vtl, src/export,
// src/import, src/layout, src/emulator and src/cli never import React, zustand, Monaco, React Flow or UI folders.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const UI_PACKAGES = ['react', 'react-dom', 'react-dom/*', 'react/*', 'zustand', 'zustand/*', 'monaco-editor', 'monaco-editor/*', '@xyflow/react', '@xyflow/*']
// Relative imports only (a regex, so `monaco-editor/editor/…` is not mistaken for the UI folder `src/editor`).
const folders = (names) => ({ regex: `^\\.{1,2}/(.*/)?(${names.join('|')})(/|$)` })
const UI_FOLDERS = folders(['components', 'store', 'app', 'editor', 'actions'])
const PURE_CORE_IMPORTS = {
  paths: UI_PACKAGES.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'The pure core must not depend on UI libraries.', allowTypeImports: true })),
  patterns: [
    { group: UI_PACKAGES.filter((p) => p.includes('*')), message: 'The pure core must not depend on UI libraries.', allowTypeImports: true },
    { ...UI_FOLDERS, message: 'The pure core must not import UI folders.' },
  ],
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.venv/**', 'test-results/**', 'playwright-report/**', '**/__golden__/**', '**/__generated__/**', 'cdk.out*/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // CommonJS scripts (scripts/cli.cjs is CommonJS for a faster start; see its header).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The pure core: runs in node, a web worker and the CLI.
    files: ['src/model/**', 'src/vtl/**', 'src/export/**', 'src/import/**', 'src/cli/**', 'src/layout/**', 'src/emulator/**', 'src/asyncapi/**', 'src/checks/**'],
    // Tests are not shipped: they may drive Monaco (tokenizer tests) or node APIs.
    ignores: ['**/*.test.ts', '**/__fixtures__/**'],
    rules: {
      'no-restricted-imports': ['error', PURE_CORE_IMPORTS],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator'],
    },
  },
  {
    // The emulator core is shared by `serve` and the browser's Live panel: no Node APIs either (src/emulator-node has them).
    files: ['src/emulator/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { ...PURE_CORE_IMPORTS, patterns: [...PURE_CORE_IMPORTS.patterns, { regex: '^node:', message: 'The emulator core runs in the browser too: Node APIs belong in src/emulator-node.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    // A CLI call loads only what its verb needs: command modules load the core inside `run` with `await import()`
    // (esbuild puts each verb's code in its own chunk), so `--help` or `render` never load the exporters.
    files: ['src/cli/commands/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...PURE_CORE_IMPORTS,
          patterns: [
            ...PURE_CORE_IMPORTS.patterns,
            {
              regex: '^\\.\\./\\.\\./',
              message: 'Load the core lazily inside run(): `const { x } = await import(\'../../…\')` (type imports are fine).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // The model is the bottom layer: it imports nothing else from src/.
    files: ['src/model/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: UI_PACKAGES.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'src/model is pure.' })),
          patterns: [
            { group: UI_PACKAGES.filter((p) => p.includes('*')), message: 'src/model is pure.' },
            { ...folders(['export', 'vtl', 'import', 'cli', 'layout', 'components', 'store', 'app', 'editor', 'actions']), message: 'src/model must not import other src/ folders.' },
          ],
        },
      ],
    },
  },
)
