/**
 * R-USAGE-002: the number is not for marketing or harassing calls. A call centre provides
 * "以接受用户主动呼入为主的信息咨询服务"; "提供商业营销类电话呼出服务，电信管理机构不予受理或不予行政
 * 许可" (工信部信管〔2020〕81号, S14). usage.outbound_marketing: true is an error; a marketing keyword
 * (营销, 推销, 电销, 拉新, 催收 …, checks/text.ts) in usage.description, usage.business_model or a
 * customer's type or description is a warning per keyword and field, quoting the clause that holds it.
 * Negated mentions ("不从事推销、催收等外呼", "严禁营销外呼", "催收业务除外") and citations (《…》, a quoted
 * rule “不得提供商业推销电话外发服务”) are skipped (checks/negation.ts).
 */
import { excerpt } from '../../checks/free-text';
import { findMarketingKeywords } from '../../checks/text';
import type { DataPath } from '../../types';
import { defineRule } from '../define-rule';
import { getArray, getBoolean, getString, isRecord } from '../../document/data-access';

const DESCRIPTION = { 'zh-cn': '号码用途', en: 'use description' };
const BUSINESS_MODEL = { 'zh-cn': '业务模式', en: 'business model' };
const CUSTOMER_TYPE = { 'zh-cn': '客户类型', en: 'customer type' };
const CUSTOMER_SERVICE = { 'zh-cn': '客户合作内容', en: 'customer service' };

export const noMarketing = defineRule({
  id: 'R-USAGE-002',
  name: 'no-marketing-use',
  defaultSeverity: 'error',
  status: 'secondary',
  description: {
    'zh-cn': '号码不得用于商业营销或骚扰电话；呼叫中心以接受用户主动呼入为主。',
    en: 'The number is not for marketing or harassing calls; a call centre mainly takes inbound calls.',
  },
  fixable: false,
  fields: [
    'usage.description',
    'usage.customers.*.type',
    'usage.customers.*.description',
    'usage.business_model',
    'usage.outbound_marketing',
  ],
  messages: {
    outboundMarketing: {
      'zh-cn':
        '申请标明用于营销外呼（outbound_marketing: true）。呼叫中心号码以接受用户主动呼入为主，提供商业营销类电话呼出服务的申请不予受理（工信部信管〔2020〕81号）。请取消营销外呼；确需回访的，在 outbound 中申请即时回访或信息咨询类呼出。',
      en: 'The application says the number is for outbound marketing (outbound_marketing: true). Call-centre numbers mainly take inbound calls, and applications for commercial marketing calls are not accepted (MIIT notice 〔2020〕81). Drop outbound marketing; for call-backs, request callback or information outbound calls under outbound.',
    },
    keyword: {
      'zh-cn':
        '{field}中出现“{keyword}”：“{value}”。95 号码不得用于商业营销、推销或催收等呼出（工信部信管〔2020〕81号）；如确实不从事此类业务，请写明否定（如“不从事{keyword}”），避免被理解为营销用途。',
      en: 'The {field} mentions "{keyword}" in "{value}". A 95 number may not be used for marketing, sales or collection calls (MIIT notice 〔2020〕81); if you do not do such business, say so with a negation (e.g. 不从事…, 严禁…) so it cannot be read as marketing.',
    },
  },
  check(ctx) {
    const app = ctx.app;
    if (getBoolean(app, ['usage', 'outbound_marketing']) === true) {
      ctx.report({ path: ['usage', 'outbound_marketing'], messageId: 'outboundMarketing' });
    }

    type Field = { 'zh-cn': string; en: string };
    const scan = (text: string | undefined, path: () => DataPath, field: Field): void => {
      if (text === undefined) return;
      const matches = findMarketingKeywords(text);
      if (matches.length === 0) return;
      const seen = new Set<string>();
      for (const match of matches) {
        if (match.negated || match.cited || seen.has(match.keyword)) continue;
        seen.add(match.keyword);
        ctx.report({
          path: path(),
          messageId: 'keyword',
          severity: 'warning',
          params: {
            field,
            keyword: { 'zh-cn': match.keyword, en: `${match.keyword} (${match.en})` },
            value: excerpt(match.phrase),
          },
        });
      }
    };

    scan(getString(app, ['usage', 'description']), () => ['usage', 'description'], DESCRIPTION);
    scan(getString(app, ['usage', 'business_model']), () => ['usage', 'business_model'], BUSINESS_MODEL);
    // Per customer (long lists are common): paths are only built for a finding.
    getArray(app, ['usage', 'customers']).forEach((customer, index) => {
      if (!isRecord(customer)) return;
      scan(getString(customer, ['type']), () => ['usage', 'customers', index, 'type'], CUSTOMER_TYPE);
      scan(getString(customer, ['description']), () => ['usage', 'customers', index, 'description'], CUSTOMER_SERVICE);
    });
  },
});
