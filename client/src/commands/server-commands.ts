/** Commands that act on the language server: miit95.restartServer and miit95.showOutput. */
import * as vscode from 'vscode';
import type { ServerController } from '../language-client';
import { t } from '../l10n';

export const restartServerCommand = 'miit95.restartServer';
export const showOutputCommand = 'miit95.showOutput';

export function registerServerCommands(server: ServerController): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(restartServerCommand, async () => {
      try {
        await server.restart();
        void vscode.window.setStatusBarMessage(t('95 number application language server restarted'), 3000);
      } catch (error) {
        server.output.error(`Restart failed: ${error instanceof Error ? error.message : String(error)}`);
        const show = t('Show Output');
        const choice = await vscode.window.showErrorMessage(
          t('The 95 number application language server could not be restarted.'),
          show,
        );
        if (choice === show) server.output.show(true);
      }
    }),
    vscode.commands.registerCommand(showOutputCommand, () => server.output.show(true)),
  );
}
