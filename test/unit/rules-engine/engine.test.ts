/**
 * The rule engine with rules defined here: reports placed by the shared locator, templates rendered
 * in both languages, severity overrides, fix intents carried, and a throwing rule isolated.
 */
import { strict as assert } from 'node:assert';
import {
  defineRule,
  RULE_ID_PATTERN,
  RULE_NAME_PATTERN,
  type RuleModule,
} from '../../../server/src/core/rules/define-rule';
import {
  get,
  getArray,
  getNumber,
  getRecord,
  getString,
  getText,
} from '../../../server/src/core/document/data-access';
import { render, runRules } from '../../../server/src/core/rules/engine';
import { allRules } from '../../../server/src/core/rules/index';
import { parseApplication } from '../../../server/src/core/document/parse';
import type { Finding } from '../../../server/src/core/types';

const DOC = `apiVersion: miit95/v1
applicant:
  name: 杭州云声
  registered_capital_cny: 5000000   # 元
usage:
  area:
    - province: 浙江省
    - province: 江苏省
      cities: [南京市]
`;

const capitalRule = defineRule({
  id: 'R-TEST-001',
  name: 'capital-minimum',
  defaultSeverity: 'error',
  status: 'confirmed',
  description: {
    'zh-cn': '注册资本不少于 1000 万元。',
    en: 'Registered capital is at least CNY 10,000,000.',
  },
  messages: {
    tooLow: {
      'zh-cn': '注册资本 {actual} 元低于 {minimum} 元（{why}）',
      en: 'Registered capital CNY {actual} is below CNY {minimum} ({why})',
    },
  },
  fixable: true,
  fields: [],
  docs: 'https://miit95.dev/rules/R-TEST-001',
  check(ctx) {
    const capital = getNumber(ctx.app, ['applicant', 'registered_capital_cny']);
    if (capital !== undefined && capital < 10_000_000) {
      ctx.report({
        path: ['applicant', 'registered_capital_cny'],
        messageId: 'tooLow',
        params: {
          actual: capital,
          minimum: 10_000_000,
          why: { 'zh-cn': '跨地区经营', en: 'cross-regional' },
        },
        fixes: [
          {
            kind: 'replaceValue',
            path: ['applicant', 'registered_capital_cny'],
            value: 10_000_000,
            title: { 'zh-cn': '改为 10000000', en: 'Change to 10000000' },
          },
        ],
        extra: { minimum: 10_000_000 },
      });
    }
  },
});

const citiesRule = defineRule({
  id: 'R-TEST-002',
  name: 'cities-listed',
  defaultSeverity: 'warning',
  status: 'inference',
  description: { 'zh-cn': '每个省份列出城市。', en: 'Each province lists its cities.' },
  messages: {
    noCities: { 'zh-cn': '{province}未列出城市', en: 'No cities listed for {province}' },
    seeLicence: { 'zh-cn': '许可证范围见此', en: 'See the licence scope here' },
  },
  fixable: false,
  fields: [],
  check(ctx) {
    getArray(ctx.app, ['usage', 'area']).forEach((item, index) => {
      if (get(item, ['cities']) === undefined) {
        ctx.report({
          path: ['usage', 'area', index, 'cities'],
          target: 'key',
          messageId: 'noCities',
          params: { province: getString(item, ['province']) ?? '?' },
          severity: index === 0 ? 'info' : 'warning',
          related: [{ path: ['applicant', 'name'], messageId: 'seeLicence' }],
        });
      }
    });
  },
});

function throwingRule(id: string, thrown: unknown): RuleModule {
  return defineRule({
    id,
    name: 'always-throws',
    defaultSeverity: 'error',
    status: 'unverified',
    description: { 'zh-cn': '抛出异常。', en: 'Throws.' },
    messages: { never: { 'zh-cn': '不会出现', en: 'never shown' } },
    fixable: false,
    fields: [],
    check(ctx) {
      ctx.report({ path: ['applicant'], messageId: 'never' });
      throw thrown;
    },
  });
}

