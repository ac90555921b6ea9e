/**
 * The applications tree (view `miit95.applications`): the server's summaries grouped by folder or
 * by state, sorted by name, state or next deadline, filtered by state, province or "a deadline
 * within the window"; each application shows its state, first number and annual fee, materials
 * n/12, and its deadlines as children, nearest first, with a warning icon inside the window
 * (`miit95.portfolio.deadlineWindowDays`). A group "临近期限 / Due soon" on top lists the deadlines
 * within the window across the workspace. Owns presentation only; the data is PortfolioModel's.
 */
import * as vscode from 'vscode';
import type { ApplicationSummary, Deadline } from '../../../server/src/editor-protocol';
import { contentLocale, contentT as t } from '../l10n';

export type GroupBy = 'folder' | 'state';
export type SortBy = 'name' | 'state' | 'deadline';
export interface PortfolioFilter {
  readonly state?: ApplicationSummary['state'];
  readonly province?: string;
  /** Only applications with a deadline within the window. */
  readonly dueSoon?: boolean;
}

export type Node =
  | { readonly kind: 'group'; readonly id: string; readonly label: string; readonly entries: readonly ApplicationSummary[] }
  | { readonly kind: 'soon'; readonly items: readonly { entry: ApplicationSummary; deadline: Deadline }[] }
  | { readonly kind: 'application'; readonly entry: ApplicationSummary }
  | { readonly kind: 'deadline'; readonly entry: ApplicationSummary; readonly deadline: Deadline; readonly showApplicant: boolean };

const STATE_ORDER: Readonly<Record<ApplicationSummary['state'], number>> = { errors: 0, unreadable: 1, warnings: 2, ready: 3 };

export function stateLabel(state: ApplicationSummary['state']): string {
  switch (state) {
    case 'ready':
      return t('Ready');
    case 'warnings':
      return t('Warnings');
    case 'errors':
      return t('Errors');
    case 'unreadable':
      return t('Unreadable');
  }
}

/** 'Ready', '2 errors', '1 warning'. */
export function stateText(entry: ApplicationSummary): string {
  if (entry.state === 'errors') return t('{0} errors', entry.errors);
  if (entry.state === 'warnings') return t('{0} warnings', entry.warnings);
  return stateLabel(entry.state);
}

function nameOf(entry: ApplicationSummary): string {
  return entry.applicant ?? vscode.Uri.parse(entry.file).path.split('/').pop() ?? entry.file;
}

function daysText(days: number): string {
  if (days < 0) return t('{0} days ago', -days);
  if (days === 0) return t('today');
  return t('in {0} days', days);
}

