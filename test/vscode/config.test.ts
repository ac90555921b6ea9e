/**
 * `.miit95.yaml` in a real VS Code: a domain-rule diagnostic carries its code and a link to
 * docs/rules/<ID>.md; a severity written to the configuration file on disk, an unsaved edit of the
 * open configuration and the `miit95.rules` setting apply to the open application without reopening
 * it; the configuration file's own problems are shown in it. Works in its own subfolder of the
 * temporary samples workspace, removed afterwards.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Miit95Api } from '../../client/src/api';
import {
  codeOf,
  describeDiagnostics,
  discardEditors,
  openAndWaitForPublish,
  readyApi,
  sampleUri,
  waitForDiagnostics,
} from './helpers';

const COVERAGE = 'R-COVERAGE-003';
/** The complete sample has 7 provinces: with this threshold it fails R-COVERAGE-003. */
const STRICT = 'thresholds:\n  coverage:\n    min_provinces: 31\n';

function coverageOf(list: readonly vscode.Diagnostic[]): vscode.Diagnostic | undefined {
  return list.find((d) => codeOf(d) === COVERAGE);
}

describe('miit95 configuration (.miit95.yaml) in VS Code', () => {
  let api: Miit95Api;
  let folder: vscode.Uri;
  let configUri: vscode.Uri;
  let appUri: vscode.Uri;
  const write = (text: string): Thenable<void> =>
    vscode.workspace.fs.writeFile(configUri, Buffer.from(text, 'utf8'));

  before(async function () {
    this.timeout(60_000);
    folder = sampleUri(`config-e2e-${Date.now()}`);
    configUri = vscode.Uri.joinPath(folder, '.miit95.yaml');
    appUri = vscode.Uri.joinPath(folder, 'app', '杭州云声.app95.yaml');
    api = await readyApi();
    await vscode.workspace.fs.copy(sampleUri('complete'), vscode.Uri.joinPath(folder, 'app'));
    await write(STRICT);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('miit95')
      .update('rules', undefined, vscode.ConfigurationTarget.Global);
    await discardEditors();
    if (folder !== undefined) await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  });

  it('shows a domain-rule diagnostic with its code linking to docs/rules/<ID>.md', async () => {
    const doc = await openAndWaitForPublish(api, appUri);
    const list = await waitForDiagnostics(
      doc,
      (l) => coverageOf(l) !== undefined,
      `${COVERAGE} from .miit95.yaml`,
    );
    const coverage = coverageOf(list)!;
    assert.equal(coverage.severity, vscode.DiagnosticSeverity.Warning, describeDiagnostics(doc, list));
    assert.equal(doc.getText(coverage.range), 'area');
    assert.ok(typeof coverage.code === 'object', 'the code carries a documentation target');
    assert.match(coverage.code.target.toString(), /\/docs\/rules\/R-COVERAGE-003\.md$/);
  });

  it('applies a severity written to .miit95.yaml on disk to the open application', async () => {
    const doc = await openAndWaitForPublish(api, appUri);
    await write(`${STRICT}rules:\n  ${COVERAGE}: error\n`);
    await waitForDiagnostics(
      doc,
      (l) => coverageOf(l)?.severity === vscode.DiagnosticSeverity.Error,
      `${COVERAGE} as an error after the file changed`,
    );
    await write(`${STRICT}rules:\n  ${COVERAGE}: off\n`);
    await waitForDiagnostics(doc, (l) => coverageOf(l) === undefined, `${COVERAGE} turned off`);
    await write(STRICT);
    await waitForDiagnostics(
      doc,
      (l) => coverageOf(l)?.severity === vscode.DiagnosticSeverity.Warning,
      `${COVERAGE} back to its default severity`,
    );
  });

  it('applies unsaved edits of the open .miit95.yaml, and shows its own problems in it', async () => {
    const app = await openAndWaitForPublish(api, appUri);
    await waitForDiagnostics(app, (l) => coverageOf(l) !== undefined, `${COVERAGE} before the edit`);
    const config = await vscode.workspace.openTextDocument(configUri);
    await vscode.window.showTextDocument(config, { preview: false });
    const edit = new vscode.WorkspaceEdit();
    edit.insert(
      configUri,
      config.positionAt(config.getText().length),
      `rules:\n  ${COVERAGE}: off\n  R-COVERAG-004: info\n`,
    );
    assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    assert.ok(config.isDirty, 'the configuration is not saved');
    await waitForDiagnostics(
      app,
      (l) => coverageOf(l) === undefined,
      `${COVERAGE} off by the unsaved configuration`,
    );
    const own = await waitForDiagnostics(
      config,
      (l) => l.some((d) => codeOf(d) === 'config/unknown-rule'),
      'config/unknown-rule in the configuration file',
    );
    const unknown = own.find((d) => codeOf(d) === 'config/unknown-rule')!;
    assert.equal(config.getText(unknown.range), 'R-COVERAG-004');
    assert.match(unknown.message, /R-COVERAGE-004/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(app, (l) => coverageOf(l) !== undefined, `${COVERAGE} back after the revert`);
  });

  it('lets the miit95.rules setting override the file', async () => {
    const doc = await openAndWaitForPublish(api, appUri);
    const settings = vscode.workspace.getConfiguration('miit95');
    await settings.update('rules', { [COVERAGE]: 'info' }, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(
      doc,
      (l) => coverageOf(l)?.severity === vscode.DiagnosticSeverity.Information,
      `${COVERAGE} as information by the setting`,
    );
    await settings.update('rules', undefined, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(
      doc,
      (l) => coverageOf(l)?.severity === vscode.DiagnosticSeverity.Warning,
      `${COVERAGE} back to the file's severity`,
    );
  });
});
