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
