#!/usr/bin/env node
// Packs the command-line tool as its own npm package, dist/miit95-<version>.tgz, from a built dist/cli.js
// (npm run package builds it first, in production mode). The package holds a minimal package.json with
// the `miit95` bin and no dependencies (everything is bundled), the CLI bundle, the rule pages its SARIF
// output links to (docs/rules/), the CLI's README, the licence and the CLI's third-party notices.
// Install: `npm install -g ./dist/miit95-<version>.tgz` (Node ≥ 20), or `npx ./dist/miit95-<version>.tgz check …`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = (...p) => path.join(root, ...p);
const fail = (message) => {
  console.error(`pack-cli: ${message}`);
  process.exit(1);
};

/**
 * The CLI (its start file and the bundle it runs through V8's code cache), the worker thread it starts for
 * folder-wide checks, and the export's PNG worker with resvg's WebAssembly.
 */
const BUNDLES = ['cli.js', 'cli-main.js', 'portfolio-worker.js', 'diagram-raster-worker.js', 'resvg.wasm'];

for (const f of [...BUNDLES.map((b) => `dist/${b}`), 'dist/cli/THIRD-PARTY-NOTICES.txt'])
  if (!existsSync(from(f))) fail(`${f} is missing: run npm run build first`);

const manifest = JSON.parse(readFileSync(from('package.json'), 'utf8'));
const stage = from('dist', 'cli-package');
rmSync(stage, { recursive: true, force: true });
mkdirSync(path.join(stage, 'dist'), { recursive: true });

const cliManifest = {
  name: 'miit95',
  version: manifest.version,
  description:
    '95 号码申请材料的命令行检查、修复、费用预览与导出 / Check, fix, price and export applications to MIIT for a 95 call-centre number',
  license: manifest.license,
  keywords: manifest.keywords,
  repository: manifest.repository,
  bugs: manifest.bugs,
  homepage: manifest.homepage,
  bin: { miit95: 'dist/cli.js' },
  engines: { node: manifest.engines.node },
  files: [
    ...BUNDLES.map((b) => `dist/${b}`),
    'docs/rules/',
    'README.md',
    'LICENSE',
    'THIRD-PARTY-NOTICES.txt',
  ],
};
writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(cliManifest, null, 2)}\n`);
for (const b of BUNDLES) cpSync(from('dist', b), path.join(stage, 'dist', b));
cpSync(from('docs', 'rules'), path.join(stage, 'docs', 'rules'), { recursive: true });
cpSync(from('docs', 'cli-package-README.md'), path.join(stage, 'README.md'));
cpSync(from('LICENSE'), path.join(stage, 'LICENSE'));
cpSync(from('dist', 'cli', 'THIRD-PARTY-NOTICES.txt'), path.join(stage, 'THIRD-PARTY-NOTICES.txt'));

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['pack', '--json', '--pack-destination', from('dist')], {
  cwd: stage,
  encoding: 'utf8',
  env: {
    ...process.env,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  },
});
if (r.status !== 0) fail(`npm pack failed (exit ${r.status}):\n${r.stderr}`);
const [packed] = JSON.parse(r.stdout);
rmSync(stage, { recursive: true, force: true });
console.log(
  `pack-cli: wrote dist/${packed.filename} (${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} KiB)`,
);
