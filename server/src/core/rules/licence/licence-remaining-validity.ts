/**
 * R-LICENCE-005: from the application date the licence is still valid for at least
 * `thresholds.licenceMinRemainingYears` years (default 1). An already expired licence is
 * R-LICENCE-006's, so it is not reported twice.
 */
import { addMonths, compareDates, daysBetween, formatIsoDate } from '../../checks/dates';
import { defineRule } from '../define-rule';
import { applicationDate, formatDuration, licenceDate } from './shared';

export const licenceRemainingValidity = defineRule({
  id: 'R-LICENCE-005',
  name: 'licence-remaining-validity',
  defaultSeverity: 'error',
  status: 'secondary',
  fixable: false,
  fields: ['application.date', 'licence.valid_until'],
  description: {
    'zh-cn': '自申请之日起，许可证有效期应不少于 1 年（可配置）。',
    en: 'From the application date the licence must remain valid for at least 1 year (configurable).',
  },
  messages: {
    tooShort: {
      'zh-cn':
        '许可证有效期至 {until}，距申请日期 {date} 仅剩 {remaining}，不足 {minimum}。自收到申请之日起，许可证有效期应不少于 {minimum}；请先办理许可证延续，并按延续后的许可证填写有效期。',
      en: 'The licence is valid until {until}: only {remaining} after the application date {date}, less than {minimum}. The licence must remain valid for at least {minimum} from the date the application is received; renew the licence first and give the renewed validity.',
    },
  },
  check(ctx) {
    const years = ctx.thresholds.licenceMinRemainingYears;
    if (typeof years !== 'number' || !Number.isFinite(years) || years <= 0 || years > 100) return;
    const date = applicationDate(ctx.app, ctx.today);
    const until = licenceDate(ctx.app, 'valid_until');
    if (!date || !until || compareDates(until, date) < 0) return; // expired: R-LICENCE-006
    const minimum = addMonths(date, Math.round(years * 12));
    if (compareDates(until, minimum) >= 0) return;
    ctx.report({
      path: ['licence', 'valid_until'],
      messageId: 'tooShort',
      params: {
        until: formatIsoDate(until),
        date: formatIsoDate(date),
        remaining: formatDuration(date, until),
        minimum: { 'zh-cn': `${years} 年`, en: `${years} year${years === 1 ? '' : 's'}` },
      },
      extra: { remainingDays: daysBetween(date, until) },
    });
  },
});
