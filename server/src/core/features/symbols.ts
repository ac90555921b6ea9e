/**
 * The document outline: one symbol per section named the way the materials are (`材料1 申请单位`,
 * `Material 1: Applicant`, from the schema titles), with the section's fields, lists and list items
 * below it; list items are named after what identifies them (a site's id and name, a link's id and
 * carrier, a schedule entry's province and month). Built from the YAML AST, so ranges are exact and
 * a broken line elsewhere only loses its own entries. Transport-free.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { headRange, valueEnd, valueRange } from '../document/locate';
import type { DataPath, Locale, OffsetRange } from '../types';
import { t } from './field-docs';
import { fieldInfo, pick } from './schema-info';

export type OutlineKind = 'section' | 'object' | 'array' | 'item' | 'field' | 'value';

export interface OutlineSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: OutlineKind;
  /** The whole entry (key and value). */
  readonly range: OffsetRange;
  /** The part to reveal and highlight (the key, or an item's first line). */
  readonly selectionRange: OffsetRange;
  readonly children: readonly OutlineSymbol[];
}

export interface OutlineDocument {
  readonly text: string;
  readonly yaml: Document.Parsed;
}

const MAX_DEPTH = 12;

/** The outline of a document; empty when it has no mapping at the root. */
export function documentSymbols(doc: OutlineDocument, locale: Locale = 'zh-cn'): OutlineSymbol[] {
  const root = (doc.yaml.contents as Node | null) ?? null;
  if (root === null || !isMap(root)) return [];
  const out: OutlineSymbol[] = [];
  for (const pair of root.items) {
    const symbol = pairSymbol(doc.text, pair, [], locale, 0);
    if (symbol !== undefined) out.push(symbol);
  }
  return out;
}

/** `材料1 申请单位` from the title `申请单位（材料1）`; `Material 1: Applicant` from `Applicant (material 1)`. */
export function sectionName(key: string, locale: Locale): string {
  const info = fieldInfo([key]);
  const title = pick(info.title, locale);
  if (title === undefined) return key;
  const zh = /^(.*)（(材料[^）]+)）$/u.exec(title);
  if (zh?.[1] !== undefined && zh[2] !== undefined) return `${zh[2]} ${zh[1]}`;
  const en = /^(.*) \((materials? [^)]+)\)$/u.exec(title);
  if (en?.[1] !== undefined && en[2] !== undefined) return `${capitalize(en[2])}: ${en[1]}`;
  return title;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function pairSymbol(
  text: string,
  pair: Pair,
  parent: DataPath,
  locale: Locale,
  depth: number,
): OutlineSymbol | undefined {
  const key = pair.key as Node | null;
  if (key === null || !isScalar(key)) return undefined;
  const name = String(key.value);
  if (name === '') return undefined;
  const path = [...parent, name];
  const value = (pair.value as Node | null) ?? null;
  const keyRange = valueRange(text, key);
  const end =
    value !== null && !isEmpty(value) ? Math.max(keyRange.end, valueEnd(text, value)) : keyRange.end;
  const range = { start: keyRange.start, end };
  const children =
    value !== null && depth < MAX_DEPTH ? childSymbols(text, value, path, locale, depth + 1) : [];
  const title = pick(fieldInfo(path).title, locale);
  if (parent.length === 0) {
    return {
      name: sectionName(name, locale),
      detail: name === 'apiVersion' && value !== null && isScalar(value) ? scalarText(value.value) : name,
      kind: 'section',
      range,
      selectionRange: keyRange,
      children,
    };
  }
  const kind: OutlineKind =
    value !== null && isMap(value) ? 'object' : value !== null && isSeq(value) ? 'array' : 'field';
  const detail =
    kind === 'field' && value !== null && isScalar(value) && value.value !== null
      ? preview(scalarText(value.value))
      : kind === 'array' && value !== null && isSeq(value)
        ? `${title ?? ''} (${value.items.length})`.trim()
        : title;
  return {
    name,
    ...(detail !== undefined && detail !== '' ? { detail } : {}),
    kind,
    range,
    selectionRange: keyRange,
    children,
  };
}

