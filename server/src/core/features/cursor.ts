/**
 * Where the cursor is, for completion, in a text that is being typed and may not parse: typing a key,
 * a value after `key:`, an item after `- `, or an item or key inside a flow collection (`[浙江省, |]`,
 * `{ name: …, | }`) on the cursor's line. The data path comes from the text's indentation (lines.ts),
 * which keeps working when the YAML is broken (`  prov`, `province:` with nothing after it, a lone
 * `-`). Also gives the range the completion replaces and whether a space must be inserted first. Owns
 * no schema knowledge: a `slot` (a key or a scalar item may go there) is resolved by the caller.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { OffsetRange } from '../types';
import {
  containerPath,
  indentUnit,
  lineIndexAt,
  linesOf,
  parseLine,
  siblingKeys,
  type LineInfo,
  type Segment,
} from './lines';

/** Typing a value: after `key:` or as a flow-sequence item. */
export interface ValuePosition {
  readonly kind: 'value';
  /** The data path of the value being typed. */
  readonly path: Segment[];
  /** What is typed so far (without an opening quote). */
  readonly prefix: string;
  /** What a completion replaces (on the cursor's line; the typed value, without quotes). */
  readonly range: OffsetRange;
  /** An opening quote was typed: insert the bare text. */
  readonly quoted: boolean;
  /** The cursor sits right after `:` or `-`: insert a space first. */
  readonly needsSpace: boolean;
  /** Inside a flow collection (`[…]`, `{…}`): no block snippets. */
  readonly flow: boolean;
}

/** Typing at the start of a mapping entry or a sequence item: a key, or a scalar item. */
export interface SlotPosition {
  readonly kind: 'slot';
  /** The data path of the container: a mapping, or the item after `- ` (ends with its index). */
  readonly path: Segment[];
  readonly prefix: string;
  readonly range: OffsetRange;
  /** Keys already present in the mapping at `path`. */
  readonly existing: ReadonlySet<string>;
  /** The column where the key starts (for block snippets' indentation). */
  readonly keyCol: number;
  /** The indentation step of the text. */
  readonly unit: number;
  /** A `:` already follows the typed key: insert the key only. */
  readonly colonFollows: boolean;
  readonly needsSpace: boolean;
  /** A `- ` precedes the slot on its line (the item's first key or a scalar item). */
  readonly afterDash: boolean;
  readonly flow: boolean;
}

export type CursorPosition = ValuePosition | SlotPosition;

/**
 * The completion position at `offset`, or undefined where nothing can be completed (comments, block
 * scalars…). With the YAML AST, a flow collection that started on an earlier line (`[浙江省,` then
 * `江苏省, |]`) is found from the tree; everything else comes from the text of the line and the
 * indentation above it, which works whether or not the line being typed parses.
 */
