/**
 * The deadlines of an application (core/portfolio/deadlines.ts): each kind from the complete
 * sample's dates, the window and past status, the annual reports skipping years already reported,
 * the fee payments from the fee model, and silence on missing or malformed dates.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validate } from '../../../server/src/core';
import { formatIsoDate } from '../../../server/src/core/checks/dates';
import { addWorkingDays } from '../../../server/src/core/checks/working-days';
import { computeFeeModel } from '../../../server/src/core/fees/model';
import { deadlinesOf, nextDeadline, type Deadline } from '../../../server/src/core/portfolio';
import { SAMPLES_DIR } from '../../sample-files';

const SAMPLE = readFileSync(path.join(SAMPLES_DIR, 'complete', '杭州云声.app95.yaml'), 'utf8');
const TODAY = '2026-12-07';

function deadlinesFor(text: string, today = TODAY, windowDays?: number): Deadline[] {
  const result = validate(text, { today });
  const value = result.document?.value;
  const fees = computeFeeModel({ value, findings: result.findings, today });
  return deadlinesOf(value, fees, { today, ...(windowDays !== undefined ? { windowDays } : {}) });
}

const byKey = (list: readonly Deadline[], key: string): Deadline | undefined =>
  list.find((d) => d.key === key);

describe('portfolio deadlines', function () {
  it('lists every kind for the complete sample, nearest first', function () {
    const list = deadlinesFor(SAMPLE);
    const dates = Object.fromEntries(list.map((d) => [d.key, d.date]));
    assert.deepEqual(dates, {
      decision: formatIsoDate(addWorkingDays({ year: 2026, month: 12, day: 1 }, 20).date),
      'licence-annual-report': '2027-03-31', // 2025 is reported; the 2026 report is next
      'number-annual-report': '2027-03-31',
      'fee-payment-2027-Q1': '2027-04-10',
      'fee-payment-2027-Q2': '2027-07-10',
      'fee-payment-2027-Q3': '2027-10-10',
      'fee-payment-2027-Q4': '2028-01-10',
      'fee-payment-2028-Q1': '2028-04-10',
      'remaining-validity': '2027-06-20',
      'licence-renewal': '2028-03-22',
      'licence-expiry': '2028-06-20',
    });
    const upcoming = list.map((d) => d.daysLeft);
    assert.deepEqual(
      upcoming,
      [...upcoming].sort((a, b) => a - b),
      'nearest first',
    );
    assert.equal(nextDeadline(list)?.kind, 'decision');
  });

  it('the expected decision counts working days with the holiday calendar', function () {
    const decision = byKey(deadlinesFor(SAMPLE), 'decision');
    // 2026-12-01 + 20 working days crosses no holiday: 2026-12-29.
    assert.equal(decision?.date, '2026-12-29');
    // Before the National Day holiday (1–8 October 2026 in the 2026 notice) the count skips it.
    const autumn = byKey(
      deadlinesFor(SAMPLE.replace('  date: 2026-12-01', '  date: 2026-09-25'), '2026-09-25'),
      'decision',
    );
    assert.equal(autumn?.date, formatIsoDate(addWorkingDays({ year: 2026, month: 9, day: 25 }, 20).date));
    assert.ok((autumn?.date ?? '') > '2026-10-23', autumn?.date);
    assert.equal(decision?.date, formatIsoDate(addWorkingDays({ year: 2026, month: 12, day: 1 }, 20).date));
    assert.deepEqual(decision?.path, ['application', 'date']);
  });

  it('marks deadlines inside the window as soon, later ones as later, earlier ones as past', function () {
    const list = deadlinesFor(SAMPLE, TODAY, 30);
    assert.equal(byKey(list, 'decision')?.status, 'soon');
    assert.equal(byKey(list, 'licence-expiry')?.status, 'later');
    const narrow = deadlinesFor(SAMPLE, TODAY, 5);
    assert.equal(byKey(narrow, 'decision')?.status, 'later');
    const late = deadlinesFor(SAMPLE, '2027-08-01');
    const remaining = byKey(late, 'remaining-validity');
    assert.equal(remaining?.status, 'past');
    assert.ok((remaining?.daysLeft ?? 0) < 0);
    assert.equal(late[late.length - 1]?.status, 'past', 'past ones come last');
  });

  it('moves the licence report to the next year that is not recorded as reported', function () {
    const reported = SAMPLE.replace(
      '    - year: 2025\n      status: 已报送',
      '    - year: 2025\n      status: 已报送\n    - year: 2026\n      status: 已报送',
    );
    assert.notEqual(reported, SAMPLE);
    assert.equal(byKey(deadlinesFor(reported), 'licence-annual-report')?.date, '2028-03-31');
    const pending = SAMPLE.replace('      status: 已报送', '      status: 未报送');
    // On 2026-03-01 the 2025 report (not submitted) is due on 2026-03-31.
    assert.equal(byKey(deadlinesFor(pending, '2026-03-01'), 'licence-annual-report')?.date, '2026-03-31');
  });

  it('the number report is due on 31 March after the year of the decision', function () {
    const autumn = SAMPLE.replace('  date: 2026-12-01', '  date: 2026-09-01');
    assert.equal(byKey(deadlinesFor(autumn, '2026-09-05'), 'number-annual-report')?.date, '2027-03-31');
    assert.equal(byKey(deadlinesFor(autumn, '2027-04-02'), 'number-annual-report')?.date, '2028-03-31');
  });

  it('has no fee payments when the fee inputs have errors, and no dates from malformed values', function () {
    const badNumber = SAMPLE.replace('candidates: ["95079", "95128", "952388"]', 'candidates: ["9507X"]');
    assert.equal(deadlinesFor(badNumber).filter((d) => d.kind === 'fee-payment').length, 0);
    const badDates = SAMPLE.replace('  date: 2026-12-01', '  date: 2026-13-01').replace(
      'valid_until: 2028-06-20',
      'valid_until: 明年',
    );
    const kinds = deadlinesFor(badDates).map((d) => d.kind);
    assert.ok(!kinds.includes('decision') && !kinds.includes('licence-expiry'), kinds.join());
    assert.deepEqual(deadlinesOf('not an application', undefined, { today: TODAY }), []);
    assert.deepEqual(deadlinesOf({}, undefined, { today: 'not a date' }), []);
  });
});
