/**
 * parseApplication: the value, the root, and the document-level issues (empty, several documents,
 * alias bombs and cycles, unresolved aliases), BOM and dates.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { validate } from '../../../server/src/core';
import { MAX_ALIAS_COUNT, parseApplication } from '../../../server/src/core/document/parse';
import { syntaxFindings } from '../../../server/src/core/document/syntax';

function codes(text: string): [string, string][] {
  return syntaxFindings(parseApplication(text)).map((f) => [f.code, text.slice(f.range.start, f.range.end)]);
}

const BILLION_LAUGHS = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

describe('parseApplication', () => {
  it('builds the plain value once, keys as strings, dates as strings', () => {
    const parsed = parseApplication('apiVersion: miit95/v1\ndate: 2026-12-01\n1: x\ntrue: y\nn: 95079\n');
    assert.equal(parsed.hasRoot, true);
    assert.deepEqual(parsed.value, {
      apiVersion: 'miit95/v1',
      date: '2026-12-01',
      '1': 'x',
      true: 'y',
      n: 95079,
    });
    assert.equal(parsed.lines.lineCount, 6);
  });

  it('keeps dates as strings even under %YAML 1.1 and with !!timestamp', () => {
    const parsed = parseApplication('%YAML 1.1\n---\nd: 2026-12-01\nt: !!timestamp 2026-12-01\nb: yes\n');
    assert.deepEqual(parsed.value, { d: '2026-12-01', t: '2026-12-01', b: 'yes' });
  });

  it('tolerates a UTF-8 BOM, with ranges into the text as given', () => {
    const text = '\uFEFFapiVersion: miit95/v1\nname: a\nname: b\n';
    const parsed = parseApplication(text);
    assert.deepEqual(parsed.value, { apiVersion: 'miit95/v1', name: 'b' });
    const [finding] = syntaxFindings(parsed);
    assert.equal(finding?.code, 'yaml/DUPLICATE_KEY');
    assert.equal(finding.range.start, text.lastIndexOf('name'));
    assert.equal(text.slice(finding.range.start, finding.range.end), 'name');
    assert.equal(finding.related?.[0]?.range.start, text.indexOf('name'));
  });

  describe('empty documents', () => {
    const cases: [string, string, string][] = [
      ['empty text', '', ''],
      ['only whitespace', '  \n\n', ' '],
      ['only a comment', '# 申请文件\n', '# 申请文件'],
      ['a BOM and a comment', '\uFEFF\n# c\n', '# c'],
      ['an explicit null', '~\n', '~'],
      ['only a document marker', '---\n', '---'],
      ['a marker and a comment', '---\n# c\n', '---'],
    ];
    for (const [name, text, covered] of cases) {
      it(`${name} → yaml/EMPTY_DOCUMENT, nothing to validate`, () => {
        const parsed = parseApplication(text);
        assert.equal(parsed.hasRoot, false);
        assert.equal(parsed.value, undefined);
        assert.deepEqual(codes(text), [['yaml/EMPTY_DOCUMENT', covered]]);
      });
    }

    it('validate reports only the empty document', () => {
      const result = validate('# nothing yet\n');
      assert.deepEqual(
        result.findings.map((f) => f.code),
        ['yaml/EMPTY_DOCUMENT'],
      );
      assert.ok(result.findings[0]!.message['zh-cn'].includes('apiVersion'));
    });
  });

  describe('several documents', () => {
    it('reports the second document on its marker and keeps the first', () => {
      const text = 'apiVersion: miit95/v1\na: 1\n---\nb: 2\n---\nc: 3\n';
      const parsed = parseApplication(text);
      assert.deepEqual(parsed.value, { apiVersion: 'miit95/v1', a: 1 });
      assert.deepEqual(codes(text), [['yaml/MULTI_DOCUMENT', '---']]);
      const finding = syntaxFindings(parsed)[0]!;
      assert.equal(finding.severity, 'warning');
      assert.equal(finding.range.start, text.indexOf('---'));
    });

    it('a leading document marker is one document', () => {
      assert.deepEqual(codes('---\na: 1\n'), []);
    });

    it('the first document is still validated', () => {
      const findings = validate('apiVersion: miit95/v2\n---\nb: 2\n', { rules: [] }).findings;
      const found = findings.map((f) => f.code);
      assert.ok(found.includes('yaml/MULTI_DOCUMENT'));
      assert.ok(found.includes('schema/const'));
    });
  });

  describe('aliases', () => {
    it('a billion-laughs document returns quickly with yaml/ALIAS_COUNT and no value', function () {
      this.timeout(5000);
      const started = Date.now();
      const parsed = parseApplication(BILLION_LAUGHS);
      assert.equal(parsed.hasRoot, false);
      const found = syntaxFindings(parsed);
      assert.deepEqual(
        found.map((f) => f.code),
        ['yaml/ALIAS_COUNT'],
      );
      assert.ok(found[0]!.message['zh-cn'].includes(String(MAX_ALIAS_COUNT)));
      assert.equal(BILLION_LAUGHS.slice(found[0]!.range.start, found[0]!.range.end), '*a');
      const result = validate(BILLION_LAUGHS);
      assert.deepEqual(
        result.findings.map((f) => f.code),
        ['yaml/ALIAS_COUNT'],
      );
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    });

    it('moderate alias use stays valid', () => {
      const text = 'site: &s {city: 杭州市}\nroutes:\n  - *s\n  - *s\n';
      const parsed = parseApplication(text);
      assert.equal(parsed.hasRoot, true);
      assert.deepEqual(parsed.value, {
        site: { city: '杭州市' },
        routes: [{ city: '杭州市' }, { city: '杭州市' }],
      });
      assert.deepEqual(codes(text), []);
    });

    it('an alias inside its own anchor is a cycle, reported with the anchor', () => {
      const text = 'a: &x\n  - 1\n  - *x\n';
      const parsed = parseApplication(text);
      assert.equal(parsed.hasRoot, false);
      const [finding] = syntaxFindings(parsed);
      assert.equal(finding?.code, 'yaml/ALIAS_CYCLE');
      assert.equal(text.slice(finding.range.start, finding.range.end), '*x');
      const related = finding.related?.[0];
      assert.ok(related);
      assert.equal(text.slice(related.range.start, related.range.end), '&x');
      assert.deepEqual(
        validate(text).findings.map((f) => f.code),
        ['yaml/ALIAS_CYCLE'],
      );
    });

    it('an alias without an anchor is reported, not thrown', () => {
      const text = 'a: 1\nb: *missing\n';
      assert.deepEqual(codes(text), [['yaml/UNRESOLVED_ALIAS', '*missing']]);
      assert.deepEqual(
        validate(text).findings.map((f) => f.code),
        ['yaml/UNRESOLVED_ALIAS'],
      );
    });

    it('an alias used before its anchor is unresolved', () => {
      assert.deepEqual(codes('a: *x\nb: &x 1\n'), [['yaml/UNRESOLVED_ALIAS', '*x']]);
    });
  });

  it('a very deeply nested document does not throw', function () {
    this.timeout(10000);
    const text = `${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const result = validate(text);
    assert.ok(Array.isArray(result.findings));
  });

  it('validate never throws and returns well-formed findings for arbitrary text', function () {
    this.timeout(30000);
    const yamlish = fc
      .array(
        fc.constantFrom(
          'a',
          'b',
          ':',
          ' ',
          '\n',
          '\r\n',
          '-',
          '[',
          ']',
          '{',
          '}',
          '"',
          "'",
          '#',
          '&x',
          '*x',
          '!',
          '\t',
          '|',
          '>',
          '中',
          ',',
          '?',
          '---\n',
          '\uFEFF',
        ),
        { maxLength: 80 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(yamlish, (text) => {
        const result = validate(text, { rules: [] });
        for (const finding of result.findings) {
          assert.ok(
            finding.range.start >= 0 &&
              finding.range.end <= text.length &&
              finding.range.start <= finding.range.end,
          );
          assert.ok(
            !finding.code.startsWith('internal/'),
            `${finding.code}: ${finding.message.en} for ${JSON.stringify(text)}`,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
