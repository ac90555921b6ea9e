/**
 * The bundled language server (dist/server.js over stdio) with `.miit95.yaml` files and the
 * `miit95.rules` setting: a threshold or a severity from the nearest configuration changes the
 * diagnostics; a change on disk (didChangeWatchedFiles), an unsaved edit of the open configuration
 * document or a setting change revalidates the open applications without reopening them; a broken
 * configuration is reported in its own document while the defaults apply; attachments deleted on
 * disk are noticed.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, SERVER_BUNDLE } from './client';

const COMPLETE_DIR = path.join(REPO_ROOT, 'samples', 'complete');
const SAMPLE_NAME = '杭州云声.app95.yaml';
const COVERAGE = 'R-COVERAGE-003';
const WATCH_CHANGED = 2;
const WATCH_DELETED = 3;
const WARNING = 2;
const ERROR = 1;
const INFORMATION = 3;

/** The thresholds that make the complete sample (7 provinces) fail R-COVERAGE-003. */
const STRICT_COVERAGE = 'thresholds:\n  coverage:\n    min_provinces: 31\n';

function text(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function byCode(list: readonly Diagnostic[], code: string): Diagnostic[] {
  return list.filter((d) => d.code === code);
}

describe('language server with .miit95.yaml and the miit95.rules setting', function () {
  let work: string | undefined;
  let folder: string; // the workspace folder
  let configPath: string;
  let appUri: string;
  let nestedUri: string;
  let client: LspClient | undefined;
  /** The answer to workspace/configuration for the `miit95` section. */
  let settings: unknown = {};

  const writeConfig = (text: string, file = configPath): void => writeFileSync(file, text);
  const configChanged = (file = configPath, type = WATCH_CHANGED): Promise<void> =>
    client!.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type }] });
  /** The first publish for `uri` from `since` on that satisfies `check`. */
  const waitFor = (
    uri: string,
    since: number,
    check: (p: PublishDiagnosticsParams) => boolean,
  ): Promise<PublishDiagnosticsParams> => client!.waitForDiagnostics(uri, check, since);

  before(async function () {
    assertBundleFresh(SERVER_BUNDLE);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-lsp-config-'));
    folder = path.join(work, 'ws');
    cpSync(COMPLETE_DIR, path.join(folder, 'app'), { recursive: true });
    cpSync(COMPLETE_DIR, path.join(folder, 'nested', 'deeper'), { recursive: true });
    // Above the workspace folder: the editor's search stops at the folder, so this never applies.
    writeFileSync(path.join(work, '.miit95.yaml'), STRICT_COVERAGE);
    configPath = path.join(folder, '.miit95.yaml');
    appUri = fileUri(path.join(folder, 'app', SAMPLE_NAME));
    nestedUri = fileUri(path.join(folder, 'nested', 'deeper', SAMPLE_NAME));
    client = LspClient.start('stdio');
    client.onRequest('workspace/configuration', (params) => {
      const items = (params as { items: { section?: string }[] }).items;
      return items.map((item) => (item.section === 'miit95' ? settings : null));
    });
    await client.initialize({
      locale: 'en',
      rootUri: fileUri(folder),
      workspaceFolders: [{ uri: fileUri(folder), name: 'ws' }],
      capabilities: {
        textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true } },
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: false } },
      },
    });
  });

  after(async function () {
    if (client !== undefined) {
      const code = await client.stop();
      assert.equal(code, 0, `server exits cleanly; stderr: ${client.stderr}`);
    }
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  afterEach(function () {
    const errors = client?.logs.filter((l) => l.type === 1) ?? [];
    assert.deepEqual(errors, [], 'the server logged no errors');
  });

  it('ignores a .miit95.yaml above the workspace folder', async function () {
    const mark = client!.mark();
    await client!.open(appUri, readFileSync(path.join(COMPLETE_DIR, SAMPLE_NAME), 'utf8'));
    const published = await client!.waitForVersion(appUri, 1, mark);
    assert.deepEqual(byCode(published.diagnostics, COVERAGE), []);
  });

  it('applies a threshold of the workspace .miit95.yaml when it appears on disk, without reopening', async function () {
    const mark = client!.mark();
    writeConfig(STRICT_COVERAGE);
    await configChanged(configPath, 1 /* created */);
    const published = await waitFor(appUri, mark, (p) => byCode(p.diagnostics, COVERAGE).length > 0);
    assert.equal(published.version, 1, 'the same document version, validated again');
    const [coverage] = byCode(published.diagnostics, COVERAGE);
    assert.equal(client!.covered(appUri, 1, coverage!.range), 'area');
    assert.equal(coverage!.severity, WARNING);
    assert.match(text(coverage!), /at least 31 provinces/);
    assert.match(coverage!.codeDescription?.href ?? '', /\/docs\/rules\/R-COVERAGE-003\.md$/);
  });

  it('applies a severity change of the file on disk (didChangeWatchedFiles)', async function () {
    let mark = client!.mark();
    writeConfig(`${STRICT_COVERAGE}rules:\n  ${COVERAGE}: error\n`);
    await configChanged();
    await waitFor(appUri, mark, (p) => byCode(p.diagnostics, COVERAGE)[0]?.severity === ERROR);

    mark = client!.mark();
    writeConfig(`${STRICT_COVERAGE}rules:\n  ${COVERAGE}: off\n`);
    await configChanged();
    await waitFor(appUri, mark, (p) => byCode(p.diagnostics, COVERAGE).length === 0);
  });

  it('uses the nearest .miit95.yaml: one in a subfolder wins over the workspace one', async function () {
    writeConfig(STRICT_COVERAGE); // the workspace config: warning
    const nestedConfig = path.join(folder, 'nested', '.miit95.yaml');
    writeConfig(`rules:\n  ${COVERAGE}: info\n${STRICT_COVERAGE}`, nestedConfig);
    let mark = client!.mark();
    await configChanged(configPath);
    await client!.open(nestedUri, readFileSync(path.join(COMPLETE_DIR, SAMPLE_NAME), 'utf8'));
    await waitFor(nestedUri, mark, (p) => byCode(p.diagnostics, COVERAGE)[0]?.severity === INFORMATION);
    await waitFor(appUri, mark, (p) => byCode(p.diagnostics, COVERAGE)[0]?.severity === WARNING);

    mark = client!.mark();
    rmSync(nestedConfig);
    await configChanged(nestedConfig, WATCH_DELETED);
    await waitFor(nestedUri, mark, (p) => byCode(p.diagnostics, COVERAGE)[0]?.severity === WARNING);
    await client!.close(nestedUri);
  });

  it('applies unsaved edits of the open .miit95.yaml and goes back to the disk on close', async function () {
    writeConfig(STRICT_COVERAGE);
    let mark = client!.mark();
    await configChanged();
    await waitFor(appUri, mark, (p) => byCode(p.diagnostics, COVERAGE)[0]?.severity === WARNING);

    const configUri = fileUri(configPath);
    mark = client!.mark();
    await client!.open(configUri, STRICT_COVERAGE, 1, 'yaml');
    const own = await client!.waitForVersion(configUri, 1, mark);
    assert.deepEqual(own.diagnostics, [], 'a valid configuration has no findings');

    mark = client!.mark();
    await client!.edit(configUri, [
      { offset: STRICT_COVERAGE.length, text: `rules:\n  ${COVERAGE}: error\n` },
    ]);
    await waitFor(appUri, mark, (p) => byCode(p.diagnostics, COVERAGE)[0]?.severity === ERROR);

    mark = client!.mark();
    await client!.close(configUri);
    await waitFor(appUri, mark, (p) => byCode(p.diagnostics, COVERAGE)[0]?.severity === WARNING);
  });

  it('reports a broken .miit95.yaml in its own document, and the defaults apply to the application', async function () {
    const broken = `rules:\n  ${COVERAGE}: error\n  R-TECH-001 off\nthresholds:\n  coverage:\n    min_provinces: [31\n`;
    writeConfig(broken);
    let mark = client!.mark();
    await configChanged();
    await waitFor(appUri, mark, (p) => byCode(p.diagnostics, COVERAGE).length === 0);

    const configUri = fileUri(configPath);
    mark = client!.mark();
    await client!.open(configUri, broken, 1, 'yaml');
    const own = await client!.waitForVersion(configUri, 1, mark);
    const syntax = own.diagnostics.filter((d) => String(d.code).startsWith('yaml/'));
    assert.ok(syntax.length > 0, `a YAML syntax finding: ${JSON.stringify(own.diagnostics)}`);
    assert.ok(syntax.every((d) => d.severity === ERROR));
    assert.ok(own.diagnostics.every((d) => d.source === 'miit95'));

    // Fixed in the editor (unsaved): it applies at once.
    mark = client!.mark();
    await client!.replaceAll(configUri, `${STRICT_COVERAGE}rules:\n  ${COVERAGE}: error\n`);
    await waitFor(appUri, mark, (p) => byCode(p.diagnostics, COVERAGE)[0]?.severity === ERROR);

    // A value out of range: only that value falls back to its default; the rest applies.
    const outOfRange = `rules:\n  ${COVERAGE}: error\n  R-TECH-0001: off\nthresholds:\n  coverage:\n    min_provinces: 99\n`;
    mark = client!.mark();
    await client!.replaceAll(configUri, outOfRange);
    const invalid = await client!.waitForVersion(configUri, 3, mark);
    const codes = invalid.diagnostics.map((d) => String(d.code)).sort();
    assert.deepEqual(codes, ['config/unknown-rule', 'schema/maximum'], JSON.stringify(invalid.diagnostics));
    const unknown = invalid.diagnostics.find((d) => d.code === 'config/unknown-rule')!;
    assert.equal(client!.covered(configUri, 3, unknown.range), 'R-TECH-0001');
    assert.match(text(unknown), /Did you mean "R-TECH-001"\?/);
    assert.match(unknown.codeDescription?.href ?? '', /\/docs\/configuration\.md$/);
    // min_provinces falls back to 6, which the sample meets: no R-COVERAGE-003 despite `error`.
    await waitFor(appUri, mark, (p) => byCode(p.diagnostics, COVERAGE).length === 0);
    await client!.close(configUri);
  });

  it('lets the miit95.rules setting override the file (pulled with workspace/configuration)', async function () {
    writeConfig(`${STRICT_COVERAGE}rules:\n  ${COVERAGE}: error\n`);
    let mark = client!.mark();
    await configChanged();
    await waitFor(appUri, mark, (p) => byCode(p.diagnostics, COVERAGE)[0]?.severity === ERROR);

    settings = { rules: { [COVERAGE]: 'info', 'not-a-rule': 'off', 'R-TECH-001': 'loud' } };
    mark = client!.mark();
    await client!.notify('workspace/didChangeConfiguration', { settings: null });
    await waitFor(appUri, mark, (p) => byCode(p.diagnostics, COVERAGE)[0]?.severity === INFORMATION);

    settings = { rules: { [COVERAGE]: 'off' } };
    mark = client!.mark();
    await client!.notify('workspace/didChangeConfiguration', { settings: null });
    await waitFor(appUri, mark, (p) => byCode(p.diagnostics, COVERAGE).length === 0);

    settings = {};
    mark = client!.mark();
    await client!.notify('workspace/didChangeConfiguration', { settings: null });
    await waitFor(appUri, mark, (p) => byCode(p.diagnostics, COVERAGE)[0]?.severity === ERROR);
  });

  it('checks the application again when one of its attachments is deleted on disk', async function () {
    const attachment = path.join(folder, 'app', '附件', '营业执照.pdf');
    const mark = client!.mark();
    unlinkSync(attachment);
    await client!.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri(attachment), type: WATCH_DELETED }],
    });
    const published = await waitFor(appUri, mark, (p) => byCode(p.diagnostics, 'R-DOCS-001').length > 0);
    assert.equal(published.version, 1);
    const [missing] = byCode(published.diagnostics, 'R-DOCS-001');
    assert.match(client!.covered(appUri, 1, missing!.range), /营业执照\.pdf/);
  });
});

