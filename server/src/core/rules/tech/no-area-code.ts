/**
 * R-DIALING-001: a 95 number is used nationwide with one number (S8), so users should not need to
 * dial a long-distance area code. `dialing.needs_area_code: true` gets a warning; a missing or
 * non-boolean value is the schema's job.
 */
import { defineRule } from '../define-rule';
import { getBoolean } from '../../document/data-access';

type MessageId = 'needsAreaCode';

export default defineRule<MessageId>({
  id: 'R-DIALING-001',
  name: 'dialing-without-area-code',
  defaultSeverity: 'error',
  status: 'secondary',
  fixable: false,
  fields: ['dialing.needs_area_code', 'dialing.method'],
  description: {
    'zh-cn': '写明用户拨号方式；全国统一使用的 95 号码不应需要加拨长途区号。',
    en: 'The users’ dialling method is stated; a nationwide 95 number should need no long-distance area code.',
  },
  messages: {
    needsAreaCode: {
      'zh-cn': '填写了需要加拨长途区号（needs_area_code: true）。95 号码在全国范围统一使用，用户应能直接拨打，无需加拨区号；请调整接入与路由方案，使全国用户直接拨号可达，并改为 false。',
      en: 'The file says users must dial a long-distance area code (needs_area_code: true). A 95 number is used nationwide with one number, so users should dial it directly: change the access and routing so that it is reachable without an area code, and set this to false.',
    },
  },
  check(ctx) {
    if (getBoolean(ctx.app, ['dialing', 'needs_area_code']) !== true) return;
    ctx.report({ path: ['dialing', 'needs_area_code'], messageId: 'needsAreaCode', severity: 'warning' });
  },
});
