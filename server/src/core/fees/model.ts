/**
 * The fee model of the fee preview (rules R-FEE-001…003, reference.md §8): from the application data,
 * its findings and a date, per candidate number its segment, digit length, annual occupation fee,
 * monthly accrual, the quarterly payment schedule of the first year from the billing start, the yearly
 * costs and the total over the licence's remaining validity, and the comparison of a 5-digit number
 * with a 6-digit one. Pure: no I/O, never throws; money is integer fen, dates are 'YYYY-MM-DD'.
 * Every figure carries the data path it comes from, so an editor can reveal its line.
 *
 * Billing, as the sources word it, and the choices made where they are silent:
 * - S13: "码号资源占用费按月计费、按季度缴纳，电信业务经营者应在每季度第1个月10日前缴纳上季度的码号资源占用费".
 *   So the fee accrues per calendar month (monthly = annual / 12) and each calendar quarter's accrual is
 *   due by the 10th of the first month of the next quarter.
 * - Billing starts on the 计费起始时间 fixed in the approval (S6: "核定该码号计费起始时间为2018年6月1日").
 *   The application gives its expectation as `number.expected_billing_start`; without one the preview
 *   assumes the first day of the month after `today` and says so.
 * - Pro-rating (Inference): the month is the unit of charge ("按月计费"), so a month in which the number
 *   is billed for any day counts as a whole month: a start on 2027-05-15 is billed for all of May, and
 *   a licence ending 2028-06-20 is billed for all of June 2028 (不足一月按一月计). Approvals start billing
 *   on the 1st (S6), where this makes no difference; elsewhere it errs on the side of a higher budget.
 *   A billing start in mid-quarter gives a short first quarter (2027-03-01: March only, due 2027-04-10).
 * - First payment: S6's decision set "第一次缴费时间为2018年10月10日前" for a start on 2018-06-01, i.e. its
 *   short first quarter was paid with the following one. The preview follows the general rule (S13) and
 *   lists the short quarter on its own; the approval's date prevails (a note says so).
 * - No western half-rate (R-FEE-002, Inference): S13's half-rate for western provinces is confirmed for
 *   provincially allocated numbers only (S6); a 95 number is allocated nationally by MIIT, so the full
 *   rate is used and a note says so.
 * - An extension (拓展位长) does not change the fee, charged on the allocated 5- or 6-digit number.
 * - Rates come from fees.json with its source and `confirmed: false` (two consultant pages, S0/S13).
 *
 * Invalid inputs: an error finding on an input of the model (the candidates, the billing start, the
 * licence's validity), a YAML syntax error or an internal error blocks the preview: `blockedBy` is
 * their number, the findings are listed, and no figure is computed. Errors elsewhere do not block.
 */
import { addMonths, compareDates, formatIsoDate, parseIsoDate, type CivilDate } from '../checks/dates';
import {
  billingRules,
  feeOpenQuestion,
  feeRate,
  feesConfirmed,
  feesSource,
  feeStandard,
  formatFen,
  nonPayment,
  paymentDueDate,
  westernDiscount,
} from '../data/fees';
import feesData from '../data/fees.json';
import { segmentOf } from '../data/segments';
import type { DataPath, Finding, LocalizedText } from '../types';

/** An amount of money with the data path it is computed from. */
export interface Money {
  /** Integer fen (1 yuan = 100 fen). */
  readonly fen: number;
  /** Formatted as yuan: '¥240,000'. */
  readonly text: string;
  readonly path: DataPath;
}

/** A date with the data path it comes from ('YYYY-MM-DD'). */
export interface DateFigure {
  readonly date: string;
  readonly path: DataPath;
  /** True when not given in the application but assumed by the model (a note explains). */
  readonly assumed: boolean;
}

