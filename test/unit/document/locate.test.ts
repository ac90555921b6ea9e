/** The locator: the text covered for each path and target, asserted on the covered text. */
import { strict as assert } from 'node:assert';
import { locate } from '../../../server/src/core/document/locate';
import { parseApplication } from '../../../server/src/core/document/parse';
import type { DataPath, Target } from '../../../server/src/core/types';

const DOC = `apiVersion: miit95/v1
# 申请单位
applicant:
  name: 杭州云声信息技术有限公司
  credit_code: 91330106MA2H7K3D4M     # 统一社会信用代码
  "quoted key": 'quoted value'   # c
  empty:
  contact:
    phone: 0571-88886666   # 电话
    # trailing comment inside the mapping

  existing_numbers: []
number:
  candidates: ["95079", 95128, '952388']   # 候选
  call_flow: >-
    用户拨打 95079 后，
    进入 IVR 菜单。

  voice_prompts:
    - 您好，欢迎致电。   # 第一条
    - 请按 1。
    # after the last item
usage:
  area:
    - province: 浙江省
      cities: [杭州市, 宁波市]
    - province: 上海市
`;

interface Case {
  readonly path: DataPath;
  readonly target: Target;
  readonly covered: string;
  readonly exact?: boolean;
}

describe('locate', () => {
  const parsed = parseApplication(DOC);
  const cases: Case[] = [
    { path: ['applicant', 'credit_code'], target: 'key', covered: 'credit_code' },
    { path: ['applicant', 'credit_code'], target: 'value', covered: '91330106MA2H7K3D4M' },
    { path: ['applicant', 'credit_code'], target: 'node', covered: 'credit_code: 91330106MA2H7K3D4M' },
    { path: ['applicant', 'quoted key'], target: 'key', covered: '"quoted key"' },
    { path: ['applicant', 'quoted key'], target: 'value', covered: "'quoted value'" },
    { path: ['applicant', 'empty'], target: 'value', covered: 'empty' }, // empty value → the key
    { path: ['applicant', 'empty'], target: 'key', covered: 'empty' },
    { path: ['applicant', 'contact'], target: 'key', covered: 'contact' },
    { path: ['applicant', 'contact'], target: 'value', covered: 'phone: 0571-88886666' }, // no comment
    { path: ['applicant', 'existing_numbers'], target: 'value', covered: '[]' },
    { path: ['applicant'], target: 'value', covered: DOC.slice(DOC.indexOf('name:'), DOC.indexOf('[]') + 2) },
    { path: ['number', 'candidates', 0], target: 'value', covered: '"95079"' },
    { path: ['number', 'candidates', 1], target: 'value', covered: '95128' },
    { path: ['number', 'candidates', '2'], target: 'value', covered: "'952388'" }, // numeric string index
    { path: ['number', 'candidates'], target: 'value', covered: '["95079", 95128, \'952388\']' },
    {
      path: ['number', 'call_flow'],
      target: 'value',
      covered: '>-\n    用户拨打 95079 后，\n    进入 IVR 菜单。',
    },
    { path: ['number', 'voice_prompts', 0], target: 'value', covered: '您好，欢迎致电。' },
    {
      path: ['number', 'voice_prompts'],
      target: 'value',
      covered: '- 您好，欢迎致电。   # 第一条\n    - 请按 1。',
    },
    { path: ['number', 'voice_prompts', 1], target: 'key', covered: '请按 1。' },
    { path: ['usage', 'area', 0], target: 'key', covered: 'province: 浙江省' }, // an item's head
    {
      path: ['usage', 'area', 0],
      target: 'value',
      covered: 'province: 浙江省\n      cities: [杭州市, 宁波市]',
    },
    { path: ['usage', 'area', 0, 'cities', 1], target: 'value', covered: '宁波市' },
    { path: ['usage', 'area', 1, 'province'], target: 'value', covered: '上海市' },
    // Paths that do not fully exist: the key (or head) of the deepest existing node.
    { path: ['applicant', 'legal_rep'], target: 'key', covered: 'applicant', exact: false },
    { path: ['applicant', 'contact', 'email'], target: 'value', covered: 'contact', exact: false },
    { path: ['usage', 'area', 5, 'province'], target: 'value', covered: 'area', exact: false },
    { path: ['usage', 'area', 1, 'cities'], target: 'key', covered: 'province: 上海市', exact: false },
    { path: ['applicant', 'name', 'first'], target: 'value', covered: 'name', exact: false }, // through a scalar
    { path: ['nothing', 'here'], target: 'value', covered: 'apiVersion', exact: false },
    // The root.
    { path: [], target: 'key', covered: 'apiVersion' },
    { path: [], target: 'value', covered: 'apiVersion' },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.path)} ${c.target} → ${JSON.stringify(c.covered)}`, () => {
      const location = locate(parsed, c.path, c.target);
      assert.equal(DOC.slice(location.range.start, location.range.end), c.covered);
      assert.equal(location.exact, c.exact ?? true);
      assert.equal(location.related, undefined);
    });
  }

  it('the root head is the first key when apiVersion is absent', () => {
    const text = '# comment\n\nnumber:\n  candidates: []\n';
    const location = locate(parseApplication(text), [], 'key');
    assert.equal(text.slice(location.range.start, location.range.end), 'number');
  });

  it('duplicate keys: the last one wins, as in the data', () => {
    const text = 'a: 1\nb: 2\na: 3\n';
    const parsed = parseApplication(text);
    assert.deepEqual(parsed.value, { a: 3, b: 2 });
    const location = locate(parsed, ['a'], 'value');
    assert.equal(location.range.start, text.lastIndexOf('3'));
  });

  describe('aliases', () => {
    const text = `base: &site
  city: 杭州市
  seats: 80
sites:
  - *site
  - city: 宁波市
same: *site
`;
    const parsed = parseApplication(text);

    const cases: [DataPath, Target, string, boolean][] = [
      [['sites', 0, 'city'], 'value', '*site', false],
      [['sites', 0], 'value', '*site', true],
      [['same', 'seats'], 'value', '*site', false],
      [['same'], 'node', '*site', true],
    ];
    for (const [path, target, expected, exact] of cases) {
      it(`${JSON.stringify(path)} stops at the alias and points at the anchor`, () => {
        const location = locate(parsed, path, target);
        assert.equal(text.slice(location.range.start, location.range.end), expected);
        assert.equal(location.exact, exact);
        const related = location.related?.[0];
        assert.ok(related);
        assert.equal(text.slice(related.range.start, related.range.end), '&site');
        assert.ok(related.message['zh-cn'].includes('&site') && related.message.en.includes('&site'));
      });
    }

    it('the key of a pair whose value is an alias is the key itself', () => {
      const location = locate(parsed, ['same'], 'key');
      assert.equal(text.slice(location.range.start, location.range.end), 'same');
      assert.equal(location.related, undefined);
    });

    it('a path not through the alias is unaffected', () => {
      const location = locate(parsed, ['sites', 1, 'city'], 'value');
      assert.equal(text.slice(location.range.start, location.range.end), '宁波市');
      assert.equal(location.related, undefined);
    });
  });

  describe('line endings and BOM', () => {
    const lf =
      'apiVersion: miit95/v1\napplicant:\n  name: 杭州   # c\n  credit_code: "9133"\nlist:\n  - a\n  - b   # c\n';
    const variants: [string, string][] = [
      ['LF', lf],
      ['CRLF', lf.replace(/\n/g, '\r\n')],
      ['BOM + CRLF', `\uFEFF${lf.replace(/\n/g, '\r\n')}`],
    ];
    const targets: [DataPath, Target, string][] = [
      [['applicant', 'name'], 'value', '杭州'],
      [['applicant', 'name'], 'key', 'name'],
      [['applicant', 'credit_code'], 'value', '"9133"'],
      [['list', 1], 'value', 'b'],
      [['list'], 'key', 'list'],
      [[], 'key', 'apiVersion'],
    ];
    for (const [name, text] of variants) {
      for (const [path, target, expected] of targets) {
        it(`${name}: ${JSON.stringify(path)} ${target} → ${expected}`, () => {
          const location = locate(parseApplication(text), path, target);
          assert.equal(text.slice(location.range.start, location.range.end), expected);
        });
      }
      it(`${name}: a multi-line value ends before the line break`, () => {
        const location = locate(parseApplication(text), ['list'], 'value');
        const covered = text.slice(location.range.start, location.range.end);
        assert.ok(covered.startsWith('- a') && covered.endsWith('- b'), JSON.stringify(covered));
      });
    }
  });
});
