/**
 * The form view's requests over the bundled server (dist/server.js, stdio): `miit95/formModel` on
 * `miit95 init`'s template (pages, fields, findings in the server's language), `miit95/formEdit`
 * giving minimal LSP text edits that the client applies (the model then follows), a stale version
 * rejected, a syntax error making the form read-only and edits refused, English labels.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FORM_EDIT_METHOD, FORM_MODEL_METHOD, type FormEditResult, type FormField, type FormModelResult } from '../../server/src/editor-protocol';
import { applicationTemplate } from '../../server/src/core/template';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, SERVER_BUNDLE } from './client';
import * as path from 'node:path';

const TEMPLATE = applicationTemplate({ companyName: '测试公司', today: '2026-12-01' });

function find(result: FormModelResult, id: string): FormField {
  const walk = (f: FormField): FormField | undefined =>
    f.id === id ? f : [...(f.children ?? []), ...(f.items ?? [])].map(walk).find((x) => x !== undefined);
  for (const page of result.model.pages)
    for (const f of page.fields) {
      const hit = walk(f);
      if (hit) return hit;
    }
  throw new Error(`no field ${id}`);
}

describe('form view requests over stdio (dist/server.js)', function () {
  const clients: LspClient[] = [];
  before(() => assertBundleFresh(SERVER_BUNDLE));
  after(async function () {
    for (const client of clients) assert.equal(await client.stop(), 0, `server exits cleanly; stderr: ${client.stderr}`);
  });
  afterEach(function () {
    for (const client of clients) assert.deepEqual(client.logs.filter((l) => l.type === 1), [], 'the server logged no errors');
  });

  async function open(name: string, options: Record<string, unknown> = {}): Promise<{ client: LspClient; uri: string }> {
    const client = LspClient.start('stdio');
    clients.push(client);
    await client.initialize(options);
    const uri = fileUri(path.join(REPO_ROOT, '.scratch', name));
    await client.open(uri, TEMPLATE);
    await client.waitForVersion(uri, 1);
    return { client, uri };
  }

  /** Applies the result's LSP edits to the client's document (from the end, so ranges stay valid). */
  async function applyResult(client: LspClient, uri: string, result: FormEditResult): Promise<number> {
    assert.equal(result.status, 'ok', JSON.stringify(result));
    if (result.status !== 'ok') throw new Error('unreachable');
    const doc = TextDocument.create(uri, 'miit95', 0, client.text(uri));
    const offsets = result.edits
      .map((e) => ({ offset: doc.offsetAt(e.range.start), length: doc.offsetAt(e.range.end) - doc.offsetAt(e.range.start), text: e.newText }))
      .sort((a, b) => b.offset - a.offset);
    return client.edit(uri, offsets);
  }

  it('builds the model, edits through minimal text edits, and follows the new version', async function () {
    const { client, uri } = await open('form-a.app95.yaml');
    const first = await client.request<FormModelResult>(FORM_MODEL_METHOD, { uri });
    assert.equal(first.version, 1);
    assert.equal(first.model.pages.length, 13);
    assert.equal(first.model.editable, true);
    const rep = find(first, '/applicant/legal_rep');
    assert.equal(rep.value, '待填写');
    assert.deepEqual(rep.findings.map((f) => f.code), ['R-APPLICANT-008']);
    assert.match(rep.findings[0]!.message, /法定代表人/);

    const result = await client.request<FormEditResult>(FORM_EDIT_METHOD, {
      uri,
      version: 1,
      edit: { kind: 'set', path: ['applicant', 'legal_rep'], value: '王建国' },
    });
    assert.deepEqual(result, {
      status: 'ok',
      version: 1,
      edits: [{ range: { start: { line: 13, character: 13 }, end: { line: 13, character: 16 } }, newText: '王建国' }],
    });
    const version = await applyResult(client, uri, result);
    await client.waitForVersion(uri, version);
    const second = await client.request<FormModelResult>(FORM_MODEL_METHOD, { uri });
    assert.equal(second.version, version);
    assert.equal(find(second, '/applicant/legal_rep').value, '王建国');
    assert.deepEqual(find(second, '/applicant/legal_rep').findings, []);
    assert.ok(client.text(uri).includes('  legal_rep: 王建国                   # 法定代表人'), 'the comment is kept');

    const stale = await client.request<FormEditResult>(FORM_EDIT_METHOD, {
      uri,
      version: 1,
      edit: { kind: 'set', path: ['applicant', 'address'], value: '杭州' },
    });
    assert.deepEqual(stale, { status: 'stale', version });
  });

  it('is read-only while the text does not parse and refuses edits with a message', async function () {
    const { client, uri } = await open('form-b.app95.yaml');
    const version = await client.edit(uri, [{ offset: TEMPLATE.indexOf('applicant:\n') + 'applicant:'.length, text: ' [' }]);
    await client.waitForVersion(uri, version);
    const model = await client.request<FormModelResult>(FORM_MODEL_METHOD, { uri });
    assert.equal(model.model.editable, false);
    assert.ok(model.model.syntaxError !== undefined);
    const refused = await client.request<FormEditResult>(FORM_EDIT_METHOD, {
      uri,
      version,
      edit: { kind: 'set', path: ['applicant', 'legal_rep'], value: 'x' },
    });
    assert.equal(refused.status, 'rejected');
    assert.match(refused.status === 'rejected' ? refused.message : '', /YAML 语法错误/);
    assert.equal(await client.request(FORM_MODEL_METHOD, { uri: 'file:///not-open.app95.yaml' }), null);
  });

  it('speaks English when miit95.language is en', async function () {
    const { client, uri } = await open('form-c.app95.yaml', { initializationOptions: { language: 'en' } });
    const model = await client.request<FormModelResult>(FORM_MODEL_METHOD, { uri });
    assert.equal(model.model.pages[0]!.title, 'Applicant details and business licence');
    assert.match(find(model, '/applicant/legal_rep').findings[0]!.message, /legal representative/i);
  });
});
