/**
 * Text edits on a parsed YAML document by data path: replace a value, insert, remove or rename a
 * property, append or remove list items. Edits are computed on the original text from the AST's
 * source ranges, so everything not touched stays byte for byte: comments, blank lines, quoting,
 * key order, CRLF line breaks. Block and flow collections are both handled; new text follows the
 * document's indentation (detected) and line break. Replacing a collection with another is done
 * structurally (only what differs is edited), so a moved list item does not rewrite its section.
 *
 * Returns `undefined` when an edit cannot be made safely (the path runs through an alias, a
 * complex key, a compact nested sequence…); never throws on odd documents. Knows nothing about
 * findings, safety or LSP; apply-intent.ts maps fix intents onto these operations.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  visit,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { DataPath } from '../types';
import type { ParsedDocument } from '../document/parse';
import { findPair, valueEnd, valueRange } from '../document/locate';
import { get } from '../document/data-access';
import {
  afterKey,
  DEFAULT_STYLE,
  flowText,
  isPlainObject,
  itemText,
  propertyText,
  scalarText,
  type QuoteStyle,
  type RenderStyle,
} from './render';
import { editSetsConflict, normalizeEdits, type TextEdit } from './text-edit';

/** Where a data path lands in the AST. */
interface Step {
  /** The node at the path; null for a pair without a value node. */
  readonly node: Node | null;
  /** The pair whose value it is, when the last step went through a mapping. */
  readonly pair?: Pair;
  /** The collection holding it (undefined for the root). */
  readonly parent?: YAMLMap | YAMLSeq;
  /** True when the node sits inside a flow collection (its parent or any ancestor is flow). */
  readonly flow: boolean;
}

/** Gives the declared property order of the mapping at a path (for placing new properties). */
export type PropertyOrder = (path: DataPath) => readonly string[];

const styleCache = new WeakMap<ParsedDocument, RenderStyle>();

/** The document's line break, indentation unit and sequence indentation (cached per document). */
export function detectStyle(parsed: ParsedDocument): RenderStyle {
  const cached = styleCache.get(parsed);
  if (cached !== undefined) return cached;
  const { text } = parsed;
  const firstBreak = text.indexOf('\n');
  const eol = firstBreak > 0 && text.charCodeAt(firstBreak - 1) === 13 ? '\r\n' : DEFAULT_STYLE.eol;
  let indentUnit: number | undefined;
  let seqIndent: number | undefined;
  visit(parsed.yaml, {
    Pair(_key, pair) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (key === null || value === null || !key.range || !value.range) return;
      if (isMap(value) && !value.flow && value.items.length > 0) {
        const first = value.items[0]?.key as Node | null | undefined;
        const delta = first?.range ? column(text, first.range[0]) - column(text, key.range[0]) : 0;
        if (delta > 0 && (indentUnit === undefined || delta < indentUnit)) indentUnit = delta;
      } else if (isSeq(value) && !value.flow && seqIndent === undefined && value.items.length > 0) {
        const dash = dashBefore(text, (value.items[0] as Node | null)?.range?.[0] ?? -1);
        if (dash !== undefined && lineStart(text, dash) > key.range[0]) {
          seqIndent = Math.max(0, column(text, dash) - column(text, key.range[0]));
        }
      }
    },
  });
  const style: RenderStyle = {
    eol,
    indentUnit: indentUnit ?? DEFAULT_STYLE.indentUnit,
    seqIndent: seqIndent ?? indentUnit ?? DEFAULT_STYLE.seqIndent,
  };
  styleCache.set(parsed, style);
  return style;
}

// ---- text helpers ----

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/** The end of the line's content (comment included), before its line break. */
function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** Just after the line break that ends the line containing `offset` (the text's end on the last line). */
function afterBreak(text: string, offset: number): number {
  const end = lineEnd(text, offset);
  if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) return end + 2;
  return end < text.length ? end + 1 : end;
}

/**
 * An insertion of whole lines after the line containing `offset`: at the start of the next line
 * (so it never lands inside an edit that removes the rest of that line's block), or after the
 * last line when the text has no final line break.
 */
