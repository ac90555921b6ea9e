/** Suppression comments through validate(): which findings they hide, what they report, what they list. */
import { strict as assert } from 'node:assert';
import {
  createSchemaValidator,
  defineRule,
  validate,
  type Finding,
  type RuleModule,
  type ValidateOptions,
} from '../../../server/src/core';

/** A rule that reports every top-level key whose value is `word`. */
function wordRule(id: string, word: string): RuleModule {
  return defineRule({
    id,
    name: `word-${word}`,
    defaultSeverity: 'warning',
    status: 'inference',
    description: { 'zh-cn': `值为 ${word}。`, en: `The value is ${word}.` },
    messages: { found: { 'zh-cn': `值为 ${word}`, en: `The value is ${word}` } },
    fixable: false,
    fields: [],
    check(ctx) {
      if (typeof ctx.app !== 'object' || ctx.app === null) return;
      for (const [key, value] of Object.entries(ctx.app)) {
        if (value === word) ctx.report({ path: [key], messageId: 'found' });
      }
    },
  });
}

const RULES = [wordRule('R-TEST-001', 'bad'), wordRule('R-TEST-002', 'worse')];
const SCHEMA = createSchemaValidator(
  [
    {
      $id: 'https://miit95.dev/schemas/v1/suppression-test.schema.json',
      type: 'object',
      properties: { n: { title: '数量', 'x-title-en': 'Count', type: 'integer' } },
    },
  ],
  'https://miit95.dev/schemas/v1/suppression-test.schema.json',
);

/** validate() with the test rules; `suppressions` is always set by validate. */
function run(text: string, options: ValidateOptions) {
  const result = validate(text, options);
  assert.ok(result.suppressions, 'validate did not list the suppressions');
  return { findings: result.findings, suppressions: result.suppressions };
}

function check(text: string, options: ValidateOptions = {}) {
  return run(text, { rules: RULES, schema: SCHEMA, ...options });
}

/** [code, 1-based line, covered text] of each finding. */
function shown(text: string, findings: readonly Finding[]): [string, number, string][] {
  return findings.map((f) => [
    f.code,
    text.slice(0, f.range.start).split('\n').length,
    text.slice(f.range.start, f.range.end),
  ]);
}

