/**
 * The language configuration in a real editor: Enter after `key:` and inside lists indents the
 * way the application format nests (language-configuration.json onEnterRules, 2-space defaults).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** Types Enter at the end of `line` (0-based) of a fresh miit95 document; returns the new line. */
async function enterAfter(content: string, line: number): Promise<string> {
  const doc = await vscode.languages.setTextDocumentLanguage(
    await vscode.workspace.openTextDocument({ content }),
    'miit95',
  );
  const editor = await vscode.window.showTextDocument(doc);
  const end = doc.lineAt(line).range.end;
  editor.selection = new vscode.Selection(end, end);
  // The edit is made in the renderer and reaches the extension host as a change event, which may
  // come after `type` resolves (seen under load): wait for it before reading the new line.
  const changed = documentChanged(doc);
  await vscode.commands.executeCommand('type', { text: '\n' });
  await changed;
  return doc.lineAt(line + 1).text;
}

/** Resolves on the next change of `doc`; rejects after 10 s with what the document holds. */
function documentChanged(doc: vscode.TextDocument): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no change of the document after typing Enter; text: ${JSON.stringify(doc.getText())}`));
    }, 10_000);
    const listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== doc || event.contentChanges.length === 0) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
}

describe('miit95 editing in VS Code', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  const cases: { name: string; content: string; line: number; want: string }[] = [
    { name: 'a section key opens a block', content: 'apiVersion: miit95/v1\ntech:', line: 1, want: '  ' },
    { name: 'a nested key opens a block', content: 'tech:\n  traffic_forecast:', line: 1, want: '    ' },
    {
      name: 'a key with a trailing comment opens a block',
      content: 'tech:\n  platform:   # 平台',
      line: 1,
      want: '    ',
    },
    {
      name: 'a folded scalar opens a block',
      content: 'number:\n  extension:\n    call_flow: >-',
      line: 2,
      want: '      ',
    },
    { name: 'a key with a value keeps the indentation', content: 'tech:\n  seats: 80', line: 1, want: '  ' },
    {
      name: 'a list item with a value continues under its key',
      content: 'licence:\n  businesses:\n    - name: 国内呼叫中心业务',
      line: 2,
      want: '      ',
    },
    {
      name: 'a list item opening a block indents under its key',
      content: 'usage:\n  area:\n    - area:',
      line: 2,
      want: '        ',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      assert.equal(JSON.stringify(await enterAfter(c.content, c.line)), JSON.stringify(c.want));
    });
  }
});