function childSymbols(
  text: string,
  node: Node,
  path: DataPath,
  locale: Locale,
  depth: number,
): OutlineSymbol[] {
  if (isMap(node)) {
    return node.items
      .map((pair) => pairSymbol(text, pair, path, locale, depth))
      .filter((s): s is OutlineSymbol => s !== undefined);
  }
  if (isSeq(node)) {
    const out: OutlineSymbol[] = [];
    (node.items as (Node | null)[]).forEach((item, index) => {
      if (item === null || isEmpty(item)) return;
      const itemPath = [...path, index];
      const range = valueRange(text, item);
      if (range.end <= range.start) return;
      const head = headRange(text, item);
      const selectionRange = head.end > head.start ? head : range;
      if (isMap(item)) {
        const label = itemLabel(item, index, locale);
        out.push({
          name: preview(label.name),
          ...(label.detail !== undefined ? { detail: label.detail } : {}),
          kind: 'item',
          range,
          selectionRange,
          children: depth < MAX_DEPTH ? childSymbols(text, item, itemPath, locale, depth + 1) : [],
        });
      } else if (isScalar(item) || isAlias(item)) {
        out.push({
          name: isScalar(item) ? preview(scalarText(item.value)) : `*${item.source}`,
          kind: 'value',
          range,
          selectionRange: range,
          children: [],
        });
      } else {
        out.push({
          name: `#${index + 1}`,
          kind: 'item',
          range,
          selectionRange,
          children: depth < MAX_DEPTH ? childSymbols(text, item, itemPath, locale, depth + 1) : [],
        });
      }
    });
    return out;
  }
  return [];
}

/** What names a list item: its id, name, province, scenario, carrier or year, with a detail. */
function itemLabel(item: Node, index: number, locale: Locale): { name: string; detail?: string } {
  const field = (key: string): string | undefined => {
    if (!isMap(item)) return undefined;
    for (const pair of item.items) {
      const k = pair.key as Node | null;
      const v = pair.value as Node | null;
      if (
        k !== null &&
        isScalar(k) &&
        String(k.value) === key &&
        v !== null &&
        isScalar(v) &&
        v.value !== null
      )
        return scalarText(v.value);
    }
    return undefined;
  };
  const id = field('id');
  const name = field('name');
  const province = field('province');
  const city = field('city');
  const carrier = field('carrier');
  if (id !== undefined) {
    const second = name ?? carrier;
    return { name: id, ...(second !== undefined ? { detail: second } : {}) };
  }
  if (province !== undefined) {
    const month = field('month_offset');
    const date = field('date');
    const when =
      month !== undefined ? t(locale, `批准后第 ${month} 个月`, `month ${month} after approval`) : date;
    const place = city !== undefined ? `${province} ${city}` : province;
    return { name: place, ...(when !== undefined ? { detail: when } : {}) };
  }
  if (name !== undefined) {
    const detail = field('role') ?? field('status') ?? field('code') ?? field('type');
    return { name: preview(name), ...(detail !== undefined ? { detail } : {}) };
  }
  const scenario = field('scenario');
  if (scenario !== undefined)
    return { name: preview(scenario), ...(carrier !== undefined ? { detail: carrier } : {}) };
  if (carrier !== undefined) {
    const status = field('status');
    return { name: carrier, ...(status !== undefined ? { detail: status } : {}) };
  }
  const year = field('year');
  if (year !== undefined) {
    const status = field('status');
    return { name: year, ...(status !== undefined ? { detail: status } : {}) };
  }
  return { name: `#${index + 1}` };
}

/** One line of at most 40 characters; never empty (editors reject nameless symbols). */
function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return '""';
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/** A scalar's value as text (keys and values are strings, numbers or booleans here). */
function scalarText(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : (JSON.stringify(value) ?? '');
}

function isEmpty(node: Node): boolean {
  return isScalar(node) && node.value === null && (node.range?.[0] ?? 0) === (node.range?.[1] ?? 0);
}
