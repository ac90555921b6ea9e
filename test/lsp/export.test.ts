/**
 * `miit95/export` through the bundled server (dist/server.js, stdio): the editor's export is the
 * server's, from the document's analysis. The package it writes for an application whose
 * `.miit95.yaml` has unsaved changes in the editor is byte for byte the package `miit95 export
 * --config` writes with those changes saved to a file (same text, same SOURCE_DATE_EPOCH, folder and
 * ZIP alike), and differs from the package of the configuration on disk — so the open buffer is what
 * counted. Then the refusals the client turns into dialogs: errors remaining (and the draft), an
 * existing package, an untrusted workspace (no attachments), a configuration file, a relative folder.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { localDate } from '../../server/src/core/local-date';
import { EXPORT_METHOD, type ExportOutcome, type ExportParams } from '../../server/src/editor-protocol';
import { CLI, runCli } from '../cli/run-cli';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, SERVER_BUNDLE } from './client';

const PACKAGE = '杭州云声-申报材料';
/** 2026-12-01T00:00:00Z: the export time of both sides. */
const EPOCH = '1796083200';
/** On disk: the defaults. In the editor, unsaved: R-COVERAGE-003 asks for all 31 provinces, as a warning. */
const DISK_CONFIG = 'rules: {}\n';
const EDITED_CONFIG = 'rules:\n  R-COVERAGE-003: warning\nthresholds:\n  coverage:\n    min_provinces: 31\n';

/** Every file below `root`, by its path relative to it (forward slashes), sorted. */
function filesBelow(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else out.push(`${prefix}${name}`);
    }
  };
  walk(root, '');
  return out;
}

function assertSameFiles(actual: string, expected: string): void {
  const names = filesBelow(expected);
  assert.deepEqual(filesBelow(actual), names);
  for (const name of names)
    assert.ok(
      readFileSync(path.join(actual, name)).equals(readFileSync(path.join(expected, name))),
      `${name} is byte for byte the same`,
    );
}

