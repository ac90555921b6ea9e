/**
 * R-COVERAGE-004: every province and city written in the application is a real division under its
 * official name, and every city lies in the province it is listed with. Applies to usage.area,
 * licence.coverage, tech.platform.sites[], tech.access.links[] and schedule[]. Short forms (北京,
 * 内蒙古, 杭州, 恩施州) are info with a fix to the official name; a city in another province is an error
 * (with a fix moving it, where its province is known); an unknown city name is an error with "did you
 * mean". Cities are prefecture-level divisions or municipalities (reference.md §6.2); a district of a
 * municipality is a warning, since the municipality counts as one city. The county-level units directly
 * administered by a province (省直辖县级行政单位, GB/T 2260 4190xx/4290xx/4690xx/6590xx: 济源市, 仙桃市,
 * 琼海市, 石河子市 …) are accepted as places of their province (short forms: info with a fix). Unknown
 * province names are left to the schema's enum.
 */
import type { DataPath, FixIntent, LocalizedText } from '../../types';
import { cityByCode, findDirectCounty, findProvince, provinceByCode, type Province } from '../../data/divisions';
import { normalizeForCompare } from '../../checks/text';
import { defineRule, type RuleContext } from '../define-rule';
import { getArray, getString, isRecord } from '../../document/data-access';
import { isNationwide, resolveCity, suggestCity } from './places';
import { markSafe } from '../../fixes/safety';

type MessageId =
  | 'shortProvince'
  | 'shortCity'
  | 'shortCounty'
  | 'cityNotInProvince'
  | 'cityNotInAreaProvince'
  | 'municipalityNotInProvince'
  | 'municipalityNotInAreaProvince'
  | 'unknownCity'
  | 'unknownCityNoSuggestion'
  | 'municipalityDistrict'
  | 'municipalityDistrictInArea';

/** A province field, a city field or both, as written in one entry. */
interface PlaceFields {
  readonly provincePath?: DataPath;
  readonly cityPath?: DataPath;
}

function replaceWith(path: DataPath, value: string): FixIntent {
  return { kind: 'replaceValue', path, value, title: { 'zh-cn': `改为“${value}”`, en: `Change to "${value}"` } };
}

/** Checks a province value; returns the province it names, if any. */
function checkProvince(ctx: RuleContext<MessageId>, path: DataPath): Province | undefined {
  const written = getString(ctx.app, path);
  if (written === undefined) return undefined;
  const found = findProvince(written);
  if (!found) return undefined;
  if (!found.official) {
    ctx.report({
      path,
      messageId: 'shortProvince',
      params: { value: written.trim(), official: found.province.name },
      severity: 'info',
      // The official name of the same province: certain, so fix-all applies it.
      fixes: [markSafe(replaceWith(path, found.province.name))],
    });
  }
  return found.province;
}

/** A copy of usage.area with city `cityIndex` of entry `entryIndex` moved under `target`. */
function movedArea(area: readonly unknown[], entryIndex: number, cityIndex: number, cityName: string, target: Province): unknown[] {
  const copy = area.map((entry) => {
    if (!isRecord(entry)) return entry;
    const cities = entry['cities'];
    return Array.isArray(cities) ? { ...entry, cities: [...(cities as unknown[])] } : { ...entry };
  });
  const source = copy[entryIndex] as Record<string, unknown>;
  const sourceCities = source['cities'] as unknown[];
  sourceCities.splice(cityIndex, 1);
  if (sourceCities.length === 0) delete source['cities'];
  const targetIndex = copy.findIndex((entry) => {
    const written = isRecord(entry) ? getString(entry, ['province']) : undefined;
    return written !== undefined && findProvince(written)?.province.code === target.code;
  });
  if (targetIndex < 0) {
    copy.push(target.municipality ? { province: target.name } : { province: target.name, cities: [cityName] });
    return copy;
  }
  const entry = copy[targetIndex] as Record<string, unknown>;
  if (target.municipality) return copy;
  const cities = Array.isArray(entry['cities']) ? (entry['cities'] as unknown[]) : [];
  const known = cities.some((c) => typeof c === 'string' && resolveCity(c, target.code)?.city.name === cityName);
  if (!known) entry['cities'] = [...cities, cityName];
  return copy;
}

