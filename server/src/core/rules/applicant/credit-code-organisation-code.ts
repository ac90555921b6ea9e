/**
 * R-APPLICANT-003: positions 9–17 of the 统一社会信用代码 (the former 组织机构代码) pass the GB 11714
 * MOD-11 check. Only for well-formed codes whose MOD-31 check character is right: a code R-APPLICANT-001
 * or R-APPLICANT-004 already rejects is not reported twice.
 */
import { checkUscc, gb11714Check, usccShape } from '../../checks/credit-code';
import { defineRule } from '../define-rule';
import { CREDIT_CODE_PATH, creditCode18, registrationProvinceKnown } from './shared';

export const creditCodeOrganisationCode = defineRule({
  id: 'R-APPLICANT-003',
  name: 'credit-code-organisation-code',
  defaultSeverity: 'warning',
  status: 'secondary',
  fixable: false,
  fields: ['applicant.credit_code'],
  description: {
    'zh-cn': '统一社会信用代码第 9–17 位（原组织机构代码）应通过 GB 11714 校验。',
    en: 'Positions 9–17 of the unified social credit code (the former organisation code) should pass the GB 11714 check.',
  },
  messages: {
    organisationCheck: {
      'zh-cn':
        '统一社会信用代码“{value}”的第 9–17 位“{org}”（组织机构代码）未通过 GB 11714 校验：按第 9–16 位计算，第 17 位应为“{expected}”。请对照营业执照核对；如代码与营业执照完全一致，可忽略此提示。',
      en: 'Positions 9–17 “{org}” (the organisation code) of credit code “{value}” fail the GB 11714 check: positions 9–16 call for “{expected}” at position 17. Compare the code with the business licence; if it matches exactly, ignore this warning.',
    },
  },
  check(ctx) {
    const code = creditCode18(ctx.app);
    if (code === undefined || !usccShape(code) || !registrationProvinceKnown(code)) return;
    if (!checkUscc(code).ok) return; // R-APPLICANT-001 reports the typo
    const result = gb11714Check(code);
    if (result.ok || result.expected === undefined) return;
    ctx.report({
      path: CREDIT_CODE_PATH,
      messageId: 'organisationCheck',
      params: { value: code, org: code.slice(8, 17), expected: result.expected },
    });
  },
});
