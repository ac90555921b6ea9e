/**
 * R-LICENCE-002: the licence number is a well-formed value-added telecom licence number (after
 * normalisation: full-width, spaces, "(全网)", a trailing "号" or site suffix are tolerated). Owns the
 * FORMAT only: a well-formed provincial number is R-LICENCE-001's. Also spots an ICP certificate or
 * 备案 number written instead, and several numbers written into the one field.
 */
import { markSafe } from '../../fixes/safety';
import { defineRule } from '../define-rule';
import { licenceNumber } from './shared';

const PATH = ['licence', 'number'] as const;

export const licenceNumberFormat = defineRule({
  id: 'R-LICENCE-002',
  name: 'licence-number-format',
  defaultSeverity: 'error',
  status: 'inference',
  fixable: true,
  fields: ['licence.number'],
  description: {
    'zh-cn': '许可证编号须符合增值电信业务经营许可证编号的格式（如 B2-20213456、A2.B1.B2-20090003）。',
    en: 'The licence number must have the format of a value-added telecom licence number (e.g. B2-20213456, A2.B1.B2-20090003).',
  },
  messages: {
    invalid: {
      'zh-cn':
        '许可证编号“{value}”不符合增值电信业务经营许可证编号的格式。跨地区许可证编号形如 B2-20213456、A2.B1.B2-20090003 或 合字B1.B2-20130004（类别-年份+4 位序号）；请按许可证正文填写。',
      en: 'Licence number “{value}” does not have the format of a value-added telecom licence number. Cross-regional licence numbers look like B2-20213456, A2.B1.B2-20090003 or 合字B1.B2-20130004 (classes, a dash, the year and a 4-digit serial); copy it from the licence.',
    },
    icp: {
      'zh-cn':
        '“{value}”是 ICP 证或 ICP 备案号，不是增值电信业务经营许可证编号。95 号码须填写《跨地区增值电信业务经营许可证》的编号（如 B2-20213456）。',
      en: '“{value}” is an ICP certificate or ICP filing number, not a value-added telecom licence number. Give the number of the cross-regional value-added telecom licence (e.g. B2-20213456).',
    },
    notNormalised: {
      'zh-cn': '许可证编号“{value}”的写法与许可证上的不同，标准写法为“{normalized}”（半角字符、无空格，不带“(全网)”和“号”）。',
      en: 'Licence number “{value}” is not written as on the licence; the standard form is “{normalized}” (half-width characters, no spaces, without "(全网)" or "号").',
    },
    several: {
      'zh-cn': '许可证编号一栏写了 {count} 个编号（{value}）。只填写用于本申请的跨地区许可证编号“{best}”。',
      en: 'The licence number field holds {count} numbers ({value}). Give only the cross-regional licence used for this application, “{best}”.',
    },
  },
  check(ctx) {
    const number = licenceNumber(ctx.app);
    if (!number) return;
    const { best } = number;
    if (best.kind === 'invalid') {
      const icp = /ICP/u.test(best.normalized);
      ctx.report({ path: PATH, messageId: icp ? 'icp' : 'invalid', params: { value: number.text.trim() } });
      return;
    }
    const written = number.text.trim();
    if (
      best.kind === 'cross-regional' &&
      number.parts.length === 1 &&
      written !== best.normalized &&
      sameDigits(written, best.normalized)
    ) {
      // Only typography differs (the digits are the same, so no site suffix was dropped): a hint
      // with a safe fix to the form printed on the licence.
      ctx.report({
        path: PATH,
        messageId: 'notNormalised',
        severity: 'hint',
        params: { value: written, normalized: best.normalized },
        suggestion: best.normalized,
        fixes: [
          markSafe({
            kind: 'replaceValue',
            path: PATH,
            value: best.normalized,
            title: { 'zh-cn': `改为标准写法“${best.normalized}”`, en: `Write it as “${best.normalized}”` },
          }),
        ],
      });
    }
    if (number.parts.length > 1 && best.kind === 'cross-regional' && best.hasB2) {
      ctx.report({
        path: PATH,
        messageId: 'several',
        severity: 'warning',
        params: { count: number.parts.length, value: number.text.trim(), best: number.bestText },
        fixes: [
          {
            kind: 'replaceValue',
            path: PATH,
            value: number.bestText,
            title: { 'zh-cn': `只保留“${number.bestText}”`, en: `Keep only “${number.bestText}”` },
          },
        ],
      });
    }
  },
});

/** True when both texts hold the same digits (after NFKC), i.e. normalising dropped no number part. */
function sameDigits(a: string, b: string): boolean {
  const digits = (text: string): string => text.normalize('NFKC').replace(/\D/gu, '');
  return digits(a) === digits(b);
}
