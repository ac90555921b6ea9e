// R-LICENCE-*: the split of findings between rules (one root cause, one finding), fix intents,
// configurable thresholds, severity branches, durations in messages, and robustness on odd data.
// Where findings start is covered by the fixtures in test/rules/R-LICENCE-*.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { stringify } from 'yaml';
import {
  DEFAULT_THRESHOLDS,
  parseApplication,
  runRules,
  type Finding,
  type RuleModule,
  type Thresholds,
} from '../../../server/src/core';
import { parseIsoDate, type CivilDate } from '../../../server/src/core/checks/dates';
import { licenceRules } from '../../../server/src/core/rules/licence';
import { formatDuration, licenceNumber } from '../../../server/src/core/rules/licence/shared';

function rule(id: string): RuleModule {
  const found = licenceRules.find((r) => r.id === id);
  assert.ok(found, id);
  return found;
}

function run(
  rules: readonly RuleModule[],
  yaml: string,
  options: { thresholds?: Thresholds; today?: string } = {},
): { findings: Finding[]; covered: string[] } {
  const text = `apiVersion: miit95/v1\n${yaml}`;
  const parsed = parseApplication(text);
  const findings = runRules(rules, parsed, { today: options.today ?? '2026-12-01', ...options });
  assert.deepEqual(
    findings.filter((f) => f.code.startsWith('internal/')),
    [],
    'internal error',
  );
  return { findings, covered: findings.map((f) => text.slice(f.range.start, f.range.end)) };
}

function date(text: string): CivilDate {
  const d = parseIsoDate(text);
  assert.ok(d, text);
  return d;
}

