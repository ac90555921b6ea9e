/**
 * ajv errors → findings: the range chosen per keyword (asserted on the covered text), the codes,
 * suggestions and fix intents, and which errors are kept (if / anyOf / oneOf / merged types).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate, type Finding } from '../../../server/src/core';
import { getApplicationValidator } from '../../../server/src/core/schema/registry';
import { testValidator, VALID_TEST_DOC } from './fixture-schemas';

function check(text: string): Finding[] {
  return [...validate(text, { schema: testValidator(), rules: [] }).findings];
}

function covered(text: string, finding: Finding): string {
  return text.slice(finding.range.start, finding.range.end);
}

/** Replaces exactly one occurrence, so a typo in a test case cannot silently leave the text valid. */
function edit(from: string, to: string): string {
  const index = VALID_TEST_DOC.indexOf(from);
  assert.ok(index >= 0 && VALID_TEST_DOC.indexOf(from, index + 1) < 0, `"${from}" must occur exactly once`);
  return VALID_TEST_DOC.slice(0, index) + to + VALID_TEST_DOC.slice(index + from.length);
}

describe('schema findings', () => {
  it('the valid test document has no findings', () => {
    assert.deepEqual(check(VALID_TEST_DOC), []);
  });

  interface Case {
    readonly name: string;
    readonly text: string;
    readonly code: string;
    readonly covered: string;
    readonly zh?: readonly string[];
    readonly en?: readonly string[];
  }

  const cases: Case[] = [
    {
      name: 'required → the parent key',
      text: edit('  credit_code: 91330106MA2H7K3D4M   # 18 位\n', ''),
      code: 'schema/required',
      covered: 'applicant',
      zh: ['缺少必填项', '统一社会信用代码', 'applicant.credit_code'],
      en: ['Missing required property', 'Unified social credit code'],
    },
    {
      name: 'required at the root → the apiVersion key',
      text: edit(
        'applicant:\n  name: 杭州云声            # 单位名称\n  credit_code: 91330106MA2H7K3D4M   # 18 位\n  registered_capital_cny: 50000000\n  email: limin@yunsheng.example.cn\n  founded: 2020-05-01\n',
        '',
      ),
      code: 'schema/required',
      covered: 'apiVersion',
      zh: ['applicant'],
    },
    {
      name: 'required at the root without apiVersion → the first key',
      text: edit('apiVersion: miit95/v1\n', ''),
      code: 'schema/required',
      covered: 'applicant',
      zh: ['格式版本（apiVersion）'],
      en: ['Format version (apiVersion)'],
    },
    {
      name: 'required in an array item → the item head',
      text: edit('  - province: 上海市\n    month_offset: 2\n', '  - month_offset: 2\n'),
      code: 'schema/required',
      covered: 'month_offset: 2',
      zh: ['schedule[1].province'],
    },
    {
      name: 'required from then (if dropped)',
      text: edit('  enabled: false', '  enabled: true'),
      code: 'schema/required',
      covered: 'outbound',
      zh: ['outbound.purpose'],
    },
    {
      name: 'additionalProperties → the extra key, with a suggestion',
      text: edit('credit_code: 9133', 'credit_cod: 9133'),
      code: 'schema/additionalProperties',
      covered: 'credit_cod',
      zh: ['“credit_cod”', '是否应为“credit_code”'],
      en: ['"credit_cod"', 'Did you mean "credit_code"?'],
    },
    {
      name: 'additionalProperties at the root',
      text: `${VALID_TEST_DOC}extra_section: 1\n`,
      code: 'schema/additionalProperties',
      covered: 'extra_section',
      zh: ['文档顶层'],
      en: ['The top level'.toLowerCase()],
    },
    {
      name: 'minItems → the collection key',
      text: edit('candidates: ["95079", 95128]', 'candidates: []'),
      code: 'schema/minItems',
      covered: 'candidates',
      zh: ['候选号码（number.candidates）', '至少应有 1 项'],
      en: ['at least 1 item'],
    },
    {
      name: 'maxItems → the collection key',
      text: edit('candidates: ["95079", 95128]', 'candidates: ["95079", "95080", "95081", "95082"]'),
      code: 'schema/maxItems',
      covered: 'candidates',
      zh: ['最多 3 项', '当前 4 项'],
    },
    {
      name: 'minProperties → the mapping key',
      text: edit('  founded: 2020-05-01\n', '  founded: 2020-05-01\n  tags: {}\n'),
      code: 'schema/minProperties',
      covered: 'tags',
    },
    {
      name: 'uniqueItems → the repeated item',
      text: edit('candidates: ["95079", 95128]', 'candidates: ["95079", "95079"]'),
      code: 'schema/uniqueItems',
      covered: '"95079"',
      zh: ['第 2 项与第 1 项重复'],
      en: ['Item 2 of', 'repeats item 1'],
    },
    {
      name: 'type → the value',
      text: edit('registered_capital_cny: 50000000', 'registered_capital_cny: 五千万'),
      code: 'schema/type',
      covered: '五千万',
      zh: ['“注册资本（元）”（applicant.registered_capital_cny）', '应为数字', '当前为文本 “五千万”'],
      en: ['must be a number', 'found text "五千万"'],
    },
    {
      name: 'type of an empty value → the key',
      text: edit('  name: 杭州云声            # 单位名称', '  name:   # 单位名称'),
      code: 'schema/type',
      covered: 'name',
      zh: ['当前为空值'],
    },
    {
      name: 'type union → one merged message',
      text: edit('candidates: ["95079", 95128]', 'candidates: ["95079", true]'),
      code: 'schema/type',
      covered: 'true',
      zh: ['应为文本或整数'],
      en: ['must be text or an integer'],
    },
    {
      name: 'enum → the value, with a Chinese suggestion',
      text: edit('mode: 集中设置', 'mode: 集中设'),
      code: 'schema/enum',
      covered: '集中设',
      zh: ['设置方式（mode）', '是否应为“集中设置”'],
      en: ['Did you mean "集中设置"?'],
    },
    {
      name: 'enum through a $ref in an array item',
      text: edit('province: 上海市', 'province: 北京'),
      code: 'schema/enum',
      covered: '北京',
      zh: ['省份（schedule[1].province）', '可选值：“浙江省”、“江苏省”、“上海市”、“黑龙江省”'],
    },
    {
      name: 'pattern → the value without the trailing comment, with an example',
      text: edit('credit_code: 91330106MA2H7K3D4M', 'credit_code: 91330106MA2H7K3D4'),
      code: 'schema/pattern',
      covered: '91330106MA2H7K3D4',
      zh: ['统一社会信用代码（applicant.credit_code）', '格式不正确', '示例：“91330106MA2H7K3D4M”'],
      en: ['Unified social credit code', 'example: "91330106MA2H7K3D4M"'],
    },
    {
      name: 'format date → the value',
      text: edit('founded: 2020-05-01', 'founded: 2020-02-30'),
      code: 'schema/format',
      covered: '2020-02-30',
      zh: ['成立日期（applicant.founded）', 'YYYY-MM-DD'],
      en: ['valid date'],
    },
    {
      name: 'format email → the value',
      text: edit('email: limin@yunsheng.example.cn', 'email: limin-at-yunsheng'),
      code: 'schema/format',
      covered: 'limin-at-yunsheng',
      zh: ['电子邮件地址'],
      en: ['email address'],
    },
    {
      name: 'const → the value',
      text: edit('apiVersion: miit95/v1', 'apiVersion: miit95/v2'),
      code: 'schema/const',
      covered: 'miit95/v2',
      zh: ['应为 “miit95/v1”'],
      en: ['must be "miit95/v1"'],
    },
    {
      name: 'minimum → the value',
      text: edit('month_offset: 1', 'month_offset: 0'),
      code: 'schema/minimum',
      covered: '0',
      zh: ['不能小于 1'],
      en: ['at least 1'],
    },
    {
      name: 'maximum → the value',
      text: edit('month_offset: 2', 'month_offset: 48'),
      code: 'schema/maximum',
      covered: '48',
      zh: ['不能大于 36'],
    },
    {
      name: 'exclusiveMinimum → the value',
      text: edit('registered_capital_cny: 50000000', 'registered_capital_cny: 0'),
      code: 'schema/exclusiveMinimum',
      covered: '0',
      zh: ['必须大于 0'],
      en: ['greater than 0'],
    },
    {
      name: 'minLength → the value',
      text: edit('name: 杭州云声', 'name: ""'),
      code: 'schema/minLength',
      covered: '""',
      zh: ['不能为空'],
    },
    {
      name: 'maxLength → the value',
      text: edit('name: 杭州云声', 'name: 杭州云声信息技术有限公司杭州云声信息技术有限公司'),
      code: 'schema/maxLength',
      covered: '杭州云声信息技术有限公司杭州云声信息技术有限公司',
      zh: ['最多 20 个字符', '当前 24 个'],
    },
    {
      name: 'anyOf of types → one merged type message',
      text: edit('contact:\n  phone: 0571-88886666\n', 'contact: 12\n'),
      code: 'schema/type',
      covered: '12',
      zh: ['联系方式（contact）应为文本或映射（“键: 值”），当前为整数 12'],
      en: ['must be text or a mapping'],
    },
    {
      name: 'anyOf of constants → one list of allowed values, with a suggestion',
      text: `${VALID_TEST_DOC}signalling: SIPP\n`,
      code: 'schema/enum',
      covered: 'SIPP',
      zh: ['信令（signalling）', '“SIP”'],
      en: ['Did you mean "SIP"?'],
    },
    {
      name: 'anyOf of required alternatives → one "one of" finding on the parent',
      text: edit('  - province: 上海市\n    month_offset: 2\n', '  - province: 上海市\n'),
      code: 'schema/anyOf',
      covered: 'province: 上海市',
      zh: [
        '缺少必填项：月数（schedule[1].month_offset） 或 启用日期（schedule[1].date）（至少填写其中一项）',
      ],
      en: ['one of Months (schedule[1].month_offset) or Opening date (schedule[1].date)'],
    },
    {
      name: 'constants against a value of another type → still one list of allowed values',
      text: `${VALID_TEST_DOC}signalling: [SIP]\n`,
      code: 'schema/enum',
      covered: '[SIP]',
      zh: ['当前', '列表'],
    },
    {
      name: 'oneOf matched by more than one branch is kept (no branch error exists)',
      text: `${VALID_TEST_DOC}level: 5\n`,
      code: 'schema/oneOf',
      covered: '5',
      zh: ['级别（level）同时符合多种写法'],
      en: ['more than one'],
    },
    {
      name: 'oneOf matched by no branch → the branch errors, merged',
      text: `${VALID_TEST_DOC}level: high\n`,
      code: 'schema/type',
      covered: 'high',
      zh: ['应为整数或数字'],
    },
    {
      name: 'anyOf dropped for a deeper error',
      text: edit('phone: 0571-88886666', 'phone: 0571/88886666'),
      code: 'schema/pattern',
      covered: '0571/88886666',
    },

    {
      name: 'the root of the wrong type → the first line',
      text: '- a\n- b\n',
      code: 'schema/type',
      covered: '- a',
      en: ['The top level must be a mapping'],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const findings = check(c.text);
      assert.equal(
        findings.length,
        1,
        `one finding expected, got ${JSON.stringify(findings.map((f) => [f.code, f.message.en]))}`,
      );
      const finding = findings[0]!;
      assert.equal(finding.code, c.code);
      assert.equal(finding.severity, 'error');
      assert.equal(covered(c.text, finding), c.covered);
      for (const part of c.zh ?? [])
        assert.ok(
          finding.message['zh-cn'].includes(part),
          `zh "${finding.message['zh-cn']}" lacks "${part}"`,
        );
      for (const part of c.en ?? [])
        assert.ok(
          finding.message.en.toLowerCase().includes(part.toLowerCase()),
          `en "${finding.message.en}" lacks "${part}"`,
        );
      assert.ok(
        !/undefined|\{\w+\}/.test(finding.message['zh-cn'] + finding.message.en),
        'no unfilled placeholder',
      );
    });
  }

  it('a type error of another anyOf branch is dropped when a branch accepted the type', () => {
    const text = edit('  phone: 0571-88886666\n', '  fax: 0571-88886666\n');
    assert.deepEqual(
      check(text).map((f) => [f.code, covered(text, f)]),
      [
        ['schema/required', 'contact'],
        ['schema/additionalProperties', 'fax'],
      ],
    );
  });

  it('a misspelt required key is one finding, not also "missing"', () => {
    const text = edit('credit_code: 9133', 'credit_cod: 9133');
    assert.deepEqual(
      check(text).map((f) => f.code),
      ['schema/additionalProperties'],
    );
  });

  it('a misspelt required key without a suggestion leaves the "missing" finding', () => {
    const text = edit('credit_code: 9133', 'xyzzy_plugh: 9133');
    assert.deepEqual(
      check(text)
        .map((f) => f.code)
        .sort(),
      ['schema/additionalProperties', 'schema/required'],
    );
  });

  it('an unknown key gets renameKey and removeProperty fixes and data.suggestion', () => {
    const [finding] = check(edit('credit_code: 9133', 'credit_cod: 9133'));
    assert.equal(finding?.data.suggestion, 'credit_code');
    assert.deepEqual(finding?.data.path, ['applicant', 'credit_cod']);
    assert.deepEqual(
      finding?.data.fixes?.map((fix) => fix.kind),
      ['renameKey', 'removeProperty'],
    );
    const rename = finding?.data.fixes?.[0];
    assert.ok(rename?.kind === 'renameKey' && rename.newKey === 'credit_code');
  });

  it('a key that is already present is not suggested', () => {
    // "nam" is closest to "name", which exists: no suggestion, only removal.
    const [finding] = check(edit('  founded: 2020-05-01\n', '  founded: 2020-05-01\n  nam: x\n'));
    assert.equal(finding?.code, 'schema/additionalProperties');
    assert.equal(finding?.data.suggestion, undefined);
    assert.deepEqual(
      finding?.data.fixes?.map((fix) => fix.kind),
      ['removeProperty'],
    );
  });

  it('a far-off key gets no suggestion', () => {
    const [finding] = check(edit('  founded: 2020-05-01\n', '  founded: 2020-05-01\n  zzzzzz: x\n'));
    assert.equal(finding?.data.suggestion, undefined);
    assert.ok(finding?.message['zh-cn'].includes('请检查拼写或删除'));
  });

  it('an enum suggestion becomes a replaceValue fix', () => {
    const [finding] = check(edit('mode: 集中设置', 'mode: 集中设'));
    assert.equal(finding?.data.suggestion, '集中设置');
    const fix = finding?.data.fixes?.[0];
    assert.ok(fix?.kind === 'replaceValue' && fix.value === '集中设置' && fix.path.join('.') === 'mode');
  });

  it('a const error proposes the constant', () => {
    const [finding] = check(edit('apiVersion: miit95/v1', 'apiVersion: miit95/v2'));
    const fix = finding?.data.fixes?.[0];
    assert.ok(fix?.kind === 'replaceValue' && fix.value === 'miit95/v1');
  });

  it('the required finding carries the missing property path', () => {
    const [finding] = check(edit('  credit_code: 91330106MA2H7K3D4M   # 18 位\n', ''));
    assert.deepEqual(finding?.data.path, ['applicant', 'credit_code']);
  });

  it('array indices in data paths are numbers', () => {
    const [finding] = check(edit('province: 上海市', 'province: 北京'));
    assert.deepEqual(finding?.data.path, ['schedule', 1, 'province']);
  });

  it('errors behind an alias land on the alias, with the anchor as related information', () => {
    const text = edit(
      'schedule:\n  - province: 浙江省\n    month_offset: 1\n  - province: 上海市\n    month_offset: 2\n',
      'bad: &item\n  province: 北京\nschedule:\n  - *item\n',
    );
    const findings = check(text);
    const aliased = findings.find((f) => f.code === 'schema/enum');
    assert.ok(aliased, JSON.stringify(findings.map((f) => f.code)));
    assert.equal(covered(text, aliased), '*item');
    assert.equal(text.slice(aliased.related![0]!.range.start, aliased.related![0]!.range.end), '&item');
  });

  it('several errors in one document are all reported, each on its own range', () => {
    const text = VALID_TEST_DOC.replace('mode: 集中设置', 'mode: 集中设').replace(
      'month_offset: 1',
      'month_offset: 0',
    );
    const findings = check(text);
    assert.deepEqual(
      findings.map((f) => [f.code, covered(text, f)]),
      [
        ['schema/minimum', '0'],
        ['schema/enum', '集中设'],
      ],
    );
  });
});

