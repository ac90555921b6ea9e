/** The API the extension returns from activate(): used by the integration tests and other extensions. */
import type * as vscode from 'vscode';
import type { FeePreviewApi } from './preview/fee-preview-controller';
import type { FormViewApi } from './form/form-editor';

export interface Miit95Api {
  /**
   * Fires after the server's publishDiagnostics for `uri` has been handed to VS Code, including an
   * empty list (which VS Code's own onDidChangeDiagnostics does not report for a clean new file).
   */
  readonly onDidPublishDiagnostics: vscode.Event<vscode.Uri>;
  /** Whether the server has published diagnostics (possibly none) for `uri` since it was last opened. */
  hasPublishedDiagnostics(uri: vscode.Uri): boolean;
  /** Resolves once the language server is running; rejects if it failed to start. */
  serverReady(): Promise<void>;
  /** The language server's state now (after a crash it restarts, or stays stopped: restart-policy.ts). */
  serverState(): 'starting' | 'running' | 'stopped';
  /** Fires when the server's state changes. */
  readonly onDidChangeServerState: vscode.Event<unknown>;
  /** The fee preview panel (miit95.showFeePreview): its last model and what its webview rendered. */
  readonly feePreview: FeePreviewApi;
  /** The form view (custom editor miit95.form): its open sessions and what their webviews rendered. */
  readonly formView: FormViewApi;
}
