/**
 * Mocha root-hook plugin (`--require ./test/setup/no-network.ts`) for every node-side suite: installs
 * the network block (block-network.js) in the test process, passes it on to every node process the
 * tests spawn through NODE_OPTIONS (the language server, the CLI), and fails the run when anything,
 * here or in a child, tried to reach the network. Tests that provoke a blocked attempt on purpose
 * (the block's own self-check) use {@link expectBlocked}.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { attempts } from './block-network.js';

export const PRELOAD = path.join(__dirname, 'block-network.js');

/** The NODE_OPTIONS value that loads the block, appended to whatever was there. */
export function nodeOptionsWithBlock(existing: string | undefined = process.env['NODE_OPTIONS']): string {
  const flag = `--require ${JSON.stringify(PRELOAD)}`;
  if (existing !== undefined && existing.includes(PRELOAD)) return existing;
  return existing !== undefined && existing.trim() !== '' ? `${existing} ${flag}` : flag;
}

const logDir = mkdtempSync(path.join(tmpdir(), 'miit95-netlog-'));
/** Where blocked attempts of spawned processes are written, one line each. */
export const NETWORK_LOG = path.join(logDir, 'blocked.log');
appendFileSync(NETWORK_LOG, '');
process.env['NODE_OPTIONS'] = nodeOptionsWithBlock();
process.env['MIIT95_NETWORK_LOG'] = NETWORK_LOG;

/** Every blocked attempt so far: this process's and the spawned processes'. */
export function blockedAttempts(): string[] {
  let children: string[] = [];
  try {
    // This process logs its own attempts there too; they are counted from `attempts` instead.
    children = readFileSync(NETWORK_LOG, 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith(`${process.pid} `));
  } catch {
    // Removed after the run.
  }
  return [...attempts, ...children];
}

/**
 * Runs `provoke` (which must try the network in this process) and returns the attempts it made,
 * removing them from the record so the run's final check does not count them.
 */
export async function expectBlocked(provoke: () => Promise<void>): Promise<string[]> {
  const before = attempts.length;
  try {
    await provoke();
  } catch (error) {
    attempts.splice(before);
    throw error;
  }
  return attempts.splice(before);
}

export const mochaHooks = {
  afterAll(this: Mocha.Context): void {
    const seen = blockedAttempts();
    rmSync(logDir, { recursive: true, force: true });
    if (seen.length > 0)
      throw new Error(`network access was attempted during the tests (blocked):\n  ${seen.join('\n  ')}`);
  },
};
