/**
 * One open form editor: keeps its webview in step with the text document (asks the server for the
 * form model after every change of the text, from either view, and on server restarts) and carries
 * out the webview's edits: `miit95/formEdit` gives the minimal text edits for the version the form
 * showed, applied as one WorkspaceEdit so that undo and redo are VS Code's own. A `set` edit that
 * raced a text change is asked for again on the new version, so no keystroke is lost; a structural
 * edit on a stale version is dropped and the form refreshed. Reveals a field's line in the YAML.
 */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import {
  FORM_EDIT_METHOD,
  FORM_MODEL_METHOD,
  type FormEdit,
  type FormEditResult,
  type FormModelResult,
  type FormPosition,
} from '../../../server/src/editor-protocol';
import type { ServerController } from '../language-client';
import { displayLocale, t } from '../l10n';
import { isFromFormWebview } from './guard';
import { formLabels } from './labels';
import type { FormRendered, FromWebview, ToWebview } from './protocol';

/** Wait this long after a text change before asking for the model (keeps typing bursts cheap). */
export const FORM_REFRESH_DEBOUNCE_MS = 40;
/** How often a `set` edit is asked for again when the text moved on meanwhile. */
const STALE_RETRIES = 3;

export class FormSession implements vscode.Disposable {
  private result: FormModelResult | undefined;
  private rendered: FormRendered | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;
  /** Edits run one after another, in the order the webview sent them. */
  private queue: Promise<void> = Promise.resolve();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<FormRendered>();
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    readonly document: vscode.TextDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly server: ServerController,
  ) {
    this.subscriptions.push(
      this.renderedEmitter,
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isFromFormWebview(message)) void this.receive(message);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === document && e.contentChanges.length > 0) this.schedule();
      }),
      server.onDidChangeState((state) => {
        if (state === State.Running) this.schedule();
      }),
    );
  }

  lastResult(): FormModelResult | undefined {
    return this.result;
  }

  lastRendered(): FormRendered | undefined {
    return this.rendered;
  }

  private post(message: ToWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        if (this.result !== undefined) await this.postModel(this.result);
        await this.refresh();
        return;
      case 'edit':
        this.queue = this.queue.then(() => this.edit(message.version, message.edit)).catch((error: unknown) => {
          this.server.output.warn(`Form edit: ${error instanceof Error ? error.message : String(error)}`);
        });
        return;
      case 'reveal':
        await this.reveal(message.at);
        return;
      case 'rendered':
        this.rendered = message.summary;
        this.renderedEmitter.fire(message.summary);
        return;
    }
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, FORM_REFRESH_DEBOUNCE_MS);
  }

  /** Asks the server for the model of the document and posts it (a late, older answer is dropped). */
  async refresh(): Promise<void> {
    const sequence = ++this.sequence;
    let result: FormModelResult | null;
    try {
      result = await this.server.sendRequest<FormModelResult | null>(FORM_MODEL_METHOD, { uri: this.document.uri.toString() });
    } catch (error) {
      if (sequence !== this.sequence) return;
      this.server.output.warn(`Form model: ${error instanceof Error ? error.message : String(error)}`);
      await this.post({ type: 'message', text: t('The form needs the language server, which is not running.'), labels: formLabels(this.locale()) });
      return;
    }
    if (sequence !== this.sequence) return;
    if (result === null) {
      await this.post({ type: 'message', text: t('The language server does not have this file open yet.'), labels: formLabels(this.locale()) });
      this.schedule();
      return;
    }
    // The server answered for an older version (the text changed meanwhile): ask again.
    if (result.version < this.document.version) {
      this.schedule();
      return;
    }
    this.result = result;
    await this.postModel(result);
  }

  private postModel(result: FormModelResult): Thenable<boolean> {
    return this.post({ type: 'model', version: result.version, model: result.model, labels: formLabels(result.model.locale) });
  }

  /** The language of the last model, else VS Code's display language. */
  private locale(): 'zh-cn' | 'en' {
    if (this.result !== undefined) return this.result.model.locale;
    return displayLocale();
  }

  /**
   * Carries out one form edit made on the model of `version`: asks the server for the text edits
   * and applies them (the webview's edits come here, one at a time; tests call it directly).
   */
  async edit(version: number, edit: FormEdit): Promise<void> {
    let asked = version;
    for (let attempt = 0; attempt <= STALE_RETRIES; attempt++) {
      const result = await this.server.sendRequest<FormEditResult>(FORM_EDIT_METHOD, {
        uri: this.document.uri.toString(),
        version: asked,
        edit,
      });
      if (result.status === 'rejected') {
        await this.post({ type: 'editFailed', text: result.message });
        await this.refresh();
        return;
      }
      if (result.status === 'stale') {
        // A value typed into a field still means the same field: ask again on the current text.
        if (edit.kind !== 'set') break;
        asked = Math.max(result.version, this.document.version);
        continue;
      }
      if (result.version !== this.document.version) {
        asked = this.document.version;
        if (edit.kind !== 'set') break;
        continue;
      }
      if (result.edits.length === 0) return;
      const workspaceEdit = new vscode.WorkspaceEdit();
      for (const e of result.edits) {
        workspaceEdit.replace(
          this.document.uri,
          new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character),
          e.newText,
        );
      }
      const applied = await vscode.workspace.applyEdit(workspaceEdit);
      if (applied) return;
      asked = this.document.version;
      if (edit.kind !== 'set') break;
    }
    await this.post({ type: 'editFailed', text: t('The file changed while the form was editing it; the form now shows the current text.') });
    await this.refresh();
  }

  /** Shows the YAML at `at` in a text editor beside the form. */
  async reveal(at: FormPosition): Promise<void> {
    const position = this.document.validatePosition(new vscode.Position(at.line, at.character));
    const range = new vscode.Range(position, position);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const editor = await vscode.window.showTextDocument(this.document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside,
      preserveFocus: false,
      selection: range,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
