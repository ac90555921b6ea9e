/**
 * R-PLEDGE-001: the 《电话接入号码使用承诺书》 is signed by the legal representative, sealed, and dated no
 * later than the application. Whether the pledge file exists is R-DOCS-001's job; that the pledge
 * section and its fields are present is the schema's (reference.md §9.6, S0 item 12, S24).
 */
import { compareDates, parseIsoDate } from '../../checks/dates';
import { sameText } from '../../checks/text';
import { defineRule } from '../define-rule';
import { getBoolean, getString } from '../../document/data-access';
import { applicationDate } from './application-date';

export const pledgeSignedSealedDated = defineRule({
  id: 'R-PLEDGE-001',
  name: 'pledge-signed-sealed-dated',
  defaultSeverity: 'error',
  status: 'secondary',
  description: {
    'zh-cn': '《电话接入号码使用承诺书》须由法定代表人签署、加盖公章，签署日期不晚于申请日期。',
    en: 'The number-use pledge is signed by the legal representative, sealed, and dated no later than the application.',
  },
  fixable: true,
  fields: [
    'application.date',
    'applicant.legal_rep',
    'pledge',
    'pledge.signed_by',
    'pledge.sealed',
    'pledge.date',
  ],
  messages: {
    signerNotLegalRep: {
      'zh-cn':
        '承诺书签署人“{value}”不是法定代表人“{legalRep}”。《电话接入号码使用承诺书》须由法定代表人签署，请由法定代表人重新签署，或改正签署人。',
      en: 'The pledge is signed by "{value}", who is not the legal representative "{legalRep}". The pledge must be signed by the legal representative: have it signed again, or correct the signatory.',
    },
    legalRepHere: {
      'zh-cn': '申请单位的法定代表人为“{legalRep}”',
      en: 'The applicant\'s legal representative is "{legalRep}"',
    },
    notSealed: {
      'zh-cn': '承诺书未加盖公章（sealed: false）。承诺书须加盖申请单位公章，盖章后再把 sealed 改为 true。',
      en: "The pledge is not sealed (sealed: false). It must carry the applicant's company seal; set sealed to true once it is sealed.",
    },
    dateAfterApplication: {
      'zh-cn':
        '承诺书签署日期 {value} 晚于申请日期 {applicationDate}。承诺书应在提交申请前签署，请改正签署日期或申请日期。',
      en: 'The pledge is dated {value}, after the application date {applicationDate}. It must be signed before the application is filed: correct the pledge date or the application date.',
    },
    dateAfterToday: {
      'zh-cn':
        '承诺书签署日期 {value} 晚于今天（{applicationDate}；未填写 application.date 时按今天计）。请改正签署日期，或填写申请日期。',
      en: 'The pledge is dated {value}, after today ({applicationDate}; without application.date the application is dated today). Correct the pledge date, or fill in the application date.',
    },
    applicationDateHere: {
      'zh-cn': '申请日期为 {applicationDate}',
      en: 'The application is dated {applicationDate}',
    },
  },
  check(ctx) {
    const app = ctx.app;

    const signer = getString(app, ['pledge', 'signed_by']);
    const legalRep = getString(app, ['applicant', 'legal_rep']);
    if (signer !== undefined && legalRep !== undefined && signer.trim() !== '' && legalRep.trim() !== '') {
      if (!sameText(signer, legalRep)) {
        ctx.report({
          path: ['pledge', 'signed_by'],
          messageId: 'signerNotLegalRep',
          params: { value: signer, legalRep },
          related: [{ path: ['applicant', 'legal_rep'], messageId: 'legalRepHere', params: { legalRep } }],
          fixes: [
            {
              kind: 'replaceValue',
              path: ['pledge', 'signed_by'],
              value: legalRep.trim(),
              title: {
                'zh-cn': `将签署人改为法定代表人“${legalRep.trim()}”`,
                en: `Set the signatory to the legal representative "${legalRep.trim()}"`,
              },
            },
          ],
        });
      }
    }

    if (getBoolean(app, ['pledge', 'sealed']) === false) {
      ctx.report({ path: ['pledge', 'sealed'], messageId: 'notSealed' });
    }

    const written = getString(app, ['pledge', 'date']);
    const pledgeDate = written === undefined ? undefined : parseIsoDate(written);
    const applied = applicationDate(app, ctx.today);
    if (written !== undefined && pledgeDate !== undefined && applied !== undefined) {
      if (compareDates(pledgeDate, applied.date) > 0) {
        ctx.report({
          path: ['pledge', 'date'],
          messageId: applied.given ? 'dateAfterApplication' : 'dateAfterToday',
          params: { value: written, applicationDate: applied.text },
          ...(applied.given
            ? {
                related: [
                  {
                    path: ['application', 'date'],
                    messageId: 'applicationDateHere' as const,
                    params: { applicationDate: applied.text },
                  },
                ],
              }
            : {}),
        });
      }
    }
  },
});
