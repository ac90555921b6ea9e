/**
 * The CLI package (`npm run package` → dist/miit95-<version>.tgz): its contents, then a clean install into a
 * temporary prefix (`npm install -g --prefix <tmp> --offline`, as a consultant would, with no network) and the
 * installed `miit95` run from a folder outside the repository on copies of the samples: check, fix, fees,
 * export, init, rules, --version, and SARIF links to the rule pages installed with it.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCjkFont } from '../../server/src/node/export/cjk-font';
import { REPO_ROOT } from '../lsp/client';
import { packageOnce } from './packaged';

const COMPLETE = '杭州云声.app95.yaml';

describe('the CLI package (dist/miit95-<version>.tgz), installed', function () {
  this.timeout(240_000);
  let scratch: string;
  let prefix: string;
  let work: string;
  let bin: string;
  let version: string;

  const run = (
    args: readonly string[],
    cwd = work,
  ): { status: number | null; stdout: string; stderr: string } => {
    // PATH: the installed bin first, then only node's own folder (no repository tools).
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${path.join(prefix, 'bin')}${path.delimiter}${path.dirname(process.execPath)}`,
    };
    delete env['NODE_PATH'];
    const r = spawnSync('miit95', args, { cwd, env, encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  before(function () {
    const packaged = packageOnce();
    version = packaged.version;
    scratch = mkdtempSync(path.join(tmpdir(), 'miit95-cli-pkg-'));
    prefix = path.join(scratch, 'prefix');
    work = path.join(scratch, 'work');
    cpSync(path.join(REPO_ROOT, 'samples'), work, { recursive: true });
    const r = spawnSync(
      'npm',
      ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', packaged.cliTarball],
      {
        cwd: scratch,
        encoding: 'utf8',
        timeout: 120_000,
        env: {
          ...process.env,
          npm_config_cache: path.join(scratch, 'npm-cache'),
          npm_config_update_notifier: 'false',
        },
      },
    );
    assert.equal(r.status, 0, `npm install -g failed:\n${r.stdout}\n${r.stderr}`);
    bin = path.join(prefix, 'bin', 'miit95');
  });

  after(function () {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('installs only the CLI bundle, its rule pages, README, licence and notices, with no dependencies', function () {
    const installed = path.join(prefix, 'lib', 'node_modules', 'miit95');
    assert.ok(existsSync(bin), 'the miit95 bin is installed');
    assert.equal(realpathSync(bin), path.join(realpathSync(installed), 'dist', 'cli.js'));
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    assert.equal(manifest['version'], version);
    assert.deepEqual(manifest['bin'], { miit95: 'dist/cli.js' });
    assert.equal(manifest['dependencies'], undefined);
    assert.equal(existsSync(path.join(installed, 'node_modules')), false);
    assert.deepEqual(readdirSync(installed).sort(), [
      'LICENSE',
      'README.md',
      'THIRD-PARTY-NOTICES.txt',
      'dist',
      'docs',
      'package.json',
    ]);
    assert.deepEqual(readdirSync(path.join(installed, 'dist')).sort(), [
      'cli-main.js',
      'cli.js',
      'diagram-raster-worker.js',
      'portfolio-worker.js',
      'resvg.wasm',
    ]);
    assert.match(
      readFileSync(path.join(installed, 'THIRD-PARTY-NOTICES.txt'), 'utf8'),
      /^- yaml \S+ \(ISC\)$/m,
    );
  });

  it('--version and rules', function () {
    assert.equal(run(['--version']).stdout.trim(), version);
    const rules = run(['rules', '--lang', 'en']);
    assert.equal(rules.status, 0, rules.stderr);
    assert.match(rules.stdout, /^R-APPLICANT-001 +error/m);
  });

  it('check: the complete sample is clean, the mistakes are reported (exit 1), SARIF links the installed rule pages', function () {
    const clean = run(['check', path.join('complete', COMPLETE)]);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    const mistakes = run(['check', 'mistakes', '--lang', 'en']);
    assert.equal(mistakes.status, 1, mistakes.stderr);
    assert.match(mistakes.stdout, /wrong-digit-length\.app95\.yaml:\d+:\d+ error R-NUMBER-003 /);
    assert.match(mistakes.stdout, /^Checked 11 files: /m);
    const sarif = run(['check', 'mistakes', '--format', 'sarif']);
    const log = JSON.parse(sarif.stdout) as {
      runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[];
    };
    const rule = log.runs[0]!.tool.driver.rules.find((r) => r.id === 'R-APPLICANT-001');
    assert.ok(rule?.helpUri, 'R-APPLICANT-001 has a helpUri');
    const page = fileURLToPath(rule.helpUri);
    assert.ok(
      page.startsWith(realpathSync(path.join(prefix, 'lib', 'node_modules', 'miit95'))) ||
        page.startsWith(path.join(prefix, 'lib')),
      page,
    );
    assert.ok(existsSync(page), `${page} exists`);
  });

  it('fix repairs the safe problems of a mistake sample', function () {
    const file = path.join('mistakes', 'short-province-names.app95.yaml');
    const before = readFileSync(path.join(work, file), 'utf8');
    const r = run(['fix', file, '--lang', 'en']);
    assert.equal(r.status, 0, r.stderr);
    const after = readFileSync(path.join(work, file), 'utf8');
    assert.notEqual(after, before);
    assert.match(after, /coverage: \[浙江省, /);
  });

  it('fees prints the fee preview', function () {
    const r = run(['fees', path.join('complete', COMPLETE), '--format', 'json', '--today', '2026-12-01']);
    assert.equal(r.status, 0, r.stderr);
    const fees = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.ok(Object.keys(fees).length > 0);
    assert.match(r.stdout, /95079/);
  });

  it('export writes the submission package', function () {
    const out = path.join(scratch, 'export');
    const r = run(['export', path.join('complete', COMPLETE), '--out', out]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const [folder] = readdirSync(out);
    assert.ok(folder, 'a package folder');
    const files = readdirSync(path.join(out, folder), { recursive: true }).map(String);
    assert.ok(files.includes('manifest.json'), files.join(', '));
    assert.ok(
      files.some((f) => f.endsWith('.docx')),
      'documents are written',
    );
    // The diagram's PNG comes from the packaged worker and resvg.wasm, whenever a CJK font exists here.
    if (findCjkFont() !== undefined)
      assert.ok(
        files.some((f) => f.endsWith('网络组织方案图.png')),
        `the diagram PNG is drawn by the installed CLI: ${files.join(', ')}`,
      );
  });

  it('init writes a new application that the installed check reads', function () {
    const r = run(['init', '--name', '测试公司', '--out', 'new.app95.yaml']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(readFileSync(path.join(work, 'new.app95.yaml'), 'utf8'), /^apiVersion: miit95\/v1$/m);
    const check = run(['check', 'new.app95.yaml', '--format', 'json']);
    assert.ok(check.status === 0 || check.status === 1, check.stderr);
    assert.ok(Array.isArray((JSON.parse(check.stdout) as { findings: unknown[] }).findings));
  });
});
