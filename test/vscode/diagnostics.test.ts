/**
 * The extension in a real VS Code (code-server's extension host): activation and language id,
 * and diagnostics published by the language server for the samples, while typing and after undo.
 * Runs on a temporary copy of samples/ opened as the workspace folder (see test/e2e/).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Miit95Api } from '../../client/src/api';
import {
  codeOf,
  describeDiagnostics,
  discardEditors,
  extension,
  openAndWaitForPublish,
  ours,
  sampleUri,
  until,
  waitForDiagnostics,
} from './helpers';

const completeSample = ['complete', '杭州云声.app95.yaml'];
const unknownKeySample = ['mistakes', 'unknown-key.app95.yaml'];

function errors(list: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return list.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
}

describe('miit95 extension in VS Code', () => {
  let api: Miit95Api;

  before(() => {
    console.log(
      `vscode ${vscode.version} appName=${vscode.env.appName} uiKind=${vscode.UIKind[vscode.env.uiKind]} remoteName=${String(vscode.env.remoteName)} language=${vscode.env.language} node=${process.version}`,
    );
  });

  afterEach(() => discardEditors());

  it('activates for a .app95.yaml file, whose language id is miit95', async () => {
    const doc = await vscode.workspace.openTextDocument(sampleUri(...completeSample));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'miit95');
    const ext = extension();
    await until(() => ext.isActive, 20_000, `${ext.id} to activate`);
    api = ext.exports;
    assert.equal(typeof api.onDidPublishDiagnostics, 'function', 'activate() returns the Miit95Api');
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['miit95.restartServer', 'miit95.showOutput'])
      assert.ok(commands.includes(id), `${id} is registered`);
    await vscode.commands.executeCommand('miit95.showOutput');
  });

  it('starts the language server', async function () {
    this.timeout(30_000);
    api ??= await extension().activate();
    await api.serverReady();
  });

  it('publishes no errors for the complete sample', async () => {
    const doc = await openAndWaitForPublish(api, sampleUri(...completeSample));
    const list = ours(doc.uri);
    assert.deepEqual(
      errors(list),
      [],
      `errors in the complete sample:\n    ${describeDiagnostics(doc, list)}`,
    );
  });

  it('underlines the unknown keys of mistakes/unknown-key.app95.yaml', async () => {
    // The sample misspells usage.business_model as bussiness_model and adds applicant.fax.
    const doc = await openAndWaitForPublish(api, sampleUri(...unknownKeySample));
    const list = await waitForDiagnostics(
      doc,
      (l) => l.filter((d) => codeOf(d) === 'schema/additionalProperties').length >= 2,
      'two schema/additionalProperties errors',
    );
    const extra = list.filter((d) => codeOf(d) === 'schema/additionalProperties');
    assert.deepEqual(
      extra.map((d) => doc.getText(d.range)).sort(),
      ['bussiness_model', 'fax'],
      describeDiagnostics(doc, list),
    );
    for (const d of extra) assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  });

  it('reports a key typed wrong in the complete sample, and clears it when undone', async () => {
    const doc = await openAndWaitForPublish(api, sampleUri(...completeSample));
    assert.deepEqual(errors(ours(doc.uri)), [], 'the complete sample starts clean');
    const match = /^ {2}seats:/m.exec(doc.getText());
    assert.ok(match, 'the complete sample has tech.seats at indent 2');
    const keyStart = doc.positionAt(match.index + 2);
    const keyRange = new vscode.Range(keyStart, keyStart.translate(0, 'seats'.length));

    const typo = new vscode.WorkspaceEdit();
    typo.replace(doc.uri, keyRange, 'seatz');
    assert.ok(await vscode.workspace.applyEdit(typo), 'edit applied');
    const list = await waitForDiagnostics(
      doc,
      (l) => l.some((d) => codeOf(d) === 'schema/additionalProperties' && doc.getText(d.range) === 'seatz'),
      "schema/additionalProperties on 'seatz'",
    );
    assert.ok(errors(list).length >= 1);

    const fix = new vscode.WorkspaceEdit();
    fix.replace(doc.uri, keyRange, 'seats');
    assert.ok(await vscode.workspace.applyEdit(fix), 'fix applied');
    await waitForDiagnostics(doc, (l) => errors(l).length === 0, 'no errors after the fix');
  });

  it('restarts the language server and publishes again', async () => {
    const doc = await openAndWaitForPublish(api, sampleUri(...unknownKeySample));
    await waitForDiagnostics(
      doc,
      (l) => l.some((d) => codeOf(d) === 'schema/additionalProperties'),
      'diagnostics before the restart',
    );
    await vscode.commands.executeCommand('miit95.restartServer');
    await api.serverReady();
    // A restart forgets what was published; the restarted server publishes the open document again.
    await waitForDiagnostics(
      doc,
      (l) =>
        api.hasPublishedDiagnostics(doc.uri) && l.some((d) => codeOf(d) === 'schema/additionalProperties'),
      'diagnostics published by the restarted server',
      [api.onDidPublishDiagnostics],
    );
  });

  it('passes miit95.language to the server, restarting it when the setting changes', async () => {
    const doc = await openAndWaitForPublish(api, sampleUri(...unknownKeySample));
    const config = vscode.workspace.getConfiguration('miit95');
    const hasChinese = (text: string): boolean => /[\u4e00-\u9fff]/u.test(text);
    const unknownKeyMessages = (l: vscode.Diagnostic[]): string[] =>
      l.filter((d) => codeOf(d) === 'schema/additionalProperties').map((d) => d.message);
    try {
      for (const [language, chinese] of [
        ['zh-cn', true],
        ['en', false],
      ] as const) {
        await config.update('language', language, vscode.ConfigurationTarget.Global);
        const list = await waitForDiagnostics(
          doc,
          (l) =>
            unknownKeyMessages(l).length >= 2 &&
            unknownKeyMessages(l).every((m) => hasChinese(m) === chinese),
          `schema/additionalProperties messages in ${language}`,
          [api.onDidPublishDiagnostics],
        );
        assert.ok(unknownKeyMessages(list).length >= 2);
      }
    } finally {
      await config.update('language', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
