/**
 * The one locator of the core: turns a DataPath into the text range to underline, by walking the
 * YAML AST of a parsed document. Used by the ajv mapping (schema/findings.ts), the rule engine and
 * the syntax findings alike, so every finding is placed by the same code. Also owns the small range
 * helpers (trimmed value ends, first-line heads, never-empty ranges). Knows nothing about messages
 * or schemas.
 */
import { isAlias, isMap, isScalar, isSeq, type Alias, type Document, type Node, type Pair } from 'yaml';
import type { DataPath, OffsetRange, RelatedInfo, Target } from '../types';

/** What the locator needs of a parsed document (ParsedDocument satisfies it). */
export interface LocatableDocument {
  readonly text: string;
  readonly yaml: Document.Parsed;
}

/** Where a path lands in the text. */
export interface Location {
  /** The range to underline; never empty unless the text is empty. */
  readonly range: OffsetRange;
  /** The longest prefix of the requested path that exists in the document. */
  readonly found: DataPath;
  /** True when the whole path exists (`found` equals the requested path). */
  readonly exact: boolean;
  /** Set when the walk went through an alias: points at the anchor it refers to. */
  readonly related?: readonly RelatedInfo[];
}

/** The result of walking the AST along a path. */
export interface NodeWalk {
  /** The deepest node reached; `null` for an empty document or a pair without a value. */
  readonly node: Node | null;
  /** The pair whose value is `node`, when the last step went through a mapping key. */
  readonly pair: Pair | undefined;
  /** The prefix of the path that was matched. */
  readonly found: DataPath;
  /** The alias the walk stopped at (it never follows aliases). */
  readonly alias: Alias | undefined;
}

/**
 * Walks the document along `path` as far as it exists. Mapping steps compare the key's scalar value
 * as a string (the last of duplicate keys wins, as in the plain JS value); sequence steps accept
 * numbers and numeric strings. Stops at an alias node, never resolving it.
 */
export function walkPath(doc: Document.Parsed, path: DataPath): NodeWalk {
  let node: Node | null = doc.contents ?? null;
  let pair: Pair | undefined;
  const found: (string | number)[] = [];
  for (const segment of path) {
    if (node === null) break;
    if (isAlias(node)) return { node, pair, found, alias: node };
    if (isMap(node)) {
      const match = findPair(node.items, segment);
      if (match === undefined) break;
      pair = match;
      node = (match.value as Node | null) ?? null;
      found.push(segment);
      continue;
    }
    if (isSeq(node)) {
      const index = toIndex(segment);
      const item = index === undefined ? undefined : (node.items[index] as Node | null | undefined);
      if (item === undefined) break;
      pair = undefined;
      node = item;
      found.push(segment);
      continue;
    }
    break;
  }
  return { node, pair, found, alias: node !== null && isAlias(node) ? node : undefined };
}

/**
 * The range to underline for `path`:
 * - `key`: the key of the property (for an array item its first line, for the root the `apiVersion`
 *   key or the first key);
 * - `value`: the value `[start, valueEnd)` without trailing comments or blank lines (the key when the
 *   value is empty; the first line for the root);
 * - `node`: key and value together.
 * When the path does not fully exist, the key (or head) of the deepest existing node is underlined.
 * An alias on the way stops the walk; the alias is underlined and `related` points at its anchor.
 */
export function locate(doc: LocatableDocument, path: DataPath, target: Target = 'value'): Location {
  const { text, yaml } = doc;
  const walk = walkPath(yaml, path);
  const exact = walk.found.length === path.length;
  const atRoot = walk.found.length === 0;

  if (walk.alias !== undefined && !(exact && target === 'key' && walk.pair !== undefined)) {
    const range = nonEmpty(valueRange(text, walk.alias), text);
    return { range, found: walk.found, exact, related: aliasRelated(doc, walk.alias) };
  }

  let range: OffsetRange;
  if (!exact || target === 'key') {
    range = headOf(doc, walk, atRoot);
  } else if (atRoot) {
    range = rootHead(doc);
  } else if (target === 'value') {
    const value = walk.node === null ? undefined : valueRange(text, walk.node);
    range = value === undefined || value.end <= value.start ? headOf(doc, walk, atRoot) : value;
  } else {
    const start = walk.pair?.key ? nodeStart(walk.pair.key as Node) : walk.node ? nodeStart(walk.node) : 0;
    const end = walk.node
      ? valueEnd(text, walk.node)
      : walk.pair?.key
        ? valueEnd(text, walk.pair.key as Node)
        : start;
    range = { start, end: Math.max(start, end) };
  }
  return { range: nonEmpty(range, text), found: walk.found, exact };
}

