// The fee model (server/src/core/fees/model.ts) against hand-computed figures: 5- and 6-digit
// numbers, a billing start in mid-quarter (and mid-month), a licence ending in 2 years, the
// comparison of the two lengths, blocking findings, and the complete sample end to end.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validate, type Finding } from '../../../server/src/core';
import { computeFeeModel, type CandidateFees, type FeeModel } from '../../../server/src/core/fees/model';

const TODAY = '2026-11-28';

function app(candidates: unknown[], billingStart?: string, validUntil?: string): unknown {
  return {
    apiVersion: 'miit95/v1',
    number: {
      candidates,
      ...(billingStart !== undefined ? { expected_billing_start: billingStart } : {}),
    },
    licence: { valid_from: '2024-01-01', ...(validUntil !== undefined ? { valid_until: validUntil } : {}) },
  };
}

function model(value: unknown, findings: readonly Finding[] = [], today = TODAY): FeeModel {
  return computeFeeModel({ value, findings, today });
}

function only(m: FeeModel, index = 0): CandidateFees {
  const c = m.candidates[index];
  assert.ok(c, `candidate ${index} exists`);
  return c;
}

/** The schedule as compact rows: 'label months amount due'. */
function schedule(c: CandidateFees): string[] {
  return c.firstYear.map(
    (q) => `${q.label} ${q.firstMonth}..${q.lastMonth} ${q.months} ${q.amount.text} ${q.due.date}`,
  );
}

function finding(code: string, severity: Finding['severity'], p: (string | number)[]): Finding {
  return {
    code,
    severity,
    message: { 'zh-cn': code, en: code },
    range: { start: 0, end: 1 },
    data: { path: p },
  };
}

