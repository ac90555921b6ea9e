/** loadConfig / validateConfig: `.miit95.yaml` into a ResolvedConfig plus findings in the file. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  allRules,
  DEFAULT_CONFIG,
  DEFAULT_THRESHOLDS,
  LATEST_RULE_PACK,
  defineRule,
  loadConfig,
  validate,
  validateConfig,
  type Finding,
  type RuleModule,
} from '../../../server/src/core';

function testRule(id: string): RuleModule {
  return defineRule({
    id,
    name: `test-${id.toLowerCase()}`,
    defaultSeverity: 'warning',
    status: 'inference',
    description: { 'zh-cn': '测试规则。', en: 'A test rule.' },
    messages: { m: { 'zh-cn': '测试', en: 'test' } },
    fixable: false,
    fields: [],
    check() {},
  });
}

const RULES = [testRule('R-TEST-001'), testRule('R-TEST-002'), testRule('R-COVERAGE-003')];

function load(text: string) {
  return loadConfig(text, { rules: RULES });
}

/** [code, severity, covered text] of each finding. */
function shown(text: string, findings: readonly Finding[]): [string, string, string][] {
  return findings.map((f) => [f.code, f.severity, text.slice(f.range.start, f.range.end)]);
}

describe('loadConfig', () => {
  it('reads a valid configuration', () => {
    const text = [
      'rules:',
      '  R-TEST-001: off',
      '  R-TEST-002: error',
      'thresholds:',
      '  coverage:',
      '    min_provinces: 7',
      '    min_cities: 13',
      '    comparison: ">"',
      '  schedule_months: 18',
      '  extension:',
      '    max_length: 9',
      '    absolute_max_length: 12',
      '  licence_min_remaining_years: 2',
      '  renewal_notice_days: 120',
      '  penalty_recent_years: 3',
      '  preparation_shifts: 1.5',
      'rule_pack: "2026-11"',
      '',
    ].join('\n');
    const { config, findings } = load(text);
    assert.deepEqual(findings, []);
    assert.deepEqual(config, {
      severities: { 'R-TEST-001': 'off', 'R-TEST-002': 'error' },
      thresholds: {
        coverage: { minProvinces: 7, minCities: 13, comparison: '>' },
        scheduleMonths: 18,
        extension: { maxLength: 9, absoluteMaxLength: 12 },
        licenceMinRemainingYears: 2,
        renewalNoticeDays: 120,
        penaltyRecentYears: 3,
        preparationShifts: 1.5,
      },
      rulePack: '2026-11',
    });
  });

  it('keeps the defaults for what is not given', () => {
    const { config, findings } = load('thresholds:\n  schedule_months: 6\n');
    assert.deepEqual(findings, []);
    assert.deepEqual(config.thresholds, { ...DEFAULT_THRESHOLDS, scheduleMonths: 6 });
    assert.deepEqual(config.severities, {});
    assert.equal(config.rulePack, LATEST_RULE_PACK);
  });

  const emptyCases: [string, string][] = [
    ['an empty file', ''],
    ['a comment-only file', '# 本项目使用默认配置\n'],
    ['an explicit null', '~\n'],
  ];
  for (const [name, text] of emptyCases) {
    it(`gives the defaults and no finding for ${name}`, () => {
      const { config, findings } = load(text);
      assert.deepEqual(findings, []);
      assert.deepEqual(config, DEFAULT_CONFIG);
    });
  }

  it('reports an unknown rule ID with a did-you-mean and ignores it', () => {
    const text = 'rules:\n  R-TEST-010: info\n  R-TEST-002: info\n  R-NOPE-999: off\n';
    const { config, findings } = load(text);
    assert.deepEqual(shown(text, findings), [
      ['config/unknown-rule', 'error', 'R-TEST-010'],
      ['config/unknown-rule', 'error', 'R-NOPE-999'],
    ]);
    const [typo, unknown] = findings;
    assert.equal(typo!.data.suggestion, 'R-TEST-001');
    assert.match(typo!.message['zh-cn'], /未知的规则 ID“R-TEST-010”.*是否应为“R-TEST-001”/);
    assert.match(typo!.message.en, /Did you mean "R-TEST-001"/);
    assert.deepEqual(
      typo!.data.fixes?.map((fix) => fix.kind),
      ['renameKey', 'removeProperty'],
    );
    assert.equal(unknown!.data.suggestion, undefined);
    assert.deepEqual(config.severities, { 'R-TEST-002': 'info' });
  });

  it('reports a malformed rule ID once, with the ID shape and a suggestion', () => {
    const text = 'rules:\n  r-test-001: off\n';
    const { config, findings } = load(text);
    assert.deepEqual(shown(text, findings), [['config/unknown-rule', 'error', 'r-test-001']]);
    assert.equal(findings[0]!.data.suggestion, 'R-TEST-001');
    assert.match(findings[0]!.message.en, /rule IDs look like R-COVERAGE-003/);
    assert.deepEqual(config.severities, {});
  });

  it('says that a reminder entry is not a diagnostic', () => {
    const text = 'rules:\n  R-FEE-001: off\n';
    const { findings } = load(text);
    assert.deepEqual(shown(text, findings), [['config/not-a-diagnostic', 'warning', 'R-FEE-001']]);
    assert.match(findings[0]!.message.en, /reminder, not a diagnostic/);
  });

  it('checks rule IDs against all registered rules by default', () => {
    const registered = allRules[0];
    if (registered === undefined) return;
    const text = `rules:\n  ${registered.id}: info\n`;
    const { config, findings } = loadConfig(text);
    assert.deepEqual(findings, []);
    assert.deepEqual(config.severities, { [registered.id]: 'info' });
  });

  it('reports wrong types and values with the schema messages, and keeps the defaults for them', () => {
    const text = [
      'rules:',
      '  R-TEST-001: warn',
      '  R-TEST-002: info',
      'thresholds:',
      '  coverage:',
      '    min_provinces: 0',
      '    comparison: "=="',
      '    min_cities: 20',
      '  schedule_months: twelve',
      '  renewal_notice_days: 30',
      '',
    ].join('\n');
    const { config, findings } = load(text);
    assert.deepEqual(shown(text, findings), [
      ['schema/enum', 'error', 'warn'],
      ['schema/minimum', 'error', '0'],
      ['schema/enum', 'error', '"=="'],
      ['schema/type', 'error', 'twelve'],
    ]);
    assert.equal(findings[0]!.data.suggestion, 'warning');
    assert.match(findings[3]!.message['zh-cn'], /开通时限/);
    assert.deepEqual(config.severities, { 'R-TEST-002': 'info' });
    assert.deepEqual(config.thresholds, {
      ...DEFAULT_THRESHOLDS,
      coverage: { ...DEFAULT_THRESHOLDS.coverage, minCities: 20 },
      renewalNoticeDays: 30,
    });
  });

  it('reports a misspelt or unknown key with a suggestion', () => {
    const text = 'threshold:\n  schedule_months: 6\n';
    const { config, findings } = load(text);
    assert.deepEqual(shown(text, findings), [['schema/additionalProperties', 'error', 'threshold']]);
    assert.equal(findings[0]!.data.suggestion, 'thresholds');
    assert.deepEqual(config, DEFAULT_CONFIG);
  });

  it('reports a wrongly shaped section and keeps its defaults', () => {
    const text = 'rules: [R-TEST-001]\nthresholds:\n  schedule_months: 3\n';
    const { config, findings } = load(text);
    assert.deepEqual(shown(text, findings), [['schema/type', 'error', '[R-TEST-001]']]);
    assert.deepEqual(config.severities, {});
    assert.equal(config.thresholds.scheduleMonths, 3);
  });

  it('applies no value of a file with a YAML syntax error: the defaults apply', () => {
    const text = 'rules:\n  R-TEST-001: off\nthresholds:\n  schedule_months: [6\n';
    const { config, findings } = load(text);
    assert.ok(findings.length > 0);
    assert.ok(
      findings.every((f) => f.code.startsWith('yaml/')),
      findings.map((f) => f.code).join(', '),
    );
    assert.ok(findings.some((f) => f.severity === 'error'));
    assert.deepEqual(config, DEFAULT_CONFIG);
  });

  it('applies no value when the root is not a mapping', () => {
    const text = '- R-TEST-001\n';
    const { config, findings } = load(text);
    assert.deepEqual(shown(text, findings), [['schema/type', 'error', '- R-TEST-001']]);
    assert.deepEqual(config, DEFAULT_CONFIG);
  });

  it('resolves the rule pack, and reports an unknown one with a suggestion', () => {
    assert.equal(load('rule_pack: latest\n').config.rulePack, LATEST_RULE_PACK);
    assert.equal(load('rule_pack: "2026-11"\n').config.rulePack, '2026-11');
    const text = 'rule_pack: lates\n';
    const { config, findings } = load(text);
    assert.deepEqual(shown(text, findings), [['config/unknown-rule-pack', 'error', 'lates']]);
    assert.equal(findings[0]!.data.suggestion, 'latest');
    assert.deepEqual(findings[0]!.data.fixes?.[0], {
      kind: 'replaceValue',
      path: ['rule_pack'],
      value: 'latest',
      title: { 'zh-cn': '改为“latest”', en: 'Change to "latest"' },
    });
    assert.equal(config.rulePack, LATEST_RULE_PACK);
    const numeric = 'rule_pack: 2026\n';
    assert.deepEqual(shown(numeric, load(numeric).findings), [['schema/type', 'error', '2026']]);
  });

  it('rejects a regular extension length above the absolute one', () => {
    const text = 'thresholds:\n  extension:\n    max_length: 14\n';
    const { config, findings } = load(text);
    assert.deepEqual(shown(text, findings), [['config/threshold-order', 'error', '14']]);
    assert.deepEqual(config.thresholds.extension, DEFAULT_THRESHOLDS.extension);
    const both = 'thresholds:\n  extension: {max_length: 10, absolute_max_length: 9}\n';
    assert.deepEqual(shown(both, load(both).findings), [['config/threshold-order', 'error', '10']]);
  });

  it('links config and schema findings to the configuration page', () => {
    const text = 'rules:\n  R-TEST-010: info\nrule_pack: 1\n';
    const { findings } = load(text);
    assert.equal(findings.length, 2);
    for (const finding of findings) assert.equal(finding.docs, 'docs/configuration.md');
  });

  it('runs no code: tags stay data, prototypes stay clean', () => {
    const text = [
      'rules:',
      '  __proto__: {polluted: yes}',
      '  constructor: off',
      'rule_pack: !!js/function "function () { return 1 }"',
      'thresholds: !include other.yaml',
      '',
    ].join('\n');
    const { config, findings } = load(text);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(Object.getPrototypeOf(config.severities), Object.prototype);
    assert.deepEqual(Object.keys(config.severities), []);
    assert.equal(typeof config.rulePack, 'string');
    assert.deepEqual(config.thresholds, DEFAULT_THRESHOLDS);
    const codes = findings.map((f) => f.code);
    assert.ok(codes.includes('config/unknown-rule'), codes.join(', '));
  });

  it('never throws on odd input', () => {
    const inputs = [
      '{',
      '\t- x',
      'a: *b',
      '&a [*a]',
      'rules: {R-TEST-001: {x: 1}}',
      '"\\u0000"',
      '---\n---\n',
    ];
    for (const text of inputs) {
      const { config } = load(text);
      assert.ok(config.thresholds);
    }
  });
});

