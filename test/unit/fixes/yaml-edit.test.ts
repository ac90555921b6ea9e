/**
 * The fixer's text edits, table-driven: text before → fix intent → exact text after. Covers block
 * and flow collections, nested mappings and lists (indentation), CRLF, comments kept, quoting
 * (Chinese stays plain, numeric strings stay quoted), insertion by declared order, empty and
 * missing values, and structural replacement (only what differs is edited).
 */
import { strict as assert } from 'node:assert';
import {
  applyEdits,
  editsConflict,
  intentEdits,
  intentsEdits,
  normalizeEdits,
  parseApplication,
  type DataPath,
  type FixIntent,
} from '../../../server/src/core';

const T = { 'zh-cn': 't', en: 't' };
const ORDER: Readonly<Record<string, readonly string[]>> = {
  '': ['apiVersion', 'application', 'applicant', 'licence', 'number', 'usage', 'tech', 'schedule'],
  applicant: ['name', 'credit_code', 'legal_rep', 'contact', 'business_licence_file'],
  'number.extension': ['planned', 'call_flow', 'voice_prompts', 'necessity', 'plan', 'total_length'],
};
const order = (path: DataPath): readonly string[] => ORDER[path.join('.')] ?? [];

const replace = (path: DataPath, value: unknown): FixIntent => ({ kind: 'replaceValue', path, value, title: T });
const insert = (path: DataPath, key: string, value: unknown): FixIntent => ({ kind: 'insertProperty', path, key, value, title: T });
const removeProperty = (path: DataPath): FixIntent => ({ kind: 'removeProperty', path, title: T });
const rename = (path: DataPath, newKey: string): FixIntent => ({ kind: 'renameKey', path, newKey, title: T });
const append = (path: DataPath, value: unknown): FixIntent => ({ kind: 'appendItem', path, value, title: T });
const removeItem = (path: DataPath): FixIntent => ({ kind: 'removeItem', path, title: T });

function fixed(before: string, intents: FixIntent | readonly FixIntent[]): string | undefined {
  const list = Array.isArray(intents) ? (intents as readonly FixIntent[]) : [intents as FixIntent];
  const edits = intentsEdits(parseApplication(before), list, { order });
  return edits === undefined ? undefined : applyEdits(before, edits);
}

interface Case {
  readonly name: string;
  readonly before: string;
  readonly intent: FixIntent | readonly FixIntent[];
  /** The exact text after; undefined when the fix must not be offered. */
  readonly after: string | undefined;
}

