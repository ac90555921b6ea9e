/**
 * Command line and editor agree: for a copy of every sample under a `.miit95.yaml` that changes
 * severities and thresholds (and names an unknown rule), the findings of `miit95 check --format json`
 * (dist/cli.js) are exactly the diagnostics the bundled server (dist/server.js) publishes — same
 * position, code, severity and message — for each application and for the configuration file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, sampleFiles, SERVER_BUNDLE } from './client';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

const CONFIG = `# parity: severities and thresholds differ from the defaults
rules:
  R-COVERAGE-001: off
  R-COVERAGE-004: warning
  R-TECH-001: info
  R-DOCS-001: warning
  R-COVERAGE-999: error
thresholds:
  coverage:
    min_provinces: 8
    min_cities: 20
    comparison: ">"
  schedule_months: 6
  extension:
    max_length: 7
`;

const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'] as const;

interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

/** The CLI prints one line per finding: compare messages in that form. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function fromCli(f: CliFinding): string {
  return `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.code} ${f.message}`;
}

function fromLsp(d: Diagnostic): string {
  const { start, end } = d.range;
  const message = typeof d.message === 'string' ? d.message : d.message.value;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${SEVERITY_NAMES[d.severity ?? 1]} ${String(d.code)} ${oneLine(message)}`;
}

describe('CLI and editor parity under a .miit95.yaml (dist/cli.js, dist/server.js)', function () {
  let work: string | undefined;
  let client: LspClient | undefined;
  let cli: Map<string, string[]>;
  /** Relative path (as the CLI prints it) → absolute path in the copy. */
  const files = new Map<string, string>();

  before(async function () {
    assertBundleFresh(SERVER_BUNDLE);
    assertBundleFresh(CLI);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-parity-'));
    cpSync(path.join(REPO_ROOT, 'samples'), work, { recursive: true });
    writeFileSync(path.join(work, '.miit95.yaml'), CONFIG);
    for (const sample of sampleFiles()) {
      const relative = path.relative(path.join(REPO_ROOT, 'samples'), sample);
      files.set(relative, path.join(work, relative));
    }
    files.set('.miit95.yaml', path.join(work, '.miit95.yaml'));

    const run = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json', '--lang', 'zh'], {
      cwd: work,
      encoding: 'utf8',
      timeout: 20000,
    });
    assert.equal(run.status, 1, `the samples have errors; stderr: ${run.stderr}`);
    const output = JSON.parse(run.stdout) as { findings: CliFinding[] };
    cli = new Map();
    for (const f of output.findings) cli.set(f.file, [...(cli.get(f.file) ?? []), fromCli(f)]);

    client = LspClient.start('stdio');
    await client.initialize({
      locale: 'zh-cn',
      rootUri: fileUri(work),
      workspaceFolders: [{ uri: fileUri(work), name: 'samples' }],
    });
  });

  after(async function () {
    if (client !== undefined) await client.stop();
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('the configuration changes findings (else the comparison below proves little)', function () {
    const all = [...cli.values()].flat();
    assert.ok(
      all.some((f) => f.includes(' warning R-COVERAGE-004 ')),
      'R-COVERAGE-004 became a warning',
    );
    assert.ok(!all.some((f) => f.includes(' R-COVERAGE-001 ')), 'R-COVERAGE-001 is off');
    assert.ok(
      cli.get(path.join('complete', '杭州云声.app95.yaml'))?.some((f) => f.includes(' R-COVERAGE-003 ')),
      'the stricter coverage threshold applies to the complete sample',
    );
    assert.ok(cli.get('.miit95.yaml')?.some((f) => f.includes(' config/unknown-rule ')));
  });

  it('every application and the configuration file: CLI findings equal LSP diagnostics', async function () {
    assert.ok(files.size >= 3);
    for (const [relative, absolute] of files) {
      const uri = fileUri(absolute);
      const mark = client!.mark();
      const languageId = relative.endsWith('.miit95.yaml') ? 'yaml' : 'miit95';
      await client!.open(uri, readFileSync(absolute, 'utf8'), 1, languageId);
      const published = await client!.waitForVersion(uri, 1, mark);
      await client!.close(uri);
      const editor = published.diagnostics.map(fromLsp).sort();
      const commandLine = [...(cli.get(relative) ?? [])].sort();
      assert.deepEqual(editor, commandLine, `${relative}: editor (actual) vs command line (expected)`);
    }
  });
});
