// R-USAGE-* and R-COVERAGE-*: fix intents, the configurable coverage threshold, city resolution,
// the complete sample, and robustness on odd data. Where findings start is covered by the fixtures
// in test/rules/R-USAGE-*, R-COVERAGE-*.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_THRESHOLDS,
  parseApplication,
  runRules,
  type Finding,
  type FixIntent,
  type RuleModule,
  type Thresholds,
} from '../../../server/src/core';
import { usageRules } from '../../../server/src/core/rules/usage';
import { numberRules } from '../../../server/src/core/rules/number';
import { resolveCity, suggestCity } from '../../../server/src/core/rules/usage/places';

const SAMPLE = readFileSync(join(__dirname, '../../../samples/complete/杭州云声.app95.yaml'), 'utf8');

function rule(id: string): RuleModule {
  const found = usageRules.find((r) => r.id === id);
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

const fixes = (f: Finding | undefined): readonly FixIntent[] => f?.data.fixes ?? [];

describe('rules/usage', () => {
  it('registers R-USAGE-001/002 and R-COVERAGE-001…004 (005 is a hover)', () => {
    assert.deepEqual(
      usageRules.map((r) => r.id),
      ['R-USAGE-001', 'R-USAGE-002', 'R-COVERAGE-001', 'R-COVERAGE-002', 'R-COVERAGE-003', 'R-COVERAGE-004'],
    );
  });

  it('the complete sample gets no finding from the number and usage rules', () => {
    const findings = runRules([...numberRules, ...usageRules], parseApplication(SAMPLE), { today: '2026-11-28' });
    assert.deepEqual(findings.map((f) => `${f.code} ${f.message['zh-cn']}`), []);
  });

  describe('city resolution', () => {
    const cases: [string, string | undefined, string | undefined, boolean | undefined][] = [
      ['杭州市', '33', '杭州市', true],
      ['杭州', '33', '杭州市', false],
      ['杭州', '32', undefined, undefined],
      ['杭州', undefined, '杭州市', false],
      ['恩施州', '42', '恩施土家族苗族自治州', false],
      ['延边', undefined, '延边朝鲜族自治州', false],
      ['阿拉善盟', '15', '阿拉善盟', true],
      ['北京', '11', '北京市', false],
      ['朝阳区', '11', undefined, undefined],
      ['义乌市', '33', undefined, undefined],
    ];
    for (const [name, province, expected, official] of cases) {
      it(`${name} in ${province ?? 'any province'} → ${expected ?? 'none'}`, () => {
        const found = resolveCity(name, province);
        assert.equal(found?.city.name, expected);
        assert.equal(found?.official, official);
      });
    }
    it('suggests the closest city for a misspelt name', () => {
      assert.equal(suggestCity('杭洲市', '33')?.name, '杭州市');
      assert.equal(suggestCity('苏洲市')?.name, '苏州市');
      assert.equal(suggestCity('义乌市', '33'), undefined);
    });
  });

  describe('R-COVERAGE-001', () => {
    it('offers to remove the area entry or to add the province to the coverage', () => {
      const { findings, covered } = run(
        'R-COVERAGE-001',
        'licence:\n  coverage: [浙江省, 江苏省]\nusage:\n  area:\n    - province: 浙江省\n    - province: 江苏省\n    - province: 上海\n',
      );
      assert.deepEqual(covered, ['上海']);
      assert.deepEqual(
        fixes(findings[0]).map((f) => [f.kind, f.path, 'value' in f ? f.value : undefined]),
        [
          ['removeItem', ['usage', 'area', 2], undefined],
          ['appendItem', ['licence', 'coverage'], '上海市'],
        ],
      );
      assert.equal(findings[0]!.related?.length, 1);
    });
    it('a strict subset is a warning on the area key, offering each missing province', () => {
      const { findings, covered } = run(
        'R-COVERAGE-001',
        'licence:\n  coverage: [浙江, 江苏, 安徽]\nusage:\n  area:\n    - province: 浙江省\n',
      );
      assert.deepEqual(covered, ['area']);
      assert.equal(findings[0]!.severity, 'warning');
      assert.deepEqual(
        fixes(findings[0]).map((f) => ('value' in f ? f.value : undefined)),
        [{ province: '江苏省' }, { province: '安徽省' }],
      );
    });
    it('no subset warning when a province lies outside (the errors say it)', () => {
      const { findings } = run(
        'R-COVERAGE-001',
        'licence:\n  coverage: [浙江省, 江苏省]\nusage:\n  area:\n    - province: 浙江省\n    - province: 上海市\n',
      );
      assert.deepEqual(findings.map((f) => f.severity), ['error']);
    });
  });

  describe('R-COVERAGE-003 thresholds', () => {
    // 6 provinces, 12 cities: 4 municipalities + 8 listed cities.
    const area =
      'usage:\n  area:\n    - province: 北京市\n    - province: 天津市\n    - province: 上海市\n    - province: 重庆市\n' +
      '    - province: 浙江省\n      cities: [杭州市, 宁波市, 温州市, 绍兴市]\n' +
      '    - province: 江苏省\n      cities: [南京市, 苏州市, 无锡市, 常州市]\n';
    const with_ = (minProvinces: number, minCities: number, comparison: '>=' | '>'): Thresholds => ({
      ...DEFAULT_THRESHOLDS,
      coverage: { minProvinces, minCities, comparison },
    });
    const cases: [string, Thresholds | undefined, string[]][] = [
      ['default ≥6/≥12', undefined, []],
      ['strict >6/>12 ("超过")', with_(6, 12, '>'), ['provinces', 'cities']],
      ['>5/>11', with_(5, 11, '>'), []],
      ['≥7/≥12', with_(7, 12, '>='), ['provinces']],
      ['≥6/≥13', with_(6, 13, '>='), ['cities']],
    ];
    for (const [name, thresholds, expected] of cases) {
      it(name, () => {
        const { findings } = run('R-COVERAGE-003', area, thresholds);
        assert.deepEqual(
          findings.map((f) => (/省/.test(f.message['zh-cn'].slice(0, 12)) ? 'provinces' : 'cities')),
          expected,
        );
        for (const f of findings) assert.deepEqual(f.data.extra, { provinces: 6, cities: 12 });
      });
    }
    it('says "超过" for the strict comparison', () => {
      const { findings } = run('R-COVERAGE-003', area, with_(6, 12, '>'));
      assert.match(findings[0]!.message['zh-cn'], /超过 6 个省/);
      assert.match(findings[1]!.message.en, /more than 12 cities/);
    });
  });

  describe('R-COVERAGE-004 fixes', () => {
    it('moves a city to its province entry in one replacement of usage.area', () => {
      const { findings } = run(
        'R-COVERAGE-004',
        'usage:\n  area:\n    - province: 浙江省\n      cities: [杭州市, 苏州]\n    - province: 江苏省\n      cities: [南京市]\n',
      );
      const [move, remove] = fixes(findings[0]);
      assert.ok(move?.kind === 'replaceValue');
      assert.deepEqual(move.path, ['usage', 'area']);
      assert.deepEqual(move.value, [
        { province: '浙江省', cities: ['杭州市'] },
        { province: '江苏省', cities: ['南京市', '苏州市'] },
      ]);
      assert.deepEqual(remove && [remove.kind, remove.path], ['removeItem', ['usage', 'area', 0, 'cities', 1]]);
    });
    it('adds the province when the area has no entry for it, and drops an emptied city list', () => {
      const { findings } = run('R-COVERAGE-004', 'usage:\n  area:\n    - province: 浙江省\n      cities: [南京市]\n');
      const [move, remove] = fixes(findings[0]);
      assert.ok(move?.kind === 'replaceValue');
      assert.deepEqual(move.value, [{ province: '浙江省' }, { province: '江苏省', cities: ['南京市'] }]);
      assert.deepEqual(remove && [remove.kind, remove.path], ['removeProperty', ['usage', 'area', 0, 'cities']]);
    });
    it('does not touch the data it reads', () => {
      const text = 'apiVersion: miit95/v1\nusage:\n  area:\n    - province: 浙江省\n      cities: [南京市]\n';
      const parsed = parseApplication(text);
      const before = JSON.stringify(parsed.value);
      runRules([rule('R-COVERAGE-004')], parsed, { today: '2026-12-01' });
      assert.equal(JSON.stringify(parsed.value), before);
    });
    it('sets the province of a site to the city\'s province', () => {
      const { findings, covered } = run(
        'R-COVERAGE-004',
        'tech:\n  platform:\n    sites:\n      - { id: a, province: 浙江省, city: 南京市 }\n',
      );
      assert.deepEqual(covered, ['南京市']);
      const fix = fixes(findings[0])[0];
      assert.deepEqual(fix && fix.kind === 'replaceValue' && [fix.path, fix.value], [
        ['tech', 'platform', 'sites', 0, 'province'],
        '江苏省',
      ]);
    });
    it('offers did-you-mean as suggestion and fix', () => {
      const { findings } = run('R-COVERAGE-004', 'usage:\n  area:\n    - province: 浙江省\n      cities: [杭洲市]\n');
      assert.equal(findings[0]!.data.suggestion, '杭州市');
      const fix = fixes(findings[0])[0];
      assert.deepEqual(fix && fix.kind === 'replaceValue' && fix.value, '杭州市');
    });
  });

  it('R-USAGE-002 skips negated mentions and reports each keyword once per field', () => {
    const { findings } = run(
      'R-USAGE-002',
      'usage:\n  description: 不从事营销外呼。开展营销，营销为主。\n  business_model: 严禁推销。\n',
    );
    assert.deepEqual(findings.map((f) => f.message['zh-cn'].slice(0, 12)), ['号码用途中出现“营销”：']);
  });

  describe('odd data never throws', () => {
    const odd = [
      'usage: null',
      'usage: []',
      'usage:\n  area: 浙江省\n  customers: 3\n  description: 5\n  business_model: []',
      'usage:\n  area: [null, 3, [], { province: 5, cities: 浙江 }, { province: 浙江省, cities: [null, 3, ""] }]',
      'usage:\n  area: [{ province: 浙江省 }]\n  outbound_marketing: "true"\n  customers: [null, { name: 3, status: 意向 }]',
      'licence:\n  coverage: 全国\nusage:\n  area: [{ province: 浙江省 }]',
      'licence:\n  coverage: [null, 5, 全国]\nusage:\n  area: [{ province: 火星 }]',
      'tech:\n  platform: { sites: [null, { province: 3, city: [] }, { city: 火星市 }] }\n  access: { links: 5 }',
      'schedule: [null, { province: 京, city: 9 }, { city: "" }]',
      'schedule: {}',
    ];
    for (const yaml of odd) {
      it(JSON.stringify(yaml), () => {
        const parsed = parseApplication(`apiVersion: miit95/v1\n${yaml}\n`);
        const findings = runRules(usageRules, parsed, { today: '2026-12-01' });
        assert.deepEqual(findings.filter((f) => f.code.startsWith('internal/')), []);
      });
    }
  });
});
