// R-APPLICANT-*: fix intents, related locations, severity branches, the division of work between the
// credit-code rules (one typo, one finding), and robustness on odd data. Where findings start is
// covered by the fixtures in test/rules/R-APPLICANT-*.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseApplication, runRules, type Finding, type RuleModule } from '../../../server/src/core';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../../server/src/core/config/thresholds';
import { applicantRules } from '../../../server/src/core/rules/applicant';

function rule(id: string): RuleModule {
  const found = applicantRules.find((r) => r.id === id);
  assert.ok(found, id);
  return found;
}

interface Run {
  readonly findings: Finding[];
  readonly covered: string[];
  readonly related: string[][];
}

function run(rules: readonly RuleModule[], yaml: string, options: { thresholds?: Thresholds } = {}): Run {
  const text = `apiVersion: miit95/v1\n${yaml}`;
  const parsed = parseApplication(text);
  const findings = runRules(rules, parsed, { today: '2026-12-01', ...options });
  assert.deepEqual(
    findings.filter((f) => f.code.startsWith('internal/')),
    [],
    'internal error',
  );
  return {
    findings,
    covered: findings.map((f) => text.slice(f.range.start, f.range.end)),
    related: findings.map((f) => (f.related ?? []).map((r) => text.slice(r.range.start, r.range.end))),
  };
}

const code = (value: string): string => `applicant:\n  credit_code: ${value}\n`;

