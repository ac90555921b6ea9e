/**
 * Quick fixes in a real VS Code: the code actions VS Code gets from the server for a squiggle
 * (`vscode.executeCodeActionProvider`), applied through the workspace edit API, make the diagnostic
 * go; and fix-all runs on save with `editor.codeActionsOnSave: { "source.fixAll.miit95": "explicit" }`
 * set through the workspace configuration. Works on files written into the temporary copy of
 * samples/ (the samples themselves stay as they are for the other suites).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Miit95Api } from '../../client/src/api';
import {
  codeOf,
  discardEditors,
  openAndWaitForPublish,
  readyApi,
  sampleUri,
  waitForDiagnostics,
} from './helpers';

const SHORT_NAMES = ['mistakes', 'short-province-names.app95.yaml'];

function shortForms(list: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return list.filter((d) => codeOf(d) === 'R-COVERAGE-004');
}

/** A copy of a sample next to it (same attachments), under a new name. */
async function copyOf(segments: readonly string[], name: string): Promise<vscode.Uri> {
  const source = sampleUri(...segments);
  const target = sampleUri(...segments.slice(0, -1), name);
  await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(source));
  return target;
}

describe('miit95 quick fix in VS Code', () => {
  let api: Miit95Api;
  const created: vscode.Uri[] = [];

  before(async function () {
    this.timeout(60_000);
    api = await readyApi();
  });

  afterEach(() => discardEditors());

  after(async () => {
    await vscode.workspace
      .getConfiguration('editor')
      .update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('applies a quick fix from the code action provider and the diagnostic goes', async () => {
    const uri = await copyOf(SHORT_NAMES, 'quick-fix-case.app95.yaml');
    created.push(uri);
    const doc = await openAndWaitForPublish(api, uri);
    const before = await waitForDiagnostics(
      doc,
      (list) => shortForms(list).length > 0,
      'R-COVERAGE-004 diagnostics',
    );
    const target = shortForms(before)[0];
    assert.ok(target);
    const written = doc.getText(target.range);

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      target.range,
    );
    const isAction = (a: vscode.CodeAction | vscode.Command): a is vscode.CodeAction =>
      typeof a.command !== 'string';
    // The fix whose edit rewrites the squiggled text (isPreferred and diagnostics are checked over LSP).
    const fix = actions.find(
      (a): a is vscode.CodeAction =>
        isAction(a) &&
        a.kind?.value === vscode.CodeActionKind.QuickFix.value &&
        a.edit !== undefined &&
        a.edit.get(uri).some((e) => e.range.isEqual(target.range)),
    );
    assert.ok(fix, `a quick fix for ${written}; got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(
      actions.some((a) => isAction(a) && a.command?.command === 'miit95.openRuleDoc'),
      'the documentation action is offered too',
    );

    const newText = fix.edit!.get(uri)[0]?.newText;
    assert.ok(newText !== undefined && newText !== written, 'the fix rewrites the short form');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applies');
    const after = await waitForDiagnostics(
      doc,
      (list) => shortForms(list).length === shortForms(before).length - 1,
      'one R-COVERAGE-004 diagnostic fewer',
    );
    assert.ok(
      !shortForms(after).some((d) => d.range.start.isEqual(target.range.start)),
      'the fixed squiggle is gone',
    );
    const start = doc.offsetAt(target.range.start);
    assert.equal(
      doc.getText(new vscode.Range(target.range.start, doc.positionAt(start + newText.length))),
      newText,
    );
  });

  it('fixes all safe problems on save with editor.codeActionsOnSave', async function () {
    this.timeout(90_000);
    await vscode.workspace
      .getConfiguration('editor')
      .update(
        'codeActionsOnSave',
        { 'source.fixAll.miit95': 'explicit' },
        vscode.ConfigurationTarget.Workspace,
      );
    const uri = await copyOf(SHORT_NAMES, 'fix-on-save-case.app95.yaml');
    created.push(uri);
    const doc = await openAndWaitForPublish(api, uri);
    await waitForDiagnostics(doc, (list) => shortForms(list).length === 12, 'the 12 short-form diagnostics');

    // A change, so that there is something to save.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '# 保存时自动修复\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save(), 'the document saves');

    await waitForDiagnostics(
      doc,
      (list) => shortForms(list).length === 0,
      'no short forms left after the save',
    );
    assert.equal(doc.isDirty, false, 'the fixes were part of the save');
    assert.match(
      doc.getText(),
      /coverage: \[浙江省, 江苏省, 上海市, 安徽省, 福建省, 广东省, 北京市, 内蒙古自治区\]/,
    );
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.equal(onDisk, doc.getText(), 'the fixed text is what was written');
  });
});
