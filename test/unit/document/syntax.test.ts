/**
 * Syntax findings: yaml's errors and warnings as `yaml/<CODE>` with our messages and precise
 * ranges, duplicate keys with the first occurrence as related information, and messages for every
 * yaml error code.
 */
import { strict as assert } from 'node:assert';
import type { ErrorCode } from 'yaml';
import { parseApplication } from '../../../server/src/core/document/parse';
import {
  PARSE_ISSUE_CODES,
  parseIssueMessage,
  syntaxFindings,
  yamlErrorMessage,
  YAML_CODES_WITH_MESSAGES,
} from '../../../server/src/core/document/syntax';
import type { Finding } from '../../../server/src/core/types';

function findings(text: string): [string, string, string][] {
  return syntaxFindings(parseApplication(text)).map((f: Finding) => [
    f.code,
    text.slice(f.range.start, f.range.end),
    f.severity,
  ]);
}

describe('syntax findings', () => {
  const cases: [string, string, [string, string, string][]][] = [
    ['unclosed double quote', 'a: "unterminated\nb: 1\n', [['yaml/MISSING_CHAR', '"unterminated', 'error']]],
    ['unclosed single quote', "a: 'x\n", [['yaml/MISSING_CHAR', "'x", 'error']]],
    ['unclosed flow sequence', '[a\n', [['yaml/MISSING_CHAR', 'a', 'error']]],
    ['flow sequence not closed before the next key', 'a: [1, 2\nb: 1\n', [['yaml/BAD_INDENT', 'b', 'error']]],
    ['tab indentation', 'a:\n\tb: 2\n', [['yaml/TAB_AS_INDENT', '\t', 'error']]],
    ['misaligned keys', 'a:\n  b: 1\n c: 2\n', [['yaml/BAD_INDENT', ' ', 'error']]],
    ['a mapping after a colon on one line', 'a: b: c\n', [['yaml/BLOCK_AS_IMPLICIT_KEY', 'b', 'error']]],
    ['a reserved first character', 'a: @x\n', [['yaml/BAD_SCALAR_START', '@', 'error']]],
    ['a bad escape', 'a: "\\q"\n', [['yaml/BAD_DQ_ESCAPE', '\\', 'error']]],
    ['two anchors', 'a: &x &y 1\n', [['yaml/MULTIPLE_ANCHORS', '&y', 'error']]],
    ['a collection as a key', '? [a]\n: 1\n', [['yaml/NON_STRING_KEY', '[', 'error']]],
    ['a missing colon', 'a\nb: 1\n', [['yaml/MULTILINE_IMPLICIT_KEY', 'a\nb', 'error']]],
    [
      'a missing colon inside a mapping',
      'm:\n  a: 1\n  b 2   # c\n',
      [['yaml/MISSING_CHAR', 'b 2', 'error']],
    ],
    ['a comment without a space', 'a: x#c\nb: "y"#c\n', [['yaml/MISSING_CHAR', '#c', 'error']]],
    ['stray tokens on one line are one finding', '- a\nb: 1\n', [['yaml/UNEXPECTED_TOKEN', 'b: 1', 'error']]],
    ['text after a quoted string', 'a: "x"y\n', [['yaml/UNEXPECTED_TOKEN', 'y', 'error']]],
    ['an unknown tag is a warning', 'a: !!foo x\n', [['yaml/TAG_RESOLVE_FAILED', '!!foo', 'warning']]],
    [
      'an unknown directive is a warning',
      '%FOO bar\n---\na: 1\n',
      [['yaml/BAD_DIRECTIVE', '%FOO bar', 'warning']],
    ],
    ['duplicate top-level key', 'a: 1\na: 2\n', [['yaml/DUPLICATE_KEY', 'a', 'error']]],
    ['duplicate nested key', 'a:\n  x: 1\n  y: 2\n  x: 3\n', [['yaml/DUPLICATE_KEY', 'x', 'error']]],
    ['an empty alias', 'a: *\n', [['yaml/BAD_ALIAS', '*', 'error']]],
    ['valid YAML', 'a: 1\nb: [x, y]\n', []],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      assert.deepEqual(findings(text), expected);
    });
  }

  it('a duplicate key names the key and points at its first occurrence', () => {
    const text = 'applicant:\n  name: A\n  legal_rep: B\n  name: C\n';
    const [finding] = syntaxFindings(parseApplication(text));
    assert.ok(finding);
    assert.equal(text.slice(finding.range.start, finding.range.end), 'name');
    assert.equal(finding.range.start, text.lastIndexOf('name'));
    assert.ok(finding.message['zh-cn'].includes('“name”重复'));
    assert.ok(finding.message.en.includes('Duplicate key "name"'));
    const related = finding.related?.[0];
    assert.ok(related);
    assert.equal(related.range.start, text.indexOf('name'));
    assert.equal(text.slice(related.range.start, related.range.end), 'name');
  });

  it('a missing colon says so', () => {
    const [finding] = syntaxFindings(parseApplication('m:\n  a: 1\n  b 2\n'));
    assert.ok(finding);
    assert.ok(finding.message['zh-cn'].startsWith('缺少冒号'), finding.message['zh-cn']);
    assert.ok(finding.message.en.startsWith('Missing colon'));
  });

  it('the unknown tag message shows the tag as written', () => {
    const [finding] = syntaxFindings(parseApplication('a: !!foo x\n'));
    assert.ok(finding?.message['zh-cn'].includes('!!foo'), finding?.message['zh-cn']);
  });

  it('CRLF: ranges cover the same text as with LF', () => {
    const lf = 'a: 1\nb:\n\tc: 2\nd: "x\\q"\na: 3\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.deepEqual(findings(crlf), findings(lf));
    assert.deepEqual(
      findings(lf).map(([code, covered]) => [code, covered]),
      [
        ['yaml/TAB_AS_INDENT', '\t'],
        ['yaml/BAD_DQ_ESCAPE', '\\'],
        ['yaml/DUPLICATE_KEY', 'a'],
      ],
    );
  });

  it('no syntax finding has an empty range in a non-empty text', () => {
    const texts = ['a: "x', "'", '[', '{', 'a: &', 'a:\n\t- b', '- a\n- b: [\n', 'key: |\n  x\n y\n'];
    for (const text of texts) {
      for (const finding of syntaxFindings(parseApplication(text))) {
        assert.ok(finding.range.end > finding.range.start, `${JSON.stringify(text)} ${finding.code}`);
        assert.ok(finding.range.end <= text.length);
      }
    }
  });
});

