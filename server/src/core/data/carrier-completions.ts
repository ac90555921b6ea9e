/**
 * Completion values drawn from the carriers (carriers.ts): each carrier, ranked by the field — the
 * three networks first for an access link, the linked carriers first for routing and lines.
 */
import { getArray, getString } from '../document/data-access';
import { t } from '../features/field-docs';
import type { CompletionContext as Context, ValueCandidate } from '../features/value-provider';
import type { DataPath } from '../types';
import { carriers } from './carriers';

export function carrierCandidates(path: DataPath, pattern: string, context: Context): ValueCandidate[] {
  const { data, locale } = context;
  const linked = new Set(
    getArray(data, ['tech', 'access', 'links'])
      .map((l) => getString(l, ['carrier']))
      .filter((c): c is string => c !== undefined),
  );
  const index = path[path.length - 2];
  const siblingsOf = (listPath: DataPath): Set<string> =>
    new Set(
      getArray(data, listPath)
        .filter((_, i) => i !== index)
        .map((e) => getString(e, ['carrier']))
        .filter((c): c is string => c !== undefined),
    );
  return carriers.map((c): ValueCandidate => {
    let bucket = 1;
    let description: string | undefined;
    if (pattern === 'tech.access.links.*.carrier') {
      const others = siblingsOf(['tech', 'access', 'links']);
      bucket = others.has(c.name) ? 2 : c.threeNetworks ? 0 : 1;
      if (others.has(c.name)) description = t(locale, '已有链路', 'already linked');
    } else if (pattern === 'dialing.routing.*.carrier') {
      const routed = siblingsOf(['dialing', 'routing']);
      bucket = linked.has(c.name) && !routed.has(c.name) ? 0 : linked.has(c.name) ? 1 : 2;
      if (linked.has(c.name)) description = t(locale, '有接入链路', 'has an access link');
    } else if (pattern === 'preparation.lines.*.carrier') {
      const lined = siblingsOf(['preparation', 'lines']);
      bucket = linked.has(c.name) && !lined.has(c.name) ? 0 : lined.has(c.name) ? 2 : 1;
      if (linked.has(c.name)) description = t(locale, '有接入链路', 'has an access link');
    }
    return {
      label: c.name,
      kind: 'value',
      bucket,
      ...(description !== undefined ? { description } : {}),
      detail: `${c.en} (${c.id})`,
      documentation: c.threeNetworks
        ? t(
            locale,
            `${c.name}：三网之一（三网全直联须直联中国电信、中国移动、中国联通）。`,
            `${c.en}: one of the three networks (direct access to all three needs China Telecom, China Mobile and China Unicom).`,
          )
        : t(
            locale,
            `${c.name}：基础电信运营商，不属于三网。`,
            `${c.en}: a basic telecom operator, not one of the three networks.`,
          ),
    };
  });
}