const CASES: readonly Case[] = [
  // ---- replace a value ----
  {
    name: 'replaces a plain scalar, keeping the aligned trailing comment',
    before: 'applicant:\n  credit_code: 91330106MA2H7K3D4X     # 统一社会信用代码\n',
    intent: replace(['applicant', 'credit_code'], '91330106MA2H7K3D4M'),
    after: 'applicant:\n  credit_code: 91330106MA2H7K3D4M     # 统一社会信用代码\n',
  },
  {
    name: 'replaces an item of a flow list, Chinese unquoted',
    before: 'licence:\n  coverage: [浙江, 江苏, 上海]\n',
    intent: replace(['licence', 'coverage', 1], '江苏省'),
    after: 'licence:\n  coverage: [浙江, 江苏省, 上海]\n',
  },
  {
    name: 'keeps double quotes of a quoted number string',
    before: 'number:\n  candidates: ["9508", "950888"]\n',
    intent: replace(['number', 'candidates', 1], '95088'),
    after: 'number:\n  candidates: ["9508", "95088"]\n',
  },
  {
    name: 'quotes a new string that would otherwise read as a number',
    before: 'number:\n  candidates: [x]\n',
    intent: replace(['number', 'candidates', 0], '95079'),
    after: 'number:\n  candidates: ["95079"]\n',
  },
  {
    name: 'quotes a value with a comma inside a flow list',
    before: 'a: [x, y]\n',
    intent: replace(['a', 0], '甲, 乙'),
    after: 'a: ["甲, 乙", y]\n',
  },
  {
    name: 'keeps single quotes',
    before: "licence:\n  number: 'b2 - 20110196'\n",
    intent: replace(['licence', 'number'], 'B2-20110196'),
    after: "licence:\n  number: 'B2-20110196'\n",
  },
  {
    name: 'replaces a value in a flow mapping inside a block list',
    before: 'tech:\n  access:\n    links:\n      - { id: ct, province: 江苏, city: 南京市 }\n',
    intent: replace(['tech', 'access', 'links', 0, 'province'], '江苏省'),
    after: 'tech:\n  access:\n    links:\n      - { id: ct, province: 江苏省, city: 南京市 }\n',
  },
  {
    name: 'replaces a folded block scalar with one line',
    before: 'usage:\n  description: >-\n    第一行\n    第二行\n  outbound_marketing: false\n',
    intent: replace(['usage', 'description'], '新的说明'),
    after: 'usage:\n  description: 新的说明\n  outbound_marketing: false\n',
  },
  {
    name: 'fills an empty value after the colon, before its comment',
    before: 'pledge:\n  sealed:    # 是否盖章\n  date: 2026-11-25\n',
    intent: replace(['pledge', 'sealed'], true),
    after: 'pledge:\n  sealed: true    # 是否盖章\n  date: 2026-11-25\n',
  },
  {
    name: 'turns a scalar into a block list after the line comment',
    before: 'number:\n  extension:\n    voice_prompts: 无   # 待补充\n    planned: false\n',
    intent: replace(['number', 'extension', 'voice_prompts'], ['您好，欢迎致电。', '人工服务请按 0，查询请按 1，投诉建议请按 2，其他请按 9。']),
    after:
      'number:\n  extension:\n    voice_prompts:   # 待补充\n      - 您好，欢迎致电。\n      - 人工服务请按 0，查询请按 1，投诉建议请按 2，其他请按 9。\n    planned: false\n',
  },
  {
    name: 'a missing property is inserted into its mapping',
    before: 'outbound:\n  enabled: true\n',
    intent: replace(['outbound', 'purpose'], '回访'),
    after: 'outbound:\n  enabled: true\n  purpose: 回访\n',
  },
  {
    name: 'keeps CRLF line breaks',
    before: 'usage:\r\n  area:\r\n    - province: 浙江\r\n      cities: [杭州市]\r\n',
    intent: replace(['usage', 'area', 0, 'province'], '浙江省'),
    after: 'usage:\r\n  area:\r\n    - province: 浙江省\r\n      cities: [杭州市]\r\n',
  },
  {
    name: 'moves a city between flow lists without touching the rest (structural replace)',
    before:
      'usage:\n  area:\n    - province: 浙江省   # 主要\n      cities: [杭州市, 苏州市]\n    - province: 江苏省\n      cities: [南京市]   # 省会\n',
    intent: replace(
      ['usage', 'area'],
      [
        { province: '浙江省', cities: ['杭州市'] },
        { province: '江苏省', cities: ['南京市', '苏州市'] },
      ],
    ),
    after:
      'usage:\n  area:\n    - province: 浙江省   # 主要\n      cities: [杭州市]\n    - province: 江苏省\n      cities: [南京市, 苏州市]   # 省会\n',
  },
  {
    name: 'moves the only city of a block list into a new entry of its own province',
    before: 'usage:\n  area:\n    - province: 河北省\n      cities:\n        - 北京市   # 写错了\n    - province: 浙江省\n',
    intent: replace(['usage', 'area'], [{ province: '河北省' }, { province: '浙江省' }, { province: '北京市' }]),
    after: 'usage:\n  area:\n    - province: 河北省\n    - province: 浙江省\n    - province: 北京市\n',
  },

  // ---- insert a property ----
  {
    name: 'inserts after the last property of a nested block mapping, by declared order',
    before: 'number:\n  extension:\n    planned: true\n    call_flow: 用户拨打后接入平台。\n  sms:\n    enabled: false\n',
    intent: insert(['number', 'extension'], 'necessity', '待补充'),
    after: 'number:\n  extension:\n    planned: true\n    call_flow: 用户拨打后接入平台。\n    necessity: 待补充\n  sms:\n    enabled: false\n',
  },
  {
    name: 'inserts between properties by declared order, keeping the comments of the next one',
    before: 'applicant:\n  name: 公司\n  # 法定代表人\n  legal_rep: 王建国\n',
    intent: insert(['applicant'], 'credit_code', '91330106MA2H7K3D4M'),
    after: 'applicant:\n  name: 公司\n  credit_code: 91330106MA2H7K3D4M\n  # 法定代表人\n  legal_rep: 王建国\n',
  },
  {
    name: 'inserts before the first property when it comes first, above its comment',
    before: 'applicant:\n  # 信用代码\n  credit_code: 91330106MA2H7K3D4M\n',
    intent: insert(['applicant'], 'name', '公司'),
    after: 'applicant:\n  name: 公司\n  # 信用代码\n  credit_code: 91330106MA2H7K3D4M\n',
  },
  {
    name: 'inserts a nested mapping and a short list in the sample style',
    before: 'applicant:\n  name: 公司\n  legal_rep: 王建国\n',
    intent: insert(['applicant'], 'contact', { name: '李敏', phone: '0571-88886666', tags: ['甲', '乙'] }),
    after: 'applicant:\n  name: 公司\n  legal_rep: 王建国\n  contact:\n    name: 李敏\n    phone: 0571-88886666\n    tags: [甲, 乙]\n',
  },
  {
    name: 'inserts a whole section at the top level with the blank-line rhythm of the document',
    before: 'apiVersion: miit95/v1\n\napplicant:\n  name: 公司\n\nusage:\n  businesses: [国内呼叫中心业务]\n',
    intent: insert([], 'number', { candidates: ['95079'], extension: { planned: false } }),
    after:
      'apiVersion: miit95/v1\n\napplicant:\n  name: 公司\n\nnumber:\n  candidates: ["95079"]\n  extension:\n    planned: false\n\nusage:\n  businesses: [国内呼叫中心业务]\n',
  },
  {
    name: 'inserts into a flow mapping',
    before: 'applicant:\n  contact: { name: 李敏, phone: 0571-88886666 }\n',
    intent: insert(['applicant', 'contact'], 'email', 'limin@example.cn'),
    after: 'applicant:\n  contact: { name: 李敏, phone: 0571-88886666, email: limin@example.cn }\n',
  },
  {
    name: 'inserts into an empty flow mapping of a block mapping: it becomes a block mapping',
    before: 'outbound: {}\n',
    intent: insert(['outbound'], 'enabled', false),
    after: 'outbound:\n  enabled: false\n',
  },
  {
    name: 'inserts into an empty flow mapping inside a flow list: it stays flow',
    before: 'links: [{}]\n',
    intent: insert(['links', 0], 'id', 'ct'),
    after: 'links: [{ id: ct }]\n',
  },
  {
    name: 'fills an empty mapping value, keeping its comment on the key line',
    before: 'number:\n  extension:    # 材料6\n  sms:\n    enabled: false\n',
    intent: insert(['number', 'extension'], 'planned', false),
    after: 'number:\n  extension:    # 材料6\n    planned: false\n  sms:\n    enabled: false\n',
  },
  {
    name: 'inserts into the mapping of a list item (indented under the dash)',
    before: 'schedule:\n  - province: 浙江省\n  - province: 江苏省\n    month_offset: 2\n',
    intent: insert(['schedule', 0], 'month_offset', 1),
    after: 'schedule:\n  - province: 浙江省\n    month_offset: 1\n  - province: 江苏省\n    month_offset: 2\n',
  },
  {
    name: 'inserts into a mapping with CRLF line breaks',
    before: 'number:\r\n  extension:\r\n    planned: false\r\n',
    intent: insert(['number', 'extension'], 'voice_prompts', ['您好。']),
    after: 'number:\r\n  extension:\r\n    planned: false\r\n    voice_prompts: [您好。]\r\n',
  },
  {
    name: 'inserts at the end of a file without a final line break',
    before: 'outbound:\n  enabled: true',
    intent: insert(['outbound'], 'purpose', '回访'),
    after: 'outbound:\n  enabled: true\n  purpose: 回访',
  },
  {
    name: 'several properties into one mapping land in declared order',
    before: 'number:\n  extension:\n    planned: true\n  sms:\n    enabled: false\n',
    intent: [
      insert(['number', 'extension'], 'necessity', '待补充'),
      insert(['number', 'extension'], 'plan', '待补充'),
      insert(['number', 'extension'], 'total_length', 8),
    ],
    after: 'number:\n  extension:\n    planned: true\n    necessity: 待补充\n    plan: 待补充\n    total_length: 8\n  sms:\n    enabled: false\n',
  },
  {
    name: 'an existing property is set, not duplicated',
    before: 'outbound:\n  enabled: true\n',
    intent: insert(['outbound'], 'enabled', false),
    after: 'outbound:\n  enabled: false\n',
  },

  // ---- remove a property ----
  {
    name: 'removes a property line with its trailing comment',
    before: 'applicant:\n  name: 公司\n  fax: 0571-88886667      # 传真\n  legal_rep: 王建国\n',
    intent: removeProperty(['applicant', 'fax']),
    after: 'applicant:\n  name: 公司\n  legal_rep: 王建国\n',
  },
  {
    name: 'removes a property with a nested block value',
    before: 'usage:\n  area:\n    - province: 北京市\n      cities:\n        - 朝阳区\n  outbound_marketing: false\n',
    intent: removeProperty(['usage', 'area', 0, 'cities']),
    after: 'usage:\n  area:\n    - province: 北京市\n  outbound_marketing: false\n',
  },
  {
    name: 'removes the first property of a list item: the next one moves onto the dash line',
    before: 'links:\n  - fax: 1\n    id: ct\n',
    intent: removeProperty(['links', 0, 'fax']),
    after: 'links:\n  - id: ct\n',
  },
  {
    name: 'removes from a flow mapping',
    before: 'contact: { name: 李敏, fax: 123, phone: 0571-88886666 }\n',
    intent: removeProperty(['contact', 'fax']),
    after: 'contact: { name: 李敏, phone: 0571-88886666 }\n',
  },
  {
    name: 'removing the only property leaves an empty mapping',
    before: 'applicant:\n  contact:\n    fax: 123\n  name: 公司\n',
    intent: removeProperty(['applicant', 'contact', 'fax']),
    after: 'applicant:\n  contact: {}\n  name: 公司\n',
  },

  // ---- rename a key ----
  {
    name: 'renames a key, keeping value and comment',
    before: 'usage:\n  bussiness_model: 按坐席收费   # 商业模式\n',
    intent: rename(['usage', 'bussiness_model'], 'business_model'),
    after: 'usage:\n  business_model: 按坐席收费   # 商业模式\n',
  },
  {
    name: 'renames a key of a flow mapping',
    before: 'contact: { nmae: 李敏 }\n',
    intent: rename(['contact', 'nmae'], 'name'),
    after: 'contact: { name: 李敏 }\n',
  },

  // ---- append an item ----
  {
    name: 'appends a mapping to a block list with the list indentation',
    before: 'schedule:\n  - province: 浙江省\n    month_offset: 1   # 首期\n\n# 材料9\ndialing: {}\n',
    intent: append(['schedule'], { province: '北京市', month_offset: 1 }),
    after: 'schedule:\n  - province: 浙江省\n    month_offset: 1   # 首期\n  - province: 北京市\n    month_offset: 1\n\n# 材料9\ndialing: {}\n',
  },
  {
    name: 'appends to a zero-indented block list',
    before: 'schedule:\n- province: 浙江省\n  month_offset: 1\n',
    intent: append(['schedule'], { province: '北京市', month_offset: 2 }),
    after: 'schedule:\n- province: 浙江省\n  month_offset: 1\n- province: 北京市\n  month_offset: 2\n',
  },
  {
    name: 'appends to a flow list',
    before: 'licence:\n  coverage: [浙江省, 江苏省]   # 许可证附页\n',
    intent: append(['licence', 'coverage'], '上海市'),
    after: 'licence:\n  coverage: [浙江省, 江苏省, 上海市]   # 许可证附页\n',
  },
  {
    name: 'appends a mapping to an empty flow list as a block list',
    before: 'schedule: []   # 待补充\n',
    intent: append(['schedule'], { province: '浙江省', month_offset: 1 }),
    after: 'schedule:   # 待补充\n  - province: 浙江省\n    month_offset: 1\n',
  },
  {
    name: 'appends to a missing list by creating it',
    before: 'pledge:\n  sealed: true\n',
    intent: append(['pledge', 'commitments'], 'pay_fees'),
    after: 'pledge:\n  sealed: true\n  commitments: [pay_fees]\n',
  },

  // ---- remove an item ----
  {
    name: 'removes an item of a block list with its lines',
    before: 'usage:\n  area:\n    - province: 浙江省\n      cities: [杭州市]\n    - province: 北京市   # 不在许可证内\n    - province: 上海市\n',
    intent: removeItem(['usage', 'area', 1]),
    after: 'usage:\n  area:\n    - province: 浙江省\n      cities: [杭州市]\n    - province: 上海市\n',
  },
  {
    name: 'removes the last item of a flow list',
    before: 'cities: [杭州市, 宁波市, 苏州市]\n',
    intent: removeItem(['cities', 2]),
    after: 'cities: [杭州市, 宁波市]\n',
  },
  {
    name: 'removes the first item of a flow list',
    before: 'cities: [苏州市, 杭州市]\n',
    intent: removeItem(['cities', 0]),
    after: 'cities: [杭州市]\n',
  },
  {
    name: 'removes several items of one list as one change',
    before: 'cities: [杭州市, 宁波市, 苏州市, 南京市]\n',
    intent: [removeItem(['cities', 2]), removeItem(['cities', 3]), removeItem(['cities', 0])],
    after: 'cities: [宁波市]\n',
  },
  {
    name: 'removing the only item leaves an empty list',
    before: 'usage:\n  area:\n    - province: 北京市\n  description: 说明\n',
    intent: removeItem(['usage', 'area', 0]),
    after: 'usage:\n  area: []\n  description: 说明\n',
  },

  // ---- not offered ----
  {
    name: 'no fix through an alias',
    before: 'base: &b\n  province: 浙江\nother: *b\n',
    intent: replace(['other', 'province'], '浙江省'),
    after: undefined,
  },
  {
    name: 'no fix for a path whose parent is missing',
    before: 'a: 1\n',
    intent: removeItem(['b', 0]),
    after: undefined,
  },
];

