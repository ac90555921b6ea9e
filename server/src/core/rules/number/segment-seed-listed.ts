/**
 * R-NUMBER-002: a candidate in 954 or 957 gets a warning. MIIT lists both as value-added telecom
 * segments (S8), but the seed and the consultants describe only 950/951/952 as allocatable today, so
 * whether they are still allocated is open (reference.md §2, §11 item 3). Inference, hence a warning.
 */
import { seedListedNote, segmentOf } from '../../data/segments';
import { defineRule } from '../define-rule';
import { candidatesOf } from './candidates';

export const segmentSeedListed = defineRule({
  id: 'R-NUMBER-002',
  name: 'candidate-segment-seed-listed',
  defaultSeverity: 'warning',
  status: 'inference',
  description: {
    'zh-cn': '候选号码属于 954 或 957 号段时提醒：申请指引目前只介绍 950、951、952 可申请。',
    en: 'Warns about candidates in 954 or 957: application guides currently describe only 950, 951 and 952 as allocatable.',
  },
  fixable: false,
  fields: ['number.candidates', 'number.candidates.*'],
  messages: {
    notSeedListed: {
      'zh-cn':
        '候选号码“{value}”属于 {prefix} 号段。{note}建议把 950、951 或 952 开头的号码排在前面，或先向工信部确认 {prefix} 号段是否受理。',
      en: 'Candidate "{value}" is in the {prefix} range. {note} Put a 950, 951 or 952 number first, or ask MIIT whether the {prefix} range is accepted.',
    },
  },
  check(ctx) {
    for (const candidate of candidatesOf(ctx.app)) {
      if (candidate.digits === undefined || candidate.digits.length < 3) continue;
      const segment = segmentOf(candidate.digits);
      if (segment?.allowed !== true || segment.seedListed !== false) continue;
      ctx.report({
        path: candidate.path,
        messageId: 'notSeedListed',
        params: { value: candidate.written, prefix: segment.prefix, note: seedListedNote },
      });
    }
  },
});
