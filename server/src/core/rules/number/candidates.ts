/**
 * Shared reading of number.candidates for the R-NUMBER-* rules: each candidate as digits (strings
 * or integers, full-width digits allowed), with its index and how it was written, so a fix can keep
 * the author's style (a string stays a string, an integer an integer). Owns no rule.
 */
import type { DataPath } from '../../types';
import { getArray } from '../../document/data-access';

/** One candidate number as written in the file. */
export interface Candidate {
  /** Position in number.candidates. */
  readonly index: number;
  /** Data path of the candidate. */
  readonly path: DataPath;
  /** The value as written (for messages), trimmed. */
  readonly written: string;
  /** The digits (NFKC, spaces removed), or undefined when the value is not all digits. */
  readonly digits: string | undefined;
  /** True when the author wrote an integer rather than a string. */
  readonly integer: boolean;
}

/** The digits of a value written as a string or a non-negative integer, or undefined. */
export function digitsOf(value: unknown): string | undefined {
  let text: string;
  if (typeof value === 'string') text = value.normalize('NFKC').replace(/\s+/gu, '');
  else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) text = String(value);
  else return undefined;
  return /^\d{1,32}$/.test(text) ? text : undefined;
}

/** The candidates of number.candidates that are strings or numbers; other items are skipped. */
export function candidatesOf(app: unknown): Candidate[] {
  const out: Candidate[] = [];
  getArray(app, ['number', 'candidates']).forEach((value, index) => {
    if (typeof value !== 'string' && typeof value !== 'number') return;
    out.push({
      index,
      path: ['number', 'candidates', index],
      written: String(value).trim(),
      digits: digitsOf(value),
      integer: typeof value === 'number',
    });
  });
  return out;
}

/** The value a fix writes for `digits`, in the style the candidate was written in. */
export function asWritten(candidate: Candidate, digits: string): string | number {
  return candidate.integer ? Number(digits) : digits;
}
