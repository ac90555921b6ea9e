// Bundles the extension client, the language server, the CLI and the VS Code test suite into dist/.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
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

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' },
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
