/**
 * The fee preview's webview panel: creates it beside the editor, writes its HTML (strict CSP with a
 * nonce, the esbuild-bundled script and stylesheet from dist/webview, nothing from a network), posts
 * messages to the webview and hands the webview's messages to the controller. Owns no fee logic.
 */
import * as vscode from 'vscode';
import { t } from '../l10n';
import { isFromWebview, makeNonce, previewHtml } from './html';
import type { FromWebview, ToWebview } from './protocol';

export const FEE_PREVIEW_VIEW_TYPE = 'miit95.feePreview';

export class FeePreviewPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private readonly received = new vscode.EventEmitter<FromWebview>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires for each message from the webview script. */
  readonly onDidReceive = this.received.event;
  readonly onDidDispose: vscode.Event<void>;

  constructor(extensionUri: vscode.Uri, title: string, lang: string) {
    const webviewRoot = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(
      FEE_PREVIEW_VIEW_TYPE,
      title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [webviewRoot, vscode.Uri.joinPath(extensionUri, 'media')],
      },
    );
    this.onDidDispose = this.panel.onDidDispose;
    const webview = this.panel.webview;
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'fee-preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'fee-preview.css')).toString(),
      lang,
      title,
      loading: t('Computing the fees…'),
    });
    this.subscriptions.push(
      this.received,
      webview.onDidReceiveMessage((message: unknown) => {
        if (isFromWebview(message)) this.received.fire(message);
      }),
    );
  }

  set title(title: string) {
    this.panel.title = title;
  }

  get visible(): boolean {
    return this.panel.visible;
  }

  post(message: ToWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.panel.dispose();
  }
}
