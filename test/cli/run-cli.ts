/**
 * Runs the bundled CLI (dist/cli.js) in a child process for the CLI suites: its exit status and
 * its whole stdout and stderr.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from '../lsp/client';

/** The bundle the CLI suites exercise. */
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `node dist/cli.js ...args` in `cwd`, with extra environment variables if given; `timeoutMs` bounds it (20 s unless told). */
export function runCli(
  args: readonly string[],
  cwd: string | undefined,
  timeoutMs = 20_000,
  env?: Readonly<Record<string, string>>,
): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    ...(env === undefined ? {} : { env: { ...process.env, ...env } }),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
