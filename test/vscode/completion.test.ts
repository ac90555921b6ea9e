/**
 * Completion, hover and outline in a real VS Code, through the editor's own commands: the completion
 * list offers the cities of the province listed in the same area entry, a candidate number's hover
 * shows its annual fee, and the outline lists the sections named after the materials.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Miit95Api } from '../../client/src/api';
import { discardEditors, openAndWaitForPublish, readyApi, sampleUri, waitFor } from './helpers';

const completeSample = ['complete', '杭州云声.app95.yaml'];

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('miit95 completion, hover and outline in VS Code', () => {
  let api: Miit95Api;

  before(async function () {
    this.timeout(60_000);
    api = await readyApi();
  });

  afterEach(() => discardEditors('workbench.action.revertAndCloseActiveEditor'));

  it('completion offers the cities of the province of the area entry (杭州市 under 浙江省)', async () => {
    const content = 'apiVersion: miit95/v1\nusage:\n  area:\n    - province: 浙江省\n      cities: []\n';
    const doc = await vscode.languages.setTextDocumentLanguage(
      await vscode.workspace.openTextDocument({ content }),
      'miit95',
    );
    await vscode.window.showTextDocument(doc);
    // The server has the document once it published diagnostics for it.
    await waitFor(
      api.onDidPublishDiagnostics,
      () => (api.hasPublishedDiagnostics(doc.uri) ? true : undefined),
      30_000,
      () => `the server to publish diagnostics for ${doc.uri.toString()}`,
    );
    const position = doc.positionAt(content.indexOf('[]') + 1);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      position,
    );
    const labels = list.items.map(labelOf);
    assert.ok(labels.includes('杭州市'), `杭州市 among ${labels.slice(0, 20).join(', ')}`);
    assert.ok(labels.includes('宁波市'));
    assert.ok(!labels.includes('南京市'), 'no city of another province');
  });

  it('hover on a candidate number shows its annual fee (¥240,000)', async () => {
    const doc = await openAndWaitForPublish(api, sampleUri(...completeSample));
    const position = doc.positionAt(doc.getText().indexOf('"95079"') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      position,
    );
    const text = hoverText(hovers);
    assert.ok(text.includes('¥240,000'), text);
    assert.ok(text.includes('95079'), text);
  });

  it('the outline lists the sections named after the materials', async () => {
    const doc = await openAndWaitForPublish(api, sampleUri(...completeSample));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      doc.uri,
    );
    assert.deepEqual(
      symbols.map((s) => s.detail),
      [
        'miit95/v1',
        'application',
        'applicant',
        'licence',
        'number',
        'usage',
        'tech',
        'schedule',
        'dialing',
        'preparation',
        'staff',
        'pledge',
        'outbound',
      ],
    );
    const applicant = symbols[2];
    assert.ok(applicant && /^(材料1 申请单位|Material 1: Applicant)$/.test(applicant.name), applicant?.name);
    const tech = symbols.find((s) => s.detail === 'tech');
    const links = tech?.children.find((c) => c.name === 'access')?.children.find((c) => c.name === 'links');
    assert.deepEqual(
      links?.children.map((c) => c.name),
      ['ct-hz', 'cm-hz', 'cu-hz'],
    );
  });
});
