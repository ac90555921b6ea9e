/**
 * Incremental reparse: the parse of a new version of a document, reusing the yaml tree of the
 * previous version. The changed span (common prefix and suffix of the two texts) is located in the
 * previous tree; the smallest run of block-collection items holding it is parsed alone, as its own
 * text, and spliced into the tree: the collections on the way are copied, the nodes before the change
 * are shared, and the nodes after it are shared too, moved to their new offsets in place. So the
 * previous parse is consumed: once reused, it no longer describes its own text (the server keeps
 * only the latest parse of each document, and uses trees synchronously). The result is the document a full
 * `parseApplication` gives (same values, ranges, errors and comments); whenever that cannot be
 * guaranteed cheaply — a previous version with errors, a fragment that does not parse cleanly alone,
 * anchors or aliases, tabs, directives, duplicate keys, deep nesting — it is a full parse. Owns only
 * that; the rest of the parse step (issues, value) is parse.ts.
 */
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Pair, YAMLMap, YAMLSeq, type Scalar } from 'yaml';
import type { Node, Schema } from 'yaml';
import { LineIndex } from './line-index';
import { analyseDocument, parseApplication, parseYaml, type ParsedDocument } from './parse';
import { forgetValue } from './plain-value';

type BlockCollection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;
type Range3 = [number, number, number];

/** Deeper than this (ancestors plus fragment) the full parse and its shape check decide. */
const MAX_REUSE_DEPTH = 64;
/** A fragment larger than this share of the text is not worth the attempt: parse the whole text. */
const MAX_FRAGMENT_SHARE = 0.5;

const NODE_TYPE = Symbol.for('yaml.node.type');
const DOC = Symbol.for('yaml.document');

/**
 * Parses `text`, a new version of the document `previous` was parsed from, reusing what it can.
 * Never throws on bad input; the result is always the one `parseApplication(text)` would give.
 * `previous` is consumed: do not use it (or anything from its tree) afterwards.
 */
export function reparseApplication(previous: ParsedDocument, text: string): ParsedDocument {
  return reparse(previous, text).parsed;
}

/** `reparseApplication`, also telling whether the previous tree was reused (for tests and the benchmark). */
export function reparse(previous: ParsedDocument, text: string): { parsed: ParsedDocument; reused: boolean } {
  if (text === previous.text) return { parsed: previous, reused: true };
  try {
    const spliced = spliceReparse(previous, text);
    if (spliced !== undefined) {
      const { yaml, change } = spliced;
      const lines = LineIndex.edited(previous.lines, text, change.p, change.e0, change.delta);
      return { parsed: analyseDocument(text, yaml, false, lines), reused: true };
    }
  } catch {
    // Any surprise in the reuse path: the full parse below is always right.
  }
  return { parsed: parseApplication(text), reused: false };
}

/** One way to reparse: the items `i..j` of `collection`, reached through `ancestors`. */
interface Candidate {
  readonly ancestors: readonly { readonly collection: BlockCollection; readonly index: number }[];
  readonly collection: BlockCollection;
  readonly i: number;
  readonly j: number;
  /** Column of the items' indicator (`-`) or keys. */
  readonly indent: number;
  /** Old-text offset of the line where item `i` starts. */
  readonly start: number;
  /** Old-text offset just after the last content line of item `j` (trailing comments excluded). */
  readonly end: number;
  /** Old-text offset of the next item's line (or the collection's end): the lines up to it were read. */
  readonly limit: number;
}

interface Change {
  readonly old: string;
  readonly text: string;
  /** The change is old[p, e0) → text[p, e0 + delta). */
  readonly p: number;
  readonly e0: number;
  readonly delta: number;
}

