/**
 * Calendar dates without time zones: strict 'YYYY-MM-DD' parsing, arithmetic on years, months, days and
 * weekdays, comparison, and quarters (working days with China's holidays: checks/working-days.ts). Owns all date logic of the rules (licence validity, schedules,
 * fee periods). Uses pure integer arithmetic on a day number (days since 1970-01-01, proleptic Gregorian
 * calendar); never `Date`, so there are no time-zone or two-digit-year pitfalls.
 */

/** A calendar date (proleptic Gregorian). `month` is 1–12, `day` 1–31. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Day of the week, ISO numbering: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for leap years of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parses a date written exactly as 'YYYY-MM-DD' (four-digit year 0000–9999, two-digit month and day).
 * Returns `undefined` for anything else: other separators, missing zero padding, times, surrounding
 * spaces, or impossible dates such as 2025-02-29 or 2026-13-01.
 */
export function parseIsoDate(text: string): CivilDate | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** True when `text` is a valid 'YYYY-MM-DD' date. */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

/** Formats a date as 'YYYY-MM-DD' (years below 1000 are zero-padded to four digits). */
export function formatIsoDate(date: CivilDate): string {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/**
 * The day number of a date: days since 1970-01-01 (negative before). Algorithm "days_from_civil" by
 * Howard Hinnant, exact for the proleptic Gregorian calendar.
 */
export function toDayNumber(date: CivilDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (date.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + date.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (inverse of {@link toDayNumber}). */
export function fromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** The UTC calendar date of a JavaScript `Date` (e.g. a timestamp a YAML 1.1 parser produced). */
export function fromUtcDate(value: Date): CivilDate {
  return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
}

/** Adds (or, if negative, subtracts) `days` days. */
export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Adds `months` calendar months. A day that does not exist in the target month is clamped to its last
 * day: 2026-01-31 + 1 month = 2026-02-28.
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** Adds `years` calendar years; 29 February becomes 28 February in a common year. */
export function addYears(date: CivilDate, years: number): CivilDate {
  return addMonths(date, years * 12);
}

/** Compares two dates: -1 if `a` is earlier, 0 if equal, 1 if later. */
export function compareDates(a: CivilDate, b: CivilDate): -1 | 0 | 1 {
  const d = toDayNumber(a) - toDayNumber(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** Days from `from` to `to`: positive when `to` is later (2026-01-01 → 2026-01-31 is 30). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CivilDate): IsoWeekday {
  // 1970-01-01 was a Thursday (4).
  const r = (((toDayNumber(date) + 3) % 7) + 7) % 7;
  return (r + 1) as IsoWeekday;
}

/** True from Monday to Friday (no holidays: for working days use checks/working-days.ts). */
export function isWeekday(date: CivilDate): boolean {
  return isoWeekday(date) <= 5;
}

/**
 * Adds `n` weekdays (Monday to Friday). The start date itself is not counted: Friday + 1 = Monday,
 * Saturday + 1 = Monday, and n = 0 returns the date unchanged. A negative `n` counts backwards.
 *
 * Public holidays and the weekend days made working days (调休) are ignored: deadlines in working days
 * ("20 个工作日") use `addWorkingDays` of checks/working-days.ts, which falls back to this count only for
 * years without a published holiday notice.
 */
export function addWeekdays(date: CivilDate, n: number): CivilDate {
  if (!Number.isInteger(n)) throw new RangeError(`addWeekdays: n must be an integer, got ${n}`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = toDayNumber(date);
  // Whole weeks first, so large n does not loop day by day.
  const weeks = Math.floor(remaining / 5);
  if (weeks > 1) {
    day += step * 7 * (weeks - 1);
    remaining -= 5 * (weeks - 1);
  }
  while (remaining > 0) {
    day += step;
    if (isWeekday(fromDayNumber(day))) remaining -= 1;
  }
  return fromDayNumber(day);
}

/** The quarter of a date, 1–4. */
export function quarterOf(date: CivilDate): 1 | 2 | 3 | 4 {
  return (Math.floor((date.month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

/** The first day of the quarter that contains `date`. */
export function startOfQuarter(date: CivilDate): CivilDate {
  return { year: date.year, month: (quarterOf(date) - 1) * 3 + 1, day: 1 };
}

/** The first day of the quarter after the one that contains `date`. */
export function startOfNextQuarter(date: CivilDate): CivilDate {
  return addMonths(startOfQuarter(date), 3);
}
