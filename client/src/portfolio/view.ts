/**
 * Registers the applications view (its own activity-bar container `miit95-portfolio`): asks the
 * server for the portfolio when the view is first shown (that starts the background check), keeps
 * the entries from `miit95/portfolioChanged`, shows the progress in the view and its message, and
 * the commands of its title bar: group by folder/state, sort, filter, refresh, export the deadlines
 * as .ics (the core's iCalendar writer, written atomically, asking before replacing a file). Setting
 * `miit95.portfolio.enabled: false` keeps the view empty and the server idle.
 */
import * as vscode from 'vscode';
import { icsTimestamp, renderCalendar, type ApplicationSummary } from '../../../server/src/editor-protocol';
import {
  PORTFOLIO_CHANGED_NOTIFICATION,
  PORTFOLIO_METHOD,
  type PortfolioChange,
  type PortfolioProgress,
  type PortfolioResult,
} from '../../../server/src/editor-protocol';
import { State } from 'vscode-languageclient/node';
import type { ServerController } from '../language-client';
import { contentLocale, contentT as t } from '../l10n';
import { PortfolioTree, stateLabel, type Node, type SortBy } from './tree';

export const APPLICATIONS_VIEW = 'miit95.applications';

/** What the integration tests read (part of the extension API). */
export interface PortfolioApi {
  entries(): readonly ApplicationSummary[];
  progress(): PortfolioProgress;
  /** Resolves once the first background check has finished. */
  checked(): Promise<void>;
  readonly tree: PortfolioTree;
  /** Fires after the entries changed. */
  readonly onDidChange: vscode.Event<void>;
}

function windowDays(): number {
  const value = vscode.workspace.getConfiguration('miit95.portfolio').get<number>('deadlineWindowDays', 30);
  return Number.isInteger(value) && value >= 0 ? value : 30;
}

function enabled(): boolean {
  return vscode.workspace.getConfiguration('miit95.portfolio').get<boolean>('enabled', true);
}

