/**
 * The server's side of the applications view (issue 15): keeps a summary of every application file
 * of the workspace folders. The first `miit95/portfolio` request starts the background check, which
 * runs on a worker thread (host/portfolio/pool.ts) so that the editor's requests never wait behind
 * it; results arrive in batches and are sent as `miit95/portfolioChanged` notifications with the
 * progress. After that it follows changes incrementally: an open document's summary comes from its
 * cached analysis (the same validation as its diagnostics) a moment after each change, a file
 * created, changed or deleted on disk is summarized again (or dropped); a configuration file changed
 * on disk or edited in the editor, a change of the user's `miit95.rules` or a new workspace folder
 * checks everything again. The files on disk are validated by the worker with the server's own host
 * options (scanOptions: search roots, open `.miit95.yaml` texts, user rules, today), so their counts
 * agree with the Problems view's. Owns what to summarize when; the summaries are the core's
 * (core/portfolio).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileEvent } from 'vscode-languageserver/node';
import { FileChangeType } from 'vscode-languageserver/node';
import { summarizeApplication, type ApplicationSummary } from '../core/portfolio';
import { discoverApplications, isApplicationFileName } from '../node/discover';
import type { PortfolioPool, ScanFile } from '../host/portfolio/pool';
import type { ScanOptions } from '../host/portfolio/scan';
import type { PortfolioChange, PortfolioProgress, PortfolioResult } from '../editor-protocol';
import type { Analysis } from '../lsp/analysis';
import { fsPathOf, isConfigUri } from '../host/file-uri';

export interface PortfolioDeps {
  /** The workspace folders' paths. */
  readonly folders: () => readonly string[];
  /** The open document's current analysis (undefined when it is not open). */
  readonly analysisOf: (uri: string) => Analysis | undefined;
  /** The URIs of the open documents. */
  readonly openUris: () => readonly string[];
  readonly today: () => string;
  /** How the worker validates the files on disk: as the server validates an open document. */
  readonly scanOptions: () => ScanOptions;
  readonly notify: (change: PortfolioChange<ApplicationSummary>) => void;
  /** The worker pool, created on first use. */
  readonly pool: () => PortfolioPool;
  readonly log: (message: string) => void;
  /** Delay before an edited document's summary is recomputed (ms). */
  readonly settleMs?: number;
}

/** The URI the entries carry for a file path. */
export function uriOfPath(file: string): string {
  return pathToFileURL(file).href;
}

