/**
 * The bundled language server (dist/server.js) driven over stdio by a real LSP client: sync, versions,
 * debounce, close, robustness. Tests tagged [core] assert on real findings and pass once the core's
 * validate is in place (`--grep '\[core\]' --invert` runs the rest).
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, sampleFiles, SERVER_BUNDLE } from './client';

const COMPLETE = path.join(REPO_ROOT, 'samples', 'complete', '杭州云声.app95.yaml');
const MISTAKES = path.join(REPO_ROOT, 'samples', 'mistakes');

export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** The invariants every published diagnostic must satisfy. */
export function assertWellFormed(published: PublishDiagnosticsParams, version: number | undefined): void {
  assert.equal(published.version, version, `publish for ${published.uri} carries the document version`);
  for (const d of published.diagnostics) {
    assert.equal(typeof d.code, 'string', `code of ${JSON.stringify(d)}`);
    assert.ok((d.code as string).length > 0);
    assert.equal(d.source, 'miit95');
    assert.equal(typeof d.message, 'string', 'message is plain text');
    assert.ok(messageText(d).length > 0, 'message is not empty');
    assert.ok(d.severity !== undefined && d.severity >= 1 && d.severity <= 4, 'severity is set');
    const data = d.data as { path?: unknown; version?: unknown } | undefined;
    assert.ok(data !== undefined, 'data is set');
    assert.ok(Array.isArray(data.path), 'data.path is an array');
    assert.equal(data.version, version, 'data.version is the document version');
    assert.notEqual(d.code, 'internal/server-error', `internal error: ${messageText(d)}`);
  }
}

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