describe('fees/model', () => {
  it('5-digit number from a quarter start: ¥240,000 a year, ¥20,000 a month, 4 × ¥60,000', () => {
    const m = model(app(['95079'], '2027-01-01', '2031-12-31'));
    const c = only(m);
    assert.equal(m.blockedBy, 0);
    assert.equal(c.segment, '950');
    assert.equal(c.digits, 5);
    assert.equal(c.priced, true);
    assert.equal(c.annual?.fen, 24_000_000);
    assert.equal(c.annual?.text, '¥240,000');
    assert.equal(c.monthly?.text, '¥20,000');
    assert.deepEqual(schedule(c), [
      '2027-Q1 2027-01..2027-03 3 ¥60,000 2027-04-10',
      '2027-Q2 2027-04..2027-06 3 ¥60,000 2027-07-10',
      '2027-Q3 2027-07..2027-09 3 ¥60,000 2027-10-10',
      '2027-Q4 2027-10..2027-12 3 ¥60,000 2028-01-10',
    ]);
    assert.equal(c.firstYearTotal?.text, '¥240,000');
    // 2027-01 … 2031-12: 60 months × ¥20,000.
    assert.equal(m.validity?.months, 60);
    assert.equal(c.validityTotal?.fen, 120_000_000);
    assert.equal(c.validityTotal?.text, '¥1,200,000');
    assert.deepEqual(
      c.yearly.map((y) => `${y.year}:${y.months}:${y.amount.text}`),
      ['2027:12:¥240,000', '2028:12:¥240,000', '2029:12:¥240,000', '2030:12:¥240,000', '2031:12:¥240,000'],
    );
  });

  it('6-digit 952 number: ¥24,000 a year, ¥2,000 a month, 4 × ¥6,000', () => {
    const m = model(app(['952388'], '2027-01-01', '2031-12-31'));
    const c = only(m);
    assert.equal(c.segment, '952');
    assert.equal(c.digits, 6);
    assert.equal(c.annual?.text, '¥24,000');
    assert.equal(c.monthly?.text, '¥2,000');
    assert.deepEqual(
      c.firstYear.map((q) => q.amount.text),
      ['¥6,000', '¥6,000', '¥6,000', '¥6,000'],
    );
    assert.equal(c.firstYearTotal?.fen, 2_400_000);
    assert.equal(c.validityTotal?.text, '¥120,000');
  });

  it('billing start in mid-quarter and mid-month: the start month counts in full, a short first quarter', () => {
    const m = model(app(['95079'], '2027-05-15', '2031-12-31'));
    const c = only(m);
    // May 2027 … April 2028: 12 whole months.
    assert.deepEqual(schedule(c), [
      '2027-Q2 2027-05..2027-06 2 ¥40,000 2027-07-10',
      '2027-Q3 2027-07..2027-09 3 ¥60,000 2027-10-10',
      '2027-Q4 2027-10..2027-12 3 ¥60,000 2028-01-10',
      '2028-Q1 2028-01..2028-03 3 ¥60,000 2028-04-10',
      '2028-Q2 2028-04..2028-04 1 ¥20,000 2028-07-10',
    ]);
    assert.equal(c.firstYearTotal?.text, '¥240,000');
    assert.deepEqual(
      m.firstYearQuarters.map((q) => `${q.label}/${q.months}/${q.due.date}`),
      [
        '2027-Q2/2/2027-07-10',
        '2027-Q3/3/2027-10-10',
        '2027-Q4/3/2028-01-10',
        '2028-Q1/3/2028-04-10',
        '2028-Q2/1/2028-07-10',
      ],
    );
    assert.ok(m.notes.some((n) => n.id === 'pro-rating'));
  });

  it('licence ending in 2 years: 24 billed months, yearly split, saving over the validity', () => {
    const m = model(app(['95079', '952388'], '2027-03-01', '2029-02-28'));
    assert.equal(m.validity?.months, 24);
    const five = only(m, 0);
    const six = only(m, 1);
    assert.equal(five.validityTotal?.text, '¥480,000');
    assert.equal(six.validityTotal?.text, '¥48,000');
    assert.deepEqual(
      five.yearly.map((y) => `${y.year}:${y.months}:${y.amount.text}`),
      ['2027:10:¥200,000', '2028:12:¥240,000', '2029:2:¥40,000'],
    );
    const cmp = m.comparison;
    assert.ok(cmp);
    assert.equal(cmp.hypothetical, false);
    assert.equal(cmp.fiveDigit.number, '95079');
    assert.equal(cmp.sixDigit.number, '952388');
    assert.equal(cmp.savingPerYear.text, '¥216,000');
    assert.equal(cmp.savingOverValidity?.text, '¥432,000');
    assert.ok(!m.notes.some((n) => n.id === 'licence-ends-in-first-year'));
  });

  it('the licence end month counts in full; a licence ending in the first year is noted', () => {
    const m = model(app(['95079'], '2027-03-01', '2027-08-05'));
    assert.equal(m.validity?.months, 6); // March … August
    assert.equal(only(m).validityTotal?.text, '¥120,000');
    assert.equal(only(m).firstYear.length, 5, 'the first-year schedule is shown in full');
    const note = m.notes.find((n) => n.id === 'licence-ends-in-first-year');
    assert.ok(note);
    assert.match(note.text['zh-cn'], /2027-08-05/);
  });

  it('billing start after the licence ends: no billed month, a note', () => {
    const m = model(app(['95079'], '2028-07-01', '2028-06-20'));
    assert.equal(m.validity?.months, 0);
    assert.equal(only(m).validityTotal?.fen, 0);
    assert.deepEqual(only(m).yearly, []);
    assert.ok(m.notes.some((n) => n.id === 'starts-after-licence'));
    const sameMonth = model(app(['95079'], '2028-06-25', '2028-06-20'));
    assert.equal(sameMonth.validity?.months, 0);
  });

  it('without a billing start, assumes the first of the month after today and says so', () => {
    const m = model(app(['95079'], undefined, '2031-12-31'), [], '2026-11-28');
    assert.deepEqual(m.billingStart, {
      date: '2026-12-01',
      path: ['number', 'expected_billing_start'],
      assumed: true,
    });
    assert.equal(only(m).firstYear[0]?.label, '2026-Q4');
    assert.equal(only(m).firstYear[0]?.due.assumed, true);
    const note = m.notes.find((n) => n.id === 'billing-start-assumed');
    assert.ok(note);
    assert.match(note.text.en, /2026-12-01/);
    const december = model(app(['95079'], undefined, '2031-12-31'), [], '2026-12-31');
    assert.equal(december.billingStart?.date, '2027-01-01');
  });

  it('without a licence end: no validity total, a note, first year still computed', () => {
    const m = model(app(['95079'], '2027-03-01'));
    assert.equal(m.validity, undefined);
    assert.equal(only(m).validityTotal, undefined);
    assert.equal(only(m).firstYearTotal?.text, '¥240,000');
    assert.ok(m.notes.some((n) => n.id === 'no-validity'));
    assert.equal(m.comparison?.savingOverValidity, undefined);
  });

  it('one length only: the comparison uses the other rate, marked hypothetical', () => {
    const m = model(app(['95079', 95128], '2027-03-01', '2028-06-20'));
    const cmp = m.comparison;
    assert.ok(cmp);
    assert.equal(cmp.hypothetical, true);
    assert.equal(cmp.fiveDigit.number, '95079');
    assert.equal(cmp.sixDigit.number, undefined);
    assert.equal(cmp.sixDigit.annual.text, '¥24,000');
    assert.equal(cmp.savingPerYear.text, '¥216,000');
    assert.equal(cmp.savingOverValidity?.text, '¥288,000'); // 16 months × ¥18,000
    assert.equal(only(m, 1).number, '95128', 'an integer candidate is priced as written');
    assert.equal(only(m, 1).annual?.text, '¥240,000');
  });

  const unpriced: [string, unknown, string | undefined, string][] = [
    ['an enterprise segment', '95588', '955', 'segment'],
    ['the public-service number', '95110', undefined, 'segment'],
    ['a 6-digit 950 number', '950888', '950', 'length'],
    ['not a number', { a: 1 }, undefined, 'not-a-number'],
  ];
  for (const [name, raw, segment, reason] of unpriced) {
    it(`does not price ${name}`, () => {
      const c = only(model(app([raw], '2027-03-01', '2028-06-20')));
      assert.equal(c.priced, false);
      assert.equal(c.unpricedReason, reason);
      assert.equal(c.segment, segment);
      assert.equal(c.annual, undefined);
      assert.deepEqual(c.firstYear, []);
    });
  }

  it('every figure carries the data path it comes from', () => {
    const m = model(app(['95079', '952388'], '2027-03-01', '2028-06-20'));
    const c = only(m, 1);
    assert.deepEqual(c.path, ['number', 'candidates', 1]);
    assert.deepEqual(c.annual?.path, ['number', 'candidates', 1]);
    assert.deepEqual(c.monthly?.path, ['number', 'candidates', 1]);
    assert.deepEqual(c.firstYear[0]?.amount.path, ['number', 'candidates', 1]);
    assert.deepEqual(c.firstYear[0]?.due.path, ['number', 'expected_billing_start']);
    assert.deepEqual(c.validityTotal?.path, ['licence', 'valid_until']);
    assert.deepEqual(m.validity?.until.path, ['licence', 'valid_until']);
    assert.deepEqual(m.comparison?.savingPerYear.path, ['number', 'candidates']);
  });

  it('states the rate source, that it is unconfirmed, and that there is no western half rate', () => {
    const m = model(app(['95079'], '2027-03-01', '2028-06-20'));
    assert.equal(m.rate.confirmed, false);
    assert.match(m.rate.standard['zh-cn'], /信部联清〔2004〕517号/);
    assert.match(m.rate.source, /S13/);
    assert.equal(only(m).rateStatus, 'secondary');
    const ids = m.notes.map((n) => n.id);
    for (const id of ['rate-unconfirmed', 'billing', 'western', 'extension', 'non-payment'] as const)
      assert.ok(ids.includes(id), `note ${id}`);
    const western = m.notes.find((n) => n.id === 'western');
    assert.match(western?.text['zh-cn'] ?? '', /不适用减半/);
  });

  it('is blocked by error findings on its inputs, not by other findings', () => {
    const value = app(['9507'], '2027-03-01', '2028-06-20');
    const findings = [
      finding('schema/pattern', 'error', ['number', 'candidates', 0]),
      finding('R-LICENCE-006', 'error', ['licence', 'valid_until']),
      finding('schema/required', 'error', ['number']),
      finding('R-APPLICANT-001', 'error', ['applicant', 'credit_code']),
      finding('R-NUMBER-009', 'warning', ['number', 'candidates']),
    ];
    const m = model(value, findings);
    assert.equal(m.blockedBy, 3);
    assert.deepEqual(
      m.blocking.map((b) => b.code),
      ['schema/pattern', 'R-LICENCE-006', 'schema/required'],
    );
    assert.deepEqual(m.candidates, []);
    assert.equal(m.comparison, undefined);
    assert.equal(model(value, [findings[3]!, findings[4]!]).blockedBy, 0);
    assert.equal(model(value, [finding('yaml/BAD_INDENT', 'error', [])]).blockedBy, 1);
    assert.equal(model(value, [finding('internal/rules-error', 'error', [])]).blockedBy, 1);
  });

  it('no candidates: nothing priced, a note', () => {
    const m = model(app([], '2027-03-01', '2028-06-20'));
    assert.deepEqual(m.candidates, []);
    assert.equal(m.comparison, undefined);
    assert.ok(m.notes.some((n) => n.id === 'no-candidates'));
    assert.equal(model(undefined).candidates.length, 0);
  });

  it('the complete sample: 95079 and 95128 at ¥240,000, 952388 at ¥24,000, 16 months to 2028-06-20', () => {
    const file = path.join(__dirname, '../../../samples/complete/杭州云声.app95.yaml');
    const result = validate(readFileSync(file, 'utf8'), { today: TODAY });
    const m = computeFeeModel({ value: result.document?.value, findings: result.findings, today: TODAY });
    assert.equal(m.blockedBy, 0);
    assert.deepEqual(
      m.candidates.map(
        (c) => `${c.number} ${c.digits} ${c.annual?.text} ${c.monthly?.text} ${c.validityTotal?.text}`,
      ),
      [
        '95079 5 ¥240,000 ¥20,000 ¥320,000',
        '95128 5 ¥240,000 ¥20,000 ¥320,000',
        '952388 6 ¥24,000 ¥2,000 ¥32,000',
      ],
    );
    assert.deepEqual(schedule(only(m)), [
      '2027-Q1 2027-03..2027-03 1 ¥20,000 2027-04-10',
      '2027-Q2 2027-04..2027-06 3 ¥60,000 2027-07-10',
      '2027-Q3 2027-07..2027-09 3 ¥60,000 2027-10-10',
      '2027-Q4 2027-10..2027-12 3 ¥60,000 2028-01-10',
      '2028-Q1 2028-01..2028-02 2 ¥40,000 2028-04-10',
    ]);
    assert.equal(m.comparison?.savingPerYear.text, '¥216,000');
    assert.equal(m.comparison?.savingOverValidity?.text, '¥288,000');
  });
});
