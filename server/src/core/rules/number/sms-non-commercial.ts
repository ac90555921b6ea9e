/**
 * R-NUMBER-006: a 95 access number may double as an SMS access code only for non-commercial SMS
 * (reference.md §2, S11: "仅限用于提供非经营性短消息类服务"). Warns when SMS use is marked commercial,
 * when it is enabled without saying whether it is commercial, and when its description names
 * marketing (the R-USAGE-002 keyword scan; negated and cited mentions are skipped,
 * checks/negation.ts; the message quotes the clause).
 */
import { excerpt } from '../../checks/free-text';
import { findMarketingKeywords } from '../../checks/text';
import { defineRule } from '../define-rule';
import { get, getBoolean, getString } from '../../document/data-access';

export const smsNonCommercial = defineRule({
  id: 'R-NUMBER-006',
  name: 'sms-non-commercial',
  defaultSeverity: 'warning',
  status: 'secondary',
  description: {
    'zh-cn': '95 号码兼作短消息接入代码时，仅限非经营性短消息服务。',
    en: 'A 95 number used as an SMS access code may carry non-commercial SMS only.',
  },
  fixable: true,
  fields: ['number.sms', 'number.sms.enabled', 'number.sms.commercial', 'number.sms.description'],
  messages: {
    commercial: {
      'zh-cn': '短消息服务标为经营性（commercial: true）。95 号码只能用于非经营性短消息服务；经营性短消息须另行申请短消息类服务接入代码，或不在本号码上开通短消息。',
      en: 'The SMS service is marked commercial (commercial: true). A 95 number may only carry non-commercial SMS; apply for a separate SMS access code for commercial SMS, or do not enable SMS on this number.',
    },
    unstated: {
      'zh-cn': '申请兼作短消息接入代码，但没有说明是否为经营性服务。95 号码只能用于非经营性短消息，请填写 commercial: false 并在 description 中说明短消息内容。',
      en: 'SMS use is requested without saying whether it is commercial. A 95 number may only carry non-commercial SMS: add commercial: false and describe the messages in description.',
    },
    marketingText: {
      'zh-cn': '短消息用途说明中出现“{keyword}”：“{value}”。95 号码只能用于非经营性短消息（如受理回执、通知），不能发送营销类短信；请改正用途或删去该内容。',
      en: 'The SMS description mentions "{keyword}": "{value}". A 95 number may only carry non-commercial SMS (receipts, notices), no marketing; correct the use or remove it.',
    },
  },
  check(ctx) {
    const app = ctx.app;
    const sms = ['number', 'sms'] as const;
    if (getBoolean(app, [...sms, 'enabled']) !== true) return;
    const commercial = getBoolean(app, [...sms, 'commercial']);
    if (commercial === true) {
      ctx.report({ path: [...sms, 'commercial'], messageId: 'commercial' });
    } else if (get(app, [...sms, 'commercial']) === undefined) {
      ctx.report({
        path: [...sms, 'enabled'],
        target: 'key',
        messageId: 'unstated',
        severity: 'info',
        fixes: [
          {
            kind: 'insertProperty',
            path: [...sms],
            key: 'commercial',
            value: false,
            title: { 'zh-cn': '声明为非经营性短消息（commercial: false）', en: 'Declare the SMS non-commercial (commercial: false)' },
          },
        ],
      });
    }
    const description = getString(app, [...sms, 'description']);
    if (description !== undefined) {
      const seen = new Set<string>();
      for (const match of findMarketingKeywords(description)) {
        if (match.negated || match.cited || seen.has(match.keyword)) continue;
        seen.add(match.keyword);
        ctx.report({
          path: [...sms, 'description'],
          messageId: 'marketingText',
          params: { keyword: { 'zh-cn': match.keyword, en: `${match.keyword} (${match.en})` }, value: excerpt(match.phrase) },
        });
      }
    }
  },
});
