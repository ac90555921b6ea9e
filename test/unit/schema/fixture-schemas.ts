/**
 * A small schema set in the conventions of the real ones (ids under https://miit95.dev/schemas/v1/,
 * sections referenced relatively, shared $defs in common, Chinese titles plus x-title-en), so the
 * mapping tests do not depend on the real schemas' details.
 */
import type { AnySchemaObject } from 'ajv/dist/2020';
import { createSchemaValidator, type SchemaValidator } from '../../../server/src/core/schema/registry';

const BASE = 'https://miit95.dev/schemas/v1/';
export const TEST_ROOT_ID = `${BASE}test-app.schema.json`;

export const TEST_SCHEMAS: readonly AnySchemaObject[] = [
  {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: TEST_ROOT_ID,
    title: '测试申请',
    'x-title-en': 'Test application',
    type: 'object',
    additionalProperties: false,
    required: ['apiVersion', 'applicant'],
    properties: {
      apiVersion: {
        title: '格式版本',
        'x-title-en': 'Format version',
        const: 'miit95/v1',
        examples: ['miit95/v1'],
      },
      applicant: { $ref: 'test-applicant.schema.json' },
      number: {
        title: '号码',
        'x-title-en': 'Number',
        type: 'object',
        additionalProperties: false,
        properties: {
          candidates: {
            title: '候选号码',
            'x-title-en': 'Candidate numbers',
            type: 'array',
            minItems: 1,
            maxItems: 3,
            uniqueItems: true,
            items: { type: ['string', 'integer'], pattern: '^95[0-9]{3,4}$', examples: ['95079'] },
          },
        },
      },
      schedule: {
        title: '进度',
        'x-title-en': 'Schedule',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['province'],
          properties: {
            province: { $ref: 'test-common.schema.json#/$defs/province' },
            month_offset: { title: '月数', 'x-title-en': 'Months', type: 'integer', minimum: 1, maximum: 36 },
            date: {
              title: '启用日期',
              'x-title-en': 'Opening date',
              $ref: 'test-common.schema.json#/$defs/date',
            },
          },
          anyOf: [{ required: ['month_offset'] }, { required: ['date'] }],
        },
      },
      signalling: {
        title: '信令',
        'x-title-en': 'Signalling',
        anyOf: [{ const: 'SIP' }, { const: 'SS7-ISUP' }],
      },
      level: {
        title: '级别',
        'x-title-en': 'Level',
        oneOf: [{ type: 'integer' }, { type: 'number', minimum: 0 }],
      },
      mode: {
        title: '设置方式',
        'x-title-en': 'Mode',
        enum: ['集中设置', '分布设置'],
      },
      outbound: {
        title: '呼出',
        'x-title-en': 'Outbound',
        type: 'object',
        properties: { enabled: { type: 'boolean' }, purpose: { type: 'string' } },
        if: { properties: { enabled: { const: true } }, required: ['enabled'] },
        then: { required: ['purpose'] },
      },
      contact: {
        title: '联系方式',
        'x-title-en': 'Contact',
        anyOf: [
          { type: 'string', minLength: 3 },
          {
            type: 'object',
            additionalProperties: false,
            required: ['phone'],
            properties: { phone: { type: 'string', pattern: '^[0-9-]+$', examples: ['0571-88886666'] } },
          },
        ],
      },
    },
  },
  {
    $id: `${BASE}test-applicant.schema.json`,
    title: '申请单位（材料1）',
    'x-title-en': 'Applicant (material 1)',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'credit_code'],
    properties: {
      name: { title: '单位名称', 'x-title-en': 'Company name', $ref: 'test-common.schema.json#/$defs/text' },
      credit_code: {
        title: '统一社会信用代码',
        'x-title-en': 'Unified social credit code',
        $ref: 'test-common.schema.json#/$defs/creditCode',
      },
      registered_capital_cny: {
        title: '注册资本（元）',
        'x-title-en': 'Registered capital (CNY)',
        type: 'number',
        exclusiveMinimum: 0,
        examples: [50000000],
      },
      email: { title: '电子邮件', 'x-title-en': 'Email', type: 'string', format: 'email' },
      founded: {
        title: '成立日期',
        'x-title-en': 'Founding date',
        $ref: 'test-common.schema.json#/$defs/date',
      },
      tags: { type: 'object', minProperties: 1, maxProperties: 2 },
    },
  },
  {
    $id: `${BASE}test-common.schema.json`,
    $defs: {
      text: { type: 'string', minLength: 1, maxLength: 20 },
      date: { title: '日期', 'x-title-en': 'Date', type: 'string', format: 'date', examples: ['2026-12-01'] },
      creditCode: {
        title: '信用代码',
        type: 'string',
        pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$',
        examples: ['91330106MA2H7K3D4M'],
      },
      province: { title: '省份', 'x-title-en': 'Province', enum: ['浙江省', '江苏省', '上海市', '黑龙江省'] },
    },
  },
];

let cached: SchemaValidator | undefined;

/** The compiled test schema set (compiled once per test run). */
export function testValidator(): SchemaValidator {
  cached ??= createSchemaValidator(TEST_SCHEMAS, TEST_ROOT_ID);
  return cached;
}

/** A valid document for the test schemas; tests mutate it with `replace`. */
export const VALID_TEST_DOC = `apiVersion: miit95/v1
applicant:
  name: 杭州云声            # 单位名称
  credit_code: 91330106MA2H7K3D4M   # 18 位
  registered_capital_cny: 50000000
  email: limin@yunsheng.example.cn
  founded: 2020-05-01
number:
  candidates: ["95079", 95128]
schedule:
  - province: 浙江省
    month_offset: 1
  - province: 上海市
    month_offset: 2
mode: 集中设置
outbound:
  enabled: false
contact:
  phone: 0571-88886666
`;
