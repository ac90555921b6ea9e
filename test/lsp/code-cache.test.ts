/**
 * The server's start through V8's code cache (server/src/boot/code-cache.ts), over the real bundle
 * (dist/server.js → dist/server-main.js): the first start writes a private cache file named by the
 * bundle and the engine; the next start uses it (no rewrite) and publishes the same diagnostics; a
 * corrupt cache changes nothing the user sees and is replaced; `MIIT95_CODE_CACHE=off` writes nothing;
 * a cache written after an export (whose drawing worker sets a V8 flag for the process) is accepted.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import {
  bundleDigest,
  CODE_CACHE_WRITE_DELAY_MS,
  codeCacheFile,
  defaultCodeCacheDir,
} from '../../server/src/boot/code-cache';
import { EXPORT_METHOD, type ExportOutcome } from '../../server/src/editor-protocol';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, SERVER_BUNDLE } from './client';

/** A sample with findings, so that the diagnostics compared are not trivially empty. */
const SAMPLE = path.join(REPO_ROOT, 'samples', 'mistakes', 'missing-attachment.app95.yaml');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the bundled server with `env`, opens a sample, returns its first diagnostics, keeps it alive `aliveMs`. */
async function diagnosticsOnce(env: Record<string, string>, aliveMs: number): Promise<string[]> {
  const client = LspClient.start('stdio', env);
  try {
    await client.initialize({ locale: 'zh-cn' });
    const uri = fileUri(SAMPLE);
    const since = client.mark();
    await client.open(uri, readFileSync(SAMPLE, 'utf8'));
    const published = await client.waitForVersion(uri, 1, since);
    await sleep(aliveMs);
    return published.diagnostics.map(
      (d: Diagnostic) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`,
    );
  } finally {
    await client.stop();
  }
}

function cacheFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.cache'));
  } catch {
    return [];
  }
}

async function waitForCacheFile(dir: string, timeoutMs = 15000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [file] = cacheFiles(dir);
    if (file !== undefined) return path.join(dir, file);
    if (Date.now() > until) throw new Error(`no code cache written in ${dir}`);
    await sleep(100);
  }
}

describe('server start through the V8 code cache (dist/server.js)', function () {
  this.timeout(60000);
  let root: string | undefined;

  before(function () {
    assertBundleFresh(SERVER_BUNDLE);
    root = mkdtempSync(path.join(tmpdir(), 'miit95-code-cache-'));
  });
  after(function () {
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
  });

  it('writes a private cache after the first start, then starts from it with the same diagnostics', async function () {
    const dir = path.join(root!, 'first');
    const env = { MIIT95_CODE_CACHE_DIR: dir };
    const first = await diagnosticsOnce(env, CODE_CACHE_WRITE_DELAY_MS + 500);
    const file = await waitForCacheFile(dir);
    assert.match(path.basename(file), /^server-[0-9a-f]{24}-[\w.-]+\.cache$/);
    const bundle = readFileSync(path.join(REPO_ROOT, 'dist', 'server-main.js'));
    assert.equal(
      file,
      codeCacheFile(dir, 'server', bundleDigest(bundle)),
      'named by the bundle content and the engine',
    );
    assert.ok(statSync(file).size > 100_000, 'the cache holds the compiled bundle');
    if (process.platform !== 'win32') {
      assert.equal(statSync(file).mode & 0o777, 0o600, 'readable by the user only');
      assert.equal(statSync(dir).mode & 0o777, 0o700);
    }
    const written = statSync(file).mtimeMs;

    const second = await diagnosticsOnce(env, CODE_CACHE_WRITE_DELAY_MS + 500);
    assert.deepEqual(second, first, 'same diagnostics from the cached start');
    assert.ok(first.length > 0, 'the sample has findings to compare');
    assert.equal(statSync(file).mtimeMs, written, 'an accepted cache is not rewritten');
    assert.deepEqual(cacheFiles(dir), [path.basename(file)]);
  });

  it('accepts at the next start a cache written after an export (the drawing worker sets a V8 flag)', async function () {
    const dir = path.join(root!, 'after-export');
    const env = { MIIT95_CODE_CACHE_DIR: dir };
    const client = LspClient.start('stdio', env);
    try {
      await client.initialize({ locale: 'zh-cn' });
      const exported = await client.request<ExportOutcome>(EXPORT_METHOD, {
        uri: fileUri(path.join(REPO_ROOT, 'samples', 'complete', '杭州云声.app95.yaml')),
        outDir: path.join(root!, 'after-export-package'),
        trusted: true,
      });
      assert.equal(exported.status, 'written', JSON.stringify(exported));
      assert.deepEqual(cacheFiles(dir), [], 'the export (and its drawing) ended before the cache was written');
      await sleep(CODE_CACHE_WRITE_DELAY_MS + 500);
    } finally {
      await client.stop();
    }
    const file = await waitForCacheFile(dir);
    const written = statSync(file).mtimeMs;
    await diagnosticsOnce(env, CODE_CACHE_WRITE_DELAY_MS + 500);
    assert.equal(statSync(file).mtimeMs, written, 'the cache written after the drawing is accepted, not rewritten');
  });

  it('ignores a corrupt cache (same diagnostics) and replaces it', async function () {
    const dir = path.join(root!, 'corrupt');
    const env = { MIIT95_CODE_CACHE_DIR: dir };
    const reference = await diagnosticsOnce(env, CODE_CACHE_WRITE_DELAY_MS + 500);
    const file = await waitForCacheFile(dir);
    const garbage = Buffer.alloc(statSync(file).size, 0x5a);
    writeFileSync(file, garbage);
    const after = await diagnosticsOnce(env, CODE_CACHE_WRITE_DELAY_MS + 500);
    assert.deepEqual(after, reference);
    assert.notDeepEqual(readFileSync(file), garbage, 'the rejected cache was written again');
  });

  it('writes nothing when turned off', async function () {
    const dir = path.join(root!, 'off');
    const diagnostics = await diagnosticsOnce(
      { MIIT95_CODE_CACHE_DIR: dir, MIIT95_CODE_CACHE: 'off' },
      CODE_CACHE_WRITE_DELAY_MS + 500,
    );
    assert.ok(diagnostics.length > 0);
    assert.deepEqual(cacheFiles(dir), []);
  });

  it('names a per-user folder on each platform and a new file for a new bundle', function () {
    assert.equal(
      defaultCodeCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux'),
      path.join('/x/cache', 'miit95', 'code-cache'),
    );
    assert.ok(
      defaultCodeCacheDir({}, 'darwin').endsWith(path.join('Library', 'Caches', 'miit95', 'code-cache')),
    );
    assert.equal(
      defaultCodeCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32'),
      path.join('C:\\Users\\u\\AppData\\Local', 'miit95', 'code-cache'),
    );
    const a = codeCacheFile('/c', 'server', bundleDigest(Buffer.from('one build')));
    const b = codeCacheFile('/c', 'server', bundleDigest(Buffer.from('another build')));
    assert.notEqual(a, b);
  });
});