describe('rules/applicant', () => {
  it('registers R-APPLICANT-001…008 in catalogue order, without own docs links', () => {
    assert.deepEqual(
      applicantRules.map((r) => r.id),
      ['001', '002', '003', '004', '005', '006', '007', '008'].map((n) => `R-APPLICANT-${n}`),
    );
    for (const r of applicantRules) assert.equal(r.docs, undefined, r.id);
  });

  describe('R-APPLICANT-001 credit-code-check-character', () => {
    it('offers the corrected code when the first 17 characters are well-formed, and says so', () => {
      const { findings, covered } = run([rule('R-APPLICANT-001')], code('91330106MA2H7K3D4X'));
      assert.deepEqual(covered, ['91330106MA2H7K3D4X']);
      const fix = findings[0]?.data.fixes?.[0];
      assert.ok(fix && fix.kind === 'replaceValue');
      assert.equal(fix.value, '91330106MA2H7K3D4M');
      assert.match(fix.title['zh-cn'], /前 17 位格式正确/);
      assert.match(fix.title.en, /first 17 characters are well-formed/);
      assert.match(findings[0]?.message['zh-cn'] ?? '', /应为“M”/);
    });

    it('offers no fix when the first 17 contain lower case', () => {
      const { findings } = run([rule('R-APPLICANT-001')], code('"91330106ma2h7k3d4x"'));
      assert.equal(findings.length, 1);
      assert.equal(findings[0]?.data.fixes, undefined);
    });

    it('gives one finding per typo across the credit-code rules', () => {
      const all = applicantRules.slice(0, 4);
      // wrong check character only: 001
      assert.deepEqual(
        run(all, code('91330106MA2H7K3D4X')).findings.map((f) => f.code),
        ['R-APPLICANT-001'],
      );
      // wrong province digits (check character wrong as a result): 004 only
      assert.deepEqual(
        run(all, code('91990106MA2H7K3D4M')).findings.map((f) => f.code),
        ['R-APPLICANT-004'],
      );
      // typo in positions 9–17 that breaks both checks: 001 only (003 waits for a right check character)
      assert.deepEqual(
        run(all, code('91330106MA2H7K3D5M')).findings.map((f) => f.code),
        ['R-APPLICANT-001'],
      );
      // the complete sample's code: nothing
      assert.deepEqual(run(all, code('91330106MA2H7K3D4M')).findings, []);
    });
  });

  it('R-APPLICANT-005 converts a figure written in 万元, and only then', () => {
    const wan = run([rule('R-APPLICANT-005')], 'applicant:\n  registered_capital_cny: 5000\n').findings;
    const fix = wan[0]?.data.fixes?.[0];
    assert.ok(fix && fix.kind === 'replaceValue');
    assert.equal(fix.value, 50_000_000);
    const low = run([rule('R-APPLICANT-005')], 'applicant:\n  registered_capital_cny: 9999999\n').findings;
    assert.equal(low[0]?.data.fixes, undefined);
    assert.match(low[0]?.message['zh-cn'] ?? '', /999\.9999 万元/);
  });

  it('R-APPLICANT-006 is an error for a numbering penalty and a warning for a recent telecom penalty', () => {
    const { findings } = run(
      [rule('R-APPLICANT-006')],
      [
        'applicant:',
        '  compliance:',
        '    untrustworthy_list: true',
        '    penalties:',
        '      - { date: 2025-04-02, authority: 工业和信息化部, description: 擅自转让号码。, number_related: true }',
        '      - { date: 2025-05-10, authority: 浙江省通信管理局, description: 未按时报送年报。, number_related: false }',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      findings.map((f) => f.severity),
      ['warning', 'error', 'warning'],
    );
    assert.match(findings[1]?.message['zh-cn'] ?? '', /2025-04-02 工业和信息化部：擅自转让号码）/);
  });

  describe('R-APPLICANT-006 weighs the authority and the age of a penalty (issue 11, class 3)', () => {
    const penalty = (date: string, authority: string): string =>
      [
        'application:',
        '  date: 2026-11-20',
        'applicant:',
        '  compliance:',
        '    untrustworthy_list: false',
        '    penalties:',
        `      - { date: ${date}, authority: ${authority}, description: 已整改。, number_related: false }`,
        '',
      ].join('\n');
    const cases: [string, string, string, string | undefined][] = [
      // [date, authority, expected severity ('' = no finding), message fragment]
      ['2025-06-01', '工业和信息化部', 'warning', '近期行政处罚'],
      ['2024-11-20', '广东省通信管理局', 'warning', '近期行政处罚'], // exactly 2 years: still recent
      ['2024-11-19', '广东省通信管理局', 'info', '超出“近期”的 2 年'],
      ['2021-08-16', '信息产业部', 'info', '早于 2024-11-20'],
      ['2026-03-05', '杭州市市场监督管理局', 'info', '不是电信主管部门'],
      ['2021-08-16', '成都市市场监督管理局', '', undefined],
      ['2025-01-10', 'State Administration for Market Regulation', 'info', '不是电信主管部门'],
    ];
    for (const [date, authority, severity, fragment] of cases) {
      it(`${date} ${authority} → ${severity || 'nothing'}`, () => {
        const { findings } = run([rule('R-APPLICANT-006')], penalty(date, authority));
        assert.deepEqual(
          findings.map((f) => f.severity),
          severity === '' ? [] : [severity],
        );
        if (fragment !== undefined) assert.ok(findings[0]?.message['zh-cn'].includes(fragment), findings[0]?.message['zh-cn']);
      });
    }

    it('the window is the threshold penalty_recent_years', () => {
      const text = penalty('2022-09-01', '四川省通信管理局');
      const strict = run([rule('R-APPLICANT-006')], text, {
        thresholds: { ...DEFAULT_THRESHOLDS, penaltyRecentYears: 5 },
      }).findings;
      assert.deepEqual(
        strict.map((f) => f.severity),
        ['warning'],
      );
      assert.ok(strict[0]?.message.en.includes('within 5 years'), strict[0]?.message.en);
      const loose = run([rule('R-APPLICANT-006')], text).findings;
      assert.deepEqual(
        loose.map((f) => f.severity),
        ['info'],
      );
    });
  });

  it('R-APPLICANT-007 points at the applicant field as the related location', () => {
    const { covered, related } = run(
      [rule('R-APPLICANT-007')],
      'applicant:\n  name: 甲公司\n  credit_code: 91330106MA2H7K3D4M\nlicence:\n  holder_name: 乙公司\n  holder_credit_code: "91330106ma2h7k3d4m"\n',
    );
    // The codes differ only in case: the same code.
    assert.deepEqual(covered, ['乙公司']);
    assert.deepEqual(related, [['甲公司']]);
  });

  it('R-APPLICANT-008 accepts an address naming a city or a province, even in short form', () => {
    for (const address of [
      '北京市海淀区中关村大街 1 号',
      '内蒙古呼和浩特市新城区',
      '深圳南山区科技园',
      '广西南宁市',
    ]) {
      assert.deepEqual(
        run([rule('R-APPLICANT-008')], `applicant:\n  address: ${address}\n`).findings,
        [],
        address,
      );
    }
  });

  it('never fails internally on odd data', () => {
    const leaf = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('91330106MA2H7K3D4M', '9133０106ma2h7k3d4x', '待定', '', '   '),
    );
    const value = fc.oneof(
      leaf,
      fc.array(leaf, { maxLength: 3 }),
      fc.dictionary(fc.string(), leaf, { maxKeys: 3 }),
    );
    const keys = [
      'name',
      'credit_code',
      'legal_rep',
      'registered_capital_cny',
      'address',
      'contact',
      'compliance',
    ];
    const applicant = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
    const licence = fc.dictionary(fc.constantFrom('holder_name', 'holder_credit_code'), value, {
      maxKeys: 2,
    });
    fc.assert(
      fc.property(fc.oneof(applicant, leaf), fc.oneof(licence, leaf), (a, l) => {
        run(applicantRules, stringify({ applicant: a, licence: l }));
      }),
      { numRuns: 300 },
    );
  });
});
