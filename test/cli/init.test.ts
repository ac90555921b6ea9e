/**
 * `miit95 init` through the bundled CLI (dist/cli.js): writes the core's template as
 * `<公司名>.app95.yaml` (or --out), refuses to overwrite without --force, leaves no temporary file,
 * prints with `--out -`, and its help is bilingual. The written file checks with findings only on
 * placeholder lines.
 */
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseApplication } from '../../server/src/core';
import { applicationTemplate, isPlaceholderLine } from '../../server/src/core/template';
import { assertBundleFresh } from '../lsp/client';
import { CLI, runCli, type CliRun } from './run-cli';

const COMPANY = '杭州示例科技有限公司';
const FILE = `${COMPANY}.app95.yaml`;

function nameOf(text: string): unknown {
  return (parseApplication(text).value as { applicant?: { name?: unknown } }).applicant?.name;
}

describe('cli init (dist/cli.js)', function () {
  let work: string | undefined;
  const run = (args: readonly string[], cwd = work): CliRun => runCli(args, cwd);

  before(function () {
    assertBundleFresh(CLI);
  });
  beforeEach(function () {
    work = mkdtempSync(path.join(tmpdir(), 'miit95-init-'));
  });
  afterEach(function () {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('writes <公司名>.app95.yaml with the template and says what to do next', function () {
    const r = run(['init', '--name', COMPANY]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, new RegExp(`已创建 ${FILE}.*miit95 check`));
    const text = readFileSync(path.join(work!, FILE), 'utf8');
    const today = /^ {2}date: (\d{4}-\d{2}-\d{2})/m.exec(text)?.[1];
    assert.ok(today, 'the application date is set');
    assert.equal(text, applicationTemplate({ companyName: COMPANY, today }));
    assert.deepEqual(readdirSync(work!), [FILE], 'no temporary file left behind');
  });

  it('writes a file that miit95 check flags only on placeholder lines', function () {
    assert.equal(run(['init', '--name', COMPANY]).status, 0);
    const r = run(['check', FILE, '--format', 'json']);
    assert.equal(r.status, 1, 'the placeholders are errors');
    const { findings } = JSON.parse(r.stdout) as { findings: { line: number; code: string }[] };
    const lines = readFileSync(path.join(work!, FILE), 'utf8').split('\n');
    assert.ok(findings.length > 20);
    for (const f of findings)
      assert.ok(
        isPlaceholderLine(lines[f.line - 1] ?? ''),
        `${f.code} on line ${f.line}: ${lines[f.line - 1]}`,
      );
  });

  it('refuses to overwrite an existing file, and replaces it with --force', function () {
    const target = path.join(work!, FILE);
    writeFileSync(target, 'mine\n');
    const refused = run(['init', '--name', COMPANY]);
    assert.equal(refused.status, 2);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /文件已存在.*--force/);
    assert.match(refused.stderr, /file exists.*--force/);
    assert.equal(readFileSync(target, 'utf8'), 'mine\n', 'left untouched');

    const forced = run(['init', '--name', COMPANY, '--force', '--lang', 'en']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stdout, /^Created /);
    assert.equal(nameOf(readFileSync(target, 'utf8')), COMPANY);
    assert.deepEqual(readdirSync(work!), [FILE]);
  });

  it('writes to --out: a new file (creating its folders) or a folder (default name inside)', function () {
    assert.equal(run(['init', '-n', COMPANY, '--out', 'a/b/申请.app95.yaml']).status, 0);
    assert.equal(nameOf(readFileSync(path.join(work!, 'a', 'b', '申请.app95.yaml'), 'utf8')), COMPANY);
    mkdirSync(path.join(work!, 'out'));
    assert.equal(run(['init', '-n', COMPANY, '-o', 'out']).status, 0);
    assert.ok(existsSync(path.join(work!, 'out', FILE)));
  });

  it('prints the template with --out - and writes nothing', function () {
    const r = run(['init', '--name', COMPANY, '--out', '-']);
    assert.equal(r.status, 0);
    assert.equal(nameOf(r.stdout), COMPANY);
    assert.deepEqual(readdirSync(work!), []);
  });

  it('keeps a placeholder name without --name', function () {
    assert.equal(run(['init']).status, 0);
    assert.equal(nameOf(readFileSync(path.join(work!, '新申请.app95.yaml'), 'utf8')), '待填写');
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['a file argument', ['init', 'x.app95.yaml'], /init 不接受文件参数/],
    ['an empty --name', ['init', '--name', ' '], /--name 不能为空/],
    ['an unknown option', ['init', '--nmae', 'x'], /命令行参数有误/],
  ];
  for (const [what, args, message] of usageErrors) {
    it(`rejects ${what} with exit code 2`, function () {
      const r = run(args);
      assert.equal(r.status, 2);
      assert.match(r.stderr, message);
      assert.deepEqual(readdirSync(work!), []);
    });
  }

  it('has a bilingual help, and one language with --lang', function () {
    const both = run(['init', '--help']);
    assert.equal(both.status, 0);
    assert.match(both.stdout, /用法：\n {2}miit95 init/);
    assert.match(both.stdout, /Usage:\n {2}miit95 init/);
    const en = run(['init', '--help', '--lang', 'en']);
    assert.doesNotMatch(en.stdout, /用法/);
    assert.match(en.stdout, /--force/);
    assert.match(run(['--help']).stdout, /init \[--name <公司名>\]/);
  });
});
