/**
 * Working days in China: Monday to Friday, minus the public holidays and plus the weekend days made
 * working days (调休), from the State Council General Office's annual holiday notices (data/cn-holidays.json,
 * versioned with each notice's number and address). A year without a published notice in the data is
 * counted weekends-only, and the result says which years those were, so a message can say so. Owns the
 * working-day arithmetic of the deadlines ("20 个工作日", "10 个工作日").
 */
import data from '../data/cn-holidays.json';
import { addWeekdays, fromDayNumber, isoWeekday, toDayNumber, type CivilDate } from './dates';

/** MIIT decides within 20 working days of acceptance (reference.md §7, S2), a fact, not a setting … */
export const REVIEW_WORKING_DAYS = 20;
/** … extendable by 10 working days (S2). */
export const REVIEW_EXTENSION_WORKING_DAYS = 10;

/** One year of the holiday calendar as published. */
export interface HolidayYear {
  readonly year: number;
  /** The notice (国办发明电〔…〕…号) and its address. */
  readonly notice: string;
  readonly url: string;
  /** Day numbers of the announced holidays (weekdays and weekends alike). */
  readonly holidays: ReadonlySet<number>;
  /** Day numbers of the weekend days made working days (调休上班). */
  readonly workdays: ReadonlySet<number>;
}

/** A date reached by counting working days, and how it was counted. */
export interface WorkingDayResult {
  readonly date: CivilDate;
  /** True when every year the count went through has a holiday notice in the data. */
  readonly holidayAware: boolean;
  /** The years counted weekends-only because the data has no notice for them, ascending. */
  readonly yearsWithoutCalendar: readonly number[];
}

function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return toDayNumber({ year: y ?? 0, month: m ?? 1, day: d ?? 1 });
}

const YEARS: ReadonlyMap<number, HolidayYear> = new Map(
  Object.entries(data.years).map(([key, entry]) => {
    const holidays = new Set<number>();
    for (const [first, last] of entry.holidays) {
      for (let day = dayOf(first ?? ''); day <= dayOf(last ?? ''); day += 1) holidays.add(day);
    }
    const year: HolidayYear = {
      year: Number(key),
      notice: entry.notice,
      url: entry.url,
      holidays,
      workdays: new Set(entry.workdays.map(dayOf)),
    };
    return [year.year, year] as const;
  }),
);

/** The years the holiday calendar covers, ascending. */
export const calendarYears: readonly number[] = [...YEARS.keys()].sort((a, b) => a - b);

/** The published calendar of `year`, or undefined when the data has no notice for it. */
export function holidayYear(year: number): HolidayYear | undefined {
  return YEARS.get(year);
}

/**
 * True on a working day: an adjusted working day (调休上班) always, an announced holiday never, else
 * Monday to Friday. In a year without a notice only weekends are days off.
 */
export function isWorkingDay(date: CivilDate): boolean {
  const calendar = YEARS.get(date.year);
  const day = toDayNumber(date);
  if (calendar?.workdays.has(day)) return true;
  if (calendar?.holidays.has(day)) return false;
  return isoWeekday(date) <= 5;
}

/**
 * Adds `n` working days ({@link isWorkingDay}). The start date itself is not counted (Friday + 1 = the
 * next working day), n = 0 returns the date unchanged, a negative `n` counts backwards. Far outside
 * the calendar (a span ending more than a year before its first year or starting more than a year
 * after its last) the weekday count is used directly, as only weekends apply there.
 */
export function addWorkingDays(date: CivilDate, n: number): WorkingDayResult {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer, got ${n}`);
  const first = calendarYears[0] ?? 0;
  const last = calendarYears[calendarYears.length - 1] ?? 0;
  const missing = new Set<number>();
  const end = addWeekdays(date, n);
  const from = Math.min(date.year, end.year);
  const to = Math.max(date.year, end.year);
  // A span that does not come near the calendar (a year of margin for the holidays' shift) has weekends only.
  if (to < first - 1 || from > last + 1) {
    for (let y = from; y <= to; y += 1) missing.add(y);
    return result(end, missing);
  }
  return countDayByDay(date, n, missing);
}

function countDayByDay(date: CivilDate, n: number, missing: Set<number>): WorkingDayResult {
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = toDayNumber(date);
  while (remaining > 0) {
    day += step;
    const current = fromDayNumber(day);
    if (!YEARS.has(current.year)) missing.add(current.year);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return result(fromDayNumber(day), missing);
}

function result(date: CivilDate, missing: ReadonlySet<number>): WorkingDayResult {
  const years = [...missing].sort((a, b) => a - b);
  return { date, holidayAware: years.length === 0, yearsWithoutCalendar: years };
}

/**
 * A note for messages: empty when the count used the holiday calendar, else which years were counted
 * weekends-only ("（2027 年尚无节假日安排通知，按只排除周末计算）").
 */
export function calendarNote(counted: WorkingDayResult): { readonly 'zh-cn': string; readonly en: string } {
  if (counted.holidayAware) return { 'zh-cn': '', en: '' };
  const years = counted.yearsWithoutCalendar;
  return {
    'zh-cn': `（${years.join('、')} 年尚无国务院节假日安排通知数据，按只排除周末计算）`,
    en: ` (no State Council holiday notice for ${years.join(', ')} in the data: counted excluding weekends only)`,
  };
}