describe('language server over stdio (dist/server.js)', function () {
  let client!: LspClient;
  let started = false;
  let work: string | undefined; // a copy of samples/complete: URIs in it resolve attachments like the real sample
  let completeText: string;
  let counter = 0;
  const freshUri = (): string => fileUri(path.join(work!, `case-${++counter}.app95.yaml`));

  before(async function () {
    assertBundleFresh(SERVER_BUNDLE);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-lsp-'));
    cpSync(path.dirname(COMPLETE), work, { recursive: true });
    completeText = readFileSync(COMPLETE, 'utf8');
    client = LspClient.start('stdio');
    started = true;
    await client.initialize({ locale: 'zh-cn' });
  });

  after(async function () {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
    if (!started) return;
    const code = await client.stop();
    assert.equal(code, 0, `server exits cleanly after shutdown/exit; stderr: ${client.stderr}`);
  });

  afterEach(function () {
    if (!started) return;
    const errors = client.logs.filter((l) => l.type === 1);
    assert.deepEqual(errors, [], 'the server logged no errors');
  });

  it('declares incremental text sync and names itself', async function () {
    const other = LspClient.start('stdio');
    try {
      const result = await other.initialize({});
      assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2 });
      assert.equal(result.serverInfo?.name, 'miit95');
    } finally {
      await other.stop();
    }
  });

  it('publishes well-formed diagnostics for every sample, tagged with version 1', async function () {
    const samples = sampleFiles();
    assert.ok(samples.length >= 2, 'samples/ holds the complete sample and mistakes');
    for (const sample of samples) {
      const uri = fileUri(sample);
      const mark = client.mark();
      await client.open(uri, readFileSync(sample, 'utf8'));
      assertWellFormed(await client.waitForVersion(uri, 1, mark), 1);
      await client.close(uri);
    }
  });

  it('[core] finds no errors in the complete sample', async function () {
    const uri = fileUri(COMPLETE);
    const mark = client.mark();
    await client.open(uri, completeText);
    const published = await client.waitForVersion(uri, 1, mark);
    await client.close(uri);
    const errors = published.diagnostics.filter((d) => d.severity === 1);
    assert.deepEqual(
      errors.map((d) => `${String(d.code)} ${messageText(d)}`),
      [],
    );
  });

  it('[core] reports the unknown-key sample on the unknown keys themselves', async function () {
    const file = path.join(MISTAKES, 'unknown-key.app95.yaml');
    const uri = fileUri(file);
    const mark = client.mark();
    await client.open(uri, readFileSync(file, 'utf8'));
    const published = await client.waitForVersion(uri, 1, mark);
    await client.close(uri);
    const unknown = published.diagnostics.filter((d) => d.code === 'schema/additionalProperties');
    assert.deepEqual(unknown.map((d) => client.covered(uri, 1, d.range)).sort(), ['bussiness_model', 'fax']);
    assert.ok(unknown.every((d) => d.severity === 1));
  });

  it('[core] reports the broken-yaml sample as a yaml/ finding on the line without a colon', async function () {
    const file = path.join(MISTAKES, 'broken-yaml.app95.yaml');
    const uri = fileUri(file);
    const mark = client.mark();
    await client.open(uri, readFileSync(file, 'utf8'));
    const published = await client.waitForVersion(uri, 1, mark);
    await client.close(uri);
    const yamlErrors = published.diagnostics.filter((d) => String(d.code).startsWith('yaml/'));
    assert.ok(yamlErrors.length >= 1, `a yaml/ finding among ${codes(published.diagnostics).join(', ')}`);
    const lines = client.text(uri, 1).split('\n');
    const brokenLine = lines.findIndex((l) => /^\s+legal_rep 王建国/.test(l));
    assert.ok(brokenLine > 0);
    assert.ok(
      yamlErrors.some((d) => d.range.start.line === brokenLine),
      'one of them starts on the broken line',
    );
  });

  it('[core] links a rule finding to its documentation page in the extension', async function () {
    const file = path.join(MISTAKES, 'wrong-digit-length.app95.yaml');
    const uri = fileUri(file);
    const mark = client.mark();
    await client.open(uri, readFileSync(file, 'utf8'));
    const published = await client.waitForVersion(uri, 1, mark);
    await client.close(uri);
    const rule = published.diagnostics.find((d) => d.code === 'R-NUMBER-003');
    assert.ok(rule, codes(published.diagnostics).join(', '));
    const href = rule.codeDescription?.href;
    assert.equal(href, fileUri(path.join(REPO_ROOT, 'docs', 'rules', 'R-NUMBER-003.md')));
    assert.ok(existsSync(fileURLToPath(href)), `${href} exists`);
  });

  it('publishes the result of each incremental edit with its version', async function () {
    const uri = freshUri();
    let mark = client.mark();
    await client.open(uri, completeText);
    const v1 = await client.waitForVersion(uri, 1, mark);
    assertWellFormed(v1, 1);

    const at = completeText.indexOf('applicant:\n') + 'applicant:\n'.length;
    mark = client.mark();
    const v2 = await client.edit(uri, [{ offset: at, text: '  fax: 0571-88886667\n' }]);
    assert.equal(v2, 2);
    assertWellFormed(await client.waitForVersion(uri, 2, mark), 2);

    mark = client.mark();
    const v3 = await client.edit(uri, [{ offset: at, length: '  fax: 0571-88886667\n'.length, text: '' }]);
    const fixed = await client.waitForVersion(uri, v3, mark);
    assertWellFormed(fixed, 3);
    assert.equal(client.text(uri), completeText, 'the client model is back to the original');
    assert.deepEqual(
      fixed.diagnostics.map((d) => [d.code, d.range]),
      v1.diagnostics.map((d) => [d.code, d.range]),
    );
    await client.close(uri);
  });

  it('[core] an incremental edit that adds an unknown key is reported on the key, and the fix clears it', async function () {
    const uri = freshUri();
    let mark = client.mark();
    await client.open(uri, completeText);
    await client.waitForVersion(uri, 1, mark);

    const at = completeText.indexOf('applicant:\n') + 'applicant:\n'.length;
    mark = client.mark();
    await client.edit(uri, [{ offset: at, text: '  fax: 0571-88886667\n' }]);
    const broken = await client.waitForVersion(uri, 2, mark);
    const onFax = broken.diagnostics.filter((d) => client.covered(uri, 2, d.range) === 'fax');
    assert.deepEqual(codes(onFax), ['schema/additionalProperties']);

    mark = client.mark();
    await client.edit(uri, [{ offset: at, length: '  fax: 0571-88886667\n'.length, text: '' }]);
    const fixed = await client.waitForVersion(uri, 3, mark);
    assert.ok(!codes(fixed.diagnostics).includes('schema/additionalProperties'));
    await client.close(uri);
  });

  it('publishes a final result for the last of rapid edits and never an older version after a newer one', async function () {
    const uri = freshUri();
    const mark = client.mark();
    await client.open(uri, completeText);
    const edits = 10;
    const sends: Promise<number>[] = [];
    for (let i = 0; i < edits; i++) {
      // Not awaited one by one: the edits reach the server in one burst, as fast typing does.
      sends.push(client.edit(uri, [{ offset: client.text(uri).length, text: `# edit ${i}\n` }]));
    }
    const versions = await Promise.all(sends);
    const last = versions[versions.length - 1]!;
    assert.equal(last, edits + 1);
    await client.waitForVersion(uri, last, mark);
    // One more edit as a sentinel: anything stale still queued would have been published before it.
    const sentinel = await client.edit(uri, [{ offset: 0, text: '# sentinel\n' }]);
    await client.waitForVersion(uri, sentinel, mark);

    const seen = client.publishedFor(uri, mark).map((p) => p.version!);
    for (let i = 1; i < seen.length; i++) {
      assert.ok(seen[i]! >= seen[i - 1]!, `versions never go back: ${seen.join(',')}`);
    }
    assert.equal(seen[0], 1, 'the open is validated at once');
    const intermediate = seen.filter((v) => v > 1 && v < last);
    assert.ok(
      intermediate.length < edits - 1,
      `superseded versions are dropped, published: ${seen.join(',')}`,
    );
    assert.equal(seen[seen.length - 1], sentinel);
    await client.close(uri);
  });

  it('accepts full-text changes as full-sync clients send them', async function () {
    const uri = freshUri();
    let mark = client.mark();
    await client.open(uri, completeText);
    await client.waitForVersion(uri, 1, mark);
    mark = client.mark();
    const broken = readFileSync(path.join(MISTAKES, 'broken-yaml.app95.yaml'), 'utf8');
    const v2 = await client.replaceAll(uri, broken);
    assertWellFormed(await client.waitForVersion(uri, v2, mark), v2);
    mark = client.mark();
    const v3 = await client.replaceAll(uri, completeText);
    assertWellFormed(await client.waitForVersion(uri, v3, mark), v3);
    await client.close(uri);
  });

  it('[core] a full-text change to broken YAML is reported, and back to valid clears it', async function () {
    const uri = freshUri();
    let mark = client.mark();
    await client.open(uri, completeText);
    await client.waitForVersion(uri, 1, mark);
    mark = client.mark();
    await client.replaceAll(uri, readFileSync(path.join(MISTAKES, 'broken-yaml.app95.yaml'), 'utf8'));
    const broken = await client.waitForVersion(uri, 2, mark);
    assert.ok(
      codes(broken.diagnostics).some((c) => c.startsWith('yaml/')),
      codes(broken.diagnostics).join(', '),
    );
    mark = client.mark();
    await client.replaceAll(uri, completeText);
    const fixed = await client.waitForVersion(uri, 3, mark);
    assert.ok(!codes(fixed.diagnostics).some((c) => c.startsWith('yaml/')));
    await client.close(uri);
  });

  it('clears diagnostics on close and drops the closed document’s pending work', async function () {
    const uri = freshUri();
    const other = freshUri();
    let mark = client.mark();
    await client.open(uri, completeText);
    await client.open(other, completeText);
    await client.waitForVersion(uri, 1, mark);
    await client.waitForVersion(other, 1, mark);

    mark = client.mark();
    await client.edit(uri, [{ offset: 0, text: '# pending\n' }]); // debounced: still pending when closed
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, (p) => p.version === undefined, mark);
    assert.deepEqual(cleared.diagnostics, []);
    // A debounced edit of another document, scheduled after the close, fires after any leftover timer.
    const v2 = await client.edit(other, [{ offset: 0, text: '# sentinel\n' }]);
    await client.waitForVersion(other, v2, mark);
    const afterClose = client.publishedFor(uri, mark);
    assert.deepEqual(
      afterClose.map((p) => p.version),
      [undefined],
      'nothing published for the closed document after the clear',
    );
    await client.close(other);
  });

  it('validates a reopened document again, at once', async function () {
    const uri = freshUri();
    let mark = client.mark();
    await client.open(uri, completeText);
    await client.waitForVersion(uri, 1, mark);
    await client.close(uri);
    mark = client.mark();
    await client.open(uri, completeText, 7);
    assertWellFormed(await client.waitForVersion(uri, 7, mark), 7);
    await client.close(uri);
  });

  it('validates documents without a file: URI (no attachment probe)', async function () {
    const uri = 'untitled:Untitled-1';
    const mark = client.mark();
    await client.open(uri, completeText);
    assertWellFormed(await client.waitForVersion(uri, 1, mark), 1);
    await client.close(uri);
  });
});

