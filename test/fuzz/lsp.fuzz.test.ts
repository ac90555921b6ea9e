/**
 * Property test of the real language server (dist/server.js over stdio, issue 6, item 3): random edits
 * of the samples — sent incrementally, in bursts or as full text, then CRLF/CR/BOM/tabs — and after
 * each sequence every request the server announces. The server never crashes and logs no error,
 * answers every request (also while edits are still pending), publishes a result for the last
 * version, never an older version after a newer one, keeps every range inside the document of the
 * version it was computed for, and a fresh document with the same text gets the same diagnostics
 * (incremental sync is exact). Run longer with MIIT95_FUZZ_SCALE; replay with MIIT95_FUZZ_SEED.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, PublishDiagnosticsParams, ServerCapabilities } from 'vscode-languageserver-protocol/node';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, SERVER_BUNDLE } from '../lsp/client';
import {
  applyEdit,
  applyTransform,
  assertRangeInDocument,
  fuzzEdit,
  fuzzParameters,
  place,
  SAMPLES,
  transform,
} from './edits';
import { askEverything, documentRequests } from './lsp-requests';

type Mode = 'burst' | 'await' | 'full';

const lspScenario = fc.record({
  sample: fc.nat(SAMPLES.length - 1),
  steps: fc.array(
    fc.record({ edit: fuzzEdit, mode: fc.constantFrom<Mode>('burst', 'burst', 'burst', 'await', 'full') }),
    { minLength: 1, maxLength: 8 },
  ),
  transform,
  at: fc.double({ min: 0, max: 1, noNaN: true }),
});

/** What must not differ between two documents with the same text. */
function shape(diagnostics: readonly Diagnostic[]): unknown[] {
  return diagnostics.map((d) => [d.code, d.severity, d.range, d.message, d.relatedInformation?.length ?? 0]);
}

/** Every publish for `uri`: versions never go back, and each one's ranges lie in its version's text. */
function checkPublishes(client: LspClient, uri: string, published: readonly PublishDiagnosticsParams[]): void {
  let previous = 0;
  for (const p of published) {
    if (p.version === undefined) continue; // the clear on close
    assert.ok(p.version >= previous, `versions never go back: ${published.map((x) => x.version).join(',')}`);
    previous = p.version;
    const document = TextDocument.create(uri, 'miit95', p.version, client.text(uri, p.version));
    for (const d of p.diagnostics) {
      assert.equal(d.source, 'miit95');
      assert.notEqual(d.code, 'internal/server-error', `internal error: ${typeof d.message === 'string' ? d.message : d.message.value}`);
      assert.ok(typeof d.message === 'string' && d.message.length > 0, 'a message');
      assert.equal((d.data as { version?: number } | undefined)?.version, p.version, 'data.version');
      assertRangeInDocument(document, d.range, `v${p.version} ${String(d.code)}`);
      for (const related of d.relatedInformation ?? [])
        if (related.location.uri === uri)
          assertRangeInDocument(document, related.location.range, `v${p.version} ${String(d.code)} related`);
    }
  }
}

describe('fuzz: the language server over stdio (dist/server.js)', function () {
  this.timeout(240_000);
  let client: LspClient | undefined;
  let capabilities: ServerCapabilities;
  let work: string | undefined;
  let counter = 0;

  before(async function () {
    assertBundleFresh(SERVER_BUNDLE);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-fuzz-lsp-'));
    cpSync(path.join(REPO_ROOT, 'samples'), path.join(work, 'samples'), { recursive: true });
    client = LspClient.start('stdio');
    capabilities = (await client.initialize({ locale: 'zh-cn' })).capabilities;
  });

  after(async function () {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
    if (client !== undefined)
      assert.equal(await client.stop(), 0, `the server shuts down cleanly; stderr: ${client.stderr}`);
  });

  it('never crashes, answers every request, publishes the last version, keeps ranges in the document', async function () {
    await fc.assert(
      fc.asyncProperty(lspScenario, async (s) => {
        const lsp = client!;
        const logMark = lsp.logs.length;
        const sample = SAMPLES[s.sample]!;
        const dir = path.join(work!, path.relative(REPO_ROOT, path.dirname(sample.file)));
        const id = ++counter;
        const uri = fileUri(path.join(dir, `fuzz-${id}.app95.yaml`));
        const mark = lsp.mark();

        await lsp.open(uri, sample.text);
        let version = 1;
        for (const step of s.steps) {
          const current = lsp.text(uri);
          if (step.mode === 'full') {
            version = await lsp.replaceAll(uri, applyEdit(current, step.edit));
          } else {
            const { offset, length } = place(current, step.edit);
            version = await lsp.edit(uri, [{ offset, length, text: step.edit.text }]);
          }
          if (step.mode === 'await') await lsp.waitForVersion(uri, version, mark);
        }
        if (s.transform !== 'none') version = await lsp.replaceAll(uri, applyTransform(lsp.text(uri), s.transform));

        const text = lsp.text(uri);
        const document = TextDocument.create(uri, 'miit95', version, text);
        const position = document.positionAt(Math.floor(s.at * (text.length + 1)));
        // Asked at once, while the last edits may still wait for their debounce.
        await askEverything(lsp, documentRequests(capabilities, document, position, []), document);
        const last = await lsp.waitForVersion(uri, version, mark);
        await askEverything(lsp, documentRequests(capabilities, document, position, last.diagnostics), document);

        const twin = fileUri(path.join(dir, `fuzz-${id}-twin.app95.yaml`));
        await lsp.open(twin, text);
        const fresh = await lsp.waitForVersion(twin, 1, mark);
        assert.deepEqual(shape(last.diagnostics), shape(fresh.diagnostics), 'incremental and fresh text agree');

        const closeMark = lsp.mark();
        await lsp.close(uri);
        await lsp.close(twin);
        const cleared = await lsp.waitForDiagnostics(uri, (p) => p.version === undefined, closeMark);
        assert.deepEqual(cleared.diagnostics, [], 'closing clears the diagnostics');

        checkPublishes(lsp, uri, lsp.publishedFor(uri, mark));
        assert.deepEqual(
          lsp.logs.slice(logMark).filter((l) => l.type === 1),
          [],
          'the server logged no error',
        );
      }),
      fuzzParameters(30),
    );
  });
});
