/**
 * The form view (issue 14) as a custom text editor `miit95.form` for `*.app95.yaml` (an option, not
 * the default): a second view of the same TextDocument, so saving, dirty state, undo and redo are
 * VS Code's own. Writes the webview's HTML (strict CSP with a nonce, the bundled dist/webview/form.js
 * and form.css, nothing from a network), starts a FormSession per editor, and registers the
 * commands that open it (editor title, palette, the server's code lens) and that open the YAML
 * beside it. Exposes the open sessions for the real-editor tests.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CLIENT_COMMANDS } from '../../../server/src/editor-protocol';
import { languageId, type ServerController } from '../language-client';
import { t } from '../l10n';
import { previewLocale } from '../preview/labels';
import { makeNonce, previewHtml } from '../preview/html';
import { FormSession } from './form-session';
import { formTitle } from './labels';
import type { FormRendered } from './protocol';

export const FORM_VIEW_TYPE = 'miit95.form';
export const OPEN_FORM_COMMAND = CLIENT_COMMANDS.openForm;
export const OPEN_FORM_TEXT_COMMAND = 'miit95.openFormText';

/** What the extension API exposes about open forms (integration tests read it). */
export interface FormViewApi {
  /** Fires each time a form's webview reports what it rendered. */
  readonly onDidRender: vscode.Event<{ readonly uri: vscode.Uri; readonly rendered: FormRendered }>;
  /** The open form sessions (one per form editor). */
  sessions(): readonly FormSession[];
}

function toUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg !== '') return vscode.Uri.parse(arg);
  return undefined;
}

export class FormEditorProvider implements vscode.CustomTextEditorProvider, vscode.Disposable, FormViewApi {
  private readonly open = new Set<FormSession>();
  private readonly renderedEmitter = new vscode.EventEmitter<{ uri: vscode.Uri; rendered: FormRendered }>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: ServerController,
  ) {
    this.subscriptions.push(
      this.renderedEmitter,
      vscode.window.registerCustomEditorProvider(FORM_VIEW_TYPE, this, {
        supportsMultipleEditorsPerDocument: true,
        webviewOptions: { enableFindWidget: true },
      }),
      vscode.commands.registerCommand(OPEN_FORM_COMMAND, (arg?: unknown) => this.openForm(toUri(arg))),
      vscode.commands.registerCommand(OPEN_FORM_TEXT_COMMAND, (arg?: unknown) => this.openText(toUri(arg))),
    );
  }

  sessions(): readonly FormSession[] {
    return [...this.open];
  }

  /** Opens the form of `uri` (else of the active miit95 editor) beside the text. */
  async openForm(uri?: vscode.Uri): Promise<void> {
    const target = uri ?? this.activeUri();
    if (target === undefined) {
      void vscode.window.showInformationMessage(t('Open a 95 number application (*.app95.yaml) to edit it in the form.'));
      return;
    }
    await vscode.commands.executeCommand('vscode.openWith', target, FORM_VIEW_TYPE, vscode.ViewColumn.Beside);
  }

  /** Opens the YAML text of the form's file beside it. */
  async openText(uri?: vscode.Uri): Promise<void> {
    const target = uri ?? this.activeFormUri();
    if (target === undefined) return;
    await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside });
  }

  private activeUri(): vscode.Uri | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc?.languageId === languageId ? doc.uri : undefined;
  }

  private activeFormUri(): vscode.Uri | undefined {
    return [...this.open].find((s) => s.panel.active)?.document.uri;
  }

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const webviewRoot = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [webviewRoot] };
    const title = formTitle(path.basename(document.uri.path));
    panel.title = title;
    panel.webview.html = previewHtml({
      cspSource: panel.webview.cspSource,
      nonce: makeNonce(),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'form.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'form.css')).toString(),
      lang: previewLocale(this.extensionUri.fsPath) === 'en' ? 'en' : 'zh-CN',
      title,
      loading: t('Loading the form…'),
    });
    const session = new FormSession(document, panel, this.server);
    this.open.add(session);
    const rendered = session.onDidRender((r) => this.renderedEmitter.fire({ uri: document.uri, rendered: r }));
    panel.onDidDispose(() => {
      this.open.delete(session);
      rendered.dispose();
      session.dispose();
    });
  }

  dispose(): void {
    for (const session of this.open) session.dispose();
    this.open.clear();
    for (const s of this.subscriptions) s.dispose();
  }
}

export function registerFormEditor(extensionUri: vscode.Uri, server: ServerController): FormEditorProvider {
  return new FormEditorProvider(extensionUri, server);
}
