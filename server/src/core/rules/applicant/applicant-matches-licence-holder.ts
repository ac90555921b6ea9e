/**
 * R-APPLICANT-007: the applicant is the licence holder: `applicant.name` equals `licence.holder_name`
 * and `applicant.credit_code` equals `licence.holder_credit_code`, compared after normalisation
 * (full-width/half-width, bracket styles, spaces, letter case). Reported on the licence field, with the
 * applicant field as the related location. The business licence itself is a scan: not compared.
 */
import { normalizeUscc } from '../../checks/credit-code';
import { sameText } from '../../checks/text';
import { text } from '../../model';
import { defineRule } from '../define-rule';
import { get } from '../../document/data-access';

export const applicantMatchesLicenceHolder = defineRule({
  id: 'R-APPLICANT-007',
  name: 'applicant-matches-licence-holder',
  defaultSeverity: 'error',
  status: 'inference',
  fixable: false,
  fields: [
    'applicant',
    'applicant.name',
    'applicant.credit_code',
    'licence.holder_name',
    'licence.holder_credit_code',
  ],
  description: {
    'zh-cn': '申请单位的名称和统一社会信用代码须与许可证持证单位一致。',
    en: 'The applicant’s name and unified social credit code must equal those of the licence holder.',
  },
  messages: {
    nameMismatch: {
      'zh-cn':
        '许可证持证单位“{holder}”与申请单位名称“{name}”不一致。95 号码须由持证单位本身申请，材料不一致的不予受理；请按营业执照和许可证原件核对（公司更名的，须先办理许可证变更）。',
      en: 'Licence holder “{holder}” differs from the applicant name “{name}”. The number must be applied for by the licence holder itself, and inconsistent materials are rejected; check both against the business licence and the licence (after a change of name, the licence must be amended first).',
    },
    codeMismatch: {
      'zh-cn':
        '持证单位统一社会信用代码“{holder}”与申请单位的代码“{code}”不一致。95 号码须由持证单位本身申请；请按营业执照和许可证原件核对。',
      en: 'Licence holder credit code “{holder}” differs from the applicant’s code “{code}”. The number must be applied for by the licence holder itself; check both against the business licence and the licence.',
    },
    applicantName: {
      'zh-cn': '申请单位名称“{name}”',
      en: 'Applicant name “{name}”',
    },
    applicantCode: {
      'zh-cn': '申请单位统一社会信用代码“{code}”',
      en: 'Applicant credit code “{code}”',
    },
  },
  check(ctx) {
    const name = text(get(ctx.app, ['applicant', 'name']));
    const holder = text(get(ctx.app, ['licence', 'holder_name']));
    if (name !== undefined && holder !== undefined && !sameText(name, holder)) {
      ctx.report({
        path: ['licence', 'holder_name'],
        messageId: 'nameMismatch',
        params: { holder, name },
        related: [{ path: ['applicant', 'name'], messageId: 'applicantName', params: { name } }],
      });
    }
    const code = text(get(ctx.app, ['applicant', 'credit_code']));
    const holderCode = text(get(ctx.app, ['licence', 'holder_credit_code']));
    if (code !== undefined && holderCode !== undefined && normalizeUscc(code) !== normalizeUscc(holderCode)) {
      ctx.report({
        path: ['licence', 'holder_credit_code'],
        messageId: 'codeMismatch',
        params: { holder: holderCode, code },
        related: [{ path: ['applicant', 'credit_code'], messageId: 'applicantCode', params: { code } }],
      });
    }
  },
});
