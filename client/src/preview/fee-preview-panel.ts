/**
 * The fee preview's webview panel: creates it beside the editor, writes its HTML (strict CSP with a
 * nonce, the esbuild-bundled script and stylesheet from dist/webview, nothing from a network), posts
 * messages to the webview and hands the webview's messages to the controller. Owns no fee logic.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { t } from '../l10n';
import type { FromWebview, ToWebview } from './protocol';

export const FEE_PREVIEW_VIEW_TYPE = 'miit95.feePreview';

/** A nonce for the CSP: 128 random bits, base64 without padding characters that need escaping. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64').replace(/[+/=]/g, '');
}

/** Escapes text for an HTML attribute or element (only static strings and URIs are written this way). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The panel's HTML. Exported for tests of the CSP. */
export function previewHtml(options: {
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly lang: string;
  readonly title: string;
  readonly loading: string;
}): string {
  const { cspSource, nonce } = options;
  const csp = [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(options.title)}</title>
</head>
<body>
<main id="root" aria-live="polite"><p class="muted">${escapeHtml(options.loading)}</p></main>
<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>`;
}

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

/** Messages from the webview are untrusted input: accept only the known shapes. */
export function isFromWebview(message: unknown): message is FromWebview {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  switch (m['type']) {
    case 'ready':
      return true;
    case 'reveal':
      return (
        Array.isArray(m['path']) &&
        (m['path'] as unknown[]).every((s) => typeof s === 'string' || typeof s === 'number')
      );
    case 'rendered':
      return typeof m['summary'] === 'object' && m['summary'] !== null;
    default:
      return false;
  }
}