/** The key of the pair, the head of an item, or the root head. */
function headOf(doc: LocatableDocument, walk: NodeWalk, atRoot: boolean): OffsetRange {
  if (atRoot) return rootHead(doc);
  if (walk.pair?.key) return valueRange(doc.text, walk.pair.key as Node);
  if (walk.node !== null) return headRange(doc.text, walk.node);
  return rootHead(doc);
}

/**
 * The head of the document: the `apiVersion` key if present, else the first key, else the first
 * line with content.
 */
export function rootHead(doc: LocatableDocument): OffsetRange {
  const { text, yaml } = doc;
  const root = yaml.contents as Node | null;
  if (root !== null && isMap(root)) {
    const apiVersion = findPair(root.items, 'apiVersion');
    const pair = apiVersion ?? root.items[0];
    if (pair?.key) return nonEmpty(valueRange(text, pair.key as Node), text);
  }
  if (root !== null) return nonEmpty(headRange(text, root), text);
  return firstLineRange(text);
}

/** The first line of a node: a scalar's value, a mapping's first `key: value`, a sequence's first item. */
export function headRange(text: string, node: Node): OffsetRange {
  const start = nodeStart(node);
  let end: number;
  if (isMap(node) && !node.flow && node.items.length > 0) {
    const first = node.items[0] as Pair;
    const key = first.key as Node | null;
    const value = first.value as Node | null;
    end = value !== null ? valueEnd(text, value) : key !== null ? valueEnd(text, key) : start;
  } else if (isSeq(node) && !node.flow && node.items.length > 0) {
    end = valueEnd(text, node.items[0] as Node);
  } else {
    end = valueEnd(text, node);
  }
  return { start, end: Math.max(start, Math.min(end, lineContentEnd(text, start))) };
}

/** `[start, valueEnd)` of a node: no trailing comment, no trailing blank lines. */
export function valueRange(text: string, node: Node): OffsetRange {
  const start = nodeStart(node);
  return { start, end: Math.max(start, valueEnd(text, node)) };
}

function nodeStart(node: Node): number {
  return node.range?.[0] ?? 0;
}

/**
 * Where a node's value ends. Block collections end with their last item's value (yaml's own
 * `range[1]` of a block collection includes the last item's comment and the following blank lines).
 */
export function valueEnd(text: string, node: Node): number {
  const range = node.range;
  if (!range) return 0;
  if (isMap(node) && !node.flow) {
    const last = node.items[node.items.length - 1];
    if (last === undefined) return trimEnd(text, range[0], range[1]);
    const value = last.value as Node | null;
    const key = last.key as Node | null;
    if (value !== null && !isEmptyScalar(value)) return valueEnd(text, value);
    if (key !== null) return valueEnd(text, key);
    return trimEnd(text, range[0], range[1]);
  }
  if (isSeq(node) && !node.flow) {
    const last = node.items[node.items.length - 1] as Node | undefined;
    if (last === undefined || isEmptyScalar(last))
      return trimEnd(text, range[0], Math.max(range[0] + 1, last?.range?.[0] ?? range[1]));
    return valueEnd(text, last);
  }
  return trimEnd(text, range[0], range[1]);
}

function isEmptyScalar(node: Node): boolean {
  const range = node.range;
  return isScalar(node) && node.value === null && !!range && range[0] === range[1];
}

/** Moves `end` back over whitespace and line breaks, never before `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xfeff;
}

/** The end of the line containing `offset`, before the line break and trailing whitespace. */
export function lineContentEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code === 10 || code === 13) break;
    end++;
  }
  return trimEnd(text, offset, end);
}

