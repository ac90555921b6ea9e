/**
 * R-LICENCE-007: the licence 年报 (which replaced the 年检) of the year before the application date is
 * submitted. A missing entry is a warning too. From January to March the previous year's report is
 * still within its filing period (1–3月), so the finding is then information about the deadline. A
 * licence issued in the application year owes no report for the previous year.
 */
import { formatIsoDate } from '../../checks/dates';
import type { DataPath, Target } from '../../types';
import { defineRule, get, getArray, getNumber, getString, isRecord } from '../define-rule';
import { applicationDate, licenceDate } from './shared';

const SUBMITTED = new Set(['已报送', '无需报送']);

export const licenceAnnualReport = defineRule({
  id: 'R-LICENCE-007',
  name: 'licence-annual-report',
  defaultSeverity: 'warning',
  status: 'secondary',
  fixable: false,
  description: {
    'zh-cn': '申请日期上一年度的许可证年报应已报送（年报制度已取代年检）。',
    en: 'The licence annual report for the year before the application date should be submitted (annual reports replaced the annual inspection).',
  },
  messages: {
    noReports: {
      'zh-cn':
        '没有填写许可证年报情况（licence.annual_reports）。年报已取代年检，{year} 年度年报应在 {deadline} 前报送；请补充 {year} 年度的报送状态。',
      en: 'The licence annual reports (licence.annual_reports) are not given. Annual reports replaced the annual inspection; the {year} report is due by {deadline}. Add the status of the {year} report.',
    },
    yearMissing: {
      'zh-cn': '年报情况中没有 {year} 年度（申请日期 {date} 的上一年度）。请补充 {year} 年度年报的报送状态。',
      en: 'The annual reports do not include {year}, the year before the application date {date}. Add the status of the {year} report.',
    },
    notSubmitted: {
      'zh-cn':
        '{year} 年度许可证年报“未报送”（应在 {deadline} 前报送）。未按期报送的会被列入不良名单，审查时会被问及；请先在电信业务市场综合管理信息系统中报送。',
      en: 'The {year} licence annual report is “未报送” (not submitted; it was due by {deadline}). Licensees who do not report are listed as non-compliant and the reviewer will ask; submit it in the telecom market management system first.',
    },
    filingPeriod: {
      'zh-cn':
        '{year} 年度许可证年报尚未标明已报送；申请日期 {date} 仍在报送期内（{deadline} 前）。请在报送后更新状态，审查时通常会核对上一年度年报。',
      en: 'The {year} licence annual report is not marked as submitted; the application date {date} is still within the filing period (until {deadline}). Update the status once it is filed: reviewers usually check the previous year’s report.',
    },
  },
  check(ctx) {
    const date = applicationDate(ctx.app, ctx.today);
    if (!date || !isRecord(get(ctx.app, ['licence']))) return;
    const year = date.year - 1;
    const from = licenceDate(ctx.app, 'valid_from');
    if (from && from.year > year) return; // issued in the application year: nothing due yet
    const deadline = formatIsoDate({ year: date.year, month: 3, day: 31 });
    const inFilingPeriod = date.month <= 3;
    const params = { year, date: formatIsoDate(date), deadline };
    const report = (
      path: DataPath,
      target: Target,
      messageId: 'noReports' | 'yearMissing' | 'notSubmitted',
    ): void =>
      inFilingPeriod
        ? ctx.report({ path, target, messageId: 'filingPeriod', params, severity: 'info' })
        : ctx.report({ path, target, messageId, params });

    const reports = get(ctx.app, ['licence', 'annual_reports']);
    if (reports === undefined) {
      report(['licence'], 'key', 'noReports');
      return;
    }
    if (!Array.isArray(reports)) return; // the schema's type
    const items = getArray(ctx.app, ['licence', 'annual_reports']);
    const index = items.findIndex((item) => getNumber(item, ['year']) === year);
    if (index < 0) {
      report(['licence', 'annual_reports'], 'key', 'yearMissing');
      return;
    }
    const status = getString(items[index], ['status']);
    if (status === undefined || SUBMITTED.has(status)) return;
    if (status !== '未报送') return; // another value: the schema's enum
    report(['licence', 'annual_reports', index, 'status'], 'value', 'notSubmitted');
  },
});
