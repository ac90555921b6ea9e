/**
 * The command `miit95.export` (command palette and editor title on miit95 files): exports the
 * application of the active editor (or of the given file) through the same node-side writer as
 * `miit95 export` (server/src/host/editor-export.ts, its own bundle dist/editor-export.js,
 * loaded on the first export so that activation stays light), with the editor's text and the user's
 * `miit95.rules` on top of the `.miit95.yaml`. Asks for the output folder (default:
 * beside the file), folder or ZIP, a draft when errors remain (or to open Problems), and before
 * overwriting. In an untrusted workspace the attachments are not read or copied, and it says so.
 *
 * Test hook: `executeCommand('miit95.export', uri?, { outDir, zip, draft, overwrite })` — any
 * argument object skips every dialog and uses these values (outDir defaults to the file's folder;
 * the others to false); the command then resolves with the ExportResult instead of showing it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExportResult } from '../../../server/src/host/editor-export';
import { localDate } from '../../../server/src/editor-protocol';
import { t } from '../l10n';

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

type EditorExportModule = typeof import('../../../server/src/host/editor-export');

/** The export bundle, loaded once, on the first export (module.require: esbuild leaves it alone). */
let editorExport: EditorExportModule | undefined;
function loadEditorExport(extensionPath: string): EditorExportModule {
  editorExport ??= module.require(path.join(extensionPath, 'dist', 'editor-export.js')) as EditorExportModule;
  return editorExport;
}

async function run(
  document: vscode.TextDocument,
  settings: Required<ExportCommandArgs>,
  output: vscode.LogOutputChannel,
  extensionPath: string,
): Promise<ExportResult> {
  const file = document.uri.fsPath;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath;
  const result = await loadEditorExport(extensionPath).exportForEditor({
    file,
    text: document.getText(),
    outDir: settings.outDir,
    zip: settings.zip,
    draft: settings.draft,
    overwrite: settings.overwrite,
    copyAttachments: vscode.workspace.isTrusted,
    ...(folder !== undefined ? { workspaceRoot: folder } : {}),
    userRules: vscode.workspace.getConfiguration('miit95').get<unknown>('rules'),
    today: localDate(new Date()),
  });
  output.info(`export ${file} → ${settings.outDir}: ${result.status}`);
  return result;
}

async function interactive(
  document: vscode.TextDocument,
  output: vscode.LogOutputChannel,
  extensionPath: string,
): Promise<void> {
  const file = document.uri.fsPath;
  const choices = await askChoices(file);
  if (choices === undefined) return;
  const settings = { ...choices, draft: false, overwrite: false };
  let result = await run(document, settings, output, extensionPath);
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
    result = await run(document, settings, output, extensionPath);
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
    result = await run(document, settings, output, extensionPath);
  }
  await showResult(result);
}

async function showResult(result: ExportResult): Promise<void> {
  switch (result.status) {
    case 'written': {
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(
          t('The workspace is not trusted, so the attachments were not copied into the package.'),
        );
      }
      const reveal = t('Reveal in File Explorer');
      const message = result.model.draft
        ? t('Draft package exported (marked "草稿"): {0}', result.target)
        : t('Submission package exported: {0}', result.target);
      const choice = await vscode.window.showInformationMessage(message, reveal);
      if (choice === reveal)
        await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(result.target));
      return;
    }
    case 'unreadable':
      void vscode.window.showErrorMessage(t('The application file could not be read.'));
      return;
    case 'no-data':
      void vscode.window.showErrorMessage(t('The file holds no application data to export.'));
      return;
    case 'blocked':
    case 'exists':
      return;
  }
}

export function registerExportCommand(
  output: vscode.LogOutputChannel,
  extensionPath: string,
): vscode.Disposable {
  return vscode.commands.registerCommand(
    exportCommandId,
    async (resource?: unknown, hook?: unknown): Promise<ExportResult | undefined> => {
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
            extensionPath,
          );
        }
        await interactive(document, output, extensionPath);
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