describe('validateConfig', () => {
  it('returns the findings and the parsed document, as validate does', () => {
    const text = 'rules:\n  R-TEST-010: info\n';
    const result = validateConfig(text, { rules: RULES });
    assert.deepEqual(result.findings, load(text).findings);
    assert.equal(result.findings.length, 1);
    assert.ok(result.document);
    assert.deepEqual(result.suppressions, []);
  });
});

describe('validate with a configuration', () => {
  const flagRule = defineRule({
    id: 'R-TEST-001',
    name: 'flag',
    defaultSeverity: 'warning',
    status: 'inference',
    description: { 'zh-cn': '标记。', en: 'Flag.' },
    messages: { m: { 'zh-cn': '月数 {months}', en: 'months {months}' } },
    fixable: false,
    fields: [],
    check(ctx) {
      ctx.report({ path: ['a'], messageId: 'm', params: { months: ctx.thresholds.scheduleMonths } });
    },
  });
  const accept = { rootId: 'accept', validate: () => [], schemasAt: () => [] };
  const run = (config: string, extra: Parameters<typeof validate>[1] = {}) =>
    validate('a: 1\n', { schema: accept, rules: [flagRule], config: load(config).config, ...extra }).findings;

  it('applies the severities and the thresholds of the file', () => {
    assert.deepEqual(
      run('').map((f) => [f.severity, f.message.en]),
      [['warning', 'months 12']],
    );
    assert.deepEqual(
      run('rules: {R-TEST-001: error}\nthresholds: {schedule_months: 3}\n').map((f) => [
        f.severity,
        f.message.en,
      ]),
      [['error', 'months 3']],
    );
    assert.deepEqual(run('rules: {R-TEST-001: off}\n'), []);
  });

  it('lets ruleSeverity and thresholds override the configuration', () => {
    const findings = run('rules: {R-TEST-001: off}\nthresholds: {schedule_months: 3}\n', {
      ruleSeverity: { 'R-TEST-001': 'info' },
      thresholds: { ...DEFAULT_THRESHOLDS, scheduleMonths: 24 },
    });
    assert.deepEqual(
      findings.map((f) => [f.severity, f.message.en]),
      [['info', 'months 24']],
    );
  });

  describe('comparison ">" and R-COVERAGE-003', () => {
    // The complete sample's area of use, counted by the rule itself (municipalities count as cities).
    const sample = readFileSync(join(__dirname, '../../../samples/complete/杭州云声.app95.yaml'), 'utf8');
    const coverage = allRules.find((rule) => rule.id === 'R-COVERAGE-003');
    const findings = (config: string) =>
      validate(sample, {
        rules: coverage ? [coverage] : [],
        config: loadConfig(config).config,
        today: '2026-12-01',
      }).findings.filter((f) => f.code === 'R-COVERAGE-003');
    const counts = () => {
      const probe = findings('thresholds:\n  coverage: {min_provinces: 31, min_cities: 400}\n');
      const extra = probe[0]?.data.extra;
      assert.ok(extra, 'R-COVERAGE-003 reported nothing for a 31-province, 400-city minimum');
      return { provinces: Number(extra['provinces']), cities: Number(extra['cities']) };
    };
    const config = (provinces: number, cities: number, comparison: string) =>
      `thresholds:\n  coverage:\n    min_provinces: ${provinces}\n    min_cities: ${cities}\n    comparison: "${comparison}"\n`;

    beforeEach(function () {
      if (coverage === undefined) this.skip();
    });

    it('the sample meets the default minimum (at least 6 provinces and 12 cities)', () => {
      assert.deepEqual(findings(''), []);
    });

    it('">=" accepts exactly the minimum', () => {
      const { provinces, cities } = counts();
      assert.deepEqual(findings(config(provinces, cities, '>=')), []);
    });

    it('">" makes the same minimum one more: both counts fall short', () => {
      const { provinces, cities } = counts();
      assert.deepEqual(
        findings(config(provinces, cities, '>')).map((f) => f.data.extra),
        [
          { provinces, cities },
          { provinces, cities },
        ],
      );
      assert.deepEqual(findings(config(provinces - 1, cities - 1, '>')), []);
    });
  });
});
