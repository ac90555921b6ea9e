/**
 * R-SCHEDULE-002: openings fall within `thresholds.scheduleMonths` (default 12) of the approval. A
 * `month_offset` above it gets a warning; so does a `date` after the latest expected approval
 * (application date + 20 working days of review + 10 of extension, S2) plus that many months. The
 * legal deadline ("在规定的时限内", S1 第二十八条) was not found, hence a configurable warning.
 */
import { addMonths, compareDates, formatIsoDate, parseIsoDate } from '../../checks/dates';
import { addWorkingDays } from '../../checks/working-days';
import { defineRule } from '../define-rule';
import { getArray, getNumber, getString, isRecord } from '../../document/data-access';
import { applicationDate, REVIEW_EXTENSION_WORKING_DAYS, REVIEW_WORKING_DAYS } from './shared';

type MessageId = 'offsetTooLate' | 'dateTooLate';

export default defineRule<MessageId>({
  id: 'R-SCHEDULE-002',
  name: 'schedule-within-months',
  defaultSeverity: 'warning',
  status: 'inference',
  fixable: false,
  fields: ['schedule.*.month_offset', 'schedule.*.date'],
  description: {
    'zh-cn': '各省开通时间在批准后约 12 个月内（月数可配置）。',
    en: 'Each opening falls within about 12 months of the approval (the number of months is configurable).',
  },
  messages: {
    offsetTooLate: {
      'zh-cn': '{province}计划在批准后第 {offset} 个月开通，晚于 {months} 个月。号码须在规定时限内启用（《电信条例》第二十八条），请把开通时间提前到 {months} 个月以内。',
      en: '{province} is to open {offset} months after approval, later than {months} months. Numbers must be opened within the set time (Telecom Regulations art. 28): bring the opening within {months} months.',
    },
    dateTooLate: {
      'zh-cn': '{province}计划于 {date} 开通，晚于预计批准日期（约 {approval}）后 {months} 个月（{limit}）。号码须在规定时限内启用（《电信条例》第二十八条），请把开通时间提前。',
      en: '{province} is to open on {date}, more than {months} months after the expected approval (about {approval}), i.e. after {limit}. Numbers must be opened within the set time (Telecom Regulations art. 28): open earlier.',
    },
  },
  check(ctx) {
    const months = ctx.thresholds.scheduleMonths;
    if (!Number.isInteger(months) || months < 0) return;
    const appDate = applicationDate(ctx.app, ctx.today);
    const approval = appDate ? addWorkingDays(appDate, REVIEW_WORKING_DAYS + REVIEW_EXTENSION_WORKING_DAYS).date : undefined;
    const limit = approval ? addMonths(approval, months) : undefined;

    getArray(ctx.app, ['schedule']).forEach((entry, index) => {
      if (!isRecord(entry)) return;
      const province = getString(entry, ['province']) ?? `#${index + 1}`;
      const offset = getNumber(entry, ['month_offset']);
      if (offset !== undefined && offset > months) {
        ctx.report({
          path: ['schedule', index, 'month_offset'],
          messageId: 'offsetTooLate',
          params: { province, offset, months },
          extra: { maxMonths: months },
        });
      }
      const written = getString(entry, ['date']);
      const date = written === undefined ? undefined : parseIsoDate(written);
      if (date && approval && limit && compareDates(date, limit) > 0) {
        ctx.report({
          path: ['schedule', index, 'date'],
          messageId: 'dateTooLate',
          params: { province, date: formatIsoDate(date), months, approval: formatIsoDate(approval), limit: formatIsoDate(limit) },
          extra: { latest: formatIsoDate(limit) },
        });
      }
    });
  },
});
