/**
 * Property test of the bundled CLI (dist/cli.js, issue 6, item 3) on random files: randomly edited
 * samples (also with CRLF, a BOM, tabs) and random bytes, several per run, in text or JSON format.
 * The CLI exits 0, 1 or 2 and nothing else; 2 exactly when a file is not UTF-8; 1 exactly when a
 * finding is an error; stdout is exactly the documented format; every reported position lies in
 * its file; stderr never reports an internal error. Replay with MIIT95_FUZZ_SEED.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { assertBundleFresh, REPO_ROOT } from '../lsp/client';
import { fuzzParameters, SAMPLES, scenario, scenarioText } from './edits';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

interface FuzzFile {
  readonly sample: number;
  readonly bytes: Buffer;
}

/** Printed in a counterexample as a short summary, not thousands of bytes (replay with the seed). */
function fuzzFile(sample: number, bytes: Buffer, kind: string): FuzzFile {
  return {
    sample,
    bytes,
    [fc.toStringMethod]: () => `${kind} of sample ${sample}: ${bytes.length} bytes`,
  } as FuzzFile;
}

/** A file to check: a mutated sample (its sample's folder, for attachments) or random bytes. */
const fileArb = fc.oneof(
  { weight: 4, arbitrary: scenario(8).map((s) => fuzzFile(s.sample, Buffer.from(scenarioText(s), 'utf8'), 'edits')) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((b) => fuzzFile(0, Buffer.from(b), 'random bytes')) },
);

function strictUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

interface Reported {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly severity: string;
  readonly code: string;
}

/** Parses stdout: JSON `{ findings }`, or text lines `file:line:col severity code message` + a summary. */
function parseOutput(stdout: string, format: 'json' | 'text'): Reported[] {
  if (format === 'json') {
    const parsed = JSON.parse(stdout) as { findings: Reported[] };
    assert.ok(Array.isArray(parsed.findings), 'one object with findings');
    return parsed.findings;
  }
  const lines = stdout.split('\n');
  assert.equal(lines.pop(), '', 'output ends with a newline');
  const summary = lines.pop() ?? '';
  assert.match(summary, /^(检查了 \d+ 个文件|Checked \d+ files?)/, `summary line: ${summary}`);
  return lines.map((line) => {
    const m = /^(.+?):(\d+):(\d+) (error|warning|info|hint) (\S+) (.+)$/s.exec(line);
    assert.ok(m, `a finding line: ${JSON.stringify(line)}`);
    return { file: m[1]!, line: Number(m[2]), column: Number(m[3]), severity: m[4]!, code: m[5]! };
  });
}

function assertPositionIn(lines: readonly string[], line: number, column: number, what: string): void {
  assert.ok(Number.isInteger(line) && line >= 1 && line <= lines.length, `${what}: line ${line} of ${lines.length}`);
  const length = lines[line - 1]!.length;
  assert.ok(Number.isInteger(column) && column >= 1 && column <= length + 1, `${what}: column ${column} of ${length + 1}`);
}

describe('fuzz: the CLI on random files (dist/cli.js)', function () {
  this.timeout(240_000);
  let work: string | undefined;
  let counter = 0;

  before(function () {
    assertBundleFresh(CLI);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-fuzz-cli-'));
    cpSync(path.join(REPO_ROOT, 'samples'), path.join(work, 'samples'), { recursive: true });
  });
  after(function () {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('exits 0/1/2 as documented, prints the documented format, positions inside each file', function () {
    fc.assert(
      fc.property(
        fc.array(fileArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom<'json' | 'text'>('json', 'text'),
        fc.constantFrom('zh', 'en'),
        (files, format, lang) => {
          const run = ++counter;
          const texts = new Map<string, string | undefined>();
          for (const [i, f] of files.entries()) {
            const folder = path.relative(REPO_ROOT, path.dirname(SAMPLES[f.sample]!.file));
            const relative = path.join(folder, `fuzz-${run}-${i}.app95.yaml`);
            mkdirSync(path.dirname(path.join(work!, relative)), { recursive: true });
            writeFileSync(path.join(work!, relative), f.bytes);
            texts.set(relative, strictUtf8(f.bytes));
          }
          const r = spawnSync(
            process.execPath,
            [CLI, 'check', '--format', format, '--lang', lang, ...texts.keys()],
            { cwd: work, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
          );
          assert.equal(r.signal, null, `the CLI was not killed (${String(r.signal)}); stderr: ${r.stderr}`);
          assert.ok([0, 1, 2].includes(r.status!), `exit ${String(r.status)}; stderr: ${r.stderr}`);
          assert.doesNotMatch(r.stderr, /internal error|内部错误/, r.stderr);
          const notUtf8 = [...texts.values()].some((t) => t === undefined);
          assert.equal(r.status === 2, notUtf8, `exit 2 exactly for a non-UTF-8 file; got ${String(r.status)}: ${r.stderr}`);

          const reported = parseOutput(r.stdout, format);
          for (const f of reported) {
            const text = texts.get(f.file);
            if (!texts.has(f.file)) {
              assert.match(path.basename(f.file), /^\.miit95\.ya?ml$/, `a finding for an unknown file ${f.file}`);
              continue;
            }
            assert.ok(text !== undefined, `no findings for the unreadable ${f.file}`);
            const lines = text.split(/\r\n|\r|\n/);
            const what = `${f.file} ${f.code}`;
            assertPositionIn(lines, f.line, f.column, what);
            if (f.endLine !== undefined && f.endColumn !== undefined) {
              assertPositionIn(lines, f.endLine, f.endColumn, `${what} end`);
              assert.ok(f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column), `${what}: end before start`);
            }
            assert.notEqual(f.code, 'internal/server-error', what);
          }
          if (r.status !== 2)
            assert.equal(r.status === 1, reported.some((f) => f.severity === 'error'), 'exit 1 exactly with an error');
        },
      ),
      fuzzParameters(16),
    );
  });
});
