/**
 * Keeps the editor's findings in step with what they depend on besides the document's own text:
 * the `.miit95.yaml` files (on disk, reported by the client's file watcher, or open and being
 * edited), the attachments on disk, the `miit95.rules` setting and the workspace folders. On a
 * change it drops the stale analyses and validates the affected open documents again. Reads the
 * `miit95` settings section — pulled with workspace/configuration when the client supports it,
 * else taken from the settings the client pushes. Owns deciding what to revalidate and when; the
 * options themselves are the host's (host/editor-configs.ts, host/validation-host.ts).
 */
import * as path from 'node:path';
import type {
  Connection,
  FileEvent,
  InitializeParams,
  TextDocuments,
  WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { clearConfigCache } from '../node/find-config';
import { isInside } from '../node/file-probe';
import type { EditorConfigs, OpenTexts } from '../host/editor-configs';
import { fsPathOf, isConfigUri } from '../host/file-uri';
import type { ValidationHost } from '../host/validation-host';

/** The analysis cache as seen from here (AnalysisCache fits). */
export interface Invalidator {
  invalidateAll(): void;
  delete(uri: string): void;
}

/** The diagnostics scheduler as seen from here (DiagnosticsScheduler fits). */
export interface Revalidator {
  revalidateAll(debounced?: boolean): void;
  revalidate(uris: Iterable<string>, debounced?: boolean): void;
}

export interface ConfigSyncDeps {
  readonly configs: EditorConfigs;
  /** Holds the user's `miit95.rules` overrides. */
  readonly host: Pick<ValidationHost, 'setUserRules' | 'setFolderRules'>;
  readonly analyses: Invalidator;
  readonly diagnostics: Revalidator;
  readonly open: OpenTexts;
  /**
   * Pulls the `miit95` section, without a scope or for a workspace folder's URI
   * (connection.workspace.getConfiguration({ scopeUri, section: 'miit95' })).
   */
  readonly pullSettings: (scopeUri?: string) => Promise<unknown>;
  readonly log: (message: string) => void;
  /** Told after the user's `miit95.rules` overrides changed (the portfolio checks everything again). */
  readonly rulesChanged?: () => void;
}

/** The settings section the server reads. */
export const SETTINGS_SECTION = 'miit95';

export class ConfigSync {
  private pull = false;
  private folderEvents = false;
  private folders: string[] = [];
  /** Bumped per settings read, so that a slow earlier answer never overwrites a newer one. */
  private settingsRead = 0;

  constructor(private readonly deps: ConfigSyncDeps) {}

  /** Reads the client's capabilities and the initial workspace folders from `initialize`. */
  initialize(params: InitializeParams): void {
    this.pull = params.capabilities.workspace?.configuration === true;
    this.folderEvents = params.capabilities.workspace?.workspaceFolders === true;
    this.folders =
      params.workspaceFolders?.map((folder) => folder.uri) ??
      (typeof params.rootUri === 'string' ? [params.rootUri] : []);
    this.deps.configs.setWorkspaceFolders(this.folders);
  }

  /** Whether the client sends workspace folder changes (subscribe after `initialized` only then). */
  get supportsFolderEvents(): boolean {
    return this.folderEvents;
  }

  /** Folders were added or removed: the search roots change, and so may every configuration. */
  workspaceFoldersChanged(event: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(event.removed.map((folder) => folder.uri));
    this.folders = [
      ...this.folders.filter((uri) => !removed.has(uri)),
      ...event.added.map((folder) => folder.uri),
    ];
    this.deps.configs.setWorkspaceFolders(this.folders);
    this.revalidateEverything();
    // `miit95.rules` is a resource setting: the new folders may have their own.
    void this.settingsChanged();
  }

  /**
   * The settings may have changed (on `initialized`, and on every didChangeConfiguration with the
   * pushed settings). Revalidates when `miit95.rules` really changed.
   */
  async settingsChanged(pushed?: unknown): Promise<void> {
    const read = ++this.settingsRead;
    const rulesOf = (section: unknown): unknown => (isRecord(section) ? section['rules'] : undefined);
    if (!this.pull) {
      if (pushed === undefined) return; // nothing pushed yet: keep what we have
      const section = isRecord(pushed) ? pushed[SETTINGS_SECTION] : undefined;
      if (this.deps.host.setUserRules(rulesOf(section))) this.rulesChanged();
      return;
    }
    // Unscoped (user and workspace settings), then each folder's own value (`scopeUri`).
    const folders = [...this.folders];
    let sections: unknown[];
    try {
      sections = await Promise.all([
        this.deps.pullSettings(),
        ...folders.map((uri) => this.deps.pullSettings(uri)),
      ]);
    } catch (error) {
      this.deps.log(`miit95: reading the ${SETTINGS_SECTION} settings failed: ${String(error)}`);
      return;
    }
    if (read !== this.settingsRead) return;
    const byFolder = new Map<string, unknown>();
    folders.forEach((uri, index) => {
      const folder = fsPathOf(uri);
      if (folder !== undefined) byFolder.set(folder, rulesOf(sections[index + 1]));
    });
    if (this.deps.host.setFolderRules(rulesOf(sections[0]), byFolder)) this.rulesChanged();
  }

  private rulesChanged(): void {
    this.revalidateEverything();
    this.deps.rulesChanged?.();
  }

  /** The client's file watcher reported changes. */
  watchedFilesChanged(changes: readonly FileEvent[]): void {
    if (changes.some((change) => isConfigUri(change.uri))) {
      this.revalidateEverything();
      return;
    }
    const changed = changes.map((change) => fsPathOf(change.uri)).filter((p): p is string => p !== undefined);
    if (changed.length === 0) return;
    const affected = this.deps.open.keys().filter((uri) => {
      if (isConfigUri(uri)) return false;
      const file = fsPathOf(uri);
      if (file === undefined) return false;
      const folder = path.dirname(file);
      return changed.some((p) => isInside(folder, p));
    });
    if (affected.length === 0) return;
    for (const uri of affected) this.deps.analyses.delete(uri);
    this.deps.diagnostics.revalidate(affected);
  }

  /** An open configuration document was edited (or opened): its text now applies, once typing pauses. */
  configDocumentChanged(uri: string): void {
    if (!isConfigUri(uri)) return;
    this.deps.analyses.invalidateAll();
    this.deps.diagnostics.revalidateAll(true);
  }

  /** An open configuration document was closed: the file on disk applies again. */
  configDocumentClosed(uri: string): void {
    if (!isConfigUri(uri)) return;
    this.deps.configs.forget(uri);
    this.revalidateEverything();
  }

  private revalidateEverything(): void {
    clearConfigCache();
    this.deps.analyses.invalidateAll();
    this.deps.diagnostics.revalidateAll();
  }
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Registers the notifications ConfigSync reacts to (the only handlers of these two notifications). */
export function wireConfigSync(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  sync: ConfigSync,
  /** Also told of the watched files' changes (the portfolio), after ConfigSync. */
  alsoOnWatchedFiles?: (changes: readonly FileEvent[]) => void,
): void {
  connection.onDidChangeWatchedFiles(({ changes }) => {
    sync.watchedFilesChanged(changes);
    alsoOnWatchedFiles?.(changes);
  });
  connection.onDidChangeConfiguration(({ settings }) => void sync.settingsChanged(settings as unknown));
  documents.onDidChangeContent(({ document }) => sync.configDocumentChanged(document.uri));
  documents.onDidClose(({ document }) => sync.configDocumentClosed(document.uri));
}

/** After `initialized`: read the settings, and follow workspace folder changes when the client sends them. */
export function startConfigSync(connection: Connection, sync: ConfigSync): void {
  void sync.settingsChanged();
  if (sync.supportsFolderEvents)
    connection.workspace.onDidChangeWorkspaceFolders((event) => sync.workspaceFoldersChanged(event));
}
