/**
 * The deadlines of one application, computed from its data and its fee model: the expected decision
 * (20 working days after the application date, with China's public holidays and 调休:
 * checks/working-days.ts), the licence's
 * expiry, its renewal application (90 days before expiry), the last day the licence still has the
 * one year of validity a number application needs (R-LICENCE-005), the next licence annual report
 * and number annual report (both due 3月31日), and the first year's quarterly payments of the first
 * candidate's number fee. Each with days left from `today` and whether it falls inside the warning
 * window. Pure: data in, dates out.
 */
import { addDays, addYears, daysBetween, formatIsoDate, parseIsoDate, type CivilDate } from '../checks/dates';
import { addWorkingDays, calendarNote, REVIEW_WORKING_DAYS } from '../checks/working-days';
import type { FeeModel } from '../fees/model';
import type { DataPath, LocalizedText } from '../types';

/** Renewal (S15): apply at least 90 days before the licence expires. */
export const RENEWAL_DAYS_BEFORE_EXPIRY = 90;
/** The default warning window of `miit95.portfolio.deadlineWindowDays` and `--window-days`. */
export const DEFAULT_DEADLINE_WINDOW_DAYS = 30;

export type DeadlineKind =
  | 'decision'
  | 'licence-expiry'
  | 'licence-renewal'
  | 'remaining-validity'
  | 'licence-annual-report'
  | 'number-annual-report'
  | 'fee-payment';

/** `past`: before today; `soon`: today or within the window; `later`: after the window. */
export type DeadlineStatus = 'past' | 'soon' | 'later';

export interface Deadline {
  readonly kind: DeadlineKind;
  /** 'YYYY-MM-DD'. */
  readonly date: string;
  readonly title: LocalizedText;
  /** Where the date comes from in the file. */
  readonly path: DataPath;
  /** Days from today to the date (negative when past). */
  readonly daysLeft: number;
  readonly status: DeadlineStatus;
  /** Distinguishes deadlines of the same kind (the quarter of a payment): part of the calendar UID. */
  readonly key: string;
}

