/**
 * R-NUMBER-004: a planned extension keeps the total length within the configured limits (default
 * 8 digits, 13 with a written justification, never more), uses no variable-length numbering, and
 * actually adds digits to the candidates (reference.md §2, S11: "拓展后总位长应不超过8位，如确有需求，
 * 拓展后总位长应不超过13位…不能采用可变位长的编号方式"). Limits come from `ctx.thresholds.extension`.
 */
import { isPlaceholder } from '../../checks/free-text';
import { segmentOf } from '../../data/segments';
import { defineRule } from '../define-rule';
import { getBoolean, getNumber, getString } from '../../document/data-access';
import { candidatesOf } from './candidates';

export const extensionLength = defineRule({
  id: 'R-NUMBER-004',
  name: 'extension-total-length',
  defaultSeverity: 'error',
  status: 'secondary',
  description: {
    'zh-cn': '拓展后总位长原则上不超过 8 位，9—13 位须书面说明理由，不得超过 13 位，不得采用可变位长。',
    en: 'The total length after extension is at most 8 digits, 9–13 with a written justification, never more than 13, and not variable.',
  },
  fixable: false,
  fields: [
    'number.extension',
    'number.extension.planned',
    'number.extension.total_length',
    'number.extension.variable',
    'number.extension.justification',
  ],
  messages: {
    overAbsoluteMax: {
      'zh-cn': '拓展后总位长 {value} 位超过了 {max} 位的上限。请把号码结构缩短到 {max} 位以内（原则上不超过 {normal} 位）。',
      en: 'The total length after extension, {value} digits, exceeds the limit of {max}. Shorten the number structure to {max} digits at most (normally {normal}).',
    },
    needsJustification: {
      'zh-cn':
        '拓展后总位长 {value} 位超过 {normal} 位，须在 justification 中书面说明确有需要的理由（最多 {max} 位）。请补充理由，或把总位长缩短到 {normal} 位以内。',
      en: 'The total length after extension, {value} digits, exceeds {normal}: write down why it is really needed in justification (at most {max} digits). Add the justification, or shorten the total length to {normal} digits.',
    },
    variable: {
      'zh-cn': '拓展位长不能采用可变位长的编号方式（variable: true）。可以采用不等位长，但每个子号码的位长须固定；请改为固定位长的号码结构。',
      en: 'Variable-length numbering is not allowed (variable: true). Different fixed lengths are fine, but each sub-number must have a fixed length; use a fixed-length structure.',
    },
    notLonger: {
      'zh-cn': '拓展后总位长 {value} 位不大于候选号码“{number}”本身的 {base} 位，拓展位长至少要增加一位。请改正总位长，或把 planned 改为 false。',
      en: 'The total length after extension, {value} digits, is not longer than candidate "{number}" itself ({base} digits); an extension adds at least one digit. Correct the total length, or set planned to false.',
    },
  },
  check(ctx) {
    const app = ctx.app;
    const base = ['number', 'extension'] as const;
    if (getBoolean(app, [...base, 'variable']) === true) {
      ctx.report({ path: [...base, 'variable'], messageId: 'variable' });
    }
    if (getBoolean(app, [...base, 'planned']) !== true) return;
    const total = getNumber(app, [...base, 'total_length']);
    if (total === undefined || !Number.isInteger(total)) return;
    const { maxLength: normal, absoluteMaxLength: max } = ctx.thresholds.extension;
    const path = [...base, 'total_length'];
    if (total > max) {
      ctx.report({ path, messageId: 'overAbsoluteMax', params: { value: total, max, normal } });
    } else if (total > normal) {
      const justification = getString(app, [...base, 'justification']);
      if (justification === undefined || isPlaceholder(justification)) {
        ctx.report({ path, messageId: 'needsJustification', params: { value: total, max, normal }, severity: 'warning' });
      }
    }
    // The longest base number among the well-formed candidates of allowed segments.
    let longest: { number: string; base: number } | undefined;
    for (const candidate of candidatesOf(app)) {
      const digits = candidate.digits;
      if (digits === undefined || digits.length < 3) continue;
      const segment = segmentOf(digits);
      if (segment?.allowed !== true || segment.baseLength !== digits.length) continue;
      if (longest === undefined || digits.length > longest.base) longest = { number: candidate.written, base: digits.length };
    }
    if (longest !== undefined && total <= longest.base) {
      ctx.report({ path, messageId: 'notLonger', params: { value: total, number: longest.number, base: longest.base } });
    }
  },
});
