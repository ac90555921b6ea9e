/**
 * R-DIALING-002: each routing scenario (material 9) points to a platform site (`tech.platform.sites[].id`)
 * and an access link (`tech.access.links[].id`) of the technical plan, with a "did you mean" fix for a
 * near miss; and a direct link (no `via`) serves the calling carrier's own users. When the technical
 * plan has no sites or links at all (e.g. the `tech` section was lost), one finding on the `routing`
 * key names every dangling reference; when a list is there but of the wrong type, the schema reports
 * and this rule stays silent.
 */
import { carrierByName } from '../../data/carriers';
import { closestMatch } from '../../schema/suggest';
import type { DataPath, FixIntent, LocalizedText } from '../../types';
import { defineRule } from '../define-rule';
import { get, getArray, getString, isRecord } from '../../document/data-access';

type MessageId =
  | 'unknownSite'
  | 'unknownLink'
  | 'noSites'
  | 'noLinks'
  | 'noSitesNoLinks'
  | 'carrierMismatch'
  | 'linkCarrier';

/** The ids defined at a list path: a set, or `invalid` when something on the way has the wrong type. */
function definedIds(app: unknown, path: DataPath): Set<string> | 'invalid' {
  let current: unknown = app;
  for (const segment of path) {
    if (current === undefined || current === null) return new Set();
    if (!isRecord(current)) return 'invalid';
    current = current[segment];
  }
  if (current === undefined || current === null) return new Set();
  if (!Array.isArray(current)) return 'invalid';
  const ids = new Set<string>();
  for (const item of current) {
    const id = isRecord(item) ? item['id'] : undefined;
    if (typeof id === 'string' && id !== '') ids.add(id);
  }
  return ids;
}

