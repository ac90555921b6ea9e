// Bundles the extension client, the language server, the CLI and the VS Code test suite into dist/,
// and writes the third-party notices of what the extension and the CLI bundle (scripts/third-party-notices.mjs).
// `--production` (vscode:prepublish, npm run package) minifies and leaves the source maps out.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledPackages, expandLegalPointers, legalCommentBlocks, renderNotices } from './scripts/third-party-notices.mjs';

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
  // Licence comments go to <bundle>.LEGAL.txt, folded into the notices below (and removed).
  legalComments: 'external',
  metafile: true,
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
      for (const entry of Object.keys(build.initialOptions.entryPoints)) {
        const file = join(build.initialOptions.outdir, `${entry}.js`);
        const text = readFileSync(file, 'utf8');
        const escaped = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
        if (escaped !== text) writeFileSync(file, escaped);
      }
    });
  },
};

/**
 * Node built-ins that the LSP library requires when it loads but uses only on rare paths
 * (child_process to find global node modules, crypto for pipe names): a proxy that loads the
 * built-in on first use, which saves ~10 ms at every server start.
 */
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: /^(node:)?(child_process|crypto)$/ }, (args) =>
      args.namespace === 'lazy-builtin' ? undefined : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      loader: 'js',
      contents: `let loaded;
const load = () => (loaded ??= require('node:${args.path}'));
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => {
    const d = Object.getOwnPropertyDescriptor(load(), key);
    return d === undefined ? undefined : { ...d, configurable: true };
  },
});
`,
    }));
  },
};

/** The server bundle; built first, so that its start file can carry its digest. */
const serverMain = {
  ...common,
  entryPoints: { 'server-main': 'server/src/server.ts' },
  outdir: 'dist',
  // Whitespace and syntax are minified (names are kept for profiles and stack traces): less to read
  // at every start.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [asciiOnly, lazyBuiltins],
};

/**
 * A start file that runs `bundle` through V8's code cache (server/src/boot/code-cache.ts). Outside
 * watch mode it carries the bundle's SHA-256 as `digestName`, so that the start does not hash the
 * bundle (nor load node:crypto).
 */
function startFile(name, source, bundle, digestName, extra = {}) {
  const digest = watch ? undefined : createHash('sha256').update(readFileSync(bundle)).digest('hex');
  return {
    ...common,
    entryPoints: { [name]: source },
    outdir: 'dist',
    ...extra,
    define: { ...common.define, ...(digest ? { [digestName]: JSON.stringify(digest) } : {}) },
  };
}

/** The server's start file (dist/server.js), running dist/server-main.js. */
const serverBoot = () => startFile('server', 'server/src/server-boot.ts', 'dist/server-main.js', 'MIIT95_SERVER_MAIN_DIGEST');

/**
 * The CLI bundle, run by its start file (dist/cli.js) through V8's code cache like the server's
 * (server/src/cli-boot.ts): whitespace- and syntax-minified (names kept outside production builds), ASCII-only.
 */
const cliMain = {
  ...common,
  entryPoints: { 'cli-main': 'server/src/cli.ts' },
  outdir: 'dist',
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [asciiOnly],
};

/** The CLI's start file (dist/cli.js, with the shebang), running dist/cli-main.js. */
const cliBoot = () =>
  startFile('cli', 'server/src/cli-boot.ts', 'dist/cli-main.js', 'MIIT95_CLI_MAIN_DIGEST', {
    banner: { js: '#!/usr/bin/env node' },
  });

