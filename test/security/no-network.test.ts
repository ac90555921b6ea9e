/**
 * "No network access anywhere" (issue 6, item 6): the block installed by test/setup/no-network.ts
 * works — in this process and in every spawned one (the language server, the CLI) — without sending
 * anything (192.0.2.1 is TEST-NET-1: never routed, and the block refuses before a packet exists),
 * loopback still works, and a full language-server and CLI session runs under it without trying the
 * network at all (the root hook fails the run if anything, anywhere, tried).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as dgram from 'node:dgram';
import * as dns from 'node:dns';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BLOCKED_CODE, isLoopback } from '../setup/block-network.js';
import { blockedAttempts, expectBlocked, NETWORK_LOG, nodeOptionsWithBlock, PRELOAD } from '../setup/no-network';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, SERVER_BUNDLE } from '../lsp/client';

const TEST_NET = '192.0.2.1';

/** Resolves with the error code a request/socket fails with. */
function failureCode(start: (fail: (error: NodeJS.ErrnoException) => void) => void): Promise<string | undefined> {
  return new Promise((resolve) => start((error) => resolve(error.code)));
}

describe('security: no network access', function () {
  this.timeout(60_000);

  it('knows what stays on this machine', function () {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', undefined, ''])
      assert.equal(isLoopback(host), true, String(host));
    for (const host of [TEST_NET, 'example.com', '10.0.0.1', '::ffff:192.0.2.1', '2001:db8::1', 'localhost.example.com'])
      assert.equal(isLoopback(host), false, host);
  });

  it('refuses TCP, HTTP, HTTPS, fetch, DNS and UDP to the outside, in this process', async function () {
    const seen = await expectBlocked(async () => {
      const codes = await Promise.all([
        failureCode((fail) => net.connect({ host: TEST_NET, port: 80 }).on('error', fail)),
        failureCode((fail) => net.connect(443, TEST_NET).on('error', fail)),
        failureCode((fail) => http.get(`http://${TEST_NET}/`).on('error', fail)),
        failureCode((fail) => https.get('https://example.com/').on('error', fail)),
        failureCode((fail) => dns.lookup('example.com', (error) => error && fail(error))),
        dns.promises.resolve4('example.com').then(
          () => undefined,
          (error: NodeJS.ErrnoException) => error.code,
        ),
        fetch(`http://${TEST_NET}/`).then(
          () => undefined,
          (error: Error & { cause?: NodeJS.ErrnoException }) => error.cause?.code,
        ),
        failureCode((fail) => {
          const socket = dgram.createSocket('udp4');
          socket.send('x', 53, TEST_NET, (error) => {
            socket.close();
            if (error) fail(error);
          });
        }),
      ]);
      assert.deepEqual(codes, Array<string>(codes.length).fill(BLOCKED_CODE));
    });
    assert.ok(seen.some((s) => s.includes(TEST_NET)) && seen.some((s) => s.includes('example.com')), seen.join('; '));
  });

  it('still allows loopback (the LSP over node-ipc, local test servers)', async function () {
    const server = net.createServer((socket) => socket.end('pong'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const answer = await new Promise<string>((resolve, reject) => {
        let data = '';
        net
          .connect(port, 'localhost')
          .on('data', (chunk) => (data += String(chunk)))
          .on('end', () => resolve(data))
          .on('error', reject);
      });
      assert.equal(answer, 'pong');
    } finally {
      server.close();
    }
  });

  it('is passed on to every spawned node process through NODE_OPTIONS', function () {
    assert.ok(process.env['NODE_OPTIONS']?.includes(PRELOAD), String(process.env['NODE_OPTIONS']));
    assert.equal(nodeOptionsWithBlock(process.env['NODE_OPTIONS']), process.env['NODE_OPTIONS'], 'added once');
    const scratch = mkdtempSync(path.join(tmpdir(), 'miit95-netblock-'));
    const log = path.join(scratch, 'blocked.log');
    try {
      const child = spawnSync(
        process.execPath,
        ['-e', `require('net').connect(80, '${TEST_NET}').on('error', (e) => { console.log(e.code); })`],
        { encoding: 'utf8', timeout: 20_000, env: { ...process.env, MIIT95_NETWORK_LOG: log } },
      );
      assert.equal(child.stdout.trim(), BLOCKED_CODE, child.stderr);
      assert.match(readFileSync(log, 'utf8'), new RegExp(`connect ${TEST_NET.replace(/\./g, '\\.')}:80`));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('the language server and the CLI run a full session under the block without trying the network', async function () {
    assertBundleFresh(SERVER_BUNDLE);
    const before = blockedAttempts().length;
    const client = LspClient.start('stdio');
    try {
      await client.initialize({ locale: 'zh-cn' });
      const file = path.join(REPO_ROOT, 'samples', 'complete', '杭州云声.app95.yaml');
      const uri = fileUri(file);
      await client.open(uri, readFileSync(file, 'utf8'));
      await client.waitForVersion(uri, 1);
    } finally {
      assert.equal(await client.stop(), 0);
    }
    const cli = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', 'samples'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.ok(cli.status === 0 || cli.status === 1, cli.stderr);
    assert.deepEqual(blockedAttempts().slice(before), [], `nothing tried the network (log ${NETWORK_LOG})`);
  });
});
