/**
 * The diagnostics of one document version (handlers/validate-document.ts): converted with the line
 * index the analysis of that version already holds (no second read of the text, no second index),
 * right after an incremental reparse too, and one internal-error diagnostic when the analysis fails.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { AnalysisCache, type DocumentSnapshot } from '../../server/src/lsp/analysis';
import type { Session } from '../../server/src/lsp/session';
import { diagnosticsFor } from '../../server/src/handlers/validate-document';

const SAMPLE = readFileSync(path.resolve(__dirname, '../../samples/complete/杭州云声.app95.yaml'), 'utf8');
const URI = 'file:///work/app/a.app95.yaml';
const SESSION: Session = { locale: 'en', docsBase: undefined };

/** A snapshot that counts how often its text is read. */
function snapshot(version: number, text: string): DocumentSnapshot & { reads: number } {
  return {
    uri: URI,
    version,
    reads: 0,
    getText() {
      this.reads++;
      return text;
    },
  };
}

function covered(text: string, d: Diagnostic): string {
  return TextDocument.create(URI, 'miit95', 1, text).getText(d.range);
}

describe('diagnostics of a document version', function () {
  const logged: string[] = [];
  const log = (message: string): void => void logged.push(message);
  let cache: AnalysisCache;
  beforeEach(function () {
    logged.length = 0;
    cache = new AnalysisCache(() => ({ today: '2026-11-30' }));
  });

  it('uses the analysis’s line index and does not read the text again', function () {
    const text = SAMPLE.replace('  legal_rep: 王建国', '  legal_repr: 王建国');
    const document = snapshot(1, text);
    const analysis = cache.get(document);
    const reads = document.reads;
    const lines = analysis.lines as { positionAt: typeof analysis.lines.positionAt };
    const positionAt = lines.positionAt.bind(analysis.lines);
    let asked = 0;
    lines.positionAt = (offset) => {
      asked++;
      return positionAt(offset);
    };

    const diagnostics = diagnosticsFor(document, SESSION, cache, log);
    assert.equal(document.reads, reads, 'the text is not read again');
    assert.ok(
      asked >= 2 * diagnostics.length && diagnostics.length > 0,
      `positions from the analysis: ${asked}`,
    );
    assert.ok(
      diagnostics.some((d) => d.code === 'schema/additionalProperties' && covered(text, d) === 'legal_repr'),
    );
    assert.deepEqual(logged, []);
  });

  it('places the diagnostics right after an incremental reparse of the next version', function () {
    cache.get(snapshot(1, SAMPLE));
    const text = SAMPLE.replace('  legal_rep: 王建国', '  # 法定代表人\n  legal_repr: 王建国');
    const diagnostics = diagnosticsFor(snapshot(2, text), SESSION, cache, log);
    const unknown = diagnostics.filter((d) => d.code === 'schema/additionalProperties');
    assert.deepEqual(
      unknown.map((d) => covered(text, d)),
      ['legal_repr'],
    );
    for (const d of diagnostics) assert.equal((d.data as { version: number }).version, 2);
  });

  it('gives one internal-error diagnostic, inside the document, when the analysis fails', function () {
    const failing = {
      get: (): never => {
        throw new Error('boom');
      },
    } as unknown as AnalysisCache;
    const diagnostics = diagnosticsFor(snapshot(3, SAMPLE), SESSION, failing, log);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'internal/server-error');
    const document = TextDocument.create(URI, 'miit95', 3, SAMPLE);
    const { start, end } = diagnostics[0]!.range;
    assert.deepEqual(document.positionAt(document.offsetAt(start)), start);
    assert.deepEqual(document.positionAt(document.offsetAt(end)), end);
    assert.equal(logged.length, 1);
    assert.match(
      logged[0]!,
      /diagnostics of file:\/\/\/work\/app\/a\.app95\.yaml \(version 3\) failed: Error: boom/,
    );
  });
});
