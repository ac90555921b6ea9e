import * as assert from 'node:assert/strict';
import { nestingOverflow, MAX_PARSE_DEPTH } from '../../../server/src/core/document/nesting';
import { validate, LineIndex } from '../../../server/src/core';

describe('nesting pre-scan', () => {
  const cases: [string, string, boolean][] = [
    ['200-deep flow sequences', '['.repeat(200) + ']'.repeat(200), false],
    ['5000 open braces', '{'.repeat(5000), true],
    ['brackets inside quotes do not count', `a: "${'['.repeat(5000)}"\n`, false],
    ['brackets inside a comment do not count', `a: 1 # ${'{'.repeat(5000)}\n`, false],
    ['3000 compact dashes', '- '.repeat(3000) + 'x', true],
    ['the complete application shape', 'a:\n  b:\n    - c: [1, 2]\n', false],
  ];
  for (const [name, text, overflows] of cases) {
    it(name, () => assert.equal(nestingOverflow(text) >= 0, overflows));
  }

  it('points at the bracket that goes one level too deep', () => {
    const text = 'a: ' + '['.repeat(MAX_PARSE_DEPTH + 5);
    assert.equal(nestingOverflow(text), 3 + MAX_PARSE_DEPTH);
  });

  it('a too-deep document gives one NESTING_DEPTH finding there and no data findings', () => {
    const text = 'apiVersion: miit95/v1\nx: ' + '{'.repeat(5000);
    const { findings } = validate(text);
    const nesting = findings.filter((f) => f.code === 'yaml/NESTING_DEPTH');
    assert.equal(nesting.length, 1);
    assert.equal(text.slice(nesting[0]!.range.start, nesting[0]!.range.end), '{');
    assert.deepEqual(findings.filter((f) => f.code.startsWith('schema/') || f.code.startsWith('R-')), []);
  });
});

describe('LineIndex and CRLF', () => {
  it('an offset between \\r and \\n maps to the end of that line, never past it', () => {
    const lines = new LineIndex('ab\r\ncd');
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
  });
});
