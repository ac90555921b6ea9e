/**
 * Completion values drawn from the administrative divisions (divisions.ts): the provinces (those of
 * the licence coverage or the area of use first), the coverage list (全国 or provinces not listed
 * yet) and the cities of the entry's province with their GB/T 2260 codes.
 */
import { get, getArray, getString } from '../document/data-access';
import { t } from '../features/field-docs';
import {
  siblingValues,
  type CompletionContext as Context,
  type ValueCandidate,
} from '../features/value-provider';
import type { DataPath, Locale } from '../types';
import {
  cities,
  citiesOf,
  directCounties,
  directCountiesOf,
  findProvince,
  provinces,
  type City,
  type Province,
} from './divisions';

/** The official names of the provinces a list of written names refers to. */
function officialNames(names: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (typeof name !== 'string') continue;
    const found = findProvince(name)?.province.name;
    if (found !== undefined && !out.includes(found)) out.push(found);
  }
  return out;
}

function areaProvinces(data: unknown): string[] {
  return officialNames(getArray(data, ['usage', 'area']).map((e) => get(e, ['province'])));
}

function coverageProvinces(data: unknown): string[] {
  return officialNames(getArray(data, ['licence', 'coverage']));
}

function provinceDoc(p: Province, locale: Locale): string {
  const count = citiesOf(p.code).length;
  const parts = [
    `**${p.name}** · ${t(locale, '行政区划代码', 'division code')} \`${p.code}\`（GB/T 2260）`,
    p.municipality
      ? t(locale, '直辖市，本身算作一个城市。', 'A municipality; it counts as one city.')
      : t(locale, `地级行政区 ${count} 个。`, `${count} prefecture-level divisions.`),
  ];
  if (p.western) parts.push(t(locale, '西部地区（12 省区之一）。', 'One of the 12 western provinces.'));
  return parts.join('\n\n');
}

export function provinceCandidates(path: DataPath, pattern: string, context: Context): ValueCandidate[] {
  const { data, locale } = context;
  const entryPath = path.slice(0, -1);
  const index = entryPath[entryPath.length - 1];
  const listPath = entryPath.slice(0, -1);
  const used = new Set<string>();
  if (typeof index === 'number') {
    getArray(data, listPath).forEach((entry, i) => {
      if (i === index) return;
      const name = getString(entry, ['province']);
      const found = name === undefined ? undefined : findProvince(name)?.province.name;
      if (found !== undefined) used.add(found);
    });
  }
  let preferred: string[] = [];
  let preferredNote = '';
  if (pattern === 'usage.area.*.province') {
    preferred = coverageProvinces(data);
    preferredNote = t(locale, '许可证覆盖范围内', 'in the licence coverage');
  } else if (pattern === 'schedule.*.province') {
    preferred = areaProvinces(data);
    preferredNote = t(locale, '使用范围内，尚未安排', 'in the area of use, not scheduled yet');
  } else if (pattern.startsWith('tech.')) {
    preferred = [...new Set([...areaProvinces(data), ...coverageProvinces(data)])];
    preferredNote = t(locale, '使用范围或许可证覆盖范围内', 'in the area of use or the licence coverage');
  }
  // Sites and links may share a province; only the area and the schedule list each one once.
  const listsOnce = pattern === 'usage.area.*.province' || pattern === 'schedule.*.province';
  // The preferred provinces in the order the document lists them, then the rest by code.
  const ordered = [
    ...preferred
      .map((name) => provinces.find((p) => p.name === name))
      .filter((p): p is Province => p !== undefined),
    ...provinces.filter((p) => !preferred.includes(p.name)),
  ];
  return ordered.map((p) => {
    const isUsed = listsOnce && used.has(p.name);
    const rank = preferred.indexOf(p.name);
    const bucket = isUsed ? 3 : rank >= 0 ? 0 : 1;
    const description = isUsed
      ? t(locale, '已列出', 'already listed')
      : rank >= 0
        ? preferredNote
        : undefined;
    return {
      label: p.name,
      kind: 'value',
      bucket,
      ...(description !== undefined ? { description } : {}),
      detail: `${t(locale, '行政区划代码', 'code')} ${p.code}`,
      documentation: provinceDoc(p, locale),
      filterText: p.name,
    };
  });
}

