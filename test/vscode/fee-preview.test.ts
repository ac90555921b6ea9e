/**
 * The fee preview panel in a real VS Code (code-server's extension host, webview included): the
 * command opens it beside the complete sample and its webview shows the annual fees; an edit to a
 * candidate number updates it; an invalid candidate blocks it ("blocked by 1 error") until fixed.
 * What the webview rendered is read back from its own DOM through the extension API.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Miit95Api } from '../../client/src/api';
import type { RenderedSummary } from '../../client/src/preview/protocol';
import { extension, openAndWaitForPublish, sampleUri, until, waitFor } from './helpers';

const sample = ['complete', '杭州云声.app95.yaml'];

/** Waits until the webview reports a render that satisfies `predicate`. */
function waitForRender(
  api: Miit95Api,
  predicate: (s: RenderedSummary) => boolean,
  what: string,
): Promise<RenderedSummary> {
  return waitFor(
    api.feePreview.onDidRender,
    () => {
      const s = api.feePreview.lastRendered();
      return s !== undefined && predicate(s) ? s : undefined;
    },
    30_000,
    () => `the fee preview to render ${what}; last render: ${JSON.stringify(api.feePreview.lastRendered())}`,
  );
}

/** Replaces the first occurrence of `from` in the document with `to`, through its editor. */
async function replaceInDocument(doc: vscode.TextDocument, from: string, to: string): Promise<void> {
  const offset = doc.getText().indexOf(from);
  assert.ok(offset >= 0, `${from} is in the document`);
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  assert.ok(editor, 'the sample is visible');
  const range = new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + from.length));
  assert.ok(await editor.edit((b) => b.replace(range, to)), 'the edit applied');
}

describe('miit95 fee preview in VS Code', () => {
  let api: Miit95Api;
  let doc: vscode.TextDocument;

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

  it('opens beside the sample and shows the annual fee ¥240,000', async () => {
    const column = vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
    const rendered = waitForRender(
      api,
      (s) => s.uri === doc.uri.toString() && s.version === doc.version && s.candidates.length > 0,
      'the sample',
    );
    await vscode.commands.executeCommand('miit95.showFeePreview');
    const summary = await rendered;
    const panel = api.feePreview.panel();
    assert.ok(panel, 'the panel is open');
    assert.equal(panel.viewColumn, column + 1, 'beside the editor');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'focus stays');
    assert.deepEqual(summary.candidates, [
      { number: '95079', annual: '¥240,000' },
      { number: '95128', annual: '¥240,000' },
      { number: '952388', annual: '¥24,000' },
    ]);
    assert.equal(summary.blockedBy, 0);
    assert.match(summary.text, /信部联清〔2004〕517号/, 'states the rate source');
    assert.match(summary.text, /Not confirmed|未确认/, 'says the rate is not confirmed');
    assert.match(summary.text, /2027-04-10/, 'first payment due date');
    assert.match(summary.text, /¥216,000/, 'saving per year');
    const result = api.feePreview.lastResult();
    assert.ok(result?.locations['/number/candidates/0'], 'figures carry their locations');
  });

  it('updates after an edit to the candidate number', async () => {
    await replaceInDocument(doc, '"95079"', '"952399"');
    const summary = await waitForRender(
      api,
      (s) => s.version === doc.version && s.candidates[0]?.number === '952399',
      'the edited candidate',
    );
    assert.deepEqual(summary.candidates[0], { number: '952399', annual: '¥24,000' });
    assert.equal(summary.blockedBy, 0);
  });

  it('says "blocked by 1 error" for an invalid candidate, and recovers when it is fixed', async () => {
    await replaceInDocument(doc, '"952399"', '"9523"');
    const blocked = await waitForRender(api, (s) => s.version === doc.version && s.blockedBy > 0, 'blocked');
    assert.equal(blocked.blockedBy, 1);
    assert.match(blocked.blockedText ?? '', /Blocked by 1 error|被 1 个错误阻止/);
    assert.deepEqual(blocked.candidates, [], 'no figures while blocked');
    await replaceInDocument(doc, '"9523"', '"95079"');
    const fixed = await waitForRender(api, (s) => s.version === doc.version && s.blockedBy === 0, 'fixed');
    assert.equal(fixed.candidates[0]?.annual, '¥240,000');
  });
});
