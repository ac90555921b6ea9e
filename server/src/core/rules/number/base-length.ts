/**
 * R-NUMBER-003: a candidate has the base length of its segment: 950, 951 and 957 numbers have 5
 * digits, 952 and 954 numbers 6 (reference.md §2; S0, S9, S10, S12). Only candidates of 5 or 6 digits
 * are judged; shorter or longer values break the schema's number format, which reports them.
 *
 * Fixes, only where the intent is clear: a doubled or dropped repeated digit (950888 → 95088,
 * 95288 → 952888), and for a 6-digit number in a 5-digit segment the 6-digit 952 number with the same
 * ending (950888 → 952888), since a consultant who writes six digits usually wants a 952 number. A
 * 5-digit 952 number gets no "switch segment" fix: 950 and 951 are equally likely.
 */
import type { FixIntent } from '../../types';
import { segmentOf } from '../../data/segments';
import { defineRule } from '../define-rule';
import { asWritten, candidatesOf, type Candidate } from './candidates';

function replaceWith(candidate: Candidate, form: string, reason: { 'zh-cn': string; en: string }): FixIntent {
  return {
    kind: 'replaceValue',
    path: candidate.path,
    value: asWritten(candidate, form),
    title: { 'zh-cn': `改为“${form}”（${reason['zh-cn']}）`, en: `Change to "${form}" (${reason.en})` },
  };
}

export const baseLength = defineRule({
  id: 'R-NUMBER-003',
  name: 'candidate-base-length',
  defaultSeverity: 'error',
  status: 'secondary',
  description: {
    'zh-cn': '候选号码的位长须符合号段：950、951、957 为 5 位，952、954 为 6 位。',
    en: 'Each candidate has its segment\'s length: 5 digits for 950, 951 and 957, 6 digits for 952 and 954.',
  },
  fixable: true,
  fields: ['number.candidates', 'number.candidates.*'],
  messages: {
    tooLong: {
      'zh-cn':
        '候选号码“{value}”有 {length} 位，而 {prefix} 号段的号码是 {expected} 位（{prefix}XX）。请改为 {expected} 位的 {prefix} 号码，或改选 6 位的 952 号码（952XXX）。',
      en: 'Candidate "{value}" has {length} digits, but {prefix} numbers have {expected} ({prefix}XX). Use a {expected}-digit {prefix} number, or a 6-digit 952 number (952XXX).',
    },
    tooShort: {
      'zh-cn':
        '候选号码“{value}”只有 {length} 位，而 {prefix} 号段的号码是 {expected} 位（{prefix}XXX）。请补足为 {expected} 位，或改选 5 位的 950、951 号码。',
      en: 'Candidate "{value}" has only {length} digits, but {prefix} numbers have {expected} ({prefix}XXX). Complete it to {expected} digits, or use a 5-digit 950 or 951 number.',
    },
  },
  check(ctx) {
    const candidates = candidatesOf(ctx.app);
    const listed = new Set(candidates.flatMap((c) => (c.digits !== undefined ? [c.digits] : [])));
    const usable = (form: string): boolean => segmentOf(form)?.allowed === true && !listed.has(form);
    for (const candidate of candidates) {
      const digits = candidate.digits;
      if (digits === undefined || (digits.length !== 5 && digits.length !== 6)) continue;
      const segment = segmentOf(digits);
      if (segment?.allowed !== true || segment.baseLength === undefined) continue;
      const expected = segment.baseLength;
      if (digits.length === expected) continue;
      const prefix = segment.prefix;
      const tail = digits.slice(3);
      const fixes: FixIntent[] = [];
      const params = { value: candidate.written, length: digits.length, prefix, expected };
      if (digits.length > expected) {
        const shorter = /^(\d)\1+$/.test(tail) ? `${prefix}${tail.slice(1)}` : undefined;
        if (shorter !== undefined && shorter.length === expected && usable(shorter))
          fixes.push(replaceWith(candidate, shorter, { 'zh-cn': '去掉重复输入的一位', en: 'drop the repeated digit' }));
        const six = `952${tail}`;
        if (six.length === 6 && usable(six))
          fixes.push(replaceWith(candidate, six, { 'zh-cn': '6 位的 952 号码', en: 'a 6-digit 952 number' }));
        ctx.report({ path: candidate.path, messageId: 'tooLong', params, fixes });
      } else {
        const longer = /^(\d)\1+$/.test(tail) ? `${prefix}${tail}${tail.charAt(0)}` : undefined;
        if (longer !== undefined && longer.length === expected && usable(longer))
          fixes.push(replaceWith(candidate, longer, { 'zh-cn': '补上漏输的重复数字', en: 'add the missing repeated digit' }));
        ctx.report({ path: candidate.path, messageId: 'tooShort', params, fixes });
      }
    }
  },
});
