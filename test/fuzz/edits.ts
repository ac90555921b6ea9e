/**
 * Shared by the fuzz, hostile-input and fault suites: fast-check arbitraries for random edits of the
 * sample applications (deleted ranges, YAML fragments, random Unicode including lone surrogates, tabs,
 * CRLF and lone CR, a BOM), applying them to a text, and the invariants every result must keep
 * (finding ranges inside the text, LSP ranges inside the document, no internal error).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-protocol/node';
import type { Finding } from '../../server/src/core';
import { sampleFiles } from '../lsp/client';

/** The sample applications (the complete one first), read once. */
export const SAMPLES: readonly { readonly file: string; readonly text: string }[] = sampleFiles()
  .sort((a, b) => Number(!a.includes('complete')) - Number(!b.includes('complete')))
  .map((file) => ({ file, text: readFileSync(file, 'utf8') }));

const COMPLETE_LINES = SAMPLES[0]!.text.split('\n').map((line) => `${line}\n`);

/** YAML fragments that change structure: indicators, anchors, tags, directives, block scalars… */
export const YAML_FRAGMENTS: readonly string[] = [
  '\n', '  ', '    ', '\t', '\t\t', ': ', ':', '- ', '-', '#', ' # note', '&a ', '*a', '&b ', '*b', '<<: *a\n',
  '!!str ', '!!binary ', '!!js/function ', '!custom ', '!<tag:yaml.org,2002:str> ', '"', "'", '"\\u0000"',
  '"\\uD800"', '{', '}', '[', ']', '{}', '[]', '|\n', '|-\n', '>\n', '>-\n', '---\n', '...\n', '? ', '%YAML 1.1\n',
  '%TAG ! tag:x,2000:\n', '\r\n', '\r', '\uFEFF', '\u2028', '\u00A0', '\u0000', '\u200B', '，', '：', '　',
  'seats: 1000000000\n', 'date: 9999-12-31\n', 'candidates: [95, .inf, -.nan, 0x95, 1e999]\n',
  'applicant:\n', 'tech:\n  seats: -1\n', '  - province: 浙江省\n', 'number:\n  candidates: ["95079"]\n',
  '~', 'null', 'true', '0o17', '1_000', '2026-02-30', '"', '\\', '%', '@', '`', '=', '<<',
];

/** A character that is half of a surrogate pair, alone. */
export const loneSurrogate: fc.Arbitrary<string> = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));

/** Text to insert: mostly YAML fragments, also random Unicode, lone surrogates, tabs and sample lines. */
export const insertion: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...YAML_FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 2, arbitrary: fc.constantFrom(...COMPLETE_LINES) },
);

/** One edit, placed by fractions so that it fits any text: delete `span` characters at `at`, insert `text`. */
export interface FuzzEdit {
  readonly at: number;
  readonly span: number;
  readonly text: string;
}

export const fuzzEdit: fc.Arbitrary<FuzzEdit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  span: fc.oneof(fc.constant(0), fc.nat(8), fc.nat(400)),
  text: fc.oneof(fc.constant(''), insertion),
});

/** A whole-text change applied after the edits. */
export type Transform = 'none' | 'crlf' | 'cr' | 'bom' | 'tabs';
export const transform: fc.Arbitrary<Transform> = fc.constantFrom<Transform>(
  'none', 'none', 'none', 'crlf', 'cr', 'bom', 'tabs',
);

export interface Scenario {
  readonly sample: number;
  readonly edits: readonly FuzzEdit[];
  readonly transform: Transform;
}

export const scenario = (maxEdits = 10): fc.Arbitrary<Scenario> =>
  fc.record({
    sample: fc.nat(SAMPLES.length - 1),
    edits: fc.array(fuzzEdit, { minLength: 1, maxLength: maxEdits }),
    transform,
  });

/** Where an edit lands in `text`: the offset and the length it deletes. */
export function place(text: string, edit: FuzzEdit): { offset: number; length: number } {
  const offset = Math.min(text.length, Math.floor(edit.at * (text.length + 1)));
  return { offset, length: Math.min(edit.span, text.length - offset) };
}

export function applyEdit(text: string, edit: FuzzEdit): string {
  const { offset, length } = place(text, edit);
  return text.slice(0, offset) + edit.text + text.slice(offset + length);
}

export function applyTransform(text: string, how: Transform): string {
  switch (how) {
    case 'none':
      return text;
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'cr':
      return text.replace(/\r?\n/g, '\r');
    case 'bom':
      return text.startsWith('\uFEFF') ? text : `\uFEFF${text}`;
    case 'tabs':
      return text.replace(/^( {2})+/gm, (indent) => '\t'.repeat(indent.length / 2));
  }
}

/** The text a scenario produces. */
export function scenarioText(s: Scenario): string {
  let text = SAMPLES[s.sample]!.text;
  for (const edit of s.edits) text = applyEdit(text, edit);
  return applyTransform(text, s.transform);
}

/** Core findings: well-formed, ranges inside the text, no internal error. */
export function assertFindingsWellFormed(text: string, findings: readonly Finding[]): void {
  for (const f of findings) {
    const where = `${f.code} ${JSON.stringify(f.range)} in a text of ${text.length}`;
    assert.ok(!f.code.startsWith('internal/'), `internal error: ${f.message.en}`);
    assert.ok(typeof f.code === 'string' && f.code.length > 0, where);
    assert.ok(f.message['zh-cn'].length > 0 && f.message.en.length > 0, `messages of ${where}`);
    for (const range of [f.range, ...(f.related ?? []).map((r) => r.range)]) {
      assert.ok(Number.isInteger(range.start) && Number.isInteger(range.end), where);
      assert.ok(range.start >= 0 && range.start <= range.end && range.end <= text.length, where);
    }
    assert.ok(Array.isArray(f.data.path), `data.path of ${where}`);
  }
}

/**
 * An LSP range inside the document: start ≤ end and both positions exist (a line of the document, a
 * character no further than that line's end, never inside a CRLF line break).
 */
export function assertRangeInDocument(document: TextDocument, range: Range, what: string): void {
  for (const position of [range.start, range.end]) {
    assert.ok(
      position.line >= 0 && position.line < document.lineCount && position.character >= 0,
      `${what}: ${JSON.stringify(range)} outside a document of ${document.lineCount} lines`,
    );
    assert.deepEqual(
      document.positionAt(document.offsetAt(position)),
      position,
      `${what}: ${JSON.stringify(position)} is not a position of the document (past the line end?)`,
    );
  }
  assert.ok(document.offsetAt(range.start) <= document.offsetAt(range.end), `${what}: start after end`);
}

/**
 * fast-check parameters: `numRuns` sized for `npm test`, times MIIT95_FUZZ_SCALE (e.g. 20 for a long
 * run); MIIT95_FUZZ_SEED (and MIIT95_FUZZ_PATH) replay a failure, whose seed and path fast-check prints.
 */
export function fuzzParameters<T>(numRuns: number): fc.Parameters<T> {
  const seed = process.env['MIIT95_FUZZ_SEED'];
  const replayPath = process.env['MIIT95_FUZZ_PATH'];
  const scale = Number(process.env['MIIT95_FUZZ_SCALE'] ?? '1') || 1;
  return {
    numRuns: Math.max(1, Math.round(numRuns * scale)),
    ...(seed !== undefined ? { seed: Number(seed) } : {}),
    ...(replayPath !== undefined ? { path: replayPath } : {}),
    verbose: 1,
  };
}
