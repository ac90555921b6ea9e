// The real-editor test harness shared by run-vscode-tests.mjs and the UI tests (ui-*.mjs, through
// ui-session.mjs): starts code-server 4.100.3 (VS Code 1.100.3) on a free 127.0.0.1 port with its
// own scratch folders, copies samples/ into a temporary workspace, drives Debian Chromium through
// playwright-core, and cleans up (process group, temp folders) on exit, failure, signal or overall timeout.
// See /work/shared/e2e/RECIPE.md for why each setting is there.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoDir = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** The extension loaded unpacked: the repository, or MIIT95_E2E_EXTENSION_PATH (e.g. an unpacked VSIX). */
export const extensionDir = path.resolve(process.env.MIIT95_E2E_EXTENSION_PATH ?? repoDir);
export const host = '127.0.0.1';
const keepScratch = process.env.MIIT95_E2E_KEEP === '1';
const verbose = process.env.MIIT95_E2E_VERBOSE === '1';

const t0 = Date.now();
/** Logs `[tag  12.3s] message` to stderr-free stdout so it interleaves with the test output. */
export function logger(tag) {
  return (msg) =>
    process.stdout.write(`[${tag} ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}\n`);
}
const log = logger('harness');

// ---- cleanup: run once on exit, failure, signal or timeout -------------------------------------
const cleanups = [];
let cleaning;
/** Registers `fn` to run at cleanup, most recent first. */
export function onCleanup(fn) {
  cleanups.unshift(fn);
}
export function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups) {
      try {
        await fn();
      } catch (error) {
        log(`cleanup step failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return cleaning;
}
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(code));
  });
}
/** Set once the run has a verdict: later errors (e.g. from closing the browser) are only noise. */
let settled = false;
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (error) => {
    if (settled) return;
    settled = true;
    log(`FAIL: ${event}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void cleanup().finally(() => process.exit(1));
  });
}

/**
 * Runs `main` with an overall deadline: on timeout prints a clear FAIL line, cleans up and exits
 * 124; on error prints it, cleans up and exits 1; otherwise exits with main's exit code.
 */
