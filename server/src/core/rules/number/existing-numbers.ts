/**
 * R-NUMBER-008: the applicant already holds a 95 number of the same class as the one requested (a
 * value-added telecom access number, 950/951/952/954/957): a second one needs a strong reason. And a
 * candidate the applicant already holds is not a new request. Inference, by analogy with the SMS
 * access-code rule "原则上只能申请获得一个同类型的服务接入代码" (reference.md §9.3), hence a warning.
 * Numbers of other classes (953/955/956 customer-service numbers, non-95 numbers) are ignored.
 */
import { segmentOf } from '../../data/segments';
import { defineRule } from '../define-rule';
import { getArray } from '../../document/data-access';
import { candidatesOf, digitsOf } from './candidates';

export const existingNumbers = defineRule({
  id: 'R-NUMBER-008',
  name: 'existing-number-same-class',
  defaultSeverity: 'warning',
  status: 'inference',
  description: {
    'zh-cn': '申请单位已持有同类（增值电信业务接入）95 号码时提醒：再申请一个须有充分理由。',
    en: 'Warns when the applicant already holds a 95 access number of the same class: a second one needs a strong reason.',
  },
  fixable: false,
  fields: [
    'applicant.existing_numbers',
    'applicant.existing_numbers.*',
    'number.candidates',
    'number.candidates.*',
  ],
  messages: {
    sameClass: {
      'zh-cn':
        '申请单位已持有 95 号码“{value}”（{prefix} 号段，与本次申请同属增值电信业务接入号码）。同类号码原则上只分配一个，再申请须在用途说明中充分说明理由（如新业务无法使用现有号码的原因）。',
      en: 'The applicant already holds 95 number "{value}" ({prefix} range, the same class of value-added telecom access number as this request). Normally only one such number is allocated: explain in the use description why another is needed (e.g. why the new business cannot use the existing number).',
    },
    alreadyHeld: {
      'zh-cn': '候选号码“{value}”已在申请单位持有的号码（existing_numbers）中。请删去它，或改选其他号码。',
      en: 'Candidate "{value}" is already among the numbers the applicant holds (existing_numbers). Remove it, or pick another number.',
    },
  },
  check(ctx) {
    const held = new Set<string>();
    getArray(ctx.app, ['applicant', 'existing_numbers']).forEach((value, index) => {
      const digits = digitsOf(value);
      if (digits === undefined) return;
      held.add(digits);
      const segment = digits.length >= 5 ? segmentOf(digits) : undefined;
      if (segment?.use !== 'vat') return;
      ctx.report({
        path: ['applicant', 'existing_numbers', index],
        messageId: 'sameClass',
        params: { value: String(value).trim(), prefix: segment.prefix },
      });
    });
    for (const candidate of candidatesOf(ctx.app)) {
      if (candidate.digits !== undefined && held.has(candidate.digits)) {
        ctx.report({ path: candidate.path, messageId: 'alreadyHeld', params: { value: candidate.written } });
      }
    }
  },
});