describe('miit95/export over stdio (dist/server.js)', function () {
  this.timeout(60_000);
  let work: string;
  let client!: LspClient;
  let appFile: string;
  let appUri: string;
  let configUri: string;
  /** The server's "today" (its local date), given to the CLI as --today. */
  const today = localDate(new Date());

  const exportTo = (outDir: string, extra: Partial<ExportParams> = {}): Promise<ExportOutcome> =>
    client.request<ExportOutcome>(EXPORT_METHOD, { uri: appUri, outDir, trusted: true, ...extra } satisfies ExportParams);

  before(async function () {
    assertBundleFresh(SERVER_BUNDLE);
    assertBundleFresh(CLI);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-lsp-export-'));
    cpSync(path.join(REPO_ROOT, 'samples', 'complete'), path.join(work, 'app'), { recursive: true });
    appFile = path.join(work, 'app', '杭州云声.app95.yaml');
    appUri = fileUri(appFile);
    configUri = fileUri(path.join(work, 'app', '.miit95.yaml'));
    writeFileSync(path.join(work, 'app', '.miit95.yaml'), DISK_CONFIG);
    client = LspClient.start('stdio', { SOURCE_DATE_EPOCH: EPOCH });
    await client.initialize({ locale: 'zh-cn', rootUri: fileUri(work) });
    await client.open(configUri, EDITED_CONFIG, 1, 'yaml');
    await client.open(appUri, readFileSync(appFile, 'utf8'));
  });

  after(async function () {
    const code = await client.stop();
    assert.equal(code, 0, `server exits cleanly; stderr: ${client.stderr}`);
    if (process.env['MIIT95_KEEP'] === undefined) rmSync(work, { recursive: true, force: true });
    else console.log(work);
  });

  afterEach(function () {
    assert.deepEqual(
      client.logs.filter((l) => l.type === 1),
      [],
      'the server logged no errors',
    );
  });

  it('writes, from the unsaved configuration, the same bytes as `miit95 export --config`, folder and ZIP', async function () {
    const editorOut = path.join(work, 'editor');
    const folder = await exportTo(editorOut);
    assert.equal(folder.status, 'written', JSON.stringify(folder));
    assert.equal(folder.target, path.join(editorOut, PACKAGE));
    assert.ok(folder.manifest.findings.some((f) => f.code === 'R-COVERAGE-003' && f.severity === 'warning'));
    assert.equal(folder.manifest.generatedAt, '2026-12-01T00:00:00.000Z');
    const zip = await exportTo(editorOut, { zip: true });
    assert.equal(zip.status, 'written', JSON.stringify(zip));

    const savedConfig = path.join(work, 'edited.miit95.yaml');
    writeFileSync(savedConfig, EDITED_CONFIG);
    const cliOut = path.join(work, 'cli');
    for (const extra of [[], ['--zip']]) {
      const run = runCli(
        ['export', appFile, '--config', savedConfig, '--out', cliOut, '--today', today, ...extra],
        work,
        50_000,
        { SOURCE_DATE_EPOCH: EPOCH },
      );
      assert.equal(run.status, 0, run.stderr);
    }
    assertSameFiles(path.join(editorOut, PACKAGE), path.join(cliOut, PACKAGE));
    assert.ok(filesBelow(path.join(cliOut, PACKAGE)).includes('附件/营业执照.pdf'));
    assert.ok(
      readFileSync(path.join(editorOut, `${PACKAGE}.zip`)).equals(readFileSync(path.join(cliOut, `${PACKAGE}.zip`))),
      'the ZIP is byte for byte the same',
    );

    // Without the unsaved edit (the buffer closed: the disk's configuration), the package differs.
    await client.close(configUri);
    const diskOut = path.join(work, 'disk');
    const fromDisk = await exportTo(diskOut);
    assert.equal(fromDisk.status, 'written', JSON.stringify(fromDisk));
    assert.ok(!fromDisk.manifest.findings.some((f) => f.code === 'R-COVERAGE-003'));
    assert.ok(
      !readFileSync(path.join(diskOut, PACKAGE, 'manifest.json')).equals(readFileSync(path.join(cliOut, PACKAGE, 'manifest.json'))),
      'the edit changed the package',
    );
    await client.open(configUri, EDITED_CONFIG, 2, 'yaml');
  });

  it('does not overwrite an existing package without `overwrite`, and replaces it with it', async function () {
    const out = path.join(work, 'again');
    assert.equal((await exportTo(out)).status, 'written');
    const existing = await exportTo(out);
    assert.deepEqual(existing, { status: 'exists', target: path.join(out, PACKAGE) });
    const replaced = await exportTo(out, { overwrite: true });
    assert.equal(replaced.status, 'written');
    assert.deepEqual(readdirSync(out), [PACKAGE]);
  });

  it('refuses while errors remain in the editor text, and writes a draft when asked', async function () {
    const text = readFileSync(appFile, 'utf8');
    const at = text.indexOf('registered_capital_cny: 50000000');
    assert.ok(at > 0);
    await client.edit(appUri, [{ offset: at, length: 'registered_capital_cny: 50000000'.length, text: 'registered_capital_cny: 5000000' }]);
    const out = path.join(work, 'errors');
    const blocked = await exportTo(out);
    assert.equal(blocked.status, 'blocked', JSON.stringify(blocked));
    assert.ok(blocked.blocking.length > 0 && blocked.blocking.every((f) => f.severity === 'error'));
    assert.equal(existsSync(out), false, 'nothing was written');
    const draft = await exportTo(out, { draft: true });
    assert.equal(draft.status, 'written', JSON.stringify(draft));
    assert.equal(draft.manifest.draft, true);
    await client.replaceAll(appUri, text);
  });

  it('copies no attachment from an untrusted workspace', async function () {
    const out = path.join(work, 'untrusted');
    const result = await exportTo(out, { trusted: false });
    assert.equal(result.status, 'written', JSON.stringify(result));
    assert.ok(!filesBelow(path.join(out, PACKAGE)).some((f) => f.startsWith('附件/')));
    assert.ok(result.manifest.attachments.length > 0);
    assert.ok(result.manifest.attachments.every((a) => a.status === 'skipped-untrusted'), JSON.stringify(result.manifest.attachments));
  });

  it('refuses a configuration file, a folder that is not absolute, and a file that cannot be read, in both languages', async function () {
    const config = await client.request<ExportOutcome>(EXPORT_METHOD, { uri: configUri, outDir: work, trusted: true });
    assert.equal(config.status, 'refused');
    const relative = await exportTo('out');
    assert.equal(relative.status, 'refused');
    for (const outcome of [config, relative])
      if (outcome.status === 'refused') {
        assert.match(outcome.message['zh-cn'], /[\u4e00-\u9fff]/);
        assert.match(outcome.message.en, /^[\x20-\x7e]+$/);
      }
    const missing = await client.request<ExportOutcome>(EXPORT_METHOD, {
      uri: fileUri(path.join(work, 'app', '不存在.app95.yaml')),
      outDir: work,
      trusted: true,
    });
    assert.equal(missing.status, 'unreadable', JSON.stringify(missing));
    if (missing.status === 'unreadable') assert.match(missing.message.en, /no such file/);
  });
});
