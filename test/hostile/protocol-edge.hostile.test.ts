/**
 * The protocol edge, through a client that frames messages by hand (raw-stdio.ts) against the
 * bundled server (dist/server.js --stdio): every handled request with null, missing or wrong params
 * answers InvalidParams (-32602) with a message in both languages and no stack; an unknown document
 * gets LSP's empty answer; a stream whose framing is lost (bad or missing Content-Length, garbage, a
 * message that never completes) makes the server say so on stderr and exit non-zero within a bounded
 * time, while a whole message whose body is not JSON is said and skipped; `shutdown` is always answered (during a 5 MB validation, during a
 * background portfolio check, twice), `exit` exits 0 after it and 1 without; closed stdin exits.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertBundleFresh, fileUri, SERVER_BUNDLE } from '../lsp/client';
import { RawStdioClient, type RpcResponse } from './raw-stdio';
import * as input from './inputs';

const INVALID_PARAMS = -32602;
/** The stall limit the framing cases run with (MIIT95_STREAM_STALL_MS), and how long an exit may take. */
const STALL_MS = 1000;
const EXIT_WITHIN_MS = 8000;

const DOC = 'file:///not/open/a.app95.yaml';
const at = { line: 0, character: 0 };
const range = { start: at, end: at };

/** Every request the server handles that takes params, with a well-formed example of them. */
const WITH_PARAMS: readonly (readonly [method: string, params: Record<string, unknown>])[] = [
  ['textDocument/hover', { textDocument: { uri: DOC }, position: at }],
  ['textDocument/completion', { textDocument: { uri: DOC }, position: at }],
  ['textDocument/definition', { textDocument: { uri: DOC }, position: at }],
  ['textDocument/references', { textDocument: { uri: DOC }, position: at, context: { includeDeclaration: true } }],
  ['textDocument/documentSymbol', { textDocument: { uri: DOC } }],
  ['textDocument/foldingRange', { textDocument: { uri: DOC } }],
  ['textDocument/documentLink', { textDocument: { uri: DOC } }],
  ['textDocument/codeLens', { textDocument: { uri: DOC } }],
  ['textDocument/inlayHint', { textDocument: { uri: DOC }, range }],
  ['textDocument/codeAction', { textDocument: { uri: DOC }, range, context: { diagnostics: [] } }],
  ['miit95/feePreview', { uri: DOC }],
  ['miit95/formModel', { uri: DOC }],
  ['miit95/formEdit', { uri: DOC, version: 1, edit: { kind: 'remove', path: ['usage'] } }],
];

function assertInvalidParams(answer: RpcResponse, method: string, what: string): void {
  assert.equal(answer.error?.code, INVALID_PARAMS, `${method} ${what}: ${JSON.stringify(answer)}`);
  const message = answer.error.message;
  assert.match(message, new RegExp(`^${method.replace('/', '\\/')}：参数无效（.+）。Invalid params for ${method}: .+\\.$`));
  assert.doesNotMatch(message, /\n\s+at |TypeError|Cannot read|undefined/, `${method} ${what}: no stack or internals`);
}