/**
 * Inputs that have broken YAML tools before. Each must get a publish for its version, without an
 * internal error, within a time budget; the server is replaced after a failure so one hang does not
 * fail every later case.
 */
describe('language server on hostile input (dist/server.js)', function () {
  const BUDGET_MS = 10000;
  let client: LspClient | undefined;
  const completeText = readFileSync(COMPLETE, 'utf8');
  const deepMap = Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
  const letter = (i: number): string => String.fromCharCode(97 + i);
  const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++)
    laughs.push(
      `${letter(i)}: &${letter(i)} [${Array<string>(10)
        .fill(`*${letter(i - 1)}`)
        .join(', ')}]`,
    );
  const hostile: readonly [string, string][] = [
    ['an empty document', ''],
    ['only a BOM', '\uFEFF'],
    ['control characters', '\u0000\u0000\u0001binary\u0002'],
    ['5000 open brackets', '['.repeat(5000)],
    ['5000 open braces', '{'.repeat(5000)],
    ['3000 nested sequences', '- '.repeat(3000) + 'x'],
    ['400 nested mappings', deepMap],
    ['a billion laughs', laughs.join('\n')],
    ['lone surrogates', '\uD800: \uDC00'],
    ['a one-megabyte line', 'x'.repeat(1_000_000)],
    ['mixed CRLF and lone CR', 'apiVersion: miit95/v1\r\napplicant:\r  name: x\n'],
    ['an unknown YAML version', '%YAML 9.9\n---\napiVersion: miit95/v1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a merge of an undefined alias', 'apiVersion: miit95/v1\n<<: *undefined\n'],
    ['a custom tag', 'apiVersion: !!js/function "function () {}"\n'],
    ['an unclosed flow sequence', 'apiVersion: [\n'],
    ['a self-referencing alias', 'applicant: &a\n  self: *a\n'],
    ['a collection as a key', '? [a, b]\n: c\n'],
    ['escaped NUL and surrogate', '"\\u0000": "\\uD800"\n'],
    [
      'odd numbers and dates',
      'application:\n  date: 9999-99-99\nnumber:\n  candidates: [95, 95.0, .inf, -.nan, 0x95, 9e999]\n',
    ],
    ['the complete sample with CRLF', completeText.replace(/\n/g, '\r\n')],
    ['half of the complete sample', completeText.slice(0, Math.floor(completeText.length / 2))],
  ];

  before(function () {
    assertBundleFresh(SERVER_BUNDLE);
  });
  beforeEach(async function () {
    if (client === undefined) {
      client = LspClient.start('stdio');
      await client.initialize({ locale: 'zh-cn' });
    }
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await client?.kill();
      client = undefined;
    }
  });
  after(async function () {
    if (client !== undefined) assert.equal(await client.stop(), 0, 'the server still shuts down cleanly');
  });

  for (const [i, [name, text]] of hostile.entries()) {
    it(`${name}: publishes within ${BUDGET_MS / 1000} s without an internal error`, async function () {
      this.timeout(BUDGET_MS + 5000);
      const uri = `untitled:hostile-${i}`;
      const mark = client!.mark();
      await client!.open(uri, text);
      assertWellFormed(await client!.waitForDiagnostics(uri, (p) => p.version === 1, mark, BUDGET_MS), 1);
      await client!.close(uri);
      assert.deepEqual(
        client!.logs.filter((l) => l.type === 1),
        [],
        'no error logged',
      );
    });
  }
});

