/**
 * `miit95 fees` through the bundled CLI (dist/cli.js) as a child process: the complete sample's
 * figures in text (both languages) and JSON, each figure's source line, a blocked preview, the
 * assumed billing start from --today, bilingual help and usage errors with their exit codes.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertBundleFresh, REPO_ROOT } from '../lsp/client';
import { CLI, runCli, type CliRun } from './run-cli';

const SAMPLE = '杭州云声.app95.yaml';

describe('cli fees (dist/cli.js)', function () {
  let work: string;
  const run = (args: readonly string[]): CliRun => runCli(args, work);

  before(function () {
    assertBundleFresh(CLI);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-fees-'));
    cpSync(path.join(REPO_ROOT, 'samples', 'complete'), work, { recursive: true });
    cpSync(
      path.join(REPO_ROOT, 'samples', 'mistakes', 'wrong-digit-length.app95.yaml'),
      path.join(work, 'wrong-digit-length.app95.yaml'),
    );
    const text = readFileSync(path.join(work, SAMPLE), 'utf8');
    const withoutStart = text.replace(/^ {2}expected_billing_start: .*\n/m, '');
    assert.notEqual(withoutStart, text, 'the sample has an expected_billing_start line');
    writeFileSync(path.join(work, 'no-start.app95.yaml'), withoutStart);
  });
  after(function () {
    rmSync(work, { recursive: true, force: true });
  });

  it('prints the sample in Chinese: annual fees, first-year payments, yearly costs, saving, source', function () {
    const r = run(['fees', SAMPLE, '--today', '2026-11-28']);
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout;
    assert.match(out, /标准来源：信部联清〔2004〕517号附件（待核） — 费率未经官方文件确认/);
    assert.match(out, /计费起始：2027-03-01（第 48 行）/);
    assert.match(out, /许可证有效期至：2028-06-20（第 31 行）/);
    assert.match(out, /^95079 +950 +5 +¥240,000 +¥20,000 +¥320,000 +47$/m);
    assert.match(out, /^95128 +951 +5 +¥240,000 +¥20,000 +¥320,000 +47$/m);
    assert.match(out, /^952388 +952 +6 +¥24,000 +¥2,000 +¥32,000 +47$/m);
    assert.match(out, /^2027-Q1 +2027-03 \(1\) +2027-04-10 +¥20,000 +¥20,000 +¥2,000$/m);
    assert.match(out, /^2028-Q1 +2028-01\.\.2028-02 \(2\) +2028-04-10 +¥40,000 +¥40,000 +¥4,000$/m);
    assert.match(out, /^合计 +\(12\) +¥240,000 +¥240,000 +¥24,000$/m);
    assert.match(out, /^2027 +10 +¥200,000 +¥200,000 +¥20,000$/m);
    assert.match(out, /每年节省 ¥216,000，有效期内（16 个月）节省 ¥288,000。/);
    assert.match(out, /不适用减半/);
    assert.equal(r.stderr, '');
  });

  it('prints English with --lang en', function () {
    const r = run(['fees', SAMPLE, '--lang', 'en', '--today', '2026-11-28']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Fee preview: 杭州云声\.app95\.yaml \(as of 2026-11-28\)$/m);
    assert.match(r.stdout, /^Candidate +Segment +Digits +Annual fee +Monthly +Over validity +Line$/m);
    assert.match(r.stdout, /saves ¥216,000 a year and ¥288,000 over the validity \(16 months\)\./);
    assert.match(r.stdout, /not applied to a 95 number allocated nationally/);
  });

  it('prints the model as JSON with 1-based locations by JSON Pointer', function () {
    const r = run(['fees', SAMPLE, '--format', 'json', '--today', '2026-11-28']);
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as {
      file: string;
      model: {
        blockedBy: number;
        rate: { confirmed: boolean };
        candidates: {
          number: string;
          annual: { fen: number; text: string };
          firstYear: { due: { date: string } }[];
        }[];
        comparison: { savingPerYear: { fen: number } };
      };
      locations: Record<string, { line: number; column: number }>;
    };
    assert.deepEqual(Object.keys(json), ['file', 'model', 'locations']);
    assert.equal(json.model.blockedBy, 0);
    assert.equal(json.model.rate.confirmed, false);
    assert.deepEqual(
      json.model.candidates.map((c) => [c.number, c.annual.fen, c.annual.text]),
      [
        ['95079', 24_000_000, '¥240,000'],
        ['95128', 24_000_000, '¥240,000'],
        ['952388', 2_400_000, '¥24,000'],
      ],
    );
    assert.deepEqual(
      json.model.candidates[0]!.firstYear.map((q) => q.due.date),
      ['2027-04-10', '2027-07-10', '2027-10-10', '2028-01-10', '2028-04-10'],
    );
    assert.equal(json.model.comparison.savingPerYear.fen, 21_600_000);
    const lines = readFileSync(path.join(work, SAMPLE), 'utf8').split('\n');
    const covered = (pointer: string, length: number): string => {
      const loc = json.locations[pointer];
      assert.ok(loc, `location of ${pointer}`);
      return lines[loc.line - 1]!.slice(loc.column - 1, loc.column - 1 + length);
    };
    assert.equal(covered('/number/candidates/2', 8), '"952388"');
    assert.equal(covered('/number/expected_billing_start', 10), '2027-03-01');
    assert.equal(covered('/licence/valid_until', 10), '2028-06-20');
  });

  it('is blocked by errors on the fee inputs: lists them, exit 1', function () {
    const r = run(['fees', 'wrong-digit-length.app95.yaml', '--lang', 'en']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /Blocked by 2 errors in the fee inputs/);
    assert.match(r.stdout, /wrong-digit-length\.app95\.yaml:55:16 schema\/pattern/);
    assert.match(r.stdout, /wrong-digit-length\.app95\.yaml:55:24 R-NUMBER-003/);
    assert.doesNotMatch(r.stdout, /¥240,000/);
  });

  it('without a billing start, --today fixes the assumed start', function () {
    const r = run(['fees', 'no-start.app95.yaml', '--today', '2027-01-15', '--lang', 'en']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Billing start: 2027-02-01 \(assumed\)$/m);
    assert.match(r.stdout, /assumes billing starts on 2027-02-01/);
  });

  it('--help prints both languages, or one with --lang', function () {
    const both = run(['fees', '--help']);
    assert.equal(both.status, 0);
    assert.match(both.stdout, /miit95 fees <申请文件>/);
    assert.match(both.stdout, /miit95 fees <application>/);
    const en = run(['fees', '--help', '--lang', 'en']);
    assert.doesNotMatch(en.stdout, /申请文件/);
    assert.match(run(['--help']).stdout, /fees <application>/);
  });

  const usage: [string, string[], RegExp][] = [
    ['no file', ['fees'], /fees needs one application file/],
    ['two files', ['fees', 'a.app95.yaml', 'b.app95.yaml'], /fees takes one application file/],
    ['a bad --today', ['fees', SAMPLE, '--today', '2026-02-30'], /invalid --today value "2026-02-30"/],
    ['a bad --format', ['fees', SAMPLE, '--format', 'xml'], /invalid --format value "xml"/],
    ['a missing file', ['fees', 'nope.app95.yaml'], /no such file: nope\.app95\.yaml/],
  ];
  for (const [name, args, message] of usage) {
    it(`exits 2 on ${name}`, function () {
      const r = run(args);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
    });
  }
});
