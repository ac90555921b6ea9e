/**
 * The command miit95.newApplication: asks for the company name and a folder (the workspace root by
 * default), writes `<公司名>.app95.yaml` from the core's template (server/src/core/template.ts, the
 * same text as `miit95 init`), never overwriting without asking, opens it and selects the first
 * placeholder so that typing replaces it.
 *
 * Test hook: the command takes an optional argument `{ companyName, folder, overwrite }` that skips
 * the prompts — `folder` a Uri or an absolute path, `overwrite` the answer to "replace the existing
 * file?" (without it the question is asked). It resolves with the written file's Uri, or undefined
 * when cancelled.
 */
import * as vscode from 'vscode';
import { applicationTemplate, firstPlaceholder, localDate, templateFileName } from '../../../server/src/editor-protocol';
import { t } from '../l10n';

export const newApplicationCommand = 'miit95.newApplication';

/** The optional argument of the command (see the module comment). */
export interface NewApplicationArgs {
  readonly companyName?: string;
  readonly folder?: vscode.Uri | string;
  readonly overwrite?: boolean;
}

function argsOf(value: unknown): NewApplicationArgs {
  if (typeof value !== 'object' || value === null || value instanceof vscode.Uri) return {};
  const v = value as Record<string, unknown>;
  const folder = v['folder'];
  return {
    ...(typeof v['companyName'] === 'string' ? { companyName: v['companyName'] } : {}),
    ...(folder instanceof vscode.Uri || typeof folder === 'string' ? { folder } : {}),
    ...(typeof v['overwrite'] === 'boolean' ? { overwrite: v['overwrite'] } : {}),
  };
}

async function askCompanyName(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: t('New 95 Number Application'),
    prompt: t('The applicant company name (公司名), as on its business licence'),
    placeHolder: t('e.g. 杭州云声信息技术有限公司'),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? t('Enter the company name.') : undefined),
  });
}

/** The workspace root by default (or the folder of a right-clicked Explorer item); another folder on request. */
async function askFolder(clicked: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const roots = vscode.workspace.workspaceFolders ?? [];
  const preferred = clicked ?? roots[0]?.uri;
  const choose = async (): Promise<vscode.Uri | undefined> => {
    const picked = await vscode.window.showOpenDialog({
      title: t('Folder for the new application'),
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: t('Create Here'),
      ...(preferred !== undefined ? { defaultUri: preferred } : {}),
    });
    return picked?.[0];
  };
  if (preferred === undefined) return choose();
  type Item = vscode.QuickPickItem & { readonly uri?: vscode.Uri };
  const items: Item[] = [
    { label: `$(folder) ${vscode.workspace.asRelativePath(preferred, true) || preferred.fsPath}`, description: t('default'), uri: preferred },
    ...roots.filter((r) => r.uri.toString() !== preferred.toString()).map((r) => ({ label: `$(root-folder) ${r.name}`, uri: r.uri })),
    { label: `$(folder-opened) ${t('Choose another folder…')}` },
  ];
  const item = await vscode.window.showQuickPick(items, {
    title: t('New 95 Number Application'),
    placeHolder: t('Where to create the application file'),
    ignoreFocusOut: true,
  });
  if (item === undefined) return undefined;
  return item.uri ?? choose();
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Writes through a temporary file in the same folder, then renames (no half-written file). */
export async function writeFile(target: vscode.Uri, text: string): Promise<void> {
  const folder = vscode.Uri.joinPath(target, '..');
  const temp = vscode.Uri.joinPath(folder, `.${target.path.split('/').pop() ?? 'new'}.${Date.now()}.tmp`);
  await vscode.workspace.fs.createDirectory(folder);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}

export async function newApplication(arg?: unknown): Promise<vscode.Uri | undefined> {
  const args = argsOf(arg);
  const companyName = (args.companyName ?? (await askCompanyName()))?.trim();
  if (companyName === undefined || companyName === '') return undefined;
  const folder =
    args.folder === undefined
      ? await askFolder(arg instanceof vscode.Uri ? arg : undefined)
      : typeof args.folder === 'string'
        ? vscode.Uri.file(args.folder)
        : args.folder;
  if (folder === undefined) return undefined;

  const target = vscode.Uri.joinPath(folder, templateFileName(companyName));
  if (await exists(target)) {
    let overwrite = args.overwrite;
    if (overwrite === undefined) {
      const replace = t('Replace');
      const open = t('Open Existing');
      const answer = await vscode.window.showWarningMessage(
        t('{0} already exists. Replace it with a new template?', vscode.workspace.asRelativePath(target)),
        { modal: true },
        replace,
        open,
      );
      if (answer === open) await vscode.window.showTextDocument(target);
      overwrite = answer === replace;
    }
    if (!overwrite) return undefined;
  }

  const text = applicationTemplate({ companyName, today: localDate(new Date()) });
  await writeFile(target, text);
  await openAtFirstPlaceholder(target);
  return target;
}

/** Opens a newly written application with its first placeholder selected, ready to be typed over. */
export async function openAtFirstPlaceholder(target: vscode.Uri): Promise<void> {
  const document = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(document);
  const placeholder = firstPlaceholder(document.getText());
  if (placeholder === undefined) return;
  const range = new vscode.Range(document.positionAt(placeholder.start), document.positionAt(placeholder.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerNewApplication(): vscode.Disposable {
  return vscode.commands.registerCommand(newApplicationCommand, newApplication);
}
