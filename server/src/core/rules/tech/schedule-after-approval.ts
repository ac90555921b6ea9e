/**
 * R-SCHEDULE-003: an absolute opening date must not fall before the earliest possible approval: the
 * application date (or today) plus the 20 working days of MIIT's review (S2). Working days ignore
 * public holidays (checks/dates.ts), so the earliest date is an approximation on the early side.
 */
import { addWorkingDays, compareDates, formatIsoDate, parseIsoDate } from '../../checks/dates';
import { defineRule, getArray, getString, isRecord } from '../define-rule';
import { applicationDate, REVIEW_WORKING_DAYS } from './shared';

type MessageId = 'beforeApproval';

export default defineRule<MessageId>({
  id: 'R-SCHEDULE-003',
  name: 'schedule-after-earliest-approval',
  defaultSeverity: 'warning',
  status: 'inference',
  fixable: false,
  description: {
    'zh-cn': '进度中的具体开通日期不早于最早可能的批准日期（申请日期加 20 个工作日）。',
    en: 'Opening dates in the schedule are not before the earliest possible approval (application date plus 20 working days).',
  },
  messages: {
    beforeApproval: {
      'zh-cn': '{province}计划于 {date} 开通，早于最早可能的批准日期（申请日期 {applied} 加 20 个工作日审查期，约 {earliest}）。号码须获批后才能启用，请推迟开通日期，或改用批准后的月数（month_offset）。',
      en: '{province} is to open on {date}, before the earliest possible approval (application date {applied} plus the 20 working days of review, about {earliest}). The number can only open after approval: move the date later, or use months after approval (month_offset).',
    },
  },
  check(ctx) {
    const applied = applicationDate(ctx.app, ctx.today);
    if (applied === undefined) return;
    const earliest = addWorkingDays(applied, REVIEW_WORKING_DAYS);
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
        },
        extra: { earliest: formatIsoDate(earliest) },
      });
    });
  },
});
