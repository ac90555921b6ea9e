/**
 * R-NUMBER-001: every candidate lies in a segment a value-added telecom business may apply for (950,
 * 951, 952, 954, 957). 953/955/956 are enterprise customer-service numbers, 95110 is the coast guard's
 * public-service number, 958/959 are not planned, and a number outside 95 is not a 95 number at all
 * (reference.md §2, S8). Offers same-ending numbers of 950/951 (5 digits) or 952 (6 digits) as fixes.
 */
import type { FixIntent } from '../../types';
import { segmentOf } from '../../data/segments';
import { defineRule } from '../define-rule';
import { asWritten, candidatesOf, type Candidate } from './candidates';

/**
 * Same-ending numbers in 950/951 (for 5 digits) or 952 (for 6 digits) that are allowed and not yet
 * listed. `blocked`: the segment that cannot be applied for, named in the title so the choice explains
 * itself ("955 号段不能申请").
 */
function alternatives(candidate: Candidate, digits: string, listed: ReadonlySet<string>, blocked?: string): FixIntent[] {
  const why = blocked === undefined ? { 'zh-cn': '', en: '' } : { 'zh-cn': `${blocked} 号段不能申请；`, en: `the ${blocked} range cannot be applied for; ` };
  const forms: string[] = [];
  if (digits.length === 5) forms.push(`950${digits.slice(3)}`, `951${digits.slice(3)}`);
  if (digits.length === 6) forms.push(`952${digits.slice(3)}`);
  return forms
    .filter((form) => segmentOf(form)?.allowed === true && !listed.has(form))
    .map((form) => ({
      kind: 'replaceValue' as const,
      path: candidate.path,
      value: asWritten(candidate, form),
      title: {
        'zh-cn': `改为“${form}”（${why['zh-cn']}${form.slice(0, 3)} 号段，${form.length} 位）`,
        en: `Change to "${form}" (${why.en}${form.slice(0, 3)} range, ${form.length} digits)`,
      },
    }));
}

export const segmentAllowed = defineRule({
  id: 'R-NUMBER-001',
  name: 'candidate-segment-allowed',
  defaultSeverity: 'error',
  status: 'confirmed',
  description: {
    'zh-cn': '候选号码须属于增值电信业务可申请的 950、951、952、954、957 号段；953、955、956 和 95110 不能申请。',
    en: 'Each candidate lies in a value-added telecom segment (950, 951, 952, 954, 957); 953, 955, 956 and 95110 cannot be applied for.',
  },
  fixable: true,
  fields: ['number.candidates', 'number.candidates.*'],
  messages: {
    notNinetyFive: {
      'zh-cn':
        '候选号码“{value}”不是 95 号码。本申请只能申请 95 号段中供呼叫中心等增值电信业务使用的号码（950、951、952、954、957 开头），请改为这样的号码。',
      en: 'Candidate "{value}" is not a 95 number. This application can only request a 95 number of the value-added telecom segments (starting with 950, 951, 952, 954 or 957); use such a number.',
    },
    unknownSegment: {
      'zh-cn':
        '候选号码“{value}”以 {prefix} 开头，不属于已规划的 95 号段。呼叫中心等增值电信业务可申请 950、951、952、954、957 开头的号码，请改选其中之一（如 950XX、952XXX）。',
      en: 'Candidate "{value}" starts with {prefix}, which is not a planned 95 segment. Value-added telecom businesses may apply for numbers starting with 950, 951, 952, 954 or 957; pick one of those (e.g. 950XX, 952XXX).',
    },
    notAllowed: {
      'zh-cn': '候选号码“{value}”不能申请：{reason}请改选 950、951 或 952 开头的号码。',
      en: 'Candidate "{value}" cannot be applied for: {reason} Pick a number starting with 950, 951 or 952.',
    },
  },
  check(ctx) {
    const candidates = candidatesOf(ctx.app);
    const listed = new Set(candidates.flatMap((c) => (c.digits !== undefined ? [c.digits] : [])));
    for (const candidate of candidates) {
      const digits = candidate.digits;
      if (digits === undefined || digits.length < 2) continue;
      if (!digits.startsWith('95')) {
        ctx.report({ path: candidate.path, messageId: 'notNinetyFive', params: { value: candidate.written } });
        continue;
      }
      if (digits.length < 3) continue;
      const segment = segmentOf(digits);
      if (segment === undefined) {
        ctx.report({
          path: candidate.path,
          messageId: 'unknownSegment',
          params: { value: candidate.written, prefix: digits.slice(0, 3) },
          fixes: alternatives(candidate, digits, listed),
        });
      } else if (!segment.allowed) {
        ctx.report({
          path: candidate.path,
          messageId: 'notAllowed',
          params: {
            value: candidate.written,
            reason: segment.reason ?? { 'zh-cn': `${segment.prefix} 号段不对增值电信业务开放。`, en: `The ${segment.prefix} range is not open to value-added telecom businesses.` },
          },
          fixes: segment.use === 'public' ? [] : alternatives(candidate, digits, listed, segment.prefix),
        });
      }
    }
  },
});