describe('fixer: fix intent → text edits', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const actual = fixed(c.before, c.intent);
      assert.equal(actual, c.after);
      if (actual !== undefined) {
        assert.deepEqual(parseApplication(actual).errors, [], 'the result parses without errors');
      }
    });
  }

  it('a fix the document already satisfies gives no edits', () => {
    const parsed = parseApplication('outbound:\n  enabled: true\n');
    assert.deepEqual(intentEdits(parsed, replace(['outbound', 'enabled'], true)), []);
  });

  it('edits are offsets into the original text and never overlap', () => {
    const before = 'a: [x, y, z]\nb: 1\n';
    const edits = intentsEdits(parseApplication(before), [replace(['a', 0], 'p'), replace(['a', 2], 'q'), replace(['b'], 2)]);
    assert.ok(edits);
    for (let i = 1; i < edits.length; i++) assert.ok((edits[i]?.start ?? 0) >= (edits[i - 1]?.end ?? 0));
    assert.equal(applyEdits(before, edits), 'a: [p, y, q]\nb: 2\n');
  });
});

describe('text edits', () => {
  it('joins insertions at one offset in order and drops no-ops', () => {
    assert.deepEqual(
      normalizeEdits([
        { start: 3, end: 3, newText: 'b' },
        { start: 1, end: 2, newText: 'X' },
        { start: 3, end: 3, newText: 'c' },
        { start: 5, end: 5, newText: '' },
      ]),
      [
        { start: 1, end: 2, newText: 'X' },
        { start: 3, end: 3, newText: 'bc' },
      ],
    );
  });

  it('detects conflicts: overlap and two insertions at one point, not mere adjacency', () => {
    assert.equal(editsConflict({ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }), true);
    assert.equal(editsConflict({ start: 0, end: 3, newText: '' }, { start: 3, end: 4, newText: '' }), false);
    assert.equal(editsConflict({ start: 2, end: 2, newText: 'a' }, { start: 2, end: 2, newText: 'b' }), true);
    assert.equal(editsConflict({ start: 2, end: 2, newText: 'a' }, { start: 0, end: 2, newText: '' }), false);
    assert.equal(editsConflict({ start: 1, end: 1, newText: 'a' }, { start: 0, end: 2, newText: '' }), true);
  });

  it('applyEdits refuses overlapping edits', () => {
    assert.throws(() =>
      applyEdits('abcdef', [
        { start: 0, end: 3, newText: '' },
        { start: 2, end: 4, newText: '' },
      ]),
    );
  });
});