export interface DeadlineOptions {
  /** 'YYYY-MM-DD'. */
  readonly today: string;
  /** Days ahead within which a deadline is `soon` (default 30). */
  readonly windowDays?: number;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A date field: a 'YYYY-MM-DD' string (YAML 1.2 reads dates as strings) or a Date. */
export function dateField(value: unknown): CivilDate | undefined {
  if (typeof value === 'string') return parseIsoDate(value.trim());
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  return undefined;
}

/** The first 31 March on or after `from`. */
function nextMarch31(from: CivilDate): CivilDate {
  const thisYear: CivilDate = { year: from.year, month: 3, day: 31 };
  return daysBetween(from, thisYear) >= 0 ? thisYear : { year: from.year + 1, month: 3, day: 31 };
}

/** Years whose licence annual report is recorded as submitted (已报送) or not required (无需报送). */
function reportedYears(licence: Record<string, unknown> | undefined): Set<number> {
  const years = new Set<number>();
  const reports = licence?.['annual_reports'];
  if (!Array.isArray(reports)) return years;
  for (const item of reports) {
    const report = record(item);
    const year = report?.['year'];
    const status = report?.['status'];
    if (typeof year === 'number' && (status === '已报送' || status === '无需报送')) years.add(year);
  }
  return years;
}

/** The deadlines of an application, nearest first (past ones last, most recent first). */
export function deadlinesOf(
  value: unknown,
  fees: FeeModel | undefined,
  options: DeadlineOptions,
): Deadline[] {
  const today = parseIsoDate(options.today);
  if (today === undefined) return [];
  const window = options.windowDays ?? DEFAULT_DEADLINE_WINDOW_DAYS;
  const root = record(value);
  const out: Deadline[] = [];
  const add = (
    kind: DeadlineKind,
    date: CivilDate,
    title: LocalizedText,
    path: DataPath,
    key: string = kind,
  ): void => {
    const daysLeft = daysBetween(today, date);
    const status: DeadlineStatus = daysLeft < 0 ? 'past' : daysLeft <= window ? 'soon' : 'later';
    out.push({ kind, date: formatIsoDate(date), title, path, daysLeft, status, key });
  };

  const applied = dateField(record(root?.['application'])?.['date']);
  const counted = applied === undefined ? undefined : addWorkingDays(applied, REVIEW_WORKING_DAYS);
  const decision = counted?.date;
  if (counted !== undefined) {
    const note = calendarNote(counted);
    add(
      'decision',
      counted.date,
      {
        'zh-cn': `预计审批决定（20 个工作日）${note['zh-cn']}`,
        en: `Expected decision (20 working days)${note.en}`,
      },
      ['application', 'date'],
    );
  }

  const licence = record(root?.['licence']);
  const until = dateField(licence?.['valid_until']);
  if (until !== undefined) {
    const untilPath = ['licence', 'valid_until'];
    add(
      'licence-expiry',
      until,
      { 'zh-cn': '增值电信业务经营许可证到期', en: 'Telecom business licence expires' },
      untilPath,
    );
    add(
      'licence-renewal',
      addDays(until, -RENEWAL_DAYS_BEFORE_EXPIRY),
      {
        'zh-cn': '许可证延续申请截止（到期前 90 日）',
        en: 'Licence renewal application due (90 days before expiry)',
      },
      untilPath,
    );
    add(
      'remaining-validity',
      addYears(until, -1),
      {
        'zh-cn': '许可证剩余有效期降至一年（此后不能凭此证申请号码）',
        en: 'Licence validity falls to one year (no number application with it after this day)',
      },
      untilPath,
    );
  }
  if (licence !== undefined) {
    // The next 31 March whose report (of the year before) is not recorded as done.
    const reported = reportedYears(licence);
    let due = nextMarch31(today);
    while (reported.has(due.year - 1)) due = { year: due.year + 1, month: 3, day: 31 };
    add(
      'licence-annual-report',
      due,
      {
        'zh-cn': `许可证 ${due.year - 1} 年度年报截止（3月31日）`,
        en: `Licence annual report for ${due.year - 1} due (31 March)`,
      },
      ['licence', 'annual_reports'],
    );
  }
  if (decision !== undefined) {
    // The number report covers each year of use, from the year of approval: due 31 March after it.
    const first: CivilDate = { year: decision.year + 1, month: 3, day: 31 };
    const due = daysBetween(today, first) >= 0 ? first : nextMarch31(today);
    add(
      'number-annual-report',
      due,
      {
        'zh-cn': `码号 ${due.year - 1} 年度年报截止（3月31日，号码获批后）`,
        en: `Number annual report for ${due.year - 1} due (31 March, once the number is approved)`,
      },
      ['application', 'date'],
    );
  }
  const first = fees !== undefined && fees.blockedBy === 0 ? fees.candidates[0] : undefined;
  if (first?.priced === true) {
    for (const quarter of first.firstYear) {
      const due = parseIsoDate(quarter.due.date);
      if (due === undefined) continue;
      add(
        'fee-payment',
        due,
        {
          'zh-cn': `${first.number} 号码资源占用费 ${quarter.label} ${quarter.amount.text} 缴费截止`,
          en: `${first.number} number fee ${quarter.label} ${quarter.amount.text} due`,
        },
        quarter.due.path,
        `fee-payment-${quarter.label}`,
      );
    }
  }
  return out.sort(compareDeadlines);
}

/** Upcoming first (nearest first), then past ones (most recent first); then by kind. */
export function compareDeadlines(a: Deadline, b: Deadline): number {
  const pa = a.daysLeft < 0 ? 1 : 0;
  const pb = b.daysLeft < 0 ? 1 : 0;
  if (pa !== pb) return pa - pb;
  const byDays = pa === 0 ? a.daysLeft - b.daysLeft : b.daysLeft - a.daysLeft;
  return byDays || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** The nearest deadline that is not past, if any. */
export function nextDeadline(deadlines: readonly Deadline[]): Deadline | undefined {
  return deadlines.find((d) => d.daysLeft >= 0);
}
