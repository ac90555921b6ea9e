/**
 * Hostile and odd input through the real server (dist/server.js over stdio), for what the hostile
 * table in test/lsp/server.test.ts does not already cover: a 5 MB document (then requests and an
 * edit), 200-deep nesting, comment-only and extreme-value documents, binary garbage, and exact ranges
 * with a BOM and with CRLF. The `.miit95.yaml` cases are tagged [config-wiring]: they need the
 * server to read the configuration of a document's folder.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, PublishDiagnosticsParams, ServerCapabilities } from 'vscode-languageserver-protocol/node';
import { assertBundleFresh, fileUri, LspClient, SERVER_BUNDLE } from '../lsp/client';
import { assertRangeInDocument } from '../fuzz/edits';
import { askEverything, documentRequests } from '../fuzz/lsp-requests';
import * as input from './inputs';

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => String(d.code)))].sort();
}

describe('hostile input: the language server over stdio (dist/server.js)', function () {
  this.timeout(120_000);
  let client: LspClient | undefined;
  let capabilities: ServerCapabilities;
  let work: string | undefined;
  let counter = 0;

  /** Opens `text` as a new document in `folder` (under the scratch folder) and returns its first publish. */
  const openNew = async (text: string, folder = 'docs', timeoutMs = 30_000): Promise<PublishDiagnosticsParams> => {
    mkdirSync(path.join(work!, folder), { recursive: true });
    const uri = fileUri(path.join(work!, folder, `doc-${++counter}.app95.yaml`));
    const mark = client!.mark();
    await client!.open(uri, text);
    const published = await client!.waitForDiagnostics(uri, (p) => p.version === 1, mark, timeoutMs);
    const document = TextDocument.create(uri, 'miit95', 1, text);
    for (const d of published.diagnostics) {
      assert.notEqual(d.code, 'internal/server-error', typeof d.message === 'string' ? d.message : d.message.value);
      assertRangeInDocument(document, d.range, String(d.code));
    }
    return published;
  };

  before(async function () {
    assertBundleFresh(SERVER_BUNDLE);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-hostile-lsp-'));
    client = LspClient.start('stdio');
    capabilities = (await client.initialize({ locale: 'en' })).capabilities;
  });
  afterEach(function () {
    assert.deepEqual(
      client?.logs.filter((l) => l.type === 1),
      [],
      'the server logged no error',
    );
  });
  after(async function () {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
    if (client !== undefined) assert.equal(await client.stop(), 0, `clean shutdown; stderr: ${client.stderr}`);
  });

  it('a 5 MB document: published, then every request answered, then an edit published', async function () {
    const text = input.paddedWithComments(input.FIVE_MB);
    const first = await openNew(text);
    const uri = first.uri;
    const document = TextDocument.create(uri, 'miit95', 1, text);
    await askEverything(client!, documentRequests(capabilities, document, document.positionAt(100), first.diagnostics), document);
    const mark = client!.mark();
    const version = await client!.edit(uri, [{ offset: text.length, text: '# one more line\n' }]);
    const second = await client!.waitForDiagnostics(uri, (p) => p.version === version, mark, 30_000);
    assert.deepEqual(codes(second.diagnostics), codes(first.diagnostics));
    await client!.close(uri);
  });

  it('200-deep nesting, binary garbage: published, no internal error', async function () {
    assert.ok((await openNew(input.nestedMappings(200))).diagnostics.length > 0);
    const garbage = new TextDecoder('utf-8').decode(input.garbageBytes(64 * 1024));
    assert.ok((await openNew(garbage)).diagnostics.length > 0);
  });

  it('only comments: yaml/EMPTY_DOCUMENT', async function () {
    assert.deepEqual(codes((await openNew('# 只有注释\r\n# only comments\r\n')).diagnostics), ['yaml/EMPTY_DOCUMENT']);
  });

  it('schema-valid extreme values (10⁹ seats, year 9999): rule findings only', async function () {
    const published = await openNew(input.EXTREME_VALUES);
    assert.deepEqual(
      codes(published.diagnostics).filter((c) => !/^R-[A-Z]+-\d{3}$/.test(c)),
      [],
    );
  });

  it('a BOM: the same diagnostics on the same text', async function () {
    const plain = await openNew(input.COMPLETE, 'bom');
    const withBom = await openNew(`\uFEFF${input.COMPLETE}`, 'bom');
    const covered = (p: PublishDiagnosticsParams): string[][] =>
      p.diagnostics.map((d) => [String(d.code), client!.covered(p.uri, 1, d.range).replace(/^\uFEFF/, '')]);
    assert.ok(plain.diagnostics.length > 0);
    assert.deepEqual(covered(withBom), covered(plain));
    const below = (p: PublishDiagnosticsParams): unknown[] =>
      p.diagnostics.filter((d) => d.range.start.line > 0).map((d) => [d.code, d.range]);
    assert.deepEqual(below(withBom), below(plain), 'below the first line nothing moves');
  });

  it('CRLF: exactly the ranges of the LF twin, for every mistakes sample', async function () {
    for (const name of readdirSync(input.MISTAKES_DIR).filter((n) => n.endsWith('.app95.yaml'))) {
      const text = readFileSync(path.join(input.MISTAKES_DIR, name), 'utf8');
      const lf = await openNew(text, 'crlf');
      const crlf = await openNew(text.replace(/\n/g, '\r\n'), 'crlf');
      assert.ok(lf.diagnostics.length > 0, name);
      assert.deepEqual(
        crlf.diagnostics.map((d) => [d.code, d.range]),
        lf.diagnostics.map((d) => [d.code, d.range]),
        name,
      );
    }
  });

  describe('[config-wiring] a .miit95.yaml next to the application', function () {
    it('a valid one is applied (R-TECH-001 off)', async function () {
      mkdirSync(path.join(work!, 'config-ok'), { recursive: true });
      writeFileSync(path.join(work!, 'config-ok', '.miit95.yaml'), 'rules:\n  R-TECH-001: off\n');
      assert.ok(!codes((await openNew(input.TOO_FEW_SEATS, 'config-ok')).diagnostics).includes('R-TECH-001'));
    });

    for (const [i, [name, text]] of input.BROKEN_CONFIGS.entries()) {
      it(`a broken one (${name}): the defaults apply (R-TECH-001 still reported)`, async function () {
        const folder = `config-broken-${i}`;
        mkdirSync(path.join(work!, folder), { recursive: true });
        writeFileSync(path.join(work!, folder, '.miit95.yaml'), text);
        assert.ok(codes((await openNew(input.TOO_FEW_SEATS, folder)).diagnostics).includes('R-TECH-001'));
      });
    }
  });
});
