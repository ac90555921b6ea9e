/**
 * Every quick fix of the list, end to end in the core: a realistic application (the complete
 * sample with one mistake put in) is validated, the finding's fix (or grouped fix, or suppression)
 * is applied, and the exact text after is compared; the text after is validated again and the
 * finding of that rule is gone (a suppressed finding included). Also checks which fixes are safe.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  applyEdits,
  groupFixesFor,
  intentEdits,
  isSafeIntent,
  suppressionFix,
  validate,
  type Finding,
  type FixIntent,
  type TextEdit,
} from '../../../server/src/core';
import { edited } from '../../text-edits';

const REPO = path.resolve(__dirname, '../../..');
const COMPLETE = readFileSync(path.join(REPO, 'samples/complete/杭州云声.app95.yaml'), 'utf8');
const TODAY = '2026-12-01';

function findingsOf(text: string): readonly Finding[] {
  return validate(text, { today: TODAY }).findings;
}

type Pick = { readonly fix: number } | { readonly group: RegExp } | { readonly suppress: true };

interface Case {
  readonly name: string;
  /** The mistake, as replacements of the complete sample. */
  readonly mistake: readonly (readonly [string, string])[];
  readonly code: string;
  /** Which finding of that code, by the text it covers (the first one otherwise). */
  readonly covering?: string;
  readonly pick: Pick;
  /** The expected fix title (zh-cn) must match. */
  readonly title?: RegExp;
  /** The exact text after, as replacements of the text with the mistake. */
  readonly after: readonly (readonly [string, string])[];
  /** Whether the picked fix is safe (applied by fix-all). */
  readonly safe?: boolean;
  /** Other codes expected after the fix (e.g. a placeholder now flagged). */
  readonly expectAfter?: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: 'inserts a missing required property (block) with a placeholder from the schema example',
    mistake: [['  legal_rep: 王建国                     # 法定代表人\n', '']],
    code: 'schema/required',
    pick: { fix: 0 },
    title: /补充必填项“legal_rep”/,
    after: [
      [
        '  credit_code: 91330106MA2H7K3D4M     # 统一社会信用代码（18位）\n',
        '  credit_code: 91330106MA2H7K3D4M     # 统一社会信用代码（18位）\n  legal_rep: 待补充（示例：王建国）\n',
      ],
    ],
    safe: false,
  },
  {
    name: 'inserts a missing required property in flow style',
    mistake: [
      [
        '  contact:\n    name: 李敏\n    phone: 0571-88886666\n    mobile: "13900001111"\n    email: limin@yunsheng.example.cn\n',
        '  contact: { name: 李敏, phone: 0571-88886666, mobile: "13900001111" }\n',
      ],
    ],
    code: 'schema/required',
    pick: { fix: 0 },
    after: [['mobile: "13900001111" }', 'mobile: "13900001111", email: limin@yunsheng.example.cn }']],
  },
  {
    name: '"fill all missing required fields" of number.extension when an extension is planned',
    mistake: [
      ['    planned: false\n', '    planned: true\n'],
      ['    call_flow: >-\n', '    total_length: 8\n    call_flow: >-\n'],
    ],
    code: 'schema/required',
    pick: { group: /补全 number\.extension 缺少的全部 2 个必填项/ },
    after: [
      [
        '      - 当前坐席繁忙，预计等待时间约 1 分钟，留言回拨请按 9。\n',
        '      - 当前坐席繁忙，预计等待时间约 1 分钟，留言回拨请按 9。\n    necessity: 待补充\n    plan: 待补充\n',
      ],
    ],
    // The skeleton is visibly a placeholder: the explanation rule keeps asking for real text.
    expectAfter: ['R-NUMBER-005'],
  },
  {
    name: 'adds the call-flow and voice-prompt skeleton when no extension is planned',
    mistake: [[COMPLETE.slice(COMPLETE.indexOf('    call_flow: >-'), COMPLETE.indexOf('  sms:\n')), '']],
    code: 'schema/required',
    pick: { group: /补全 number\.extension 缺少的全部 2 个必填项/ },
    after: [
      [
        '    planned: false\n',
        '    planned: false\n    call_flow: 待补充\n    voice_prompts:\n      - 待补充（示例：您好，欢迎致电云声客户服务热线，本次通话可能会被录音。）\n',
      ],
    ],
    expectAfter: ['R-NUMBER-005'],
  },
  {
    name: 'renames a misspelt key to the suggestion (safe)',
    mistake: [['  business_model: 按坐席', '  bussiness_model: 按坐席']],
    code: 'schema/additionalProperties',
    pick: { fix: 0 },
    title: /将“bussiness_model”改为“business_model”/,
    after: [['  bussiness_model: 按坐席', '  business_model: 按坐席']],
    safe: true,
  },
  {
    name: 'replaces a misspelt enum value with the suggestion (safe)',
    mistake: [['    mode: 集中设置\n', '    mode: 集中\n']],
    code: 'schema/enum',
    pick: { fix: 0 },
    after: [['    mode: 集中\n', '    mode: 集中设置\n']],
    safe: true,
  },
  {
    name: 'removes an unknown property (not safe)',
    mistake: [
      ['  business_licence_file:', '  fax: 0571-88886667                  # 传真\n  business_licence_file:'],
    ],
    code: 'schema/additionalProperties',
    pick: { fix: 0 },
    title: /删除属性“fax”/,
    after: [['  fax: 0571-88886667                  # 传真\n', '']],
    safe: false,
  },
  {
    name: 'province short form → official name (safe)',
    mistake: [
      ['    - province: 上海市\n    - province: 安徽省', '    - province: 上海\n    - province: 安徽省'],
    ],
    code: 'R-COVERAGE-004',
    pick: { fix: 0 },
    after: [['    - province: 上海\n', '    - province: 上海市\n']],
    safe: true,
  },
  {
    name: 'city short form → official name (safe)',
    mistake: [['cities: [杭州市, 宁波市, 温州市]', 'cities: [杭州, 宁波市, 温州市]']],
    code: 'R-COVERAGE-004',
    pick: { fix: 0 },
    after: [['cities: [杭州, 宁波市, 温州市]', 'cities: [杭州市, 宁波市, 温州市]']],
    safe: true,
  },
  {
    name: 'a city under the wrong province → moved to its province (not safe)',
    mistake: [['cities: [杭州市, 宁波市, 温州市]', 'cities: [杭州市, 徐州市, 宁波市, 温州市]']],
    code: 'R-COVERAGE-004',
    pick: { fix: 0 },
    title: /把“徐州市”移到江苏省下/,
    after: [
      ['cities: [杭州市, 徐州市, 宁波市, 温州市]', 'cities: [杭州市, 宁波市, 温州市]'],
      ['cities: [南京市, 苏州市, 无锡市]', 'cities: [南京市, 苏州市, 无锡市, 徐州市]'],
    ],
    safe: false,
  },
  {
    name: 'a city whose province is not in the area → the province is added with it',
    mistake: [['cities: [杭州市, 宁波市, 温州市]', 'cities: [杭州市, 宁波市, 温州市, 成都市]']],
    code: 'R-COVERAGE-004',
    pick: { fix: 0 },
    title: /把“成都市”移到四川省下/,
    after: [
      ['cities: [杭州市, 宁波市, 温州市, 成都市]', 'cities: [杭州市, 宁波市, 温州市]'],
      [
        '    - province: 北京市\n  description:',
        '    - province: 北京市\n    - province: 四川省\n      cities: [成都市]\n  description:',
      ],
    ],
    expectAfter: ['R-COVERAGE-001'],
  },
  {
    name: 'a number of the wrong length for its segment → the corrected form',
    mistake: [['candidates: ["95079", "95128", "952388"]', 'candidates: ["95079", "950888", "952388"]']],
    code: 'R-NUMBER-003',
    pick: { fix: 1 },
    title: /改为“952888”（6 位的 952 号码）/,
    after: [['"950888"', '"952888"']],
    safe: false,
  },
  {
    name: '955 → explained, and 950/951 offered',
    mistake: [['candidates: ["95079", "95128", "952388"]', 'candidates: ["95579", "95128", "952388"]']],
    code: 'R-NUMBER-001',
    pick: { fix: 0 },
    title: /改为“95079”（955 号段不能申请；950 号段，5 位）/,
    after: [['"95579"', '"95079"']],
    safe: false,
  },
  {
    name: 'credit code with a wrong check character → the last character replaced, said so in the title',
    mistake: [['  credit_code: 91330106MA2H7K3D4M', '  credit_code: 91330106MA2H7K3D4N']],
    code: 'R-APPLICANT-001',
    pick: { fix: 0 },
    title: /校验位改为“M”.*前 17 位格式正确/,
    after: [['  credit_code: 91330106MA2H7K3D4N', '  credit_code: 91330106MA2H7K3D4M']],
    // Not safe: the typo is more likely among the first 17 characters, which the fix would hide.
    safe: false,
  },
  {
    name: 'licence number normalisation (safe)',
    mistake: [['  number: B2-20213456\n', '  number: " b2 – 2021 3456 号"\n']],
    code: 'R-LICENCE-002',
    pick: { fix: 0 },
    title: /改为标准写法“B2-20213456”/,
    after: [['  number: " b2 – 2021 3456 号"\n', '  number: "B2-20213456"\n']],
    safe: true,
  },
  {
    name: 'coverage outside the licence → the province removed from the area',
    mistake: [['广东省, 北京市]', '广东省]']],
    code: 'R-COVERAGE-001',
    pick: { fix: 0 },
    title: /从使用范围中删去北京市/,
    after: [['    - province: 北京市\n  description:', '  description:']],
    safe: false,
  },
  {
    name: 'coverage outside the licence → (separately) the province added to the licence coverage',
    mistake: [['广东省, 北京市]', '广东省]']],
    code: 'R-COVERAGE-001',
    pick: { fix: 1 },
    title: /把北京市补入许可证覆盖范围/,
    after: [['广东省]', '广东省, 北京市]']],
    safe: false,
  },
  {
    name: 'coverage outside the licence, several provinces → all added to the coverage at once',
    mistake: [['福建省, 广东省, 北京市]', '福建省]']],
    code: 'R-COVERAGE-001',
    pick: { group: /一次补充全部 2 项到 licence\.coverage/ },
    after: [['福建省]', '福建省, 广东省, 北京市]']],
  },
  {
    name: 'adds the schedule entry missing for a province of the area',
    mistake: [['  - province: 北京市\n    month_offset: 6\n', '']],
    code: 'R-SCHEDULE-001',
    pick: { fix: 0 },
    title: /补充北京市的开通安排/,
    after: [
      [
        '  - province: 广东省\n    month_offset: 5\n',
        '  - province: 广东省\n    month_offset: 5\n  - province: 北京市\n    month_offset: 5\n',
      ],
    ],
    safe: false,
  },
  {
    name: 'adds all missing schedule entries at once',
    mistake: [
      ['  - province: 北京市\n    month_offset: 6\n', ''],
      ['  - province: 上海市\n    month_offset: 2\n', ''],
    ],
    code: 'R-SCHEDULE-001',
    pick: { group: /一次补充全部 2 项到 schedule/ },
    after: [
      [
        '  - province: 广东省\n    month_offset: 5\n',
        '  - province: 广东省\n    month_offset: 5\n  - province: 上海市\n    month_offset: 5\n  - province: 北京市\n    month_offset: 5\n',
      ],
    ],
  },
  {
    name: 'a suppression comment above the line of a domain-rule finding',
    mistake: [['candidates: ["95079", "95128", "952388"]', 'candidates: ["95079", "950888", "952388"]']],
    code: 'R-NUMBER-003',
    pick: { suppress: true },
    title: /忽略 R-NUMBER-003/,
    after: [
      [
        '  candidates: ["95079"',
        '  # miit95-disable-next-line R-NUMBER-003 -- 请填写原因\n  candidates: ["95079"',
      ],
    ],
  },
];

