#!/usr/bin/env node
// Stand-in for @vscode/test-electron's runTests() on this machine: runs the mocha suite
// (dist/test/index.js, built from test/vscode/) inside a real VS Code extension host —
// code-server 4.100.3 driven by headless Debian Chromium — on a temporary copy of samples/.
// Exits with the suite's exit code (0 = all passed), 124 on the overall timeout.
//
//   node test/e2e/run-vscode-tests.mjs [--extensionTestsPath dist/test/index.js] [--workspace DIR] [--timeout MS]
//
// Env: MIIT95_E2E_TIMEOUT (ms, default 300000), MIIT95_E2E_PORT, MIIT95_E2E_KEEP=1 (keep scratch),
// MIIT95_E2E_VERBOSE=1 (code-server and browser console), MIIT95_MOCHA_GREP, MIIT95_CS_DIR.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format, parseArgs } from 'node:util';
import {
  copySamples,
  extensionDir,
  isNoise,
  launchBrowser,
  makeScratch,
  repoDir,
  runMain,
  startCodeServer,
  workbenchUrl,
} from './lib/harness.mjs';

const { values: opts } = parseArgs({
  options: {
    extensionTestsPath: { type: 'string', default: path.join(repoDir, 'dist', 'test', 'index.js') },
    workspace: { type: 'string' },
    timeout: { type: 'string', default: process.env.MIIT95_E2E_TIMEOUT ?? '300000' },
  },
});

runMain('run-vscode-tests', Number(opts.timeout), async (say) => {
  const testsPath = path.resolve(opts.extensionTestsPath);
  if (!fs.existsSync(testsPath)) throw new Error(`${testsPath} does not exist: run npm run build first`);
  if (!fs.existsSync(path.join(extensionDir, 'dist', 'extension.js')))
    throw new Error(`${extensionDir}/dist/extension.js does not exist: run npm run build first`);

  const scratch = makeScratch('mocha');
  const workspace = opts.workspace ? path.resolve(opts.workspace) : copySamples(scratch);
  const server = await startCodeServer({
    scratch,
    workspace,
    env: Object.fromEntries(
      ['MIIT95_MOCHA_GREP', 'MIIT95_MOCHA_TIMEOUT']
        .filter((k) => process.env[k])
        .map((k) => [k, process.env[k]]),
    ),
  });
  const { page } = await launchBrowser(scratch);

  // Exposed before navigation: the workbench calls these while and when the test runner settles.
  let resolveExit;
  const exited = new Promise((resolve) => (resolveExit = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = Array.isArray(args) ? format(...args) : String(args);
    if (isNoise(line)) return;
    (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
  });
  const closed = new Promise((_, reject) =>
    page.once('close', () => reject(new Error('the browser page closed before the tests finished'))),
  );
  closed.catch(() => undefined); // observed by the race below; never an unhandled rejection

  await page.goto(workbenchUrl(server, workspace, { extensionTestsPath: testsPath }));
  say(`workbench loading ${workspace}; waiting for the extension tests`);
  const exitCode = await Promise.race([exited, closed]);
  say(`extension tests finished with exit code ${exitCode}`);
  return exitCode;
});