/** The bundles of the CLI package (scripts/pack-cli.mjs copies them). */
const CLI_BUNDLES = ['dist/cli.js', 'dist/cli-main.js', 'dist/portfolio-worker.js', 'dist/diagram-raster-worker.js'];

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  // The export's render step (docx, diagram layout, SVG, package writer; none of the rules): loaded by
  // the language server on the first `miit95/export` only (server/src/node/export/load-render.ts).
  { ...common, entryPoints: { 'export-render': 'server/src/node/export/render-package.ts' }, outdir: 'dist' },
  // The worker that draws 网络组织方案图.png with resvg (dist/resvg.wasm, copied below), started by the export.
  // `Request` and `Response` read as undefined in it: resvg's loader only tests them (`typeof`) to
  // accept a fetch response, and reading them in Node loads undici (~20 ms at every worker start).
  {
    ...common,
    entryPoints: { 'diagram-raster-worker': 'server/src/node/export/diagram-raster-worker.ts' },
    outdir: 'dist',
    external: ['@resvg/resvg-wasm/index_bg.wasm'],
    define: { ...common.define, Request: 'undefined', Response: 'undefined' },
  },
  // The portfolio's worker thread (issue 15), started by the CLI and by the server's background check.
  { ...common, entryPoints: { 'portfolio-worker': 'server/src/host/portfolio/worker.ts' }, outdir: 'dist' },
  // Fee preview webview: script and its imported stylesheet (dist/webview/fee-preview.{js,css}), for the browser.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: { 'fee-preview': 'client/webview/fee-preview.ts' }, outdir: 'dist/webview' },
  // Form view webview (issue 14): dist/webview/form.{js,css}, for the browser.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: { form: 'client/webview/form.ts' }, outdir: 'dist/webview' },
];
// resvg's WebAssembly module, beside the worker that loads it.
mkdirSync('dist', { recursive: true });
copyFileSync('node_modules/@resvg/resvg-wasm/index_bg.wasm', 'dist/resvg.wasm');

const testEntries = vscodeTestEntries();
if (testEntries.length > 0) {
  // The in-editor suite is never shipped: readable (not minified), with source maps, in every build.
  builds.push({ ...common, minify: false, sourcemap: true, entryPoints: testEntries, outdir: 'dist/test', outbase: 'test/vscode', external: ['vscode', 'mocha'] });
}

if (watch) {
  const contexts = await Promise.all([serverMain, serverBoot(), cliMain, cliBoot(), ...builds].map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  const [serverResults, cliResults, ...results] = await Promise.all([
    esbuild.build(serverMain).then(async (main) => [main, await esbuild.build(serverBoot())]),
    esbuild.build(cliMain).then(async (main) => [main, await esbuild.build(cliBoot())]),
    ...builds.map((b) => esbuild.build(b)),
  ]);
  const all = [...serverResults, ...cliResults, ...results];
  const writes = (r, test) => Object.keys(r.metafile.outputs).some(test);
  // The extension ships every bundle but the suite's (the CLI's too: its workspace check task runs dist/cli.js).
  const shipped = all.filter((r) => !writes(r, (o) => o.startsWith('dist/test/')));
  // The CLI package: the CLI and the worker thread it starts (scripts/pack-cli.mjs).
  const cli = all.filter((r) => writes(r, (o) => CLI_BUNDLES.includes(o)));
  writeNotices('dist/THIRD-PARTY-NOTICES.txt', 'the miit95 VS Code extension', shipped);
  writeNotices('dist/cli/THIRD-PARTY-NOTICES.txt', 'the miit95 command-line tool', cli);
  writeFileSync('dist/cli/metafile.json', JSON.stringify(cli.map((r) => r.metafile)));
  // Folded into the notices: the bundles' *.LEGAL.txt files are not shipped.
  for (const r of all)
    for (const f of Object.keys(r.metafile.outputs)) if (f.endsWith('.LEGAL.txt')) rmSync(f, { force: true });
  writeFileSync('dist/extension-metafiles.json', JSON.stringify(shipped.map((r) => r.metafile)));
  // A production build has no source maps: remove those a development build left behind (not the suite's).
  if (production)
    for (const f of readdirSync('dist', { recursive: true }))
      if (String(f).endsWith('.map') && !String(f).startsWith('test')) rmSync(join('dist', String(f)));
  // The test bundles' licence comments are not shipped.
  for (const f of existsSync('dist/test') ? readdirSync('dist/test', { recursive: true }) : [])
    if (String(f).endsWith('.LEGAL.txt')) rmSync(join('dist/test', String(f)));
}

/** Writes the notices for the bundles of `results` (their metafiles and *.LEGAL.txt files). */
function writeNotices(file, product, results) {
  const legalFiles = results.flatMap((r) => Object.keys(r.metafile.outputs)).filter((f) => f.endsWith('.LEGAL.txt'));
  const metafiles = results.map((r) => r.metafile);
  const legal = expandLegalPointers(legalCommentBlocks(legalFiles.map((f) => readFileSync(f, 'utf8'))), metafiles, '.');
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, renderNotices(product, bundledPackages(metafiles, '.'), legal));
}
