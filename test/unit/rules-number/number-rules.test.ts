// R-NUMBER-*: fix intents (values, style kept), configurable thresholds, and robustness on odd data.
// Where findings start is covered by the fixtures in test/rules/R-NUMBER-*.
import { strict as assert } from 'node:assert';
import {
  DEFAULT_THRESHOLDS,
  parseApplication,
  runRules,
  type Finding,
  type RuleModule,
  type Thresholds,
} from '../../../server/src/core';
import { numberRules } from '../../../server/src/core/rules/number';

function rule(id: string): RuleModule {
  const found = numberRules.find((r) => r.id === id);
  assert.ok(found, id);
  return found;
}

function run(id: string, yaml: string, thresholds?: Thresholds): { findings: Finding[]; covered: string[] } {
  const text = `apiVersion: miit95/v1\n${yaml}`;
  const parsed = parseApplication(text);
  const findings = runRules([rule(id)], parsed, { today: '2026-12-01', ...(thresholds ? { thresholds } : {}) });
  assert.deepEqual(findings.filter((f) => f.code !== id), [], 'internal error');
  return { findings, covered: findings.map((f) => text.slice(f.range.start, f.range.end)) };
}

/** The replaceValue values offered by each finding. */
function values(findings: Finding[]): unknown[][] {
  return findings.map((f) => (f.data.fixes ?? []).map((x) => (x.kind === 'replaceValue' ? x.value : x.kind)));
}

