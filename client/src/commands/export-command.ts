/**
 * The command `miit95.export` (command palette and editor title on miit95 files): exports the
 * application of the active editor (or of the given file) by asking the language server
 * (`miit95/export`), which writes the package from the same analysis as the Problems view — the
 * editor's text, the open `.miit95.yaml` buffers, the `miit95.rules` setting — through the same
 * export as `miit95 export`. Asks for the output folder (default: beside the file), folder or ZIP, a
 * draft when errors remain (or to open Problems), and before overwriting; shows the progress while
 * the server works. In an untrusted workspace the attachments are not read or copied, and it says so.
 *
 * Test hook: `executeCommand('miit95.export', uri?, { outDir, zip, draft, overwrite })` — any
 * argument object skips every dialog and uses these values (outDir defaults to the file's folder;
 * the others to false); the command then resolves with the server's ExportOutcome instead of showing it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXPORT_METHOD, type ExportOutcome, type ExportParams, type LocalizedText } from '../../../server/src/editor-protocol';
import type { ServerController } from '../language-client';
import { displayLocale, t } from '../l10n';

export const exportCommandId = 'miit95.export';

/** The arguments of the test hook (and of scripted use). */
export interface ExportCommandArgs {
  readonly outDir?: string;
  readonly zip?: boolean;
  readonly draft?: boolean;
  readonly overwrite?: boolean;
}

function isArgs(value: unknown): value is ExportCommandArgs {
  return (
    typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && !Array.isArray(value)
  );
}

async function targetDocument(resource: unknown): Promise<vscode.TextDocument | undefined> {
  if (resource instanceof vscode.Uri) return vscode.workspace.openTextDocument(resource);
  const active = vscode.window.activeTextEditor?.document;
  return active?.languageId === 'miit95' ? active : undefined;
}

interface Choices {
  outDir: string;
  zip: boolean;
}

async function askChoices(file: string): Promise<Choices | undefined> {
  const beside = path.dirname(file);
  const besideItem: vscode.QuickPickItem = { label: t('Beside the application'), description: beside };
  const chooseItem: vscode.QuickPickItem = { label: t('Choose a folder…') };
  const where = await vscode.window.showQuickPick([besideItem, chooseItem], {
    title: t('Export the submission package to'),
  });
  if (where === undefined) return undefined;
  let outDir = beside;
  if (where === chooseItem) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      defaultUri: vscode.Uri.file(beside),
      openLabel: t('Export Here'),
    });
    const folder = picked?.[0];
    if (folder === undefined) return undefined;
    outDir = folder.fsPath;
  }
  const folderItem: vscode.QuickPickItem = {
    label: t('Folder'),
    description: t('one folder with every file'),
  };
  const zipItem: vscode.QuickPickItem = { label: t('ZIP file'), description: t('one .zip file') };
  const form = await vscode.window.showQuickPick([folderItem, zipItem], { title: t('Package format') });
  if (form === undefined) return undefined;
  return { outDir, zip: form === zipItem };
}

/** The server's text in VS Code's display language (the language of this command's messages). */
function localized(text: LocalizedText): string {
  return text[displayLocale()];
}

async function run(
  document: vscode.TextDocument,
  settings: Required<ExportCommandArgs>,
  output: vscode.LogOutputChannel,
  server: ServerController,
): Promise<ExportOutcome> {
  const params: ExportParams = {
    uri: document.uri.toString(),
    outDir: settings.outDir,
    zip: settings.zip,
    draft: settings.draft,
    overwrite: settings.overwrite,
    trusted: vscode.workspace.isTrusted,
  };
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Exporting the submission package…') },
    () => server.sendRequest<ExportOutcome>(EXPORT_METHOD, params),
  );
  output.info(`export ${document.uri.fsPath} → ${settings.outDir}: ${result.status}`);
  return result;
}

async function interactive(
  document: vscode.TextDocument,
  output: vscode.LogOutputChannel,
  server: ServerController,
): Promise<void> {
  const file = document.uri.fsPath;
  const choices = await askChoices(file);
  if (choices === undefined) return;
  const settings = { ...choices, draft: false, overwrite: false };
  let result = await run(document, settings, output, server);
  if (result.status === 'blocked') {
    const draft = t('Export Draft');
    const problems = t('Show Problems');
    const choice = await vscode.window.showWarningMessage(
      t('{0} errors remain, so the package cannot be submitted.', result.blocking.length),
      {
        modal: true,
        detail: t('A draft marks every document "草稿" (draft). Fix the errors for the final package.'),
      },
      draft,
      problems,
    );
    if (choice === problems) {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      return;
    }
    if (choice !== draft) return;
    settings.draft = true;
    result = await run(document, settings, output, server);
  }
  if (result.status === 'exists') {
    const overwrite = t('Overwrite');
    const choice = await vscode.window.showWarningMessage(
      t('The package already exists: {0}', result.target),
      { modal: true, detail: t('Overwrite it? The previous package is replaced.') },
      overwrite,
    );
    if (choice !== overwrite) return;
    settings.overwrite = true;
    result = await run(document, settings, output, server);
  }
  await showResult(result);
}

async function showResult(result: ExportOutcome): Promise<void> {
  switch (result.status) {
    case 'written': {
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(
          t('The workspace is not trusted, so the attachments were not copied into the package.'),
        );
      }
      const reveal = t('Reveal in File Explorer');
      for (const note of result.notes) void vscode.window.showWarningMessage(localized(note));
      const message = result.manifest.draft
        ? t('Draft package exported (marked "草稿"): {0}', result.target)
        : t('Submission package exported: {0}', result.target);
      const choice = await vscode.window.showInformationMessage(message, reveal);
      if (choice === reveal)
        await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(result.target));
      return;
    }
    case 'unreadable':
      void vscode.window.showErrorMessage(`${t('The application file could not be read.')} ${localized(result.message)}`);
      return;
    case 'refused':
      void vscode.window.showErrorMessage(localized(result.message));
      return;
    case 'no-data':
      void vscode.window.showErrorMessage(t('The file holds no application data to export.'));
      return;
    case 'blocked':
    case 'exists':
      return;
  }
}

export function registerExportCommand(output: vscode.LogOutputChannel, server: ServerController): vscode.Disposable {
  return vscode.commands.registerCommand(
    exportCommandId,
    async (resource?: unknown, hook?: unknown): Promise<ExportOutcome | undefined> => {
      const args = isArgs(resource) ? resource : isArgs(hook) ? hook : undefined;
      const document = await targetDocument(resource instanceof vscode.Uri ? resource : undefined);
      if (document === undefined || document.isUntitled) {
        void vscode.window.showErrorMessage(
          t('Open a saved 95 number application (*.app95.yaml) to export it.'),
        );
        return undefined;
      }
      try {
        if (args !== undefined) {
          // Test hook: no dialogs.
          return await run(
            document,
            {
              outDir: args.outDir ?? path.dirname(document.uri.fsPath),
              zip: args.zip === true,
              draft: args.draft === true,
              overwrite: args.overwrite === true,
            },
            output,
            server,
          );
        }
        await interactive(document, output, server);
        return undefined;
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        output.error(`export failed: ${detail}`);
        void vscode.window.showErrorMessage(t('The export failed: {0}', detail));
        return undefined;
      }
    },
  );
}