export default defineRule<MessageId>({
  id: 'R-DIALING-002',
  name: 'routing-references-plan',
  defaultSeverity: 'error',
  status: 'secondary',
  fixable: true,
  fields: [
    'tech.platform.sites.*.id',
    'tech.access.links.*.id',
    'tech.access.links.*.carrier',
    'dialing.routing',
    'dialing.routing.*',
    'dialing.routing.*.carrier',
    'dialing.routing.*.site',
    'dialing.routing.*.link',
  ],
  description: {
    'zh-cn': '每个话务路由场景指向技术方案中已定义的平台设置地和接入链路，且直联链路属于主叫用户的运营商。',
    en: 'Each routing scenario points to a platform site and an access link defined in the technical plan, and a direct link belongs to the calling users’ carrier.',
  },
  messages: {
    unknownSite: {
      'zh-cn': '路由场景“{scenario}”的设置地“{value}”在技术方案的平台设置地（tech.platform.sites）中不存在。已定义的设置地：{defined}。',
      en: 'Routing scenario “{scenario}” names site “{value}”, which is not among the platform sites of the technical plan (tech.platform.sites). Defined sites: {defined}.',
    },
    unknownLink: {
      'zh-cn': '路由场景“{scenario}”的接入链路“{value}”在技术方案的接入链路（tech.access.links）中不存在。已定义的链路：{defined}。',
      en: 'Routing scenario “{scenario}” names link “{value}”, which is not among the access links of the technical plan (tech.access.links). Defined links: {defined}.',
    },
    noSites: {
      'zh-cn': '话务路由引用了设置地{sites}，但技术方案中没有定义任何平台设置地（tech.platform.sites）。请先补充技术方案。',
      en: 'The routing refers to sites {sites}, but the technical plan defines no platform sites (tech.platform.sites). Complete the technical plan first.',
    },
    noLinks: {
      'zh-cn': '话务路由引用了接入链路{links}，但技术方案中没有定义任何接入链路（tech.access.links）。请先补充技术方案。',
      en: 'The routing refers to links {links}, but the technical plan defines no access links (tech.access.links). Complete the technical plan first.',
    },
    noSitesNoLinks: {
      'zh-cn': '话务路由引用了设置地{sites}和接入链路{links}，但技术方案中没有定义任何平台设置地和接入链路（tech.platform.sites、tech.access.links）。请先补充技术方案。',
      en: 'The routing refers to sites {sites} and links {links}, but the technical plan defines no platform sites and no access links (tech.platform.sites, tech.access.links). Complete the technical plan first.',
    },
    carrierMismatch: {
      'zh-cn': '路由场景“{scenario}”的主叫用户属于{carrier}，但所用链路“{link}”直联的是{linkCarrier}，且没有写明经由转接（via）。请选用{carrier}的链路，或在该链路上写明转接方式。',
      en: 'Routing scenario “{scenario}” is for {carrier} users, but link “{link}” connects directly to {linkCarrier} and states no transit (via). Use a {carrier} link, or state the transit on that link.',
    },
    linkCarrier: {
      'zh-cn': '链路“{link}”直联的运营商：{linkCarrier}',
      en: 'Link “{link}” connects directly to {linkCarrier}',
    },
  },
  check(ctx) {
    const app = ctx.app;
    const routing = getArray(app, ['dialing', 'routing']);
    if (routing.length === 0) return;
    const siteIds = definedIds(app, ['tech', 'platform', 'sites']);
    const linkIds = definedIds(app, ['tech', 'access', 'links']);
    const linksById = new Map<string, Readonly<Record<string, unknown>>>();
    for (const link of getArray(app, ['tech', 'access', 'links'])) {
      const id = isRecord(link) ? getString(link, ['id']) : undefined;
      if (id !== undefined && isRecord(link) && !linksById.has(id)) linksById.set(id, link);
    }

    // References into an empty plan: one finding on the routing key, naming them all.
    const orphanSites = new Set<string>();
    const orphanLinks = new Set<string>();

    routing.forEach((route, index) => {
      if (!isRecord(route)) return;
      const scenario = getString(route, ['scenario']) ?? `#${index + 1}`;
      const checkRef = (field: 'site' | 'link', ids: Set<string> | 'invalid', unknown: MessageId, orphans: Set<string>): boolean => {
        const value = getString(route, [field]);
        if (value === undefined || value === '' || ids === 'invalid' || ids.has(value)) return true;
        const path: DataPath = ['dialing', 'routing', index, field];
        if (ids.size === 0) {
          orphans.add(value);
          return false;
        }
        const suggestion = closestMatch(value, [...ids]);
        const fixes: FixIntent[] =
          suggestion === undefined
            ? []
            : [{ kind: 'replaceValue', path, value: suggestion, title: { 'zh-cn': `改为“${suggestion}”`, en: `Change to “${suggestion}”` } }];
        ctx.report({
          path,
          messageId: unknown,
          params: { scenario, value, defined: { 'zh-cn': [...ids].join('、'), en: [...ids].join(', ') } },
          ...(suggestion !== undefined ? { suggestion, fixes } : {}),
        });
        return false;
      };
      checkRef('site', siteIds, 'unknownSite', orphanSites);
      const linkKnown = checkRef('link', linkIds, 'unknownLink', orphanLinks);

      // A direct link carries its own carrier's users.
      const linkId = getString(route, ['link']);
      const link = linkKnown && linkId !== undefined ? linksById.get(linkId) : undefined;
      const routeCarrier = carrierByName(getString(route, ['carrier']) ?? '');
      const linkCarrier = link ? carrierByName(getString(link, ['carrier']) ?? '') : undefined;
      const via = link ? get(link, ['via']) : undefined;
      const direct = !(typeof via === 'string' && via.trim() !== '');
      if (linkId !== undefined && routeCarrier && linkCarrier && direct && routeCarrier.id !== linkCarrier.id) {
        const params = { scenario, carrier: routeCarrier.name, link: linkId, linkCarrier: linkCarrier.name };
        ctx.report({
          path: ['dialing', 'routing', index, 'carrier'],
          messageId: 'carrierMismatch',
          severity: 'warning',
          params,
          related: [{ path: ['tech', 'access', 'links', linkIndex(app, linkId), 'carrier'], messageId: 'linkCarrier', params }],
        });
      }
    });

    if (orphanSites.size > 0 || orphanLinks.size > 0) {
      const quoted = (values: Set<string>): LocalizedText => ({
        'zh-cn': [...values].map((v) => `“${v}”`).join('、'),
        en: [...values].map((v) => `“${v}”`).join(', '),
      });
      ctx.report({
        path: ['dialing', 'routing'],
        target: 'key',
        messageId: orphanSites.size > 0 && orphanLinks.size > 0 ? 'noSitesNoLinks' : orphanSites.size > 0 ? 'noSites' : 'noLinks',
        params: { sites: quoted(orphanSites), links: quoted(orphanLinks) },
      });
    }
  },
});

/** The index of the first link with this id (the one `linksById` holds). */
function linkIndex(app: unknown, id: string): number {
  return getArray(app, ['tech', 'access', 'links']).findIndex((l) => isRecord(l) && l['id'] === id);
}
