/**
 * The 统一社会信用代码 (unified social credit code, GB 32100-2015): shape, the MOD-31 check character
 * (position 18), the optional GB 11714 check of the embedded organisation code (positions 9–17), and
 * the region/province code of positions 3–8. Reference: reference.md §5 (rules R-APPLICANT-001…004).
 */

/** The 31 characters of the code, in value order (no I, O, S, V, Z). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights W_i = 3^(i-1) mod 31 for positions 1–17. */
export const USCC_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/**
 * True when `code` has the shape of a credit code: 18 characters from the code charset, positions 3–8
 * digits. Upper case only; the check character is not verified (see {@link checkUscc}).
 */
export function usccShape(code: string): boolean {
  return USCC_SHAPE.test(code);
}

/**
 * The check character (position 18) for the first 17 characters: C18 = 31 − (Σ C_i·W_i mod 31), where
 * 31 maps to '0'. Returns `null` if `first17` is not 17 characters of the code charset (upper case).
 */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17.charAt(i));
    if (v < 0) return null;
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Why a credit code failed {@link checkUscc}. */
export type UsccFailure =
  /** Not 18 characters. */
  | 'length'
  /** Lower-case letters (the code is upper case; the upper-cased code is otherwise checked). */
  | 'lowercase'
  /** A character outside the code charset (including I, O, S, V, Z) in positions 1–17. */
  | 'charset'
  /** Positions 3–8 (the region code) are not all digits. */
  | 'region'
  /** The check character (position 18) is wrong; `expected` gives the right one. */
  | 'checksum';

/** Result of {@link checkUscc}. `expected` is the correct check character whenever it can be computed. */
export interface UsccResult {
  readonly ok: boolean;
  readonly expected?: string;
  readonly reason?: UsccFailure;
}

/**
 * Checks a credit code: length, charset, region digits and the MOD-31 check character. The code is taken
 * as given (no trimming); lower-case letters fail with reason 'lowercase', but `expected` is computed on
 * the upper-cased code so a fix can be proposed.
 */
export function checkUscc(code: string): UsccResult {
  if (code.length !== 18) return { ok: false, reason: 'length' };
  const upper = code.toUpperCase();
  const expected = usccCheckChar(upper.slice(0, 17));
  if (expected === null) return { ok: false, reason: 'charset' };
  if (upper !== code) return { ok: false, reason: 'lowercase', expected };
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { ok: false, reason: 'region', expected };
  // A wrong character at position 18 (even one outside the charset, like the standard's 'Z') is a checksum error.
  if (expected !== code.charAt(17)) return { ok: false, reason: 'checksum', expected };
  return { ok: true, expected };
}

const GB11714_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

/** Result of {@link gb11714Check}. */
export interface Gb11714Result {
  readonly ok: boolean;
  /** The check character the body (positions 9–16) calls for, when the body is well formed. */
  readonly expected?: string;
}

/**
 * The GB 11714 (组织机构代码) check on positions 9–17 of an 18-character credit code: body values 0–9 and
 * A=10 … Z=35, weights 3,7,9,10,5,8,4,2, c = 11 − (Σ mod 11), 10 → 'X', 11 → '0'. Also accepts the
 * 9-character organisation code alone. Warning level only (R-APPLICANT-003): it is not proven that every
 * code issued since 2015 passes it.
 */
export function gb11714Check(code: string): Gb11714Result {
  const org = code.length === 18 ? code.slice(8, 17) : code;
  if (org.length !== 9) return { ok: false };
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = org.charAt(i);
    let v: number;
    if (ch >= '0' && ch <= '9') v = ch.charCodeAt(0) - 48;
    else if (ch >= 'A' && ch <= 'Z') v = ch.charCodeAt(0) - 55;
    else return { ok: false };
    sum += v * (GB11714_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  const expected = c === 10 ? 'X' : c === 11 ? '0' : String(c);
  return { ok: org.charAt(8) === expected, expected };
}

/**
 * The 登记管理机关行政区划码 (positions 3–8) when they are six digits, else `undefined`. The code keeps
 * the region code it was issued with, which may be historical (e.g. 512081), so only its province
 * prefix can be checked against current division lists.
 */
export function usccRegionCode(code: string): string | undefined {
  const region = code.slice(2, 8);
  return /^\d{6}$/.test(region) ? region : undefined;
}

/** The province code (positions 3–4) when they are two digits, else `undefined`. */
export function usccProvinceCode(code: string): string | undefined {
  const p = code.slice(2, 4);
  return /^\d{2}$/.test(p) ? p : undefined;
}

/**
 * A credit code as typed by a user, in the form the checks expect: NFKC (full-width to half-width),
 * whitespace removed, upper case. Use it to propose a fix, not to silently accept a malformed value.
 */
export function normalizeUscc(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}
