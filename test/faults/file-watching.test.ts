/**
 * [config-wiring] What the open applications depend on besides their text (issue 6, item 5): a
 * `.miit95.yaml` created, changed, broken or deleted on disk, and an attachment added or removed,
 * revalidate the open applications as soon as the client's file watcher reports it
 * (workspace/didChangeWatchedFiles) — and an attachment change elsewhere revalidates nothing.
 * Driven through the real server; the in-editor watcher itself is the client's (language-client.ts).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { assertBundleFresh, fileUri, LspClient, SERVER_BUNDLE } from '../lsp/client';
import { connectionOf } from '../fuzz/lsp-requests';
import { COMPLETE, TOO_FEW_SEATS } from '../hostile/inputs';

const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

describe('faults: [config-wiring] files on disk revalidate the open applications', function () {
  this.timeout(60_000);
  let work: string | undefined;
  let client: LspClient | undefined;

  const codesOf = (p: PublishDiagnosticsParams): string[] => p.diagnostics.map((d) => String(d.code));
  const fileEvent = (file: string, type: number): Promise<void> =>
    connectionOf(client!).sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type }] });
  /** The next publish for `uri` after `mark` that satisfies `ok`. */
  const next = (uri: string, mark: number, ok: (codes: string[]) => boolean): Promise<PublishDiagnosticsParams> =>
    client!.waitForDiagnostics(uri, (p) => ok(codesOf(p)), mark);

  before(async function () {
    assertBundleFresh(SERVER_BUNDLE);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-watch-'));
    client = LspClient.start('stdio');
    await client.initialize({ locale: 'en', rootUri: fileUri(work), workspaceFolders: [{ uri: fileUri(work), name: 'w' }] });
  });
  after(async function () {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
    if (client !== undefined) assert.equal(await client.stop(), 0);
  });

  it('a .miit95.yaml created, changed, broken and deleted on disk applies at once', async function () {
    const folder = path.join(work!, 'config');
    mkdirSync(folder);
    const config = path.join(folder, '.miit95.yaml');
    const uri = fileUri(path.join(folder, 'a.app95.yaml'));
    let mark = client!.mark();
    await client!.open(uri, TOO_FEW_SEATS);
    await next(uri, mark, (codes) => codes.includes('R-TECH-001'));

    const steps: [string, () => void, number, boolean][] = [
      ['created: R-TECH-001 off', () => writeFileSync(config, 'rules:\n  R-TECH-001: off\n'), CREATED, false],
      ['broken: the defaults apply', () => writeFileSync(config, 'rules: {R-TECH-001: off\n'), CHANGED, true],
      ['fixed again', () => writeFileSync(config, 'rules:\n  R-TECH-001: off\n'), CHANGED, false],
      ['deleted: the defaults apply', () => unlinkSync(config), DELETED, true],
    ];
    for (const [what, change, type, reported] of steps) {
      mark = client!.mark();
      change();
      await fileEvent(config, type);
      const published = await next(uri, mark, () => true);
      assert.equal(codesOf(published).includes('R-TECH-001'), reported, what);
    }
    await client!.close(uri);
  });

  it('an attachment added or removed revalidates the applications of its folder, and only those', async function () {
    const here = path.join(work!, 'here');
    const there = path.join(work!, 'there');
    mkdirSync(path.join(here, '附件'), { recursive: true });
    mkdirSync(path.join(there, '附件'), { recursive: true });
    const app = fileUri(path.join(here, 'a.app95.yaml'));
    const other = fileUri(path.join(there, 'b.app95.yaml'));
    const licence = path.join(here, '附件', '营业执照.pdf');
    const missingLicence = (codes: string[]): boolean => codes.includes('R-DOCS-001');

    let mark = client!.mark();
    await client!.open(app, COMPLETE);
    await client!.open(other, COMPLETE);
    const before = await next(app, mark, missingLicence);
    await next(other, mark, missingLicence);
    const licenceFindings = (p: PublishDiagnosticsParams): number =>
      p.diagnostics.filter((d) => d.code === 'R-DOCS-001' && client!.covered(app, 1, d.range) === '附件/营业执照.pdf').length;
    assert.equal(licenceFindings(before), 1);

    mark = client!.mark();
    writeFileSync(licence, '%PDF');
    await fileEvent(licence, CREATED);
    assert.equal(licenceFindings(await next(app, mark, () => true)), 0, 'the added attachment is found');

    mark = client!.mark();
    unlinkSync(licence);
    await fileEvent(licence, DELETED);
    assert.equal(licenceFindings(await next(app, mark, () => true)), 1, 'the removed attachment is missed');

    // An attachment event in `there` does not touch `here`: a sentinel edit of `there` comes after it.
    mark = client!.mark();
    writeFileSync(path.join(there, '附件', 'x.pdf'), '%PDF');
    await fileEvent(path.join(there, '附件', 'x.pdf'), CREATED);
    const version = await client!.edit(other, [{ offset: 0, text: '# sentinel\n' }]);
    await client!.waitForVersion(other, version, mark);
    assert.deepEqual(client!.publishedFor(app, mark), [], 'nothing published for the other folder’s application');
    await client!.close(app);
    await client!.close(other);
  });
});
