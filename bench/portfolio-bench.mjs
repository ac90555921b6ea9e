/**
 * The applications view's benchmark rows (issue 15), on the fixed workspace of
 * bench/portfolio-workspace.mjs (1,000 applications in 25 client folders):
 *
 *   (a) the server's first background check: from the client's `miit95/portfolio` request to the
 *       last `miit95/portfolioChanged` progress notification (done = total, not scanning);
 *   (b) edit → correct diagnostics of an open application WHILE that background check runs, next
 *       to the same edits without it, in the same server session (the ratio);
 *   (c) `miit95 portfolio <folder> --format json` (the CLI, wall time).
 *
 * A correctness guard: the view's entries (state, errors, warnings per file) must equal the CLI's.
 * Used by bench/run.mjs (its portfolio rows), and on its own:
 *
 *   node bench/portfolio-bench.mjs [--quick]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { timeCliRuns } from './lib/cli-runs.mjs';
import { LspClient } from './lib/lsp-client.mjs';
import { writePortfolioWorkspace } from './portfolio-workspace.mjs';
import { fmt, round, summary } from './lib/stats.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist', 'server.js');
const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli.js');
const PORTFOLIO_METHOD = 'miit95/portfolio';
const PORTFOLIO_CHANGED = 'miit95/portfolioChanged';
const COUNT = 1000;
const SETTLE_MS = 60;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The view's entries as `relative path → state errors warnings`, for comparing with the CLI. */
function keyed(entries, root, pathOf) {
  return new Map(entries.map((e) => [path.relative(root, pathOf(e.file)), `${e.state} ${e.errors} ${e.warnings}`]));
}

/** Starts our server on `workspace`, recording the portfolio notifications. */
async function startServer(workspace, codeCacheDir) {
  const client = new LspClient({
    command: process.execPath,
    args: [SERVER_BUNDLE, '--stdio'],
    cwd: REPO_ROOT,
    env: { ...process.env, MIIT95_CODE_CACHE_DIR: codeCacheDir },
  });
  client.portfolio = [];
  client.connection.onNotification(PORTFOLIO_CHANGED, (change) => client.portfolio.push({ change, at: performance.now() }));
  await client.initialize(pathToFileURL(workspace).href);
  return client;
}

/** One edit of the open file and the time until the diagnostics of that version arrive. */
async function timedEdit(client, uri, edit, expectedCodes, failures) {
  const since = client.mark();
  const t0 = performance.now();
  const version = await client.edit(uri, edit.offset, edit.length, edit.text);
  const entry = await client.waitFor(uri, (p) => p.version === version, since, 60000);
  const codes = entry.params.diagnostics.map((d) => d.code).sort().join(',');
  if (codes !== expectedCodes) failures.push(`edit during the check: diagnostics ${codes}, expected ${expectedCodes}`);
  return entry.at - t0;
}

/** The toggling edits of the busy-hour value (back and forth, so every other edit restores the text). */
function toggles(text) {
  const at = text.indexOf('busy_hour_calls: ') + 'busy_hour_calls: '.length;
  const old = text.slice(at, at + 4);
  const other = old === '1111' ? '1112' : '1111';
  return [
    { offset: at, length: 4, text: other },
    { offset: at, length: 4, text: old },
  ];
}

/**
 * (a) and (b) in one server session: warm-up edits, edits without a background check, then the
 * first `miit95/portfolio` request and edits while it runs (repeated with a rescan — a changed
 * `.miit95.yaml` reported by the watcher — until enough edits fell inside a check).
 */
