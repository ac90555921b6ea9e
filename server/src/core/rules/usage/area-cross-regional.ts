/**
 * R-COVERAGE-002: the area of use spans at least two provinces. A 95 number is a cross-regional
 * number applied for at MIIT (电信条例 第九条, S1; 码号办法 第十一条, S3: "申请跨省、自治区、直辖市行政
 * 区域范围使用的码号，应当向工业和信息化部提出申请"). Counts distinct recognised provinces of usage.area.
 */
import { defineRule } from '../define-rule';
import { areaProvinces, distinctProvinces, joinNames } from './places';

export const areaCrossRegional = defineRule({
  id: 'R-COVERAGE-002',
  name: 'area-spans-two-provinces',
  defaultSeverity: 'error',
  status: 'confirmed',
  description: {
    'zh-cn': '申请使用的地域范围须至少包括两个省、自治区、直辖市（95 号码是跨省使用的号码）。',
    en: 'The area of use spans at least two provinces (a 95 number is a cross-regional number).',
  },
  fixable: false,
  fields: ['usage.area'],
  messages: {
    singleProvince: {
      'zh-cn':
        '使用范围只有{province}一个省。95 号码是跨省使用、向工业和信息化部申请的号码，使用范围须至少包括两个省、自治区、直辖市；请补充其他省份（须在许可证覆盖范围内）。只在一省使用的号码应向该省通信管理局申请。',
      en: 'The area of use is only {province}. A 95 number is a cross-regional number applied for at MIIT, so its area must span at least two provinces; add the other provinces (within the licence coverage). A number used in one province only is applied for at that province\'s communications administration.',
    },
  },
  check(ctx) {
    const provinces = distinctProvinces(areaProvinces(ctx.app));
    if (provinces.length !== 1) return;
    ctx.report({
      path: ['usage', 'area'],
      target: 'key',
      messageId: 'singleProvince',
      params: { province: joinNames(provinces.map((p) => p.name)) },
    });
  },
});
