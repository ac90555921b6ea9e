#!/usr/bin/env node
// The real-editor tests in one go: the mocha suite in the extension host (and its multi-root part,
// run-multiroot.mjs), then the UI smoke test, the quick-fix UI test, the fee preview UI test, the export
// UI test, the workspace check UI test, the form view UI test (Chinese and English) and the
// applications view UI test (English and Chinese).
// All run even when one fails; the exit code is non-zero if any failed.
// Expects the packaged extension, dist/miit95.vsix, which every run installs into code-server
// (npm run test:vscode packages it first; MIIT95_E2E_FROM=dev loads the unpacked build instead),
// and code-server installed (bash test/e2e/install-code-server.sh).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const results = [];
const scripts = [
  'run-vscode-tests.mjs',
  'ui-smoke.mjs',
  'ui-quickfix.mjs',
  'ui-fee-preview.mjs',
  'ui-export.mjs',
  'ui-workspace-check.mjs',
  'ui-form.mjs',
  'ui-form.mjs --lang en',
  'ui-portfolio.mjs',
  'ui-portfolio.mjs --lang zh',
  'run-multiroot.mjs',
];
for (const entry of scripts) {
  const [script, ...args] = entry.split(' ');
  const started = Date.now();
  console.log(`\n== ${entry}`);
  const r = spawnSync(process.execPath, [path.join(here, script), ...args], { stdio: 'inherit' });
  const code = r.status ?? 1;
  results.push({ script: entry, code, seconds: (Date.now() - started) / 1000 });
}
console.log('\n== real-editor tests');
for (const r of results)
  console.log(
    `${r.code === 0 ? 'PASS' : 'FAIL'}  ${r.script.padEnd(26)} exit ${r.code}  ${r.seconds.toFixed(1)} s`,
  );
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
