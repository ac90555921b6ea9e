// Calendar dates: strict parsing, arithmetic, working days, quarters.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addWeekdays,
  addYears,
  compareDates,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  fromDayNumber,
  fromUtcDate,
  isIsoDate,
  isoWeekday,
  parseIsoDate,
  quarterOf,
  startOfNextQuarter,
  startOfQuarter,
  toDayNumber,
  type CivilDate,
} from '../../../server/src/core/checks/dates';

const d = (s: string): CivilDate => {
  const r = parseIsoDate(s);
  if (!r) throw new Error(`bad test date ${s}`);
  return r;
};
const f = formatIsoDate;

describe('checks/dates', () => {
  const valid = [
    '2026-12-01',
    '2024-02-29',
    '2000-02-29',
    '1970-01-01',
    '0000-01-01',
    '0001-01-01',
    '9999-12-31',
  ];
  for (const s of valid) {
    it(`parses ${s} and formats it back`, () => assert.equal(f(d(s)), s));
  }

  const invalid = [
    '2025-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-12-00',
    '2026-1-01',
    '26-12-01',
    '2026/12/01',
    ' 2026-12-01',
    '2026-12-01 ',
    '2026-12-01T00:00:00Z',
    '２０２６-１２-０１',
    '',
  ];
  for (const s of invalid) {
    it(`rejects ${JSON.stringify(s)}`, () => {
      assert.equal(parseIsoDate(s), undefined);
      assert.equal(isIsoDate(s), false);
    });
  }

  it('day numbers: epoch, round trip and agreement with Date.UTC', () => {
    assert.equal(toDayNumber(d('1970-01-01')), 0);
    assert.equal(toDayNumber(d('1969-12-31')), -1);
    assert.equal(toDayNumber(d('0000-01-01')), -719_528);
    assert.equal(toDayNumber(d('9999-12-31')), 2_932_896);
    fc.assert(
      fc.property(fc.integer({ min: -719_528, max: 2_932_896 }), (n) => {
        const date = fromDayNumber(n);
        assert.equal(toDayNumber(date), n);
        assert.deepEqual(parseIsoDate(formatIsoDate(date)), date);
        if (date.year >= 100) {
          assert.equal(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000, n);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('fromUtcDate takes the UTC calendar date', () => {
    assert.equal(f(fromUtcDate(new Date('2026-12-01T00:00:00Z'))), '2026-12-01');
    assert.equal(f(fromUtcDate(new Date('2026-12-01T23:30:00-02:00'))), '2026-12-02');
  });

  const arithmetic: [string, (x: CivilDate) => CivilDate, string][] = [
    ['2026-12-01 + 31 days', (x) => addDays(x, 31), '2027-01-01'],
    ['2024-02-28 + 1 day', (x) => addDays(x, 1), '2024-02-29'],
    ['2026-03-01 − 1 day', (x) => addDays(x, -1), '2026-02-28'],
    ['2026-01-31 + 1 month', (x) => addMonths(x, 1), '2026-02-28'],
    ['2024-01-31 + 1 month', (x) => addMonths(x, 1), '2024-02-29'],
    ['2026-11-15 + 3 months', (x) => addMonths(x, 3), '2027-02-15'],
    ['2026-01-15 − 1 month', (x) => addMonths(x, -1), '2025-12-15'],
    ['2026-01-15 + 12 months', (x) => addMonths(x, 12), '2027-01-15'],
    ['2024-02-29 + 1 year', (x) => addYears(x, 1), '2025-02-28'],
    ['2024-02-29 + 4 years', (x) => addYears(x, 4), '2028-02-29'],
    ['2023-06-20 + 5 years', (x) => addYears(x, 5), '2028-06-20'],
    ['2027-06-20 − 1 year', (x) => addYears(x, -1), '2026-06-20'],
  ];
  for (const [label, op, out] of arithmetic) {
    const start = label.slice(0, 10);
    it(`${label} = ${out}`, () => assert.equal(f(op(d(start))), out));
  }

  it('compare and difference', () => {
    assert.equal(compareDates(d('2026-12-01'), d('2028-06-20')), -1);
    assert.equal(compareDates(d('2028-06-20'), d('2026-12-01')), 1);
    assert.equal(compareDates(d('2026-12-01'), d('2026-12-01')), 0);
    assert.equal(daysBetween(d('2026-01-01'), d('2026-01-31')), 30);
    assert.equal(daysBetween(d('2026-01-31'), d('2026-01-01')), -30);
    assert.equal(daysBetween(d('2024-01-01'), d('2025-01-01')), 366);
    assert.equal(daysBetween(d('2026-12-01'), d('2028-06-20')), 567);
  });

  it('weekdays (ISO: Monday = 1)', () => {
    assert.equal(isoWeekday(d('1970-01-01')), 4); // Thursday
    assert.equal(isoWeekday(d('2026-11-28')), 6); // Saturday
    assert.equal(isoWeekday(d('2026-11-30')), 1); // Monday
    assert.equal(isoWeekday(d('2000-01-01')), 6);
  });

  const working: [string, number, string][] = [
    ['2026-11-27', 1, '2026-11-30'], // Friday + 1 → Monday
    ['2026-11-28', 1, '2026-11-30'], // Saturday + 1 → Monday
    ['2026-11-29', 1, '2026-11-30'], // Sunday + 1 → Monday
    ['2026-11-30', 0, '2026-11-30'],
    ['2026-11-28', 0, '2026-11-28'],
    ['2026-11-30', 4, '2026-12-04'],
    ['2026-11-30', 5, '2026-12-07'],
    ['2026-12-01', 20, '2026-12-29'], // review period of 20 working days (no holidays)
    ['2026-12-01', 30, '2027-01-12'],
    ['2026-11-30', -1, '2026-11-27'],
    ['2026-11-29', -1, '2026-11-27'],
    ['2026-12-04', -5, '2026-11-27'],
  ];
  for (const [start, n, out] of working) {
    it(`${start} + ${n} weekdays = ${out}`, () => assert.equal(f(addWeekdays(d(start), n)), out));
  }

  it('addWeekdays agrees with a day-by-day count, including large n', () => {
    const slow = (x: CivilDate, n: number): CivilDate => {
      let day = toDayNumber(x);
      let left = Math.abs(n);
      while (left > 0) {
        day += Math.sign(n);
        if (isoWeekday(fromDayNumber(day)) <= 5) left -= 1;
      }
      return fromDayNumber(day);
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: -400, max: 400 }), (n0, n) => {
        const start = fromDayNumber(20_000 + n0);
        assert.deepEqual(addWeekdays(start, n), slow(start, n));
      }),
      { numRuns: 300 },
    );
    assert.throws(() => addWeekdays(d('2026-12-01'), 1.5), RangeError);
  });

  const quarters: [string, number, string, string][] = [
    ['2026-01-01', 1, '2026-01-01', '2026-04-01'],
    ['2026-03-31', 1, '2026-01-01', '2026-04-01'],
    ['2026-04-01', 2, '2026-04-01', '2026-07-01'],
    ['2026-09-30', 3, '2026-07-01', '2026-10-01'],
    ['2026-12-31', 4, '2026-10-01', '2027-01-01'],
  ];
  for (const [date, q, start, next] of quarters) {
    it(`${date} is in Q${q} (${start} … ${next})`, () => {
      assert.equal(quarterOf(d(date)), q);
      assert.equal(f(startOfQuarter(d(date))), start);
      assert.equal(f(startOfNextQuarter(d(date))), next);
    });
  }

  it('daysInMonth', () => {
    assert.deepEqual(
      Array.from({ length: 12 }, (_, i) => daysInMonth(2024, i + 1)),
      [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
    );
    assert.equal(daysInMonth(2100, 2), 28);
  });
});
