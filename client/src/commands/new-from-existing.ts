/**
 * The command miit95.newApplicationFromExisting ("新建申请（基于现有申请）"): picks an existing
 * application (the active one, the clicked one in the applications view or Explorer, or one chosen
 * from the workspace), writes `<公司名>-<today>.app95.yaml` beside it from the core's
 * nextApplication (applicant, licence, platform and access copied and marked for review; candidates,
 * dates, pledge and schedule reset), never replacing a file without asking, and opens it at the
 * first placeholder.
 *
 * Test hook: `{ source, overwrite }` (source a Uri or an absolute path) skips the prompts; resolves
 * with the new file's Uri, or undefined when cancelled.
 */
import * as vscode from 'vscode';
import { localDate, nextApplication, nextApplicationFileName } from '../../../server/src/editor-protocol';
import { t } from '../l10n';
import { exists, openAtFirstPlaceholder, writeFile } from './new-application';

export const newFromExistingCommand = 'miit95.newApplicationFromExisting';

function sourceOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'object' && arg !== null) {
    const v = arg as Record<string, unknown>;
    const source = v['source'];
    if (source instanceof vscode.Uri) return source;
    if (typeof source === 'string') return vscode.Uri.file(source);
    // A node of the applications view.
    const entry = v['entry'] as { file?: unknown } | undefined;
    if (typeof entry?.file === 'string') return vscode.Uri.parse(entry.file);
  }
  return undefined;
}

async function pickSource(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const files = await vscode.workspace.findFiles('**/*.app95.{yaml,yml}', '**/node_modules/**', 2000);
  const items = files
    .map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri }))
    .sort((a, b) => (a.uri.toString() === active?.uri.toString() ? -1 : b.uri.toString() === active?.uri.toString() ? 1 : a.label.localeCompare(b.label)));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(t('No *.app95.yaml application files in the workspace.'));
    return undefined;
  }
  const item = await vscode.window.showQuickPick(items, {
    title: t('New Application from Existing'),
    placeHolder: t('The application to start from (its applicant, licence, platform and access are copied)'),
  });
  return item?.uri;
}

export async function newApplicationFromExisting(arg?: unknown): Promise<vscode.Uri | undefined> {
  const source = sourceOf(arg) ?? (await pickSource());
  if (source === undefined) return undefined;
  const overwrite = typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>)['overwrite'] : undefined;
  const bytes = await vscode.workspace.fs.readFile(source);
  const sourceName = source.path.split('/').pop() ?? 'application';
  const today = localDate(new Date());
  const next = nextApplication({ source: new TextDecoder().decode(bytes), sourceName, today });
  const target = vscode.Uri.joinPath(source, '..', nextApplicationFileName(next.companyName, today));
  if (await exists(target)) {
    let replace = typeof overwrite === 'boolean' ? overwrite : undefined;
    if (replace === undefined) {
      const yes = t('Replace');
      const answer = await vscode.window.showWarningMessage(
        t('{0} already exists. Replace it?', vscode.workspace.asRelativePath(target)),
        { modal: true },
        yes,
      );
      replace = answer === yes;
    }
    if (!replace) return undefined;
  }
  await writeFile(target, next.text);
  await openAtFirstPlaceholder(target);
  if (next.copied.length > 0)
    void vscode.window.showInformationMessage(
      t('Copied the applicant, licence, platform and access from {0}: review the sections marked 请复核.', sourceName),
    );
  return target;
}

export function registerNewFromExisting(): vscode.Disposable {
  return vscode.commands.registerCommand(newFromExistingCommand, newApplicationFromExisting);
}
