/**
 * The bundled CLI (dist/cli.js) with configuration: the nearest `.miit95.yaml` per file, `--config`,
 * a configuration's own findings reported once against its path, the suppression comments in the
 * JSON output, and the `rules` command (text, JSON, languages, help).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertBundleFresh, REPO_ROOT } from '../lsp/client';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const COMPLETE_DIR = path.join(REPO_ROOT, 'samples', 'complete');
const SAMPLE = '杭州云声.app95.yaml';
const STRICT = 'thresholds:\n  coverage:\n    min_provinces: 31\n';

interface Finding {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}
interface Suppression {
  file: string;
  rule: string;
  reason: string;
  line: number;
  scope: string;
  used: boolean;
}
interface Output {
  findings: Finding[];
  suppressions: Suppression[];
}

describe('cli configuration and rules (dist/cli.js)', function () {
  let work: string | undefined;
  const run = (args: readonly string[], cwd = work!) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 20000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const json = (args: readonly string[], cwd = work!): { status: number | null; output: Output } => {
    const r = run([...args, '--format', 'json'], cwd);
    assert.equal(r.stderr, '', 'no problems on stderr');
    return { status: r.status, output: JSON.parse(r.stdout) as Output };
  };
  const codesOf = (output: Output, file: string): string[] =>
    output.findings.filter((f) => f.file === file).map((f) => `${f.severity} ${f.code}`);

  before(function () {
    assertBundleFresh(CLI);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-cli-config-'));
    // project/.miit95.yaml applies to a/ and b/; project/b/inner/.miit95.yml is nearer for inner/.
    for (const dir of ['project/a', 'project/b', 'project/b/inner', 'plain'])
      cpSync(COMPLETE_DIR, path.join(work, dir), { recursive: true });
    writeFileSync(
      path.join(work, 'project', '.miit95.yaml'),
      `${STRICT}rules:\n  R-COVERAGE-003: error\n  R-COVERAG-004: off\n`,
    );
    writeFileSync(
      path.join(work, 'project', 'b', 'inner', '.miit95.yml'),
      `${STRICT}rules:\n  R-COVERAGE-003: info\n`,
    );
    writeFileSync(path.join(work, 'other.yaml'), 'rules:\n  R-COVERAGE-003: off\n');
    mkdirSync(path.join(work, 'suppressed'));
    cpSync(COMPLETE_DIR, path.join(work, 'suppressed'), { recursive: true });
    const text = readFileSync(path.join(COMPLETE_DIR, SAMPLE), 'utf8');
    writeFileSync(
      path.join(work, 'suppressed', SAMPLE),
      `# miit95-disable R-COVERAGE-003 -- 首期只在长三角开通\n# miit95-disable R-NUMBER-002 -- 已取得书面答复\n${text}`,
    );
    writeFileSync(path.join(work, 'suppressed', '.miit95.yaml'), STRICT);
  });

  after(function () {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('uses the nearest .miit95.yaml per file and reports its own findings once, against its path', function () {
    const { status, output } = json(['check', 'project', 'plain']);
    assert.equal(status, 1, 'errors: R-COVERAGE-003 as configured, and the misspelt rule ID');
    const config = path.join('project', '.miit95.yaml');
    assert.deepEqual(codesOf(output, config), ['error config/unknown-rule']);
    const unknown = output.findings.find((f) => f.file === config)!;
    assert.equal(unknown.line, 6);
    assert.match(unknown.message, /R-COVERAGE-004/, 'did you mean');
    assert.deepEqual(codesOf(output, path.join('project', 'a', SAMPLE)), ['error R-COVERAGE-003']);
    assert.deepEqual(codesOf(output, path.join('project', 'b', SAMPLE)), ['error R-COVERAGE-003']);
    assert.deepEqual(codesOf(output, path.join('project', 'b', 'inner', SAMPLE)), ['info R-COVERAGE-003']);
    assert.deepEqual(codesOf(output, path.join('plain', SAMPLE)), [], 'no configuration: the defaults');
    assert.deepEqual(codesOf(output, path.join('project', 'b', 'inner', '.miit95.yml')), []);
  });

  it('prints the configuration findings in the text format too, counted in the summary', function () {
    const r = run(['check', 'project/a', '--lang', 'en']);
    assert.equal(r.status, 1);
    const lines = r.stdout.trim().split('\n');
    assert.deepEqual(
      lines.map((l) => l.split(' ').slice(0, 3).join(' ')),
      [
        `${path.join('project', '.miit95.yaml')}:6:3 error config/unknown-rule`,
        `${path.join('project', 'a', SAMPLE)}:66:3 error R-COVERAGE-003`,
        'Checked 2 files:',
      ],
    );
    assert.match(lines[2]!, /: 2 errors, 0 warnings, 0 notes\.$/);
  });

  it('--config uses the given file for every application instead of the nearest one', function () {
    const { status, output } = json(['check', 'project', '--config', 'other.yaml']);
    assert.equal(status, 0);
    assert.deepEqual(output.findings, [], 'R-COVERAGE-003 off, the default thresholds');
    const strict = json(['check', 'plain', '-c', path.join('project', 'b', 'inner', '.miit95.yml')]);
    assert.deepEqual(codesOf(strict.output, path.join('plain', SAMPLE)), ['info R-COVERAGE-003']);
  });

  it('--config with a missing file is a usage problem (exit 2, both languages)', function () {
    const r = run(['check', 'plain', '--config', 'nope.yaml']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /无法读取配置文件：nope\.yaml/);
    assert.match(r.stderr, /cannot read the configuration file: nope\.yaml/);
  });

  it('checks a .miit95.yaml named on the command line as a configuration', function () {
    const { output } = json(['check', path.join('project', '.miit95.yaml')]);
    assert.deepEqual(codesOf(output, path.join('project', '.miit95.yaml')), ['error config/unknown-rule']);
    assert.equal(output.findings.length, 1, 'not also as an application');
  });

  it('lists the suppression comments in the JSON output', function () {
    const { status, output } = json(['check', 'suppressed']);
    const file = path.join('suppressed', SAMPLE);
    assert.equal(status, 0);
    assert.deepEqual(output.suppressions, [
      { file, rule: 'R-COVERAGE-003', reason: '首期只在长三角开通', line: 1, scope: 'file', used: true },
      { file, rule: 'R-NUMBER-002', reason: '已取得书面答复', line: 2, scope: 'file', used: false },
    ]);
    assert.deepEqual(codesOf(output, file), ['hint suppression/unused']);
  });

  describe('rules', function () {
    it('lists every catalogue entry with its default severity and status; reminders are marked', function () {
      const r = run(['rules', '--lang', 'en']);
      assert.equal(r.status, 0);
      assert.equal(r.stderr, '');
      assert.doesNotMatch(r.stdout, /提醒项|已确认|未核实|共 \d+ 条规则/, 'English labels only');
      assert.match(r.stdout, /^R-COVERAGE-003 +warning +Unverified +area-province-city-threshold$/m);
      assert.match(r.stdout, /^R-FEE-001 +- +\S+ +\S+ +\(reminder, not a diagnostic\)$/m);
      assert.match(r.stdout, /rules, \d+ reminders \(not diagnostics\)/);
      const zh = run(['rules']);
      assert.match(zh.stdout, /^R-FEE-001 .*\(提醒项，不产生诊断\)$/m);
      assert.match(zh.stdout, /^R-COVERAGE-003 +warning +未核实 /m);
    });

    it('--format json gives every entry once, in catalogue order', function () {
      const r = run(['rules', '--format', 'json', '--lang', 'en']);
      assert.equal(r.status, 0);
      const { rules } = JSON.parse(r.stdout) as {
        rules: {
          id: string;
          kind: string;
          defaultSeverity: string | null;
          status: string;
          docs: string;
          description: string;
        }[];
      };
      const ids = rules.map((rule) => rule.id);
      assert.equal(new Set(ids).size, ids.length);
      assert.ok(ids.indexOf('R-APPLICANT-001') < ids.indexOf('R-NUMBER-001'));
      const coverage = rules.find((rule) => rule.id === 'R-COVERAGE-003')!;
      assert.deepEqual(
        {
          kind: coverage.kind,
          severity: coverage.defaultSeverity,
          status: coverage.status,
          docs: coverage.docs,
        },
        {
          kind: 'diagnostic',
          severity: 'warning',
          status: 'unverified',
          docs: 'docs/rules/R-COVERAGE-003.md',
        },
      );
      const fee = rules.find((rule) => rule.id === 'R-FEE-001')!;
      assert.equal(fee.kind, 'reminder');
      assert.equal(fee.defaultSeverity, null);
      assert.match(coverage.description, /provinces/, 'the English description');
      // Every rule page the listing points at exists.
      for (const rule of rules)
        assert.ok(readFileSync(path.join(REPO_ROOT, rule.docs), 'utf8').length > 0, rule.docs);
    });

    it('has a bilingual --help, and the program help and check help mention it and --config', function () {
      const r = run(['rules', '--help']);
      assert.equal(r.status, 0);
      assert.ok(r.stdout.indexOf('用法') < r.stdout.indexOf('Usage'));
      assert.match(r.stdout, /miit95 rules \[--format text\|json\]/);
      assert.match(run(['--help']).stdout, /rules +列出规则目录/);
      assert.match(run(['--help']).stdout, /rules +list the rule catalogue/);
      const check = run(['check', '--help']).stdout;
      assert.match(check, /-c, --config <文件>/);
      assert.match(check, /-c, --config <file>/);
      assert.match(check, /"suppressions"/);
    });
  });
});
