/**
 * The CLI's start through V8's code cache (server/src/cli-boot.ts → boot/code-cache.ts), over the
 * real bundle (dist/cli.js → dist/cli-main.js): a command's first run writes a private cache of its
 * own as it exits, named by the command, the bundle and the engine; the next run of the command
 * uses it (not rewritten — also after an export, whose drawing worker sets a V8 flag in the
 * process) with the same output; a corrupt cache changes nothing the user sees and is replaced;
 * `MIIT95_CODE_CACHE=off` writes nothing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { bundleDigest, codeCacheFile } from '../../server/src/boot/code-cache';
import { assertBundleFresh, REPO_ROOT } from '../lsp/client';
import { CLI, type CliRun } from './run-cli';

const PACKAGE = '杭州云声-申报材料';

describe('cli: the start through the V8 code cache (dist/cli.js → dist/cli-main.js)', function () {
  this.timeout(60_000);
  let work: string;
  let cacheDir: string;

  const run = (args: readonly string[], env: Record<string, string> = {}): CliRun => {
    const r = spawnSync(process.execPath, [CLI, ...args], {
      cwd: work,
      encoding: 'utf8',
      timeout: 50_000,
      env: { ...process.env, MIIT95_CODE_CACHE_DIR: cacheDir, ...env },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const cacheFiles = (): string[] => {
    try {
      return readdirSync(cacheDir).sort();
    } catch {
      return [];
    }
  };
  const exportArgs = ['export', 'samples/complete/杭州云声.app95.yaml', '--out', 'out', '--force', '--today', '2026-11-28'];
  /** The package's drawing, which depends on nothing but the application (the Word files carry the export time). */
  const drawing = (): Buffer[] =>
    ['网络组织方案图.svg', '网络组织方案图.png'].map((f) => readFileSync(path.join(work, 'out', PACKAGE, f)));

  before(function () {
    assertBundleFresh(CLI);
  });
  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'miit95-cli-cache-'));
    cacheDir = path.join(work, 'code-cache');
    cpSync(path.join(REPO_ROOT, 'samples'), path.join(work, 'samples'), { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it("writes the export's own private cache as its first run exits, and runs the next export from it", function () {
    const first = run(exportArgs);
    assert.equal(first.status, 0, first.stderr);
    const digest = bundleDigest(readFileSync(path.join(REPO_ROOT, 'dist', 'cli-main.js')));
    const file = codeCacheFile(cacheDir, 'cli_export', digest);
    assert.deepEqual(cacheFiles(), [path.basename(file)], 'named by the command, the bundle and the engine');
    assert.ok(statSync(file).size > 100_000, 'the cache holds the compiled bundle');
    if (process.platform !== 'win32') {
      assert.equal(statSync(file).mode & 0o777, 0o600, 'readable by the user only');
      assert.equal(statSync(cacheDir).mode & 0o777, 0o700);
    }
    const written = statSync(file).mtimeMs;
    const drawn = drawing();

    const second = run(exportArgs);
    assert.equal(second.status, 0, second.stderr);
    assert.equal(second.stdout, first.stdout);
    assert.deepEqual(drawing(), drawn, 'the same drawing from the cached start');
    assert.equal(statSync(file).mtimeMs, written, 'the cache written after the drawing is accepted, not rewritten');
  });

  it('keeps one cache per command, and one for help and version', function () {
    assert.equal(run(['--version']).status, 0);
    const check = run(['check', 'samples/complete/杭州云声.app95.yaml', '--today', '2026-11-28']);
    assert.equal(check.status, 0, check.stderr);
    assert.deepEqual(
      cacheFiles().map((f) => f.split('-')[0]),
      ['cli', 'cli_check'],
    );
  });

  it('ignores a corrupt cache (same output) and replaces it', function () {
    const args = ['check', 'samples/mistakes', '--today', '2026-11-28'];
    const reference = run(args);
    assert.equal(reference.status, 1, 'the mistakes have errors to report');
    const [name] = cacheFiles();
    assert.ok(name !== undefined);
    const file = path.join(cacheDir, name);
    const garbage = Buffer.alloc(statSync(file).size, 0x5a);
    writeFileSync(file, garbage);
    const after = run(args);
    assert.deepEqual(after, reference);
    assert.notDeepEqual(readFileSync(file), garbage, 'the rejected cache was written again');
  });

  it('writes nothing when turned off', function () {
    const r = run(['check', 'samples/complete/杭州云声.app95.yaml', '--today', '2026-11-28'], { MIIT95_CODE_CACHE: 'off' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(cacheFiles(), []);
  });
});
