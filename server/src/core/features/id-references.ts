/**
 * Go to definition and find references for the ids of the technical plan: a platform site
 * (`tech.platform.sites[].id`) and an access link (`tech.access.links[].id`) are defined there and
 * used by the routing scenarios (`dialing.routing[].site`, `.link`, material 9). The opening
 * schedule (material 8) names provinces, not sites or links, so it holds no id references. Pure:
 * the parsed document in, text ranges out; the server's handlers only convert them.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { valueRange, walkPath, type LocatableDocument } from '../document/locate';
import type { DataPath, OffsetRange } from '../types';
import { unquotedRange } from './scalar-range';

export type IdKind = 'site' | 'link';

/** One occurrence of an id: where it is defined or where a routing scenario uses it. */
export interface IdOccurrence {
  readonly kind: IdKind;
  readonly id: string;
  readonly role: 'definition' | 'use';
  readonly path: DataPath;
  readonly range: OffsetRange;
}

/** Where each kind of id is defined (list path) and where it is used (routing field). */
const DEFINITIONS: Readonly<Record<IdKind, DataPath>> = {
  site: ['tech', 'platform', 'sites'],
  link: ['tech', 'access', 'links'],
};
const USES: Readonly<Record<IdKind, { readonly list: DataPath; readonly field: string }>> = {
  site: { list: ['dialing', 'routing'], field: 'site' },
  link: { list: ['dialing', 'routing'], field: 'link' },
};
const KINDS: readonly IdKind[] = ['site', 'link'];

/** Every definition and use of a site or link id in the document, in document order per kind. */
export function idOccurrences(doc: LocatableDocument): IdOccurrence[] {
  const out: IdOccurrence[] = [];
  for (const kind of KINDS) {
    out.push(...scalarsIn(doc, DEFINITIONS[kind], 'id', kind, 'definition'));
    out.push(...scalarsIn(doc, USES[kind].list, USES[kind].field, kind, 'use'));
  }
  return out;
}

/** The id occurrence under `offset` (on a definition or a use), if any. */
export function idAt(doc: LocatableDocument, offset: number): IdOccurrence | undefined {
  return idOccurrences(doc).find((o) => o.range.start <= offset && offset <= o.range.end);
}

/** The definitions of the id under `offset`: empty when it is not on an id or the id is not defined. */
export function definitionsAt(doc: LocatableDocument, offset: number): IdOccurrence[] {
  const all = idOccurrences(doc);
  const here = all.find((o) => o.range.start <= offset && offset <= o.range.end);
  if (here === undefined) return [];
  return all.filter((o) => o.kind === here.kind && o.id === here.id && o.role === 'definition');
}

/** Every occurrence of the id under `offset`: its uses, and its definitions when asked for. */
export function referencesAt(
  doc: LocatableDocument,
  offset: number,
  includeDefinition: boolean,
): IdOccurrence[] {
  const all = idOccurrences(doc);
  const here = all.find((o) => o.range.start <= offset && offset <= o.range.end);
  if (here === undefined) return [];
  return all.filter(
    (o) => o.kind === here.kind && o.id === here.id && (includeDefinition || o.role === 'use'),
  );
}

/** The non-empty string scalars at `list[i].field`, with their ranges. */
function scalarsIn(
  doc: LocatableDocument,
  list: DataPath,
  field: string,
  kind: IdKind,
  role: IdOccurrence['role'],
): IdOccurrence[] {
  const walk = walkPath(doc.yaml, list);
  const node = walk.node;
  if (walk.found.length !== list.length || node === null || !isSeq(node)) return [];
  const out: IdOccurrence[] = [];
  (node.items as (Node | null)[]).forEach((item, index) => {
    if (item === null || !isMap(item)) return;
    const pair = item.items.find((p) => isScalar(p.key) && String(p.key.value) === field);
    const value = (pair?.value as Node | null | undefined) ?? null;
    if (value === null || !isScalar(value) || typeof value.value !== 'string' || value.value === '') return;
    out.push({
      kind,
      id: value.value,
      role,
      path: [...list, index, field],
      range: unquotedRange(doc.text, valueRange(doc.text, value)),
    });
  });
  return out;
}
