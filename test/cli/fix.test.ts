/**
 * `miit95 fix` of the bundled CLI (dist/cli.js) on temporary copies of the samples: the report, the
 * files written (atomically: no temporary file left, mode and BOM kept), untouched files byte for
 * byte, idempotence, `--dry-run` (a diff, nothing written), bilingual help, exit codes — and the
 * same result as the language server's `source.fixAll.miit95` on every mistake sample.
 */
import assert from 'node:assert/strict';
import {
  chmodSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, SERVER_BUNDLE } from '../lsp/client';
import { CLI, runCli, type CliRun } from './run-cli';

const MISTAKES_DIR = path.join(REPO_ROOT, 'samples', 'mistakes');
const SHORT = 'short-province-names.app95.yaml';
const UNKNOWN = 'unknown-key.app95.yaml';

describe('cli fix (dist/cli.js)', function () {
  let work: string;
  const run = (args: readonly string[], cwd = work): CliRun => runCli(args, cwd);
  const read = (name: string): string => readFileSync(path.join(work, name), 'utf8');
  const original = (name: string): string => readFileSync(path.join(MISTAKES_DIR, name), 'utf8');

  before(function () {
    assertBundleFresh(CLI);
  });

  beforeEach(function () {
    work = mkdtempSync(path.join(tmpdir(), 'miit95-fix-'));
    cpSync(MISTAKES_DIR, work, { recursive: true });
  });

  afterEach(function () {
    rmSync(work, { recursive: true, force: true });
  });

  it('prints help in both languages, or one with --lang', function () {
    const both = run(['fix', '--help']);
    assert.equal(both.status, 0);
    assert.match(both.stdout, /miit95 fix <文件或文件夹\.\.\.> \[--dry-run\]/);
    assert.match(both.stdout, /miit95 fix <files or folders\.\.\.> \[--dry-run\]/);
    const en = run(['fix', '--help', '--lang', 'en']);
    assert.doesNotMatch(en.stdout, /[\u4e00-\u9fff]{4}/, 'English only (Chinese examples aside)');
    assert.match(run(['--help']).stdout, /fix <文件或文件夹\.\.\.>/, 'listed in the program help');
  });

  it('needs at least one path (exit 2)', function () {
    const r = run(['fix']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /请至少指定一个/);
  });

  it('fixes the safe problems of a folder, reports each change, leaves the rest byte for byte', function () {
    chmodSync(path.join(work, SHORT), 0o640);
    const r = run(['fix', '.']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`${SHORT}：已修复 12 处`));
    assert.match(r.stdout, /\n {2}45:14 {2}R-COVERAGE-004 {2}改为“浙江省”\n/);
    assert.match(r.stdout, new RegExp(`${UNKNOWN}：已修复 1 处`));
    assert.match(r.stdout, /schema\/additionalProperties {2}将“bussiness_model”改为“business_model”/);
    assert.match(r.stdout, /已修复 2 个文件中的 13 处问题。\n$/);

    assert.match(
      read(SHORT),
      /coverage: \[浙江省, 江苏省, 上海市, 安徽省, 福建省, 广东省, 北京市, 内蒙古自治区\]/,
    );
    assert.match(read(UNKNOWN), /\n {2}business_model: /);
    assert.match(read(UNKNOWN), /\n {2}fax: /, 'the unknown key is not removed');
    for (const name of readdirSync(work).filter((n) => n.endsWith('.yaml') && n !== SHORT && n !== UNKNOWN)) {
      assert.equal(read(name), original(name), `${name} is untouched`);
    }
    assert.deepEqual(
      readdirSync(work).filter((n) => n.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
    assert.equal(statSync(path.join(work, SHORT)).mode & 0o777, 0o640, 'the file mode is kept');

    const again = run(['fix', '.', '--lang', 'en']);
    assert.equal(again.status, 0);
    assert.equal(again.stdout, 'Nothing to fix automatically.\n', 'a second run changes nothing');
  });

  it('--dry-run prints a unified diff and writes nothing', function () {
    const r = run(['fix', SHORT, '--dry-run', '--lang', 'en']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^--- a/${SHORT}\\n\\+\\+\\+ b/${SHORT}\\n@@ -42,7 \\+42,7 @@\\n`));
    assert.match(
      r.stdout,
      /\n- {2}coverage: \[浙江, 江苏, 上海, 安徽, 福建, 广东, 北京, 内蒙古\]\n\+ {2}coverage: \[浙江省, /,
    );
    assert.match(r.stdout, /would fix 12 problems/);
    assert.match(r.stdout, /Would fix 12 problems in 1 file \(dry run: nothing written\)\.\n$/);
    assert.equal(read(SHORT), original(SHORT));
  });

  it('keeps a BOM and CRLF line breaks', function () {
    const crlf = `\ufeff${original(SHORT).replace(/\r?\n/g, '\r\n')}`;
    writeFileSync(path.join(work, SHORT), crlf, 'utf8');
    assert.equal(run(['fix', SHORT]).status, 0);
    const bytes = readFileSync(path.join(work, SHORT));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is kept');
    const text = bytes.toString('utf8').slice(1);
    assert.ok(!/[^\r]\n/.test(text), 'CRLF kept');
    assert.match(text, /coverage: \[浙江省, /);
  });

  it('reports an unreadable input with exit 2 and still fixes the others', function () {
    const r = run(['fix', 'missing.app95.yaml', SHORT]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /missing\.app95\.yaml/);
    assert.match(read(SHORT), /coverage: \[浙江省, /);
  });

  describe('same result as the language server fix-all', function () {
    let client: LspClient | undefined;

    before(async function () {
      assertBundleFresh(SERVER_BUNDLE);
      client = LspClient.start('stdio');
      await client.initialize({ locale: 'zh-cn' });
    });

    after(async function () {
      if (client !== undefined) assert.equal(await client.stop(), 0);
    });

    for (const name of readdirSync(MISTAKES_DIR)
      .filter((n) => n.endsWith('.app95.yaml'))
      .sort()) {
      it(name, async function () {
        assert.ok(client);
        const file = path.join(work, name);
        const before = read(name);
        const uri = fileUri(file);
        const since = client.mark();
        await client.open(uri, before, 1);
        await client.waitForVersion(uri, 1, since);
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only: ['source.fixAll.miit95'] },
        });
        await client.close(uri);
        const edits = actions[0]?.edit?.changes?.[uri] ?? [];
        const viaServer = TextDocument.applyEdits(TextDocument.create(uri, 'miit95', 1, before), edits);

        const r = run(['fix', name]);
        assert.equal(r.status, 0, r.stderr);
        assert.equal(read(name), viaServer);
      });
    }
  });
});