export class PortfolioService {
  /** By file path. */
  private readonly entries = new Map<string, ApplicationSummary>();
  private started = false;
  private generation = 0;
  private progress: PortfolioProgress = { done: 0, total: 0, scanning: false };
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  private forgetConfigs = false;
  private pendingRecheck: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: PortfolioDeps) {}

  /** Answers `miit95/portfolio`: what is known now; starts the background check the first time. */
  request(): PortfolioResult<ApplicationSummary> {
    if (!this.started) {
      this.started = true;
      void this.checkAll();
    }
    return { today: this.deps.today(), entries: [...this.entries.values()], progress: this.progress };
  }

  /** Checks every application of the workspace folders again (in the background). */
  async checkAll(): Promise<void> {
    const generation = ++this.generation;
    const folders = this.deps.folders();
    const files = folders.length === 0 ? [] : discoverApplications(folders, '/').files;
    const found = new Set(files);
    const removed = [...this.entries.keys()].filter((file) => !found.has(file));
    for (const file of removed) this.entries.delete(file);
    const open = new Map(
      this.deps
        .openUris()
        .map((uri) => [fsPathOf(uri), uri] as const)
        .filter((pair): pair is readonly [string, string] => pair[0] !== undefined),
    );
    const fromOpen = files.filter((file) => open.has(file)).flatMap((file) => this.fromAnalysis(open.get(file)!) ?? []);
    const fromDisk: ScanFile[] = files.filter((file) => !open.has(file)).map((file) => ({ path: file, id: uriOfPath(file) }));
    this.progress = { done: fromOpen.length, total: files.length, scanning: files.length > fromOpen.length };
    this.apply(fromOpen, removed.map(uriOfPath));
    if (fromDisk.length === 0) return;
    const forget = this.forgetConfigs;
    this.forgetConfigs = false;
    try {
      await this.deps.pool().summarize(
        fromDisk,
        this.deps.scanOptions(),
        (summaries) => {
          if (generation !== this.generation) return;
          this.progress = { ...this.progress, done: this.progress.done + summaries.length };
          if (this.progress.done >= this.progress.total) this.progress = { ...this.progress, scanning: false };
          // A document opened meanwhile is summarized from its own analysis instead.
          this.apply(summaries.filter((s) => !this.isOpen(s.file)), []);
        },
        forget,
      );
    } catch (error) {
      if (generation !== this.generation) return;
      this.progress = { ...this.progress, scanning: false };
      this.deps.log(`miit95: the background check failed: ${String(error)}`);
      this.apply([], []);
    }
  }

  /** An open application document changed (its diagnostics were computed): summarize it soon. */
  documentChanged(uri: string): void {
    if (!this.started || isConfigUri(uri) || fsPathOf(uri) === undefined) return;
    const known = this.pendingEdits.get(uri);
    if (known !== undefined) clearTimeout(known);
    this.pendingEdits.set(
      uri,
      setTimeout(() => {
        this.pendingEdits.delete(uri);
        const summary = this.fromAnalysis(uri);
        if (summary !== undefined) this.apply([summary], []);
      }, this.deps.settleMs ?? 300),
    );
  }

  /** An open document was closed: the file on disk counts again. */
  documentClosed(uri: string): void {
    const file = fsPathOf(uri);
    if (!this.started || file === undefined || !isApplicationFileName(path.basename(file))) return;
    void this.checkFiles([file]);
  }

  /** The client's file watcher reported changes. */
  filesChanged(changes: readonly FileEvent[]): void {
    if (!this.started) return;
    if (changes.some((change) => isConfigUri(change.uri))) {
      this.forgetConfigs = true;
      void this.checkAll();
      return;
    }
    const removed: string[] = [];
    const changed: string[] = [];
    for (const change of changes) {
      const file = fsPathOf(change.uri);
      if (file === undefined || !isApplicationFileName(path.basename(file))) continue;
      if (!this.deps.folders().some((folder) => isWithin(folder, file))) continue;
      if (change.type === FileChangeType.Deleted) {
        if (this.entries.delete(file)) removed.push(uriOfPath(file));
      } else if (!this.isOpen(uriOfPath(file))) changed.push(file);
    }
    if (removed.length > 0) this.apply([], removed);
    if (changed.length > 0) void this.checkFiles(changed);
  }

  /** The user's `miit95.rules` overrides changed: every count may change. */
  rulesChanged(): void {
    if (this.started) void this.checkAll();
  }

  /**
   * An open `.miit95.yaml` was edited (or opened, or closed: the disk's text applies again): check
   * everything again once typing pauses.
   */
  configTextChanged(uri: string): void {
    if (!this.started || !isConfigUri(uri)) return;
    if (this.pendingRecheck !== undefined) clearTimeout(this.pendingRecheck);
    this.pendingRecheck = setTimeout(() => {
      this.pendingRecheck = undefined;
      void this.checkAll();
    }, this.deps.settleMs ?? 300);
  }

  /** Workspace folders were added or removed. */
  foldersChanged(): void {
    if (this.started) void this.checkAll();
  }

  private async checkFiles(files: readonly string[]): Promise<void> {
    try {
      const summaries = await this.deps.pool().summarize(
        files.map((file) => ({ path: file, id: uriOfPath(file) })),
        this.deps.scanOptions(),
      );
      this.apply(summaries.filter((s) => !this.isOpen(s.file)), []);
    } catch (error) {
      this.deps.log(`miit95: checking ${files.join(', ')} failed: ${String(error)}`);
    }
  }

  private isOpen(uri: string): boolean {
    const file = fsPathOf(uri);
    return this.deps.openUris().some((open) => fsPathOf(open) === file);
  }

  private fromAnalysis(uri: string): ApplicationSummary | undefined {
    const file = fsPathOf(uri);
    const analysis = this.deps.analysisOf(uri);
    if (file === undefined || analysis === undefined || analysis.kind !== 'application') return undefined;
    if (!isApplicationFileName(path.basename(file))) return undefined;
    if (!this.deps.folders().some((folder) => isWithin(folder, file))) return undefined;
    return summarizeApplication({
      file: uriOfPath(file),
      findings: analysis.findings,
      document: analysis.result?.document,
      today: this.deps.today(),
    });
  }

  private apply(changed: readonly ApplicationSummary[], removed: readonly string[]): void {
    for (const summary of changed) {
      const file = fsPathOf(summary.file);
      if (file !== undefined) this.entries.set(file, summary);
    }
    this.deps.notify({ changed, removed, progress: this.progress });
  }

  dispose(): void {
    this.generation++;
    if (this.pendingRecheck !== undefined) clearTimeout(this.pendingRecheck);
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.pendingEdits.clear();
  }
}

function isWithin(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
