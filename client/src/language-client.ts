/**
 * Owns the language server connection: starts dist/server.js over node IPC with
 * vscode-languageclient, passes the display locale and the miit95.language setting, has the server
 * check `.miit95.yaml` files too, syncs the `miit95` settings and the file events of configuration
 * files and attachments, and restarts the server on request.
 * UI (status item, commands) lives elsewhere and only talks to {@link ServerController}.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
  type StateChangeEvent,
} from 'vscode-languageclient/node';
import { t } from './l10n';
import { withAvailableCommands } from './lens-commands';
import { connectionErrorDecision, RestartPolicy } from './restart-policy';

export const languageId = 'miit95';
const clientId = 'miit95'; // also the settings section read for `miit95.trace.server`

export type DiagnosticsLanguage = 'auto' | 'zh-cn' | 'en';

/** The miit95 configuration files. */
export const CONFIG_FILE_GLOBS = ['**/.miit95.{yaml,yml}'] as const;
/** Attachments: the usual attachment folder and the usual attachment file types. */
export const ATTACHMENT_GLOBS = ['**/附件/**', '**/*.{pdf,jpg,jpeg,png,doc,docx,svg}'] as const;
/** Application files on disk: the applications view follows their creation, change and deletion. */
export const APPLICATION_GLOBS = ['**/*.app95.{yaml,yml}'] as const;

/** Sent as `initializationOptions`; the server picks the message language from it. */
export interface InitializationOptions {
  /** VS Code's display language, e.g. `zh-cn` or `en`. */
  locale: string;
  /** The `miit95.language` setting: `auto` follows `locale`. */
  language: DiagnosticsLanguage;
}

export function initializationOptions(): InitializationOptions {
  const value = vscode.workspace.getConfiguration('miit95').get<string>('language', 'auto');
  const language: DiagnosticsLanguage = value === 'zh-cn' || value === 'en' ? value : 'auto';
  return { locale: vscode.env.language, language };
}

/**
 * The server reads `miit95.language` only when it initializes: restart it when the setting changes.
 */
export function restartOnLanguageChange(server: ServerController): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('miit95.language')) return;
    server.output.info('miit95.language changed: restarting the language server');
    server.restart().catch((error: unknown) => server.output.error(`Restart failed: ${String(error)}`));
  });
}

/** A client state as the extension API names it. */
export function serverStateName(state: State): 'starting' | 'running' | 'stopped' {
  return state === State.Running ? 'running' : state === State.Starting ? 'starting' : 'stopped';
}