function pickEdits(
  text: string,
  finding: Finding,
  findings: readonly Finding[],
  pick: Pick,
): { title: string; edits: readonly TextEdit[]; intent?: FixIntent } {
  const parsed = validate(text, { today: TODAY }).document;
  assert.ok(parsed);
  if ('fix' in pick) {
    const intent = finding.data.fixes?.[pick.fix];
    assert.ok(
      intent,
      `the finding has a fix #${pick.fix}: ${JSON.stringify(finding.data.fixes?.map((f) => f.title['zh-cn']))}`,
    );
    const edits = intentEdits(parsed, intent);
    assert.ok(edits && edits.length > 0, `fix "${intent.title['zh-cn']}" gives edits`);
    return { title: intent.title['zh-cn'], edits, intent };
  }
  if ('group' in pick) {
    const groups = groupFixesFor(parsed, finding, findings);
    const group = groups.find((g) => pick.group.test(g.title['zh-cn']));
    assert.ok(
      group,
      `a group fix ${String(pick.group)} among ${JSON.stringify(groups.map((g) => g.title['zh-cn']))}`,
    );
    return { title: group.title['zh-cn'], edits: group.edits };
  }
  const suppression = suppressionFix(parsed, finding, 'zh-cn');
  assert.ok(suppression);
  return { title: suppression.title['zh-cn'], edits: [suppression.edit] };
}