function checkCity(
  context: RuleContext<MessageId>,
  path: DataPath,
  written: string,
  province: Province | undefined,
  misplacedFixes: (found: { name: string; province: string }) => FixIntent[],
  inArea: boolean,
): void {
  const value = written.trim();
  const inProvince = resolveCity(written, province?.code);
  if (inProvince) {
    if (!inProvince.official) {
      context.report({
        path,
        messageId: 'shortCity',
        params: { value, official: inProvince.city.name },
        severity: 'info',
        fixes: [markSafe(replaceWith(path, inProvince.city.name))],
      });
    }
    return;
  }
  const direct = findDirectCounty(written, province?.code);
  if (direct) {
    if (!direct.official) {
      context.report({
        path,
        messageId: 'shortCounty',
        params: { value, official: direct.county.name, code: direct.county.code },
        severity: 'info',
        fixes: [markSafe(replaceWith(path, direct.county.name))],
      });
    }
    return;
  }
  if (province === undefined) {
    reportUnknown(context, path, value, undefined);
    return;
  }
  const directElsewhere = findDirectCounty(written);
  const elsewhere =
    resolveCity(written) ??
    (directElsewhere ? { city: { ...directElsewhere.county }, official: directElsewhere.official } : undefined);
  if (elsewhere) {
    const actual = provinceByCode(elsewhere.city.province);
    const municipality = actual?.municipality === true;
    context.report({
      path,
      messageId: municipality
        ? inArea
          ? 'municipalityNotInAreaProvince'
          : 'municipalityNotInProvince'
        : inArea
          ? 'cityNotInAreaProvince'
          : 'cityNotInProvince',
      params: { value, actual: actual?.name ?? elsewhere.city.province, province: province.name },
      fixes: misplacedFixes({ name: elsewhere.city.name, province: elsewhere.city.province }),
    });
    return;
  }
  if (province.municipality) {
    const self = cityByCode(`${province.code}0000`);
    context.report({
      path,
      messageId: inArea ? 'municipalityDistrictInArea' : 'municipalityDistrict',
      params: { value, province: province.name },
      severity: 'warning',
      fixes: inArea
        ? [
            {
              kind: 'removeProperty',
              path: path.slice(0, -1),
              title: { 'zh-cn': `删除${province.name}的城市列表`, en: `Remove the city list of ${province.name}` },
            },
          ]
        : self
          ? [replaceWith(path, self.name)]
          : [],
    });
    return;
  }
  reportUnknown(context, path, value, province);
}

function reportUnknown(context: RuleContext<MessageId>, path: DataPath, value: string, province: Province | undefined): void {
  const scope: LocalizedText = province ? { 'zh-cn': `${province.name}的`, en: ` of ${province.name}` } : { 'zh-cn': '', en: '' };
  const suggestion = suggestCity(value, province?.code);
  if (suggestion && normalizeForCompare(suggestion.name) !== normalizeForCompare(value)) {
    context.report({
      path,
      messageId: 'unknownCity',
      params: { value, scope, suggestion: suggestion.name },
      suggestion: suggestion.name,
      fixes: [replaceWith(path, suggestion.name)],
    });
  } else {
    context.report({ path, messageId: 'unknownCityNoSuggestion', params: { value, scope } });
  }
}

