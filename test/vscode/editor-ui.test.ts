/**
 * The editor features of issue 4 in a real VS Code: the "New Application" command (driven through
 * its test hook `{ companyName, folder, overwrite }`, which skips the prompts) writes a template whose
 * only errors are on placeholder lines and selects the first placeholder; code lenses show the fee
 * of each candidate number and the readiness; the seats inlay hint; the walkthrough, the commands,
 * miit95.revalidate and miit95.openRuleDoc. Run alone with MIIT95_MOCHA_GREP='editor ui'.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Miit95Api } from '../../client/src/api';
import {
  describeDiagnostics,
  discardEditors,
  extension,
  openAndWaitForPublish,
  ours,
  readyApi,
  sampleUri,
  waitFor,
} from './helpers';

const COMPANY = '测试云声科技有限公司';
/** Placeholder markers of the template (server/src/core/template.ts). */
const PLACEHOLDER_LINE = /待填写|请填写/;

/** A lens title in either display language (the server follows VS Code's display language). */
const FEE_95079 = /^95079(：年占用费 ¥240,000（5位）|: annual occupation fee ¥240,000 \(5 digits\))$/;
const FEE_952388 = /^952388(：年占用费 ¥24,000（6位）|: annual occupation fee ¥24,000 \(6 digits\))$/;
const READY_12 = /^(材料完成 12\/12 · 0 个错误|Materials complete 12\/12 · 0 errors)/;

/**
 * Subscribes now; `next` resolves on the first event after this call (or rejects after `timeoutMs`),
 * so an event that fires while the caller is busy is not lost. `dispose` when not needed.
 */
