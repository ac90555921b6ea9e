/**
 * R-LICENCE-001: the licence is MIIT's 《跨地区增值电信业务经营许可证》 with class B2: its number carries
 * no province character and includes B2, and its coverage has at least two provinces (全国 = all 31).
 * Owns the KIND of licence: a provincial (or old Liaoning) number is reported here, once, and then the
 * coverage is not reported again. A number of no known format is R-LICENCE-002's.
 */
import { provinceByCode } from '../../data/divisions';
import { defineRule } from '../define-rule';
import { licenceCoverage, licenceNumber } from './shared';

export const crossRegionalLicence = defineRule({
  id: 'R-LICENCE-001',
  name: 'cross-regional-licence',
  defaultSeverity: 'error',
  status: 'confirmed',
  fixable: false,
  fields: ['licence', 'licence.number', 'licence.businesses', 'licence.coverage'],
  description: {
    'zh-cn':
      '许可证须是工信部颁发的含第二类增值电信业务（B2）的《跨地区增值电信业务经营许可证》，覆盖至少两个省。',
    en: 'The licence must be the cross-regional value-added telecom licence issued by MIIT, including class B2, with coverage of at least two provinces.',
  },
  messages: {
    provincial: {
      'zh-cn':
        '许可证编号“{value}”以“{prefix}”开头，是{province}通信管理局颁发的省内许可证，只能在本省经营。95 号码在全国跨省使用，须持工信部颁发的《跨地区增值电信业务经营许可证》（编号不带省份简称，如 B2-20213456）；请改用跨地区许可证申请，或先申领跨地区许可证。',
      en: 'Licence number “{value}” starts with “{prefix}”: it is a provincial licence issued by the {province} communications administration, valid within that province only. A 95 number is used across provinces and needs the cross-regional value-added telecom licence issued by MIIT (its number has no province character, e.g. B2-20213456); apply with a cross-regional licence, or obtain one first.',
    },
    noB2: {
      'zh-cn':
        '许可证编号“{value}”只含 {classes} 类业务，不含第二类增值电信业务（B2）。呼叫中心、国内多方通信、存储转发类业务都属于 B2 类，95 号码须持含 B2 类的跨地区许可证；请核对许可证编号。',
      en: 'Licence number “{value}” covers class {classes} only, not the second class of value-added services (B2). Call centres, multi-party communication and store-and-forward are B2 businesses, so a 95 number needs a cross-regional licence that includes B2; check the licence number.',
    },
    singleProvince: {
      'zh-cn':
        '许可证覆盖范围只有{province}一个省份，属于省内经营。95 号码须持覆盖两个以上省份的跨地区许可证（《电信条例》第九条）；请按许可证附页填写全部覆盖省份（或“全国”）。',
      en: 'The licence coverage has one province only ({province}), i.e. operation within one province. A 95 number needs a cross-regional licence covering two or more provinces (Telecom Regulations art. 9); list every province of the licence annex (or 全国).',
    },
  },
  check(ctx) {
    const number = licenceNumber(ctx.app);
    const best = number?.best;
    if (number && best && (best.kind === 'provincial' || best.kind === 'legacy-liaoning')) {
      const province = best.provinceCode === undefined ? undefined : provinceByCode(best.provinceCode);
      ctx.report({
        path: ['licence', 'number'],
        messageId: 'provincial',
        params: {
          value: number.bestText,
          prefix: best.province ?? '',
          province: province?.name ?? best.province ?? '',
        },
        extra: {
          kind: best.kind,
          ...(best.provinceCode !== undefined ? { provinceCode: best.provinceCode } : {}),
        },
      });
      return; // the coverage of a provincial licence is the same root cause
    }
    if (number && best?.kind === 'cross-regional' && !best.hasB2) {
      ctx.report({
        path: ['licence', 'number'],
        messageId: 'noB2',
        params: {
          value: number.bestText,
          classes: { 'zh-cn': best.classes.join('、'), en: best.classes.join(', ') },
        },
      });
    }
    const coverage = licenceCoverage(ctx.app);
    if (!coverage || coverage.nationwide || !coverage.complete || coverage.codes.size !== 1) return;
    const [code] = [...coverage.codes];
    const province = code === undefined ? undefined : provinceByCode(code);
    if (!province) return;
    ctx.report({
      path: ['licence', 'coverage'],
      messageId: 'singleProvince',
      params: { province: province.name },
    });
  },
});
