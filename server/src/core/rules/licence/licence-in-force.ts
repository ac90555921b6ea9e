/**
 * R-LICENCE-006: on the application date the licence is in force (valid_from ≤ date ≤ valid_until),
 * its dates are in order, and its term is at most 5 years (one day of tolerance). Owns the expired
 * case; R-LICENCE-005 and -009 stay silent on an expired licence.
 */
import { addDays, addYears, compareDates, daysBetween, formatIsoDate } from '../../checks/dates';
import { defineRule } from '../define-rule';
import { applicationDate, formatDuration, licenceDate } from './shared';

/** The licence term (42号令, consultant pages agree): 5 years. A fact of the regulation, not a setting. */
const TERM_YEARS = 5;

export const licenceInForce = defineRule({
  id: 'R-LICENCE-006',
  name: 'licence-in-force',
  defaultSeverity: 'error',
  status: 'secondary',
  fixable: false,
  fields: ['application.date', 'licence.valid_from', 'licence.valid_until'],
  description: {
    'zh-cn': '申请日期须在许可证有效期内，有效期起止日期须前后有序且不超过 5 年。',
    en: 'The application date must fall within the licence validity, whose dates must be in order and span at most 5 years.',
  },
  messages: {
    reversed: {
      'zh-cn': '许可证有效期至 {until} 早于有效期起始日期 {from}。请按许可证原件核对两个日期。',
      en: 'The licence is valid until {until}, before its start date {from}. Check both dates against the licence.',
    },
    expired: {
      'zh-cn':
        '许可证已于 {until} 到期，到申请日期 {date} 已过期 {elapsed}。过期的许可证不能申请 95 号码；请先办理许可证延续（或重新申领），并按新的有效期填写。',
      en: 'The licence expired on {until}, {elapsed} before the application date {date}. An expired licence cannot support a 95 number; renew the licence (or obtain a new one) first and give the new validity.',
    },
    notYetValid: {
      'zh-cn':
        '许可证有效期自 {from} 起，晚于申请日期 {date}（{wait}后才生效）：申请时许可证尚未生效。请核对起始日期，或在许可证生效后再申请。',
      en: 'The licence is valid from {from}, after the application date {date} ({wait} later): it is not yet in force when the application is made. Check the start date, or apply once the licence is in force.',
    },
    termTooLong: {
      'zh-cn':
        '许可证有效期 {from} 至 {until} 共 {term}，超过 {years} 年。增值电信业务经营许可证有效期为 {years} 年；请按许可证原件核对起止日期。',
      en: 'The licence validity {from} to {until} spans {term}, more than {years} years. A value-added telecom licence is granted for {years} years; check both dates against the licence.',
    },
    startHere: {
      'zh-cn': '有效期起始日期 {from}',
      en: 'Start of validity {from}',
    },
  },
  check(ctx) {
    const from = licenceDate(ctx.app, 'valid_from');
    const until = licenceDate(ctx.app, 'valid_until');
    const startRelated = from
      ? [
          {
            path: ['licence', 'valid_from'],
            messageId: 'startHere' as const,
            params: { from: formatIsoDate(from) },
          },
        ]
      : [];
    if (from && until && compareDates(until, from) < 0) {
      ctx.report({
        path: ['licence', 'valid_until'],
        messageId: 'reversed',
        params: { from: formatIsoDate(from), until: formatIsoDate(until) },
        related: startRelated,
      });
      return;
    }
    const date = applicationDate(ctx.app, ctx.today);
    if (date && until && compareDates(until, date) < 0) {
      ctx.report({
        path: ['licence', 'valid_until'],
        messageId: 'expired',
        params: {
          until: formatIsoDate(until),
          date: formatIsoDate(date),
          elapsed: formatDuration(until, date),
        },
        extra: { daysExpired: daysBetween(until, date) },
      });
    }
    if (date && from && compareDates(from, date) > 0) {
      ctx.report({
        path: ['licence', 'valid_from'],
        messageId: 'notYetValid',
        params: { from: formatIsoDate(from), date: formatIsoDate(date), wait: formatDuration(date, from) },
      });
    }
    if (from && until && compareDates(until, addDays(addYears(from, TERM_YEARS), 1)) > 0) {
      ctx.report({
        path: ['licence', 'valid_until'],
        messageId: 'termTooLong',
        params: {
          from: formatIsoDate(from),
          until: formatIsoDate(until),
          term: formatDuration(from, until),
          years: TERM_YEARS,
        },
        related: startRelated,
      });
    }
  },
});