async function serverRows(workspace, scratch, quick) {
  const failures = [];
  const client = await startServer(workspace, path.join(scratch, 'code-cache'));
  const file = path.join(workspace, '客户01', '申请0000.app95.yaml');
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const edits = toggles(text);
  const wanted = quick ? 10 : 30;
  try {
    const since = client.mark();
    await client.open(uri, text, 'miit95');
    const first = await client.waitFor(uri, (p) => p.version === 1, since, 60000);
    const expectedCodes = first.params.diagnostics.map((d) => d.code).sort().join(',');
    for (let i = 0; i < 20; i++) await timedEdit(client, uri, edits[i % 2], expectedCodes, failures);
    const idle = [];
    for (let i = 0; i < wanted; i++) {
      await sleep(SETTLE_MS);
      idle.push(await timedEdit(client, uri, edits[i % 2], expectedCodes, failures));
    }
    // (a) the first background check, with edits while it runs.
    const t0 = performance.now();
    const answer = await client.request(PORTFOLIO_METHOD, {});
    if (answer?.progress?.total !== COUNT) failures.push(`background check: ${answer?.progress?.total} files, expected ${COUNT}`);
    const finished = (from) =>
      client.portfolio.slice(from).find((n) => !n.change.progress.scanning && n.change.progress.done === n.change.progress.total);
    const during = [];
    let firstCheckMs;
    let checks = 1;
    let checkFrom = 0;
    for (;;) {
      if (finished(checkFrom) === undefined) {
        await sleep(SETTLE_MS);
        const t = performance.now();
        const ms = await timedEdit(client, uri, edits[during.length % 2], expectedCodes, failures);
        // Counted only when the check was still running when the diagnostics arrived.
        if (finished(checkFrom) === undefined || finished(checkFrom).at > t + ms) during.push(ms);
        continue;
      }
      if (firstCheckMs === undefined) firstCheckMs = finished(0).at - t0;
      if (during.length >= wanted || checks >= 6) break;
      // Another full check: a configuration file changed (as the watcher reports it).
      checkFrom = client.portfolio.length;
      checks++;
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: pathToFileURL(path.join(workspace, '.miit95.yaml')).href, type: 1 }],
      });
      while (!client.portfolio.slice(checkFrom).some((n) => n.change.progress.scanning)) {
        if (finished(checkFrom) !== undefined) break;
        await sleep(5);
      }
    }
    const view = new Map();
    for (const { change } of client.portfolio) {
      for (const s of change.changed) view.set(s.file, s);
      for (const gone of change.removed) view.delete(gone);
    }
    if (view.size !== COUNT) failures.push(`background check: ${view.size} entries, expected ${COUNT}`);
    return {
      firstCheckMs,
      checks,
      idle: summary(idle),
      during: summary(during),
      view: keyed([...view.values()], workspace, (f) => fileURLToPath(f)),
      failures,
    };
  } catch (error) {
    failures.push(`server: ${error instanceof Error ? error.message : String(error)}`);
    return { failures };
  } finally {
    await client.stop();
  }
}

/** (c) `miit95 portfolio` of the workspace, wall time, with the entries it printed. */
function cliRows(workspace, quick) {
  const { ms, output, failure } = timeCliRuns({
    cli: CLI_BUNDLE,
    args: ['portfolio', '.', '--format', 'json'],
    cwd: workspace,
    runs: quick ? 1 : 2,
    label: 'cli portfolio',
    verify: ({ applications }) =>
      applications.length !== COUNT ? `cli portfolio: ${applications.length} applications, expected ${COUNT}` : undefined,
  });
  return { ms, entries: output?.applications ?? [], failure };
}

/** Runs the three rows in a fresh workspace under `scratch` (removed by the caller). */
export async function portfolioBench(scratch, { quick = false } = {}) {
  const workspace = path.join(scratch, 'portfolio');
  writePortfolioWorkspace(workspace, COUNT);
  const server = await serverRows(workspace, scratch, quick);
  const cli = cliRows(workspace, quick);
  const failures = [...server.failures, ...(cli.failure ? [cli.failure] : [])];
  if (server.view !== undefined) {
    const fromCli = keyed(cli.entries, workspace, (f) => path.resolve(workspace, f));
    const differ = [...fromCli].filter(([f, v]) => server.view.get(f) !== v);
    if (differ.length > 0) failures.push(`the view and the CLI differ on ${differ.length} files, e.g. ${differ[0][0]}: cli ${differ[0][1]}, view ${server.view.get(differ[0][0])}`);
  }
  return {
    files: COUNT,
    firstCheckMs: round(server.firstCheckMs),
    checks: server.checks,
    editIdle: server.idle,
    editDuringCheck: server.during,
    editRatio: server.idle && server.during ? round(server.during.median / server.idle.median) : null,
    cli: cli.ms,
    failures,
  };
}

/** The rows of the bench table. */
export function portfolioTable(p) {
  return [
    `| Applications view, ${p.files} files (median; p95) | |`,
    '|---|---|',
    `| first background check: \`miit95/portfolio\` → last progress | ${fmt(p.firstCheckMs, ' ms')} |`,
    `| edit → diagnostics of the open file, no background check | ${fmt(p.editIdle?.median, ' ms')}; ${fmt(p.editIdle?.p95, ' ms')} (n ${p.editIdle?.n}) |`,
    `| the same while the background check runs | ${fmt(p.editDuringCheck?.median, ' ms')}; ${fmt(p.editDuringCheck?.p95, ' ms')} (n ${p.editDuringCheck?.n}, ${p.checks} checks) |`,
    `| ratio (during / without) | ${fmt(p.editRatio, '×')} |`,
    `| \`miit95 portfolio\` (CLI, wall) | ${fmt(p.cli?.median, ' ms')} (n ${p.cli?.n}) |`,
  ].join('\n');
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'miit95-bench-portfolio-'));
  try {
    const result = await portfolioBench(scratch, { quick: process.argv.includes('--quick') });
    process.stdout.write(`load average ${os.loadavg().map((x) => round(x)).join(' ')}\n${portfolioTable(result)}\n`);
    if (result.failures.length > 0) {
      process.stdout.write(`\nCorrectness failures:\n${result.failures.map((f) => `- ${f}`).join('\n')}\n`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
