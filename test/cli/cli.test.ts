/**
 * The bundled CLI (dist/cli.js) run as a child process: help, usage errors, exit codes, text and JSON
 * output, folder search and unreadable input. Tests tagged [core] assert on real findings and pass once
 * the core's validate is in place.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertBundleFresh, REPO_ROOT } from '../lsp/client';
import { CLI, runCli, type CliRun } from './run-cli';

const COMPLETE_DIR = path.join(REPO_ROOT, 'samples', 'complete');
const MISTAKES_DIR = path.join(REPO_ROOT, 'samples', 'mistakes');
const CJK = /[\u4e00-\u9fff]/;

const FINDING_KEYS = ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity'];

/** Parses stdout as exactly one JSON object of the documented shape. */
interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

function parseJson(run: CliRun): JsonFinding[] {
  const parsed = JSON.parse(run.stdout) as { findings: JsonFinding[]; suppressions: unknown[] };
  assert.deepEqual(Object.keys(parsed), ['findings', 'suppressions'], 'one object: findings, suppressions');
  assert.ok(Array.isArray(parsed.suppressions));
  assert.ok(Array.isArray(parsed.findings));
  for (const f of parsed.findings) {
    assert.deepEqual(Object.keys(f).sort(), FINDING_KEYS);
    for (const k of ['line', 'column', 'endLine', 'endColumn'] as const)
      assert.ok(Number.isInteger(f[k]) && f[k] >= 1, `${k} is 1-based`);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(f.severity));
  }
  return parsed.findings;
}