describe('quick fixes of the issue list (core, text before → after)', () => {
  it('the complete sample has no findings to start from', () => {
    assert.deepEqual(
      findingsOf(COMPLETE).map((f) => f.code),
      [],
    );
  });

  for (const c of CASES) {
    it(c.name, () => {
      const before = edited(COMPLETE, c.mistake);
      const findings = findingsOf(before);
      const finding = findings.find(
        (f) =>
          f.code === c.code &&
          (c.covering === undefined || before.slice(f.range.start, f.range.end) === c.covering),
      );
      assert.ok(finding, `a ${c.code} finding; got ${findings.map((f) => f.code).join(', ')}`);
      const { title, edits, intent } = pickEdits(before, finding, findings, c.pick);
      if (c.title) assert.match(title, c.title);
      if (c.safe !== undefined && intent) assert.equal(isSafeIntent(intent), c.safe, `safe: ${title}`);
      const after = applyEdits(before, edits);
      assert.equal(after, edited(before, c.after));

      const again = findingsOf(after);
      const same = again.filter((f) => f.code === c.code);
      assert.deepEqual(
        same.map((f) => `${f.code} ${after.slice(f.range.start, f.range.end)}`),
        [],
        'the finding is gone after the fix',
      );
      for (const code of c.expectAfter ?? [])
        assert.ok(
          again.some((f) => f.code === code),
          `${code} after the fix`,
        );
    });
  }
});