function linesAfter(text: string, offset: number, lines: string, eol: string): TextEdit {
  const end = lineEnd(text, offset);
  const next = afterBreak(text, offset);
  if (next > end) return { start: next, end: next, newText: `${lines}${eol}` };
  return { start: end, end, newText: `${eol}${lines}` };
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function onlySpaceBefore(text: string, offset: number): boolean {
  return text.slice(lineStart(text, offset), offset).trim() === '';
}

/** The `-` of a block sequence item whose content starts at `offset`, if it is there. */
function dashBefore(text: string, offset: number): number | undefined {
  if (offset < 0) return undefined;
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (text[i] === '-') return i;
  // An item starting on the line after its dash ("-\n  key: v").
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return text[i] === '-' ? i : undefined;
}

function start(node: Node): number {
  return node.range?.[0] ?? 0;
}

function isEmptyScalar(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null && start(node) === (node.range?.[1] ?? 0));
}

function quoteOf(node: Node | null): QuoteStyle {
  if (node === null || !isScalar(node)) return 'plain';
  const type = node.type;
  return type === 'QUOTE_DOUBLE' ? 'double' : type === 'QUOTE_SINGLE' ? 'single' : 'plain';
}

function keyName(pair: Pair): string | undefined {
  const key = pair.key as Node | null;
  return key !== null && isScalar(key) ? String(key.value) : undefined;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Combines edit lists; undefined when one is undefined or two of them conflict. */
function combine(lists: readonly (readonly TextEdit[] | undefined)[]): TextEdit[] | undefined {
  const out: TextEdit[] = [];
  for (const list of lists) {
    if (list === undefined) return undefined;
    if (editSetsConflict(out, list)) return undefined;
    out.push(...list);
  }
  return out;
}

/** Edits one parsed document. Stateless apart from the document; cheap to create. */
export class YamlEditor {
  private readonly text: string;

  constructor(
    private readonly parsed: ParsedDocument,
    private readonly style: RenderStyle = detectStyle(parsed),
    private readonly order?: PropertyOrder,
  ) {
    this.text = parsed.text;
  }

  /** Where `path` lands; undefined when it does not fully exist or passes through an alias. */
  resolve(path: DataPath): Step | undefined {
    let step: Step = { node: (this.parsed.yaml.contents) ?? null, flow: false };
    for (const segment of path) {
      const node = step.node;
      if (node === null || isAlias(node)) return undefined;
      if (isMap(node)) {
        const pair = findPair(node.items, segment);
        if (pair === undefined) return undefined;
        step = { node: (pair.value as Node | null) ?? null, pair, parent: node, flow: step.flow || node.flow === true };
      } else if (isSeq(node)) {
        const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
        const item = node.items[index] as Node | null | undefined;
        if (index < 0 || item === undefined) return undefined;
        step = { node: item, parent: node, flow: step.flow || node.flow === true };
      } else {
        return undefined;
      }
    }
    return step.node !== null && isAlias(step.node) ? undefined : step;
  }

  // ---- operations ----

  /** Sets the value at `path`; a missing last property is inserted into its (existing) mapping. */
  replaceValue(path: DataPath, value: unknown): TextEdit[] | undefined {
    const step = this.resolve(path);
    if (step === undefined) {
      const last = path[path.length - 1];
      if (path.length === 0 || typeof last !== 'string') return undefined;
      return this.insertProperty(path.slice(0, -1), last, value);
    }
    return this.replaceAt(path, step, value);
  }

  /** Adds `key: value` to the mapping at `path` (in declared order); sets it if it exists. */
  insertProperty(path: DataPath, key: string, value: unknown): TextEdit[] | undefined {
    return this.insertProperties(path, [[key, value]]);
  }

  /**
   * Adds several properties to the mapping at `path` in one go (each placed by declared order,
   * properties landing at the same place kept in the order given). Existing ones are set.
   */
  insertProperties(path: DataPath, entries: readonly (readonly [string, unknown])[]): TextEdit[] | undefined {
    const step = this.resolve(path);
    if (step === undefined) {
      const last = path[path.length - 1];
      if (path.length === 0 || typeof last !== 'string') return undefined;
      return this.insertProperty(path.slice(0, -1), last, Object.fromEntries(entries));
    }
    const map = step.node;
    if (map === null || isEmptyScalar(map) || (isScalar(map) && map.value === null)) {
      return this.replaceNodeWith(step, Object.fromEntries(entries));
    }
    if (!isMap(map)) return undefined;
    const lists: (TextEdit[] | undefined)[] = [];
    const adding: (readonly [string, unknown])[] = [];
    for (const entry of entries) {
      const existing = findPair(map.items, entry[0]);
      if (existing !== undefined) lists.push(this.replaceValue([...path, entry[0]], entry[1]));
      else adding.push(entry);
    }
    if (adding.length > 0) lists.push(this.addPairs(path, step, map, adding));
    return combine(lists);
  }

  /** Removes the property at `path` (its whole line or lines in a block mapping). */
  removeProperty(path: DataPath): TextEdit[] | undefined {
    const parentStep = this.resolve(path.slice(0, -1));
    const name = path[path.length - 1];
    if (parentStep === undefined || name === undefined || parentStep.node === null || !isMap(parentStep.node)) return undefined;
    const map = parentStep.node;
    const index = map.items.findIndex((pair) => pair === findPair(map.items, name));
    if (index < 0) return undefined;
    return this.removePairs(parentStep, map, [index]);
  }

  /** Renames the key at `path`, keeping its quoting style. */
  renameKey(path: DataPath, newKey: string): TextEdit[] | undefined {
    const step = this.resolve(path);
    const key = step?.pair?.key as Node | null | undefined;
    if (step === undefined || key === null || key === undefined || !isScalar(key)) return undefined;
    const range = valueRange(this.text, key);
    const flow = step.flow || step.parent?.flow === true;
    return [{ ...range, newText: scalarText(newKey, { flow, quote: quoteOf(key) }) }];
  }

  /** Appends items to the list at `path` (creating the list when the property is missing or empty). */
  appendItems(path: DataPath, values: readonly unknown[]): TextEdit[] | undefined {
    const step = this.resolve(path);
    if (step === undefined || step.node === null || isEmptyScalar(step.node) || (isScalar(step.node) && step.node.value === null)) {
      return this.replaceValue(path, [...values]);
    }
    if (!isSeq(step.node)) return undefined;
    return this.appendTo(step, step.node, values);
  }

  /** Removes the item at `path` (its whole line or lines in a block sequence). */
  removeItem(path: DataPath): TextEdit[] | undefined {
    const last = path[path.length - 1];
    if (last === undefined) return undefined;
    return this.removeItemsAt(path.slice(0, -1), [last]);
  }

  /** Removes several items of the list at `path` (by index), runs of neighbours as one edit. */
  removeItemsAt(path: DataPath, indices: readonly (string | number)[]): TextEdit[] | undefined {
    const step = this.resolve(path);
    if (step === undefined || step.node === null || !isSeq(step.node)) return undefined;
    const seq = step.node;
    const wanted = new Set<number>();
    for (const segment of indices) {
      const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
      if (!Number.isInteger(index) || index < 0 || index >= seq.items.length) return undefined;
      wanted.add(index);
    }
    if (wanted.size === seq.items.length) return this.removeItems(step, seq, 0, seq.items.length);
    const sorted = [...wanted].sort((a, b) => a - b);
    const lists: (TextEdit[] | undefined)[] = [];
    let from = sorted[0] ?? 0;
    for (let i = 1; i <= sorted.length; i++) {
      const current = sorted[i];
      const previous = sorted[i - 1] ?? from;
      if (current !== undefined && current === previous + 1) continue;
      lists.push(this.removeItems(step, seq, from, previous + 1));
      if (current !== undefined) from = current;
    }
    return combine(lists);
  }

  // ---- structure ----

  /** Replaces the value at a resolved step with `value`, editing only what differs. */
  private replaceAt(path: DataPath, step: Step, value: unknown): TextEdit[] | undefined {
    const old = path.length === 0 ? this.parsed.value : get(this.parsed.value, path);
    if (old !== undefined && deepEqual(old, value)) return [];
    const node = step.node;
    if (node !== null && isMap(node) && isPlainObject(value) && node.items.length > 0 && Object.keys(value).length > 0) {
      return this.diffMap(path, step, node, value) ?? this.replaceNodeWith(step, value);
    }
    if (node !== null && isSeq(node) && Array.isArray(value) && node.items.length > 0 && value.length > 0) {
      return this.diffSeq(path, step, node, value) ?? this.replaceNodeWith(step, value);
    }
    return this.replaceNodeWith(step, value);
  }

  private diffMap(path: DataPath, step: Step, map: YAMLMap, value: Readonly<Record<string, unknown>>): TextEdit[] | undefined {
    const lists: (TextEdit[] | undefined)[] = [];
    const removed: number[] = [];
    const present = new Set<string>();
    for (const [index, pair] of map.items.entries()) {
      const name = keyName(pair);
      if (name === undefined) return undefined;
      present.add(name);
      if (!Object.hasOwn(value, name)) {
        removed.push(index);
        continue;
      }
      const child: Step = { node: (pair.value as Node | null) ?? null, pair, parent: map, flow: step.flow || map.flow === true };
      lists.push(this.replaceAt([...path, name], child, value[name]));
    }
    if (removed.length === map.items.length) return undefined;
    if (removed.length > 0) lists.push(this.removePairs(step, map, removed));
    const adding = Object.entries(value).filter(([name]) => !present.has(name));
    if (adding.length > 0) lists.push(this.addPairs(path, step, map, adding));
    return combine(lists);
  }

  private diffSeq(path: DataPath, step: Step, seq: YAMLSeq, value: readonly unknown[]): TextEdit[] | undefined {
    const old = get(this.parsed.value, path);
    if (!Array.isArray(old) || old.length !== seq.items.length) return undefined;
    let prefix = 0;
    while (prefix < old.length && prefix < value.length && deepEqual(old[prefix], value[prefix])) prefix++;
    let suffix = 0;
    while (
      suffix < old.length - prefix &&
      suffix < value.length - prefix &&
      deepEqual(old[old.length - 1 - suffix], value[value.length - 1 - suffix])
    ) {
      suffix++;
    }
    const oldMiddle = old.length - prefix - suffix;
    const newMiddle = value.length - prefix - suffix;
    const paired = Math.min(oldMiddle, newMiddle);
    const lists: (TextEdit[] | undefined)[] = [];
    for (let i = prefix; i < prefix + paired; i++) {
      const child: Step = { node: (seq.items[i] as Node | null) ?? null, parent: seq, flow: step.flow || seq.flow === true };
      lists.push(this.replaceAt([...path, i], child, value[i]));
    }
    if (oldMiddle > paired) {
      if (oldMiddle - paired === old.length) return undefined;
      lists.push(this.removeItems(step, seq, prefix + paired, prefix + oldMiddle));
    }
    if (newMiddle > paired) {
      // New items can only be added at the end, and not next to removed ones.
      if (suffix > 0 || oldMiddle > paired) return undefined;
      lists.push(this.appendTo(step, seq, value.slice(prefix + paired)));
    }
    return combine(lists);
  }

  /** Replaces the node of a step wholesale with a rendering of `value`. */
  private replaceNodeWith(step: Step, value: unknown): TextEdit[] | undefined {
    const { text } = this;
    const node = step.node;
    const inFlow = step.flow || step.parent?.flow === true;
    const collection = typeof value === 'object' && value !== null;
    if (inFlow) {
      if (node === null || isEmptyScalar(node)) {
        const at = step.pair ? this.colonEnd(step.pair) : undefined;
        return at === undefined ? undefined : [{ start: at, end: at, newText: ` ${flowText(value)}` }];
      }
      const range = valueRange(text, node);
      const newText = collection ? flowText(value) : scalarText(value, { flow: true, quote: quoteOf(node) });
      return [{ ...range, newText }];
    }
    if (step.pair !== undefined) {
      const pairKey = step.pair.key as Node | null;
      if (pairKey === null || !pairKey.range) return undefined;
      const keyColumn = column(text, pairKey.range[0]);
      const colon = this.colonEnd(step.pair);
      if (colon === undefined) return undefined;
      if (!collection && node !== null && !isEmptyScalar(node) && isScalar(node) && node.value !== null) {
        return [{ ...valueRange(text, node), newText: scalarText(value, { quote: quoteOf(node) }) }];
      }
      const rendered = afterKey(value, keyColumn, this.style);
      const multiLine = rendered.startsWith(this.style.eol);
      const end = node === null || isEmptyScalar(node) ? colon : valueEnd(text, node);
      const keyLineEnd = lineEnd(text, colon);
      if (end <= keyLineEnd) {
        // The old value ends on the key's line: replace it; a block rendering goes after any
        // comment of that line, which stays with the key.
        if (!multiLine) return [{ start: colon, end, newText: rendered }];
        const edits: TextEdit[] = [];
        if (end > colon) edits.push({ start: colon, end, newText: '' });
        edits.push({ start: keyLineEnd, end: keyLineEnd, newText: rendered });
        return edits;
      }
      // A value over several lines: replaced to the end of its last line (its trailing comment belongs to it).
      return [{ start: colon, end: lineEnd(text, end), newText: rendered }];
    }
    if (step.parent !== undefined && isSeq(step.parent) && node !== null) {
      const itemColumn = column(text, start(node));
      if (!collection) return [{ ...valueRange(text, node), newText: scalarText(value, { quote: quoteOf(node) }) }];
      const end = isMap(node) || isSeq(node) ? lineEnd(text, valueEnd(text, node)) : valueEnd(text, node);
      return [{ start: start(node), end, newText: itemText(value, itemColumn, this.style) }];
    }
    if (node !== null && isScalar(node) && !collection) {
      return [{ ...valueRange(text, node), newText: scalarText(value, { quote: quoteOf(node) }) }];
    }
    return undefined;
  }

  /** Just after the `:` of a pair (undefined for a complex or missing key). */
  private colonEnd(pair: Pair): number | undefined {
    const key = pair.key as Node | null;
    if (key === null || !key.range) return undefined;
    let i = valueEnd(this.text, key);
    while (i < this.text.length && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
    return this.text[i] === ':' ? i + 1 : undefined;
  }

  /** Where a pair ends: its value's end, or its key's when the value is empty. */
  private pairEnd(pair: Pair): number {
    const value = pair.value as Node | null;
    if (value !== null && !isEmptyScalar(value)) return valueEnd(this.text, value);
    const key = pair.key as Node | null;
    const colon = this.colonEnd(pair);
    return colon ?? (key !== null ? valueEnd(this.text, key) : 0);
  }

  private addPairs(
    path: DataPath,
    step: Step,
    map: YAMLMap,
    entries: readonly (readonly [string, unknown])[],
  ): TextEdit[] | undefined {
    const { text, style } = this;
    if (map.items.length === 0) return this.replaceNodeWith(step, Object.fromEntries(entries));
    if (map.flow === true || step.flow) {
      const last = map.items[map.items.length - 1];
      if (last === undefined) return undefined;
      const at = this.pairEnd(last);
      const added = entries.map(([k, v]) => `, ${scalarText(k, { flow: true })}: ${flowText(v)}`).join('');
      return [{ start: at, end: at, newText: added }];
    }
    const firstKey = map.items[0]?.key as Node | null | undefined;
    if (firstKey === null || firstKey === undefined || !firstKey.range) return undefined;
    const keyColumn = column(text, firstKey.range[0]);
    const pad = ' '.repeat(keyColumn);
    const spaced = map.items.slice(1).some((pair) => (pair.key as Node | null)?.spaceBefore === true);
    const blank = spaced ? style.eol : '';
    const declared = this.order?.(path) ?? [];
    const rank = (name: string | undefined): number => (name === undefined ? -1 : declared.indexOf(name));
    const edits: TextEdit[] = [];
    for (const [name, value] of entries) {
      const own = rank(name);
      const property = propertyText(name, value, keyColumn, style);
      let previous: Pair | undefined;
      let next: Pair | undefined;
      if (own >= 0) {
        for (const pair of map.items) {
          const r = rank(keyName(pair));
          if (r >= 0 && r < own) previous = pair;
          if (r > own && next === undefined) next = pair;
        }
      }
      if (previous === undefined && next !== undefined) {
        const nextKey = next.key as Node | null;
        if (nextKey === null || !nextKey.range) return undefined;
        const keyStart = nextKey.range[0];
        if (onlySpaceBefore(text, keyStart)) {
          const at = this.aboveLeadingComments(keyStart);
          edits.push({ start: at, end: at, newText: `${pad}${property}${style.eol}${blank}` });
        } else {
          edits.push({ start: keyStart, end: keyStart, newText: `${property}${style.eol}${pad}` });
        }
        continue;
      }
      const after = previous ?? map.items[map.items.length - 1];
      if (after === undefined) return undefined;
      edits.push(linesAfter(text, this.pairEnd(after), `${blank}${pad}${property}`, style.eol));
    }
    return edits;
  }

  /** The start of the comment lines directly above a key at the start of its line (the key's own comments). */
  private aboveLeadingComments(keyStart: number): number {
    const { text } = this;
    let at = lineStart(text, keyStart);
    while (at > 0) {
      const previousStart = lineStart(text, at - 1 - (text.charCodeAt(at - 1) === 10 && text.charCodeAt(at - 2) === 13 ? 1 : 0));
      const line = text.slice(previousStart, at).trim();
      if (!line.startsWith('#')) break;
      at = previousStart;
    }
    return at;
  }

  private removePairs(step: Step, map: YAMLMap, indices: readonly number[]): TextEdit[] | undefined {
    const { text } = this;
    if (indices.length === map.items.length) return this.replaceNodeWith(step, {});
    const flow = map.flow === true || step.flow;
    if (flow) {
      if (indices.length !== 1) return undefined;
      const index = indices[0] ?? 0;
      const pair = map.items[index];
      const pairKey = pair?.key as Node | null | undefined;
      if (pair === undefined || pairKey === null || pairKey === undefined || !pairKey.range) return undefined;
      const next = map.items[index + 1]?.key as Node | null | undefined;
      if (next?.range) return [{ start: pairKey.range[0], end: next.range[0], newText: '' }];
      const previous = map.items[index - 1];
      if (previous === undefined) return undefined;
      return [{ start: this.pairEnd(previous), end: this.pairEnd(pair), newText: '' }];
    }
    const edits: TextEdit[] = [];
    for (const index of indices) {
      const pair = map.items[index];
      const pairKey = pair?.key as Node | null | undefined;
      if (pair === undefined || pairKey === null || pairKey === undefined || !pairKey.range) return undefined;
      const keyStart = pairKey.range[0];
      if (onlySpaceBefore(text, keyStart)) {
        edits.push({ start: lineStart(text, keyStart), end: afterBreak(text, this.pairEnd(pair)), newText: '' });
      } else {
        // The first pair of a list item ("- p: 1"): the next pair moves up onto the dash line.
        const next = map.items[index + 1]?.key as Node | null | undefined;
        if (!next?.range || indices.includes(index + 1)) return undefined;
        edits.push({ start: keyStart, end: next.range[0], newText: '' });
      }
    }
    return edits;
  }

  private appendTo(step: Step, seq: YAMLSeq, values: readonly unknown[]): TextEdit[] | undefined {
    const { text, style } = this;
    const items = seq.items as (Node | null)[];
    const last = items[items.length - 1];
    if (items.length === 0 || last === null || last === undefined) {
      return this.replaceNodeWith(step, [...values]);
    }
    if (seq.flow === true || step.flow) {
      const at = valueEnd(text, last);
      return [{ start: at, end: at, newText: values.map((v) => `, ${flowText(v)}`).join('') }];
    }
    const first = items[0];
    const dash = first ? dashBefore(text, start(first)) : undefined;
    if (dash === undefined || !onlySpaceBefore(text, dash)) return undefined;
    const dashColumn = column(text, dash);
    const pad = ' '.repeat(dashColumn);
    const added = values.map((v) => `${pad}- ${itemText(v, dashColumn + 2, style)}`).join(style.eol);
    return [linesAfter(text, valueEnd(text, last), added, style.eol)];
  }

  /** Removes items `[from, to)` of a sequence. */
  private removeItems(step: Step, seq: YAMLSeq, from: number, to: number): TextEdit[] | undefined {
    const { text } = this;
    const items = seq.items as (Node | null)[];
    if (from === 0 && to === items.length) return this.replaceNodeWith(step, []);
    const firstRemoved = items[from];
    const lastRemoved = items[to - 1];
    if (firstRemoved === null || firstRemoved === undefined || lastRemoved === null || lastRemoved === undefined) return undefined;
    if (seq.flow === true || step.flow) {
      const next = items[to];
      if (next !== undefined && next !== null) return [{ start: start(firstRemoved), end: start(next), newText: '' }];
      const previous = items[from - 1];
      if (previous === undefined || previous === null) return undefined;
      return [{ start: valueEnd(text, previous), end: valueEnd(text, lastRemoved), newText: '' }];
    }
    const dash = dashBefore(text, start(firstRemoved));
    if (dash === undefined || !onlySpaceBefore(text, dash)) return undefined;
    return [{ start: lineStart(text, dash), end: afterBreak(text, valueEnd(text, lastRemoved)), newText: '' }];
  }
}

/** Sorted, merged edits; undefined when they overlap. */
export function finishEdits(edits: readonly TextEdit[] | undefined): TextEdit[] | undefined {
  if (edits === undefined) return undefined;
  const sorted = normalizeEdits(edits);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (a !== undefined && b !== undefined && b.start < a.end) return undefined;
  }
  return sorted;
}
