/**
 * R-APPLICANT-004: positions 3–4 of the 统一社会信用代码 are one of the 31 province codes (or 10, the
 * national level 100000). The full six-digit region code is NOT checked against current division
 * lists: codes keep the region they were issued with, which may since have been abolished (512081).
 */
import { defineRule } from '../define-rule';
import { CREDIT_CODE_PATH, creditCode18, registrationProvinceKnown } from './shared';

export const creditCodeProvince = defineRule({
  id: 'R-APPLICANT-004',
  name: 'credit-code-province',
  defaultSeverity: 'error',
  status: 'inference',
  fixable: false,
  fields: ['applicant.credit_code'],
  description: {
    'zh-cn': '统一社会信用代码第 3–4 位须是省级行政区划代码（登记机关所在省）。',
    en: 'Positions 3–4 of the unified social credit code must be a province code (the province of the registering authority).',
  },
  messages: {
    unknownProvince: {
      'zh-cn':
        '统一社会信用代码“{value}”的第 3–4 位“{province}”不是省级行政区划代码（如 11 北京市、33 浙江省、44 广东省）。第 3–8 位是登记机关的行政区划码；请对照营业执照核对。',
      en: 'Positions 3–4 “{province}” of credit code “{value}” are not a province code (e.g. 11 Beijing, 33 Zhejiang, 44 Guangdong). Positions 3–8 are the region code of the registering authority; compare the code with the business licence.',
    },
  },
  check(ctx) {
    const code = creditCode18(ctx.app);
    if (code === undefined || !/^\d{6}$/.test(code.slice(2, 8))) return; // the schema's pattern
    if (registrationProvinceKnown(code)) return;
    ctx.report({
      path: CREDIT_CODE_PATH,
      messageId: 'unknownProvince',
      params: { value: code, province: code.slice(2, 4) },
    });
  },
});
