/**
 * R-APPLICANT-001: the check character (position 18) of the applicant's 统一社会信用代码 matches the
 * GB 32100 MOD-31 computation over positions 1–17. The shape (18 characters, charset, digits 3–8) is the
 * schema's pattern; this rule owns the check character only, and leaves a code whose positions 3–4 are
 * no province code to R-APPLICANT-004 (one typo, one finding).
 */
import { usccCheckChar } from '../../checks/credit-code';
import { defineRule } from '../define-rule';
import { CREDIT_CODE_PATH, creditCode18, registrationProvinceKnown } from './shared';

export const creditCodeCheckCharacter = defineRule({
  id: 'R-APPLICANT-001',
  name: 'credit-code-check-character',
  defaultSeverity: 'error',
  status: 'confirmed',
  fixable: true,
  fields: ['applicant.credit_code'],
  description: {
    'zh-cn': '统一社会信用代码的第 18 位校验位须与按 GB 32100 由前 17 位计算的结果一致。',
    en: 'The check character (position 18) of the unified social credit code must match the GB 32100 computation over the first 17 characters.',
  },
  messages: {
    checkCharacter: {
      'zh-cn':
        '统一社会信用代码“{value}”的校验位（第 18 位）“{actual}”不正确，按前 17 位计算应为“{expected}”。请对照营业执照逐位核对：多半是抄写错误，错的也可能是前 17 位中的某一位。',
      en: 'The check character (position 18) of credit code “{value}” is “{actual}”, but the first 17 characters give “{expected}”. Compare the code with the business licence character by character: it is most likely a copying error, possibly in one of the first 17 characters.',
    },
    checkCharacterLowerCase: {
      'zh-cn':
        '统一社会信用代码“{value}”的校验位（第 18 位）“{actual}”不正确：按前 17 位（大写）计算应为“{expected}”。代码应全部大写；请对照营业执照核对整个代码。',
      en: 'The check character (position 18) of credit code “{value}” is “{actual}”, but the first 17 characters (upper-cased) give “{expected}”. The code is written in upper case; compare the whole code with the business licence.',
    },
  },
  check(ctx) {
    const code = creditCode18(ctx.app);
    if (code === undefined) return;
    const upper = code.toUpperCase();
    if (!/^\d{6}$/.test(upper.slice(2, 8)) || !registrationProvinceKnown(upper)) return;
    const expected = usccCheckChar(upper.slice(0, 17));
    if (expected === null) return; // a character outside the charset: the schema's pattern reports it
    const actual = code.charAt(17);
    if (actual.toUpperCase() === expected) return; // right character (a lower-case one is the schema's)
    const wellFormed = code.slice(0, 17) === upper.slice(0, 17);
    if (!wellFormed) {
      ctx.report({
        path: CREDIT_CODE_PATH,
        messageId: 'checkCharacterLowerCase',
        params: { value: code, actual, expected },
      });
      return;
    }
    const fixed = `${code.slice(0, 17)}${expected}`;
    ctx.report({
      path: CREDIT_CODE_PATH,
      messageId: 'checkCharacter',
      params: { value: code, actual, expected },
      suggestion: fixed,
      extra: { expected },
      fixes: [
        {
          kind: 'replaceValue',
          path: CREDIT_CODE_PATH,
          value: fixed,
          title: {
            'zh-cn': `校验位改为“${expected}”：${fixed}（前 17 位格式正确，按其重算；仅当前 17 位与营业执照一致时适用）`,
            en: `Change the check character to “${expected}”: ${fixed} (the first 17 characters are well-formed and were used to recompute it; apply only if they match the business licence)`,
          },
        },
      ],
    });
  },
});