describe('the real application schemas', () => {
  it('compile in strict mode', () => {
    const validator = getApplicationValidator();
    assert.equal(validator.rootId, 'https://miit95.dev/schemas/v1/application.schema.json');
  });

  it('accept the complete sample', () => {
    const path = join(__dirname, '../../../samples/complete/杭州云声.app95.yaml');
    const text = readFileSync(path, 'utf8');
    const findings = validate(text, { rules: [] }).findings;
    assert.deepEqual(
      findings.map((f) => `${f.code} ${f.message.en}`),
      [],
    );
  });

  it('name properties by their Chinese and English titles', () => {
    const path = join(__dirname, '../../../samples/complete/杭州云声.app95.yaml');
    const text = readFileSync(path, 'utf8').replace('credit_code: 91330106MA2H7K3D4M', 'credit_code: ABC');
    const finding = validate(text, { rules: [] }).findings.find((f) => f.code === 'schema/pattern');
    assert.ok(finding);
    assert.equal(covered(text, finding), 'ABC');
    assert.ok(
      finding.message['zh-cn'].includes('统一社会信用代码（applicant.credit_code）'),
      finding.message['zh-cn'],
    );
    assert.ok(
      finding.message.en.includes('Unified social credit code (applicant.credit_code)'),
      finding.message.en,
    );
  });
});