function covered(finding: Finding): string {
  return DOC.slice(finding.range.start, finding.range.end);
}

describe('rule engine', () => {
  const parsed = parseApplication(DOC);

  it('turns a report into a finding placed on the value, with both languages rendered', () => {
    const [finding] = runRules([capitalRule], parsed);
    assert.ok(finding);
    assert.equal(finding.code, 'R-TEST-001');
    assert.equal(finding.severity, 'error');
    assert.equal(covered(finding), '5000000');
    assert.equal(finding.message['zh-cn'], '注册资本 5000000 元低于 10000000 元（跨地区经营）');
    assert.equal(finding.message.en, 'Registered capital CNY 5000000 is below CNY 10000000 (cross-regional)');
    assert.deepEqual(finding.data.path, ['applicant', 'registered_capital_cny']);
    assert.equal(finding.data.fixes?.[0]?.kind, 'replaceValue');
    assert.deepEqual(finding.data.extra, { minimum: 10_000_000 });
    assert.equal(finding.docs, 'https://miit95.dev/rules/R-TEST-001');
  });

  it('places a missing path on the deepest existing node, honours report severity and related reports', () => {
    const findings = runRules([citiesRule], parsed);
    assert.deepEqual(
      findings.map((f) => [covered(f), f.severity, f.message['zh-cn'], f.message.en]),
      [['province: 浙江省', 'info', '浙江省未列出城市', 'No cities listed for 浙江省']],
    );
    const related = findings[0]!.related?.[0];
    assert.ok(related);
    assert.equal(DOC.slice(related.range.start, related.range.end), '杭州云声');
    assert.equal(related.message.en, 'See the licence scope here');
  });

  it('applies severity overrides and turns rules off', () => {
    assert.equal(
      runRules([capitalRule], parsed, { severity: { 'R-TEST-001': 'warning' } })[0]?.severity,
      'warning',
    );
    assert.deepEqual(runRules([capitalRule], parsed, { severity: { 'R-TEST-001': 'off' } }), []);
    assert.equal(runRules([citiesRule], parsed, { severity: { 'R-TEST-002': 'hint' } })[0]?.severity, 'hint');
  });

  for (const [name, thrown] of [
    ['an Error', new Error('boom')],
    ['a string', 'plain string'],
    ['undefined', undefined],
  ] as const) {
    it(`isolates a rule that throws ${name}: one internal/rule-error, the other rules still run`, () => {
      const findings = runRules([capitalRule, throwingRule('R-TEST-900', thrown), citiesRule], parsed);
      assert.deepEqual(
        findings.map((f) => f.code),
        ['R-TEST-001', 'internal/rule-error', 'R-TEST-002'],
      );
      const internal = findings[1]!;
      assert.equal(internal.severity, 'error');
      assert.equal(covered(internal), 'apiVersion: miit95/v1');
      assert.ok(internal.message['zh-cn'].includes('R-TEST-900'));
      assert.ok(internal.message.en.includes('R-TEST-900') && internal.message.en.includes('always-throws'));
      if (thrown instanceof Error) assert.ok(internal.message.en.includes('boom'));
      assert.ok(
        !findings.some((f) => f.message.en === 'never shown'),
        'reports of the failed rule are dropped',
      );
    });
  }

  it('treats an unknown messageId as a rule error', () => {
    const sloppy = defineRule({
      id: 'R-TEST-003',
      name: 'sloppy',
      defaultSeverity: 'error',
      status: 'unverified',
      description: { 'zh-cn': '。', en: '.' },
      messages: { known: { 'zh-cn': '已知', en: 'known' } },
      fixable: false,
      fields: [],
      check(ctx) {
        (ctx.report as (r: { path: string[]; messageId: string }) => void)({
          path: [],
          messageId: 'unknown',
        });
      },
    });
    const [finding] = runRules([sloppy], parsed);
    assert.equal(finding?.code, 'internal/rule-error');
    assert.ok(finding.message.en.includes('unknown'));
  });

  it('runs no rule when the document has no data', () => {
    let ran = false;
    const spy = defineRule({ ...capitalRule, check: () => void (ran = true) });
    assert.deepEqual(runRules([spy], parseApplication('# empty\n')), []);
    assert.equal(ran, false);
  });

  it('gives rules the file probe', () => {
    let seen: string | undefined;
    const probing = defineRule({
      ...capitalRule,
      check(ctx) {
        seen = ctx.files?.probe('附件/营业执照.pdf');
      },
    });
    runRules([probing], parsed, { files: { probe: (path) => (path.endsWith('.pdf') ? 'file' : 'missing') } });
    assert.equal(seen, 'file');
  });
});