describe('hostile client: the protocol edge over raw stdio (dist/server.js)', function () {
  this.timeout(60_000);
  const clients: RawStdioClient[] = [];
  const start = (env: Record<string, string> = {}): RawStdioClient => {
    const client = new RawStdioClient(env);
    clients.push(client);
    return client;
  };
  before(() => assertBundleFresh(SERVER_BUNDLE));
  afterEach(() => {
    for (const client of clients.splice(0)) client.kill();
  });

  describe('params', function () {
    let client: RawStdioClient;
    before(async function () {
      client = new RawStdioClient();
      const answer = await client.initialize();
      assert.ok(answer.result !== undefined, JSON.stringify(answer));
    });
    after(async function () {
      assert.equal((await client.request('shutdown')).error, undefined);
      client.notify('exit');
      assert.equal(await client.exitWithin(EXIT_WITHIN_MS), 0);
      assert.doesNotMatch(client.stderr, /TypeError|uncaught|unhandled/i);
    });

    for (const [method, example] of WITH_PARAMS) {
      it(`${method}: null, missing or mistyped params → InvalidParams; the well-formed ones are answered`, async function () {
        assertInvalidParams(await client.request(method, null), method, 'params: null');
        assertInvalidParams(await client.request(method, undefined, true), method, 'params missing');
        assertInvalidParams(await client.request(method, 42), method, 'params: 42');
        assertInvalidParams(await client.request(method, [example]), method, 'params: an array');
        // Each field of the example, in turn, of the wrong type.
        for (const field of Object.keys(example)) {
          const wrong = { ...example, [field]: field === 'uri' ? 95 : 'not an object' };
          assertInvalidParams(await client.request(method, wrong), method, `${field} mistyped`);
        }
        const answer = await client.request(method, example);
        assert.equal(answer.error, undefined, `${method} well-formed: ${JSON.stringify(answer)}`);
      });
    }

    it('positions and ranges are checked inside: a negative line, a fractional character', async function () {
      const hover = await client.request('textDocument/hover', { textDocument: { uri: DOC }, position: { line: -1, character: 0 } });
      assertInvalidParams(hover, 'textDocument/hover', 'line -1');
      const hint = await client.request('textDocument/inlayHint', {
        textDocument: { uri: DOC },
        range: { start: at, end: { line: 0, character: 0.5 } },
      });
      assertInvalidParams(hint, 'textDocument/inlayHint', 'character 0.5');
    });

    it('a form edit of an unknown kind or with a mistyped path → InvalidParams', async function () {
      for (const edit of [{ kind: 'explode', path: [] }, { kind: 'set', path: 'usage', value: 1 }, { kind: 'set', path: ['a'], value: {} }, { kind: 'move', path: [], from: -1, to: 0 }]) {
        assertInvalidParams(await client.request('miit95/formEdit', { uri: DOC, version: 1, edit }), 'miit95/formEdit', JSON.stringify(edit));
      }
    });

    it('initialize with null params → InvalidParams, and the session is unharmed', async function () {
      assertInvalidParams(await client.request('initialize', null), 'initialize', 'params: null');
      assert.equal((await client.request('miit95/rules')).error, undefined);
    });

    it('an unknown document (not open, or not a file URI): LSP’s empty answers, the protocol’s null', async function () {
      for (const uri of [DOC, 'untitled:Untitled-1', 'https://example.com/a.app95.yaml', 'not a uri at all']) {
        const document = { textDocument: { uri } };
        const results = await Promise.all([
          client.request('textDocument/hover', { ...document, position: at }),
          client.request('textDocument/completion', { ...document, position: at }),
          client.request('textDocument/definition', { ...document, position: at }),
          client.request('textDocument/documentSymbol', document),
          client.request('textDocument/foldingRange', document),
          client.request('textDocument/codeLens', document),
          client.request('textDocument/codeAction', { ...document, range, context: { diagnostics: [] } }),
          client.request('miit95/feePreview', { uri }),
          client.request('miit95/formModel', { uri }),
        ]);
        assert.deepEqual(
          results.map((r) => r.result),
          [null, null, [], [], null, [], [], null, null],
          uri,
        );
        const edit = await client.request('miit95/formEdit', { uri, version: 1, edit: { kind: 'remove', path: ['usage'] } });
        assert.deepEqual(edit.result, { status: 'rejected', message: '该文件未在编辑器中打开。' }, uri);
      }
    });

    it('requests without params take any: miit95/rules, miit95/revalidate and miit95/portfolio with null or odd params', async function () {
      for (const params of [null, 42, 'x', { uri: 5 }]) {
        const rules = await client.request('miit95/rules', params);
        assert.ok(Array.isArray(rules.result) && rules.result.length > 0, JSON.stringify(rules).slice(0, 200));
        assert.deepEqual((await client.request('miit95/revalidate', params)).result, { documents: 0 });
        assert.equal((await client.request('miit95/portfolio', params)).error, undefined);
      }
    });

    it('a notification with null params does not take the server down', async function () {
      client.notify('textDocument/didOpen', null);
      client.notify('textDocument/didChange', null);
      client.notify('workspace/didChangeWatchedFiles', null);
      assert.ok(Array.isArray((await client.request('miit95/rules')).result));
    });
  });

  describe('framing lost: logged on stderr, exit non-zero within a bounded time', function () {
    const cases: readonly (readonly [name: string, bytes: string | Buffer])[] = [
      ['a Content-Length that is not a number', 'Content-Length: many\r\n\r\n{}'],
      ['no Content-Length header', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0"}'],
      ['a header line without a colon', 'hello server\r\n\r\n'],
      ['garbage bytes, no header end', Buffer.from(input.garbageBytes(4096).map((b) => (b === 13 || b === 10 ? 32 : b)))],
      ['64 KiB of garbage: a header that never ends', Buffer.from(input.garbageBytes(64 * 1024).map((b) => (b === 13 || b === 10 ? 32 : b)))],
      ['a message, then half a header in the same write', `Content-Length: 52\r\n\r\n${JSON.stringify({ jsonrpc: '2.0', method: 'initialized', params: {} }).padEnd(52)}Content-Len`],
      ['a length that never arrives', 'Content-Length: 5000\r\n\r\n{"jsonrpc":"2.0","id":1,'],
    ];
    for (const [name, bytes] of cases) {
      it(`${name}: before initialize, and after it`, async function () {
        for (const initialized of [false, true]) {
          const client = start({ MIIT95_STREAM_STALL_MS: String(STALL_MS) });
          if (initialized) assert.ok((await client.initialize()).result !== undefined);
          client.write(bytes);
          const code = await client.exitWithin(EXIT_WITHIN_MS);
          assert.equal(code, 1, `${name} (initialized: ${initialized}); stderr: ${client.stderr}`);
          assert.match(client.stderr, /the message stream from the client is broken/);
          assert.match(client.stderr, /来自客户端的消息流已损坏/);
        }
      });
    }

    it('a whole message whose body is not JSON: said on stderr and skipped (the framing is intact)', async function () {
      const client = start({ MIIT95_STREAM_STALL_MS: String(STALL_MS) });
      assert.ok((await client.initialize()).result !== undefined);
      client.frame('not json at all');
      const rules = await client.request('miit95/rules');
      assert.ok(Array.isArray(rules.result));
      assert.match(client.stderr, /skipped a message whose body is not JSON/);
      assert.match(client.stderr, /已跳过一条消息体不是 JSON 的消息/);
      await new Promise((resolve) => setTimeout(resolve, 2 * STALL_MS));
      assert.ok(client.running, 'no stall counted either');
    });

    it('half a message, then the input closes: exit 1 at once (no stall wait)', async function () {
      const client = start({ MIIT95_STREAM_STALL_MS: '60000' });
      assert.ok((await client.initialize()).result !== undefined);
      client.write('Content-Length: 5000\r\n\r\n{"jsonrpc":');
      client.endInput();
      assert.equal(await client.exitWithin(EXIT_WITHIN_MS), 1);
    });

    it('a slow but whole message is no stall: bytes trickling in are answered', async function () {
      const client = start({ MIIT95_STREAM_STALL_MS: String(STALL_MS) });
      assert.ok((await client.initialize()).result !== undefined);
      const body = JSON.stringify({ jsonrpc: '2.0', id: 'slow', method: 'miit95/rules' });
      const bytes = Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const answered = new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (client.received.some((m) => m['id'] === 'slow')) {
            clearInterval(poll);
            resolve();
          }
        }, 20);
      });
      const steps = 6;
      for (let i = 0; i < steps; i++) {
        client.write(bytes.subarray(Math.floor((i * bytes.length) / steps), Math.floor(((i + 1) * bytes.length) / steps)));
        await new Promise((resolve) => setTimeout(resolve, STALL_MS / 2));
      }
      await answered;
      assert.ok(client.running, 'still running');
    });
  });

  describe('shutdown and exit', function () {
    let work: string;
    before(function () {
      work = mkdtempSync(path.join(tmpdir(), 'miit95-protocol-edge-'));
      mkdirSync(path.join(work, 'apps'));
      for (let i = 0; i < 40; i++) writeFileSync(path.join(work, 'apps', `app-${i}.app95.yaml`), input.COMPLETE);
    });
    after(() => rmSync(work, { recursive: true, force: true }));

    it('exit after shutdown → 0; shutdown twice is answered twice', async function () {
      const client = start();
      await client.initialize();
      assert.deepEqual(await client.request('shutdown'), { jsonrpc: '2.0', id: 2, result: null });
      assert.deepEqual(await client.request('shutdown', null), { jsonrpc: '2.0', id: 3, result: null });
      client.notify('exit');
      assert.equal(await client.exitWithin(EXIT_WITHIN_MS), 0);
    });

    it('exit without shutdown → 1', async function () {
      const client = start();
      await client.initialize();
      client.notify('exit');
      assert.equal(await client.exitWithin(EXIT_WITHIN_MS), 1);
    });

    it('shutdown while a 5 MB document is being validated is answered', async function () {
      const client = start();
      await client.initialize();
      const text = input.paddedWithComments(input.FIVE_MB);
      client.notify('textDocument/didOpen', {
        textDocument: { uri: fileUri(path.join(work, 'big.app95.yaml')), languageId: 'miit95', version: 1, text },
      });
      assert.equal((await client.request('shutdown')).error, undefined);
      client.notify('exit');
      assert.equal(await client.exitWithin(30_000), 0);
    });

    it('shutdown while the background portfolio check runs is answered', async function () {
      const client = start();
      const root = fileUri(work);
      const init = await client.request('initialize', {
        processId: null,
        rootUri: root,
        workspaceFolders: [{ uri: root, name: 'work' }],
        capabilities: {},
      });
      assert.ok(init.result !== undefined);
      client.notify('initialized', {});
      const first = await client.request('miit95/portfolio');
      assert.equal((first.result as { progress: { total: number } }).progress.total, 40, 'the check has started');
      assert.equal((await client.request('shutdown')).error, undefined);
      client.notify('exit');
      assert.equal(await client.exitWithin(EXIT_WITHIN_MS), 0);
    });

    it('stdin closed → exits: 1 without shutdown, 0 after it', async function () {
      const plain = start();
      await plain.initialize();
      plain.endInput();
      assert.equal(await plain.exitWithin(EXIT_WITHIN_MS), 1);
      const polite = start();
      await polite.initialize();
      await polite.request('shutdown');
      polite.endInput();
      assert.equal(await polite.exitWithin(EXIT_WITHIN_MS), 0);
    });
  });
});
