/**
 * The benchmark's LSP client: spawns a language server over stdio, speaks the protocol through
 * vscode-languageserver-protocol, answers the server's requests (workspace/configuration with the
 * settings it was given, capability registration, progress), sends incremental edits, records
 * publishDiagnostics with their arrival time, and samples the server's CPU time (all its threads,
 * from /proc/<pid>/task/<tid>/schedstat, nanosecond resolution) and peak RSS (VmHWM).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection,
  CompletionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';

/** CPU time of a process in milliseconds, all threads (live ones), or NaN when /proc is unavailable. */
export function processCpuMs(pid) {
  let total = 0;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const [ns] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ');
        total += Number(ns);
      } catch {
        // thread ended between the listing and the read
      }
    }
  } catch {
    return Number.NaN;
  }
  return total / 1e6;
}

/** Peak resident set size of a process in MB (VmHWM), or NaN. */
export function peakRssMb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export class LspClient {
  /** @param {{ command: string, args: string[], cwd: string, settings?: unknown, env?: NodeJS.ProcessEnv }} options */
  constructor(options) {
    this.options = options;
    this.spawnedAt = performance.now();
    this.child = spawn(options.command, options.args, {
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    });
    this.pid = this.child.pid;
    this.stderr = '';
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk) => {
      if (this.stderr.length < 20000) this.stderr += chunk;
    });
    /** @type {Array<{ params: any, at: number }>} */
    this.published = [];
    this.waiters = new Set();
    this.documents = new Map();
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.exitedYet = false;
    void this.exited.then(() => {
      this.exitedYet = true;
      for (const waiter of [...this.waiters]) waiter.fail('server exited');
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const entry = { params, at: performance.now() };
      this.published.push(entry);
      for (const waiter of [...this.waiters]) waiter.offer(entry);
    });
    const settings = options.settings ?? {};
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => sectionOf(settings, item.section)),
    );
    this.connection.onRequest(RegistrationRequest.type, () => null);
    this.connection.onRequest(UnregistrationRequest.type, () => null);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    this.connection.onRequest('workspace/workspaceFolders', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.onError(() => undefined);
    this.connection.listen();
  }

  cpuMs() {
    return processCpuMs(this.pid);
  }

  peakRssMb() {
    return peakRssMb(this.pid);
  }

  async initialize(rootUri) {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
      initializationOptions: {},
    });
    this.capabilities = result.capabilities;
    await this.connection.sendNotification(InitializedNotification.type, {});
    if (this.options.settings !== undefined) {
      await this.connection.sendNotification(DidChangeConfigurationNotification.type, {
        settings: this.options.settings,
      });
    }
    return result;
  }

  async open(uri, text, languageId) {
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return 1;
  }

  async close(uri) {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  text(uri) {
    return this.documents.get(uri).getText();
  }

  /** Applies one offset edit incrementally; returns the new version. */
  async edit(uri, offset, length, text) {
    const document = this.documents.get(uri);
    const range = { start: document.positionAt(offset), end: document.positionAt(offset + length) };
    const next = TextDocument.update(document, [{ range, text }], document.version + 1);
    this.documents.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges: [{ range, text }],
    });
    return next.version;
  }

  positionAt(uri, offset) {
    return this.documents.get(uri).positionAt(offset);
  }

  hover(uri, position) {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  completion(uri, position) {
    return this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  }

  /** A custom request (e.g. miit95/formModel). */
  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  /** Index of the next publish. */
  mark() {
    return this.published.length;
  }

  /** The first publish for `uri` from index `since` on that `matches`; rejects after `timeoutMs`. */
  waitFor(uri, matches, since, timeoutMs = 60000) {
    const found = this.published.slice(since).find((e) => e.params.uri === uri && matches(e.params));
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        offer: (entry) => {
          if (entry.params.uri === uri && matches(entry.params)) {
            this.waiters.delete(waiter);
            clearTimeout(timer);
            resolve(entry);
          }
        },
        fail: (why) => {
          this.waiters.delete(waiter);
          clearTimeout(timer);
          const seen = this.published
            .slice(since)
            .filter((e) => e.params.uri === uri)
            .map((e) => `v${e.params.version ?? '-'}:${e.params.diagnostics.length}`);
          reject(new Error(`${why} waiting for diagnostics (seen ${seen.join(' ') || 'none'}); stderr: ${this.stderr.slice(0, 2000)}`));
        },
      };
      const timer = setTimeout(() => waiter.fail('timeout'), timeoutMs);
      this.waiters.add(waiter);
      if (this.exitedYet) waiter.fail('server exited');
    });
  }

  async stop() {
    const kill = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), this.exited]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill('SIGKILL');
    }
    await this.exited;
    clearTimeout(kill);
    this.connection.dispose();
  }
}

function sectionOf(settings, section) {
  if (section === undefined || section === null || section === '') return settings;
  let value = settings;
  for (const part of section.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    value = value[part];
  }
  return value ?? null;
}