/** The new yaml document and the change, or undefined when the reuse path does not apply. */
function spliceReparse(
  previous: ParsedDocument,
  text: string,
): { yaml: Document.Parsed; change: Change } | undefined {
  const old = previous.text;
  const root = previous.yaml.contents as unknown;
  if (
    !previous.hasRoot ||
    previous.errors.length > 0 ||
    previous.warnings.length > 0 ||
    previous.issues.length > 0 ||
    !isMap(root) ||
    root.flow === true
  ) {
    return undefined;
  }
  const change = locateChange(old, text);
  // Directives before the root collection would change how a fragment parses alone.
  const firstHead = head(old, root, 0);
  if (firstHead === undefined || /^%/m.test(old.slice(0, firstHead.line))) return undefined;

  const insertion = change.e0 === change.p;
  const tried = new Set<string>();
  const modes: ('left' | 'right')[] = insertion ? ['left', 'right'] : ['right'];
  for (const mode of modes) {
    const candidates = collectCandidates(root, change, mode);
    for (let k = candidates.length - 1; k >= 0; k--) {
      const candidate = candidates[k];
      if (candidate === undefined) continue;
      const key = `${candidate.ancestors.length}:${candidate.start}:${candidate.end}`;
      if (tried.has(key)) continue;
      tried.add(key);
      if (candidate.end - candidate.start > old.length * MAX_FRAGMENT_SHARE) continue;
      const yaml = trySplice(previous, change, candidate);
      if (yaml !== undefined) return { yaml, change };
    }
  }
  return undefined;
}

/**
 * A line break of its own (CR not followed by LF) in text[from, to): lines are found by LF here,
 * so such a text is left to the full parse. Checked around the fragment only (a CR elsewhere does
 * not change what the fragment's lines are; item heads after one fail their own check).
 */
function hasLoneCarriageReturn(text: string, from: number, to: number): boolean {
  const at = text.indexOf('\r', from);
  if (at < 0 || at >= to) return false;
  return /\r(?!\n)/.test(text.slice(from, Math.min(text.length, to + 1)));
}

/** The common prefix and suffix of the two texts; a change starting in indentation starts at its line. */
function locateChange(old: string, text: string): Change {
  const min = Math.min(old.length, text.length);
  let p = 0;
  // Long strides first (substring comparison is a memory compare), then character by character.
  for (let stride = 4096; stride >= 1; stride >>= 4) {
    while (p + stride <= min && old.slice(p, p + stride) === text.slice(p, p + stride)) p += stride;
  }
  const maxSuffix = min - p;
  let s = 0;
  for (let stride = 4096; stride >= 1; stride >>= 4) {
    while (
      s + stride <= maxSuffix &&
      old.slice(old.length - s - stride, old.length - s) === text.slice(text.length - s - stride, text.length - s)
    ) {
      s += stride;
    }
  }
  const lineStart = lineStartOf(old, p);
  if (/^[ ]*$/.test(old.slice(lineStart, p))) p = lineStart;
  return { old, text, p, e0: old.length - s, delta: text.length - old.length };
}

interface Head {
  /** Offset of the start of the item's first line. */
  readonly line: number;
  /** Column of the `-` (sequence) or of the key (mapping). */
  readonly column: number;
}

/** Where item `k` of a block collection starts: its line must hold only indentation before it. */
function head(text: string, collection: BlockCollection, k: number): Head | undefined {
  const item = collection.items[k];
  let at: number;
  if (isMap(collection)) {
    if (!isPair(item) || !isScalar(item.key) || !item.key.range) return undefined;
    at = item.key.range[0];
  } else {
    if (!isScalar(item) && !isMap(item) && !isSeq(item)) return undefined;
    const range = item.range;
    if (!range) return undefined;
    let q = range[0] - 1;
    while (q >= 0 && text.charCodeAt(q) === 32) q--;
    if (q < 0 || text.charCodeAt(q) !== 45 /* - */) return undefined;
    at = q;
  }
  const line = lineStartOf(text, at);
  for (let c = line; c < at; c++) if (text.charCodeAt(c) !== 32) return undefined;
  return { line, column: at - line };
}

