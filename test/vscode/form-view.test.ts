/**
 * The form view in a real VS Code (code-server's extension host, webview included): the command
 * opens the custom editor `miit95.form` beside the complete sample and its webview renders the
 * model of the current version; a text edit shows in the form (a new render at the new version);
 * a form edit becomes a minimal text edit in the same document, undone by VS Code's own undo; the
 * form follows an unparsable text by turning read-only. Renders are read back through the API.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Miit95Api } from '../../client/src/api';
import type { FormSession } from '../../client/src/form/form-session';
import { extension, openAndWaitForPublish, sampleUri, until, waitFor } from './helpers';

const sample = ['complete', '杭州云声.app95.yaml'];

describe('miit95 form view in VS Code', () => {
  let api: Miit95Api;
  let doc: vscode.TextDocument;
  let session: FormSession;

  function waitForRender(predicate: (version: number, editable: boolean) => boolean, what: string): Promise<void> {
    return waitFor(
      api.formView.onDidRender,
      () => {
        const r = session.lastRendered();
        return r !== undefined && predicate(r.version, r.editable) ? true : undefined;
      },
      30_000,
      () => `the form to render ${what}; last render: ${JSON.stringify(session.lastRendered())}, document version ${doc.version}`,
    ).then(() => undefined);
  }

  async function replaceInDocument(from: string, to: string): Promise<void> {
    const offset = doc.getText().indexOf(from);
    assert.ok(offset >= 0, `${from} is in the document`);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    assert.ok(editor, 'the text is visible');
    const range = new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + from.length));
    assert.ok(await editor.edit((b) => b.replace(range, to)), 'the edit applied');
  }

  before(async () => {
    const uri = sampleUri(...sample);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ext = extension();
    await until(() => ext.isActive, 20_000, `${ext.id} to activate`);
    api = ext.exports;
    await api.serverReady();
    doc = await openAndWaitForPublish(api, uri);
  });

  after(async () => {
    for (const d of vscode.workspace.textDocuments.filter((x) => x.isDirty)) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens beside the text from the command and renders the current version', async function () {
    this.timeout(60_000);
    const opened = waitFor(api.formView.onDidRender, () => api.formView.sessions()[0], 30_000, () => 'a form session');
    await vscode.commands.executeCommand('miit95.openForm', doc.uri);
    session = await opened;
    assert.equal(session.document, doc, 'the form edits the same TextDocument');
    await waitForRender((v, editable) => v === doc.version && editable, 'the sample');
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => ({ t, column: g.viewColumn })));
    const form = tabs.find(({ t }) => t.input instanceof vscode.TabInputCustom && t.input.viewType === 'miit95.form');
    const text = tabs.find(({ t }) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString());
    assert.ok(form && text, 'the form and the text are both open');
    assert.notEqual(form.column, text.column, 'side by side');
    const model = session.lastResult()?.model;
    assert.equal(model?.pages.length, 13);
    assert.deepEqual(model?.pages.map((p) => p.status), Array(13).fill('complete'));
  });

  it('follows a text edit: the form renders the new version', async function () {
    this.timeout(60_000);
    await replaceInDocument('legal_rep: 王建国', 'legal_rep: 李四');
    await waitForRender((v) => v === doc.version, 'the edited text');
    const json = JSON.stringify(session.lastResult()?.model);
    assert.ok(json.includes('"value":"李四"'), 'the new value is in the model');
  });

  it('turns a form edit into a minimal text edit that VS Code undoes', async function () {
    this.timeout(60_000);
    const before = doc.getText();
    const version = doc.version;
    await session.edit(version, { kind: 'set', path: ['applicant', 'legal_rep'], value: '王五' });
    await until(() => doc.version > version, 10_000, 'the document to change');
    const after = doc.getText();
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    assert.deepEqual(changed, [before.split('\n').find((l) => l.includes('legal_rep: 李四'))!.replace('李四', '王五')]);
    await waitForRender((v) => v === doc.version, 'the form edit');
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    assert.ok(editor);
    await vscode.window.showTextDocument(doc, editor.viewColumn);
    await vscode.commands.executeCommand('undo');
    await until(() => doc.getText() === before, 10_000, 'undo to restore the text');
    await waitForRender((v) => v === doc.version, 'the undone text');
  });

  it('is read-only while the text does not parse, editable again once it does', async function () {
    this.timeout(60_000);
    await replaceInDocument('applicant:\n', 'applicant: [\n');
    await waitForRender((v, editable) => v === doc.version && !editable, 'read-only');
    assert.ok(session.lastResult()?.model.syntaxError, 'the syntax error is shown');
    await replaceInDocument('applicant: [\n', 'applicant:\n');
    await waitForRender((v, editable) => v === doc.version && editable, 'editable again');
  });
});
