/**
 * R-APPLICANT-005: registered capital of at least CNY 10,000,000, the minimum for a cross-regional
 * value-added telecom operator (《电信业务经营许可管理办法》 第六条(四)). Also spots a figure that was
 * most likely written in 万元 and offers the conversion to 元.
 */
import { defineRule } from '../define-rule';
import { getNumber } from '../../document/data-access';

/** 42号令 第六条(四): 在全国或者跨省…经营的，注册资本最低限额为1000万元人民币. A legal constant, not a setting. */
const MINIMUM_CNY = 10_000_000;
/** Below this (10 万元) a figure is taken to be in 万元 if ×10,000 reaches the minimum. */
const WAN_GUESS_BELOW = 100_000;

const PATH = ['applicant', 'registered_capital_cny'] as const;

/** 50000000 → "5000", 9999999.5 → "999.9999": the amount in 万元 for messages, never rounded up. */
function inWan(value: number): string {
  return String(Math.floor((value / 10_000) * 10_000) / 10_000);
}

export const registeredCapitalMinimum = defineRule({
  id: 'R-APPLICANT-005',
  name: 'registered-capital-minimum',
  defaultSeverity: 'error',
  status: 'confirmed',
  fixable: true,
  fields: ['applicant.registered_capital_cny'],
  description: {
    'zh-cn': '跨地区经营增值电信业务的注册资本不得低于 1000 万元。',
    en: 'The registered capital of a cross-regional value-added telecom operator must be at least CNY 10 million.',
  },
  messages: {
    belowMinimum: {
      'zh-cn':
        '注册资本 {value} 元（{wan} 万元）低于跨地区增值电信业务的最低限额 1000 万元（《电信业务经营许可管理办法》第六条）。请核对营业执照上的注册资本；注册资本不足的须先增资。',
      en: 'Registered capital CNY {value} ({wan} 万元) is below the CNY 10 million minimum for cross-regional value-added telecom operators (MIIT Order No. 42, art. 6). Check the capital on the business licence; a company below the minimum must first increase its capital.',
    },
    probablyWan: {
      'zh-cn':
        '注册资本 {value} 元低于最低限额 1000 万元——是否按“万元”填写了？本字段的单位是元：{value} 万元应写 {converted}。',
      en: 'Registered capital CNY {value} is below the CNY 10 million minimum. Was it written in 万元 (ten thousands)? This field is in yuan: {value} 万元 is {converted}.',
    },
  },
  check(ctx) {
    const value = getNumber(ctx.app, PATH);
    if (value === undefined || value < 0 || value >= MINIMUM_CNY) return; // negative: the schema's minimum
    const converted = value * 10_000;
    if (
      value >= 1 &&
      value < WAN_GUESS_BELOW &&
      converted >= MINIMUM_CNY &&
      Number.isSafeInteger(converted)
    ) {
      ctx.report({
        path: PATH,
        messageId: 'probablyWan',
        params: { value, converted },
        fixes: [
          {
            kind: 'replaceValue',
            path: PATH,
            value: converted,
            title: {
              'zh-cn': `按万元换算为元：改为 ${converted}（${value} 万元）`,
              en: `Convert from 万元 to yuan: change to ${converted} (${value} 万元)`,
            },
          },
        ],
      });
      return;
    }
    ctx.report({ path: PATH, messageId: 'belowMinimum', params: { value, wan: inWan(value) } });
  },
});
