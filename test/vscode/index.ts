/**
 * The extensionTestsPath entry (same contract as @vscode/test-electron): runs every compiled
 * `*.test.js` next to this file in dist/test/ with mocha inside the extension host.
 * mocha is external in the bundle, so it resolves from the extension's node_modules.
 * Environment: MIIT95_MOCHA_GREP (only tests matching), MIIT95_MOCHA_TIMEOUT (ms per test).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env.MIIT95_MOCHA_TIMEOUT ?? 60_000),
    ...(process.env.MIIT95_MOCHA_GREP ? { grep: process.env.MIIT95_MOCHA_GREP } : {}),
  });
  const files = fs
    .readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(__dirname, f));
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files in ${__dirname}`));
  for (const f of files) mocha.addFile(f);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
  });
}
