/**
 * Commands about the rules and the checking: miit95.revalidate (the server's `miit95/revalidate`:
 * every open application is checked again, configuration files re-read) and miit95.openRuleDoc
 * (docs/rules/<ID>.md from the extension folder in the Markdown preview; the ID comes as the
 * argument — a string, or `{ id }` / `{ ruleId }` — or from a QuickPick of the server's
 * `miit95/rules` catalogue).
 */
import * as vscode from 'vscode';
import {
  CLIENT_COMMANDS,
  REVALIDATE_METHOD,
  RULES_METHOD,
  type RevalidateResult,
  type RuleListItem,
} from '../../../server/src/editor-protocol';
import type { ServerController } from '../language-client';
import { t } from '../l10n';

export const revalidateCommand = 'miit95.revalidate';
export const openRuleDocCommand = CLIENT_COMMANDS.openRuleDoc;

/** A rule or reminder ID of the catalogue: also keeps the path inside docs/rules/. */
const RULE_ID = /^R-[A-Z]+-\d{3}$/;

/** The rule ID of the command's argument, if it names one. */
export function ruleIdOf(arg: unknown): string | undefined {
  const raw =
    typeof arg === 'string'
      ? arg
      : typeof arg === 'object' && arg !== null
        ? ((arg as Record<string, unknown>)['ruleId'] ?? (arg as Record<string, unknown>)['id'])
        : undefined;
  if (typeof raw !== 'string') return undefined;
  const id = raw.trim().toUpperCase();
  return RULE_ID.test(id) ? id : undefined;
}

async function pickRule(server: ServerController): Promise<string | undefined> {
  const items = (async (): Promise<(vscode.QuickPickItem & { id: string })[]> => {
    let rules: RuleListItem[];
    try {
      rules = await server.sendRequest<RuleListItem[]>(RULES_METHOD);
    } catch (error) {
      server.output.warn(`miit95/rules failed: ${error instanceof Error ? error.message : String(error)}`);
      rules = [];
    }
    return rules.map((rule) => ({
      id: rule.id,
      label: rule.id,
      description: rule.kind === 'reminder' ? `${rule.name} · ${t('reminder')}` : rule.name,
      detail: rule.description,
    }));
  })();
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Open Rule Documentation'),
    placeHolder: t('Type a rule ID or words of its description'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.id;
}

export async function openRuleDoc(
  extensionUri: vscode.Uri,
  server: ServerController,
  arg?: unknown,
): Promise<boolean> {
  const given = ruleIdOf(arg);
  if (arg !== undefined && given === undefined && typeof arg === 'string') {
    void vscode.window.showErrorMessage(t('"{0}" is not a rule ID (like R-NUMBER-003).', arg));
    return false;
  }
  const id = given ?? (await pickRule(server));
  if (id === undefined) return false;
  const page = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showErrorMessage(t('There is no documentation page for {0}.', id));
    return false;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
  return true;
}

export function registerRuleCommands(extensionUri: vscode.Uri, server: ServerController): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(revalidateCommand, async () => {
      try {
        const result = await server.sendRequest<RevalidateResult>(REVALIDATE_METHOD);
        void vscode.window.setStatusBarMessage(t('Checked {0} open applications again', result.documents), 3000);
        return result;
      } catch (error) {
        server.output.error(`Revalidate failed: ${error instanceof Error ? error.message : String(error)}`);
        void vscode.window.showErrorMessage(t('The applications could not be checked again: the language server is not running.'));
        return undefined;
      }
    }),
    vscode.commands.registerCommand(openRuleDocCommand, (arg?: unknown) => openRuleDoc(extensionUri, server, arg)),
  );
}
