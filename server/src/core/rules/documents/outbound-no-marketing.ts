/**
 * R-OUTBOUND-001: outbound calls, when requested, serve only consented 即时回访 / 信息咨询 and never
 * commercial marketing (工信部信管〔2020〕81号, S14). The rule checks the one contradiction the schema
 * cannot see: `outbound.enabled: true` together with `usage.outbound_marketing: true`. The purpose
 * whitelist is the schema's `enum` and the outbound pledge's presence its `if/then`, so the rule does
 * not repeat them; the pledge file's existence is R-DOCS-001's.
 */
import { defineRule } from '../define-rule';
import { getBoolean } from '../../document/data-access';

export const outboundNoMarketing = defineRule({
  id: 'R-OUTBOUND-001',
  name: 'outbound-no-marketing',
  defaultSeverity: 'error',
  status: 'secondary',
  description: {
    'zh-cn': '号码原则上只开通呼入；申请呼出的，只能用于经用户同意的即时回访、信息咨询，不得商业营销外呼。',
    en: 'The number is inbound-only by default; requested outbound calls may only be consented call-backs and information enquiries, never marketing.',
  },
  fixable: false,
  fields: [
    'usage.outbound_marketing',
    'outbound',
    'outbound.enabled',
    'outbound.purpose',
    'outbound.purpose.*',
    'outbound.pledge_file',
  ],
  messages: {
    outboundWithMarketing: {
      'zh-cn':
        '申请开通呼出（outbound.enabled: true），同时在 usage.outbound_marketing 中声明了商业营销外呼。呼出只能用于经用户同意的即时回访、信息咨询，“不得提供商业推销电话外发服务”（工信部信管〔2020〕81号）。请放弃营销外呼（outbound_marketing 改为 false），或不申请呼出功能。',
      en: 'Outbound calls are requested (outbound.enabled: true) while usage.outbound_marketing declares commercial marketing calls. Outbound calls may only be consented call-backs and information enquiries; commercial marketing calls are not allowed (MIIT notice 〔2020〕81). Drop the marketing calls (set outbound_marketing to false) or do not request outbound calls.',
    },
    marketingDeclaredHere: {
      'zh-cn': '此处声明了商业营销外呼',
      en: 'Marketing calls are declared here',
    },
  },
  check(ctx) {
    if (getBoolean(ctx.app, ['outbound', 'enabled']) !== true) return;
    if (getBoolean(ctx.app, ['usage', 'outbound_marketing']) !== true) return;
    ctx.report({
      path: ['outbound', 'enabled'],
      messageId: 'outboundWithMarketing',
      related: [{ path: ['usage', 'outbound_marketing'], messageId: 'marketingDeclaredHere' }],
    });
  },
});
