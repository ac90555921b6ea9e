/**
 * Attachments confined to the application's folder tree (issue 6, item 6), beyond the probe's own
 * table in test/lsp/file-probe.test.ts: symlink chains and loops, a link to the parent folder, odd
 * spellings of `..`, a FIFO and a device (never opened), and the proof that nothing is ever read —
 * every fs read primitive is watched while the probe and a whole validation run. Paths that leave the
 * tree are R-DOCS-001 "outside" findings, through the core, the CLI and the server alike.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { validate, type FileKind } from '../../server/src/core';
import { createFileProbe } from '../../server/src/node/file-probe';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, SERVER_BUNDLE } from '../lsp/client';
import { COMPLETE } from '../hostile/inputs';

/** The fs module object itself (an `import * as` namespace is a copy): calls of the code under test go through it. */
const fsModule = createRequire(__filename)('node:fs') as typeof import('node:fs');

/** Calls `run` while every fs primitive that opens or reads a file throws; returns what was tried. */
function withReadsForbidden<T>(run: () => T): { result: T; tried: string[] } {
  const tried: string[] = [];
  const names = [
    'openSync', 'readFileSync', 'readSync', 'createReadStream', 'open', 'readFile', 'read', 'copyFileSync', 'cpSync',
  ] as const;
  // The module object itself (an `import * as` namespace is a frozen copy): the probe's calls go through it.
  const fsRecord = fsModule as unknown as Record<string, unknown>;
  const originals = names.map((name) => [name, fsRecord[name]] as const);
  for (const name of names)
    fsRecord[name] = (...args: unknown[]): never => {
      tried.push(`${name}(${String(args[0])})`);
      throw new Error(`fs.${name} is forbidden here`);
    };
  try {
    return { result: run(), tried };
  } finally {
    for (const [name, original] of originals) fsRecord[name] = original;
  }
}

describe('security: attachments confined to the application folder', function () {
  this.timeout(60_000);
  let base: string;
  let app: string;

  before(function () {
    base = mkdtempSync(path.join(tmpdir(), 'miit95-confine-'));
    app = path.join(base, 'app');
    mkdirSync(path.join(app, '附件'), { recursive: true });
    writeFileSync(path.join(app, '附件', '营业执照.pdf'), '%PDF inside');
    writeFileSync(path.join(base, 'secret.pdf'), 'secret outside');
    // A chain that ends outside, a loop, a link to the parent, a chain that stays inside.
    symlinkSync(path.join(base, 'secret.pdf'), path.join(app, 'hop2.pdf'));
    symlinkSync(path.join(app, 'hop2.pdf'), path.join(app, 'hop1.pdf'));
    symlinkSync(path.join(app, 'loop-b.pdf'), path.join(app, 'loop-a.pdf'));
    symlinkSync(path.join(app, 'loop-a.pdf'), path.join(app, 'loop-b.pdf'));
    symlinkSync('..', path.join(app, 'up'));
    symlinkSync(path.join(app, '附件'), path.join(app, 'docs'));
    symlinkSync('/', path.join(app, 'root'));
    // A FIFO: opening it for reading would block forever, so a probe that answers has not opened it.
    const fifo = spawnSync('mkfifo', [path.join(app, 'pipe.pdf')]);
    if (fifo.status !== 0) throw new Error(`mkfifo failed: ${String(fifo.stderr)}`);
    symlinkSync('/dev/zero', path.join(app, 'zero.pdf'));
  });
  after(function () {
    rmSync(base, { recursive: true, force: true });
  });

  const cases: [string, string, FileKind][] = [
    ['a chain of links that ends outside', 'hop1.pdf', 'outside'],
    ['a loop of links', 'loop-a.pdf', 'missing'],
    ['a link to the parent folder', 'up/secret.pdf', 'outside'],
    ['out through a link and back in: the real file is inside', 'up/app/附件/营业执照.pdf', 'file'],
    ['a link to a folder inside', 'docs/营业执照.pdf', 'file'],
    ['a link to the file-system root', 'root/etc/passwd', 'outside'],
    ['a FIFO inside (never opened)', 'pipe.pdf', 'missing'],
    ['a link to a device outside', 'zero.pdf', 'outside'],
    ['a URL-encoded ..', '%2e%2e/secret.pdf', 'missing'],
    ['full-width dots', '．．/secret.pdf', 'missing'],
    ['a file: URL', 'file:///etc/passwd', 'missing'],
    ['a home-relative path', '~/secret.pdf', 'missing'],
    ['/proc of this process', '/proc/self/environ', 'outside'],
    ['a Windows device name', 'CON', 'missing'],
    ['a path of 10 000 characters', `${'a/'.repeat(5000)}x.pdf`, 'missing'],
    ['many .. segments', `${'../'.repeat(200)}etc/passwd`, 'outside'],
    ['a mixed-separator escape', '附件\\..\\..\\secret.pdf', 'outside'],
  ];
  for (const [name, relative, expected] of cases) {
    it(`${name}: ${JSON.stringify(relative.length > 40 ? `${relative.slice(0, 40)}…` : relative)} → ${expected}, nothing read`, function () {
      const { result, tried } = withReadsForbidden(() => createFileProbe(app).probe(relative));
      assert.equal(result, expected);
      assert.deepEqual(tried, [], 'the probe never opens or reads a file');
    });
  }

  it('a whole validation reports every escaping attachment as R-DOCS-001 "outside", reading nothing', function () {
    const text = COMPLETE.replace('business_licence_file: 附件/营业执照.pdf', 'business_licence_file: hop1.pdf')
      .replace('- 附件/增值电信业务经营许可证-正文.pdf', '- ../secret.pdf')
      .replace('- 附件/增值电信业务经营许可证-附页.pdf', '- /etc/passwd')
      .replace('file: 附件/电话接入号码使用承诺书.pdf', 'file: up/secret.pdf');
    const { result, tried } = withReadsForbidden(() => validate(text, { files: createFileProbe(app) }));
    assert.deepEqual(tried, []);
    const outside = result.findings
      .filter((f) => f.code === 'R-DOCS-001' && f.message.en.includes('leaves the application'))
      .map((f) => text.slice(f.range.start, f.range.end));
    assert.deepEqual(outside.sort(), ['../secret.pdf', '/etc/passwd', 'hop1.pdf', 'up/secret.pdf'].sort());
  });

  it('the CLI and the server report the same escapes (their probes are rooted at the file’s folder)', async function () {
    assertBundleFresh(SERVER_BUNDLE);
    const text = COMPLETE.replace('business_licence_file: 附件/营业执照.pdf', 'business_licence_file: hop1.pdf');
    const file = path.join(app, 'a.app95.yaml');
    writeFileSync(file, text);
    const cli = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', file], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const reported = (JSON.parse(cli.stdout) as { findings: { code: string; message: string }[] }).findings;
    assert.ok(
      reported.some((f) => f.code === 'R-DOCS-001' && f.message.includes('hop1.pdf')),
      JSON.stringify(reported.map((f) => f.code)),
    );
    const client = LspClient.start('stdio');
    try {
      await client.initialize({ locale: 'en' });
      const uri = fileUri(file);
      await client.open(uri, text);
      const published = await client.waitForVersion(uri, 1);
      assert.ok(
        published.diagnostics.some((d) => d.code === 'R-DOCS-001' && client.covered(uri, 1, d.range) === 'hop1.pdf'),
      );
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