describe('language server locale (dist/server.js)', function () {
  const CJK = /[\u4e00-\u9fff]/;
  const file = path.join(MISTAKES, 'unknown-key.app95.yaml');
  const variants: [string, Parameters<LspClient['initialize']>[0], 'zh-cn' | 'en'][] = [
    ['no locale → Chinese', {}, 'zh-cn'],
    ['client locale en-US → English', { locale: 'en-US' }, 'en'],
    [
      'initializationOptions.language en over locale zh-cn',
      { locale: 'zh-cn', initializationOptions: { language: 'en' } },
      'en',
    ],
    [
      'initializationOptions.language zh-cn over locale en',
      { locale: 'en', initializationOptions: { language: 'zh-cn' } },
      'zh-cn',
    ],
    [
      'language auto defers to the locale',
      { locale: 'en', initializationOptions: { language: 'auto' } },
      'en',
    ],
  ];
  for (const [name, params, expected] of variants) {
    it(`[core] ${name}`, async function () {
      assertBundleFresh(SERVER_BUNDLE);
      const client = LspClient.start('stdio');
      try {
        await client.initialize(params);
        const uri = fileUri(file);
        await client.open(uri, readFileSync(file, 'utf8'));
        const published = await client.waitForVersion(uri, 1);
        const fax = published.diagnostics.find((d) => client.covered(uri, 1, d.range) === 'fax');
        assert.ok(fax, codes(published.diagnostics).join(', '));
        if (expected === 'en') assert.doesNotMatch(messageText(fax), CJK);
        else assert.match(messageText(fax), CJK);
      } finally {
        assert.equal(await client.stop(), 0);
      }
    });
  }
});

describe('language server over node-ipc (dist/server.js)', function () {
  it('initializes and publishes diagnostics with the version', async function () {
    assertBundleFresh(SERVER_BUNDLE);
    const client = LspClient.start('ipc');
    try {
      await client.initialize({ locale: 'en' });
      const uri = fileUri(COMPLETE);
      await client.open(uri, readFileSync(COMPLETE, 'utf8'), 3);
      assertWellFormed(await client.waitForVersion(uri, 3), 3);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
