/**
 * Helpers shared by the licence rules (R-LICENCE-*): the application date, the licence number as
 * classified (the best of several numbers written in one field), the licence coverage as province
 * codes, the licence dates, and durations for messages. Owns no rule.
 */
import {
  addMonths,
  addYears,
  compareDates,
  daysBetween,
  parseIsoDate,
  type CivilDate,
} from '../../checks/dates';
import {
  classifyLicenceNumber,
  splitLicenceNumbers,
  type LicenceNumberInfo,
} from '../../checks/licence-number';
import { normalizeForCompare } from '../../checks/text';
import { findProvince, provinces } from '../../data/divisions';
import type { LocalizedText } from '../../types';
import { getArray, getString } from '../../document/data-access';

/** The application date: `application.date` when it is a valid date, else today; undefined if neither is. */
export function applicationDate(app: unknown, today: string): CivilDate | undefined {
  const written = getString(app, ['application', 'date']);
  return (written === undefined ? undefined : parseIsoDate(written)) ?? parseIsoDate(today);
}

/** A licence date (`licence.valid_from` / `licence.valid_until`) when it is a valid 'YYYY-MM-DD'. */
export function licenceDate(app: unknown, key: 'valid_from' | 'valid_until'): CivilDate | undefined {
  const written = getString(app, ['licence', key]);
  return written === undefined ? undefined : parseIsoDate(written);
}

/** The licence number field, split and classified. */
export interface LicenceNumberField {
  /** The field as written. */
  readonly text: string;
  /** The numbers written in the field (usually one), as written and trimmed. */
  readonly parts: readonly string[];
  /** The number that counts: the best part (cross-regional with B2 first). */
  readonly best: LicenceNumberInfo;
  /** The best part as written. */
  readonly bestText: string;
}

function rank(info: LicenceNumberInfo): number {
  if (info.kind === 'cross-regional') return info.hasB2 ? 4 : 3;
  if (info.kind === 'provincial' || info.kind === 'legacy-liaoning') return info.hasB2 ? 2 : 1;
  return 0;
}

/** `licence.number` classified, or undefined when it is not a non-blank string. */
export function licenceNumber(app: unknown): LicenceNumberField | undefined {
  const text = getString(app, ['licence', 'number']);
  if (text === undefined || text.trim() === '') return undefined;
  const whole = classifyLicenceNumber(text);
  if (whole.kind !== 'invalid') return { text, parts: [text.trim()], best: whole, bestText: text.trim() };
  // Several numbers in one field ("京B2-20202418，A2.B1.B2-20202637"): split only when the whole is no number.
  const split = splitLicenceNumbers(text);
  const parts = split.length > 0 ? split : [text.trim()];
  let bestText = parts[0] ?? text;
  let best = classifyLicenceNumber(bestText);
  for (const part of parts.slice(1)) {
    const info = classifyLicenceNumber(part);
    if (rank(info) > rank(best)) {
      best = info;
      bestText = part;
    }
  }
  return { text, parts, best, bestText };
}

/** The licence coverage as province codes: all 31 for 全国. `complete` is false if an entry is unknown. */
export interface Coverage {
  readonly nationwide: boolean;
  readonly codes: ReadonlySet<string>;
  readonly complete: boolean;
}

/** `licence.coverage`, or undefined when it is not a non-empty array. */
export function licenceCoverage(app: unknown): Coverage | undefined {
  const items = getArray(app, ['licence', 'coverage']);
  if (items.length === 0) return undefined;
  const codes = new Set<string>();
  let nationwide = false;
  let complete = true;
  for (const item of items) {
    if (typeof item !== 'string') {
      complete = false;
      continue;
    }
    if (normalizeForCompare(item) === normalizeForCompare('全国')) {
      nationwide = true;
      continue;
    }
    const found = findProvince(item);
    if (found) codes.add(found.province.code);
    else complete = false;
  }
  return { nationwide, codes: nationwide ? new Set(provinces.map((p) => p.code)) : codes, complete };
}

/**
 * A duration between two dates, in years, months and days (calendar arithmetic, `from` ≤ `to`):
 * "1 年 2 个月 3 天" / "1 year 2 months 3 days"; "0 天" / "0 days" for the same day.
 */
export function formatDuration(from: CivilDate, to: CivilDate): LocalizedText {
  if (compareDates(from, to) > 0) return formatDuration(to, from);
  let months = 0;
  // Whole months first (cheaply by years, for dates far apart), then the remaining days.
  while (compareDates(addYears(from, (months + 12) / 12), to) <= 0 && months < 12 * 10_000) months += 12;
  while (compareDates(addMonths(from, months + 1), to) <= 0) months += 1;
  const days = daysBetween(addMonths(from, months), to);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const zh: string[] = [];
  const en: string[] = [];
  if (years > 0) {
    zh.push(`${years} 年`);
    en.push(`${years} year${years === 1 ? '' : 's'}`);
  }
  if (rest > 0) {
    zh.push(`${rest} 个月`);
    en.push(`${rest} month${rest === 1 ? '' : 's'}`);
  }
  if (days > 0 || zh.length === 0) {
    zh.push(`${days} 天`);
    en.push(`${days} day${days === 1 ? '' : 's'}`);
  }
  return { 'zh-cn': zh.join(' '), en: en.join(' ') };
}
