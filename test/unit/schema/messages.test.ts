/** Every ajv keyword we map has a Chinese and an English message that names the property. */
import { strict as assert } from 'node:assert';
import {
  formatValue,
  schemaMessage,
  SCHEMA_MESSAGE_KEYWORDS,
  type SchemaMessageInput,
} from '../../../server/src/core/schema/messages';

const subject = { 'zh-cn': '主题（a.b）', en: 'Subject (a.b)' };
const property = { 'zh-cn': '属性（a.b.c）', en: 'Property (a.b.c)' };

/** A realistic ajv `params` and value per keyword (the shapes ajv 8 produces). */
const SAMPLES: Readonly<Record<string, Omit<SchemaMessageInput, 'keyword' | 'subject'>>> = {
  type: { params: { type: 'integer' }, value: 'x' },
  enum: { params: { allowedValues: ['浙江省', '江苏省'] }, value: '浙江' },
  const: { params: { allowedValue: 'miit95/v1' }, value: 'v2' },
  pattern: { params: { pattern: '^95' }, value: '96', example: '95079' },
  format: { params: { format: 'date' }, value: '2026-02-30' },
  minimum: { params: { comparison: '>=', limit: 1 }, value: 0 },
  maximum: { params: { comparison: '<=', limit: 36 }, value: 40 },
  exclusiveMinimum: { params: { comparison: '>', limit: 0 }, value: 0 },
  exclusiveMaximum: { params: { comparison: '<', limit: 100 }, value: 100 },
  multipleOf: { params: { multipleOf: 5 }, value: 7 },
  minLength: { params: { limit: 2 }, value: 'a' },
  maxLength: { params: { limit: 3 }, value: 'abcd' },
  minItems: { params: { limit: 2 }, value: [1] },
  maxItems: { params: { limit: 1 }, value: [1, 2] },
  uniqueItems: { params: { i: 2, j: 0 }, value: [1, 2, 1] },
  minProperties: { params: { limit: 1 }, value: {} },
  maxProperties: { params: { limit: 1 }, value: { a: 1, b: 2 } },
  required: { params: { missingProperty: 'c' }, property },
  dependentRequired: { params: { property: 'a', missingProperty: 'c', deps: 'c', depsCount: 1 }, property },
  additionalProperties: { params: { additionalProperty: 'credit_cod' }, suggestion: 'credit_code' },
  unevaluatedProperties: { params: { unevaluatedProperty: 'x' } },
  propertyNames: { params: { propertyName: 'Bad Key' } },
  items: { params: { limit: 2 }, value: [1, 2, 3] },
  additionalItems: { params: { limit: 2 }, value: [1, 2, 3] },
  unevaluatedItems: { params: { len: 2 }, value: [1, 2, 3] },
  contains: { params: { minContains: 1 }, value: [] },
  anyOf: { params: {}, value: 1 },
  oneOf: { params: { passingSchemas: [0, 1] }, value: 1 },
  not: { params: {}, value: 1 },
  'false schema': { params: {}, value: 1 },
};

const CJK = /[\u4e00-\u9fff]/;

describe('schema messages', () => {
  it('cover every keyword that has a sample, and every sample has a renderer', () => {
    assert.deepEqual([...SCHEMA_MESSAGE_KEYWORDS].sort(), Object.keys(SAMPLES).sort());
  });

  for (const keyword of Object.keys(SAMPLES)) {
    it(`${keyword}: both languages, naming the property`, () => {
      const message = schemaMessage({ keyword, subject, ...SAMPLES[keyword]! });
      const zh = message['zh-cn'];
      const en = message.en;
      assert.ok(zh.length > 0 && en.length > 0);
      assert.ok(CJK.test(zh), `zh has Chinese: ${zh}`);
      assert.ok(!CJK.test(en.replace(/浙江省|江苏省|浙江/g, '')), `en has no Chinese of its own: ${en}`);
      const named = keyword === 'required' || keyword === 'dependentRequired' ? property : subject;
      assert.ok(zh.includes(named['zh-cn']), `zh names the property: ${zh}`);
      assert.ok(en.includes(named.en), `en names the property: ${en}`);
      assert.ok(
        !/undefined|NaN|\[object Object\]|\?/.test(zh + en.replace(/\?$/, '')),
        `no broken value: ${zh} / ${en}`,
      );
      assert.match(en, /^[A-Z"“]/, 'en starts with a capital');
    });
  }

  it('messages give the limit, the expected values and the suggestion', () => {
    const min = schemaMessage({ keyword: 'minimum', subject, ...SAMPLES['minimum']! });
    assert.ok(min['zh-cn'].includes('不能小于 1') && min.en.includes('at least 1'));
    const enumMessage = schemaMessage({ keyword: 'enum', subject, ...SAMPLES['enum']! });
    assert.ok(enumMessage['zh-cn'].includes('“浙江省”、“江苏省”'), enumMessage['zh-cn']);
    const extra = schemaMessage({
      keyword: 'additionalProperties',
      subject,
      ...SAMPLES['additionalProperties']!,
    });
    assert.ok(extra['zh-cn'].includes('是否应为“credit_code”'));
    assert.ok(extra.en.includes('Did you mean "credit_code"?'));
    const type = schemaMessage({
      keyword: 'type',
      subject,
      params: { type: ['string', 'integer'] },
      value: true,
    });
    assert.ok(type['zh-cn'].includes('应为文本或整数'), type['zh-cn']);
    assert.ok(type.en.includes('must be text or an integer'), type.en);
  });

  it("an unknown keyword falls back to a generic sentence with ajv's text", () => {
    const message = schemaMessage({
      keyword: 'x-custom',
      subject,
      params: {},
      ajvMessage: 'must pass x-custom',
    });
    assert.ok(message['zh-cn'].includes('主题（a.b）') && message['zh-cn'].includes('must pass x-custom'));
    assert.ok(message.en.includes('must pass x-custom'));
  });

  it('long values are shortened, collections named by kind', () => {
    assert.equal(formatValue('a'.repeat(50), 'zh-cn'), `“${'a'.repeat(40)}…”`);
    assert.equal(formatValue([1], 'zh-cn'), '列表');
    assert.equal(formatValue({}, 'en'), 'a mapping ("key: value")');
    assert.equal(formatValue(null, 'en'), 'empty (null)');
  });
});
