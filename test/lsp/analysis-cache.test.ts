/**
 * The server's analysis cache (lsp/analysis.ts), for what makes it fast: each version reuses
 * the previous version's parse (and the result equals a fresh validation), and attachment probe
 * answers are remembered for a short while per document, forgotten when the document is dropped or
 * everything is invalidated.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FileKind, ValidateOptions } from '../../server/src/core';
import { validate } from '../../server/src/core';
import { AnalysisCache, PROBE_MEMORY_MS, type DocumentSnapshot } from '../../server/src/lsp/analysis';

const SAMPLE = readFileSync(path.resolve(__dirname, '../../samples/complete/杭州云声.app95.yaml'), 'utf8');
const URI = 'file:///work/app/a.app95.yaml';

const snapshot = (version: number, text: string): DocumentSnapshot => ({ uri: URI, version, getText: () => text });

describe('analysis cache', function () {
  let now = 0;
  let asked: string[] = [];
  let kind: FileKind = 'file';
  const options = (): ValidateOptions => ({
    today: '2026-11-30',
    files: {
      probe: (p: string): FileKind => {
        asked.push(p);
        return kind;
      },
    },
  });
  let cache: AnalysisCache;
  let optionsAsked = 0;
  beforeEach(function () {
    now = 0;
    asked = [];
    kind = 'file';
    optionsAsked = 0;
    cache = new AnalysisCache(() => {
      optionsAsked++;
      return options();
    }, () => now);
  });

  it('works out a document’s options again only when they are old or invalidated', function () {
    cache.get(snapshot(1, SAMPLE));
    now += PROBE_MEMORY_MS / 2;
    cache.get(snapshot(2, `${SAMPLE}# x\n`));
    assert.equal(optionsAsked, 1);
    now += PROBE_MEMORY_MS;
    cache.get(snapshot(3, SAMPLE));
    assert.equal(optionsAsked, 2);
    cache.invalidateAll();
    cache.get(snapshot(3, SAMPLE));
    assert.equal(optionsAsked, 3);
  });

  it('each version gives the findings of a fresh validation, reusing the previous parse', function () {
    const texts = [
      SAMPLE,
      SAMPLE.replace('busy_hour_calls: 1200', 'busy_hour_calls: 1250'),
      SAMPLE.replace('  seats: 80 ', '  seats: 八十 '),
      SAMPLE.replace('  legal_rep: 王建国', '  legal_repr: 王建国'),
      SAMPLE,
    ];
    texts.forEach((text, i) => {
      const analysis = cache.get(snapshot(i + 1, text));
      const fresh = validate(text, { ...options(), today: '2026-11-30' });
      assert.deepEqual(analysis.findings, fresh.findings, `version ${i + 1}`);
      assert.equal(analysis.result?.document?.text, text);
    });
  });

  it('shares the unchanged part of the tree with the previous version', function () {
    const first = cache.get(snapshot(1, SAMPLE)).result?.document?.yaml.contents as { items: unknown[] } | null;
    const second = cache.get(snapshot(2, SAMPLE.replace('busy_hour_calls: 1200', 'busy_hour_calls: 1250'))).result
      ?.document?.yaml.contents as { items: unknown[] } | null;
    assert.ok(first && second);
    assert.equal(second.items[0], first.items[0], 'the apiVersion pair, before the change, is the same object');
    assert.notEqual(second, first);
  });

  it('asks the file system about an attachment once while its answer is recent', function () {
    cache.get(snapshot(1, SAMPLE));
    const first = asked.length;
    assert.ok(first > 0, 'the sample names attachments');
    now += PROBE_MEMORY_MS / 2;
    cache.get(snapshot(2, SAMPLE.replace('busy_hour_calls: 1200', 'busy_hour_calls: 1250')));
    assert.equal(asked.length, first, 'answered from memory');
    now += PROBE_MEMORY_MS;
    cache.get(snapshot(3, SAMPLE));
    assert.equal(asked.length, 2 * first, 'asked again once the answers are old');
  });

  it('forgets the answers when the document is dropped (an attachment changed) or everything is invalidated', function () {
    cache.get(snapshot(1, SAMPLE));
    const first = asked.length;
    kind = 'missing';
    cache.delete(URI);
    const afterDelete = cache.get(snapshot(2, SAMPLE));
    assert.equal(asked.length, 2 * first);
    assert.ok(afterDelete.findings.some((f) => f.code === 'R-DOCS-001'), 'the missing attachments are reported');
    kind = 'file';
    cache.invalidateAll();
    const afterInvalidate = cache.get(snapshot(2, SAMPLE));
    assert.equal(asked.length, 3 * first);
    assert.ok(!afterInvalidate.findings.some((f) => f.code === 'R-DOCS-001'));
  });
});
