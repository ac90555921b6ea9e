// Bundles the extension client, the language server, the CLI and the VS Code test suite into dist/.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `npm run build` regenerates the standalone schema validators just before (prebuild) and says so:
// the bundles then skip fingerprinting the schemas at startup (server/src/core/schema/build-stamp.ts).
const validatorsCurrent = !watch && process.argv.includes('--validators-current');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  ...(validatorsCurrent ? { define: { MIIT95_VALIDATORS_CURRENT: 'true' } } : {}),
};

/** Every `*.test.ts` under test/vscode, bundled one file each so mocha can require them in the extension host. */
function vscodeTestEntries() {
  const dir = 'test/vscode';
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts')) out.push(p);
    }
  };
  try { walk(dir); } catch { /* no suite yet */ }
  return out;
}

/**
 * Escapes the non-ASCII characters esbuild leaves in regular expression literals (\uXXXX means the
 * same there, in `u` mode too): an ASCII file is read and compiled by V8 as a one-byte string.
 */
const asciiOnly = {
  name: 'ascii-only',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      const file = join(build.initialOptions.outdir, 'server-main.js');
      const text = readFileSync(file, 'utf8');
      const escaped = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      if (escaped !== text) writeFileSync(file, escaped);
    });
  },
};

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  // The server bundle (dist/server-main.js) and its start file (dist/server.js), which runs the bundle
  // through V8's code cache (server/src/boot/code-cache.ts). Whitespace and syntax are minified (names
  // are kept for profiles and stack traces): less to read and hash at every start.
  {
    ...common,
    entryPoints: { 'server-main': 'server/src/server.ts' },
    outdir: 'dist',
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [asciiOnly],
  },
  { ...common, entryPoints: { server: 'server/src/server-boot.ts' }, outdir: 'dist' },
  // The editor's export (core, docx, diagram layout): loaded by the extension on the first export only.
  { ...common, entryPoints: { 'editor-export': 'server/src/node/export/editor-export.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // Fee preview webview: script and its imported stylesheet (dist/webview/fee-preview.{js,css}), for the browser.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: { 'fee-preview': 'client/webview/fee-preview.ts' }, outdir: 'dist/webview' },
];
const testEntries = vscodeTestEntries();
if (testEntries.length > 0) {
  builds.push({ ...common, entryPoints: testEntries, outdir: 'dist/test', outbase: 'test/vscode', external: ['vscode', 'mocha'] });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
