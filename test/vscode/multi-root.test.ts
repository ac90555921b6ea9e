/**
 * `miit95.rules` is a resource setting, read per workspace folder: in a multi-root workspace (a
 * `.code-workspace` with two folders, each with its own `.vscode/settings.json`), the same
 * application gets different diagnostics in each folder — R-COVERAGE-004 raised to `error` in
 * folder `甲`, turned `off` in folder `乙` — and changing one folder's setting changes only that
 * folder's diagnostics. Runs only in the multi-root workspace of test/e2e/run-multiroot.mjs (it is
 * skipped, and reported as pending, in the single-folder suite run).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, discardEditors, openAndWaitForPublish, ours, readyApi, until } from './helpers';

const SAMPLE = 'short-province-names.app95.yaml';
const RULE = 'R-COVERAGE-004';

function folderNamed(name: string): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.workspaceFolders?.find((f) => f.name === name);
}

function ruleDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return ours(uri).filter((d) => codeOf(d) === RULE);
}

describe('multi-root: miit95.rules per workspace folder', () => {
  before(function () {
    if (folderNamed('甲') === undefined || folderNamed('乙') === undefined) this.skip();
  });

  afterEach(() => discardEditors());

  it('declares miit95.rules with resource scope', () => {
    const inspected = vscode.workspace.getConfiguration('miit95', folderNamed('甲')!.uri).inspect('rules');
    assert.deepEqual(
      inspected?.workspaceFolderValue,
      { [RULE]: 'error' },
      'the folder value is read for the folder',
    );
  });

  it('gives the same application different diagnostics in each folder', async function () {
    this.timeout(60_000);
    const api = await readyApi();
    const a = vscode.Uri.joinPath(folderNamed('甲')!.uri, SAMPLE);
    const b = vscode.Uri.joinPath(folderNamed('乙')!.uri, SAMPLE);
    await openAndWaitForPublish(api, a);
    await openAndWaitForPublish(api, b);
    await until(() => ruleDiagnostics(a).length > 0, 20_000, `${RULE} in 甲`);
    const inA = ruleDiagnostics(a);
    assert.ok(inA.length >= 10, `the short names are reported in 甲 (${inA.length})`);
    assert.ok(
      inA.every((d) => d.severity === vscode.DiagnosticSeverity.Error),
      'as errors, as 甲’s setting says',
    );
    assert.deepEqual(ruleDiagnostics(b), [], `${RULE} is off in 乙`);
    assert.ok(ours(b).length < ours(a).length, '乙 has fewer findings than 甲');
  });

  it('follows a change of one folder’s setting, leaving the other folder alone', async function () {
    this.timeout(60_000);
    const api = await readyApi();
    const a = vscode.Uri.joinPath(folderNamed('甲')!.uri, SAMPLE);
    const b = vscode.Uri.joinPath(folderNamed('乙')!.uri, SAMPLE);
    await openAndWaitForPublish(api, a);
    await openAndWaitForPublish(api, b);
    const settingsOfB = vscode.workspace.getConfiguration('miit95', folderNamed('乙')!.uri);
    await settingsOfB.update('rules', { [RULE]: 'warning' }, vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      await until(
        () =>
          ruleDiagnostics(b).length > 0 &&
          ruleDiagnostics(b).every((d) => d.severity === vscode.DiagnosticSeverity.Warning),
        20_000,
        `${RULE} as warnings in 乙`,
      );
      assert.ok(
        ruleDiagnostics(a).every((d) => d.severity === vscode.DiagnosticSeverity.Error),
        '甲 keeps its errors',
      );
    } finally {
      await settingsOfB.update('rules', { [RULE]: 'off' }, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await until(() => ruleDiagnostics(b).length === 0, 20_000, `${RULE} off again in 乙`);
  });
});
