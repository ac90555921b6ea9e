/**
 * R-LICENCE-004: a planned business whose eligibility for a 95 number is doubtful: 信息服务业务 (B25,
 * telephone information services) and 离岸呼叫中心业务 (B24-2, serves mainly users abroad). The
 * catalogue data (businesses.json, `qualifies: warning`) says which ones and why.
 */
import { defineRule } from '../define-rule';
import { plannedBusinesses } from './businesses';

export const plannedBusinessDoubtful = defineRule({
  id: 'R-LICENCE-004',
  name: 'planned-business-doubtful',
  defaultSeverity: 'warning',
  status: 'secondary',
  fixable: false,
  fields: ['usage.businesses.*'],
  description: {
    'zh-cn': '拟开展信息服务业务（B25）或离岸呼叫中心业务（B24-2）的，能否申请 95 号码存疑。',
    en: 'Whether information services (B25) or offshore call centres (B24-2) can use a 95 number is doubtful.',
  },
  messages: {
    doubtful: {
      'zh-cn':
        '拟开展的业务“{value}”（{code}）能否申请 95 号码存疑：{note}可申请 95 号码的主要是国内呼叫中心业务（B24-1）、国内多方通信服务业务（B22）和存储转发类业务（B23，语音信箱）；如确需以此业务申请，请在用途说明中充分说明理由。',
      en: 'Whether the planned business “{value}” ({code}) can use a 95 number is doubtful. {note} The qualifying businesses are mainly 国内呼叫中心业务 (B24-1), 国内多方通信服务业务 (B22) and 存储转发类业务 (B23, voice mail); if you apply with this business, justify it fully in the description of use.',
    },
  },
  check(ctx) {
    for (const item of plannedBusinesses(ctx.app)) {
      if (item.business.qualifies !== 'warning') continue;
      ctx.report({
        path: ['usage', 'businesses', item.index],
        messageId: 'doubtful',
        params: {
          value: item.name,
          code: item.business.code,
          note: item.business.note ?? { 'zh-cn': '', en: '' },
        },
      });
    }
  },
});