export const placeNames = defineRule<MessageId>({
  id: 'R-COVERAGE-004',
  name: 'place-names-valid',
  defaultSeverity: 'error',
  status: 'inference',
  description: {
    'zh-cn': '省份和城市须写正式名称；城市须为地级行政区（或直辖市），并位于所列省份内。',
    en: 'Provinces and cities carry their official names; cities are prefecture-level divisions (or municipalities) inside the listed province.',
  },
  fixable: true,
  fields: [
    'licence.coverage.*',
    'usage.area',
    'usage.area.*',
    'usage.area.*.province',
    'usage.area.*.cities',
    'usage.area.*.cities.*',
    'tech.platform.sites.*.province',
    'tech.platform.sites.*.city',
    'tech.access.links.*.province',
    'tech.access.links.*.city',
    'schedule.*.province',
    'schedule.*.city',
  ],
  messages: {
    shortProvince: {
      'zh-cn': '“{value}”是简写，请写省级行政区的正式名称“{official}”。',
      en: '"{value}" is a short form; write the official name of the province, "{official}".',
    },
    shortCity: {
      'zh-cn': '“{value}”是简写，请写地级行政区的正式名称“{official}”。',
      en: '"{value}" is a short form; write the official name of the city, "{official}".',
    },
    shortCounty: {
      'zh-cn': '“{value}”是简写，请写省直辖县级行政单位的正式名称“{official}”（{code}）。',
      en: '"{value}" is a short form; write the official name of the county-level unit directly under the province, "{official}" ({code}).',
    },
    cityNotInProvince: {
      'zh-cn': '城市“{value}”属于{actual}，与所填省份“{province}”不一致。请改正城市或省份。',
      en: 'City "{value}" lies in {actual}, not in the province given, "{province}". Correct the city or the province.',
    },
    cityNotInAreaProvince: {
      'zh-cn': '城市“{value}”属于{actual}，不在{province}内。请把它移到{actual}的城市列表中，或删去。',
      en: 'City "{value}" lies in {actual}, not in {province}. Move it to the cities of {actual}, or remove it.',
    },
    municipalityNotInProvince: {
      'zh-cn': '“{value}”是直辖市，不在所填省份“{province}”内。请把省份改为“{actual}”，或改正城市。',
      en: '"{value}" is a municipality, not a city of the province given, "{province}". Set the province to "{actual}", or correct the city.',
    },
    municipalityNotInAreaProvince: {
      'zh-cn': '“{value}”是直辖市，不在{province}内。直辖市在使用范围中单独列为一项（province: {actual}），请把它从{province}的城市中移出。',
      en: '"{value}" is a municipality, not a city of {province}. A municipality is an entry of its own in the area of use (province: {actual}): move it out of the cities of {province}.',
    },
    unknownCity: {
      'zh-cn': '“{value}”不是{scope}地级行政区名称。是否应为“{suggestion}”？',
      en: '"{value}" is not a prefecture-level division{scope}. Did you mean "{suggestion}"?',
    },
    unknownCityNoSuggestion: {
      'zh-cn':
        '“{value}”不是{scope}地级行政区名称（地级市、地区、自治州、盟）。县级市和区县请改写为其所属的地级市，并检查名称是否写错。',
      en: '"{value}" is not a prefecture-level division (city, prefecture, autonomous prefecture, league){scope}. Replace a county-level city or a district by its prefecture-level city, and check the spelling.',
    },
    municipalityDistrict: {
      'zh-cn': '直辖市{province}整体算作一个城市，“{value}”不是地级行政区。请把城市写为“{province}”。',
      en: 'The municipality {province} counts as one city; "{value}" is not a prefecture-level division. Write "{province}" as the city.',
    },
    municipalityDistrictInArea: {
      'zh-cn': '直辖市{province}整体算作一个城市，“{value}”不是地级行政区。直辖市不必列出城市，请删除其 cities 列表。',
      en: 'The municipality {province} counts as one city; "{value}" is not a prefecture-level division. A municipality needs no city list: remove its cities.',
    },
  },
  check(ctx) {
    const app = ctx.app;
    // Licence coverage: provinces or 全国.
    getArray(app, ['licence', 'coverage']).forEach((item, index) => {
      if (typeof item === 'string' && !isNationwide(item)) checkProvince(ctx, ['licence', 'coverage', index]);
    });

    // usage.area: a province and its list of cities.
    const area = getArray(app, ['usage', 'area']);
    area.forEach((entry, entryIndex) => {
      if (!isRecord(entry)) return;
      const entryPath: DataPath = ['usage', 'area', entryIndex];
      const province = checkProvince(ctx, [...entryPath, 'province']);
      getArray(entry, ['cities']).forEach((city, cityIndex) => {
        if (typeof city !== 'string' || city.trim() === '') return;
        const cityPath: DataPath = [...entryPath, 'cities', cityIndex];
        checkCity(ctx, cityPath, city, province, (found) => {
          const move: FixIntent[] = [];
          const target = provinceByCode(found.province);
          if (target && province) {
            const moved = movedArea(area, entryIndex, cityIndex, found.name, target);
            move.push({
              kind: 'replaceValue',
              path: ['usage', 'area'],
              value: moved,
              title: target.municipality
                ? { 'zh-cn': `把“${found.name}”单独列为一项`, en: `List "${found.name}" as an entry of its own` }
                : { 'zh-cn': `把“${found.name}”移到${target.name}下`, en: `Move "${found.name}" to ${target.name}` },
            });
          }
          const cityCount = getArray(entry, ['cities']).length;
          move.push(
            cityCount > 1
              ? { kind: 'removeItem', path: cityPath, title: { 'zh-cn': `删除“${city.trim()}”`, en: `Remove "${city.trim()}"` } }
              : { kind: 'removeProperty', path: [...entryPath, 'cities'], title: { 'zh-cn': `删除“${city.trim()}”`, en: `Remove "${city.trim()}"` } },
          );
          return move;
        }, true);
      });
    });

    // Single province/city pairs: platform sites, access links, schedule entries.
    const pairs: PlaceFields[] = [];
    const collect = (base: DataPath): void => {
      getArray(app, base).forEach((entry, index) => {
        if (isRecord(entry)) pairs.push({ provincePath: [...base, index, 'province'], cityPath: [...base, index, 'city'] });
      });
    };
    collect(['tech', 'platform', 'sites']);
    collect(['tech', 'access', 'links']);
    collect(['schedule']);
    for (const pair of pairs) {
      const province = pair.provincePath ? checkProvince(ctx, pair.provincePath) : undefined;
      if (!pair.cityPath) continue;
      const city = getString(app, pair.cityPath);
      if (city === undefined || city.trim() === '') continue;
      const provincePath = pair.provincePath;
      checkCity(ctx, pair.cityPath, city, province, (found) => {
        const actual = provinceByCode(found.province);
        return actual && provincePath && getString(app, provincePath) !== undefined
          ? [
              {
                kind: 'replaceValue',
                path: provincePath,
                value: actual.name,
                title: {
                  'zh-cn': `把省份改为“${actual.name}”（${found.name}所在省份）`,
                  en: `Set the province to "${actual.name}" (where ${found.name} lies)`,
                },
              },
            ]
          : [];
      }, false);
    }
  },
});