/** The line at `offset`, from `offset` to its content end (at least one character when possible). */
export function lineRangeFrom(text: string, offset: number): OffsetRange {
  return nonEmpty({ start: offset, end: lineContentEnd(text, offset) }, text);
}

/** The first line of the text that has content (a BOM and blank lines skipped). */
export function firstLineRange(text: string): OffsetRange {
  let start = 0;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  if (start >= text.length) return nonEmpty({ start: 0, end: 0 }, text);
  return lineRangeFrom(text, start);
}

/**
 * Clamps a range to the text and makes an empty range one character wide when possible: the
 * character at the offset, or, at a line end or the end of the text, the last character before it.
 */
export function nonEmpty(range: OffsetRange, text: string): OffsetRange {
  const start = Math.max(0, Math.min(range.start, text.length));
  const end = Math.max(start, Math.min(range.end, text.length));
  if (end > start) return { start, end };
  const code = text.charCodeAt(start);
  if (start < text.length && code !== 10 && code !== 13) return { start, end: start + 1 };
  let back = start;
  while (back > 0 && isLineBreak(text.charCodeAt(back - 1))) back--;
  if (back > 0) return { start: back - 1, end: back };
  if (start < text.length) return { start, end: start + 1 };
  return { start, end };
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** Related information pointing at the anchor an alias refers to (nothing if unresolved). */
export function aliasRelated(doc: LocatableDocument, alias: Alias): RelatedInfo[] {
  const { text } = doc;
  let anchor: Node | undefined;
  try {
    anchor = alias.resolve(doc.yaml);
  } catch {
    anchor = undefined;
  }
  if (anchor === undefined) return [];
  const name = alias.source;
  const nodeAt = nodeStart(anchor);
  const marker = text.lastIndexOf(`&${name}`, nodeAt);
  const range =
    marker >= 0 && marker <= nodeAt
      ? { start: marker, end: marker + name.length + 1 }
      : nonEmpty(headRange(text, anchor), text);
  return [
    {
      range,
      message: {
        'zh-cn': `别名 *${name} 引用的锚点 &${name} 定义在此`,
        en: `The anchor &${name} that the alias *${name} refers to is defined here`,
      },
    },
  ];
}

/**
 * Mappings with more pairs than this are indexed by key on the first lookup: a scan per lookup made
 * a finding per key (thousands of unknown keys) quadratic. Parsed trees are never modified; the
 * index is still rebuilt when the length changes, and a hit is verified.
 */
const INDEX_FROM = 16;
const pairIndexes = new WeakMap<readonly unknown[], { readonly length: number; readonly byKey: Map<string, number> }>();

/** The last pair of `items` whose key is a scalar equal to `segment` (as a string). */
export function findPair(items: readonly unknown[], segment: string | number): Pair | undefined {
  const wanted = String(segment);
  if (items.length > INDEX_FROM) {
    let index = pairIndexes.get(items);
    if (index === undefined || index.length !== items.length) {
      const byKey = new Map<string, number>();
      items.forEach((item, i) => {
        const key = (item as Pair).key as Node | null;
        if (key !== null && isScalar(key)) byKey.set(String(key.value), i);
      });
      pairIndexes.set(items, (index = { length: items.length, byKey }));
    }
    const at = index.byKey.get(wanted);
    if (at === undefined) return undefined;
    const pair = items[at] as Pair | undefined;
    const key = pair?.key as Node | null | undefined;
    if (pair !== undefined && key !== null && key !== undefined && isScalar(key) && String(key.value) === wanted)
      return pair;
  }
  for (let i = items.length - 1; i >= 0; i--) {
    const pair = items[i] as Pair;
    const key = pair.key as Node | null;
    if (key !== null && isScalar(key) && String(key.value) === wanted) return pair;
  }
  return undefined;
}

function toIndex(segment: string | number): number | undefined {
  if (typeof segment === 'number') return Number.isInteger(segment) && segment >= 0 ? segment : undefined;
  return /^(?:0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : undefined;
}
