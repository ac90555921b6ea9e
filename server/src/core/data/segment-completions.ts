/**
 * Completion values drawn from the 95 number segments (segments.ts) and the fee rates (fees.ts): each
 * allowed segment with its length and annual fee, the rare ones last.
 */
import { t } from '../features/field-docs';
import type { ValueCandidate } from '../features/value-provider';
import type { Locale } from '../types';
import { annualFeeFen, formatFen } from './fees';
import { segments, seedListedNote } from './segments';

export function segmentCandidates(locale: Locale): ValueCandidate[] {
  return segments
    .filter((s) => s.allowed && s.baseLength !== undefined)
    .map((s): ValueCandidate => {
      const length = s.baseLength ?? 5;
      const fee = annualFeeFen(length);
      const pattern = `${s.prefix}${'X'.repeat(length - 3)}`;
      const rare = s.seedListed === false;
      const detail = [
        t(locale, `${length} 位`, `${length} digits`),
        fee !== undefined
          ? t(locale, `年占用费 ${formatFen(fee)}`, `annual fee ${formatFen(fee)}`)
          : undefined,
        rare ? t(locale, '少见（R-NUMBER-002）', 'rare (R-NUMBER-002)') : undefined,
      ]
        .filter((x) => x !== undefined)
        .join(' · ');
      return {
        label: s.prefix,
        kind: 'value',
        bucket: rare ? 1 : 0,
        description: pattern,
        detail,
        documentation: [
          t(
            locale,
            `**${s.prefix}** 号段：基本号码 ${length} 位（${pattern}）。`,
            `**${s.prefix}** segment: ${length}-digit numbers (${pattern}).`,
          ),
          rare ? seedListedNote[locale] : undefined,
        ]
          .filter((x) => x !== undefined)
          .join('\n\n'),
        // Numbers are written quoted; the cursor lands inside the quotes to type the rest.
        insertText: `"${s.prefix}$1"`,
        snippet: true,
        filterText: s.prefix,
      };
    });
}