export function cursorPosition(
  text: string,
  offset: number,
  yaml?: Document.Parsed,
): CursorPosition | undefined {
  const lines = linesOf(text);
  const li = lineIndexAt(lines, offset);
  const line = lines[li];
  if (line === undefined) return undefined;
  const col = Math.max(0, Math.min(offset - line.start, line.text.length));
  const before = line.text.slice(0, col);
  const after = line.text.slice(col);
  if (commentStart(before) >= 0) return undefined;
  if (yaml !== undefined) {
    const flow = flowCollectionAt(yaml, offset);
    if (flow !== undefined && flow.start < line.start) return multiLineFlow(text, lines, flow, offset, after);
  }
  const head = parseLine(before);
  if (head.comment) return undefined;
  const key = head.entries.find((e) => e.kind === 'key');

  if (key !== undefined && key.colonEnd !== undefined && key.valueCol !== undefined) {
    const container = containerPath(
      lines,
      li,
      key.col,
      head.entries.filter((e) => e.col < key.col),
    );
    const path = [...container, key.key ?? ''];
    const needsSpace = key.colonEnd === col;
    return valueOrFlow(line, lines, path, key.valueCol, col, after, needsSpace, offset);
  }

  const dashes = head.entries.filter((e) => e.kind === 'dash');
  const lastDash = dashes[dashes.length - 1];
  const afterDash = lastDash !== undefined;
  const needsSpace = afterDash && lastDash.col === col - 1 && before.endsWith('-');
  const contentCol = needsSpace ? col : head.contentCol;
  const rest = before.slice(contentCol);
  const path = containerPath(lines, li, contentCol, dashes);
  if (rest.startsWith('[') || rest.startsWith('{') || rest.startsWith('"') || rest.startsWith("'")) {
    // A flow collection or a quoted scalar as a sequence item.
    return valueOrFlow(line, lines, path, contentCol, col, after, false, offset);
  }
  if (/[\s:]/.test(rest) || /^[|>&*!%@`]/.test(rest)) return undefined;
  const tokenEnd = col + (/^[^\s:#]*/.exec(after)?.[0].length ?? 0);
  const colonFollows = /^[^\s:#]*[ \t]*:(?:[ \t]|$)/.test(after);
  return {
    kind: 'slot',
    path,
    prefix: rest,
    range: { start: line.start + contentCol, end: line.start + tokenEnd },
    existing: siblingKeys(lines, li, contentCol, afterDash),
    keyCol: contentCol,
    unit: indentUnit(lines),
    colonFollows,
    needsSpace,
    afterDash,
    flow: false,
  };
}

/** The outermost flow collection (from the AST) whose brackets enclose `offset`, with its data path. */
function flowCollectionAt(
  yaml: Document.Parsed,
  offset: number,
): { path: Segment[]; start: number } | undefined {
  let node = (yaml.contents as Node | null) ?? null;
  const path: Segment[] = [];
  for (let depth = 0; node !== null && depth < 256; depth++) {
    const range = node.range;
    if (range === undefined || range === null || offset <= range[0] || offset > range[1]) return undefined;
    if ((isMap(node) || isSeq(node)) && node.flow) return { path, start: range[0] };
    let next: Node | null = null;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const value = (pair.value as Node | null) ?? null;
        const valueRange = value?.range;
        if (
          key === null ||
          !isScalar(key) ||
          value === null ||
          valueRange === undefined ||
          valueRange === null
        )
          continue;
        if (offset > valueRange[0] && offset <= valueRange[1]) {
          path.push(String(key.value));
          next = value;
          break;
        }
      }
    } else if (isSeq(node)) {
      (node.items as (Node | null)[]).forEach((item, index) => {
        const itemRange = item?.range;
        if (
          next === null &&
          item != null &&
          itemRange != null &&
          offset > itemRange[0] &&
          offset <= itemRange[1]
        ) {
          path.push(index);
          next = item;
        }
      });
    }
    node = next;
  }
  return undefined;
}

/** The position inside a flow collection that spans lines, scanned from its opening bracket. */
function multiLineFlow(
  text: string,
  lines: readonly LineInfo[],
  flow: { path: Segment[]; start: number },
  offset: number,
  after: string,
): CursorPosition | undefined {
  const scan = scanFlow(text.slice(flow.start, offset));
  if (scan === undefined) return undefined;
  const start = flow.start + scan.tokenStart;
  if (text.slice(start, offset).includes('\n')) return undefined;
  const range = { start, end: offset + flowTokenLength(after, scan.quoted) };
  const prefix = text.slice(start, offset);
  const path = [...flow.path, ...scan.segments];
  if (scan.position === 'key') {
    const li = lineIndexAt(lines, start);
    return {
      kind: 'slot',
      path,
      prefix,
      range,
      existing: new Set(scan.keys),
      keyCol: start - (lines[li]?.start ?? 0),
      unit: indentUnit(lines),
      colonFollows: /^[^\s:,\]}]*[ \t]*:/.test(after),
      needsSpace: false,
      afterDash: false,
      flow: true,
    };
  }
  return { kind: 'value', path, prefix, range, quoted: scan.quoted, needsSpace: false, flow: true };
}

/** A value starting at column `valueCol`: plain, quoted, or a flow collection. */
function valueOrFlow(
  line: LineInfo,
  lines: readonly LineInfo[],
  path: Segment[],
  valueCol: number,
  col: number,
  after: string,
  needsSpace: boolean,
  offset: number,
): CursorPosition | undefined {
  const typed = line.text.slice(valueCol, Math.max(valueCol, col));
  const first = typed[0];
  if (first === '[' || first === '{') {
    const flow = scanFlow(typed);
    if (flow === undefined) return undefined;
    const start = valueCol + flow.tokenStart;
    const prefix = line.text.slice(start, col);
    const end = col + flowTokenLength(after, flow.quoted);
    const range = { start: line.start + start, end: line.start + end };
    if (flow.position === 'key') {
      return {
        kind: 'slot',
        path: [...path, ...flow.segments],
        prefix,
        range,
        existing: new Set(flow.keys),
        keyCol: start,
        unit: indentUnit(lines),
        colonFollows: /^[^\s:,\]}]*[ \t]*:/.test(after),
        needsSpace: false,
        afterDash: false,
        flow: true,
      };
    }
    return {
      kind: 'value',
      path: [...path, ...flow.segments],
      prefix,
      range,
      quoted: flow.quoted,
      needsSpace: false,
      flow: true,
    };
  }
  if (first !== undefined && '|>&*!%@`'.includes(first)) return undefined;
  if (first === '"' || first === "'") {
    if (closingQuote(typed, 0) >= 0) return undefined;
    const start = valueCol + 1;
    const closeAfter = after.indexOf(first);
    const end = col + (closeAfter >= 0 ? closeAfter : trimmedLength(after));
    return {
      kind: 'value',
      path,
      prefix: line.text.slice(start, col),
      range: { start: line.start + start, end: line.start + end },
      quoted: true,
      needsSpace: false,
      flow: false,
    };
  }
  const start = needsSpace ? col : valueCol;
  const end = col + trimmedLength(after);
  return {
    kind: 'value',
    path,
    prefix: line.text.slice(start, col),
    range: { start: line.start + start, end: Math.max(offset, line.start + end) },
    quoted: false,
    needsSpace,
    flow: false,
  };
}

/** Length of the rest of a plain value after the cursor: up to a comment, without trailing blanks. */
function trimmedLength(after: string): number {
  const comment = after.search(/\s#/);
  const body = comment >= 0 ? after.slice(0, comment) : after;
  return body.trimEnd().length;
}

/** Length of the rest of a flow item after the cursor: up to `,`, `]`, `}` or a quote. */
function flowTokenLength(after: string, quoted: boolean): number {
  const stop = quoted ? after.search(/["']/) : after.search(/[,\]}]|\s#/);
  const body = stop >= 0 ? after.slice(0, stop) : after;
  return quoted ? body.length : body.trimEnd().length;
}

/** Where a comment starts in a line prefix (outside quotes), or -1. */
export function commentStart(text: string): number {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:-]/.test(text[i - 1] ?? ''))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) return i;
  }
  return -1;
}

/** Index of the quote closing the quoted scalar that opens at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') {
      i++;
      continue;
    }
    if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

interface FlowFrame {
  readonly kind: 'seq' | 'map';
  index: number;
  key: string | undefined;
  afterColon: boolean;
  readonly keys: string[];
}

/** Where the end of a flow-collection prefix leaves the cursor. */
export interface FlowScan {
  /** Item indices and keys from the outermost collection inwards. */
  readonly segments: Segment[];
  /** A key of a flow mapping, or a value. */
  readonly position: 'key' | 'value';
  /** Index in the scanned text where the current token starts (after blanks and an opening quote). */
  readonly tokenStart: number;
  readonly quoted: boolean;
  /** Keys already written in the innermost flow mapping. */
  readonly keys: string[];
}

/**
 * Scans the text of a flow collection from its opening bracket up to the cursor. Undefined when the
 * collection is closed before the cursor or the cursor is in a comment.
 */
export function scanFlow(text: string): FlowScan | undefined {
  const stack: FlowFrame[] = [];
  let tokenStart = 0;
  let i = 0;
  const atTokenStart = (at: number): boolean => text.slice(tokenStart, at).trim() === '';
  while (i < text.length) {
    const c = text[i] ?? '';
    const top = stack[stack.length - 1];
    if ((c === '"' || c === "'") && stack.length > 0 && atTokenStart(i)) {
      const close = closingQuote(text, i);
      if (close < 0) return finish(stack, i + 1, true);
      i = close + 1;
      continue;
    }
    if ((c === '[' || c === '{') && atTokenStart(i)) {
      stack.push({ kind: c === '[' ? 'seq' : 'map', index: 0, key: undefined, afterColon: false, keys: [] });
      tokenStart = i + 1;
    } else if (c === ']' || c === '}') {
      stack.pop();
      if (stack.length === 0) return undefined;
      tokenStart = i + 1;
    } else if (c === ',' && top !== undefined) {
      if (top.kind === 'seq') top.index++;
      else {
        top.key = undefined;
        top.afterColon = false;
      }
      tokenStart = i + 1;
    } else if (
      c === ':' &&
      top?.kind === 'map' &&
      !top.afterColon &&
      /^(?:[\s,\]}]|$)/.test(text.slice(i + 1, i + 2))
    ) {
      const key = unquote(text.slice(tokenStart, i).trim());
      top.key = key;
      top.afterColon = true;
      top.keys.push(key);
      tokenStart = i + 1;
    } else if (c === '#' && i > 0 && /\s/.test(text[i - 1] ?? '')) {
      return undefined;
    }
    i++;
  }
  return finish(stack, tokenStart, false);

  function finish(frames: FlowFrame[], start: number, quoted: boolean): FlowScan | undefined {
    if (frames.length === 0) return undefined;
    let s = start;
    if (!quoted) while (s < text.length && /\s/.test(text[s] ?? '')) s++;
    const segments: Segment[] = [];
    frames.forEach((frame) => {
      if (frame.kind === 'seq') segments.push(frame.index);
      else if (frame.afterColon && frame.key !== undefined) segments.push(frame.key);
    });
    const innermost = frames[frames.length - 1];
    const position = innermost?.kind === 'map' && !innermost.afterColon ? 'key' : 'value';
    return { segments, position, tokenStart: s, quoted, keys: innermost?.keys ?? [] };
  }
}

function unquote(text: string): string {
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0])
    return text.slice(1, -1);
  return text;
}
