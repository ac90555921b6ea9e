/**
 * The `$miit95` problem matcher (package.json contributes.problemMatchers) against the real CLI: the
 * matcher's regexp, applied as VS Code applies it (line by line), to `miit95 check` text output over
 * the samples and a configuration file, in both languages, yields exactly the findings of the JSON
 * output (file, line, column, severity, code, message) — and nothing from the summary line.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../lsp/client';
import { runCli } from './run-cli';

interface Pattern {
  regexp: string;
  file: number;
  line: number;
  column: number;
  severity: number;
  code: number;
  message: number;
}

interface MatchedFinding {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

interface Matcher {
  name: string;
  owner: string;
  fileLocation: unknown;
  pattern: Pattern;
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const matcher = (manifest.contributes.problemMatchers as Matcher[]).find((m) => m.name === 'miit95');

/** What VS Code's matcher takes from each line (a single-line pattern). */
function matched(stdout: string, pattern: Pattern): MatchedFinding[] {
  const regexp = new RegExp(pattern.regexp);
  const out: MatchedFinding[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = regexp.exec(line);
    if (m === null) continue;
    out.push({
      file: m[pattern.file]!,
      line: Number(m[pattern.line]),
      column: Number(m[pattern.column]),
      severity: m[pattern.severity]!,
      code: m[pattern.code]!,
      message: m[pattern.message]!,
    });
  }
  return out;
}

describe('the $miit95 problem matcher on real `miit95 check` output (dist/cli.js)', function () {
  let work: string;

  before(function () {
    work = mkdtempSync(path.join(tmpdir(), 'miit95-matcher-'));
    cpSync(path.join(REPO_ROOT, 'samples'), path.join(work, 'samples'), { recursive: true });
    // A configuration file with a finding of its own (an unknown key) is matched too.
    writeFileSync(path.join(work, 'samples', 'mistakes', '.miit95.yaml'), 'thresholds:\n  nonsense: 1\n');
  });

  after(function () {
    rmSync(work, { recursive: true, force: true });
  });

  it('is contributed with file, position, severity, code and message, relative to the workspace folder', function () {
    assert.ok(matcher !== undefined, 'contributes.problemMatchers has "miit95"');
    assert.deepEqual(matcher.fileLocation, ['relative', '${workspaceFolder}']);
    // Not the language server's collection ('miit95'): a task run must not clear the open files' diagnostics.
    assert.equal(matcher.owner, 'miit95-check');
  });

  for (const lang of ['en', 'zh-cn'] as const) {
    it(`matches every finding of the text output and nothing else (${lang})`, function () {
      const text = runCli(['check', 'samples', '--lang', lang], work);
      const json = runCli(['check', 'samples', '--lang', lang, '--format', 'json'], work);
      assert.equal(text.status, 1, `errors give exit 1; stderr: ${text.stderr}`);
      const expected = (JSON.parse(json.stdout) as { findings: MatchedFinding[] }).findings.map(
        ({ file, line, column, severity, code, message }) => ({
          file,
          line,
          column,
          severity,
          code,
          message,
        }),
      );
      assert.ok(expected.length > 20, `the mistake samples have findings (${expected.length})`);
      assert.ok(
        expected.some((f) => f.file.endsWith('.miit95.yaml')),
        'the configuration file has a finding',
      );
      assert.ok(
        expected.some((f) => f.severity === 'warning') && expected.some((f) => f.severity === 'error'),
      );
      assert.deepEqual(matched(text.stdout, matcher!.pattern), expected);
      // The summary (last line) is not a problem.
      const last = text.stdout.trimEnd().split('\n').pop()!;
      assert.equal(new RegExp(matcher!.pattern.regexp).test(last), false, last);
    });
  }

  it('matches a file name with spaces, colons and Chinese characters', function () {
    const dir = path.join(work, 'odd names');
    mkdirSync(dir, { recursive: true });
    cpSync(
      path.join(REPO_ROOT, 'samples', 'mistakes', 'wrong-types.app95.yaml'),
      path.join(dir, '第1版: 草稿.app95.yaml'),
    );
    const text = runCli(['check', 'odd names', '--lang', 'en'], work);
    const got = matched(text.stdout, matcher!.pattern);
    assert.ok(got.length > 0, text.stdout);
    for (const finding of got) assert.equal(finding.file, path.join('odd names', '第1版: 草稿.app95.yaml'));
  });
});
