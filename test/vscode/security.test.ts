/**
 * Security in a real VS Code (issue 6, item 6): YAML values and a file name carrying `<script>` and
 * `<img onerror>` reach the fee preview's webview and are shown as text — they appear verbatim in
 * the rendered text, which markup would not (it would become elements). What the webview rendered
 * is read back from its own DOM through the extension API.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Miit95Api } from '../../client/src/api';
import { openAndWaitForPublish, readyApi, sampleUri, waitFor } from './helpers';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(2)>';
const FILE_NAME = '<img src=x onerror=alert(3)>.app95.yaml';

describe('security: the fee preview shows markup from the YAML as text', function () {
  this.timeout(90_000);
  let api: Miit95Api;

  before(async function () {
    api = await readyApi();
  });
  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('<script> and <img onerror> in candidates and in the file name are rendered as text', async function () {
    const sample = fs.readFileSync(sampleUri('complete', '杭州云声.app95.yaml').fsPath, 'utf8');
    const text = sample.replace(/candidates: \[[^\]]*\]/, `candidates: ["${SCRIPT}", "${IMG}", "95128"]`);
    assert.notEqual(text, sample, 'the candidates were replaced');
    const uri = sampleUri('complete', FILE_NAME); // beside the sample, so its attachments resolve
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    try {
      const doc = await openAndWaitForPublish(api, uri);
      const rendered = waitFor(
        api.feePreview.onDidRender,
        () => {
          const s = api.feePreview.lastRendered();
          return s !== undefined && s.uri === doc.uri.toString() && s.blockedBy > 0 ? s : undefined;
        },
        30_000,
        () => `the preview of ${FILE_NAME}; last render: ${JSON.stringify(api.feePreview.lastRendered())}`,
      );
      await vscode.commands.executeCommand('miit95.showFeePreview');
      const summary = await rendered;
      for (const markup of [SCRIPT, IMG, FILE_NAME])
        assert.ok(summary.text.includes(markup), `${markup} shown as text in: ${summary.text}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
