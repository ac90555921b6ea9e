/**
 * R-LICENCE-007: the licence 年报 (which replaced the 年检) is submitted for every year the licence was
 * in force whose deadline — 3月31日 of the next year (S16) — has passed by the application date. Years
 * before `valid_from` (the licence did not exist) and after `valid_until` owe nothing; without
 * `valid_from` only the previous year is asked for (after its filing period). Missing years are one
 * warning listing them, a "未报送" entry a warning on its status. The year whose filing period (1–3月)
 * is still open on the application date gets information only.
 */
import { formatIsoDate, type CivilDate } from '../../checks/dates';
import type { DataPath, Target } from '../../types';
import { defineRule } from '../define-rule';
import { get, getArray, getNumber, getString, isRecord } from '../../document/data-access';
import { applicationDate, licenceDate } from './shared';

const SUBMITTED = new Set(['已报送', '无需报送']);

/** At most this many past years are asked for (a licence runs 5 years; older ones are R-LICENCE-006's). */
const MAX_YEARS = 10;

/** The deadline of the report on `year`: 31 March of the next year. */
function deadlineOf(year: number): CivilDate {
  return { year: year + 1, month: 3, day: 31 };
}

/** The last year whose report deadline has passed by `date` (31 March itself is still in time). */
function lastOverdueYear(date: CivilDate): number {
  return date.month > 3 ? date.year - 1 : date.year - 2;
}

export const licenceAnnualReport = defineRule({
  id: 'R-LICENCE-007',
  name: 'licence-annual-report',
  defaultSeverity: 'warning',
  status: 'secondary',
  fixable: false,
  fields: [
    'application.date',
    'licence',
    'licence.annual_reports',
    'licence.annual_reports.*',
    'licence.annual_reports.*.year',
    'licence.annual_reports.*.status',
  ],
  description: {
    'zh-cn': '许可证有效期内、报送期限（次年 3 月 31 日）已过的各年度年报均应已报送（年报制度已取代年检）。',
    en: 'The licence annual report is submitted for every year the licence was in force whose deadline (31 March of the next year) has passed (annual reports replaced the annual inspection).',
  },
  messages: {
    noReports: {
      'zh-cn':
        '没有填写许可证年报情况（licence.annual_reports）。年报已取代年检，{years} 年度年报的报送期限（次年 3 月 31 日，最近一次为 {deadline}）在申请日期 {date} 前已届满；请补充这些年度的报送状态。',
      en: 'The licence annual reports (licence.annual_reports) are not given. Annual reports replaced the annual inspection; the deadline of the {years} report(s) (31 March of the next year, the latest {deadline}) passed before the application date {date}. Add the status of those years.',
    },
    yearMissing: {
      'zh-cn':
        '年报情况中没有 {years} 年度。许可证在这些年度有效，其年报报送期限（次年 3 月 31 日）在申请日期 {date} 前已届满；请补充这些年度年报的报送状态。',
      en: 'The annual reports do not include {years}. The licence was in force in those years and their deadline (31 March of the next year) passed before the application date {date}; add the status of those reports.',
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
    const from = licenceDate(ctx.app, 'valid_from');
    const until = licenceDate(ctx.app, 'valid_until');
    const last = lastOverdueYear(date);
    const inForce = (year: number): boolean =>
      (from === undefined || from.year <= year) && (until === undefined || until.year >= year);
    // Without valid_from only the previous year is asked for, once its filing period is over.
    const first = from === undefined ? date.year - 1 : Math.max(from.year, last - MAX_YEARS + 1);
    const due: number[] = [];
    for (let year = first; year <= last; year += 1) if (inForce(year)) due.push(year);
    // The year whose filing period (1–3月) is still open on the application date.
    const open = date.month <= 3 && inForce(date.year - 1) ? date.year - 1 : undefined;
    if (due.length === 0 && open === undefined) return;
    const dateText = formatIsoDate(date);
    const openParams = open === undefined ? undefined : { year: open, date: dateText, deadline: formatIsoDate(deadlineOf(open)) };
    const info = (path: DataPath, target: Target): void => {
      if (openParams) ctx.report({ path, target, messageId: 'filingPeriod', params: openParams, severity: 'info' });
    };
    const list = (years: readonly number[]): { 'zh-cn': string; en: string } => ({
      'zh-cn': years.join('、'),
      en: years.join(', '),
    });

    const reports = get(ctx.app, ['licence', 'annual_reports']);
    if (reports === undefined) {
      if (due.length > 0) {
        const latest = due[due.length - 1] ?? last;
        ctx.report({
          path: ['licence'],
          target: 'key',
          messageId: 'noReports',
          params: { years: list(due), deadline: formatIsoDate(deadlineOf(latest)), date: dateText },
        });
      } else info(['licence'], 'key');
      return;
    }
    if (!Array.isArray(reports)) return; // the schema's type
    const items = getArray(ctx.app, ['licence', 'annual_reports']);
    const indexOf = (year: number): number => items.findIndex((item) => getNumber(item, ['year']) === year);
    const missing = due.filter((year) => indexOf(year) < 0);
    if (missing.length > 0) {
      ctx.report({
        path: ['licence', 'annual_reports'],
        target: 'key',
        messageId: 'yearMissing',
        params: { years: list(missing), date: dateText },
      });
    }
    for (const year of due) {
      const index = indexOf(year);
      if (index < 0 || getString(items[index], ['status']) !== '未报送') continue; // other values: the schema's enum
      ctx.report({
        path: ['licence', 'annual_reports', index, 'status'],
        messageId: 'notSubmitted',
        params: { year, deadline: formatIsoDate(deadlineOf(year)) },
      });
    }
    if (open === undefined) return;
    const index = indexOf(open);
    const status = index < 0 ? undefined : getString(items[index], ['status']);
    if (index < 0) info(['licence', 'annual_reports'], 'key');
    else if (status === '未报送') info(['licence', 'annual_reports', index, 'status'], 'value');
    else if (status !== undefined && !SUBMITTED.has(status)) return; // another value: the schema's enum
  },
});
