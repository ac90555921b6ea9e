/**
 * R-SCHEDULE-003: an absolute opening date must not fall before the earliest possible approval: the
 * application date (or today) plus the 20 working days of MIIT's review (S2). The same holds for the
 * expected billing start (`number.expected_billing_start`): billing starts on the date fixed in the
 * approval (S6), so a start before the application date, or before the earliest approval, is a mistake. Working days skip China's
 * public holidays and count the 调休 working days (checks/working-days.ts); a year without a holiday
 * notice is counted weekends-only, and the message says so.
 */
import { compareDates, formatIsoDate, parseIsoDate } from '../../checks/dates';
import { addWorkingDays, calendarNote } from '../../checks/working-days';
import { defineRule } from '../define-rule';
import { getArray, getString, isRecord } from '../../document/data-access';
import { applicationDate, REVIEW_WORKING_DAYS } from './shared';

type MessageId = 'beforeApproval' | 'billingBeforeApplication' | 'billingBeforeApproval';

export default defineRule<MessageId>({
  id: 'R-SCHEDULE-003',
  name: 'schedule-after-earliest-approval',
  defaultSeverity: 'warning',
  status: 'inference',
  fixable: false,
  fields: ['application.date', 'number.expected_billing_start', 'schedule.*.date'],
  description: {
    'zh-cn': '进度中的具体开通日期和预计计费起始日期不早于最早可能的批准日期（申请日期加 20 个工作日）。',
    en: 'Opening dates in the schedule and the expected billing start are not before the earliest possible approval (application date plus 20 working days).',
  },
  messages: {
    billingBeforeApplication: {
      'zh-cn': '预计计费起始日期 {date} 早于申请日期 {applied}。计费起始时间由批准文件核定（码号获批后才计费），不可能早于申请；请改为批准以后的日期（最早约 {earliest}{note}）。',
      en: 'The expected billing start {date} is before the application date {applied}. Billing starts on the date fixed in the approval (only after the number is granted), so it cannot precede the application; use a date after approval (at the earliest about {earliest}{note}).',
    },
    billingBeforeApproval: {
      'zh-cn': '预计计费起始日期 {date} 早于最早可能的批准日期（申请日期 {applied} 加 20 个工作日审查期，约 {earliest}{note}）。计费起始时间由批准文件核定，请改为该日期以后。',
      en: 'The expected billing start {date} is before the earliest possible approval (application date {applied} plus the 20 working days of review, about {earliest}{note}). Billing starts on the date fixed in the approval: use a later date.',
    },
    beforeApproval: {
      'zh-cn': '{province}计划于 {date} 开通，早于最早可能的批准日期（申请日期 {applied} 加 20 个工作日审查期，约 {earliest}{note}）。号码须获批后才能启用，请推迟开通日期，或改用批准后的月数（month_offset）。',
      en: '{province} is to open on {date}, before the earliest possible approval (application date {applied} plus the 20 working days of review, about {earliest}{note}). The number can only open after approval: move the date later, or use months after approval (month_offset).',
    },
  },
  check(ctx) {
    const applied = applicationDate(ctx.app, ctx.today);
    if (applied === undefined) return;
    const counted = addWorkingDays(applied, REVIEW_WORKING_DAYS);
    const earliest = counted.date;
    const note = calendarNote(counted);
    const billingText = getString(ctx.app, ['number', 'expected_billing_start']);
    const billing = billingText === undefined ? undefined : parseIsoDate(billingText);
    if (billing !== undefined && compareDates(billing, earliest) < 0) {
      ctx.report({
        path: ['number', 'expected_billing_start'],
        messageId: compareDates(billing, applied) < 0 ? 'billingBeforeApplication' : 'billingBeforeApproval',
        params: { date: formatIsoDate(billing), applied: formatIsoDate(applied), earliest: formatIsoDate(earliest), note },
        extra: { earliest: formatIsoDate(earliest) },
      });
    }
    getArray(ctx.app, ['schedule']).forEach((entry, index) => {
      if (!isRecord(entry)) return;
      const written = getString(entry, ['date']);
      const date = written === undefined ? undefined : parseIsoDate(written);
      if (date === undefined || compareDates(date, earliest) >= 0) return;
      ctx.report({
        path: ['schedule', index, 'date'],
        messageId: 'beforeApproval',
        params: {
          province: getString(entry, ['province']) ?? `#${index + 1}`,
          date: formatIsoDate(date),
          applied: formatIsoDate(applied),
          earliest: formatIsoDate(earliest),
          note,
        },
        extra: { earliest: formatIsoDate(earliest) },
      });
    });
  },
});
