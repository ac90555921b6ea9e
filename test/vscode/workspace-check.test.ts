/**
 * The workspace check in a real VS Code: the `miit95` task provider offers `miit95: check
 * workspace`, and running it (through the command `miit95.checkWorkspace`) lists in Problems the
 * findings of an application that was never opened — the same findings, at the same lines, as
 * `miit95 check --format json` gives for that file — through the `$miit95` problem matcher.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, extension, readyApi, sampleUri, waitFor } from './helpers';

describe('workspace check task (miit95: check workspace)', () => {
  const folderName = 'workspace-check';
  let fileUri: vscode.Uri;

  before(async () => {
    await readyApi();
    // An application on disk only: copied into a folder of its own, never opened in an editor.
    const dir = sampleUri(folderName).fsPath;
    fs.mkdirSync(dir, { recursive: true });
    const target = path.join(dir, '未打开的申请.app95.yaml');
    fs.copyFileSync(sampleUri('mistakes', 'wrong-digit-length.app95.yaml').fsPath, target);
    fileUri = vscode.Uri.file(target);
  });

  after(() => {
    fs.rmSync(sampleUri(folderName).fsPath, { recursive: true, force: true });
  });

  it('is provided per workspace folder, with the $miit95 problem matcher', async () => {
    const tasks = await vscode.tasks.fetchTasks({ type: 'miit95' });
    const folder = vscode.workspace.workspaceFolders![0]!;
    const check = tasks.find(
      (t) =>
        t.definition['task'] === 'check' &&
        typeof t.scope === 'object' &&
        t.scope.uri.toString() === folder.uri.toString(),
    );
    assert.ok(check, `a check task for ${folder.name}: ${tasks.map((t) => t.name).join(', ')}`);
    assert.equal(check.source, 'miit95');
    assert.deepEqual(check.problemMatchers, ['$miit95']);
  });

  it('lists the findings of an application that is not open in Problems, as the CLI finds them', async function () {
    this.timeout(60_000);
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.fsPath === fileUri.fsPath),
      'the application is not open',
    );
    // What the CLI finds in that file (the same bundle the task runs).
    const cli = path.join(extension().extensionPath, 'dist', 'cli.js');
    const json = spawnSync(process.execPath, [cli, 'check', fileUri.fsPath, '--format', 'json'], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    const expected = (JSON.parse(json.stdout) as { findings: { line: number; code: string }[] }).findings
      .map((f) => `${f.line} ${f.code}`)
      .sort();
    assert.ok(expected.length > 0, `the CLI finds something in the sample: ${json.stdout}${json.stderr}`);

    const ended = new Promise<number | undefined>((resolve) => {
      const sub = vscode.tasks.onDidEndTaskProcess((e) => {
        if (e.execution.task.definition.type !== 'miit95') return;
        sub.dispose();
        resolve(e.exitCode);
      });
    });
    await vscode.commands.executeCommand('miit95.checkWorkspace');
    assert.equal(await ended, 1, 'the check found errors (exit code 1)');

    const listed = (): string[] =>
      vscode.languages
        .getDiagnostics(fileUri)
        .filter((d) => d.source === 'miit95')
        .map((d) => `${d.range.start.line + 1} ${String(codeOf(d))}`)
        .sort();
    const got = await waitFor(
      vscode.languages.onDidChangeDiagnostics,
      () => (listed().length >= expected.length ? listed() : undefined),
      20_000,
      () =>
        `Problems for ${fileUri.fsPath}: ${listed().join(', ') || '(none)'}; expected ${expected.join(', ')}`,
    );
    assert.deepEqual(got, expected);
    const severities = vscode.languages.getDiagnostics(fileUri).map((d) => d.severity);
    assert.ok(severities.includes(vscode.DiagnosticSeverity.Error), 'errors are errors in Problems');
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.fsPath === fileUri.fsPath),
      'the application is still not open',
    );
  });
});
