/**
 * Writes the standalone (precompiled) schema validators to server/src/core/schema/generated/, so
 * that the server and the CLI start without compiling the schemas. Run before the bundle is built
 * (`npm run gen:validators`); `--check` only reports whether the files are current (exit 1 if not).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { standaloneValidatorFiles } from '../server/src/core/schema/standalone';

const dir = path.resolve(__dirname, '..', 'server', 'src', 'core', 'schema', 'generated');
const check = process.argv.includes('--check');
let stale = 0;
mkdirSync(dir, { recursive: true });
for (const file of standaloneValidatorFiles()) {
  const target = path.join(dir, file.name);
  let current: string | undefined;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === file.content) continue;
  stale++;
  if (check) console.error(`stale: ${path.relative(process.cwd(), target)}`);
  else writeFileSync(target, file.content);
}
if (check && stale > 0) process.exitCode = 1;
else if (!check && stale > 0) console.log(`gen:validators: wrote ${stale} file(s)`);