/**
 * The candidate fragments along the path from the root to the deepest block collection whose
 * items hold the change, outermost first. `left` attributes an insertion exactly at the start of an
 * item's line to the item before it (appending to a nested list), `right` to the item itself.
 */
function collectCandidates(root: YAMLMap<unknown, unknown>, change: Change, mode: 'left' | 'right'): Candidate[] {
  const { old, p, e0 } = change;
  const out: Candidate[] = [];
  const ancestors: { collection: BlockCollection; index: number }[] = [];
  let collection: BlockCollection = root;
  let end = old.length;
  for (let depth = 0; depth < MAX_REUSE_DEPTH; depth++) {
    const count = collection.items.length;
    if (count === 0) break;
    const heads = new Map<number, Head | undefined>();
    const headAt = (k: number): Head | undefined => {
      if (!heads.has(k)) heads.set(k, head(old, collection, k));
      return heads.get(k);
    };
    let failed = false;
    /** The last item whose head line satisfies `before`, or -1. */
    const lastWhere = (before: (line: number) => boolean): number => {
      let low = 0;
      let high = count - 1;
      let found = -1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const h = headAt(mid);
        if (h === undefined) {
          failed = true;
          return -1;
        }
        if (before(h.line)) {
          found = mid;
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      return found;
    };
    const i = lastWhere(mode === 'left' ? (line) => line < p : (line) => line <= p);
    if (failed || i < 0 || e0 > end) break;
    let j = e0 > p ? lastWhere((line) => line < e0) : i;
    if (failed || j < i) break;
    const first = headAt(i);
    if (first === undefined) break;
    // The fragment ends after the last content line of item j; a change in the comments or blank
    // lines after it takes in the next item.
    let fragmentEnd = -1;
    let fragmentLimit = end;
    for (;;) {
      const next = j + 1 < count ? headAt(j + 1) : undefined;
      if (j + 1 < count && next === undefined) break;
      const limit = next === undefined ? end : next.line;
      const contentEnd = lastContentLineEnd(old, first.line, limit);
      if (e0 <= contentEnd) {
        fragmentEnd = contentEnd;
        fragmentLimit = limit;
        break;
      }
      if (next === undefined) break;
      j++;
    }
    if (fragmentEnd >= 0) {
      out.push({
        ancestors: [...ancestors],
        collection,
        i,
        j,
        indent: first.column,
        start: first.line,
        end: fragmentEnd,
        limit: fragmentLimit,
      });
    }
    if (i !== j || fragmentEnd < 0) break;
    // Go down into item i's value when the change lies among its own items.
    const item = collection.items[i];
    const value = isPair(item) ? (item.value) : item;
    if (!(isMap(value) || isSeq(value)) || value.flow === true || value.items.length === 0) break;
    const inner = head(old, value, 0);
    if (inner === undefined || inner.line <= first.line) break;
    if (mode === 'left' ? p <= inner.line : p < inner.line) break;
    const next = i + 1 < count ? headAt(i + 1) : undefined;
    const itemEnd = next === undefined ? end : next.line;
    if (e0 > itemEnd) break;
    ancestors.push({ collection, index: i });
    collection = value;
    end = itemEnd;
  }
  return out;
}

/** The offset just after the last line in [from, to) that is neither blank nor a comment (from if none). */
function lastContentLineEnd(text: string, from: number, to: number): number {
  let lineEnd = to;
  while (lineEnd > from) {
    const start = Math.max(lineStartOf(text, lineEnd - 1), from);
    if (isContentLine(text, start, lineEnd)) return lineEnd;
    lineEnd = start;
  }
  return from;
}

/** The start of the line holding `offset` (a line break belongs to the line it ends). */
function lineStartOf(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

function isContentLine(text: string, start: number, end: number): boolean {
  for (let c = start; c < end; c++) {
    const code = text.charCodeAt(c);
    if (code === 32 || code === 9 || code === 13 || code === 10) continue;
    return code !== 35; /* # */
  }
  return false;
}

/** Parses the candidate's fragment alone and splices it in; undefined when it may differ from a full parse. */
function trySplice(previous: ParsedDocument, change: Change, candidate: Candidate): Document.Parsed | undefined {
  const { old, text, delta } = change;
  const { collection, i, j, indent, start, end } = candidate;
  if (hasLoneCarriageReturn(old, start, candidate.limit) || hasLoneCarriageReturn(text, start, end + delta)) {
    return undefined;
  }
  const fragment = text.slice(start, end + delta);
  const oldFragment = old.slice(start, end);
  // Anchors and aliases reach across fragments; directives and document markers end them.
  if (/[&*\t]/.test(fragment) || /[&*]/.test(oldFragment)) return undefined;
  if (!fragmentLinesFit(fragment, indent, end + delta === text.length)) return undefined;
  // A block scalar keeping its final line breaks would take in the blank lines left out after the fragment.
  if (/[|>][0-9]*[+]/.test(fragment)) return undefined;

  let items: unknown[];
  let firstRange: number | undefined;
  let fragmentEnd: number | undefined;
  if (fragment === '') {
    // Whole items deleted: only between other items, and only when nothing before them moves over.
    const first = collection.items[i];
    const node = isPair(first) ? first.key : first;
    if (j + 1 >= collection.items.length || i === 0 || !isScalarOrCollection(node)) return undefined;
    if (node.commentBefore || node.spaceBefore) return undefined;
    items = [];
  } else {
    const parsed = parseYaml(fragment);
    if (parsed.errors.length > 0 || parsed.warnings.length > 0) return undefined;
    const contents = parsed.contents as unknown;
    if (isMap(collection) ? !isMap(contents) : !isSeq(contents)) return undefined;
    const fragmentRoot = contents as BlockCollection;
    if (fragmentRoot.flow === true || fragmentRoot.items.length === 0 || !fragmentRoot.range) return undefined;
    if (fragmentRoot.comment || parsed.comment || parsed.commentBefore) return undefined;
    // An empty value or a block scalar at the very end would take in the comments and blank lines
    // that follow (its range ends where the next content starts in a full parse), also before a next
    // item: such a fragment is left to the full parse.
    if (!endsWithPlainContent(fragmentRoot)) return undefined;
    const depth = shiftInPlace(fragmentRoot.items, start, previous.yaml.schema, candidate.ancestors.length + 1);
    if (depth === undefined) return undefined;
    items = fragmentRoot.items;
    firstRange = fragmentRoot.range[0] + start;
    fragmentEnd = fragmentRoot.range[1] + start;
    if (isMap(collection) && !keysStayUnique(collection, i, j, items)) return undefined;
    // Comments and blank lines before the fragment belong to its first item, as in a full parse.
    const oldFirst = collection.items[i];
    const oldNode = isPair(oldFirst) ? oldFirst.key : oldFirst;
    const newFirst = items[0];
    const newNode = isPair(newFirst) ? newFirst.key : newFirst;
    if (!isScalarOrCollection(oldNode) || !isScalarOrCollection(newNode)) return undefined;
    if (oldNode.commentBefore) newNode.commentBefore = oldNode.commentBefore;
    if (oldNode.spaceBefore) newNode.spaceBefore = oldNode.spaceBefore;
  }

  const range = collection.range;
  if (!range) return undefined;
  const last = j === collection.items.length - 1;
  // A collection ends where its last item ends (then its own trailing comments, moved by delta).
  const lastEnd = last ? lastItemEnd(items, firstRange, fragmentEnd) : undefined;
  if (last && lastEnd === undefined) return undefined;
  // Everything after the change moves by delta; moved in place at the end, once nothing can fail.
  const moving: unknown[] = collection.items.slice(j + 1);
  const ends = collectionEnds(range, lastEnd, delta, change.e0);
  if (ends === undefined) return undefined;
  let node: BlockCollection = copyCollection(collection, [...collection.items.slice(0, i), ...items, ...moving], [
    i === 0 && firstRange !== undefined ? firstRange : range[0],
    ...ends,
  ]);
  for (let a = candidate.ancestors.length - 1; a >= 0; a--) {
    const ancestor = candidate.ancestors[a];
    if (ancestor === undefined) return undefined;
    const { collection: parent, index } = ancestor;
    const parentRange = parent.range;
    const childRange = node.range;
    if (!parentRange || !childRange) return undefined;
    const own = parent.items[index];
    const replaced = isPair(own) ? copyPair(own, own.key, node) : node;
    const parentEnds = collectionEnds(
      parentRange,
      index === parent.items.length - 1 ? childRange[2] : undefined,
      delta,
      change.e0,
    );
    if (parentEnds === undefined) return undefined;
    const following = parent.items.slice(index + 1);
    moving.push(...following);
    node = copyCollection(parent, [...parent.items.slice(0, index), replaced, ...following], [
      parentRange[0],
      ...parentEnds,
    ]);
  }
  const document = copyDocument(previous.yaml, node, delta);
  if (document === undefined) return undefined;
  if (delta !== 0) for (const item of moving) moveInPlace(item, delta);
  return document;
}

/** Where the new items end (the fragment collection's own end), when there are new items. */
function lastItemEnd(items: readonly unknown[], firstRange: number | undefined, fragmentEnd: number | undefined): number | undefined {
  return items.length > 0 && firstRange !== undefined ? fragmentEnd : undefined;
}

/**
 * The value end and node end of a collection around the change: moved by delta, or, when its last
 * item was replaced, that item's end, then its own trailing comments (moved) if it had any.
 */
function collectionEnds(
  range: Range3,
  lastEnd: number | undefined,
  delta: number,
  e0: number,
): [number, number] | undefined {
  if (lastEnd === undefined) return range[1] < e0 ? undefined : [range[1] + delta, range[2] + delta];
  return [lastEnd, range[2] > range[1] ? range[2] + delta : lastEnd];
}

/** True when the last node of a collection (followed down its last items) is a non-empty flow scalar or collection. */
function endsWithPlainContent(collection: BlockCollection): boolean {
  let node: unknown = collection;
  for (let depth = 0; depth < MAX_REUSE_DEPTH; depth++) {
    if (isMap(node) || isSeq(node)) {
      if (node.flow === true) return true;
      const last = node.items[node.items.length - 1];
      if (last === undefined) return false;
      node = isPair(last) ? last.value : last;
      continue;
    }
    if (!isScalar(node) || !node.range) return false;
    if (node.range[0] === node.range[1]) return false;
    return node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED';
  }
  return false;
}

function isScalarOrCollection(node: unknown): node is Scalar | BlockCollection {
  return isScalar(node) || isMap(node) || isSeq(node);
}

/**
 * The fragment's lines: every content line at least as indented as the items, the first exactly so,
 * no document markers or directives, and the last line a content line (comments after it would be
 * attached to what follows the fragment in a full parse).
 */
function fragmentLinesFit(fragment: string, indent: number, atEnd: boolean): boolean {
  if (fragment === '') return true;
  if (!fragment.endsWith('\n') && !atEnd) return false;
  let first = true;
  let lastIsContent = false;
  let lineStart = 0;
  while (lineStart < fragment.length) {
    let lineEnd = fragment.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = fragment.length;
    let c = lineStart;
    while (c < lineEnd && fragment.charCodeAt(c) === 32) c++;
    const code = c < lineEnd ? fragment.charCodeAt(c) : -1;
    if (code === -1 || code === 13 || code === 35 /* # */) {
      // Blank lines and comments before the first item would attach differently in a full parse.
      if (first) return false;
      lastIsContent = false;
    } else {
      const column = c - lineStart;
      if (column < indent || (first && column !== indent)) return false;
      if (column === 0 && /^(?:---|\.\.\.|%)/.test(fragment.slice(lineStart, lineStart + 3))) return false;
      first = false;
      lastIsContent = true;
    }
    lineStart = lineEnd + 1;
  }
  return !first && lastIsContent;
}

/** True when no key of the new items repeats a key of the items kept around them. */
function keysStayUnique(map: YAMLMap<unknown, unknown>, i: number, j: number, items: readonly unknown[]): boolean {
  const added = new Set<string>();
  for (const item of items) {
    if (!isPair(item) || !isScalar(item.key)) return false;
    added.add(String(item.key.value));
  }
  for (let k = 0; k < map.items.length; k++) {
    if (k >= i && k <= j) continue;
    const key = map.items[k]?.key;
    if (!isScalar(key) || added.has(String(key.value))) return false;
  }
  return true;
}

/**
 * Moves a freshly parsed fragment's nodes to their place in the whole text and gives its
 * collections the document's schema. Returns the fragment's depth, or undefined beyond the limit.
 */
function shiftInPlace(items: unknown[], offset: number, schema: Schema, depth: number): number | undefined {
  if (depth > MAX_REUSE_DEPTH) return undefined;
  let deepest = depth;
  for (const item of items) {
    const nodes = isPair(item) ? [item.key, item.value] : [item];
    for (const node of nodes) {
      if (node === null || node === undefined) continue;
      if (isScalar(node) || isAlias(node)) {
        if (node.range) node.range = [node.range[0] + offset, node.range[1] + offset, node.range[2] + offset];
      } else if (isMap(node) || isSeq(node)) {
        if (node.range) node.range = [node.range[0] + offset, node.range[1] + offset, node.range[2] + offset];
        node.schema = schema;
        const inner = shiftInPlace(node.items as unknown[], offset, schema, depth + 1);
        if (inner === undefined) return undefined;
        deepest = Math.max(deepest, inner);
      } else {
        return undefined;
      }
    }
  }
  return deepest;
}

/**
 * Moves a node (or pair) of the previous tree and everything under it by `delta`, in place: the
 * previous tree is consumed (its positions after the change are those of the new text now).
 */
function moveInPlace(item: unknown, delta: number): void {
  if (isPair(item)) {
    moveInPlace(item.key, delta);
    moveInPlace(item.value, delta);
    return;
  }
  if (isScalar(item) || isAlias(item) || isMap(item) || isSeq(item)) {
    const range = item.range;
    if (range) {
      range[0] += delta;
      range[1] += delta;
      range[2] += delta;
    }
    if (isMap(item) || isSeq(item)) for (const child of item.items as unknown[]) moveInPlace(child, delta);
  }
}

function copyPair(pair: Pair<unknown, unknown>, key: unknown, value: unknown): Pair<unknown, unknown> {
  const copy = Object.assign(new Pair(key, value), pair);
  copy.key = key;
  copy.value = value;
  return copy;
}

/** A copy of a collection with other items and range; it forgets the original's cached plain value. */
function copyCollection<T extends BlockCollection>(collection: T, items: unknown[], range: Range3 | null): T {
  const copy = (isMap(collection) ? new YAMLMap(collection.schema) : new YAMLSeq(collection.schema)) as T;
  Object.assign(copy, collection);
  (copy as { items: unknown[] }).items = items;
  copy.range = range;
  forgetValue(copy);
  return copy;
}

/** The previous document with new contents, its range moved by `delta`, and no errors. */
function copyDocument(previous: Document.Parsed, contents: Node, delta: number): Document.Parsed | undefined {
  const copy = Object.create(Document.prototype, { [NODE_TYPE]: { value: DOC } }) as Document.Parsed;
  Object.assign(copy, previous);
  copy.contents = contents as Document.Parsed['contents'];
  copy.errors = [];
  copy.warnings = [];
  const range = previous.range;
  const contentEnd = contents.range?.[2];
  if (contentEnd === undefined) return undefined;
  copy.range = [range[0], contentEnd, range[2] > range[1] ? range[2] + delta : contentEnd];
  return copy;
}
