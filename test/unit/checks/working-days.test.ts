// checks/working-days.ts: working days with China's holidays and 调休 from the State Council notices
// (data/cn-holidays.json, issue 11 class 8), and the weekends-only fallback for years without one.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { formatIsoDate, fromDayNumber, isoWeekday, parseIsoDate, toDayNumber, type CivilDate } from '../../../server/src/core/checks/dates';
import {
  addWorkingDays,
  calendarNote,
  calendarYears,
  holidayYear,
  isWorkingDay,
} from '../../../server/src/core/checks/working-days';
import data from '../../../server/src/core/data/cn-holidays.json';

const d = (text: string): CivilDate => {
  const date = parseIsoDate(text);
  assert.ok(date, text);
  return date;
};

describe('checks/working-days', () => {
  it('covers 2020–2026, each year with its notice and address', () => {
    assert.deepEqual(calendarYears, [2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const year of calendarYears) {
      const entry = holidayYear(year);
      assert.ok(entry, String(year));
      assert.match(entry.url, /^https?:\/\/www\.gov\.cn\//);
      assert.ok(entry.notice.length > 0);
    }
  });

  it('every adjusted working day is a weekend day, every range lies in order', () => {
    for (const [year, entry] of Object.entries(data.years)) {
      for (const day of entry.workdays) assert.ok(isoWeekday(d(day)) >= 6, `${year}: ${day} is not a weekend day`);
      for (const [first, last] of entry.holidays) assert.ok(toDayNumber(d(first ?? '')) <= toDayNumber(d(last ?? '')), `${first}…${last}`);
    }
  });

  const days: [string, boolean][] = [
    ['2026-02-16', false], // 春节, Monday
    ['2026-02-14', true], // 调休 Saturday
    ['2026-02-28', true],
    ['2026-10-10', true],
    ['2026-10-07', false],
    ['2025-10-08', false],
    ['2025-09-28', true],
    ['2024-02-18', true],
    ['2020-01-31', false], // extension of the 2020 Spring Festival (国办发明电〔2020〕1号)
    ['2020-02-01', false], // the announced 调休 Saturday was cancelled by the extension
    ['2026-12-05', false], // an ordinary Saturday
    ['2026-12-07', true],
    ['2027-10-01', true], // no notice for 2027: weekends only
  ];
  for (const [day, working] of days) {
    it(`${day} is ${working ? 'a working day' : 'a day off'}`, () => assert.equal(isWorkingDay(d(day)), working));
  }

  const counts: [string, number, string, boolean][] = [
    ['2026-09-24', 20, '2026-10-29', true], // across 中秋 and 国庆, with the 9-20 and 10-10 working days
    ['2026-12-01', 20, '2026-12-29', true],
    ['2025-09-25', 5, '2025-10-09', true],
    ['2026-02-13', 1, '2026-02-14', true], // Friday + 1 = the 调休 Saturday
    ['2026-02-24', -1, '2026-02-14', true],
    ['2026-02-24', 0, '2026-02-24', true],
    ['2026-12-20', 20, '2027-01-15', false], // runs into 2027: weekends only there
    ['2030-01-01', 10, '2030-01-15', false],
  ];
  for (const [start, n, out, aware] of counts) {
    it(`${start} + ${n} working days = ${out}${aware ? '' : ' (weekends only for a year without notice)'}`, () => {
      const result = addWorkingDays(d(start), n);
      assert.equal(formatIsoDate(result.date), out);
      assert.equal(result.holidayAware, aware);
      if (!aware) assert.ok(result.yearsWithoutCalendar.length > 0);
    });
  }

  it('says which years were counted weekends-only', () => {
    const result = addWorkingDays(d('2026-12-20'), 20);
    assert.deepEqual(result.yearsWithoutCalendar, [2027]);
    assert.match(calendarNote(result)['zh-cn'], /2027 年尚无国务院节假日安排通知/);
    assert.match(calendarNote(result).en, /2027/);
    assert.deepEqual(calendarNote(addWorkingDays(d('2026-03-02'), 20)), { 'zh-cn': '', en: '' });
  });

  it('agrees with a day-by-day count of isWorkingDay, both directions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: -60, max: 60 }), (offset, n) => {
        const start = fromDayNumber(toDayNumber(d('2019-06-01')) + offset);
        let day = toDayNumber(start);
        let left = Math.abs(n);
        while (left > 0) {
          day += Math.sign(n);
          if (isWorkingDay(fromDayNumber(day))) left -= 1;
        }
        assert.deepEqual(addWorkingDays(start, n).date, fromDayNumber(day));
      }),
      { numRuns: 300 },
    );
    assert.throws(() => addWorkingDays(d('2026-12-01'), 0.5), RangeError);
  });
});