/** One calendar quarter of the payment schedule. */
export interface QuarterPayment {
  /** '2027-Q1'. */
  readonly label: string;
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  /** First and last billed month of the quarter, 'YYYY-MM' (a short quarter has fewer than 3). */
  readonly firstMonth: string;
  readonly lastMonth: string;
  readonly months: number;
  /** Months × the monthly accrual; path: the candidate. */
  readonly amount: Money;
  /** Due by the 10th of the first month of the next quarter; path: the billing start. */
  readonly due: DateFigure;
}

/** The cost of one calendar year. */
export interface YearCost {
  readonly year: number;
  readonly months: number;
  readonly amount: Money;
}

/** Why a candidate has no rate (only 5- and 6-digit numbers of an allowed segment are priced). */
export type UnpricedReason = 'not-a-number' | 'segment' | 'length';

/** The fees of one candidate number. */
export interface CandidateFees {
  /** The number as written ('95079'). */
  readonly number: string;
  /** ['number', 'candidates', i]. */
  readonly path: DataPath;
  /** Order of preference, 1-based. */
  readonly preference: number;
  /** Three-digit segment ('950', '952'), when the number has one. */
  readonly segment?: string;
  readonly digits: number;
  /** False when no rate applies; the figures below are then absent. */
  readonly priced: boolean;
  readonly unpricedReason?: UnpricedReason;
  readonly annual?: Money;
  readonly monthly?: Money;
  /** The rate's status in fees.json ('secondary') and its source. */
  readonly rateStatus?: string;
  readonly rateSource?: string;
  /** The first 12 billed months, by calendar quarter. */
  readonly firstYear: readonly QuarterPayment[];
  readonly firstYearTotal?: Money;
  /** Billing start to the licence's end, by calendar year (empty without a validity period). */
  readonly yearly: readonly YearCost[];
  /** The total over the validity period; path: `licence.valid_until`. */
  readonly validityTotal?: Money;
}

/** From the billing start to the end of the licence, in billed months. */
export interface ValidityPeriod {
  readonly from: DateFigure;
  readonly until: DateFigure;
  /** Billed months (whole months; 0 when billing would start after the licence ends). */
  readonly months: number;
}

/** One side of the length comparison. */
export interface ComparedLength {
  readonly digits: 5 | 6;
  /** The first candidate of that length, when the application lists one. */
  readonly number?: string;
  readonly path: DataPath;
  readonly annual: Money;
}

/** A 6-digit number (952XXX) against a 5-digit one (950XX/951XX). */
export interface LengthComparison {
  readonly fiveDigit: ComparedLength;
  readonly sixDigit: ComparedLength;
  /** Annual fee of the 5-digit number minus that of the 6-digit one. */
  readonly savingPerYear: Money;
  /** The same over the validity period's billed months. */
  readonly savingOverValidity?: Money;
  /** True when the application lists numbers of one length only (the other is the plain rate). */
  readonly hypothetical: boolean;
}

/** A finding that blocks the preview. */
export interface BlockingFinding {
  readonly code: string;
  readonly message: LocalizedText;
  readonly path: DataPath;
  /** UTF-16 offsets into the document text. */
  readonly range: { readonly start: number; readonly end: number };
}

export type FeeNoteId =
  | 'rate-unconfirmed'
  | 'open-question'
  | 'billing'
  | 'pro-rating'
  | 'first-payment'
  | 'western'
  | 'extension'
  | 'non-payment'
  | 'billing-start-assumed'
  | 'no-validity'
  | 'starts-after-licence'
  | 'licence-ends-in-first-year'
  | 'no-candidates';

export interface FeeNote {
  readonly id: FeeNoteId;
  readonly text: LocalizedText;
  /** The data path the note is about, when there is one. */
  readonly path?: DataPath;
}

/** Where the rates come from and whether they are confirmed. */
export interface RateInfo {
  readonly source: string;
  readonly version: string;
  readonly date: string;
  readonly confirmed: boolean;
  /** "标准来源：信部联清〔2004〕517号附件（待核）". */
  readonly standard: LocalizedText;
}

