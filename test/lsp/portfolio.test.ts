/**
 * The applications view's server side over stdio (dist/server.js, handlers/portfolio.ts): the first
 * `miit95/portfolio` request starts the background check of the workspace folder (70 generated
 * applications, on the worker thread), whose batches arrive as `miit95/portfolioChanged` with the
 * progress; an open document's summary follows its edits; a file deleted or changed on disk is
 * dropped or summarized again.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ApplicationSummary } from '../../server/src/core/portfolio';
import {
  PORTFOLIO_CHANGED_NOTIFICATION,
  PORTFOLIO_METHOD,
  type PortfolioChange,
  type PortfolioResult,
} from '../../server/src/editor-protocol';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, SERVER_BUNDLE } from './client';

const COUNT = 70;

describe('portfolio (server)', function () {
  this.timeout(90_000);
  let work: string;
  let client: LspClient;
  const changes: PortfolioChange<ApplicationSummary>[] = [];
  const entries = new Map<string, ApplicationSummary>();
  const file = (i: number): string =>
    path.join(work, `客户${String((i % 25) + 1).padStart(2, '0')}`, `申请${String(i).padStart(4, '0')}.app95.yaml`);

  /** Resolves when a change matching `test` has arrived (or already has). */
  async function until(test: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    const start = Date.now();
    while (!test()) {
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  before(async function () {
    assertBundleFresh(SERVER_BUNDLE);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-portfolio-lsp-'));
    const gen = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bench', 'portfolio-workspace.mjs'), work, String(COUNT)], {
      encoding: 'utf8',
    });
    assert.equal(gen.status, 0, gen.stderr);
    client = LspClient.start();
    client.onNotification(PORTFOLIO_CHANGED_NOTIFICATION, (params) => {
      const change = params as PortfolioChange<ApplicationSummary>;
      changes.push(change);
      for (const s of change.changed) entries.set(s.file, s);
      for (const uri of change.removed) entries.delete(uri);
    });
    await client.initialize({ rootUri: fileUri(work), workspaceFolders: [{ uri: fileUri(work), name: 'ws' }] });
  });
  after(async function () {
    await client.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('checks the whole workspace in the background, in batches with progress', async function () {
    const first = await client.request<PortfolioResult<ApplicationSummary>>(PORTFOLIO_METHOD);
    assert.equal(first.progress.total, COUNT);
    await until(() => changes.some((c) => !c.progress.scanning && c.progress.done === COUNT), 'the end of the check');
    assert.equal(entries.size, COUNT);
    assert.ok(changes.filter((c) => c.changed.length > 0).length > 1, 'more than one batch');
    const dones = changes.map((c) => c.progress.done);
    assert.deepEqual(dones, [...dones].sort((a, b) => a - b), 'progress only grows');
    const errors = [...entries.values()].filter((s) => s.state === 'errors').length;
    assert.equal(errors, 7 + 4); // seats: 八十 in every tenth, a missing attachment in every twentieth from the fifth
    const again = await client.request<PortfolioResult<ApplicationSummary>>(PORTFOLIO_METHOD);
    assert.equal(again.entries.length, COUNT);
    assert.equal(again.progress.scanning, false);
  });

  it('follows the edits of an open document', async function () {
    const uri = fileUri(file(1));
    const text = readFileSync(file(1), 'utf8');
    await client.open(uri, text);
    const before = changes.length;
    await client.replaceAll(uri, text.replace('\n  seats: 80 ', '\n  seats: 八十 '));
    await until(
      () => changes.slice(before).some((c) => c.changed.some((s) => s.file === uri && s.state === 'errors')),
      'the edited document in error',
    );
    assert.equal(entries.get(uri)?.errors, 1);
    // Closed without saving: the file on disk counts again.
    await client.close(uri);
    await until(() => entries.get(uri)?.state === 'ready', 'the file on disk again');
  });

  it('drops a deleted file and summarizes a changed one', async function () {
    const gone = fileUri(file(2));
    unlinkSync(file(2));
    writeFileSync(file(4), readFileSync(file(4), 'utf8').replace('candidates: ["95014"', 'candidates: ["95999"'));
    await client.notify('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: gone, type: 3 },
        { uri: fileUri(file(4)), type: 2 },
      ],
    });
    await until(() => !entries.has(gone) && entries.get(fileUri(file(4)))?.firstCandidate === '95999', 'the file events');
    assert.equal(entries.size, COUNT - 1);
  });
});

/**
 * The view counts as the Problems view does: the files on disk are checked by the worker with the
 * server's own host options — the user's `miit95.rules` overrides (read with
 * workspace/configuration, checked again when they change) and the editor's text of an open
 * `.miit95.yaml` — so a closed file's entry has the counts its diagnostics have once it is opened.
 */