export function registerPortfolioView(server: ServerController, extensionVersion: string): vscode.Disposable & { api: PortfolioApi } {
  const entries = new Map<string, ApplicationSummary>();
  let progress: PortfolioProgress = { done: 0, total: 0, scanning: false };
  let requested = false;
  let finishChecked: () => void = () => undefined;
  const checked = new Promise<void>((resolve) => (finishChecked = resolve));
  const changed = new vscode.EventEmitter<void>();
  const tree = new PortfolioTree(() => [...entries.values()], windowDays);
  const view = vscode.window.createTreeView<Node>(APPLICATIONS_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  let endProgress: (() => void) | undefined;

  const showState = (): void => {
    view.message = !enabled()
      ? t('The applications view is turned off (setting miit95.portfolio.enabled).')
      : progress.scanning
        ? t('Checking the applications of the workspace… {0}/{1}', progress.done, progress.total)
        : requested && entries.size === 0
          ? t('No *.app95.yaml application files in the workspace.')
          : filterText();
    const soon = [...entries.values()].reduce(
      (n, e) => n + e.deadlines.filter((d) => d.daysLeft >= 0 && d.daysLeft <= windowDays()).length,
      0,
    );
    view.badge = soon > 0 ? { value: soon, tooltip: t('{0} deadlines within {1} days', soon, windowDays()) } : undefined;
    if (progress.scanning && endProgress === undefined) {
      void vscode.window.withProgress({ location: { viewId: APPLICATIONS_VIEW } }, () => new Promise<void>((resolve) => (endProgress = resolve)));
    } else if (!progress.scanning && endProgress !== undefined) {
      endProgress();
      endProgress = undefined;
    }
    if (requested && !progress.scanning) finishChecked();
  };
  const filterText = (): string => {
    const f = tree.filter;
    const parts = [
      ...(f.state === undefined ? [] : [stateLabel(f.state)]),
      ...(f.province === undefined ? [] : [f.province]),
      ...(f.dueSoon === true ? [t('due within {0} days', windowDays())] : []),
    ];
    return parts.length === 0 ? '' : t('Filter: {0}', parts.join(' · '));
  };

  const request = async (): Promise<void> => {
    if (!enabled()) return showState();
    requested = true;
    try {
      const result = await server.sendRequest<PortfolioResult<ApplicationSummary>>(PORTFOLIO_METHOD);
      for (const entry of result.entries) entries.set(entry.file, entry);
      progress = result.progress;
    } catch (error) {
      server.output.error(`miit95/portfolio failed: ${String(error)}`);
    }
    showState();
    tree.refresh();
    changed.fire();
  };

  const disposables: vscode.Disposable[] = [
    view,
    changed,
    server.onNotification(PORTFOLIO_CHANGED_NOTIFICATION, (params) => {
      if (!requested) return;
      const change = params as PortfolioChange<ApplicationSummary>;
      for (const entry of change.changed) entries.set(entry.file, entry);
      for (const uri of change.removed) entries.delete(uri);
      progress = change.progress;
      showState();
      tree.refresh();
      changed.fire();
    }),
    view.onDidChangeVisibility((e) => {
      if (e.visible && !requested) void request();
    }),
    server.onDidChangeState(() => {
      // A restarted server knows nothing yet: ask again.
      if (requested && server.state === State.Running) {
        entries.clear();
        void request();
      }
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('miit95.portfolio')) {
        if (enabled() && !requested && view.visible) void request();
        showState();
        tree.refresh();
      } else if (e.affectsConfiguration('miit95.language')) {
        // The view's strings follow the setting (contentLocale).
        showState();
        tree.refresh();
      }
    }),
    vscode.commands.registerCommand('miit95.portfolio.refresh', () => {
      requested = false;
      entries.clear();
      return request();
    }),
    vscode.commands.registerCommand('miit95.portfolio.groupBy', async (arg?: unknown) => {
      const pick =
        arg === 'folder' || arg === 'state'
          ? arg
          : (
              await vscode.window.showQuickPick(
                [
                  { label: t('Group by folder'), value: 'folder' as const },
                  { label: t('Group by state'), value: 'state' as const },
                ],
                { title: t('Group the applications') },
              )
            )?.value;
      if (pick === undefined) return;
      tree.groupBy = pick;
      tree.refresh();
    }),
    vscode.commands.registerCommand('miit95.portfolio.sort', async (arg?: unknown) => {
      const pick: SortBy | undefined =
        arg === 'name' || arg === 'state' || arg === 'deadline'
          ? arg
          : (
              await vscode.window.showQuickPick(
                [
                  { label: t('Sort by applicant'), value: 'name' as const },
                  { label: t('Sort by state (errors first)'), value: 'state' as const },
                  { label: t('Sort by next deadline'), value: 'deadline' as const },
                ],
                { title: t('Sort the applications') },
              )
            )?.value;
      if (pick === undefined) return;
      tree.sortBy = pick;
      tree.refresh();
    }),
    vscode.commands.registerCommand('miit95.portfolio.filter', async (arg?: unknown) => {
      if (typeof arg === 'object' && arg !== null) {
        tree.filter = arg;
      } else {
        const provinces = [...new Set([...entries.values()].flatMap((e) => e.provinces))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
        type Item = vscode.QuickPickItem & { apply: () => void };
        const items: Item[] = [
          { label: t('Show all'), apply: () => (tree.filter = {}) },
          ...(['errors', 'warnings', 'ready', 'unreadable'] as const).map((state) => ({
            label: `$(filter) ${stateLabel(state)}`,
            apply: () => (tree.filter = { ...tree.filter, state }),
          })),
          { label: `$(bell) ${t('due within {0} days', windowDays())}`, apply: () => (tree.filter = { ...tree.filter, dueSoon: true }) },
          ...provinces.map((province) => ({
            label: `$(location) ${province}`,
            apply: () => (tree.filter = { ...tree.filter, province }),
          })),
        ];
        const item = await vscode.window.showQuickPick(items, { title: t('Filter the applications') });
        if (item === undefined) return;
        item.apply();
      }
      showState();
      tree.refresh();
    }),
    vscode.commands.registerCommand('miit95.portfolio.exportCalendar', async (arg?: unknown) => {
      const target =
        arg instanceof vscode.Uri
          ? arg
          : await vscode.window.showSaveDialog({
              title: t('Export the deadlines as a calendar'),
              filters: { [t('Calendar')]: ['ics'] },
              ...(vscode.workspace.workspaceFolders?.[0] !== undefined
                ? { defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, '95号码申请期限.ics') }
                : {}),
            });
      if (target === undefined) return undefined;
      const text = renderCalendar(tree.visible(), {
        locale: contentLocale(),
        stamp: icsTimestamp(new Date()),
        version: extensionVersion,
        displayFile: (file) => vscode.workspace.asRelativePath(vscode.Uri.parse(file)),
      });
      // The save dialog already asked before replacing; write through a temporary file, then rename.
      const temp = vscode.Uri.joinPath(target, '..', `.${target.path.split('/').pop() ?? 'x'}.${Date.now()}.tmp`);
      await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
      await vscode.workspace.fs.rename(temp, target, { overwrite: true });
      void vscode.window.showInformationMessage(t('Wrote {0}.', vscode.workspace.asRelativePath(target)));
      return target;
    }),
  ];
  if (view.visible) void request();
  showState();

  return {
    api: {
      entries: () => [...entries.values()],
      progress: () => progress,
      checked: () => {
        if (!requested) void request();
        return checked;
      },
      tree,
      onDidChange: changed.event,
    },
    dispose: () => {
      endProgress?.();
      for (const d of disposables) d.dispose();
    },
  };
}
