/**
 * Shared helpers of the in-editor suite: the extension under test, the sample workspace, and
 * event-driven waits with a deadline (never fixed sleeps).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Miit95Api } from '../../client/src/api';

export const extensionId = 'miit95.miit95';
export const source = 'miit95';

export function extension(): vscode.Extension<Miit95Api> {
  const ext = vscode.extensions.getExtension<Miit95Api>(extensionId);
  assert.ok(ext, `extension ${extensionId} is not loaded`);
  return ext;
}

/** A file of the workspace (a temporary copy of samples/). */
export function sampleUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run must open the samples workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
}

export function describeDiagnostics(doc: vscode.TextDocument, list: readonly vscode.Diagnostic[]): string {
  if (list.length === 0) return '(none)';
  return list
    .map(
      (d) =>
        `${vscode.DiagnosticSeverity[d.severity]} ${String(codeOf(d))} ${d.range.start.line + 1}:${d.range.start.character + 1} ${JSON.stringify(doc.getText(d.range))} ${d.message}`,
    )
    .join('\n    ');
}

/**
 * Resolves with the first value `check` returns that is not undefined; re-checks on every event
 * of `events`. Checks once immediately (after subscribing, so no event is lost); rejects after
 * `timeoutMs` with `describe()` in the message.
 */
export function waitFor<T>(
  events: vscode.Event<unknown> | readonly vscode.Event<unknown>[],
  check: () => T | undefined,
  timeoutMs: number,
  describe: () => string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (fn: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const sub of subs) sub.dispose();
      fn();
    };
    const test = (): void => {
      try {
        const value = check();
        if (value !== undefined) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error instanceof Error ? error : new Error(String(error))));
      }
    };
    const subs = (Array.isArray(events) ? events : [events]).map((event: vscode.Event<unknown>) =>
      event(test),
    );
    const timer = setTimeout(
      () => finish(() => reject(new Error(`timed out after ${timeoutMs} ms: ${describe()}`))),
      timeoutMs,
    );
    test();
  });
}

/**
 * Waits until the miit95 diagnostics of `doc` satisfy `predicate`; returns them. Also re-checks
 * on `alsoOn` (e.g. the extension's publish event, for a condition about publishing).
 */
export function waitForDiagnostics(
  doc: vscode.TextDocument,
  predicate: (list: vscode.Diagnostic[]) => boolean,
  what: string,
  alsoOn: readonly vscode.Event<unknown>[] = [],
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    [vscode.languages.onDidChangeDiagnostics, ...alsoOn],
    () => {
      const list = ours(doc.uri);
      return predicate(list) ? list : undefined;
    },
    timeoutMs,
    () =>
      `waiting for ${what} in ${doc.uri.path}; current miit95 diagnostics:\n    ${describeDiagnostics(doc, ours(doc.uri))}`,
  );
}

/**
 * Opens `uri` in an editor and waits until the server has published diagnostics for it — also
 * an empty list, which onDidChangeDiagnostics does not report for a clean file.
 */
export async function openAndWaitForPublish(
  api: Miit95Api,
  uri: vscode.Uri,
  timeoutMs = 30_000,
): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  await waitFor(
    api.onDidPublishDiagnostics,
    () => (api.hasPublishedDiagnostics(uri) ? true : undefined),
    timeoutMs,
    () => `the server to publish diagnostics for ${uri.path}`,
  );
  return doc;
}

/** Polls `condition` until it holds, for state that has no change event (e.g. Extension.isActive). */
export async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The pids of this extension host's children that run the bundled server (dist/server.js), read
 * from /proc (Linux only; callers skip elsewhere).
 */
export function serverPids(): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (cmdline.some((arg) => /[\\/]dist[\\/]server\.js$/.test(arg))) pids.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** Activates the extension and waits until its language server runs; the extension's API. */
export async function readyApi(): Promise<Miit95Api> {
  const api = await extension().activate();
  await api.serverReady();
  return api;
}

/**
 * Leaves no edited document behind (closing a dirty editor would ask to save), then closes every
 * editor. `revert` discards an editor's changes: 'workbench.action.files.revert' for files,
 * 'workbench.action.revertAndCloseActiveEditor' for untitled documents too.
 */
export async function discardEditors(revert = 'workbench.action.files.revert'): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand(revert);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
