/**
 * Regression test for a file that is not UTF-8 (found by the CLI property test): a consultant's
 * application saved as GBK by an old editor, or as latin-1. The bundled CLI (dist/cli.js) names the
 * file in Chinese and English with what to do, exits 2 as documented, and a text run still ends
 * with the summary line, which says that a file could not be checked.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertBundleFresh, REPO_ROOT } from '../lsp/client';
import { CLI, runCli, type CliRun } from './run-cli';

const COMPLETE_DIR = path.join(REPO_ROOT, 'samples', 'complete');

/** `applicant.name: 杭州云声信息技术有限公司`, the name in GBK (two bytes per character). */
const GBK_NAME = Buffer.from('babcd6ddd4c6c9f9d0c5cfa2bcbccaf5d3d0cfdeb9abcbbe', 'hex');
const GBK_FILE = Buffer.concat([
  Buffer.from('apiVersion: miit95/v1\napplicant:\n  name: ', 'ascii'),
  GBK_NAME,
  Buffer.from('\n', 'ascii'),
]);
const LATIN1_FILE = Buffer.from('apiVersion: miit95/v1\napplicant:\n  legal_rep: Jos\xe9\n', 'latin1');

const ZH_MESSAGE = 'miit95: 不是有效的 UTF-8 文本：gbk.app95.yaml（请以 UTF-8 编码保存）\n';
const EN_MESSAGE = 'miit95: not valid UTF-8 text: gbk.app95.yaml (save it as UTF-8)\n';
const ZH_SUMMARY = '检查了 0 个文件；1 个文件或文件夹无法检查（原因见上方说明）。\n';
const EN_SUMMARY = 'Checked 0 files; 1 file or folder could not be checked (see the messages above).\n';

describe('cli: a file that is not UTF-8 (dist/cli.js)', function () {
  let work: string | undefined;
  const run = (...args: string[]): CliRun => runCli(['check', ...args], work);

  before(function () {
    assertBundleFresh(CLI);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-not-utf8-'));
    cpSync(COMPLETE_DIR, path.join(work, 'ok'), { recursive: true });
    writeFileSync(path.join(work, 'gbk.app95.yaml'), GBK_FILE);
    writeFileSync(path.join(work, 'latin1.app95.yaml'), LATIN1_FILE);
  });
  after(function () {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('uses fixtures that are really GBK and latin-1, not UTF-8', function () {
    for (const bytes of [GBK_FILE, LATIN1_FILE])
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), TypeError);
    assert.match(new TextDecoder('gbk').decode(GBK_FILE), /name: 杭州云声信息技术有限公司\n$/);
  });

  it('names the file in Chinese then English, exits 2, and prints the summary line (zh)', function () {
    const r = run('gbk.app95.yaml');
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, ZH_MESSAGE + EN_MESSAGE);
    assert.equal(r.stdout, ZH_SUMMARY);
  });

  it('prints the summary line in English with --lang en, the message still in both languages', function () {
    const r = run('--lang', 'en', 'gbk.app95.yaml');
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, ZH_MESSAGE + EN_MESSAGE);
    assert.equal(r.stdout, EN_SUMMARY);
  });

  it('checks the readable files and counts the unreadable one in the summary', function () {
    const r = run('latin1.app95.yaml', 'ok');
    assert.equal(r.status, 2, 'exit 2 even though the readable file has no error');
    assert.match(r.stderr, /不是有效的 UTF-8 文本：latin1\.app95\.yaml（请以 UTF-8 编码保存）/);
    assert.match(r.stderr, /not valid UTF-8 text: latin1\.app95\.yaml \(save it as UTF-8\)/);
    const lines = r.stdout.split('\n');
    assert.equal(lines.pop(), '', 'ends with a newline');
    assert.match(lines.pop()!, /^检查了 1 个文件[，：].*；1 个文件或文件夹无法检查（原因见上方说明）。$/);
    for (const line of lines)
      assert.doesNotMatch(line, /^latin1\.app95\.yaml:/, 'no finding for the unreadable file');
  });

  it('prints one JSON object without findings for it with --format json', function () {
    const r = run('--format', 'json', 'gbk.app95.yaml');
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, ZH_MESSAGE + EN_MESSAGE);
    assert.deepEqual(JSON.parse(r.stdout), { findings: [], suppressions: [] });
  });
});
