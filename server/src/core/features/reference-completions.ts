/**
 * Completion values drawn from the document itself (beside id-references.ts): the site ids and the
 * link ids of the technical plan that the dialling routes refer to.
 */
import { getArray, getString, isRecord } from '../document/data-access';
import type { DataPath } from '../types';
import type { CompletionContext as Context, ValueCandidate } from './value-provider';

export function siteCandidates(context: Context): ValueCandidate[] {
  return getArray(context.data, ['tech', 'platform', 'sites'])
    .filter(isRecord)
    .map((site) => ({ id: getString(site, ['id']), site }))
    .filter((s): s is { id: string; site: Readonly<Record<string, unknown>> } => s.id !== undefined)
    .map(({ id, site }): ValueCandidate => {
      const name = getString(site, ['name']);
      const city = getString(site, ['city']) ?? getString(site, ['province']);
      return {
        label: id,
        kind: 'reference',
        bucket: 0,
        ...(name !== undefined ? { description: name } : {}),
        ...(city !== undefined ? { detail: city } : {}),
      };
    });
}

export function linkCandidates(path: DataPath, context: Context): ValueCandidate[] {
  const carrier = getString(context.data, [...path.slice(0, -1), 'carrier']);
  return getArray(context.data, ['tech', 'access', 'links'])
    .filter(isRecord)
    .map((link) => ({ id: getString(link, ['id']), link }))
    .filter((l): l is { id: string; link: Readonly<Record<string, unknown>> } => l.id !== undefined)
    .map(({ id, link }): ValueCandidate => {
      const linkCarrier = getString(link, ['carrier']);
      const gateway = getString(link, ['gateway']);
      return {
        label: id,
        kind: 'reference',
        bucket: carrier !== undefined && linkCarrier === carrier ? 0 : 1,
        ...(linkCarrier !== undefined ? { description: linkCarrier } : {}),
        ...(gateway !== undefined ? { detail: gateway } : {}),
      };
    });
}
