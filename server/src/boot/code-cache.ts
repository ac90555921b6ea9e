/**
 * Starts a bundled CommonJS entry (dist/server-main.js, dist/cli-main.js) from V8's code cache: the
 * bundle's bytecode, saved once after a start, is handed back to V8 at the next start, so the
 * bundle (~1.7 MB, the CLI's ~3 MB) is not parsed and compiled again and the functions the first run
 * needed (the server's first validation, the CLI command's run) are already compiled.
 * Owns only loading, the cache file's name and place, and writing it; knows nothing of LSP.
 *
 * The cache file is named by the bundle's SHA-256 (computed at build time and passed in; hashed here
 * when not, as in watch builds), the V8 version and the architecture, so a new build or another
 * Node/Electron never reads a stale one (V8 also rejects data that does not match
 * its version or flags; a rejected or unreadable cache just means a normal compile). It lives in a
 * per-user folder: `MIIT95_CODE_CACHE_DIR` (the extension passes its global storage), else the
 * system's user cache folder. `MIIT95_CODE_CACHE=off` turns it off. Any failure here falls back to a
 * plain start; the server never depends on the cache.
 */
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';

/** How long after the start the cache is written: by then the first validation has usually run. */
export const CODE_CACHE_WRITE_DELAY_MS = 1500;
/** Cache files of other builds kept besides the current one (several installed versions may share the folder). */
const OTHER_BUILDS_KEPT = 3;

/** The per-user folder the code cache goes to when the environment does not name one. */
export function defaultCodeCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env['LOCALAPPDATA'] ?? path.join(home, 'AppData', 'Local'), 'miit95', 'code-cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'miit95', 'code-cache');
  return path.join(env['XDG_CACHE_HOME'] || path.join(home, '.cache'), 'miit95', 'code-cache');
}

/** The SHA-256 of a bundle, hex. node:crypto is loaded only here: a start with a build-time digest skips it. */
export function bundleDigest(bundle: Buffer): string {
  const { createHash } = module.require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(bundle).digest('hex');
}

/** The cache file for this bundle content (its SHA-256, hex) under this V8. */
export function codeCacheFile(dir: string, name: string, digest: string): string {
  const engine = `${process.versions.v8}-${process.arch}`.replace(/[^\w.-]/g, '_');
  return path.join(dir, `${name}-${digest.slice(0, 24)}-${engine}.cache`);
}

export interface CodeCacheOptions {
  /**
   * When a missing or rejected cache is written: CODE_CACHE_WRITE_DELAY_MS after the start (the
   * long-lived server), or as the process exits (a one-shot command such as the CLI, which holds by
   * then every function the run compiled). Default: after the delay.
   */
  readonly write?: 'after-delay' | 'at-exit';
}

/**
 * Runs the CommonJS bundle at `file` as the main program (same `require`, `module`, `__filename`
 * and `__dirname` it would have if started directly), through the code cache when there is one.
 * `name` names the cache file (no `-` in it: see pruneOtherBuilds).
 */
export function runWithCodeCache(
  file: string,
  name: string,
  parent: NodeJS.Module,
  /** The bundle's SHA-256 as computed by the build, if it was. */
  builtDigest?: string,
  options: CodeCacheOptions = {},
): void {
  const bundle = readFileSync(file);
  // The bundle is ASCII (esbuild.mjs escapes the rest): latin1 is a copy, UTF-8 decoding is not.
  const source = bundle.toString('latin1');
  const cacheFile = cacheFileFor(name, () => builtDigest ?? bundleDigest(bundle));
  const cachedData = cacheFile === undefined ? undefined : readOptional(cacheFile);
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    if (options.write === 'at-exit') process.once('exit', () => writeCache(cacheFile, script));
    else setTimeout(() => writeCache(cacheFile, script), CODE_CACHE_WRITE_DELAY_MS).unref();
  }
  const bundleModule = new Module(file, parent);
  bundleModule.filename = file;
  bundleModule.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
    path.dirname(file),
  );
  bundleModule.loaded = true;
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: NodeJS.Module,
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(
    bundleModule.exports,
    bundleModule.exports,
    Module.createRequire(file),
    bundleModule,
    file,
    path.dirname(file),
  );
}

function cacheFileFor(name: string, digest: () => string): string | undefined {
  if (process.env['MIIT95_CODE_CACHE'] === 'off') return undefined;
  try {
    return codeCacheFile(process.env['MIIT95_CODE_CACHE_DIR'] || defaultCodeCacheDir(), name, digest());
  } catch {
    return undefined;
  }
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache atomically (temp file + rename), readable by this user only; failures are ignored. */
function writeCache(cacheFile: string, script: Script): void {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
    writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    renameSync(temp, cacheFile);
    pruneOtherBuilds(cacheFile);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was written.
    }
  }
}

/** Deletes the oldest cache files of other builds of the same entry, keeping OTHER_BUILDS_KEPT. */
function pruneOtherBuilds(cacheFile: string): void {
  const dir = path.dirname(cacheFile);
  const prefix = `${path.basename(cacheFile).split('-')[0] ?? ''}-`;
  const others = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.cache') && f !== path.basename(cacheFile))
    .map((f) => ({ file: path.join(dir, f), at: statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { file } of others.slice(OTHER_BUILDS_KEPT)) unlinkSync(file);
}
