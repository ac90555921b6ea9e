/**
 * R-FEE-002: when the area of use includes western provinces, say that the western half-rate of the
 * occupation fee does not apply to a 95 number allocated nationally by MIIT. The half-rate is
 * confirmed for provincial numbers only; not applying it to 95 numbers is an Inference (reference.md
 * §8, S13, S6). One info on `usage.area`; silent when no western province is listed.
 */
import { findProvince } from '../../data/divisions';
import { defineRule } from '../define-rule';
import { getArray, isRecord } from '../../document/data-access';

export const noWesternHalfRate = defineRule({
  id: 'R-FEE-002',
  name: 'no-western-half-rate',
  defaultSeverity: 'info',
  status: 'inference',
  description: {
    'zh-cn': '西部地区码号资源占用费减半不适用于工信部全国分配的 95 号码（推断）。',
    en: 'The western half-rate of the occupation fee does not apply to a 95 number allocated nationally by MIIT (inference).',
  },
  fixable: false,
  fields: ['usage.area'],
  messages: {
    westernArea: {
      'zh-cn':
        '使用范围包括西部地区（{provinces}）。西部地区码号资源占用费减半收取的规定适用于省内分配的号码；由工信部全国分配的 95 号码按全额收取（推断，尚未核实），费用预览按全额计算，预算时请勿按减半估算。',
      en: 'The area of use includes western provinces ({provinces}). The western half-rate of the occupation fee applies to numbers allocated within a province; a 95 number allocated nationally by MIIT is charged in full (inference, not verified), and the fee preview uses the full rate: do not budget for half.',
    },
  },
  check(ctx) {
    const western: string[] = [];
    for (const entry of getArray(ctx.app, ['usage', 'area'])) {
      if (!isRecord(entry) || typeof entry['province'] !== 'string') continue;
      const found = findProvince(entry['province']);
      if (found?.province.western && !western.includes(found.province.name))
        western.push(found.province.name);
    }
    if (western.length === 0) return;
    ctx.report({
      path: ['usage', 'area'],
      target: 'key',
      messageId: 'westernArea',
      params: { provinces: { 'zh-cn': western.join('、'), en: western.join(', ') } },
      extra: { westernProvinces: western.join(',') },
    });
  },
});
