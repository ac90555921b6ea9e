/** Extension entry point: only wires the l10n bundle, the server, the status item and the commands. */
import * as vscode from 'vscode';
import type { Miit95Api } from './api';
import { registerServerCommands } from './commands/server-commands';
import { registerNewApplication } from './commands/new-application';
import { registerNewFromExisting } from './commands/new-from-existing';
import { registerPortfolioView } from './portfolio/view';
import { registerRuleCommands } from './commands/rule-commands';
import { registerExportCommand } from './commands/export-command';
import { registerWalkthroughContext } from './walkthrough';
import { initL10n } from './l10n';
import { restartOnLanguageChange, ServerController, serverStateName } from './language-client';
import { registerStatusItem } from './status';
import { registerFeePreview } from './preview/fee-preview-controller';
import { registerFormEditor } from './form/form-editor';
import { registerFormLens } from './form/form-lens';
import { registerCheckTask } from './tasks/check-task';

let server: ServerController | undefined;

export function activate(context: vscode.ExtensionContext): Miit95Api {
  initL10n(context.extensionPath);
  const output = vscode.window.createOutputChannel('miit95', { log: true });
  // The server's and the CLI task's V8 code caches (server/src/boot/code-cache.ts).
  const codeCacheDir = vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath;
  server = new ServerController(context.extensionPath, output, codeCacheDir);
  const ready = server.start();
  // The client already logged the failure to the output channel; keep activation alive so that
  // miit95.restartServer and miit95.showOutput still work.
  ready.catch(() => undefined);
  const feePreview = registerFeePreview(context.extensionUri, server);
  const version = (context.extension.packageJSON as { version?: unknown }).version;
  const portfolio = registerPortfolioView(server, typeof version === 'string' ? version : '');
  const formView = registerFormEditor(context.extensionUri, server);
  context.subscriptions.push(
    output,
    server,
    registerStatusItem(server),
    registerServerCommands(server),
    registerNewApplication(),
    registerNewFromExisting(),
    portfolio,
    registerRuleCommands(context.extensionUri, server),
    registerExportCommand(output, server),
    registerWalkthroughContext(),
    restartOnLanguageChange(server),
    registerCheckTask(context.extensionPath, codeCacheDir),
    feePreview,
    formView,
    registerFormLens(),
  );
  const controller = server;
  return {
    onDidPublishDiagnostics: controller.onDidPublishDiagnostics,
    hasPublishedDiagnostics: (uri) => controller.hasPublishedDiagnostics(uri),
    serverReady: () => controller.start(),
    serverState: () => serverStateName(controller.state),
    onDidChangeServerState: controller.onDidChangeState,
    feePreview,
    portfolio: portfolio.api,
    formView,
  };
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
