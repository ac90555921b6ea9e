/**
 * Shared reading of place names for the R-COVERAGE-* rules: provinces and prefecture-level cities as
 * written in usage.area (and elsewhere), resolved through data/divisions.ts. Adds what the data module
 * leaves to its callers: the short forms of autonomous prefectures (恩施州, 延边 for 延边朝鲜族自治州),
 * "did you mean" for misspelt city names, and the distinct provinces of the area of use. Owns no rule.
 */
import type { DataPath } from '../../types';
import { cities, citiesOf, findCity, findProvince, type City, type Province } from '../../data/divisions';
import { normalizeForCompare } from '../../checks/text';
import { closestMatch } from '../../schema/suggest';
import { getArray, getString, isRecord } from '../../document/data-access';

/** A city found by name: `official` is false for a short form (杭州, 恩施州). */
export interface FoundCity {
  readonly city: City;
  readonly official: boolean;
}

/**
 * Finds a prefecture-level city (or a municipality) by its official name or a short form, within one
 * province when `provinceCode` is given. Beyond `findCity` it knows the short forms of autonomous
 * prefectures: the name without 自治州/州 that starts exactly one 自治州 name (恩施州, 大理, 延边州).
 */
export function resolveCity(name: string, provinceCode?: string): FoundCity | undefined {
  const found = findCity(name, provinceCode);
  if (found) return found;
  const stem = normalizeForCompare(name).replace(/(?:自治州|州)$/u, '');
  if (Array.from(stem).length < 2) return undefined;
  const pool = provinceCode !== undefined ? citiesOf(provinceCode) : cities;
  const hits = pool.filter((c) => c.name.endsWith('自治州') && c.name.startsWith(stem));
  return hits.length === 1 && hits[0] ? { city: hits[0], official: false } : undefined;
}

/** The official city name closest to a misspelt one, within a province or nationwide. */
export function suggestCity(name: string, provinceCode?: string): City | undefined {
  const pool = provinceCode !== undefined ? citiesOf(provinceCode) : cities;
  const best = closestMatch(name.trim(), pool.map((c) => c.name));
  return best !== undefined ? pool.find((c) => c.name === best) : undefined;
}

/** One entry of usage.area whose province could be resolved. */
export interface AreaProvince {
  /** Index in usage.area. */
  readonly index: number;
  readonly province: Province;
  /** The province as written. */
  readonly written: string;
  /** Path of the `province` value. */
  readonly path: DataPath;
}

/** The entries of usage.area with a recognisable province (official or short form), in order. */
export function areaProvinces(app: unknown): AreaProvince[] {
  const out: AreaProvince[] = [];
  getArray(app, ['usage', 'area']).forEach((entry, index) => {
    if (!isRecord(entry)) return;
    const written = getString(entry, ['province']);
    if (written === undefined) return;
    const found = findProvince(written);
    if (found) out.push({ index, province: found.province, written, path: ['usage', 'area', index, 'province'] });
  });
  return out;
}

/** The distinct provinces among `entries`, in order of first appearance. */
export function distinctProvinces(entries: readonly AreaProvince[]): Province[] {
  const seen = new Map<string, Province>();
  for (const e of entries) if (!seen.has(e.province.code)) seen.set(e.province.code, e.province);
  return [...seen.values()];
}

/** True for the coverage entry "全国" (nationwide). */
export function isNationwide(text: string): boolean {
  return normalizeForCompare(text) === '全国';
}

/** Joins names for a message: 、 in Chinese, ", " in English. */
export function joinNames(names: readonly string[]): { 'zh-cn': string; en: string } {
  return { 'zh-cn': names.join('、'), en: names.join(', ') };
}
