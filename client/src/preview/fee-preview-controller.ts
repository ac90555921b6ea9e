/**
 * The fee preview's behaviour: the `miit95.showFeePreview` command opens one panel beside the
 * editor for a miit95 document, follows the active miit95 editor, asks the server for the fee model
 * (`miit95/feePreview`, computed from its cached analysis) after edits (debounced) and on server
 * restarts, posts it to the webview, and reveals the YAML range of a figure the user clicks.
 * Keeps the last model and what the webview reported rendering, for the extension API (tests).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, FEE_PREVIEW_METHOD, pathKey, type DataPath, type FeePreviewResult } from '../../../server/src/editor-protocol';
import { languageId, type ServerController } from '../language-client';
import { t } from '../l10n';
import { FeePreviewPanel } from './fee-preview-panel';
import { previewLabels, previewLocale, previewTitle } from './labels';
import type { FromWebview, RenderedSummary, ToWebview } from './protocol';

export const SHOW_FEE_PREVIEW_COMMAND = CLIENT_COMMANDS.showFeePreview;
/** Wait this long after the last edit before asking the server again. */
export const FEE_PREVIEW_DEBOUNCE_MS = 300;

/** What the extension API exposes about the preview (integration tests read it). */
export interface FeePreviewApi {
  /** Fires each time the webview reports what it rendered. */
  readonly onDidRender: vscode.Event<RenderedSummary>;
  /** The last summary the webview reported, if the panel is open. */
  lastRendered(): RenderedSummary | undefined;
  /** The last result from the server, if the panel is open. */
  lastResult(): FeePreviewResult | undefined;
  /** The open panel, if any. */
  panel(): vscode.WebviewPanel | undefined;
}

function toUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg !== '') return vscode.Uri.parse(arg);
  return undefined;
}

export class FeePreviewController implements vscode.Disposable, FeePreviewApi {
  private current: FeePreviewPanel | undefined;
  private documentUri: vscode.Uri | undefined;
  private result: FeePreviewResult | undefined;
  private rendered: RenderedSummary | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Increases with every request; an older answer arriving late is dropped. */
  private sequence = 0;
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedSummary>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: ServerController,
  ) {
    this.subscriptions.push(
      this.renderedEmitter,
      vscode.commands.registerCommand(SHOW_FEE_PREVIEW_COMMAND, (arg?: unknown) => this.show(toUri(arg))),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.current && e.document.uri.toString() === this.documentUri?.toString()) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const doc = editor?.document;
        if (!this.current || doc?.languageId !== languageId) return;
        if (doc.uri.toString() === this.documentUri?.toString()) return;
        this.documentUri = doc.uri;
        this.current.title = previewTitle(path.basename(doc.uri.path));
        void this.refresh();
      }),
      server.onDidChangeState((state) => {
        if (this.current && state === State.Running) this.schedule();
      }),
    );
  }

  lastRendered(): RenderedSummary | undefined {
    return this.rendered;
  }

  lastResult(): FeePreviewResult | undefined {
    return this.result;
  }

  panel(): vscode.WebviewPanel | undefined {
    return this.current?.panel;
  }

  /** Opens (or reveals) the preview for `uri`, else for the active miit95 editor. */
  async show(uri?: vscode.Uri): Promise<void> {
    const target = uri ?? this.activeMiit95Uri();
    if (target === undefined) {
      void vscode.window.showInformationMessage(
        t('Open a 95 number application (*.app95.yaml) to preview its fees.'),
      );
      return;
    }
    this.documentUri = target;
    const title = previewTitle(path.basename(target.path));
    if (this.current) {
      this.current.title = title;
      this.current.reveal();
    } else {
      this.current = this.createPanel(title);
    }
    await this.refresh();
  }

  private activeMiit95Uri(): vscode.Uri | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.languageId === languageId) return doc.uri;
    return vscode.window.visibleTextEditors.find((e) => e.document.languageId === languageId)?.document.uri;
  }

  private createPanel(title: string): FeePreviewPanel {
    const lang = previewLocale(this.extensionUri.fsPath) === 'en' ? 'en' : 'zh-CN';
    const panel = new FeePreviewPanel(this.extensionUri, title, lang);
    panel.onDidReceive((message) => void this.receive(message));
    panel.onDidDispose(() => {
      if (this.current !== panel) return;
      this.current = undefined;
      this.result = undefined;
      this.rendered = undefined;
      this.clearTimer();
      panel.dispose();
    });
    return panel;
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A (re)created webview: send what we have, then make sure it is current.
        if (this.result) await this.postResult(this.result);
        this.schedule();
        return;
      case 'rendered':
        this.rendered = message.summary;
        this.renderedEmitter.fire(message.summary);
        return;
      case 'reveal':
        await this.reveal(message.path);
        return;
    }
  }

  private schedule(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, FEE_PREVIEW_DEBOUNCE_MS);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Asks the server for the model of the current document and posts it. */
  private async refresh(): Promise<void> {
    const uri = this.documentUri;
    const panel = this.current;
    if (uri === undefined || panel === undefined) return;
    const sequence = ++this.sequence;
    let result: FeePreviewResult | null;
    try {
      result = await this.server.sendRequest<FeePreviewResult | null>(FEE_PREVIEW_METHOD, {
        uri: uri.toString(),
      });
    } catch (error) {
      if (sequence !== this.sequence) return;
      this.server.output.warn(`Fee preview: ${error instanceof Error ? error.message : String(error)}`);
      await panel.post({
        type: 'message',
        text: t('The fee preview needs the language server, which is not running.'),
        labels: previewLabels(),
      });
      return;
    }
    if (sequence !== this.sequence || panel !== this.current) return;
    if (result === null) {
      this.result = undefined;
      await panel.post({
        type: 'message',
        text: t('Open a 95 number application (*.app95.yaml) to preview its fees.'),
        labels: previewLabels(),
      });
      return;
    }
    this.result = result;
    await this.postResult(result);
    // The server answered for an older version (an edit raced the request): ask again.
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc !== undefined && doc.version > result.version) this.schedule();
  }

  private postResult(result: FeePreviewResult): Thenable<boolean> | undefined {
    const message: ToWebview = {
      type: 'model',
      uri: result.uri,
      version: result.version,
      fileName: path.basename(vscode.Uri.parse(result.uri).path),
      locale: previewLocale(this.extensionUri.fsPath),
      labels: previewLabels(),
      model: result.model,
    };
    return this.current?.post(message);
  }

  /** Shows the YAML range of `dataPath` in an editor of the previewed document. */
  private async reveal(dataPath: DataPath): Promise<void> {
    const result = this.result;
    if (result === undefined) return;
    const range = result.locations[pathKey(dataPath)];
    if (range === undefined) return;
    const uri = vscode.Uri.parse(result.uri);
    const target = new vscode.Range(
      range.start.line,
      range.start.character,
      range.end.line,
      range.end.character,
    );
    const visible = vscode.window.visibleTextEditors.find(
      (e) => e.document.uri.toString() === uri.toString(),
    );
    const document = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
      selection: target,
    });
    editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.clearTimer();
    this.current?.dispose();
    this.current = undefined;
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Registers the command and returns the controller (the extension API exposes it). */
export function registerFeePreview(extensionUri: vscode.Uri, server: ServerController): FeePreviewController {
  return new FeePreviewController(extensionUri, server);
}
