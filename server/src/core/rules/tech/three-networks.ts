/**
 * R-TECH-004: an access mode of 三网全直联 needs links to all three networks: 中国电信, 中国移动 and
 * 中国联通. 中国广电 is optional (reference.md §6.3: whether MIIT expects it is unverified), so its
 * absence is not reported. Carrier names are resolved through data/carriers.
 */
import { carrierById, carrierByName, missingThreeNetworks, type CarrierId } from '../../data/carriers';
import { defineRule } from '../define-rule';
import { getArray, getString, isRecord } from '../../document/data-access';

const ALL_DIRECT = '三网全直联';
const PARTLY_DIRECT = '部分直联';

type MessageId = 'missingCarriers';

export default defineRule<MessageId>({
  id: 'R-TECH-004',
  name: 'three-networks-all-linked',
  defaultSeverity: 'warning',
  status: 'inference',
  fixable: true,
  fields: ['tech.access', 'tech.access.mode', 'tech.access.links', 'tech.access.links.*.carrier'],
  description: {
    'zh-cn': '接入方式为“三网全直联”时，接入链路须包括中国电信、中国移动、中国联通三家（中国广电可选）。',
    en: 'When the access mode is 三网全直联, the links include 中国电信, 中国移动 and 中国联通 (中国广电 is optional).',
  },
  messages: {
    missingCarriers: {
      'zh-cn': '接入方式为“三网全直联”，但接入链路中没有{missing}的链路。请补充与{missing}关口局的直联链路，或把接入方式改为“部分直联”。',
      en: 'The access mode is 三网全直联 (direct to all three networks), but there is no link to {missing}. Add the direct links to {missing}, or change the mode to 部分直联 (partly direct).',
    },
  },
  check(ctx) {
    const mode = getString(ctx.app, ['tech', 'access', 'mode']);
    if (mode !== ALL_DIRECT) return;
    const links = getArray(ctx.app, ['tech', 'access', 'links']);
    if (links.length === 0) return;
    const present: CarrierId[] = [];
    for (const link of links) {
      const name = isRecord(link) ? getString(link, ['carrier']) : undefined;
      const carrier = name === undefined ? undefined : carrierByName(name);
      if (carrier) present.push(carrier.id);
    }
    const missing = missingThreeNetworks(present).map((id) => carrierById(id)).filter((c) => c !== undefined);
    if (missing.length === 0) return;
    ctx.report({
      path: ['tech', 'access', 'mode'],
      messageId: 'missingCarriers',
      params: {
        missing: {
          'zh-cn': missing.map((c) => c.name).join('、'),
          en: joinEnglish(missing.map((c) => `${c.name} (${c.en})`)),
        },
      },
      extra: { missing: missing.map((c) => c.id).join(',') },
      fixes: [
        {
          kind: 'replaceValue',
          path: ['tech', 'access', 'mode'],
          value: PARTLY_DIRECT,
          title: { 'zh-cn': '改为“部分直联”', en: 'Change to 部分直联 (partly direct)' },
        },
      ],
    });
  },
});

/** "A", "A and B", "A, B and C". */
function joinEnglish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
