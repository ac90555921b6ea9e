/**
 * The bundled CLI (dist/cli.js) for issue 5: `miit95 export` (package written, refusals and their
 * exit codes, --force, --zip, --draft, bilingual help) and `miit95 check --format sarif` (SARIF
 * 2.1.0 structure; every result's rule in tool.driver.rules) and `--fail-on warning|error`.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertBundleFresh, REPO_ROOT } from '../lsp/client';
import { readDocx } from '../unit/export/helpers';
import { CLI, runCli, type CliRun } from './run-cli';

const SAMPLES = path.join(REPO_ROOT, 'samples');
const PACKAGE = '杭州云声-申报材料';

describe('cli: export, SARIF and --fail-on', function () {
  this.timeout(60_000);
  let work: string;
  // A fixed "today" keeps the sample's date rules stable.
  const run = (args: readonly string[]): CliRun => runCli([...args, '--today', '2026-11-28'], work, 50_000);

  before(function () {
    assertBundleFresh(CLI);
  });
  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'miit95-cli-export-'));
    cpSync(SAMPLES, path.join(work, 'samples'), { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('exports the complete sample, refuses to overwrite without --force, and overwrites with it', async () => {
    const args = ['export', 'samples/complete/杭州云声.app95.yaml', '--out', 'out'];
    const first = run(args);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /已导出：out[\\/]杭州云声-申报材料/);
    const target = path.join(work, 'out', PACKAGE);
    const doc = await readDocx(path.join(target, '申请表.docx'));
    assert.match(doc.text, /杭州云声信息技术有限公司/);
    assert.match(doc.text, /95079/);

    const again = run(args);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /导出包已存在/);
    assert.match(again.stderr, /--force/);

    const forced = run([...args, '--force', '--lang', 'en']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stdout, /^Exported: out[\\/]杭州云声-申报材料/);
    assert.deepEqual(readdirSync(path.join(work, 'out')), [PACKAGE]);
  });

  it('refuses while errors remain (exit 1, errors listed) and exports a draft with --draft', async () => {
    const file = path.join(work, 'samples', 'complete', '杭州云声.app95.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'registered_capital_cny: 50000000',
        'registered_capital_cny: 5000000',
      ),
    );
    const blocked = run(['export', 'samples/complete/杭州云声.app95.yaml', '--out', 'out']);
    assert.equal(blocked.status, 1);
    assert.match(blocked.stderr, /仍有 1 个错误，未导出/);
    assert.match(blocked.stderr, /杭州云声\.app95\.yaml:\d+:\d+ error R-APPLICANT-005 /);
    assert.ok(!existsSync(path.join(work, 'out')));

    const draft = run(['export', 'samples/complete/杭州云声.app95.yaml', '--out', 'out', '--draft']);
    assert.equal(draft.status, 0, draft.stderr);
    const doc = await readDocx(path.join(work, 'out', PACKAGE, '技术方案.docx'));
    assert.match(doc.headerText, /草稿/);
    assert.equal(
      JSON.parse(readFileSync(path.join(work, 'out', PACKAGE, 'manifest.json'), 'utf8')).draft,
      true,
    );
  });

  it('writes one ZIP with --zip, beside the application by default', () => {
    const r = run(['export', 'samples/complete/杭州云声.app95.yaml', '--zip']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(path.join(work, 'samples', 'complete', `${PACKAGE}.zip`)));
    assert.ok(!existsSync(path.join(work, 'samples', 'complete', PACKAGE)), 'no folder besides the ZIP');
  });

  it('reports usage errors and unreadable input with exit 2', () => {
    assert.equal(run(['export']).status, 2);
    assert.equal(run(['export', 'a.app95.yaml', 'b.app95.yaml']).status, 2);
    const missing = run(['export', 'nope.app95.yaml']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /找不到文件/);
  });

  it('has a bilingual --help for export and mentions sarif and --fail-on in check --help', () => {
    const help = run(['export', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /导出申报材料包/);
    assert.match(help.stdout, /Exports the submission package/);
    assert.match(help.stdout, /--zip/);
    const check = run(['check', '--help']);
    assert.match(check.stdout, /sarif/);
    assert.match(check.stdout, /--fail-on warning\|error/);
    assert.match(run(['--help']).stdout, /export <申请文件>/);
  });

  it('writes SARIF 2.1.0 whose results reference the rules of tool.driver', () => {
    const r = run(['check', 'samples/mistakes', '--format', 'sarif', '--lang', 'en']);
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout) as {
      $schema: string;
      version: string;
      runs: {
        tool: {
          driver: {
            name: string;
            rules: {
              id: string;
              name: string;
              shortDescription: { text: string };
              fullDescription: { text: string };
              helpUri?: string;
              defaultConfiguration: { level: string };
            }[];
          };
        };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string };
              region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
            };
          }[];
        }[];
      }[];
    };
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0]!.tool;
    assert.equal(driver.name, 'miit95');
    const ids = driver.rules.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
    const r005 = driver.rules.find((rule) => rule.id === 'R-APPLICANT-005');
    assert.ok(r005 !== undefined);
    assert.equal(r005.defaultConfiguration.level, 'error');
    assert.match(r005.helpUri ?? '', /^file:.*\/docs\/rules\/R-APPLICANT-005\.md$/);
    assert.ok(r005.name !== '' && r005.shortDescription.text !== '' && r005.fullDescription.text !== '');
    const results = log.runs[0]!.results;
    assert.ok(results.length >= 10);
    for (const result of results) {
      assert.ok(ids.includes(result.ruleId), `${result.ruleId} is a driver rule`);
      assert.equal(driver.rules[result.ruleIndex]?.id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.ok(result.message.text !== '');
      const { region, artifactLocation } = result.locations[0]!.physicalLocation;
      assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine);
      assert.match(artifactLocation.uri, /^samples\/mistakes\/.+\.app95\.yaml$/);
    }
    assert.ok(
      results.some((result) => result.ruleId.startsWith('yaml/')),
      'non-rule codes get driver entries too',
    );
  });

  it('exits 1 on warnings only with --fail-on warning, 0 by default', () => {
    const file = 'samples/mistakes/too-few-seats.app95.yaml';
    assert.equal(run(['check', file]).status, 0);
    assert.equal(run(['check', file, '--fail-on', 'error']).status, 0);
    assert.equal(run(['check', file, '--fail-on', 'warning']).status, 1);
    assert.equal(run(['check', 'samples/complete', '--fail-on', 'warning']).status, 0);
    const bad = run(['check', file, '--fail-on', 'info']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--fail-on/);
  });
});