describe('cli (dist/cli.js)', function () {
  let work: string;
  const run = (args: readonly string[], cwd = work): CliRun => runCli(args, cwd);

  before(function () {
    assertBundleFresh(CLI);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-cli-'));
    cpSync(COMPLETE_DIR, path.join(work, 'ok'), { recursive: true });
    cpSync(MISTAKES_DIR, path.join(work, 'bad'), { recursive: true });
    const complete = readFileSync(path.join(COMPLETE_DIR, '杭州云声.app95.yaml'));
    for (const f of [
      'tree/node_modules/pkg/x.app95.yaml',
      'tree/.hidden/y.app95.yml',
      'tree/deep/er/z.app95.yml',
      'tree/deep/plain.yaml',
    ]) {
      mkdirSync(path.dirname(path.join(work, f)), { recursive: true });
      writeFileSync(path.join(work, f), complete);
    }
    mkdirSync(path.join(work, 'empty'));
    writeFileSync(path.join(work, 'empty', 'readme.txt'), 'no applications here');
    writeFileSync(
      path.join(work, 'latin1.app95.yaml'),
      Buffer.from('apiVersion: miit95/v1\nname: caf\xe9\n', 'latin1'),
    );
    writeFileSync(
      path.join(work, 'bom.app95.yaml'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), complete]),
    );
    writeFileSync(path.join(work, 'huge.app95.yaml'), '');
    truncateSync(path.join(work, 'huge.app95.yaml'), 21 * 1024 * 1024); // sparse: cheap to create
  });
  after(function () {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  describe('help and usage', function () {
    it('is bundled with a shebang', function () {
      assert.match(readFileSync(CLI, 'utf8'), /^#!\/usr\/bin\/env node\n/);
    });

    for (const flag of ['--help', '-h']) {
      it(`${flag} prints the program help in Chinese, then English, and exits 0`, function () {
        const r = run([flag]);
        assert.equal(r.status, 0);
        assert.equal(r.stderr, '');
        const zh = r.stdout.indexOf('用法');
        const en = r.stdout.indexOf('Usage');
        assert.ok(zh >= 0 && en > zh, 'Chinese first, then English');
        assert.match(r.stdout, /check/);
      });
    }

    it('check --help prints the command help in both languages', function () {
      const r = run(['check', '--help']);
      assert.equal(r.status, 0);
      for (const s of ['--format', '--lang', '退出码', 'Exit codes', '*.app95.yaml'])
        assert.ok(r.stdout.includes(s), s);
      assert.ok(r.stdout.indexOf('退出码') < r.stdout.indexOf('Exit codes'));
    });

    it('help with --lang prints only that language', function () {
      const en = run(['check', '-h', '--lang', 'en']);
      assert.equal(en.status, 0);
      assert.doesNotMatch(en.stdout, CJK);
      const zh = run(['--help', '--lang', 'zh']);
      assert.match(zh.stdout, /用法/);
      assert.doesNotMatch(zh.stdout, /Usage/);
    });

    it('--version prints the package version', function () {
      const r = run(['--version']);
      assert.equal(r.status, 0);
      assert.equal(
        r.stdout.trim(),
        JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version,
      );
    });

    const usageErrors: [string, string[], RegExp][] = [
      ['no command', [], /missing command/],
      ['an unknown command', ['lint', 'ok'], /unknown command: lint/],
      ['an unknown option', ['check', '--fast', 'ok'], /invalid arguments/],
      ['check without paths', ['check'], /at least one file or folder/],
      ['a bad --format', ['check', '--format', 'xml', 'ok'], /invalid --format value "xml"/],
      ['a bad --lang', ['check', '--lang', 'fr', 'ok'], /invalid --lang value "fr"/],
      ['--format without a value', ['check', 'ok', '--format'], /invalid arguments/],
    ];
    for (const [name, args, english] of usageErrors) {
      it(`exits 2 with a bilingual message on ${name}`, function () {
        const r = run(args);
        assert.equal(r.status, 2);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, english);
        assert.match(r.stderr, CJK, 'Chinese too');
        assert.ok(r.stderr.search(CJK) < r.stderr.search(english), 'Chinese first');
        assert.match(r.stderr, /miit95 --help/);
      });
    }
  });

  describe('check', function () {
    it('checks a folder: summary in Chinese by default, exit 0 without errors', function () {
      const r = run(['check', 'ok']);
      assert.equal(r.stderr, '');
      assert.equal(r.status, 0, r.stdout);
      assert.match(r.stdout.trimEnd().split('\n').pop()!, /^检查了 1 个文件(，未发现问题。|：0 个错误)/);
    });

    it('prints the summary in English with --lang en', function () {
      const r = run(['check', '--lang', 'en', 'ok']);
      assert.equal(r.status, 0);
      assert.match(
        r.stdout.trimEnd().split('\n').pop()!,
        /^Checked 1 file(: no problems found\.|: 0 errors)/,
      );
    });

    it('searches folders recursively, skipping node_modules and dot-folders', function () {
      const r = run(['check', 'tree']);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /检查了 1 个文件/);
      const json = parseJson(run(['check', '--format', 'json', 'tree']));
      assert.ok(
        json.every((f) => f.file === path.join('tree', 'deep', 'er', 'z.app95.yml')),
        'only the file outside skipped folders',
      );
    });

    it('checks an explicit file whatever its name or folder, and each file once', function () {
      const r = run([
        'check',
        'tree/.hidden/y.app95.yml',
        'tree/deep/plain.yaml',
        './tree/deep/plain.yaml',
        path.join(work, 'tree/deep/plain.yaml'),
      ]);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /检查了 2 个文件/);
    });

    it('accepts a UTF-8 file with a BOM', function () {
      const r = run(['check', 'bom.app95.yaml']);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /检查了 1 个文件/);
    });

    it('prints exactly one JSON object with --format json', function () {
      const r = run(['check', '--format', 'json', 'ok']);
      assert.equal(r.status, 0);
      assert.equal(r.stderr, '');
      assert.deepEqual(
        parseJson(r).filter((f) => f.severity === 'error'),
        [],
      );
    });

    it('[core] exits 1 and prints findings as file:line:col severity code message when a file has errors', function () {
      const r = run(['check', 'bad/unknown-key.app95.yaml']);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      const summary = lines.pop()!;
      assert.match(summary, /^检查了 1 个文件：[1-9]\d* 个错误/);
      assert.ok(lines.length >= 2, 'both unknown keys are reported');
      for (const line of lines) {
        assert.match(line, /^bad\/unknown-key\.app95\.yaml:\d+:\d+ (error|warning|info|hint) \S+ \S.*$/);
      }
      assert.ok(lines.some((l) => / error schema\/additionalProperties /.test(l)));
    });

    it('[core] exits 0 when the findings are warnings only', function () {
      const r = run(['check', 'bad/too-few-seats.app95.yaml']);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /^bad\/too-few-seats\.app95\.yaml:\d+:\d+ warning R-TECH-001 /m);
      assert.match(r.stdout, /检查了 1 个文件：0 个错误，1 个警告/);
    });

    it('[core] places JSON findings on the right line and columns, relative to the working folder', function () {
      const file = path.join(work, 'bad', 'unknown-key.app95.yaml');
      const r = run(['check', '--format', 'json', '--lang', 'en', file], path.join(work, 'ok'));
      assert.equal(r.status, 1);
      const findings = parseJson(r);
      const lines = readFileSync(file, 'utf8').split('\n');
      const faxLine = lines.findIndex((l) => /^ {2}fax:/.test(l)) + 1;
      const fax = findings.find((f) => f.code === 'schema/additionalProperties' && f.line === faxLine);
      assert.ok(fax, JSON.stringify(findings));
      assert.equal(fax.file, path.join('..', 'bad', 'unknown-key.app95.yaml'));
      assert.deepEqual([fax.column, fax.endLine, fax.endColumn], [3, faxLine, 6]);
      assert.doesNotMatch(fax.message, CJK, 'English message with --lang en');
    });

    it('[core] checks every sample in a folder and exits 1 when any has errors', function () {
      const r = run(['check', '--format', 'json', '.'], REPO_ROOT);
      assert.equal(r.status, 1);
      const files = new Set(parseJson(r).map((f) => f.file));
      assert.ok(files.has(path.join('samples', 'mistakes', 'unknown-key.app95.yaml')));
    });
  });

  describe('unreadable input', function () {
    const cases: [string, string[], RegExp, RegExp][] = [
      [
        'a missing file',
        ['check', 'nope.app95.yaml'],
        /找不到文件或文件夹：nope\.app95\.yaml/,
        /no such file or folder: nope\.app95\.yaml/,
      ],
      [
        'a folder without applications',
        ['check', 'empty'],
        /文件夹中没有申请文件/,
        /no application files .* in folder: empty/,
      ],
      [
        'a file that is not UTF-8',
        ['check', 'latin1.app95.yaml'],
        /不是有效的 UTF-8 文本/,
        /not valid UTF-8 text: latin1\.app95\.yaml/,
      ],
      [
        'a file over 20 MB',
        ['check', 'huge.app95.yaml'],
        /文件过大/,
        /file too big: huge\.app95\.yaml \(21\.0 MB, limit 20\.0 MB\)/,
      ],
    ];
    for (const [name, args, chinese, english] of cases) {
      it(`exits 2 with a bilingual message for ${name}`, function () {
        const r = run(args);
        assert.equal(r.status, 2);
        assert.match(r.stderr, chinese);
        assert.match(r.stderr, english);
        assert.ok(r.stderr.search(chinese) < r.stderr.search(english), 'Chinese first');
      });
    }

    it('still checks the readable inputs, and still prints one JSON object', function () {
      const text = run(['check', 'nope.app95.yaml', 'ok']);
      assert.equal(text.status, 2);
      assert.match(text.stdout, /检查了 1 个文件/);
      const json = run(['check', '--format', 'json', 'latin1.app95.yaml', 'ok', 'empty']);
      assert.equal(json.status, 2);
      parseJson(json);
      assert.match(json.stderr, /not valid UTF-8/);
      assert.match(json.stderr, /no application files/);
    });
  });
});
