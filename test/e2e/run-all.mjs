#!/usr/bin/env node
// The real-editor tests in one go: the mocha suite in the extension host, then the UI smoke test,
// the quick-fix UI test, the fee preview UI test, the workspace check UI test and the form view UI
// test (Chinese and English).
// All run even when one fails; the exit code is non-zero if any failed.
// Expects a fresh build (npm run test:vscode builds first) and code-server installed
// (bash test/e2e/install-code-server.sh).
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
  'ui-workspace-check.mjs',
  'ui-form.mjs',
  'ui-form.mjs --lang en',
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
