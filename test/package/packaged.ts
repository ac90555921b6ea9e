/**
 * The packaging suite's one expensive step: `npm run package` (production build, `vsce package`, the CLI
 * tarball), run once per mocha process and shared by the suite's files. Returns where the artefacts are.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../lsp/client';

export interface Packaged {
  readonly vsix: string;
  readonly cliTarball: string;
  readonly version: string;
}

let done: Packaged | undefined;

export function packageOnce(): Packaged {
  if (done !== undefined) return done;
  const r = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  const version = (
    JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const vsix = path.join(REPO_ROOT, 'dist', 'miit95.vsix');
  const cliTarball = path.join(REPO_ROOT, 'dist', `miit95-${version}.tgz`);
  for (const f of [vsix, cliTarball])
    if (!existsSync(f)) throw new Error(`npm run package did not write ${f}`);
  done = { vsix, cliTarball, version };
  return done;
}