function eventWaiter(
  event: vscode.Event<unknown>,
  timeoutMs: number,
  what: () => string,
): { next: Promise<void>; dispose(): void } {
  let sub: vscode.Disposable | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const dispose = (): void => {
    sub?.dispose();
    if (timer !== undefined) clearTimeout(timer);
  };
  const next = new Promise<void>((resolve, reject) => {
    timer = setTimeout(
      () => {
        dispose();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`));
      },
      Math.max(0, timeoutMs),
    );
    sub = event(() => {
      dispose();
      resolve();
    });
  });
  return { next, dispose };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

describe('miit95 editor ui', () => {
  let api: Miit95Api;

  before(async function () {
    this.timeout(60_000);
    api = await readyApi();
  });

  afterEach(() => discardEditors());

  // The new application written below must not stay in the shared workspace: later suites (the
  // applications view) count the workspace's applications.
  after(async () => {
    await discardEditors();
    const folder = sampleUri('new-application-test');
    if (await exists(folder)) await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  });

  it('registers the editor commands and contributes the walkthrough', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'miit95.newApplication',
      'miit95.revalidate',
      'miit95.openRuleDoc',
      'miit95.restartServer',
      'miit95.showOutput',
    ])
      assert.ok(commands.includes(id), `${id} is registered`);
    const contributes = (
      extension().packageJSON as { contributes: { walkthroughs?: { id: string; steps: { id: string }[] }[] } }
    ).contributes;
    const walkthrough = contributes.walkthroughs?.find((w) => w.id === 'miit95.gettingStarted');
    assert.ok(walkthrough, 'the walkthrough is contributed');
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['create', 'fill', 'fix', 'fees', 'export'],
    );
    // Opening it must not throw (the id is extension id # walkthrough id).
    await vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      'miit95.miit95#miit95.gettingStarted',
      false,
    );
  });

  it('writes a new application whose only errors are on placeholder lines, and selects the first placeholder', async function () {
    this.timeout(60_000);
    const folder = sampleUri('new-application-test');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('miit95.newApplication', {
      companyName: COMPANY,
      folder,
    });
    assert.ok(uri, 'the command returns the new file');
    assert.equal(uri.path.split('/').pop(), `${COMPANY}.app95.yaml`);
    const editor = vscode.window.activeTextEditor;
    assert.ok(
      editor && editor.document.uri.toString() === uri.toString(),
      'the new file is the active editor',
    );
    const doc = editor.document;
    assert.equal(doc.getText(editor.selection), '待填写', 'the first placeholder is selected');
    assert.match(doc.lineAt(editor.selection.start.line).text, /^ {2}credit_code: 待填写/);

    const list = await waitFor(
      api.onDidPublishDiagnostics,
      () => (api.hasPublishedDiagnostics(uri) && ours(uri).length > 0 ? ours(uri) : undefined),
      30_000,
      () => `diagnostics of ${uri.path}`,
    );
    const errors = list.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.ok(errors.length > 20, `the placeholders are errors (${errors.length})`);
    const elsewhere = list.filter((d) => !PLACEHOLDER_LINE.test(doc.lineAt(d.range.start.line).text));
    assert.deepEqual(
      elsewhere,
      [],
      `findings off the placeholder lines:\n    ${describeDiagnostics(doc, elsewhere)}`,
    );

    // Asked again with "do not overwrite": nothing changes.
    const before = doc.getText();
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('miit95.newApplication', {
      companyName: COMPANY,
      folder,
      overwrite: false,
    });
    assert.equal(again, undefined, 'refused without overwrite');
    const bytes = await vscode.workspace.fs.readFile(uri);
    assert.equal(new TextDecoder().decode(bytes), before);
  });

  it('shows the fee of each candidate number and the readiness as code lenses', async function () {
    this.timeout(60_000);
    const uri = sampleUri('complete', '杭州云声.app95.yaml');
    const doc = await openAndWaitForPublish(api, uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      uri,
      10,
    );
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(
      titles.some((t) => FEE_95079.test(t)),
      `fee of 95079 in ${JSON.stringify(titles)}`,
    );
    assert.ok(
      titles.some((t) => FEE_952388.test(t)),
      `fee of 952388 in ${JSON.stringify(titles)}`,
    );
    assert.ok(
      titles.some((t) => READY_12.test(t)),
      `readiness 12/12 in ${JSON.stringify(titles)}`,
    );
    const fee = lenses.find((l) => FEE_95079.test(l.command?.title ?? ''));
    assert.equal(doc.getText(fee?.range), '"95079"', 'the fee lens sits on the number');
    const top = lenses.find((l) => READY_12.test(l.command?.title ?? ''));
    assert.equal(top?.command?.command, 'workbench.actions.view.problems');

    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      uri,
      new vscode.Range(0, 0, doc.lineCount, 0),
    );
    const labels = hints.map((h) =>
      typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''),
    );
    assert.ok(
      labels.some((l) => /^(需要 ≥ 66 席以达到 80\/20|needs ≥ 66 seats for 80\/20)$/.test(l)),
      `seats hint in ${JSON.stringify(labels)}`,
    );
  });

  it('revalidates the open applications and opens a rule page', async function () {
    this.timeout(60_000);
    const uri = sampleUri('complete', '杭州云声.app95.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const result = await vscode.commands.executeCommand<{ documents: number } | undefined>(
      'miit95.revalidate',
    );
    assert.ok(result && result.documents >= 1, `revalidated ${JSON.stringify(result)}`);

    const opened = await vscode.commands.executeCommand<boolean>('miit95.openRuleDoc', 'R-NUMBER-009');
    assert.equal(opened, true);
    const tabs = await waitFor(
      vscode.window.tabGroups.onDidChangeTabs,
      () => {
        const labels = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
        return labels.some((l) => l.includes('R-NUMBER-009')) ? labels : undefined;
      },
      20_000,
      () =>
        `a tab for R-NUMBER-009 among ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)))}`,
    );
    assert.ok(tabs.length >= 1);
    assert.equal(await vscode.commands.executeCommand<boolean>('miit95.openRuleDoc', 'R-NOPE-999'), false);
  });

  it('follows miit95.language in the lenses (the server restarts with the new language)', async function () {
    this.timeout(90_000);
    const uri = sampleUri('complete', '杭州云声.app95.yaml');
    await openAndWaitForPublish(api, uri);
    const config = vscode.workspace.getConfiguration('miit95');
    const feeTitle = async (): Promise<string> => {
      try {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          uri,
        );
        return lenses.map((l) => l.command?.title ?? '').find((t) => t.startsWith('95079')) ?? '';
      } catch {
        return ''; // the client is restarting: the next publish comes from the new server
      }
    };
    try {
      for (const [language, want] of [
        ['en', /^95079: annual occupation fee/],
        ['zh-cn', /^95079：年占用费/],
      ] as const) {
        await config.update('language', language, vscode.ConfigurationTarget.Global);
        const deadline = Date.now() + 30_000;
        // The restarted server publishes the open document again; ask for the lenses after each publish.
        for (;;) {
          let title = '';
          const published = eventWaiter(
            api.onDidPublishDiagnostics,
            deadline - Date.now(),
            () => `a ${language} fee lens (now "${title}")`,
          );
          title = await feeTitle();
          if (want.test(title)) {
            published.dispose();
            break;
          }
          await published.next;
        }
      }
    } finally {
      await config.update('language', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
