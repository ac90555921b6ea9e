/**
 * R-LICENCE-009: the renewal deadline (`thresholds.renewalNoticeDays`, default 90 days before expiry)
 * falls before the end of the review of this application (20 working days, S2): the renewal must be
 * filed now, or should already have been. Working days count China's holidays (checks/working-days.ts). An expired licence is R-LICENCE-006's.
 */
import { addDays, compareDates, formatIsoDate } from '../../checks/dates';
import { addWorkingDays, REVIEW_WORKING_DAYS } from '../../checks/working-days';
import { defineRule } from '../define-rule';
import { applicationDate, formatDuration, licenceDate } from './shared';

export const licenceRenewalWindow = defineRule({
  id: 'R-LICENCE-009',
  name: 'licence-renewal-window',
  defaultSeverity: 'warning',
  status: 'secondary',
  fixable: false,
  fields: ['licence.valid_until'],
  description: {
    'zh-cn': '许可证将在续期申请期限内到期的，提示须在到期前 90 日（可配置）申请延续。',
    en: 'When the licence expires within the renewal notice period, warn that renewal must be applied for 90 days (configurable) before expiry.',
  },
  messages: {
    renewalOverdue: {
      'zh-cn':
        '许可证将于 {until} 到期，延续申请须在到期前 {notice} 日（{deadline} 前）提出，到申请日期 {date} 该期限已过 {late}。请确认已向原发证机关申请延续，并在申请材料中说明；未申请的，到期后许可证失效。',
      en: 'The licence expires on {until}; renewal had to be applied for {notice} days before expiry (by {deadline}), and by the application date {date} that deadline passed {late} ago. Make sure the renewal was filed with the issuing authority and say so in the application; otherwise the licence lapses at expiry.',
    },
    renewalDue: {
      'zh-cn':
        '许可证将于 {until} 到期，延续申请须在到期前 {notice} 日（{deadline} 前，距申请日期 {date} 还有 {left}）提出，该期限落在本次码号申请的审查期内。请尽快向原发证机关申请延续。',
      en: 'The licence expires on {until}; renewal must be applied for {notice} days before expiry (by {deadline}, {left} after the application date {date}), which falls within the review of this application. Apply to the issuing authority for renewal now.',
    },
  },
  check(ctx) {
    const notice = ctx.thresholds.renewalNoticeDays;
    if (typeof notice !== 'number' || !Number.isInteger(notice) || notice < 0 || notice > 36_500) return;
    const date = applicationDate(ctx.app, ctx.today);
    const until = licenceDate(ctx.app, 'valid_until');
    if (!date || !until || compareDates(until, date) < 0) return; // expired: R-LICENCE-006
    const deadline = addDays(until, -notice);
    if (compareDates(deadline, addWorkingDays(date, REVIEW_WORKING_DAYS).date) > 0) return;
    const common = {
      until: formatIsoDate(until),
      notice,
      deadline: formatIsoDate(deadline),
      date: formatIsoDate(date),
    };
    if (compareDates(deadline, date) < 0) {
      ctx.report({
        path: ['licence', 'valid_until'],
        messageId: 'renewalOverdue',
        params: { ...common, late: formatDuration(deadline, date) },
      });
    } else {
      ctx.report({
        path: ['licence', 'valid_until'],
        messageId: 'renewalDue',
        params: { ...common, left: formatDuration(date, deadline) },
      });
    }
  },
});