export interface FeeModel {
  /** The date the model was computed for. */
  readonly asOf: string;
  /** Error findings on the model's inputs; 0 when the preview is not blocked. */
  readonly blockedBy: number;
  readonly blocking: readonly BlockingFinding[];
  readonly rate: RateInfo;
  readonly billingStart?: DateFigure;
  readonly validity?: ValidityPeriod;
  /** The quarters of the first year (same for every candidate), for table headers. */
  readonly firstYearQuarters: readonly {
    readonly label: string;
    readonly months: number;
    readonly due: DateFigure;
  }[];
  readonly candidates: readonly CandidateFees[];
  readonly comparison?: LengthComparison;
  readonly notes: readonly FeeNote[];
}

export interface FeeModelInput {
  /** The application's plain value (ParsedDocument.value); anything, the model checks shapes itself. */
  readonly value: unknown;
  /** The document's findings (after configuration and suppressions). */
  readonly findings: readonly Finding[];
  /** 'YYYY-MM-DD': the date of the preview (assumed billing start when none is given). */
  readonly today: string;
}

const CANDIDATES: DataPath = ['number', 'candidates'];
const BILLING_START: DataPath = ['number', 'expected_billing_start'];
const VALID_UNTIL: DataPath = ['licence', 'valid_until'];

/** The data paths the model reads; an error on one of them (or on an ancestor) blocks the preview. */
export const FEE_INPUT_PATHS: readonly DataPath[] = [CANDIDATES, BILLING_START, VALID_UNTIL];

const NOTES: Readonly<
  Record<
    | 'proRating'
    | 'firstPayment'
    | 'assumed'
    | 'noValidity'
    | 'afterLicence'
    | 'endsInFirstYear'
    | 'noCandidates',
    LocalizedText
  >
> = {
  proRating: {
    'zh-cn':
      '按月计费：计费起始日所在月和许可证到期日所在月均按整月计算（不足一月按一月计，推断）；批复通常从某月 1 日起计费（S6），此时没有差别。计费起始于季度中间时，第一个季度只计已计费的月份。',
    en: 'Billed by the month: the month of the billing start and the month the licence ends are each counted in full (a part month counts as a whole month; inference). Approvals usually start billing on the 1st of a month (S6), where this makes no difference. A start in mid-quarter gives a short first quarter with the billed months only.',
  },
  firstPayment: {
    'zh-cn':
      '首次缴费时间以批复为准：唯一可查的批复（S6）计费起始于 2018 年 6 月 1 日，首次缴费在 2018 年 10 月 10 日前，即不足一季的首期与下一季一并缴纳。本预览按一般规则（S13）将首期单列。',
    en: 'The first payment date is the one fixed in the approval: in the only approval found (S6) billing started on 2018-06-01 and the first payment was due before 2018-10-10, i.e. the short first quarter was paid with the next one. This preview follows the general rule (S13) and lists the short quarter on its own.',
  },
  assumed: {
    'zh-cn': '申请中未填写预计计费起始日期（number.expected_billing_start），预览假定从 {date} 起计费。',
    en: 'The application gives no expected billing start (number.expected_billing_start); the preview assumes billing starts on {date}.',
  },
  noValidity: {
    'zh-cn': '许可证有效期截止日期（licence.valid_until）缺失或无效，无法计算有效期内的费用总额。',
    en: 'The licence end date (licence.valid_until) is missing or invalid, so the total over the validity cannot be computed.',
  },
  afterLicence: {
    'zh-cn':
      '预计计费起始日期 {start} 晚于许可证有效期截止日期 {until}：有效期内没有计费月份。请先办理许可证延续。',
    en: 'The expected billing start {start} is after the licence ends ({until}): no month is billed within the validity. Renew the licence first.',
  },
  endsInFirstYear: {
    'zh-cn': '许可证于 {until} 到期，在计费第一年内；继续使用号码需先延续许可证。第一年缴费计划按全年列出。',
    en: 'The licence ends on {until}, within the first billing year; keeping the number needs a renewed licence. The first-year schedule is shown in full.',
  },
  noCandidates: {
    'zh-cn': '申请中没有候选号码（number.candidates），没有可计算的费用。',
    en: 'The application lists no candidate numbers (number.candidates); there is no fee to compute.',
  },
};