describe('suppressions', () => {
  it('without comments, every rule finding is reported', () => {
    const text = 'a: bad\nb: worse\n';
    assert.deepEqual(shown(text, check(text).findings), [
      ['R-TEST-001', 1, 'bad'],
      ['R-TEST-002', 2, 'worse'],
    ]);
    assert.deepEqual(check(text).suppressions, []);
  });

  describe('disable-next-line', () => {
    it('suppresses the named rule on the next line only', () => {
      const text = ['# miit95-disable-next-line R-TEST-001 -- 客户确认此值', 'a: bad', 'b: bad', ''].join(
        '\n',
      );
      const result = check(text);
      assert.deepEqual(shown(text, result.findings), [['R-TEST-001', 3, 'bad']]);
      assert.deepEqual(result.suppressions, [
        {
          rule: 'R-TEST-001',
          reason: '客户确认此值',
          line: 1,
          scope: 'next-line',
          targetLine: 2,
          used: true,
          count: 1,
          range: { start: 0, end: text.indexOf('\n') },
        },
      ]);
    });

    it('skips comment-only and blank lines, so directives can be stacked', () => {
      const text = [
        '# miit95-disable-next-line R-TEST-001 -- reason one',
        '# miit95-disable-next-line R-TEST-002 -- reason two',
        '',
        '# an ordinary comment',
        'a: bad',
        'b: worse',
        '',
      ].join('\n');
      const result = check(text);
      assert.deepEqual(shown(text, result.findings), [
        ['suppression/unused', 2, 'R-TEST-002'],
        ['R-TEST-002', 6, 'worse'],
      ]);
      assert.deepEqual(
        result.suppressions.map((s) => [s.rule, s.line, s.targetLine, s.used]),
        [
          ['R-TEST-001', 1, 5, true],
          ['R-TEST-002', 2, 5, false],
        ],
      );
    });

    it('names several rules separated by commas, and works as a trailing comment', () => {
      const text =
        'x: 1 # miit95-disable-next-line R-TEST-001, R-TEST-002 -- reviewed\nc: { a: bad, b: worse }\n';
      const wide = wordRule('R-TEST-001', 'bad');
      const both = defineRule({
        ...RULES[1]!,
        check(ctx) {
          ctx.report({ path: ['c', 'b'], messageId: 'found' });
        },
      });
      const nested = defineRule({
        ...wide,
        check(ctx) {
          ctx.report({ path: ['c', 'a'], messageId: 'found' });
        },
      });
      const result = run(text, { rules: [nested, both], schema: SCHEMA });
      assert.deepEqual(shown(text, result.findings), []);
      assert.deepEqual(
        result.suppressions.map((s) => [s.rule, s.count]),
        [
          ['R-TEST-001', 1],
          ['R-TEST-002', 1],
        ],
      );
    });

    it('does not treat a # inside a quoted or block scalar as a directive', () => {
      const text = [
        'q: "# miit95-disable-next-line R-TEST-001 -- no"',
        'a: bad',
        'text: |',
        '  # miit95-disable R-TEST-002 -- not a comment either',
        'b: worse',
        '',
      ].join('\n');
      const result = check(text);
      assert.deepEqual(shown(text, result.findings), [
        ['R-TEST-001', 2, 'bad'],
        ['R-TEST-002', 5, 'worse'],
      ]);
      assert.deepEqual(result.suppressions, []);
    });

    it('counts a block-scalar line that starts with # as content, not as a comment to skip', () => {
      const text = ['text: | # miit95-disable-next-line R-TEST-001 -- ok', '  # 标题', 'a: bad', ''].join(
        '\n',
      );
      const result = check(text);
      assert.deepEqual(shown(text, result.findings), [
        ['suppression/unused', 1, 'R-TEST-001'],
        ['R-TEST-001', 3, 'bad'],
      ]);
      assert.equal(result.suppressions[0]!.targetLine, 2);
    });
  });

  describe('disable (file-wide)', () => {
    it('suppresses the rule everywhere in the file, wherever the comment is', () => {
      const text = ['a: bad', 'b: worse', 'c: bad', '# miit95-disable R-TEST-001 -- 示例文件', ''].join('\n');
      const result = check(text);
      assert.deepEqual(shown(text, result.findings), [['R-TEST-002', 2, 'worse']]);
      assert.deepEqual(
        result.suppressions.map((s) => [s.rule, s.scope, s.line, s.reason, s.used, s.count, s.targetLine]),
        [['R-TEST-001', 'file', 4, '示例文件', true, 2, undefined]],
      );
    });
  });

  describe('a directive without a reason', () => {
    for (const [name, comment] of [
      ['no separator', '# miit95-disable-next-line R-TEST-001'],
      ['an empty reason', '# miit95-disable-next-line R-TEST-001 --'],
      ['words without the separator', '# miit95-disable-next-line R-TEST-001 because I said so'],
    ] as const) {
      it(`does not apply (${name}) and gets a warning`, () => {
        const text = `${comment}\na: bad\n`;
        const result = check(text);
        assert.deepEqual(shown(text, result.findings), [
          ['suppression/missing-reason', 1, comment],
          ['R-TEST-001', 2, 'bad'],
        ]);
        assert.equal(result.findings[0]!.severity, 'warning');
        assert.match(
          result.findings[0]!.message.en,
          /give its reason after " -- ", otherwise it does not apply/,
        );
        assert.deepEqual(result.suppressions, []);
      });
    }
  });

  describe('unknown rules', () => {
    it('are reported with a did-you-mean and do not apply; the valid IDs of the directive still do', () => {
      const text = '# miit95-disable-next-line R-TEST-01, R-TEST-002 -- reason\na: bad\nb: worse\n';
      const result = check(text);
      assert.deepEqual(shown(text, result.findings), [
        ['suppression/unknown-rule', 1, 'R-TEST-01'],
        ['suppression/unused', 1, 'R-TEST-002'],
        ['R-TEST-001', 2, 'bad'],
        ['R-TEST-002', 3, 'worse'],
      ]);
      const unknown = result.findings[0]!;
      assert.equal(unknown.severity, 'warning');
      assert.equal(unknown.data.suggestion, 'R-TEST-001');
      assert.match(unknown.message['zh-cn'], /未知的规则 ID“R-TEST-01”，是否应为“R-TEST-001”/);
      assert.deepEqual(
        result.suppressions.map((s) => s.rule),
        ['R-TEST-002'],
      );
    });

    it('a reminder entry is not a diagnostic, so there is nothing to suppress', () => {
      const text = '# miit95-disable R-FEE-001 -- reason\na: 1\n';
      const result = check(text);
      assert.deepEqual(shown(text, result.findings), [['suppression/unknown-rule', 1, 'R-FEE-001']]);
      assert.match(result.findings[0]!.message.en, /reminder, not a diagnostic/);
    });

    it('a misspelt directive is reported with a suggestion', () => {
      const text = '# miit95-disable-nextline R-TEST-001 -- reason\na: bad\n';
      const result = check(text);
      assert.deepEqual(shown(text, result.findings), [
        ['suppression/unknown-directive', 1, 'miit95-disable-nextline'],
        ['R-TEST-001', 2, 'bad'],
      ]);
      assert.equal(result.findings[0]!.data.suggestion, 'miit95-disable-next-line');
    });

    it('a directive without rule IDs is reported', () => {
      const text = '# miit95-disable -- everything\na: bad\n';
      assert.deepEqual(shown(text, check(text).findings), [
        ['suppression/missing-rule', 1, '# miit95-disable -- everything'],
        ['R-TEST-001', 2, 'bad'],
      ]);
    });
  });

  describe('unused suppressions', () => {
    it('get a hint on the rule ID', () => {
      const text =
        '# miit95-disable-next-line R-TEST-001 -- reason\na: fine\n# miit95-disable R-TEST-002 -- r\n';
      const result = check(text);
      assert.deepEqual(
        result.findings.map((f) => [f.code, f.severity, text.slice(f.range.start, f.range.end)]),
        [
          ['suppression/unused', 'hint', 'R-TEST-001'],
          ['suppression/unused', 'hint', 'R-TEST-002'],
        ],
      );
      assert.deepEqual(
        result.suppressions.map((s) => [s.rule, s.used, s.count]),
        [
          ['R-TEST-001', false, 0],
          ['R-TEST-002', false, 0],
        ],
      );
    });

    it('are not reported for a rule the configuration turns off', () => {
      const text = '# miit95-disable-next-line R-TEST-001 -- reason\na: bad\n';
      const result = check(text, { ruleSeverity: { 'R-TEST-001': 'off' } });
      assert.deepEqual(result.findings, []);
      assert.deepEqual(
        result.suppressions.map((s) => [s.rule, s.used]),
        [['R-TEST-001', false]],
      );
    });

    it('are not reported when a YAML error may have hidden the finding', () => {
      const text = '# miit95-disable-next-line R-TEST-001 -- reason\na: bad\nb: [1\n';
      const codes = check(text).findings.map((f) => f.code);
      assert.ok(!codes.includes('suppression/unused'), codes.join(', '));
      assert.ok(codes.some((code) => code.startsWith('yaml/')));
    });

    it('a next-line directive with no content line after it is unused', () => {
      const text = 'a: 1\n# miit95-disable-next-line R-TEST-001 -- reason\n';
      const result = check(text);
      assert.deepEqual(shown(text, result.findings), [['suppression/unused', 2, 'R-TEST-001']]);
      assert.equal(result.suppressions[0]!.targetLine, undefined);
    });
  });

  describe('only domain-rule findings can be suppressed', () => {
    for (const code of ['schema/type', 'yaml/DUPLICATE_KEY', 'internal/rule-error']) {
      it(`trying to suppress ${code} gets a warning saying so, and the finding stays`, () => {
        const text = `# miit95-disable-next-line ${code} -- reason\nn: many\nn: 2\n`;
        const result = check(text);
        const rows = shown(text, result.findings);
        assert.deepEqual(rows[0], ['suppression/not-suppressible', 1, code]);
        assert.match(result.findings[0]!.message.en, /only domain-rule \(R-…\) findings can/);
        assert.match(result.findings[0]!.message['zh-cn'], /只有领域规则（R-…）的问题可以抑制/);
        assert.ok(rows.some(([c]) => c === 'yaml/DUPLICATE_KEY'));
        assert.deepEqual(result.suppressions, []);
      });
    }

    it('a file-wide directive of a rule leaves schema findings on the line alone', () => {
      const text = '# miit95-disable R-TEST-001 -- reason\nn: bad\n';
      const tolerant = defineRule({
        ...RULES[0]!,
        check(ctx) {
          ctx.report({ path: ['n'], messageId: 'found' });
        },
      });
      const result = run(text, { rules: [tolerant], schema: SCHEMA });
      assert.deepEqual(shown(text, result.findings), [['schema/type', 2, 'bad']]);
    });
  });

  it('suppression findings link to the configuration page', () => {
    const text = '# miit95-disable R-TEST-009\na: 1\n';
    const findings = check(text).findings;
    assert.ok(findings.length > 0);
    for (const finding of findings) assert.equal(finding.docs, 'docs/configuration.md');
  });
});
