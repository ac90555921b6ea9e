/**
 * R-COVERAGE-003: the area of use reaches the seed's threshold, "许可证服务范围覆盖应超过6个省的12个
 * 城市" (S0 item 4). Unconfirmed: no other source states it (reference.md §11 item 1), so it is a
 * warning and the numbers and the comparison come from `ctx.thresholds.coverage` (default ≥ 6
 * provinces, ≥ 12 cities; comparison ">" for the literal "超过"). Counts distinct provinces and
 * distinct prefecture-level cities of usage.area; a municipality counts as one city even without a
 * city list; unknown city names do not count (R-COVERAGE-004 reports them). The county-level units
 * directly administered by a province (济源市, 仙桃市, 琼海市, 石河子市 …) are accepted places but not
 * prefecture-level (GB/T 2260 lists them under the province's x90xxx block, the official count of 333
 * prefecture-level divisions excludes them), so they do not count; the message names them.
 */
import { meets } from '../../config/thresholds';
import { cityByCode, findDirectCounty } from '../../data/divisions';
import type { LocalizedText } from '../../types';
import { defineRule } from '../define-rule';
import { get, getArray } from '../../document/data-access';
import { areaProvinces, distinctProvinces, resolveCity } from './places';

function requirement(min: number, comparison: '>=' | '>', unitZh: string, unitEn: string): LocalizedText {
  return comparison === '>'
    ? { 'zh-cn': `超过 ${min} 个${unitZh}`, en: `more than ${min} ${unitEn}` }
    : { 'zh-cn': `至少 ${min} 个${unitZh}`, en: `at least ${min} ${unitEn}` };
}

export const areaThreshold = defineRule({
  id: 'R-COVERAGE-003',
  name: 'area-province-city-threshold',
  defaultSeverity: 'warning',
  status: 'unverified',
  description: {
    'zh-cn': '使用范围达到参考门槛：默认至少 6 个省、12 个地级城市（种子材料“超过6个省的12个城市”，未经官方核实，可配置）。',
    en: 'The area of use meets the reference threshold: by default at least 6 provinces and 12 prefecture-level cities (seed text, unconfirmed, configurable).',
  },
  fixable: false,
  fields: ['usage.area', 'usage.area.*.cities', 'usage.area.*.cities.*'],
  messages: {
    provinces: {
      'zh-cn':
        '使用范围有 {count} 个省，未达到参考门槛（{requirement}）。咨询机构材料称覆盖范围应“超过6个省的12个城市”（未经官方核实）；如能扩大使用范围请补充省份，否则请准备好说明。',
      en: 'The area of use has {count} provinces, below the reference threshold ({requirement}). Consultants state that coverage should exceed "6 provinces and 12 cities" (not officially confirmed); add provinces if you can, or be ready to explain.',
    },
    cities: {
      'zh-cn':
        '使用范围有 {count} 个地级城市（直辖市各算一个{excluded}），未达到参考门槛（{requirement}）。咨询机构材料称覆盖范围应“超过6个省的12个城市”（未经官方核实）；请在各省的 cities 中列出计划开通的城市。',
      en: 'The area of use has {count} prefecture-level cities (each municipality counts as one{excluded}), below the reference threshold ({requirement}). Consultants state that coverage should exceed "6 provinces and 12 cities" (not officially confirmed); list the cities to be opened under each province.',
    },
  },
  check(ctx) {
    const entries = areaProvinces(ctx.app);
    if (entries.length === 0) return;
    const { minProvinces, minCities, comparison } = ctx.thresholds.coverage;
    const provinceCount = distinctProvinces(entries).length;

    const cityCodes = new Set<string>();
    const direct = new Set<string>();
    for (const entry of entries) {
      if (entry.province.municipality) {
        const self = cityByCode(`${entry.province.code}0000`);
        if (self) cityCodes.add(self.code);
        continue;
      }
      for (const city of getArray(get(ctx.app, ['usage', 'area', entry.index]), ['cities'])) {
        if (typeof city !== 'string') continue;
        const found = resolveCity(city, entry.province.code) ?? resolveCity(city);
        if (found) cityCodes.add(found.city.code);
        else {
          const county = findDirectCounty(city, entry.province.code);
          if (county) direct.add(county.county.name);
        }
      }
    }
    const extra = { provinces: provinceCount, cities: cityCodes.size };

    if (!meets(provinceCount, minProvinces, comparison)) {
      ctx.report({
        path: ['usage', 'area'],
        target: 'key',
        messageId: 'provinces',
        params: { count: provinceCount, requirement: requirement(minProvinces, comparison, '省', 'provinces') },
        extra,
      });
    }
    if (!meets(cityCodes.size, minCities, comparison)) {
      ctx.report({
        path: ['usage', 'area'],
        target: 'key',
        messageId: 'cities',
        params: {
          count: cityCodes.size,
          requirement: requirement(minCities, comparison, '城市', 'cities'),
          excluded:
            direct.size === 0
              ? { 'zh-cn': '', en: '' }
              : {
                  'zh-cn': `；省直辖县级行政单位${[...direct].join('、')}不是地级行政区，不计入`,
                  en: `; the county-level units directly under a province, ${[...direct].join(', ')}, are not prefecture-level and do not count`,
                },
        },
        extra,
      });
    }
  },
});