describe('language server with the miit95 settings pushed (no workspace/configuration)', function () {
  let work: string | undefined;
  let client: LspClient | undefined;

  before(async function () {
    assertBundleFresh(SERVER_BUNDLE);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-lsp-push-'));
    mkdirSync(path.join(work, 'app'));
    cpSync(COMPLETE_DIR, path.join(work, 'app'), { recursive: true });
    writeFileSync(path.join(work, '.miit95.yaml'), STRICT_COVERAGE);
    client = LspClient.start('stdio');
    await client.initialize({ locale: 'en', rootUri: fileUri(work), workspaceFolders: null });
  });

  after(async function () {
    if (client !== undefined) await client.stop();
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('applies miit95.rules from didChangeConfiguration settings, on top of the file', async function () {
    const uri = fileUri(path.join(work!, 'app', SAMPLE_NAME));
    let mark = client!.mark();
    await client!.open(uri, readFileSync(path.join(COMPLETE_DIR, SAMPLE_NAME), 'utf8'));
    const first = await client!.waitForVersion(uri, 1, mark);
    assert.equal(byCode(first.diagnostics, COVERAGE)[0]?.severity, WARNING, 'rootUri is the search root');

    mark = client!.mark();
    await client!.notify('workspace/didChangeConfiguration', {
      settings: { miit95: { rules: { [COVERAGE]: 'error' } } },
    });
    await client!.waitForDiagnostics(
      uri,
      (p) => byCode(p.diagnostics, COVERAGE)[0]?.severity === ERROR,
      mark,
    );
  });
});