describe('syntax messages', () => {
  // Every code of yaml 2.x's ErrorCode type; the compiler checks the spelling.
  const ALL_CODES: readonly ErrorCode[] = [
    'ALIAS_PROPS',
    'BAD_ALIAS',
    'BAD_DIRECTIVE',
    'BAD_DQ_ESCAPE',
    'BAD_INDENT',
    'BAD_PROP_ORDER',
    'BAD_SCALAR_START',
    'BLOCK_AS_IMPLICIT_KEY',
    'BLOCK_IN_FLOW',
    'DUPLICATE_KEY',
    'IMPOSSIBLE',
    'KEY_OVER_1024_CHARS',
    'MISSING_CHAR',
    'MULTILINE_IMPLICIT_KEY',
    'MULTIPLE_ANCHORS',
    'MULTIPLE_TAGS',
    'NON_STRING_KEY',
    'RESOURCE_EXHAUSTION',
    'TAB_AS_INDENT',
    'TAG_RESOLVE_FAILED',
    'UNEXPECTED_TOKEN',
    'BAD_COLLECTION_TYPE',
  ];

  for (const code of ALL_CODES) {
    it(`${code} has our own message in both languages`, () => {
      assert.ok(YAML_CODES_WITH_MESSAGES.includes(code));
      const message = yamlErrorMessage(code, 'some detail');
      assert.ok(/[\u4e00-\u9fff]/.test(message['zh-cn']));
      assert.ok(!message['zh-cn'].startsWith('YAML 语法错误'));
      assert.ok(message.en.length > 0 && !/[\u4e00-\u9fff]/.test(message.en));
    });
  }

  for (const code of PARSE_ISSUE_CODES) {
    it(`issue ${code} has a message in both languages`, () => {
      const message = parseIssueMessage(code, 'x');
      assert.ok(/[\u4e00-\u9fff]/.test(message['zh-cn']));
      assert.ok(message.en.length > 0 && !/[\u4e00-\u9fff]/.test(message.en));
    });
  }

  it("an unknown code falls back to a Chinese sentence with yaml's English text", () => {
    const message = yamlErrorMessage('SOMETHING_NEW', 'Something went wrong');
    assert.equal(message['zh-cn'], 'YAML 语法错误：Something went wrong');
    assert.equal(message.en, 'YAML syntax error: Something went wrong');
  });
});
