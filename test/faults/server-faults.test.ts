/**
 * Faults around the real server process (dist/server.js), issue 6, item 5: it never outlives its
 * editor (input closed, editor process gone), follows the shutdown/exit protocol, survives malformed
 * messages and stray or out-of-range notifications, answers requests about documents it does not
 * have, and a new server given the open documents — what the client does after a crash — publishes
 * the same diagnostics as the one that died.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, sampleFiles, SERVER_BUNDLE } from '../lsp/client';
import { askEverything, connectionOf, documentRequests } from '../fuzz/lsp-requests';

/** A raw server process, for what a well-behaved client never does. */
class RawServer {
  readonly child: ChildProcess;
  stdout = '';
  readonly exited: Promise<{ code: number | null; afterMs: number }>;
  private readonly started = Date.now();

  constructor() {
    this.child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.setEncoding('utf8');
    this.child.stdout!.on('data', (chunk: string) => (this.stdout += chunk));
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code) => resolve({ code, afterMs: Date.now() - this.started })),
    );
  }

  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    this.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }

  /** Resolves when the answer to request `id` has arrived (an event per chunk, no polling). */
  answer(id: number, timeoutMs = 15_000): Promise<{ result?: unknown; error?: { code: number } }> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        for (const match of this.stdout.matchAll(/Content-Length: (\d+)\r\n\r\n/g)) {
          const start = match.index + match[0].length;
          const body = Buffer.from(this.stdout.slice(start)).subarray(0, Number(match[1])).toString();
          try {
            const parsed = JSON.parse(body) as { id?: number; result?: unknown; error?: { code: number } };
            if (parsed.id === id) {
              resolve(parsed);
              return true;
            }
          } catch {
            // Not complete yet.
          }
        }
        return false;
      };
      if (check()) return;
      const timer = setTimeout(() => reject(new Error(`no answer to ${id}; got ${this.stdout}`)), timeoutMs);
      const onData = (): void => {
        if (check()) {
          clearTimeout(timer);
          this.child.stdout!.off('data', onData);
        }
      };
      this.child.stdout!.on('data', onData);
    });
  }

  async initialize(processId: number | null = null): Promise<void> {
    this.send({ id: 1, method: 'initialize', params: { processId, rootUri: null, capabilities: {} } });
    await this.answer(1);
    this.send({ method: 'initialized', params: {} });
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

describe('faults: the server process (dist/server.js)', function () {
  this.timeout(60_000);
  before(function () {
    assertBundleFresh(SERVER_BUNDLE);
  });

  it('exits when its input closes (no orphaned server)', async function () {
    const server = new RawServer();
    try {
      await server.initialize();
      server.child.stdin!.end();
      const { afterMs } = await server.exited;
      assert.ok(afterMs < 20_000, `exited after ${afterMs} ms`);
    } finally {
      server.kill();
    }
  });

  it('exits when the editor process it was started for dies', async function () {
    const editor = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const server = new RawServer();
    try {
      await server.initialize(editor.pid ?? null);
      const exitedAt = Date.now();
      editor.kill('SIGKILL');
      await server.exited;
      assert.ok(Date.now() - exitedAt < 20_000, 'within a few seconds of the editor');
    } finally {
      editor.kill('SIGKILL');
      server.kill();
    }
  });

  it('follows the protocol: exit after shutdown is code 0, exit without shutdown is code 1', async function () {
    const polite = new RawServer();
    const rude = new RawServer();
    try {
      await Promise.all([polite.initialize(), rude.initialize()]);
      polite.send({ id: 2, method: 'shutdown' });
      await polite.answer(2);
      polite.send({ method: 'exit' });
      rude.send({ method: 'exit' });
      assert.equal((await polite.exited).code, 0);
      assert.equal((await rude.exited).code, 1);
    } finally {
      polite.kill();
      rude.kill();
    }
  });

  it('skips a malformed message and answers the next ones (unknown methods with MethodNotFound)', async function () {
    const server = new RawServer();
    try {
      await server.initialize();
      server.child.stdin!.write('Content-Length: 7\r\n\r\n{{{{{{{');
      server.send({ id: 2, method: 'miit95/no-such-method', params: {} });
      server.send({ id: 3, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///nowhere.app95.yaml' }, position: { line: 0, character: 0 } } });
      assert.equal((await server.answer(2)).error?.code, -32601);
      assert.deepEqual(await server.answer(3), { jsonrpc: '2.0', id: 3, result: null });
    } finally {
      server.kill();
    }
  });

  it('shrugs off stray notifications and out-of-range edits, and keeps validating', async function () {
    const client = LspClient.start('stdio');
    try {
      const { capabilities } = await client.initialize({ locale: 'en' });
      const connection = connectionOf(client);
      const nowhere = 'file:///nowhere/never-opened.app95.yaml';
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: nowhere, version: 2 },
        contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } }, text: 'x' }],
      });
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri: nowhere } });
      await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: nowhere, type: 2 }] });

      // Requests about a document the server does not have are answered, not failed.
      const ghost = TextDocument.create(nowhere, 'miit95', 1, '');
      await askEverything(client, documentRequests(capabilities, ghost, { line: 0, character: 0 }, []), ghost);

      // Opened twice: the second text wins. An edit far beyond the end is clamped to it.
      const uri = fileUri(path.join(REPO_ROOT, 'samples', 'mistakes', 'unknown-key.app95.yaml'));
      const text = readFileSync(new URL(uri), 'utf8');
      let mark = client.mark();
      await client.open(uri, 'apiVersion: miit95/v1\n');
      await client.open(uri, text, 5);
      const five = await client.waitForVersion(uri, 5, mark);
      assert.ok(five.diagnostics.some((d) => d.code === 'schema/additionalProperties'));
      mark = client.mark();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 6 },
        contentChanges: [{ range: { start: { line: 1_000_000, character: 0 }, end: { line: 1_000_001, character: 5 } }, text: '\n# appended\n' }],
      });
      const six = await client.waitForVersion(uri, 6, mark);
      assert.deepEqual(
        six.diagnostics.map((d) => [d.code, d.range]),
        five.diagnostics.map((d) => [d.code, d.range]),
        'the appended comment changes nothing',
      );
      assert.deepEqual(client.logs.filter((l) => l.type === 1), [], 'no error logged');
    } finally {
      assert.equal(await client.stop(), 0, 'still shuts down cleanly');
    }
  });

  it('after a crash, a new server given the open documents publishes the same diagnostics', async function () {
    const files = sampleFiles();
    const open = async (client: LspClient): Promise<Map<string, unknown>> => {
      await client.initialize({ locale: 'zh-cn' });
      const mark = client.mark();
      for (const file of files) await client.open(fileUri(file), readFileSync(file, 'utf8'));
      const result = new Map<string, unknown>();
      for (const file of files) {
        const published = await client.waitForVersion(fileUri(file), 1, mark);
        result.set(file, published.diagnostics.map((d) => [d.code, d.range, d.message]));
      }
      return result;
    };
    const first = LspClient.start('stdio');
    const before = await open(first);
    await first.kill(); // SIGKILL: a crash
    const second = LspClient.start('stdio');
    try {
      assert.deepEqual(await open(second), before);
    } finally {
      assert.equal(await second.stop(), 0);
    }
  });
});
