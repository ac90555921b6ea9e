// Lint: typescript-eslint type-checked rules, core purity, the layers and no import loops
// (eslint-rules/), no console in the server, no eval anywhere.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import miit95 from './eslint-rules/index.mjs';

/**
 * The layers (docs/ARCHITECTURE.md): each may import itself and the layers it lists, type imports
 * included. The first layer whose path holds a file is its layer.
 */
export const LAYERS = [
  // The pure core: text and configuration in, data out.
  { name: 'core', paths: ['server/src/core'], mayImport: [] },
  // Node-side adapters: the file system (probe, config files, discovery, reading), export rendering.
  { name: 'node', paths: ['server/src/node'], mayImport: ['core'] },
  // The host: one way to validate a file in its context (configuration, overrides, probe, clock).
  { name: 'host', paths: ['server/src/host'], mayImport: ['core', 'node'] },
  // The one protocol module of the client and the server.
  { name: 'protocol', paths: ['server/src/editor-protocol.ts'], mayImport: ['core'] },
  // LSP plumbing: analysis cache, diagnostics scheduler, configuration sync, crash guard, session.
  { name: 'lsp', paths: ['server/src/lsp'], mayImport: ['core', 'node', 'host', 'protocol'] },
  // The server's request handlers.
  { name: 'handlers', paths: ['server/src/handlers'], mayImport: ['core', 'node', 'host', 'lsp', 'protocol'] },
  // The command line.
  { name: 'cli', paths: ['server/src/cli'], mayImport: ['core', 'node', 'host'] },
  // The server's start through V8's code cache: nothing of the rest.
  { name: 'boot', paths: ['server/src/boot'], mayImport: [] },
  // Entry points wire everything.
  {
    name: 'entry',
    paths: ['server/src/server.ts', 'server/src/server-boot.ts', 'server/src/cli.ts'],
    mayImport: ['core', 'node', 'host', 'protocol', 'lsp', 'handlers', 'cli', 'boot'],
  },
  // The extension and its webviews: the protocol module only.
  { name: 'client', paths: ['client'], mayImport: ['protocol'] },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', '.cache/**', '.e2e/**', 'test-results/**', 'bench/scratch/**', '.scratch/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['server/src/**/*.ts', 'client/**/*.ts'],
    plugins: { miit95 },
    rules: {
      'miit95/layers': ['error', { root: import.meta.dirname, layers: LAYERS }],
      'miit95/no-cycle': 'error',
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['server/src/cli.ts', 'server/src/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // The core is pure: text and configuration in, data out.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'node:path', 'child_process', 'node:child_process', 'process', 'node:process', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https', 'os', 'node:os'],
          patterns: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require'],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