describe('rules/licence', () => {
  it('registers R-LICENCE-001…009 in catalogue order, without own docs links', () => {
    assert.deepEqual(
      licenceRules.map((r) => r.id),
      ['001', '002', '003', '004', '005', '006', '007', '008', '009'].map((n) => `R-LICENCE-${n}`),
    );
    for (const r of licenceRules) assert.equal(r.docs, undefined, r.id);
  });

  describe('one root cause, one finding', () => {
    const cases: readonly [string, string, readonly string[]][] = [
      ['provincial number, single province', '浙B2-20213456\n  coverage: [浙江省]', ['R-LICENCE-001']],
      ['malformed number', 'B2-2021345\n  coverage: [全国]', ['R-LICENCE-002']],
      ['ICP number', '京ICP证040883号\n  coverage: [全国]', ['R-LICENCE-002']],
      ['cross-regional number, one province', 'B2-20213456\n  coverage: [浙江省]', ['R-LICENCE-001']],
      ['cross-regional number', 'B2-20213456\n  coverage: [浙江省, 江苏省]', []],
    ];
    for (const [name, number, codes] of cases) {
      it(name, () => {
        const { findings } = run(licenceRules.slice(0, 2), `licence:\n  number: ${number}\n`);
        assert.deepEqual(
          findings.map((f) => f.code),
          codes,
        );
      });
    }

    it('an expired licence is reported by R-LICENCE-006 only', () => {
      const dates = licenceRules.filter((r) =>
        ['R-LICENCE-005', 'R-LICENCE-006', 'R-LICENCE-009'].includes(r.id),
      );
      const { findings } = run(
        dates,
        'application:\n  date: 2026-12-01\nlicence:\n  valid_from: 2021-11-01\n  valid_until: 2026-10-31\n',
      );
      assert.deepEqual(
        findings.map((f) => f.code),
        ['R-LICENCE-006'],
      );
    });
  });

  it('R-LICENCE-002 keeps only the cross-regional number of several', () => {
    const { findings } = run(
      [rule('R-LICENCE-002')],
      'licence:\n  number: 京B2-20202418，A2.B1.B2-20202637\n',
    );
    assert.equal(findings[0]?.severity, 'warning');
    const fix = findings[0]?.data.fixes?.[0];
    assert.ok(fix && fix.kind === 'replaceValue');
    assert.equal(fix.value, 'A2.B1.B2-20202637');
  });

  it('reads a number with a dash variant and spaces as one number', () => {
    const number = licenceNumber({ licence: { number: ' b2 – 2011 0196 号 ' } });
    assert.equal(number?.best.kind, 'cross-regional');
    assert.deepEqual(number?.parts, ['b2 – 2011 0196 号']);
  });

  describe('R-LICENCE-005 licence-remaining-validity', () => {
    const yaml = 'application:\n  date: 2026-12-01\nlicence:\n  valid_until: 2027-11-30\n';
    it('names the remaining time', () => {
      const { findings } = run([rule('R-LICENCE-005')], yaml);
      assert.match(findings[0]?.message['zh-cn'] ?? '', /仅剩 11 个月 29 天，不足 1 年/);
      assert.match(findings[0]?.message.en ?? '', /only 11 months 29 days .* less than 1 year\./);
      assert.equal(findings[0]?.data.extra?.['remainingDays'], 364);
    });
    it('follows thresholds.licenceMinRemainingYears', () => {
      const half = { ...DEFAULT_THRESHOLDS, licenceMinRemainingYears: 0.5 };
      assert.deepEqual(run([rule('R-LICENCE-005')], yaml, { thresholds: half }).findings, []);
      const two = { ...DEFAULT_THRESHOLDS, licenceMinRemainingYears: 2 };
      const long = 'application:\n  date: 2026-12-01\nlicence:\n  valid_until: 2028-06-20\n';
      assert.match(
        run([rule('R-LICENCE-005')], long, { thresholds: two }).findings[0]?.message.en ?? '',
        /less than 2 years/,
      );
    });
  });

  it('R-LICENCE-009 follows thresholds.renewalNoticeDays', () => {
    const yaml = 'application:\n  date: 2026-12-01\nlicence:\n  valid_until: 2027-06-01\n';
    assert.deepEqual(run([rule('R-LICENCE-009')], yaml).findings, []);
    const notice = { ...DEFAULT_THRESHOLDS, renewalNoticeDays: 200 };
    const { findings } = run([rule('R-LICENCE-009')], yaml, { thresholds: notice });
    assert.match(findings[0]?.message['zh-cn'] ?? '', /到期前 200 日（2026-11-13 前）/);
  });

  it('R-LICENCE-007 is information during the filing period and a warning after it', () => {
    const yaml = (d: string): string =>
      `application:\n  date: ${d}\nlicence:\n  annual_reports:\n    - year: 2026\n      status: 未报送\n`;
    assert.equal(run([rule('R-LICENCE-007')], yaml('2027-03-31')).findings[0]?.severity, 'info');
    assert.equal(run([rule('R-LICENCE-007')], yaml('2027-04-01')).findings[0]?.severity, 'warning');
  });

  it('R-LICENCE-003 points at the licence businesses as the related location', () => {
    const text =
      'licence:\n  businesses:\n    - name: 国内呼叫中心业务\nusage:\n  businesses: [国内多方通信服务业务]\n';
    const parsed = parseApplication(`apiVersion: miit95/v1\n${text}`);
    const [finding] = runRules([rule('R-LICENCE-003')], parsed, { today: '2026-12-01' });
    const related = finding?.related?.[0];
    assert.ok(related);
    assert.equal(parsed.text.slice(related.range.start, related.range.end), 'businesses');
    assert.equal(parsed.lines.positionAt(related.range.start).line, 2);
  });

  it('formats durations in years, months and days', () => {
    assert.deepEqual(formatDuration(date('2026-12-01'), date('2026-12-01')), {
      'zh-cn': '0 天',
      en: '0 days',
    });
    assert.deepEqual(formatDuration(date('2022-01-01'), date('2027-12-31')), {
      'zh-cn': '5 年 11 个月 30 天',
      en: '5 years 11 months 30 days',
    });
    assert.deepEqual(formatDuration(date('2026-01-31'), date('2026-03-01')), {
      'zh-cn': '1 个月 1 天',
      en: '1 month 1 day',
    });
    assert.equal(formatDuration(date('0001-01-01'), date('9999-12-31'))['zh-cn'], '9998 年 11 个月 30 天');
  });

  it('never fails internally on odd data', () => {
    const leaf = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(
        '浙B2-20213456',
        'B2-20213456',
        '全国',
        '浙江省',
        '9999-12-31',
        '0000-01-01',
        '未报送',
        '存储转发类业务',
      ),
    );
    const value = fc.oneof(
      leaf,
      fc.array(fc.oneof(leaf, fc.dictionary(fc.constantFrom('name', 'code', 'year', 'status'), leaf)), {
        maxLength: 3,
      }),
    );
    const keys = ['number', 'valid_from', 'valid_until', 'businesses', 'coverage', 'annual_reports'];
    const licence = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
    const usage = fc.dictionary(fc.constantFrom('businesses', 'description'), value, { maxKeys: 2 });
    fc.assert(
      fc.property(
        fc.oneof(licence, leaf),
        fc.oneof(usage, leaf),
        fc.oneof(leaf, fc.record({ date: leaf })),
        (l, u, a) => {
          run(licenceRules, stringify({ application: a, licence: l, usage: u }), { today: '9999-12-31' });
        },
      ),
      { numRuns: 300 },
    );
  });
});
