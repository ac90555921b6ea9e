/**
 * Typed access to the B2 business catalogue (businesses.json, 电信业务分类目录 2015): lookup of a
 * business by the name printed on a licence, and whether it qualifies for a 95 number. Reference:
 * reference.md §3 (rules R-LICENCE-003, -004, -008). Match by name, never by code.
 */

import { normalizeForCompare } from '../checks/text';
import type { LocalizedText } from '../types';
import data from './businesses.json';

/** Whether a business qualifies for a 95 number: yes, doubtful (warning), or no. */
export type Qualification = 'yes' | 'warning' | 'no';

/** One business of the catalogue. */
export interface Business {
  /** The name as printed on licences, e.g. '国内呼叫中心业务'. */
  readonly name: string;
  /** The 2015 catalogue code, e.g. 'B24-1'. */
  readonly code: string;
  /** English name. */
  readonly en: string;
  readonly qualifies: Qualification;
  /** The code of the same business in the 2003 catalogue (unverified), e.g. 'B22' for call centres. */
  readonly legacyCode?: string;
  /** 'inference' when the entry rests on a reading of the sources, not on a source. */
  readonly status?: string;
  readonly note?: LocalizedText;
}

interface RawBusiness {
  readonly code: string;
  readonly en: string;
  readonly qualifies: string;
  readonly legacyCode?: string;
  readonly status?: string;
  readonly note?: LocalizedText;
}

function toBusiness(name: string, raw: RawBusiness): Business {
  const q = raw.qualifies;
  if (q !== 'yes' && q !== 'warning' && q !== 'no')
    throw new Error(`businesses.json: bad qualifies ${q} for ${name}`);
  return {
    name,
    code: raw.code,
    en: raw.en,
    qualifies: q,
    ...(raw.legacyCode !== undefined ? { legacyCode: raw.legacyCode } : {}),
    ...(raw.status !== undefined ? { status: raw.status } : {}),
    ...(raw.note !== undefined ? { note: raw.note } : {}),
  };
}

/** Source, version and date of the catalogue data. */
export const businessesSource: { readonly source: string; readonly version: string; readonly date: string } =
  {
    source: data.source,
    version: data.version,
    date: data.date,
  };

/** All businesses, in catalogue order. */
export const businesses: readonly Business[] = Object.entries(
  data.businesses as Record<string, RawBusiness>,
).map(([name, raw]) => toBusiness(name, raw));

/** The 2003 catalogue codes (unverified) and the note explaining why names, not codes, are matched. */
export const legacyCatalogue: {
  readonly catalogue: string;
  readonly codes: Readonly<Record<string, string>>;
  readonly note: LocalizedText;
} = {
  catalogue: data.legacyCatalogue.catalogue,
  codes: data.legacyCatalogue.codes,
  note: data.legacyCatalogue.note,
};

const byName = new Map<string, Business>(businesses.map((b) => [normalizeForCompare(b.name), b]));

/**
 * Finds a business by the name printed on a licence. Tolerant to full-width/half-width brackets
 * ('信息服务业务(不含互联网信息服务)' finds '信息服务业务（不含互联网信息服务）'), other bracket styles and spaces.
 */
export function findBusiness(name: string): Business | undefined {
  return byName.get(normalizeForCompare(name));
}

/** The businesses with a 2015 catalogue code ('B25' has three printed variants). */
export function businessesByCode(code: string): readonly Business[] {
  return businesses.filter((b) => b.code === code);
}