describe('render', () => {
  const cases: [
    string,
    Record<string, string | number | boolean | { 'zh-cn': string; en: string }>,
    string,
    string,
  ][] = [
    ['{a} 与 {b}', { a: 1, b: '二' }, '1 与 二', '1 与 二'],
    ['{flag}', { flag: false }, 'false', 'false'],
    ['{missing} stays', {}, '{missing} stays', '{missing} stays'],
    ['{x}{x}', { x: 'y' }, 'yy', 'yy'],
    ['{loc}', { loc: { 'zh-cn': '中文', en: 'English' } }, '中文', 'English'],
    ['{toString}', {}, '{toString}', '{toString}'],
  ];
  for (const [template, params, zh, en] of cases) {
    it(`${template} → ${zh} / ${en}`, () => {
      assert.deepEqual(render({ 'zh-cn': template, en: template }, params), { 'zh-cn': zh, en });
    });
  }
});

describe('rule accessors', () => {
  const data = {
    a: { b: [10, '20', { c: 'x' }] },
    n: Number.NaN,
    proto: Object.create({ inherited: 1 }) as object,
  };
  it('get walks keys and indices and never throws', () => {
    assert.equal(get(data, ['a', 'b', 2, 'c']), 'x');
    assert.equal(get(data, ['a', 'b', '0']), undefined); // a string segment on an array
    assert.equal(get(data, ['a', 'x', 'y']), undefined);
    assert.equal(get(null, ['a']), undefined);
    assert.equal(get(data, ['proto', 'inherited']), undefined); // own properties only
    assert.equal(get(data, []), data);
  });
  it('typed getters return undefined for the wrong type', () => {
    assert.equal(getNumber(data, ['a', 'b', 0]), 10);
    assert.equal(getNumber(data, ['a', 'b', 1]), undefined);
    assert.equal(getNumber(data, ['n']), undefined);
    assert.equal(getText(data, ['a', 'b', 0]), '10');
    assert.equal(getText(data, ['a', 'b', 1]), '20');
    assert.equal(getString(data, ['a', 'b', 0]), undefined);
    assert.deepEqual(getArray(data, ['a']), []);
    assert.equal(getRecord(data, ['a', 'b']), undefined);
    assert.deepEqual(Object.keys(getRecord(data, ['a']) ?? {}), ['b']);
  });
});

describe('rule catalogue', () => {
  it('every registered rule has well-formed metadata and messages in both languages', () => {
    const ids = new Set<string>();
    for (const rule of allRules) {
      assert.match(rule.id, RULE_ID_PATTERN);
      assert.match(rule.name, RULE_NAME_PATTERN);
      assert.ok(!ids.has(rule.id), `duplicate ${rule.id}`);
      ids.add(rule.id);
      assert.ok(rule.description['zh-cn'] && rule.description.en);
      for (const message of Object.values<{ 'zh-cn': string; en: string }>(rule.messages)) {
        assert.ok(message['zh-cn'] && message.en);
      }
    }
  });

  it('the patterns accept catalogue IDs and kebab-case names only', () => {
    assert.match('R-COVERAGE-001', RULE_ID_PATTERN);
    assert.doesNotMatch('R-coverage-1', RULE_ID_PATTERN);
    assert.match('coverage-within-licence', RULE_NAME_PATTERN);
    assert.doesNotMatch('CoverageWithin', RULE_NAME_PATTERN);
  });
});