describe('portfolio (server): the Problems view’s configuration', function () {
  this.timeout(90_000);
  const COUNT = 30;
  let work: string;
  let client: LspClient;
  let rules: Record<string, string> = {};
  const entries = new Map<string, ApplicationSummary>();
  const changes: PortfolioChange<ApplicationSummary>[] = [];
  const file = (i: number): string =>
    path.join(work, `客户${String((i % 25) + 1).padStart(2, '0')}`, `申请${String(i).padStart(4, '0')}.app95.yaml`);
  const counts = (s: ApplicationSummary | undefined): string => `${s?.state} ${s?.errors} ${s?.warnings}`;

  async function until(test: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    const start = Date.now();
    while (!test()) {
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Resolves when a whole check that started after index `since` of the changes has ended. */
  async function checkedAgain(since: number, what: string): Promise<void> {
    await until(() => {
      const later = changes.slice(since);
      const started = later.findIndex((c) => c.progress.scanning);
      return started >= 0 && later.slice(started).some((c) => !c.progress.scanning && c.progress.done === COUNT);
    }, what);
  }

  /** The Problems view's counts of an open document (its latest diagnostics). */
  function problems(uri: string): { errors: number; warnings: number } {
    const latest = client.publishedFor(uri).at(-1);
    assert.ok(latest !== undefined, `diagnostics of ${uri}`);
    return {
      errors: latest.diagnostics.filter((d) => d.severity === 1).length,
      warnings: latest.diagnostics.filter((d) => d.severity === 2).length,
    };
  }

  /** Opens the closed file `i`, whose entry came from the worker: its diagnostics have the entry's counts. */
  async function sameAsProblemsWhenOpened(i: number): Promise<void> {
    const uri = fileUri(file(i));
    const entry = entries.get(uri);
    const since = client.mark();
    await client.open(uri, readFileSync(file(i), 'utf8'));
    await client.waitForVersion(uri, 1, since);
    assert.deepEqual(problems(uri), { errors: entry?.errors, warnings: entry?.warnings }, `file ${i}: the view and the Problems view`);
    await client.close(uri);
  }

  async function setRules(next: Record<string, string>): Promise<void> {
    rules = next;
    const since = changes.length;
    await client.notify('workspace/didChangeConfiguration', { settings: { miit95: { rules } } });
    await checkedAgain(since, `the check after miit95.rules = ${JSON.stringify(next)}`);
  }

  before(async function () {
    assertBundleFresh(SERVER_BUNDLE);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-portfolio-rules-'));
    const gen = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bench', 'portfolio-workspace.mjs'), work, String(COUNT)], {
      encoding: 'utf8',
    });
    assert.equal(gen.status, 0, gen.stderr);
    client = LspClient.start();
    client.onRequest('client/registerCapability', () => null);
    client.onRequest('workspace/configuration', (params) =>
      (params as { items: unknown[] }).items.map(() => ({ rules })),
    );
    client.onNotification(PORTFOLIO_CHANGED_NOTIFICATION, (params) => {
      const change = params as PortfolioChange<ApplicationSummary>;
      changes.push(change);
      for (const s of change.changed) entries.set(s.file, s);
      for (const uri of change.removed) entries.delete(uri);
    });
    await client.initialize({
      rootUri: fileUri(work),
      workspaceFolders: [{ uri: fileUri(work), name: 'ws' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true } },
      },
    });
  });
  after(async function () {
    await client.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('a miit95.rules override changes the view’s counts as it changes the Problems view’s', async function () {
    // File 5 is open (its entry from its diagnostics' analysis); file 25 is on disk (the worker's).
    // Both miss an attachment (R-DOCS-001, an error by default).
    const open = fileUri(file(5));
    await client.open(open, readFileSync(file(5), 'utf8'));
    await client.request<PortfolioResult<ApplicationSummary>>(PORTFOLIO_METHOD);
    await until(() => changes.some((c) => !c.progress.scanning && c.progress.done === COUNT), 'the first check');
    await until(() => entries.has(open), 'the open document’s entry');
    assert.equal(counts(entries.get(fileUri(file(25)))), 'errors 1 0');
    assert.deepEqual(problems(open), { errors: 1, warnings: 0 });
    await sameAsProblemsWhenOpened(25);

    await setRules({ 'R-DOCS-001': 'warning' });
    await until(() => problems(open).warnings === 1, 'the Problems view with the override');
    await until(() => counts(entries.get(open)) === 'warnings 0 1', 'the open document’s entry with the override');
    assert.equal(counts(entries.get(fileUri(file(25)))), 'warnings 0 1');
    assert.equal(counts(entries.get(fileUri(file(10)))), 'errors 1 0', 'the schema error is not R-DOCS-001');
    await sameAsProblemsWhenOpened(25);

    await setRules({ 'R-DOCS-001': 'off' });
    await until(() => problems(open).warnings === 0 && problems(open).errors === 0, 'the Problems view, rule off');
    assert.equal(counts(entries.get(fileUri(file(25)))), 'ready 0 0');
    await sameAsProblemsWhenOpened(25);
    await client.close(open);
    await setRules({});
    assert.equal(counts(entries.get(fileUri(file(25)))), 'errors 1 0');
  });

  it('an open .miit95.yaml counts with its editor text, unsaved, and the disk’s again when closed', async function () {
    const configFile = path.join(work, '.miit95.yaml');
    writeFileSync(configFile, '# no overrides\n');
    const configUri = fileUri(configFile);
    let since = changes.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    await checkedAgain(since, 'the check after the configuration file appeared');
    assert.equal(counts(entries.get(fileUri(file(25)))), 'errors 1 0');
    since = changes.length;
    await client.open(configUri, 'rules:\n  R-DOCS-001: warning\n', 1, 'yaml');
    await checkedAgain(since, 'the check after the configuration was edited');
    assert.equal(counts(entries.get(fileUri(file(25)))), 'warnings 0 1');
    await sameAsProblemsWhenOpened(25);
    since = changes.length;
    await client.close(configUri);
    await checkedAgain(since, 'the check after the configuration was closed');
    assert.equal(counts(entries.get(fileUri(file(25)))), 'errors 1 0');
  });
});
