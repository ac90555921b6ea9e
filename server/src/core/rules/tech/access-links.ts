/**
 * R-TECH-003: access to the basic networks (material 7(3)): under transit (转接) every link says what
 * it passes through (`via`); under 三网全直联 no link does; every link names a specific gateway or end
 * office, not a placeholder; link ids are unique (routing refers to them). The mode, carrier and
 * signalling enums are the schema's job; the three carriers of 三网全直联 are R-TECH-004's.
 */
import { carrierByName } from '../../data/carriers';
import { normalizeForCompare } from '../../checks/text';
import { defineRule } from '../define-rule';
import { getArray, getString, isRecord } from '../../document/data-access';
import { isTrivialText } from './shared';

const TRANSIT = '转接';
const ALL_DIRECT = '三网全直联';

/** Texts that name the kind of office, not the office itself. */
const GENERIC_GATEWAYS = new Set(
  ['关口局', '端局', '关口局/端局', '关口局或端局', '网关', '汇接局', '长途局', '关口', 'gateway', '运营商关口局', '当地关口局', '本地关口局'].map(
    normalizeForCompare,
  ),
);

type MessageId = 'transitWithoutVia' | 'directWithVia' | 'vagueGateway' | 'duplicateLinkId';

export default defineRule<MessageId>({
  id: 'R-TECH-003',
  name: 'access-links-described',
  defaultSeverity: 'error',
  status: 'secondary',
  fixable: false,
  fields: [
    'tech.access',
    'tech.access.mode',
    'tech.access.links',
    'tech.access.links.*',
    'tech.access.links.*.id',
    'tech.access.links.*.gateway',
    'tech.access.links.*.via',
  ],
  description: {
    'zh-cn': '接入基础电信网络的每条链路写明具体的关口局/端局；转接方式写明经由方，三网全直联不应经由转接。',
    en: 'Each access link names its specific gateway or end office; transit links say what they pass through, and 三网全直联 links pass through nothing.',
  },
  messages: {
    transitWithoutVia: {
      'zh-cn': '接入方式为“转接”，但链路“{id}”没有写明经由哪家运营商或平台转接（via）。请补充 via，如“经中国电信杭州关口局转接”。',
      en: 'The access mode is transit (转接), but link “{id}” does not say what it passes through (via). Add via, e.g. 经中国电信杭州关口局转接.',
    },
    directWithVia: {
      'zh-cn': '接入方式为“三网全直联”，但链路“{id}”写有转接方式（via：{via}）。直联链路不经转接：若该运营商确实经转接接入，请把接入方式改为“部分直联”；否则删除 via。',
      en: 'The access mode is 三网全直联 (direct to all three networks), but link “{id}” passes through “{via}”. A direct link has no transit: if this carrier is really reached through transit, change the mode to 部分直联 (partly direct); otherwise remove via.',
    },
    vagueGateway: {
      'zh-cn': '链路“{id}”的关口局/端局“{gateway}”没有写明具体局所。请写出实际接入的关口局或端局，如“杭州电信长途关口局”。',
      en: 'Link “{id}” gives “{gateway}” as its gateway, which names no specific office. Write the actual gateway or end office, e.g. 杭州电信长途关口局.',
    },
    duplicateLinkId: {
      'zh-cn': '链路标识“{id}”重复（第 {first} 条链路已使用），话务路由无法区分。请为每条链路使用不同的 id。',
      en: 'Link id “{id}” is used twice (link {first} already has it), so routing cannot tell them apart. Give each link its own id.',
    },
  },
  check(ctx) {
    const linksPath = ['tech', 'access', 'links'] as const;
    const links = getArray(ctx.app, [...linksPath]);
    const mode = getString(ctx.app, ['tech', 'access', 'mode']);
    const firstById = new Map<string, number>();

    links.forEach((link, index) => {
      if (!isRecord(link)) return;
      const id = getString(link, ['id']);
      const label = id ?? getString(link, ['gateway']) ?? `#${index + 1}`;
      const via = link['via'];
      const hasVia = typeof via === 'string' && via.trim() !== '';

      if (mode === TRANSIT && (via === undefined || via === null || (typeof via === 'string' && via.trim() === ''))) {
        ctx.report({ path: [...linksPath, index], target: 'key', messageId: 'transitWithoutVia', params: { id: label } });
      }
      if (mode === ALL_DIRECT && hasVia) {
        ctx.report({
          path: [...linksPath, index, 'via'],
          messageId: 'directWithVia',
          severity: 'warning',
          params: { id: label, via },
        });
      }

      const gateway = getString(link, ['gateway']);
      if (gateway !== undefined && gateway.trim() !== '' && isVagueGateway(gateway, link['carrier'])) {
        ctx.report({ path: [...linksPath, index, 'gateway'], messageId: 'vagueGateway', params: { id: label, gateway } });
      }

      if (id !== undefined && id !== '') {
        const first = firstById.get(id);
        if (first === undefined) firstById.set(id, index);
        else ctx.report({ path: [...linksPath, index, 'id'], messageId: 'duplicateLinkId', params: { id, first: first + 1 } });
      }
    });
  },
});

/** A placeholder, a generic office word, or just the carrier's name. */
function isVagueGateway(gateway: string, carrier: unknown): boolean {
  const key = normalizeForCompare(gateway);
  if (GENERIC_GATEWAYS.has(key)) return true;
  const named = carrierByName(gateway);
  if (named !== undefined) return true;
  if (typeof carrier === 'string') {
    const c = carrierByName(carrier);
    // "中国电信关口局" names the carrier and the office type but no place.
    if (c && [c.name, ...c.aliases].some((n) => GENERIC_GATEWAYS.has(normalizeForCompare(gateway.replace(n, ''))))) return true;
  }
  return isTrivialText(gateway, 3);
}
