/**
 * Typed access to the number-occupation fee rates (fees.json): annual and monthly rates in fen per
 * number length, the billing rules (monthly accrual, quarterly payment due by the 10th of the first
 * month of the next quarter) and the western half-rate, which is not applied to nationally allocated
 * 95 numbers. Rates are Secondary and unconfirmed (`feesConfirmed` is false). Reference: reference.md §8.
 */

import { addDays, startOfNextQuarter, type CivilDate } from '../checks/dates';
import type { LocalizedText } from '../types';
import data from './fees.json';

/** Which rate table: a 95 number allocated nationally by MIIT, or a provincial 96 number. */
export type FeeScope = 'national95' | 'provincial96';

/** One rate: the fee of one number of a given length, in fen (1 yuan = 100 fen). */
export interface FeeRate {
  readonly scope: FeeScope;
  /** Digits of the allocated (base) number: 5 or 6. */
  readonly digits: number;
  readonly annualFen: number;
  readonly monthlyFen: number;
  /** 'secondary': from consultant pages, not from the official annex. */
  readonly status: string;
  readonly source: string;
}

/** Source, version and date of the fee data. */
export const feesSource: { readonly source: string; readonly version: string; readonly date: string } = {
  source: data.source,
  version: data.version,
  date: data.date,
};

/** False: the rates were not read from the official annex; show {@link feeStandard} with every preview. */
export const feesConfirmed: boolean = data.confirmed;

/** "标准来源：信部联清〔2004〕517号附件（待核）". */
export const feeStandard: LocalizedText = data.standard;

/** Whether the 2017 notice or later ones changed the rates: open. */
export const feeOpenQuestion: LocalizedText = data.openQuestion;

/** Billing rules of the occupation fee. */
export const billingRules: {
  readonly accrual: 'monthly';
  readonly payment: 'quarterly';
  readonly dueDayOfFirstMonthOfNextQuarter: number;
  readonly note: LocalizedText;
} = {
  accrual: 'monthly',
  payment: 'quarterly',
  dueDayOfFirstMonthOfNextQuarter: data.billing.dueDayOfFirstMonthOfNextQuarter,
  note: data.billing.note,
};

/** The western half-rate: 50 %, for provincial numbers only; `appliesToNational95` is false. */
export const westernDiscount: {
  readonly percent: number;
  readonly appliesToNational95: boolean;
  readonly provinces: readonly string[];
  readonly note: LocalizedText;
} = {
  percent: data.westernDiscount.percent,
  appliesToNational95: data.westernDiscount.appliesToNational95,
  provinces: data.westernDiscount.provinces,
  note: data.westernDiscount.note,
};

/** Fine range for not paying (电信条例 第七十条(四)), in fen, with its note. */
export const nonPayment: {
  readonly fineMinFen: number;
  readonly fineMaxFen: number;
  readonly note: LocalizedText;
} = {
  fineMinFen: data.nonPayment.fineMinFen,
  fineMaxFen: data.nonPayment.fineMaxFen,
  note: data.nonPayment.note,
};

const rateTables: Readonly<Record<FeeScope, Readonly<Record<string, Omit<FeeRate, 'scope' | 'digits'>>>>> =
  data.rates;

/**
 * The rate for a number of `digits` digits (the allocated base number; an extension does not change the
 * fee). `undefined` when there is no rate for that length (only 5 and 6 are known).
 */
export function feeRate(digits: number, scope: FeeScope = 'national95'): FeeRate | undefined {
  const r = rateTables[scope][String(digits)];
  return r ? { scope, digits, ...r } : undefined;
}

/** The annual fee in fen for a number of `digits` digits, or `undefined` for unknown lengths. */
export function annualFeeFen(digits: number, scope: FeeScope = 'national95'): number | undefined {
  return feeRate(digits, scope)?.annualFen;
}

/**
 * The payment deadline of the fee accrued on `date`: the fee of a quarter is due by the 10th of the first
 * month of the next quarter (accrual in 2027-03 → due 2027-04-10).
 */
export function paymentDueDate(date: CivilDate): CivilDate {
  return addDays(startOfNextQuarter(date), billingRules.dueDayOfFirstMonthOfNextQuarter - 1);
}

/** Formats fen as yuan with thousands separators: 24000000 → '¥240,000', 12345 → '¥123.45'. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${grouped}${cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`}`;
}
