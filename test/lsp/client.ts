/**
 * A real LSP client for tests: spawns the BUNDLED server (dist/server.js) over --stdio or --node-ipc,
 * speaks the protocol through vscode-languageserver-protocol, keeps every document's text per
 * version, records every publishDiagnostics and log message, and lets tests wait on them (events
 * with a timeout that explains itself, never fixed sleeps).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeParams,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const REPO_ROOT = path.resolve(__dirname, '../..');
/** The bundle under test; MIIT95_SERVER_BUNDLE points the suite at another build (e.g. a mutant). */
export const SERVER_BUNDLE = process.env['MIIT95_SERVER_BUNDLE'] ?? path.join(REPO_ROOT, 'dist', 'server.js');

/** Newest modification time under a folder (files with one of the given extensions). */
function newestMtime(
  dir: string,
  extensions: readonly string[],
): { file: string; mtime: number } | undefined {
  let newest: { file: string; mtime: number } | undefined;
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(d, name);
      const stats = statSync(full);
      if (stats.isDirectory()) walk(full);
      else if (
        extensions.some((e) => name.endsWith(e)) &&
        (newest === undefined || stats.mtimeMs > newest.mtime)
      ) {
        newest = { file: full, mtime: stats.mtimeMs };
      }
    }
  };
  walk(dir);
  return newest;
}

const checkedBundles = new Set<string>();

/**
 * Fails with a hint when a bundle is missing or older than the sources it is built from: these tests
 * exercise dist/, so a stale bundle would test yesterday's code. Checked once per bundle and run, so
 * an edit made while the tests run does not fail the later suites. MIIT95_ALLOW_STALE_BUNDLE=1 turns
 * the staleness failure into a warning (useful while others edit the core in parallel).
 */
export function assertBundleFresh(bundle: string): void {
  if (checkedBundles.has(bundle)) return;
  let built: number;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    throw new Error(`${path.relative(REPO_ROOT, bundle)} is missing: run \`npm run build\` first.`);
  }
  for (const [dir, extensions] of [
    ['server/src', ['.ts']],
    ['schemas', ['.json']],
  ] as const) {
    const newest = newestMtime(path.join(REPO_ROOT, dir), extensions);
    if (newest !== undefined && newest.mtime > built) {
      const message = `${path.relative(REPO_ROOT, bundle)} is older than ${path.relative(REPO_ROOT, newest.file)}: run \`npm run build\` first.`;
      if (process.env['MIIT95_ALLOW_STALE_BUNDLE'] !== '1') throw new Error(message);
      process.stderr.write(`warning: ${message}\n`);
      break;
    }
  }
  checkedBundles.add(bundle);
}

export { sampleFiles } from '../sample-files';

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

/** One edit on the text of a given version, by offsets into that text. */
export interface OffsetEdit {
  readonly offset: number;
  readonly length?: number;
  readonly text: string;
}

interface Waiter {
  readonly matches: (p: PublishDiagnosticsParams) => boolean;
  readonly resolve: (p: PublishDiagnosticsParams) => void;
}

export class LspClient {
  /** Every publishDiagnostics received, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  stderr = '';
  /** Resolves with the exit code once the server process has ended. */
  readonly exited: Promise<number | null>;

  private readonly connection: ProtocolConnection;
  private readonly documents = new Map<string, TextDocument>();
  private readonly history = new Map<string, Map<number, string>>();
  private readonly waiters = new Set<Waiter>();
  private exitCode: number | null | undefined;