const extensionNote: LocalizedText = feesData.extensionNote;

/** True when `prefix` is a prefix of `path` (equal paths included). */
function startsWith(path: DataPath, prefix: DataPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => String(path[i]) === String(segment));
}

/**
 * The findings that block the preview: errors on an input path or an ancestor of one (a missing
 * `number` section, a wrongly typed `licence`), YAML syntax errors and internal errors.
 */
export function blockingFindings(findings: readonly Finding[]): BlockingFinding[] {
  return findings
    .filter(
      (f) =>
        f.severity === 'error' &&
        (f.code.startsWith('yaml/') ||
          f.code.startsWith('internal/') ||
          FEE_INPUT_PATHS.some((input) => startsWith(f.data.path, input) || startsWith(input, f.data.path))),
    )
    .map((f) => ({ code: f.code, message: f.message, path: f.data.path, range: f.range }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(value: unknown, path: DataPath): unknown {
  let node = value;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isRecord(node)) node = node[String(segment)];
    else return undefined;
  }
  return node;
}

function dateAt(value: unknown, path: DataPath): CivilDate | undefined {
  const v = at(value, path);
  return typeof v === 'string' ? parseIsoDate(v.trim()) : undefined;
}

function money(fen: number, path: DataPath): Money {
  return { fen, text: formatFen(fen), path };
}

function fill(text: LocalizedText, params: Readonly<Record<string, string>>): LocalizedText {
  const apply = (s: string): string => s.replace(/\{(\w+)\}/g, (m, key: string) => params[key] ?? m);
  return { 'zh-cn': apply(text['zh-cn']), en: apply(text.en) };
}

/** Months since year 0: a calendar month as one integer. */
function monthIndex(date: CivilDate): number {
  return date.year * 12 + (date.month - 1);
}

function monthOf(index: number): { year: number; month: number } {
  const year = Math.floor(index / 12);
  return { year, month: index - year * 12 + 1 };
}

function monthLabel(index: number): string {
  const { year, month } = monthOf(index);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

interface QuarterSpan {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  readonly first: number;
  readonly last: number;
}

/** Splits the months [from, to] (inclusive indices) into calendar quarters. */
function quarters(from: number, to: number): QuarterSpan[] {
  const out: QuarterSpan[] = [];
  for (let m = from; m <= to;) {
    const q = Math.floor(m / 3);
    const last = Math.min(to, q * 3 + 2);
    const { year, month } = monthOf(m);
    out.push({ year, quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4, first: m, last });
    m = last + 1;
  }
  return out;
}

/** Splits the months [from, to] into calendar years: [year, months]. */
function years(from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (let m = from; m <= to;) {
    const { year } = monthOf(m);
    const last = Math.min(to, year * 12 + 11);
    out.push([year, last - m + 1]);
    m = last + 1;
  }
  return out;
}

function candidateNumber(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

function rateInfo(): RateInfo {
  return {
    source: feesSource.source,
    version: feesSource.version,
    date: feesSource.date,
    confirmed: feesConfirmed,
    standard: feeStandard,
  };
}

/** The notes every preview shows, in display order. */
function standingNotes(): FeeNote[] {
  return [
    ...(feesConfirmed ? [] : [{ id: 'rate-unconfirmed' as const, text: feeStandard }]),
    { id: 'open-question', text: feeOpenQuestion },
    { id: 'billing', text: billingRules.note, path: BILLING_START },
    { id: 'pro-rating', text: NOTES.proRating, path: BILLING_START },
    { id: 'first-payment', text: NOTES.firstPayment, path: BILLING_START },
    { id: 'western', text: westernDiscount.note, path: ['usage', 'area'] },
    { id: 'extension', text: extensionNote, path: ['number', 'extension'] },
    { id: 'non-payment', text: nonPayment.note },
  ];
}

/** Computes the fee model. Never throws; see the module comment for the rules applied. */
export function computeFeeModel(input: FeeModelInput): FeeModel {
  const blocking = blockingFindings(input.findings);
  const rate = rateInfo();
  const notes = standingNotes();
  const today = parseIsoDate(input.today);
  const asOf = today ? formatIsoDate(today) : input.today;
  if (blocking.length > 0) {
    return {
      asOf,
      blockedBy: blocking.length,
      blocking,
      rate,
      firstYearQuarters: [],
      candidates: [],
      notes,
    };
  }

  const value = input.value;
  const situational: FeeNote[] = [];

  // Billing start: the application's, else the first of the month after today.
  let billingStart: DateFigure | undefined;
  let start = dateAt(value, BILLING_START);
  if (start) billingStart = { date: formatIsoDate(start), path: BILLING_START, assumed: false };
  else if (today) {
    start = addMonths({ year: today.year, month: today.month, day: 1 }, 1);
    billingStart = { date: formatIsoDate(start), path: BILLING_START, assumed: true };
    situational.push({
      id: 'billing-start-assumed',
      text: fill(NOTES.assumed, { date: billingStart.date }),
      path: ['number'],
    });
  }

  // Validity: billing start to licence.valid_until, in whole months.
  const until = dateAt(value, VALID_UNTIL);
  let validity: ValidityPeriod | undefined;
  let validityMonths: [number, number] | undefined;
  if (start && billingStart && until) {
    const from = monthIndex(start);
    const to = monthIndex(until);
    const untilFigure: DateFigure = { date: formatIsoDate(until), path: VALID_UNTIL, assumed: false };
    validity = {
      from: billingStart,
      until: untilFigure,
      months: compareDates(start, until) > 0 ? 0 : to - from + 1,
    };
    if (compareDates(start, until) > 0) {
      situational.push({
        id: 'starts-after-licence',
        text: fill(NOTES.afterLicence, { start: billingStart.date, until: untilFigure.date }),
        path: VALID_UNTIL,
      });
    } else {
      validityMonths = [from, to];
      if (to < from + 11)
        situational.push({
          id: 'licence-ends-in-first-year',
          text: fill(NOTES.endsInFirstYear, { until: untilFigure.date }),
          path: VALID_UNTIL,
        });
    }
  } else {
    situational.push({ id: 'no-validity', text: NOTES.noValidity, path: VALID_UNTIL });
  }

  // First year: 12 months from the billing start month, by calendar quarter.
  const firstSpans = start ? quarters(monthIndex(start), monthIndex(start) + 11) : [];
  const dueOf = (span: QuarterSpan): DateFigure => {
    const { year, month } = monthOf(span.last);
    return {
      date: formatIsoDate(paymentDueDate({ year, month, day: 1 })),
      path: BILLING_START,
      assumed: billingStart?.assumed ?? false,
    };
  };
  const firstYearQuarters = firstSpans.map((span) => ({
    label: `${span.year}-Q${span.quarter}`,
    months: span.last - span.first + 1,
    due: dueOf(span),
  }));

  const rawCandidates = at(value, CANDIDATES);
  const list = Array.isArray(rawCandidates) ? (rawCandidates as unknown[]) : [];
  const candidates = list.map((raw, i) => candidateFees(raw, i, firstSpans, dueOf, validityMonths, validity));
  if (list.length === 0)
    situational.push({ id: 'no-candidates', text: NOTES.noCandidates, path: CANDIDATES });

  const comparison = compareLengths(candidates, validity);
  return {
    asOf,
    blockedBy: 0,
    blocking: [],
    rate,
    ...(billingStart ? { billingStart } : {}),
    ...(validity ? { validity } : {}),
    firstYearQuarters,
    candidates,
    ...(comparison ? { comparison } : {}),
    notes: [...situational, ...notes],
  };
}

/** The fees of the candidate `raw` at index `i` (unpriced when no rate applies). */
function candidateFees(
  raw: unknown,
  i: number,
  firstSpans: readonly QuarterSpan[],
  dueOf: (span: QuarterSpan) => DateFigure,
  validityMonths: readonly [number, number] | undefined,
  validity: ValidityPeriod | undefined,
): CandidateFees {
  const path: DataPath = [...CANDIDATES, i];
  const number = candidateNumber(raw);
  const head = (shown: string, segment: string | undefined) => ({
    number: shown,
    path,
    preference: i + 1,
    ...(segment !== undefined ? { segment } : {}),
    digits: /^\d+$/.test(shown) ? shown.length : 0,
  });
  const unpriced = (shown: string, segment: string | undefined, reason: UnpricedReason): CandidateFees => ({
    ...head(shown, segment),
    priced: false,
    unpricedReason: reason,
    firstYear: [],
    yearly: [],
  });
  if (number === undefined || !/^\d+$/.test(number))
    return unpriced(number ?? JSON.stringify(raw) ?? String(raw), undefined, 'not-a-number');
  const segment = segmentOf(number);
  const prefix = segment && segment.prefix.length === 3 ? segment.prefix : undefined;
  if (!segment?.allowed || segment.baseLength === undefined) return unpriced(number, prefix, 'segment');
  const r = number.length === segment.baseLength ? feeRate(number.length) : undefined;
  if (!r) return unpriced(number, prefix, 'length');

  const firstYear: QuarterPayment[] = firstSpans.map((span) => {
    const months = span.last - span.first + 1;
    return {
      label: `${span.year}-Q${span.quarter}`,
      year: span.year,
      quarter: span.quarter,
      firstMonth: monthLabel(span.first),
      lastMonth: monthLabel(span.last),
      months,
      amount: money(months * r.monthlyFen, path),
      due: dueOf(span),
    };
  });
  const yearly: YearCost[] = validityMonths
    ? years(validityMonths[0], validityMonths[1]).map(([year, months]) => ({
        year,
        months,
        amount: money(months * r.monthlyFen, path),
      }))
    : [];
  return {
    ...head(number, prefix),
    priced: true,
    annual: money(r.annualFen, path),
    monthly: money(r.monthlyFen, path),
    rateStatus: r.status,
    rateSource: r.source,
    firstYear,
    ...(firstYear.length > 0
      ? {
          firstYearTotal: money(
            firstYear.reduce((sum, q) => sum + q.amount.fen, 0),
            path,
          ),
        }
      : {}),
    yearly,
    ...(validity ? { validityTotal: money(validity.months * r.monthlyFen, VALID_UNTIL) } : {}),
  };
}

/**
 * The saving of a 6-digit number against a 5-digit one: the first candidate of each length, or the
 * plain rate for the length the application does not list. Undefined when nothing is priced.
 */
function compareLengths(
  candidates: readonly CandidateFees[],
  validity: ValidityPeriod | undefined,
): LengthComparison | undefined {
  const priced = candidates.filter((c) => c.priced);
  if (priced.length === 0) return undefined;
  const side = (digits: 5 | 6): ComparedLength | undefined => {
    const c = priced.find((x) => x.digits === digits);
    if (c?.annual) return { digits, number: c.number, path: c.path, annual: c.annual };
    const r = feeRate(digits);
    return r ? { digits, path: CANDIDATES, annual: money(r.annualFen, CANDIDATES) } : undefined;
  };
  const five = side(5);
  const six = side(6);
  if (!five || !six) return undefined;
  const monthlySaving = (feeRate(5)?.monthlyFen ?? 0) - (feeRate(6)?.monthlyFen ?? 0);
  return {
    fiveDigit: five,
    sixDigit: six,
    savingPerYear: money(five.annual.fen - six.annual.fen, CANDIDATES),
    ...(validity ? { savingOverValidity: money(validity.months * monthlySaving, VALID_UNTIL) } : {}),
    hypothetical: five.number === undefined || six.number === undefined,
  };
}
