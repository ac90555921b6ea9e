/**
 * Small helpers shared by the tech-family rules (technical plan, schedule, dialling, preparation,
 * staff): the application date, the provinces of the area of use and of the licence coverage,
 * placeholder detection for free text, and list formatting for bilingual messages. Pure; reads only
 * the unvalidated data it is given.
 */
import type { LocalizedText } from '../../types';
import { parseIsoDate, type CivilDate } from '../../checks/dates';
import { normalizeForCompare } from '../../checks/text';
import { contentLength, isPlaceholder } from '../../checks/free-text';
import { findProvince, provinces, type Province } from '../../data/divisions';
import { get, getArray, getString, isRecord } from '../../document/data-access';

/** The application date: `application.date` when it is a valid date, else `today` (undefined if neither parses). */
export function applicationDate(app: unknown, today: string): CivilDate | undefined {
  const written = getString(app, ['application', 'date']);
  const parsed = written === undefined ? undefined : parseIsoDate(written);
  return parsed ?? parseIsoDate(today);
}

/** The province a name denotes (official or short form), or undefined. */
export function provinceOf(value: unknown): Province | undefined {
  return typeof value === 'string' ? findProvince(value)?.province : undefined;
}

/** The recognised provinces of `usage.area[].province`, in order, without repeats. */
export function areaProvinces(app: unknown): Province[] {
  const out = new Map<string, Province>();
  for (const entry of getArray(app, ['usage', 'area'])) {
    const p = isRecord(entry) ? provinceOf(entry['province']) : undefined;
    if (p && !out.has(p.code)) out.set(p.code, p);
  }
  return [...out.values()];
}

/**
 * The provinces of `licence.coverage` ("全国" = all 31), or undefined when there is no usable
 * coverage list (missing, of the wrong type, or without one recognised entry).
 */
export function coverageProvinces(app: unknown): Province[] | undefined {
  const coverage = get(app, ['licence', 'coverage']);
  if (!Array.isArray(coverage)) return undefined;
  const out = new Map<string, Province>();
  for (const item of coverage) {
    if (typeof item !== 'string') continue;
    if (normalizeForCompare(item) === '全国') return [...provinces];
    const p = provinceOf(item);
    if (p) out.set(p.code, p);
  }
  return out.size > 0 ? [...out.values()] : undefined;
}

/**
 * True when a free text says nothing: a placeholder ("待定", "无", "TBD", "xxx", only punctuation; see
 * checks/free-text.ts) or fewer than `minChars` letters and digits of content.
 */
export function isTrivialText(value: string, minChars = 4): boolean {
  return isPlaceholder(value) || contentLength(value) < minChars;
}

/** A list of names joined the way each language writes it: 甲、乙 / A, B. */
export function joinNames(names: readonly string[]): LocalizedText {
  return { 'zh-cn': names.join('、'), en: names.join(', ') };
}

/** A localized list of province names (Chinese names in both languages: they are the data's values). */
export function provinceNames(list: readonly Province[]): LocalizedText {
  return joinNames(list.map((p) => p.name));
}

/** A number for a message: integers as written, others with up to two decimals. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 100) / 100);
}

/** The review period (S2), kept with the working-day count. */
export { REVIEW_EXTENSION_WORKING_DAYS, REVIEW_WORKING_DAYS } from '../../checks/working-days';