describe('rules/number', () => {
  it('registers R-NUMBER-001…008 in catalogue order (009 is a code lens)', () => {
    assert.deepEqual(
      numberRules.map((r) => r.id),
      ['R-NUMBER-001', 'R-NUMBER-002', 'R-NUMBER-003', 'R-NUMBER-004', 'R-NUMBER-005', 'R-NUMBER-006', 'R-NUMBER-007', 'R-NUMBER-008'],
    );
    for (const r of numberRules) assert.equal(r.docs, undefined, `${r.id} must not set docs`);
  });

  describe('R-NUMBER-001 fixes', () => {
    const cases: [string, unknown[][]][] = [
      ['["95533"]', [['95033', '95133']]],
      ['[95588]', [[95088, 95188]]],
      ['["956123"]', [['952123']]],
      ['["95110"]', [[]]],
      ['["4008001234"]', [[]]],
      // 951+"10" would be the coast guard's 95110, and 95033 is already a candidate
      ['["95510", "95010"]', [[]]],
      ['["95533", "95033"]', [['95133']]],
    ];
    for (const [candidates, expected] of cases) {
      it(`${candidates} → ${JSON.stringify(expected)}`, () => {
        const { findings } = run('R-NUMBER-001', `number:\n  candidates: ${candidates}\n`);
        assert.deepEqual(values(findings), expected);
      });
    }
    it('names the reason from the segment data in both languages', () => {
      const { findings } = run('R-NUMBER-001', 'number:\n  candidates: ["95588"]\n');
      assert.match(findings[0]!.message['zh-cn'], /955 号段是服务型企事业单位的客户服务号码/);
      assert.match(findings[0]!.message.en, /customer-service numbers/);
    });
  });

  describe('R-NUMBER-003 fixes', () => {
    const cases: [string, unknown[][]][] = [
      ['["950888"]', [['95088', '952888']]],
      ['[950888]', [[95088, 952888]]],
      ['["950123"]', [['952123']]],
      ['["95288"]', [['952888']]],
      ['["95238"]', [[]]],
      ['["950888", "952888"]', [['95088']]],
    ];
    for (const [candidates, expected] of cases) {
      it(`${candidates} → ${JSON.stringify(expected)}`, () => {
        const { findings } = run('R-NUMBER-003', `number:\n  candidates: ${candidates}\n`);
        assert.deepEqual(values(findings), expected);
      });
    }
  });

  describe('R-NUMBER-004 thresholds', () => {
    const doc = (total: number, justification = ''): string =>
      `number:\n  candidates: ["95079"]\n  extension:\n    planned: true\n    total_length: ${total}\n${justification}`;
    const custom: Thresholds = { ...DEFAULT_THRESHOLDS, extension: { maxLength: 10, absoluteMaxLength: 12 } };
    const cases: [number, Thresholds | undefined, string[]][] = [
      [8, undefined, []],
      [9, undefined, ['warning']],
      [13, undefined, ['warning']],
      [14, undefined, ['error']],
      [10, custom, []],
      [11, custom, ['warning']],
      [13, custom, ['error']],
    ];
    for (const [total, thresholds, severities] of cases) {
      it(`total ${total} with ${thresholds ? '10/12' : 'default 8/13'} → [${severities.join(', ')}]`, () => {
        const { findings, covered } = run('R-NUMBER-004', doc(total), thresholds);
        assert.deepEqual(findings.map((f) => f.severity), severities);
        for (const c of covered) assert.equal(c, String(total));
      });
    }
    it('a real justification silences the 9–13 warning, a placeholder does not', () => {
      assert.equal(run('R-NUMBER-004', doc(10, '    justification: 为 3000 家门店分配 5 位子号码。\n')).findings.length, 0);
      assert.equal(run('R-NUMBER-004', doc(10, '    justification: TBD\n')).findings.length, 1);
    });
  });

  it('R-NUMBER-006 offers to declare the SMS non-commercial', () => {
    const { findings, covered } = run('R-NUMBER-006', 'number:\n  sms:\n    enabled: true\n');
    assert.deepEqual(covered, ['enabled']);
    const fix = findings[0]!.data.fixes?.[0];
    assert.ok(fix && fix.kind === 'insertProperty');
    assert.deepEqual([fix.path, fix.key, fix.value], [['number', 'sms'], 'commercial', false]);
  });

  it('R-NUMBER-007 underlines the businesses key and lists the missing points', () => {
    const missing = run('R-NUMBER-007', 'usage:\n  businesses: [国内呼叫中心业务, 存储转发类业务]\n');
    assert.deepEqual(missing.covered, ['businesses']);
    const partial = run(
      'R-NUMBER-007',
      'usage:\n  businesses: [国内呼叫中心业务, 存储转发类业务]\n  shared_number_statement: 不影响网间结算。\n',
    );
    assert.match(partial.findings[0]!.message['zh-cn'], /没有提到：不存在用户遗留问题、不影响接入资费。/);
  });

  describe('odd data never throws and stays silent where the schema reports', () => {
    const odd = [
      'number: null',
      'number: []',
      'number:\n  candidates: "95079"',
      'number:\n  candidates: [null, {}, [], true, 9.5e300, -95079, 95079.5, "", " "]',
      'number:\n  candidates: [99999999999999999999999]',
      'number:\n  extension: { planned: true, total_length: 1e9, variable: "yes", justification: 5 }',
      'number:\n  extension: { planned: "true", call_flow: 42, voice_prompts: "x" }',
      'number:\n  extension: { planned: false, voice_prompts: [null, 3, "待补充"] }',
      'number:\n  sms: { enabled: true, commercial: null, description: 7 }',
      'usage:\n  businesses: [1, null, 国内呼叫中心业务]\n  shared_number_statement: 3',
      'applicant:\n  existing_numbers: [null, 95128.5, {}, "95 128"]',
    ];
    for (const yaml of odd) {
      it(JSON.stringify(yaml), () => {
        const parsed = parseApplication(`apiVersion: miit95/v1\n${yaml}\n`);
        const findings = runRules(numberRules, parsed, { today: '2026-12-01' });
        assert.deepEqual(findings.filter((f) => f.code.startsWith('internal/')), []);
      });
    }
    it('an integer the schema rejects is not judged by the length rule', () => {
      assert.equal(run('R-NUMBER-003', 'number:\n  candidates: [9508, 9507912]\n').findings.length, 0);
    });
  });
});
