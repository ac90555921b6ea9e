/**
 * `miit95.rules` per workspace folder over the bundled server (dist/server.js, stdio): with two
 * workspace folders, the server asks workspace/configuration for the `miit95` section with each
 * folder's `scopeUri` and applies each folder's value to the applications inside it (the unscoped
 * value elsewhere); a didChangeConfiguration makes it read them again and revalidate.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, SERVER_BUNDLE } from './client';

const SAMPLE = 'short-province-names.app95.yaml';
const RULE = 'R-COVERAGE-004';
const ERROR = 1;
const WARNING = 2;
const INFORMATION = 3;

function ofRule(list: readonly Diagnostic[]): Diagnostic[] {
  return list.filter((d) => d.code === RULE);
}

describe('miit95.rules per workspace folder (scopeUri) over stdio', function () {
  let work: string;
  let client!: LspClient;
  let folderA: string;
  let folderB: string;
  /** The answers to workspace/configuration, by scopeUri ('' = no scope). */
  const settings = new Map<string, unknown>();
  const asked: (string | undefined)[] = [];
  /** Resolves once the server has asked for both folders' settings (it reads them after `initialized`). */
  let askedBoth!: Promise<void>;

  before(async function () {
    assertBundleFresh(SERVER_BUNDLE);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-lsp-folders-'));
    folderA = path.join(work, '甲');
    folderB = path.join(work, '乙');
    for (const folder of [folderA, folderB])
      cpSync(path.join(REPO_ROOT, 'samples', 'mistakes'), folder, { recursive: true });
    settings.set('', { rules: {} });
    settings.set(fileUri(folderA), { rules: { [RULE]: 'error' } });
    settings.set(fileUri(folderB), { rules: { [RULE]: 'off' } });
    client = LspClient.start('stdio');
    let resolveAsked!: () => void;
    askedBoth = new Promise((resolve) => (resolveAsked = resolve));
    client.onRequest('client/registerCapability', () => null);
    client.onRequest('workspace/configuration', (params) =>
      (params as { items: { section?: string; scopeUri?: string }[] }).items.map((item) => {
        asked.push(item.scopeUri);
        if (asked.includes(fileUri(folderA)) && asked.includes(fileUri(folderB))) resolveAsked();
        return item.section === 'miit95' ? (settings.get(item.scopeUri ?? '') ?? settings.get('')) : null;
      }),
    );
    await client.initialize({
      locale: 'en',
      rootUri: null,
      workspaceFolders: [
        { uri: fileUri(folderA), name: '甲' },
        { uri: fileUri(folderB), name: '乙' },
      ],
      capabilities: {
        textDocument: { publishDiagnostics: { versionSupport: true } },
        workspace: { configuration: true, workspaceFolders: true },
      },
    });
  });

  after(async function () {
    if (client !== undefined) {
      const code = await client.stop();
      assert.equal(code, 0, `server exits cleanly; stderr: ${client.stderr}`);
    }
    rmSync(work, { recursive: true, force: true });
  });

  afterEach(function () {
    assert.deepEqual(
      client.logs.filter((l) => l.type === 1),
      [],
      'the server logged no errors',
    );
  });

  async function diagnosticsOf(file: string): Promise<Diagnostic[]> {
    const uri = fileUri(file);
    const mark = client.mark();
    await client.open(uri, readFileSync(file, 'utf8'));
    return (await client.waitForVersion(uri, 1, mark)).diagnostics;
  }

  it('asks for each folder’s settings with its scopeUri', async function () {
    await askedBoth;
    assert.ok(asked.includes(undefined), 'and once without a scope');
    assert.ok(asked.includes(fileUri(folderA)), `asked: ${asked.join(', ')}`);
    assert.ok(asked.includes(fileUri(folderB)), `asked: ${asked.join(', ')}`);
  });

  it('applies each folder’s value to the applications inside it', async function () {
    const inA = ofRule(await diagnosticsOf(path.join(folderA, SAMPLE)));
    const inB = ofRule(await diagnosticsOf(path.join(folderB, SAMPLE)));
    assert.ok(inA.length >= 10, `reported in 甲 (${inA.length})`);
    assert.ok(inA.every((d) => d.severity === ERROR));
    assert.deepEqual(inB, [], 'off in 乙');
  });

  it('uses the unscoped value outside the folders', async function () {
    const outside = path.join(work, 'elsewhere');
    cpSync(path.join(REPO_ROOT, 'samples', 'mistakes'), outside, { recursive: true });
    const found = ofRule(await diagnosticsOf(path.join(outside, SAMPLE)));
    assert.ok(found.length >= 10 && found.every((d) => d.severity === INFORMATION), 'the default (info)');
  });

  it('reads the folders again on didChangeConfiguration and revalidates only what changed', async function () {
    settings.set(fileUri(folderB), { rules: { [RULE]: 'warning' } });
    const uriB = fileUri(path.join(folderB, SAMPLE));
    const mark = client.mark();
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const published = await client.waitForDiagnostics(uriB, (p) => ofRule(p.diagnostics).length > 0, mark);
    assert.ok(ofRule(published.diagnostics).every((d) => d.severity === WARNING));
    const latestA = client.publishedFor(fileUri(path.join(folderA, SAMPLE))).pop()!;
    assert.ok(
      ofRule(latestA.diagnostics).every((d) => d.severity === ERROR),
      '甲 keeps its errors',
    );
  });
});
