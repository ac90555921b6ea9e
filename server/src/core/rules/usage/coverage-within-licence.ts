/**
 * R-COVERAGE-001: the area of use lies within the licence coverage, and should equal it (S0 item 4:
 * "申请使用的地域范围应与增值电信业务许可证规定的业务覆盖范围一致"). A province of the area outside the
 * coverage is an error on that province; an area that is a strict subset of a province-list coverage
 * is a warning on usage.area; a 全国 licence with a partial area is only an info, since a nationwide
 * licence rarely means nationwide use. Short forms count as the province they name.
 */
import type { FixIntent } from '../../types';
import { findProvince, type Province } from '../../data/divisions';
import { defineRule } from '../define-rule';
import { getArray } from '../../document/data-access';
import { areaProvinces, distinctProvinces, isNationwide, joinNames } from './places';

export const coverageWithinLicence = defineRule({
  id: 'R-COVERAGE-001',
  name: 'coverage-within-licence',
  defaultSeverity: 'error',
  status: 'secondary',
  description: {
    'zh-cn': '申请使用的地域范围须在许可证业务覆盖范围内，并应与之一致。',
    en: 'The area of use lies within the licence coverage, and should equal it.',
  },
  fixable: true,
  fields: ['licence.coverage', 'licence.coverage.*', 'usage.area', 'usage.area.*', 'usage.area.*.province'],
  messages: {
    outside: {
      'zh-cn':
        '使用范围中的“{value}”不在许可证业务覆盖范围（{coverage}）内。号码只能在许可证覆盖的省份使用：请从使用范围中删去该省，或核对许可证后把它补入 licence.coverage。',
      en: '"{value}" in the area of use is outside the licence coverage ({coverage}). The number may only be used where the licence applies: remove the province from the area, or, after checking the licence, add it to licence.coverage.',
    },
    coverageHere: {
      'zh-cn': '许可证业务覆盖范围：{coverage}',
      en: 'Licence coverage: {coverage}',
    },
    subset: {
      'zh-cn':
        '使用范围比许可证覆盖范围少了：{missing}。申请指引要求两者“一致”；请补充这些省份，或在用途说明中说明只在部分省份使用的原因。',
      en: 'The area of use lacks provinces of the licence coverage: {missing}. The application guide asks for the two to match: add these provinces, or explain in the use description why the number is used in part of the coverage only.',
    },
    nationwideSubset: {
      'zh-cn': '许可证覆盖全国，使用范围列出了 {count} 个省。如计划在全国使用，请列出全部省份；否则无需修改。',
      en: 'The licence covers all of mainland China and the area of use lists {count} provinces. If the number is for nationwide use, list all provinces; otherwise nothing to change.',
    },
  },
  check(ctx) {
    const coverageItems = getArray(ctx.app, ['licence', 'coverage']).filter((v): v is string => typeof v === 'string');
    if (coverageItems.length === 0) return;
    const area = areaProvinces(ctx.app);
    if (area.length === 0) return;
    const areaDistinct = distinctProvinces(area);

    if (coverageItems.some(isNationwide)) {
      if (areaDistinct.length < 31) {
        ctx.report({
          path: ['usage', 'area'],
          target: 'key',
          messageId: 'nationwideSubset',
          params: { count: areaDistinct.length },
          severity: 'info',
        });
      }
      return;
    }

    const covered = new Map<string, Province>();
    for (const item of coverageItems) {
      const found = findProvince(item);
      if (found) covered.set(found.province.code, found.province);
    }
    if (covered.size === 0) return;
    const coverageText = joinNames([...covered.values()].map((p) => p.name));

    for (const entry of area) {
      if (covered.has(entry.province.code)) continue;
      const fixes: FixIntent[] = [
        {
          kind: 'removeItem',
          path: ['usage', 'area', entry.index],
          title: { 'zh-cn': `从使用范围中删去${entry.province.name}`, en: `Remove ${entry.province.name} from the area of use` },
        },
        {
          kind: 'appendItem',
          path: ['licence', 'coverage'],
          value: entry.province.name,
          title: {
            'zh-cn': `把${entry.province.name}补入许可证覆盖范围（仅当许可证确实覆盖该省）`,
            en: `Add ${entry.province.name} to the licence coverage (only if the licence does cover it)`,
          },
        },
      ];
      ctx.report({
        path: entry.path,
        messageId: 'outside',
        params: { value: entry.written.trim(), coverage: coverageText },
        fixes,
        related: [{ path: ['licence', 'coverage'], target: 'key', messageId: 'coverageHere', params: { coverage: coverageText } }],
      });
    }

    const inArea = new Set(areaDistinct.map((p) => p.code));
    const missing = [...covered.values()].filter((p) => !inArea.has(p.code));
    const allInside = areaDistinct.every((p) => covered.has(p.code));
    if (missing.length > 0 && allInside) {
      ctx.report({
        path: ['usage', 'area'],
        target: 'key',
        messageId: 'subset',
        params: { missing: joinNames(missing.map((p) => p.name)) },
        severity: 'warning',
        fixes: missing.map((p) => ({
          kind: 'appendItem' as const,
          path: ['usage', 'area'],
          value: { province: p.name },
          title: { 'zh-cn': `在使用范围中加入${p.name}`, en: `Add ${p.name} to the area of use` },
        })),
        related: [{ path: ['licence', 'coverage'], target: 'key', messageId: 'coverageHere', params: { coverage: coverageText } }],
      });
    }
  },
});