export class PortfolioTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  groupBy: GroupBy = 'folder';
  sortBy: SortBy = 'name';
  filter: PortfolioFilter = {};

  constructor(
    private readonly entries: () => readonly ApplicationSummary[],
    private readonly windowDays: () => number,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** The entries after the filter, sorted. */
  visible(): ApplicationSummary[] {
    const window = this.windowDays();
    const { state, province, dueSoon } = this.filter;
    return this.entries()
      .filter((e) => state === undefined || e.state === state)
      .filter((e) => province === undefined || e.provinces.includes(province))
      .filter((e) => dueSoon !== true || e.deadlines.some((d) => d.daysLeft >= 0 && d.daysLeft <= window))
      .sort((a, b) => this.compare(a, b));
  }

  private compare(a: ApplicationSummary, b: ApplicationSummary): number {
    const byName = nameOf(a).localeCompare(nameOf(b), 'zh-CN') || a.file.localeCompare(b.file);
    if (this.sortBy === 'state') return STATE_ORDER[a.state] - STATE_ORDER[b.state] || byName;
    if (this.sortBy === 'deadline') {
      const next = (e: ApplicationSummary): number => e.deadlines.find((d) => d.daysLeft >= 0)?.daysLeft ?? Infinity;
      return next(a) - next(b) || byName;
    }
    return byName;
  }

  getChildren(node?: Node): Node[] {
    if (node === undefined) return this.roots();
    if (node.kind === 'group') return node.entries.map((entry) => ({ kind: 'application', entry }));
    if (node.kind === 'soon')
      return node.items.map(({ entry, deadline }) => ({ kind: 'deadline', entry, deadline, showApplicant: true }));
    if (node.kind === 'application')
      return node.entry.deadlines.map((deadline) => ({ kind: 'deadline', entry: node.entry, deadline, showApplicant: false }));
    return [];
  }

  private roots(): Node[] {
    const entries = this.visible();
    const window = this.windowDays();
    const soon = entries
      .flatMap((entry) => entry.deadlines.filter((d) => d.daysLeft >= 0 && d.daysLeft <= window).map((deadline) => ({ entry, deadline })))
      .sort((a, b) => a.deadline.daysLeft - b.deadline.daysLeft);
    const groups = new Map<string, ApplicationSummary[]>();
    for (const entry of entries) {
      const key = this.groupBy === 'state' ? entry.state : this.folderOf(entry);
      const list = groups.get(key) ?? [];
      list.push(entry);
      groups.set(key, list);
    }
    const keys = [...groups.keys()];
    if (this.groupBy === 'state')
      keys.sort((a, b) => STATE_ORDER[a as ApplicationSummary['state']] - STATE_ORDER[b as ApplicationSummary['state']]);
    else keys.sort((a, b) => a.localeCompare(b, 'zh-CN'));
    const nodes: Node[] = keys.map((key) => ({
      kind: 'group',
      id: `${this.groupBy}:${key}`,
      label: this.groupBy === 'state' ? stateLabel(key as ApplicationSummary['state']) : key,
      entries: groups.get(key) ?? [],
    }));
    return soon.length > 0 ? [{ kind: 'soon', items: soon }, ...nodes] : nodes;
  }

  private folderOf(entry: ApplicationSummary): string {
    const uri = vscode.Uri.parse(entry.file);
    const folder = vscode.Uri.joinPath(uri, '..');
    return vscode.workspace.asRelativePath(folder, (vscode.workspace.workspaceFolders?.length ?? 0) > 1) || folder.fsPath;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const window = this.windowDays();
    switch (node.kind) {
      case 'soon': {
        const item = new vscode.TreeItem(t('Due within {0} days ({1})', window, node.items.length), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'soon';
        item.iconPath = new vscode.ThemeIcon('bell', new vscode.ThemeColor('list.warningForeground'));
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.description = node.entries.length === 1 ? t('1 application') : t('{0} applications', node.entries.length);
        item.iconPath = new vscode.ThemeIcon(this.groupBy === 'state' ? 'symbol-enum' : 'folder');
        return item;
      }
      case 'application': {
        const e = node.entry;
        const item = new vscode.TreeItem(nameOf(e), e.deadlines.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `app:${e.file}`;
        const number = e.firstCandidate === undefined ? '' : ` · ${e.firstCandidate}${e.annualFee === undefined ? '' : ` ${e.annualFee.text}/${t('year')}`}`;
        item.description = `${stateText(e)}${number} · ${t('materials {0}/{1}', e.materials.complete, e.materials.total)}`;
        item.iconPath =
          e.state === 'ready'
            ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
            : e.state === 'warnings'
              ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
              : new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        const uri = vscode.Uri.parse(e.file);
        item.resourceUri = uri;
        item.tooltip = new vscode.MarkdownString(
          [
            `**${nameOf(e)}** — ${stateText(e)}`,
            '',
            `${t('File')}: ${vscode.workspace.asRelativePath(uri)}`,
            ...(e.applicationDate === undefined ? [] : [`${t('Application date')}: ${e.applicationDate}`]),
            ...(e.provinces.length === 0 ? [] : [`${t('Provinces')}: ${e.provinces.join('、')}`]),
            ...(e.problem === undefined ? [] : [e.problem[contentLocale()]]),
          ].join('\n\n'),
        );
        item.command = { command: 'vscode.open', title: t('Open'), arguments: [uri] };
        item.contextValue = 'miit95.application';
        return item;
      }
      case 'deadline': {
        const d = node.deadline;
        const locale = contentLocale();
        const title = node.showApplicant ? `${nameOf(node.entry)}：${d.title[locale]}` : d.title[locale];
        const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.None);
        item.id = `deadline:${node.showApplicant ? 'soon:' : ''}${node.entry.file}:${d.key}`;
        item.description = `${d.date} · ${daysText(d.daysLeft)}`;
        const within = d.daysLeft >= 0 && d.daysLeft <= window;
        item.iconPath = within
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
          : new vscode.ThemeIcon(d.daysLeft < 0 ? 'history' : 'calendar');
        item.command = { command: 'vscode.open', title: t('Open'), arguments: [vscode.Uri.parse(node.entry.file)] };
        return item;
      }
    }
  }
}