  private constructor(
    private readonly child: ChildProcess,
    transport: 'stdio' | 'ipc',
  ) {
    this.connection =
      transport === 'ipc'
        ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
        : createProtocolConnection(
            new StreamMessageReader(child.stdout!),
            new StreamMessageWriter(child.stdin!),
          );
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      }),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.matches(params)) {
          this.waiters.delete(waiter);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
    });
    this.connection.onError(() => undefined); // surfaced by the exit and wait errors instead
    this.connection.listen();
  }

  /** Spawns `node dist/server.js --stdio` (or `--node-ipc`), with extra environment variables if given. */
  static start(transport: 'stdio' | 'ipc' = 'stdio', env?: Record<string, string>): LspClient {
    const child = spawn(process.execPath, [SERVER_BUNDLE, transport === 'ipc' ? '--node-ipc' : '--stdio'], {
      cwd: REPO_ROOT,
      ...(env === undefined ? {} : { env: { ...process.env, ...env } }),
      stdio: transport === 'ipc' ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
    });
    return new LspClient(child, transport);
  }

  /** Spawns another language server (`node ...args`, speaking stdio), e.g. yaml-language-server for comparisons. */
  static startCommand(args: readonly string[]): LspClient {
    const child = spawn(process.execPath, [...args], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    return new LspClient(child, 'stdio');
  }

  async initialize(params: Partial<InitializeParams> = {}): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: fileUri(REPO_ROOT),
      capabilities: {
        textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true } },
      },
      ...params,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Index of the next publish: pass it to waitForDiagnostics to ignore what came before. */
  mark(): number {
    return this.published.length;
  }

  text(uri: string, version?: number): string {
    const text =
      version === undefined ? this.documents.get(uri)?.getText() : this.history.get(uri)?.get(version);
    if (text === undefined)
      throw new Error(`no text for ${uri}${version === undefined ? '' : ` version ${version}`}`);
    return text;
  }

  /** The text a diagnostic range covers, in the version the diagnostic was published for. */
  covered(uri: string, version: number, range: Range): string {
    const document = TextDocument.create(uri, 'miit95', version, this.text(uri, version));
    return document.getText(range);
  }

  async open(uri: string, text: string, version = 1, languageId = 'miit95'): Promise<void> {
    this.documents.set(uri, TextDocument.create(uri, languageId, version, text));
    this.history.set(uri, new Map([[version, text]]));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  /** Sends incremental changes (offsets into the current text, applied in order); returns the new version. */
  async edit(uri: string, edits: readonly OffsetEdit[]): Promise<number> {
    const changes: TextDocumentContentChangeEvent[] = [];
    let document = this.document(uri);
    for (const edit of edits) {
      const range = {
        start: document.positionAt(edit.offset),
        end: document.positionAt(edit.offset + (edit.length ?? 0)),
      };
      changes.push({ range, text: edit.text });
      document = TextDocument.update(document, [{ range, text: edit.text }], document.version);
    }
    return this.sendChanges(uri, changes, TextDocument.update(document, [], document.version + 1));
  }

  /** Sends the whole new text, as a full-sync client does; returns the new version. */
  async replaceAll(uri: string, text: string): Promise<number> {
    const document = this.document(uri);
    return this.sendChanges(uri, [{ text }], TextDocument.update(document, [{ text }], document.version + 1));
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Resolves with the first publish for `uri` at index ≥ `since` that matches; rejects on timeout or server exit. */
  waitForDiagnostics(
    uri: string,
    matches: (p: PublishDiagnosticsParams) => boolean = () => true,
    since = 0,
    timeoutMs = 15000,
  ): Promise<PublishDiagnosticsParams> {
    const wanted = (p: PublishDiagnosticsParams): boolean => p.uri === uri && matches(p);
    const found = this.published.slice(since).find(wanted);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const fail = (why: string): void => {
        this.waiters.delete(waiter);
        const seen = this.published
          .filter((p) => p.uri === uri)
          .map((p) => `v${p.version ?? '-'}:${p.diagnostics.length}`);
        reject(
          new Error(
            `${why} waiting for diagnostics of ${uri}; seen ${seen.join(' ') || 'none'}; stderr: ${this.stderr}`,
          ),
        );
      };
      const timer = setTimeout(() => fail('timeout'), timeoutMs);
      const waiter: Waiter = {
        matches: wanted,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      this.waiters.add(waiter);
      void this.exited.then(() => {
        if (this.waiters.has(waiter)) {
          clearTimeout(timer);
          fail(`server exited (code ${String(this.exitCode)})`);
        }
      });
    });
  }

  waitForVersion(uri: string, version: number, since = 0): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(uri, (p) => p.version === version, since);
  }

  /** Publishes for `uri` from index `since` on. */
  publishedFor(uri: string, since = 0): PublishDiagnosticsParams[] {
    return this.published.slice(since).filter((p) => p.uri === uri);
  }

  /** Sends any notification (e.g. workspace/didChangeWatchedFiles, workspace/didChangeConfiguration). */
  async notify(method: string, params: unknown): Promise<void> {
    await this.connection.sendNotification(method, params);
  }

  /** Listens to a notification from the server (e.g. miit95/portfolioChanged). */
  onNotification(method: string, handler: (params: unknown) => void): void {
    this.connection.onNotification(method, handler);
  }

  /** Answers a request from the server (e.g. workspace/configuration). */
  onRequest(method: string, handler: (params: unknown) => unknown): void {
    this.connection.onRequest(method, handler);
  }

  /** Sends any request (e.g. textDocument/codeLens, miit95/rules) and returns the result. */
  async request<R>(method: string, params?: unknown): Promise<R> {
    return params === undefined
      ? this.connection.sendRequest<R>(method)
      : this.connection.sendRequest<R>(method, params);
  }

  /** A request round trip: proves the server is alive and has handled everything sent before it. */
  async shutdown(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
  }

  /**
   * Shutdown, exit, and wait for the process. A server that does not answer within `graceMs` (busy
   * or hung) is killed, and the exit code is then null.
   */
  async stop(graceMs = 3000): Promise<number | null> {
    if (this.exitCode !== undefined) return this.exitCode;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    try {
      await Promise.race([
        this.shutdown().then(() => this.connection.sendNotification(ExitNotification.type)),
        this.exited,
      ]);
    } catch {
      this.child.kill('SIGKILL');
    }
    const code = await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }

  /** Ends the server at once (after a failed test left it busy). */
  async kill(): Promise<void> {
    if (this.exitCode === undefined) this.child.kill('SIGKILL');
    await this.exited;
    this.connection.dispose();
  }

  private document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (document === undefined) throw new Error(`${uri} is not open`);
    return document;
  }

  private async sendChanges(
    uri: string,
    contentChanges: TextDocumentContentChangeEvent[],
    next: TextDocument,
  ): Promise<number> {
    this.documents.set(uri, next);
    this.history.get(uri)?.set(next.version, next.getText());
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges,
    });
    return next.version;
  }
}
