/**
 * The configurable thresholds of the domain rules and their defaults. Several of them rest on
 * unconfirmed sources (reference.md §11), which is why they are settings, not constants. Owns the
 * values only; reading `.miit95.yaml` is the config loader's job.
 */

export type Comparison = '>=' | '>';

export interface Thresholds {
  /** R-COVERAGE-003: the seed's "超过6个省的12个城市". */
  readonly coverage: { readonly minProvinces: number; readonly minCities: number; readonly comparison: Comparison };
  /** R-SCHEDULE-002: openings within this many months of approval. */
  readonly scheduleMonths: number;
  /** R-NUMBER-004: total length after extension: warn above `maxLength`, error above `absoluteMaxLength`. */
  readonly extension: { readonly maxLength: number; readonly absoluteMaxLength: number };
  /** R-LICENCE-005: the licence must stay valid at least this many years after the application date. */
  readonly licenceMinRemainingYears: number;
  /** R-LICENCE-009: renewal must be applied for this many days before expiry. */
  readonly renewalNoticeDays: number;
  /** R-APPLICANT-006: a penalty of the telecom authorities this many years before the application is "近期". */
  readonly penaltyRecentYears: number;
  /** R-PREP-001: shifts per seat: the planned staff should be at least tech.seats × this. */
  readonly preparationShifts: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  coverage: { minProvinces: 6, minCities: 12, comparison: '>=' },
  scheduleMonths: 12,
  extension: { maxLength: 8, absoluteMaxLength: 13 },
  licenceMinRemainingYears: 1,
  renewalNoticeDays: 90,
  penaltyRecentYears: 2,
  preparationShifts: 1,
};

/** True when `count` meets `minimum` under the comparison (`>=`: at least; `>`: more than). */
export function meets(count: number, minimum: number, comparison: Comparison): boolean {
  return comparison === '>' ? count > minimum : count >= minimum;
}
