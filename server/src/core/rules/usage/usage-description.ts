/**
 * R-USAGE-001: material 5 describes the use, the customers and the business model clearly (S0 item 5:
 * "申请人要有明确的客户来源，业务模式清晰"; S12: "申请号码用途描述符合该号段号码的规划用途"). The schema
 * requires the fields; this rule rejects placeholders (an error: in effect the text is missing), too
 * short texts, a description that names no call-centre use, a business model that says nothing about
 * who pays (use words only count where the text does not negate them, checks/negation.ts), placeholder customers (warnings) and a customer list of intents only (info).
 */
import { contentLength, excerpt, isPlaceholder } from '../../checks/free-text';
import { affirms } from '../../checks/negation';
import type { LocalizedText } from '../../types';
import { defineRule } from '../define-rule';
import { getArray, getString, isRecord } from '../../document/data-access';

/** Minimum letters and digits (heuristics, documented on the rule's page). */
const MIN_DESCRIPTION = 20;
const MIN_BUSINESS_MODEL = 10;

/** Words that name a planned use of the VAT segments: call centre, multi-party call, voice mail. */
const USE_WORDS =
  /客服|客户服务|坐席|座席|呼叫中心|咨询|查询|受理|热线|投诉|售后|报修|预约|呼入|外包|回访|会议|多方通话|多方通信|语音信箱|留言|信箱|voice[\s-]?mail/iu;

/** Words that say how money flows in a business model. */
const CHARGING_WORDS = /费|收取|收入|付费|免费|结算|计价|价格|定价|报酬|佣金|租/u;

const LABELS = {
  description: { 'zh-cn': '号码用途（description）', en: 'use description (description)' },
  business_model: { 'zh-cn': '业务模式（business_model）', en: 'business model (business_model)' },
} as const satisfies Record<string, LocalizedText>;

export const usageDescription = defineRule({
  id: 'R-USAGE-001',
  name: 'usage-description-substantive',
  defaultSeverity: 'error',
  status: 'secondary',
  description: {
    'zh-cn': '号码用途须符合号段规划用途，并有明确的客户来源和清晰的业务模式。',
    en: 'The use fits the planned use of the segment, with clear customers and a clear business model.',
  },
  fixable: false,
  fields: [
    'usage.description',
    'usage.customers',
    'usage.customers.*',
    'usage.customers.*.name',
    'usage.customers.*.type',
    'usage.customers.*.status',
    'usage.customers.*.description',
    'usage.business_model',
  ],
  messages: {
    placeholder: {
      'zh-cn': '{field}“{value}”是占位文字。材料5 要求说明号码用途、客户来源和业务模式，请写出实际内容。',
      en: 'The {field} "{value}" is a placeholder. Material 5 asks for the use, the customers and the business model: write the actual content.',
    },
    tooShort: {
      'zh-cn': '{field}“{value}”只有 {length} 个字，过于简略（建议至少 {min} 个字）。{hint}',
      en: 'The {field} "{value}" has only {length} characters, too brief (at least {min} suggested). {hint}',
    },
    noPlannedUse: {
      'zh-cn':
        '号码用途“{value}”没有说明号码用于哪类呼叫中心服务。用途应符合号段的规划用途，请写明如外包客服坐席、信息查询、咨询受理、投诉处理等，以用户主动呼入为主。',
      en: 'The use description "{value}" does not say which call-centre service the number is for. It must fit the planned use of the segment: name e.g. outsourced customer-service seats, information enquiries, consultation, complaint handling, mainly inbound.',
    },
    noCharging: {
      'zh-cn': '业务模式“{value}”没有说明向谁收费、如何收费。请写明收入来源，如“按坐席月租及话务量向企业客户收取外包服务费”。',
      en: 'The business model "{value}" does not say who pays and how. State the source of income, e.g. "outsourcing fees charged to business customers per seat and per traffic".',
    },
    customerPlaceholder: {
      'zh-cn': '客户{field}“{value}”是占位文字。材料5 要求有明确的客户来源，请写出客户的实际{field}。',
      en: 'The customer {field} "{value}" is a placeholder. Material 5 asks for clear customer sources: write the customer\'s actual {field}.',
    },
    onlyIntents: {
      'zh-cn': '所列 {count} 家客户都只是“意向”。材料5 要求明确的客户来源，如有已签约或洽谈中的客户请一并列出，并准备合作协议等证明。',
      en: 'All {count} customers listed are only intents ("意向"). Material 5 asks for clear customer sources: list any signed or negotiating customers too, and have agreements ready as evidence.',
    },
  },
  check(ctx) {
    const app = ctx.app;

    const description = getString(app, ['usage', 'description']);
    if (description !== undefined) {
      const path = ['usage', 'description'];
      const value = excerpt(description);
      if (isPlaceholder(description)) {
        ctx.report({ path, messageId: 'placeholder', params: { field: LABELS.description, value } });
      } else if (contentLength(description) < MIN_DESCRIPTION) {
        ctx.report({
          path,
          messageId: 'tooShort',
          severity: 'warning',
          params: {
            field: LABELS.description,
            value,
            length: contentLength(description),
            min: MIN_DESCRIPTION,
            hint: {
              'zh-cn': '请写明为哪些客户提供什么呼叫中心服务、用户如何呼入。',
              en: 'Say which call-centre services are provided to which customers, and how users call in.',
            },
          },
        });
      } else if (!affirms(description, USE_WORDS)) {
        ctx.report({ path, messageId: 'noPlannedUse', severity: 'warning', params: { value } });
      }
    }

    const model = getString(app, ['usage', 'business_model']);
    if (model !== undefined) {
      const path = ['usage', 'business_model'];
      const value = excerpt(model);
      if (isPlaceholder(model)) {
        ctx.report({ path, messageId: 'placeholder', params: { field: LABELS.business_model, value } });
      } else if (contentLength(model) < MIN_BUSINESS_MODEL) {
        ctx.report({
          path,
          messageId: 'tooShort',
          severity: 'warning',
          params: {
            field: LABELS.business_model,
            value,
            length: contentLength(model),
            min: MIN_BUSINESS_MODEL,
            hint: { 'zh-cn': '请写明向谁收费、如何收费。', en: 'Say who pays and how.' },
          },
        });
      } else if (!CHARGING_WORDS.test(model)) {
        ctx.report({ path, messageId: 'noCharging', severity: 'warning', params: { value } });
      }
    }

    const customers = getArray(app, ['usage', 'customers']);
    const customerFields: readonly [string, LocalizedText][] = [
      ['name', { 'zh-cn': '名称', en: 'name' }],
      ['type', { 'zh-cn': '类型', en: 'type' }],
      ['description', { 'zh-cn': '合作内容', en: 'service' }],
    ];
    let statuses = 0;
    let intents = 0;
    customers.forEach((customer, index) => {
      if (!isRecord(customer)) return;
      for (const [key, label] of customerFields) {
        const text = getString(customer, [key]);
        if (text !== undefined && isPlaceholder(text)) {
          ctx.report({
            path: ['usage', 'customers', index, key],
            messageId: 'customerPlaceholder',
            severity: 'warning',
            params: { field: label, value: excerpt(text) },
          });
        }
      }
      const status = getString(customer, ['status']);
      if (status !== undefined) {
        statuses += 1;
        if (status.trim() === '意向') intents += 1;
      }
    });
    if (statuses > 0 && intents === statuses && statuses === customers.length) {
      ctx.report({
        path: ['usage', 'customers'],
        target: 'key',
        messageId: 'onlyIntents',
        severity: 'info',
        params: { count: intents },
      });
    }
  },
});
