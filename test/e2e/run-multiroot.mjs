#!/usr/bin/env node
// The multi-root part of the real-editor suite: builds a `.code-workspace` with two folders, 甲 and
// 乙 (each a copy of samples/mistakes), whose `.vscode/settings.json` set `miit95.rules` differently
// (R-COVERAGE-004: error in 甲, off in 乙), and runs the suite's "multi-root" tests
// (test/vscode/multi-root.test.ts) in code-server on that workspace through run-vscode-tests.mjs.
// Exits with that run's exit code.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'miit95-e2e-multiroot-'));
let code = 1;
try {
  const folders = { 甲: 'error', 乙: 'off' };
  for (const [name, severity] of Object.entries(folders)) {
    const dir = path.join(scratch, name);
    fs.cpSync(path.join(repo, 'samples', 'mistakes'), dir, { recursive: true });
    fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, '.vscode', 'settings.json'),
      JSON.stringify({ 'miit95.rules': { 'R-COVERAGE-004': severity } }, null, 2),
    );
  }
  const workspaceFile = path.join(scratch, 'two-folders.code-workspace');
  fs.writeFileSync(
    workspaceFile,
    JSON.stringify({ folders: Object.keys(folders).map((name) => ({ path: name })), settings: {} }, null, 2),
  );
  const r = spawnSync(
    process.execPath,
    [path.join(here, 'run-vscode-tests.mjs'), '--workspace', workspaceFile],
    {
      stdio: 'inherit',
      env: { ...process.env, MIIT95_MOCHA_GREP: 'multi-root' },
    },
  );
  code = r.status ?? 1;
} finally {
  if (process.env.MIIT95_E2E_KEEP === '1') console.log(`kept ${scratch}`);
  else fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
}
process.exit(code);
