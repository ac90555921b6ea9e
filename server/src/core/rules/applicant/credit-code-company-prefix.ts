/**
 * R-APPLICANT-002: the applicant is a company, so its 统一社会信用代码 should start with "91"
 * (registered by 市场监管/工商 as an enterprise). Reads positions 1–2 of a well-formed code only.
 */
import { usccShape } from '../../checks/credit-code';
import type { LocalizedText } from '../../types';
import { defineRule } from '../define-rule';
import { CREDIT_CODE_PATH, creditCode18 } from './shared';

/** What positions 1–2 say about the registered entity (GB 32100; the 2016 additions are unverified). */
function prefixMeaning(prefix: string): LocalizedText {
  const [dept, kind] = [prefix.charAt(0), prefix.charAt(1)];
  if (dept === '9' && kind === '2')
    return { 'zh-cn': '个体工商户', en: 'an individual business (个体工商户)' };
  if (dept === '9' && kind === '3')
    return { 'zh-cn': '农民专业合作社', en: "a farmers' co-operative (农民专业合作社)" };
  if (dept === '9')
    return {
      'zh-cn': '市场监管部门登记的非企业主体',
      en: 'a non-company entity registered by market regulation',
    };
  if (dept === '1')
    return {
      'zh-cn': '机构编制部门登记的机关或事业单位等',
      en: 'a government body or public institution (机构编制)',
    };
  if (dept === '5')
    return {
      'zh-cn': '民政部门登记的社会组织',
      en: 'a social organisation registered by civil affairs (民政)',
    };
  return { 'zh-cn': '其他登记管理部门登记的主体', en: 'an entity registered by another authority' };
}

export const creditCodeCompanyPrefix = defineRule({
  id: 'R-APPLICANT-002',
  name: 'credit-code-company-prefix',
  defaultSeverity: 'warning',
  status: 'inference',
  fixable: false,
  fields: ['applicant.credit_code'],
  description: {
    'zh-cn': '申请单位须为公司，其统一社会信用代码应以“91”（市场监管部门登记的企业）开头。',
    en: 'The applicant must be a company, so its unified social credit code should start with "91" (an enterprise registered by market regulation).',
  },
  messages: {
    notCompany: {
      'zh-cn':
        '统一社会信用代码“{value}”以“{prefix}”开头，表示{meaning}，不是企业。经营增值电信业务的须为依法设立的公司（《电信条例》第十三条），其代码以“91”开头；请核对代码，或确认申请主体是否正确。',
      en: 'Credit code “{value}” starts with “{prefix}”, which denotes {meaning}, not a company. A value-added telecom operator must be a duly established company (Telecom Regulations art. 13), whose code starts with "91"; check the code or whether the right entity is applying.',
    },
  },
  check(ctx) {
    const code = creditCode18(ctx.app);
    if (code === undefined || !usccShape(code)) return;
    const prefix = code.slice(0, 2);
    if (prefix === '91') return;
    ctx.report({
      path: CREDIT_CODE_PATH,
      messageId: 'notCompany',
      params: { value: code, prefix, meaning: prefixMeaning(prefix) },
    });
  },
});
