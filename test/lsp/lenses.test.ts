/**
 * The editor's inline figures and small requests over the bundled server (dist/server.js, stdio):
 * code lenses on the complete sample (readiness 12/12 with 0 errors on apiVersion, the annual fee
 * on each candidate number, the R-NUMBER-009 reminder), the Erlang C inlay hint on tech.seats, both
 * locales, lenses following an edit, and the `miit95/rules` and `miit95/revalidate` requests.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CodeLens, InlayHint, Range } from 'vscode-languageserver-protocol/node';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, SERVER_BUNDLE } from './client';

const COMPLETE_DIR = path.join(REPO_ROOT, 'samples', 'complete');
const COMPLETE_NAME = '杭州云声.app95.yaml';
const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

interface RuleListItem {
  id: string;
  name: string;
  description: string;
  kind: string;
  docs: string;
}

describe('editor lenses and requests over stdio (dist/server.js)', function () {
  let work: string | undefined;
  let text: string;
  const clients: LspClient[] = [];

  before(function () {
    assertBundleFresh(SERVER_BUNDLE);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-lenses-'));
    cpSync(COMPLETE_DIR, work, { recursive: true });
    text = readFileSync(path.join(COMPLETE_DIR, COMPLETE_NAME), 'utf8');
  });

  after(async function () {
    for (const client of clients) {
      const code = await client.stop();
      assert.equal(code, 0, `server exits cleanly; stderr: ${client.stderr}`);
    }
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  afterEach(function () {
    for (const client of clients)
      assert.deepEqual(client.logs.filter((l) => l.type === 1), [], 'the server logged no errors');
  });

  /** One server per initialize options, shared by the tests. */
  const started = new Map<string, Promise<LspClient>>();
  function serverFor(options: Record<string, unknown>): Promise<LspClient> {
    const key = JSON.stringify(options);
    let client = started.get(key);
    if (client === undefined) {
      const fresh = LspClient.start('stdio');
      clients.push(fresh);
      client = fresh.initialize(options).then(() => fresh);
      started.set(key, client);
    }
    return client;
  }

  /** The complete sample opened as `name` in the work folder, once its diagnostics are published. */
  async function openSample(
    options: Record<string, unknown>,
    name: string,
  ): Promise<{ client: LspClient; uri: string }> {
    const client = await serverFor(options);
    const uri = fileUri(path.join(work!, name));
    await client.open(uri, text);
    await client.waitForVersion(uri, 1);
    return { client, uri };
  }

  function lensRows(client: LspClient, uri: string, version: number, lenses: CodeLens[]): string[][] {
    return lenses.map((l) => [
      client.covered(uri, version, l.range),
      l.command?.title ?? '(no command)',
      l.command?.command ?? '',
      JSON.stringify(l.command?.arguments ?? []),
    ]);
  }

  it('declares code lenses (no resolve) and inlay hints', async function () {
    const client = LspClient.start('stdio');
    clients.push(client);
    const init = await client.initialize({});
    assert.deepEqual(init.capabilities.codeLensProvider, { resolveProvider: false });
    assert.equal(init.capabilities.inlayHintProvider, true);
  });

  it('shows readiness 12/12 with 0 errors on apiVersion and the fee on each candidate number (zh-cn)', async function () {
    const { client, uri } = await openSample({ locale: 'zh-cn' }, COMPLETE_NAME);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lensRows(client, uri, 1, lenses), [
      ['apiVersion', '材料完成 12/12 · 0 个错误 · 0 个警告', 'workbench.actions.view.problems', '[]'],
      ['candidates', '请在码号查询系统核实可用性', 'miit95.openRuleDoc', '["R-NUMBER-009"]'],
      ['"95079"', '95079：年占用费 ¥240,000（5位）', 'miit95.showFeePreview', JSON.stringify([uri])],
      ['"95128"', '95128：年占用费 ¥240,000（5位）', 'miit95.showFeePreview', JSON.stringify([uri])],
      ['"952388"', '952388：年占用费 ¥24,000（6位）', 'miit95.showFeePreview', JSON.stringify([uri])],
    ]);
    assert.equal(lenses[0]?.range.start.line, 0, 'the readiness lens is on the first line');
  });

  it('hints the seats Erlang C requires after tech.seats', async function () {
    const { client, uri } = await openSample({ locale: 'zh-cn' }, 'hint.app95.yaml');
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE });
    assert.equal(hints.length, 1, JSON.stringify(hints));
    const hint = hints[0]!;
    assert.equal(hint.label, '需要 ≥ 66 席以达到 80/20');
    const line = text.split('\n')[hint.position.line] ?? '';
    assert.equal(line.slice(0, hint.position.character), '  seats: 80', 'right after the value');
    assert.match(typeof hint.tooltip === 'string' ? hint.tooltip : (hint.tooltip?.value ?? ''), /Erlang C/);
    const elsewhere = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } },
    });
    assert.deepEqual(elsewhere, [], 'no hint outside the requested range');
  });

  it('speaks English when miit95.language is en', async function () {
    const { client, uri } = await openSample({ initializationOptions: { language: 'en' } }, 'en.app95.yaml');
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      [
        'Materials complete 12/12 · 0 errors · 0 warnings',
        'Check availability in the number lookup',
        '95079: annual occupation fee ¥240,000 (5 digits)',
        '95128: annual occupation fee ¥240,000 (5 digits)',
        '952388: annual occupation fee ¥24,000 (6 digits)',
      ],
    );
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE });
    assert.deepEqual(hints.map((h) => h.label), ['needs ≥ 66 seats for 80/20']);
  });

  it('follows edits: a wrong seats value makes the technical plan incomplete; the hint stays', async function () {
    const { client, uri } = await openSample({ locale: 'zh-cn' }, 'edit.app95.yaml');
    const at = text.indexOf('  seats: 80') + '  seats: '.length;
    const version = await client.edit(uri, [{ offset: at, length: 2, text: '八十' }]);
    await client.waitForVersion(uri, version);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.match(lenses[0]?.command?.title ?? '', /^材料完成 11\/12 · 1 个错误 · \d+ 个警告$/);
    assert.match(lenses[0]?.command?.tooltip ?? '', /未完成：材料7 [^；]*（1 个错误）。/);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE });
    assert.equal(hints.length, 1, 'the forecast still gives the requirement');
    assert.equal(hints[0]?.label, '需要 ≥ 66 席以达到 80/20');
  });

  it('lists the rule catalogue (miit95/rules) in the server locale', async function () {
    const { client } = await openSample({ locale: 'zh-cn' }, 'rules.app95.yaml');
    const rules = await client.request<RuleListItem[]>('miit95/rules');
    assert.ok(rules.length >= 50, `${rules.length} entries`);
    const byId = new Map(rules.map((r) => [r.id, r]));
    assert.equal(byId.get('R-NUMBER-009')?.kind, 'reminder');
    assert.equal(byId.get('R-TECH-001')?.kind, 'diagnostic');
    assert.equal(byId.get('R-TECH-001')?.docs, 'docs/rules/R-TECH-001.md');
    for (const r of rules) {
      assert.match(r.id, /^R-[A-Z]+-\d{3}$/);
      assert.match(r.description, /[\u4e00-\u9fff]/, `${r.id} description in Chinese`);
    }
    assert.equal(rules[0]?.id, 'R-APPLICANT-001', 'catalogue order');
  });

  it('revalidates every open document on miit95/revalidate', async function () {
    const own = { locale: 'zh-cn', initializationOptions: { language: 'zh-cn' } }; // a server of its own
    const first = await openSample(own, 'revalidate-1.app95.yaml');
    const second = await openSample(own, 'revalidate-2.app95.yaml');
    const client = first.client;
    const since = client.mark();
    const result = await client.request<{ documents: number }>('miit95/revalidate');
    assert.equal(result.documents, 2);
    for (const uri of [first.uri, second.uri]) {
      const again = await client.waitForDiagnostics(uri, () => true, since);
      assert.equal(again.version, 1, `${uri} published again for its current version`);
    }
  });
});
