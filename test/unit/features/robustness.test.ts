/**
 * The editor features never throw, whatever the text: completion and hover at several places of
 * every line of every sample (complete and mistakes, including broken YAML and tab indentation), and
 * after cutting each sample at arbitrary points (text being typed); the outline and the folding
 * ranges of the same texts stay well-formed.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  completionsAt,
  documentSymbols,
  foldingRanges,
  hoverAt,
  validate,
  type OutlineSymbol,
} from '../../../server/src/core';
import { sampleFiles } from '../../sample-files';

const SAMPLES = path.resolve(__dirname, '../../../samples');

function exercise(text: string): void {
  const result = validate(text, { today: '2026-12-01' });
  const doc = result.document;
  assert.ok(doc);
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    for (const col of new Set([0, indent, Math.floor(line.length / 2), line.length])) {
      const offset = lineStart + col;
      const list = completionsAt(doc, offset, { today: '2026-12-01' });
      for (const item of list.items) {
        assert.ok(
          item.range.start <= offset && offset <= item.range.end,
          `range holds the cursor at ${offset}`,
        );
        assert.ok(!text.slice(item.range.start, item.range.end).includes('\n'), 'single-line range');
      }
      hoverAt(doc, offset, { findings: result.findings });
    }
    lineStart += line.length + 1;
  }
  const check = (symbols: readonly OutlineSymbol[]): void => {
    for (const s of symbols) {
      assert.ok(s.name.length > 0);
      assert.ok(s.range.start <= s.selectionRange.start && s.selectionRange.end <= s.range.end);
      check(s.children);
    }
  };
  check(documentSymbols(doc));
  for (const f of foldingRanges(doc)) assert.ok(f.startLine < f.endLine);
}

describe('features: robustness', function () {
  // Thousands of requests per sample: generous on a loaded machine.
  this.timeout(30_000);
  for (const file of sampleFiles()) {
    const text = readFileSync(file, 'utf8');
    it(`never fails on ${path.relative(SAMPLES, file)}`, () => exercise(text));
  }

  it('never fails on the complete sample cut while typing', () => {
    const text = readFileSync(path.join(SAMPLES, 'complete', '杭州云声.app95.yaml'), 'utf8');
    for (const fraction of [0.13, 0.29, 0.41, 0.58, 0.77, 0.93]) {
      const cut = Math.floor(text.length * fraction);
      const typed = text.slice(0, cut);
      const result = validate(typed, { today: '2026-12-01' });
      assert.ok(result.document);
      completionsAt(result.document, typed.length, { today: '2026-12-01' });
      hoverAt(result.document, Math.max(0, typed.length - 1), { findings: result.findings });
      documentSymbols(result.document);
      foldingRanges(result.document);
    }
  });
});