export function runMain(tag, timeoutMs, main) {
  const say = logger(tag);
  const timer = setTimeout(() => {
    if (settled) return;
    settled = true;
    say(`FAIL: timed out after ${Math.round(timeoutMs / 1000)} s (set MIIT95_E2E_TIMEOUT in ms to change)`);
    void cleanup().finally(() => process.exit(124));
  }, timeoutMs);
  main(say).then(
    async (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      await cleanup();
      process.exit(code);
    },
    async (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      say(`FAIL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await cleanup();
      process.exit(1);
    },
  );
}

// ---- scratch folders and the workspace ---------------------------------------------------------
/** A fresh temporary folder removed at cleanup (kept with MIIT95_E2E_KEEP=1). */
export function makeScratch(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `miit95-e2e-${name}-`));
  onCleanup(() => {
    if (keepScratch) log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  });
  return dir;
}

/** Copies samples/ into `<scratch>/workspace` so tests never touch the repository's files. */
export function copySamples(scratch) {
  const ws = path.join(scratch, 'workspace');
  fs.cpSync(path.join(repoDir, 'samples'), ws, { recursive: true });
  return ws;
}

// ---- code-server -------------------------------------------------------------------------------
export function codeServerBin() {
  const dir = process.env.MIIT95_CS_DIR ?? path.join(repoDir, '.cache', 'code-server');
  const bin = path.join(dir, 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(bin))
    throw new Error(`code-server is not installed at ${dir}: run bash test/e2e/install-code-server.sh`);
  return bin;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function isGroupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts code-server for `workspace` with scratch XDG_*, TMPDIR, user-data and extensions folders
 * under `scratch`. Uses MIIT95_E2E_PORT if set (refused when busy), else a free port. Resolves
 * when our own process logged that it listens and /healthz answers.
 */
export async function startCodeServer({ scratch, workspace, env = {}, settings = {} }) {
  const bin = codeServerBin();
  const requested = process.env.MIIT95_E2E_PORT ? Number(process.env.MIIT95_E2E_PORT) : undefined;
  const port = requested ?? (await freePort());
  if (!(await portIsFree(port)))
    throw new Error(`port ${host}:${port} is busy (a stale code-server?); refusing to start`);

  const dirs = Object.fromEntries(
    ['tmp', 'xdg-data', 'xdg-config', 'xdg-cache', 'udd', 'exts'].map((d) => [d, path.join(scratch, d)]),
  );
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  const config = path.join(scratch, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: ${host}:${port}\nauth: none\ncert: false\n`);
  fs.mkdirSync(path.join(dirs.udd, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.udd, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'files.hotExit': 'off',
        'window.restoreWindows': 'none',
        'window.confirmBeforeClose': 'never',
        ...settings,
      },
      null,
      2,
    ),
  );

  const childEnv = { ...process.env };
  // $PORT overrides --bind-addr's port; VSCODE_* of a surrounding VS Code would confuse the child.
  for (const key of Object.keys(childEnv))
    if (key === 'PORT' || key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete childEnv[key];
  Object.assign(childEnv, {
    EXTENSIONS_GALLERY: '{}', // no open-vsx.org lookups
    TMPDIR: dirs.tmp,
    XDG_DATA_HOME: dirs['xdg-data'],
    XDG_CONFIG_HOME: dirs['xdg-config'],
    XDG_CACHE_HOME: dirs['xdg-cache'],
    ...env,
  });
  const args = [
    '--config',
    config,
    '--user-data-dir',
    dirs.udd,
    '--extensions-dir',
    dirs.exts,
    '--bind-addr',
    `${host}:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    workspace,
  ];
  const logFile = path.join(scratch, 'code-server.log');
  const logStream = fs.createWriteStream(logFile);
  const child = spawn(bin, args, {
    env: childEnv,
    cwd: scratch,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  let exited = false;
  child.on('exit', () => (exited = true));

  const stop = async () => {
    if (pid === undefined || !isGroupAlive(pid)) return;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const deadline = Date.now() + 5000;
    while (isGroupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (isGroupAlive(pid)) {
      log(`code-server process group ${pid} ignored SIGTERM; killing`);
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    logStream.end();
  };
  onCleanup(stop);

  const listening = new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk) => {
      logStream.write(chunk);
      if (verbose) process.stdout.write(`[code-server] ${chunk}`);
      buffered += chunk.toString();
      if (buffered.includes(`HTTP server listening on http://${host}:${port}`)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(
        new Error(
          `code-server exited early (code ${code}, signal ${signal}); see its log:\n${buffered.slice(-2000)}`,
        ),
      ),
    );
  });
  const timeout = (ms, what) =>
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms).unref(),
    );
  await Promise.race([listening, timeout(30_000, `code-server to listen on ${host}:${port}`)]);

  const base = `http://${host}:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (exited) throw new Error('code-server exited before answering /healthz');
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${base}/healthz did not answer in 15 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`code-server pid ${pid} listening on ${base} (log: ${logFile})`);
  return { base, port, pid, stop, logFile };
}

/**
 * The workbench URL that opens `workspace` and loads the extension unpacked from the repository
 * (and runs `extensionTestsPath` in the extension host when given).
 */
export function workbenchUrl(server, workspace, { extensionTestsPath } = {}) {
  const remote = (p) => `vscode-remote://${host}:${server.port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDir)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `${server.base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Workbench start-up chatter forwarded by codeAutomationLog; hidden unless MIIT95_E2E_VERBOSE=1. */
const noise = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
];
export function isNoise(line) {
  return !verbose && noise.some((re) => re.test(line));
}

// ---- Chromium ----------------------------------------------------------------------------------
/** Headless Debian Chromium with its profile and caches under `scratch` (never $HOME). */
export async function launchBrowser(scratch) {
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.MIIT95_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath))
    throw new Error(`${executablePath} not found: run bash test/e2e/install-code-server.sh`);
  const profile = path.join(scratch, 'chromium-profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: {
      ...process.env,
      XDG_CACHE_HOME: path.join(scratch, 'xdg-cache'),
      XDG_CONFIG_HOME: path.join(scratch, 'xdg-config'),
    },
  });
  onCleanup(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  if (verbose) page.on('console', (m) => log(`browser console ${m.type()}: ${m.text()}`));
  return { context, page };
}
