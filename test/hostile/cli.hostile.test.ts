/**
 * Hostile and odd input through the bundled CLI (dist/cli.js), one process for the whole set: each
 * file gets its expected findings at positions inside it, a file that is not UTF-8 is refused in
 * both languages with exit 2 (and the others are still checked), CRLF and BOM files are reported
 * at exactly the positions of their LF twins, and a broken `.miit95.yaml` is reported against itself
 * while its application is checked with the defaults.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertBundleFresh, REPO_ROOT } from '../lsp/client';
import * as input from './inputs';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

function run(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('hostile input: the CLI (dist/cli.js)', function () {
  this.timeout(180_000);
  let work: string | undefined;
  const texts = new Map<string, string>();
  let findings: JsonFinding[] = [];
  let result: { status: number | null; stdout: string; stderr: string };

  const write = (name: string, content: string | Uint8Array): void => {
    writeFileSync(path.join(work!, 'set', name), content);
    if (typeof content === 'string') texts.set(`set/${name}`, content.replace(/^\uFEFF/, ''));
  };
  const of = (name: string): JsonFinding[] => findings.filter((f) => f.file === `set/${name}`);
  const codes = (name: string): string[] => [...new Set(of(name).map((f) => f.code))].sort();
  const where = (name: string): unknown[] =>
    of(name).map((f) => [f.code, f.line, f.column, f.endLine, f.endColumn]);

  before(function () {
    assertBundleFresh(CLI);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-hostile-cli-'));
    mkdirSync(path.join(work, 'set'));
    write('billion-laughs.app95.yaml', input.BILLION_LAUGHS);
    write('nested-200.app95.yaml', input.nestedMappings(200));
    write('five-mb.app95.yaml', input.paddedWithComments(input.FIVE_MB));
    write('one-mb-line.app95.yaml', input.longLine('。', input.ONE_MB));
    write('garbage.app95.yaml', input.garbageBytes(4096));
    write('empty.app95.yaml', '');
    write('comments.app95.yaml', '# 只有注释\n# only comments\n');
    write('extreme.app95.yaml', input.EXTREME_VALUES);
    write('plain.app95.yaml', input.COMPLETE);
    write('bom.app95.yaml', `\uFEFF${input.COMPLETE}`);
    for (const name of readdirSync(input.MISTAKES_DIR).filter((n) => n.endsWith('.app95.yaml'))) {
      const text = readFileSync(path.join(input.MISTAKES_DIR, name), 'utf8');
      write(`lf-${name}`, text);
      write(`crlf-${name}`, text.replace(/\n/g, '\r\n'));
    }
    result = run(['check', '--format', 'json', '--lang', 'en', 'set'], work);
    findings = (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
  });
  after(function () {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('refuses the binary file in both languages with exit 2, and still checks every other file', function () {
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /garbage\.app95\.yaml/);
    assert.match(result.stderr, /不是有效的 UTF-8/);
    assert.match(result.stderr, /not valid UTF-8/);
    assert.doesNotMatch(result.stderr, /internal error|内部错误/);
    assert.deepEqual(of('garbage.app95.yaml'), []);
    for (const file of texts.keys())
      assert.ok(of(path.basename(file)).length > 0 || /plain|bom|five-mb/.test(file), `${file} was checked`);
  });

  it('reports every position inside its file', function () {
    for (const f of findings) {
      const text = texts.get(f.file);
      assert.ok(text !== undefined, `a finding for ${f.file}`);
      const lines = text.split(/\r\n|\r|\n/);
      for (const [line, column] of [
        [f.line, f.column],
        [f.endLine, f.endColumn],
      ] as const) {
        assert.ok(line >= 1 && line <= lines.length, `${f.file} ${f.code} line ${line}`);
        assert.ok(column >= 1 && column <= lines[line - 1]!.length + 1, `${f.file} ${f.code} column ${column}`);
      }
    }
  });

  it('an alias bomb: yaml/ALIAS_COUNT only', function () {
    assert.deepEqual(codes('billion-laughs.app95.yaml'), ['yaml/ALIAS_COUNT']);
  });

  it('200-deep nesting, a 5 MB file, a 1 MB line, extreme values: no YAML or internal finding', function () {
    for (const name of ['nested-200.app95.yaml', 'five-mb.app95.yaml', 'one-mb-line.app95.yaml', 'extreme.app95.yaml'])
      assert.deepEqual(
        codes(name).filter((c) => c.startsWith('yaml/') || c.startsWith('internal/')),
        [],
        name,
      );
    assert.deepEqual(where('five-mb.app95.yaml'), where('plain.app95.yaml'), 'the comments add nothing');
    assert.ok(codes('one-mb-line.app95.yaml').includes('R-USAGE-001'));
  });

  it('an empty and a comment-only file: yaml/EMPTY_DOCUMENT', function () {
    assert.deepEqual(codes('empty.app95.yaml'), ['yaml/EMPTY_DOCUMENT']);
    assert.deepEqual(codes('comments.app95.yaml'), ['yaml/EMPTY_DOCUMENT']);
  });

  it('a BOM: exactly the positions of the same file without one', function () {
    assert.deepEqual(where('bom.app95.yaml'), where('plain.app95.yaml'));
  });

  it('CRLF: exactly the positions of the LF twin, for every mistakes sample', function () {
    for (const name of readdirSync(input.MISTAKES_DIR).filter((n) => n.endsWith('.app95.yaml'))) {
      assert.ok(of(`lf-${name}`).length > 0, `${name} has findings`);
      assert.deepEqual(where(`crlf-${name}`), where(`lf-${name}`), name);
    }
  });

  it('a broken .miit95.yaml: reported against itself, the application checked with the defaults', function () {
    const folder = path.join(work!, 'broken-config');
    mkdirSync(folder);
    writeFileSync(path.join(folder, '.miit95.yaml'), input.BROKEN_CONFIGS[0]![1]);
    writeFileSync(path.join(folder, 'a.app95.yaml'), input.TOO_FEW_SEATS);
    const r = run(['check', '--format', 'json', 'broken-config'], work!);
    assert.equal(r.status, 1, r.stderr);
    const reported = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    const inConfig = reported.filter((f) => path.basename(f.file) === '.miit95.yaml');
    assert.ok(
      inConfig.some((f) => f.severity === 'error' && f.code.startsWith('yaml/')),
      `a YAML error in the configuration: ${JSON.stringify(reported.map((f) => [f.file, f.code]))}`,
    );
    assert.ok(
      reported.some((f) => path.basename(f.file) === 'a.app95.yaml' && f.code === 'R-TECH-001'),
      'R-TECH-001 still applies: the broken file switched nothing off',
    );
  });
});