export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private readonly published = new vscode.EventEmitter<vscode.Uri>();
  private readonly stateChanged = new vscode.EventEmitter<State>();
  private readonly watchers: vscode.FileSystemWatcher[];
  private readonly documentEvents: vscode.Disposable;
  /** URIs the server has published diagnostics for since the document was last opened. */
  private readonly publishedUris = new Set<string>();
  /** Restarts a crashed server at most 5 times in 3 minutes (restart-policy.ts). */
  private readonly restartPolicy = new RestartPolicy();

  readonly onDidPublishDiagnostics = this.published.event;
  readonly onDidChangeState = this.stateChanged.event;

  constructor(
    private readonly extensionPath: string,
    readonly output: vscode.LogOutputChannel,
    /** Where the server keeps its V8 code cache (the extension's global storage); the server's default otherwise. */
    private readonly codeCacheDir?: string,
  ) {
    // Configuration files (the server re-reads them) and attachments (the server re-checks the
    // applications whose folder holds them). Not '**/*': far too many events in a large workspace.
    this.watchers = [...CONFIG_FILE_GLOBS, ...ATTACHMENT_GLOBS, ...APPLICATION_GLOBS].map((glob) =>
      vscode.workspace.createFileSystemWatcher(glob),
    );
    const forget = (doc: vscode.TextDocument): void => void this.publishedUris.delete(doc.uri.toString());
    this.documentEvents = vscode.Disposable.from(
      vscode.workspace.onDidOpenTextDocument(forget),
      vscode.workspace.onDidCloseTextDocument(forget),
    );
  }

  /** Whether the server has published diagnostics (possibly none) for `uri` since it was opened. */
  hasPublishedDiagnostics(uri: vscode.Uri): boolean {
    return this.publishedUris.has(uri.toString());
  }

  get state(): State {
    return this.client?.state ?? State.Stopped;
  }

  /** Starts the server (once); the promise settles when it is running or failed to start. */
  start(): Promise<void> {
    this.starting ??= this.startNew();
    return this.starting;
  }

  /** Restarts a running server, or replaces a client that failed to start or was stopped. */
  async restart(): Promise<void> {
    this.restartPolicy.reset();
    const client = this.client;
    if (client !== undefined && client.state === State.Running) {
      this.output.info('Restarting the language server');
      this.publishedUris.clear();
      await client.restart();
      return;
    }
    this.starting = undefined;
    if (client !== undefined) {
      this.client = undefined;
      await client
        .dispose()
        .catch((error: unknown) => this.output.warn(`Disposing the old client failed: ${String(error)}`));
    }
    await this.start();
  }

  private readonly notificationHandlers: { method: string; handler: (params: unknown) => void }[] = [];

  /** Listens to a server notification (e.g. `miit95/portfolioChanged`), on this and every restarted client. */
  onNotification(method: string, handler: (params: unknown) => void): vscode.Disposable {
    const entry = { method, handler };
    this.notificationHandlers.push(entry);
    const registration = this.client?.onNotification(method, handler);
    return new vscode.Disposable(() => {
      registration?.dispose();
      const i = this.notificationHandlers.indexOf(entry);
      if (i >= 0) this.notificationHandlers.splice(i, 1);
    });
  }

  /** Sends a custom request (e.g. `miit95/rules`) to the server, starting it first if needed. */
  async sendRequest<R>(method: string, params?: unknown): Promise<R> {
    await this.start();
    const client = this.client;
    if (client === undefined || client.state !== State.Running)
      throw new Error('the language server is not running');
    return params === undefined ? client.sendRequest<R>(method) : client.sendRequest<R>(method, params);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (client !== undefined) await client.dispose();
  }

  dispose(): void {
    void this.stop();
    for (const watcher of this.watchers) watcher.dispose();
    this.documentEvents.dispose();
    this.published.dispose();
    this.stateChanged.dispose();
  }

  private async startNew(): Promise<void> {
    this.publishedUris.clear();
    const client = this.createClient();
    this.client = client;
    client.onDidChangeState((e: StateChangeEvent) => this.stateChanged.fire(e.newState));
    for (const { method, handler } of this.notificationHandlers) client.onNotification(method, handler);
    await client.start();
  }

  private createClient(): LanguageClient {
    const module = path.join(this.extensionPath, 'dist', 'server.js');
    // The server's code cache goes to the extension's own storage (server/src/boot/code-cache.ts).
    const env =
      this.codeCacheDir === undefined
        ? undefined
        : { ...process.env, MIIT95_CODE_CACHE_DIR: this.codeCacheDir };
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, ...(env === undefined ? {} : { options: { env } }) },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: languageId },
        { scheme: 'untitled', language: languageId },
        // The server checks configuration files too (whatever their language id, e.g. yaml).
        { scheme: 'file', pattern: CONFIG_FILE_GLOBS[0] },
      ],
      // A function, so that a restart picks up a changed setting or display language.
      initializationOptions,
      // The server pulls the `miit95` settings (workspace/configuration) when told they changed.
      synchronize: { fileEvents: this.watchers, configurationSection: 'miit95' },
      outputChannel: this.output,
      errorHandler: this.errorHandler(),
      middleware: {
        provideCodeLenses: async (document, token, next) =>
          withAvailableCommands(await next(document, token)),
        handleDiagnostics: (uri, diagnostics, next) => {
          next(uri, diagnostics);
          this.publishedUris.add(uri.toString());
          this.published.fire(uri);
        },
      },
    };
    return new LanguageClient(clientId, 'miit95', serverOptions, clientOptions);
  }

  /**
   * A crashed server is restarted (the client then opens the open documents again, so they are
   * checked again) up to the policy's limit; beyond it the server stays stopped and the user is told,
   * with a button to restart it.
   */
  private errorHandler(): ErrorHandler {
    return {
      // Logged, not shown: a crash shows up as the close below, after a burst of failed writes.
      error: (_error, _message, count) => ({
        action: connectionErrorDecision(count) === 'continue' ? ErrorAction.Continue : ErrorAction.Shutdown,
        handled: true,
      }),
      closed: () => {
        if (this.restartPolicy.crashed() === 'restart') {
          this.output.warn('The language server stopped unexpectedly: restarting it');
          return { action: CloseAction.Restart, handled: true };
        }
        const message = t(
          'The 95 number application language server stopped unexpectedly {0} times in 3 minutes and will not be restarted. See the output for details.',
          this.restartPolicy.recentCrashes,
        );
        const restart = t('Restart Language Server');
        const showOutput = t('Show Output');
        void vscode.window.showErrorMessage(message, restart, showOutput).then((choice) => {
          if (choice === restart)
            this.restart().catch((error: unknown) => this.output.error(`Restart failed: ${String(error)}`));
          else if (choice === showOutput) this.output.show();
        });
        return { action: CloseAction.DoNotRestart, message, handled: true };
      },
    };
  }
}
