/**
 * Small helpers shared by the applicant rules (R-APPLICANT-*): reading the credit code and deciding
 * which rule owns which defect of it, so one typo gives one finding. Owns no rule.
 */
import { provinceByCode } from '../../data/divisions';
import { getString } from '../../document/data-access';

/** Path of the applicant's credit code. */
export const CREDIT_CODE_PATH = ['applicant', 'credit_code'] as const;

/** The applicant's credit code as written, when it is a string of exactly 18 characters. */
export function creditCode18(app: unknown): string | undefined {
  const code = getString(app, CREDIT_CODE_PATH);
  return code !== undefined && code.length === 18 ? code : undefined;
}

/**
 * True when positions 3–4 (upper-cased code) are a known registration province: one of the 31
 * provinces, or the national level, whose region code is 100000 (GB 32100: "全国用100000").
 * Owned by R-APPLICANT-004; the other rules skip such codes so the province typo is reported once.
 */
export function registrationProvinceKnown(code: string): boolean {
  const region = code.slice(2, 8);
  if (region === '100000') return true;
  const province = code.slice(2, 4);
  return /^\d{2}$/.test(province) && provinceByCode(province) !== undefined;
}