export function coverageCandidates(path: DataPath, context: Context): ValueCandidate[] {
  const used = new Set(officialNames(siblingValues(context.data, path)));
  const all: ValueCandidate = {
    label: '全国',
    kind: 'value',
    bucket: 0,
    detail: t(context.locale, '全国范围', 'nationwide'),
  };
  const list = provinces
    .filter((p) => !used.has(p.name))
    .map((p): ValueCandidate => ({
      label: p.name,
      kind: 'value',
      bucket: 1,
      detail: `${t(context.locale, '行政区划代码', 'code')} ${p.code}`,
      documentation: provinceDoc(p, context.locale),
    }));
  return siblingValues(context.data, path).includes('全国') ? list : [all, ...list];
}

export function cityCandidates(path: DataPath, pattern: string, context: Context): ValueCandidate[] {
  const { data, locale } = context;
  const inList = pattern.endsWith('cities.*');
  const entryPath = inList ? path.slice(0, -2) : path.slice(0, -1);
  const provinceName = getString(data, [...entryPath, 'province']);
  const province = provinceName === undefined ? undefined : findProvince(provinceName)?.province;
  let list: readonly City[];
  // County-level units directly under a province (济源市, 仙桃市, 琼海市 …) follow the prefecture-level cities.
  let direct: readonly City[];
  if (province !== undefined) {
    list = citiesOf(province.code);
    direct = directCountiesOf(province.code);
  } else {
    const area = areaProvinces(data)
      .map((name) => findProvince(name)?.province.code)
      .filter((c): c is string => c !== undefined);
    list = area.length > 0 ? cities.filter((c) => area.includes(c.province)) : cities;
    direct = area.length > 0 ? directCounties.filter((c) => area.includes(c.province)) : directCounties;
  }
  const directCodes = new Set(direct.map((c) => c.code));
  list = [...list, ...direct];
  const used = new Set(inList ? siblingValues(data, path) : []);
  // For a site, a link or a schedule entry: the cities already in the area of use come first.
  const preferred = new Set<string>();
  if (!inList) {
    for (const entry of getArray(data, ['usage', 'area'])) {
      const name = getString(entry, ['province']);
      if (
        province !== undefined &&
        (name === undefined || findProvince(name)?.province.code !== province.code)
      )
        continue;
      for (const c of getArray(entry, ['cities'])) if (typeof c === 'string') preferred.add(c);
    }
  }
  return list
    .filter((c) => !used.has(c.name))
    .map((c): ValueCandidate => {
      const p = findProvinceByCode(c.province);
      const inArea = preferred.has(c.name);
      const isDirect = directCodes.has(c.code);
      const kindNote = isDirect
        ? t(
            locale,
            '省直辖县级行政单位（不计入地级城市数）',
            'county-level unit directly under the province (not counted as a city)',
          )
        : undefined;
      const where =
        p === undefined
          ? undefined
          : inArea
            ? `${p.name} · ${t(locale, '使用范围内', 'in the area of use')}`
            : p.name;
      const description = [where, isDirect ? t(locale, '省直辖', 'directly under the province') : undefined]
        .filter((x) => x !== undefined)
        .join(' · ');
      return {
        label: c.name,
        kind: 'value',
        bucket: inArea ? 0 : isDirect ? 2 : 1,
        detail: `${t(locale, '代码', 'code')} ${c.code}`,
        ...(description !== '' ? { description } : {}),
        documentation:
          `**${c.name}** · ${t(locale, '行政区划代码', 'division code')} \`${c.code}\`（GB/T 2260）${p !== undefined ? ` · ${p.name}` : ''}` +
          (kindNote !== undefined ? `\n\n${kindNote}` : ''),
      };
    });
}

const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
function findProvinceByCode(code: string): Province | undefined {
  return provinceByCode.get(code);
}
