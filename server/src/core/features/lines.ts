/**
 * A line-by-line view of block YAML for editor features that must work while the text is being typed
 * and may not parse: each line's indentation, its `- ` sequence entries and its `key:` entry with their
 * columns, and the indentation logic that recovers the data path of a column on a line (the keys and
 * item indices that enclose it) and the keys already present in a mapping. It reads only the text, so a
 * broken line elsewhere does not matter. Flow collections and block scalars are not interpreted here
 * (completion handles flow text on the cursor's line itself; multi-line flow collections are out of
 * scope). Owns no schema knowledge.
 */

/** One structural entry on a line: a `- ` sequence indicator or a `key:` of a block mapping. */
export interface LineEntry {
  /** Zero-based column (UTF-16) where the entry starts. */
  readonly col: number;
  readonly kind: 'dash' | 'key';
  /** The key (quotes removed) for a key entry. */
  readonly key?: string;
  /** For a key: the column just after the colon. */
  readonly colonEnd?: number;
  /** For a key: the column where the value starts (after the colon and blanks); the line length if none. */
  readonly valueCol?: number;
}

/** One line of the text. */
export interface LineInfo {
  /** Offset of the line's first character in the text. */
  readonly start: number;
  /** The line without its line break. */
  readonly text: string;
  /** Leading spaces. */
  readonly indent: number;
  /** Nothing but blanks. */
  readonly blank: boolean;
  /** Only a comment after the indentation. */
  readonly comment: boolean;
  /** `- ` indicators, then at most one key, left to right. */
  readonly entries: readonly LineEntry[];
  /** The column of the first content after the entries' indicators (the key, a scalar, or the line end). */
  readonly contentCol: number;
}

/** A step of a path as recovered from the text: a key, or an item index. */
export type Segment = string | number;

const KEY_PATTERN =
  /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"[\]{},&*!|>%@`][^:#]*?))[ \t]*:(?=[ \t]|$)/u;

/** Parses one line (without its line break) into its structural entries. */
export function parseLine(text: string, start = 0): LineInfo {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  const indent = i;
  const entries: LineEntry[] = [];
  if (i >= text.length || /^\s*$/.test(text.slice(i))) {
    return { start, text, indent, blank: true, comment: false, entries, contentCol: text.length };
  }
  if (text[i] === '#') return { start, text, indent, blank: false, comment: true, entries, contentCol: i };
  while (text[i] === '-' && (i + 1 === text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) {
    entries.push({ col: i, kind: 'dash' });
    i++;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  }
  const contentCol = i;
  const match = KEY_PATTERN.exec(text.slice(i));
  if (match) {
    const key =
      match[1] !== undefined
        ? match[1].replace(/\\(.)/g, '$1')
        : match[2] !== undefined
          ? match[2].replace(/''/g, "'")
          : (match[3] ?? '').trimEnd();
    const colonEnd = i + match[0].length;
    let valueCol = colonEnd;
    while (valueCol < text.length && (text[valueCol] === ' ' || text[valueCol] === '\t')) valueCol++;
    entries.push({ col: i, kind: 'key', key, colonEnd, valueCol });
  }
  return { start, text, indent, blank: false, comment: false, entries, contentCol };
}

/** Splits a text into parsed lines (LF, CRLF and lone CR). */
export function parseLines(text: string): LineInfo[] {
  const lines: LineInfo[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    if (code === 10 || code === 13 || code === -1) {
      lines.push(parseLine(text.slice(start, i), start));
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

let cache: { text: string; lines: LineInfo[] } | undefined;

/** {@link parseLines} with a one-entry cache: features asked about the same text share the work. */
export function linesOf(text: string): readonly LineInfo[] {
  if (cache?.text !== text) cache = { text, lines: parseLines(text) };
  return cache.lines;
}

/** The line index holding `offset`. */
export function lineIndexAt(lines: readonly LineInfo[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lines[mid]?.start ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function skippable(line: LineInfo): boolean {
  return line.blank || line.comment;
}

/** The column of the first structural thing on a line (its first entry, or its content). */
function firstCol(line: LineInfo): number {
  return line.entries[0]?.col ?? line.indent;
}

/** True for `key:` with nothing (or only a comment) after the colon: a block value follows. */
function opensBlock(line: LineInfo, entry: LineEntry): boolean {
  if (entry.kind !== 'key') return false;
  const rest = line.text.slice(entry.valueCol ?? line.text.length);
  return rest === '' || rest.startsWith('#');
}

/**
 * The data path of the container that holds whatever starts at column `col` of line `lineIndex`:
 * the keys and item indices enclosing it, recovered from indentation. `sameLine` are the entries of
 * that line left of `col` (e.g. the `- ` before a key being typed). A sequence written at the same
 * indentation as its key (`schedule:` / `- province: …`) is understood.
 */
export function containerPath(
  lines: readonly LineInfo[],
  lineIndex: number,
  col: number,
  sameLine: readonly LineEntry[] = [],
): Segment[] {
  const out: Segment[] = [];
  let target = col;
  let li = lineIndex;
  let left = sameLine.filter((e) => e.col < target);
  // Whether the thing at `target` is a sequence item (then a key at the same column may own it).
  let targetIsDash = false;
  for (let guard = 0; guard < 1000; guard++) {
    let enclosing: LineEntry | undefined = left[left.length - 1];
    if (enclosing === undefined) {
      for (li = li - 1; li >= 0; li--) {
        const line = lines[li];
        if (line === undefined || skippable(line)) continue;
        if (firstCol(line) > target) continue;
        const before = line.entries.filter((e) => e.col < target);
        if (before.length > 0) {
          enclosing = before[before.length - 1];
          left = before.slice(0, -1);
          break;
        }
        const first = line.entries[0];
        if (targetIsDash && first?.kind === 'key' && first.col === target && opensBlock(line, first)) {
          enclosing = first;
          left = [];
          break;
        }
        // A sibling at the same column, or content that is not structural: keep looking up.
      }
      if (enclosing === undefined) return reverse(out);
    } else {
      left = left.slice(0, -1);
    }
    if (enclosing.kind === 'key') {
      out.push(enclosing.key ?? '');
      targetIsDash = false;
    } else {
      out.push(itemIndex(lines, li, enclosing.col, left.length > 0));
      targetIsDash = true;
    }
    target = enclosing.col;
  }
  return reverse(out);
}

function reverse(segments: Segment[]): Segment[] {
  return segments.reverse();
}

/**
 * The index of the item whose `- ` is at column `col` of line `lineIndex`: the number of earlier `- `
 * at that column in the same sequence. `firstOnLine` is true when something encloses the dash on its
 * own line (then the sequence starts there).
 */
function itemIndex(lines: readonly LineInfo[], lineIndex: number, col: number, firstOnLine: boolean): number {
  if (firstOnLine) return 0;
  let count = 0;
  for (let li = lineIndex - 1; li >= 0; li--) {
    const line = lines[li];
    if (line === undefined || skippable(line)) continue;
    if (firstCol(line) > col) continue;
    const dash = line.entries.find((e) => e.col === col && e.kind === 'dash');
    if (dash === undefined) break;
    count++;
    if (line.entries.some((e) => e.col < col)) break;
  }
  return count;
}

/**
 * The keys of the block mapping whose keys stand at column `col`, around line `lineIndex` (that line
 * itself excluded): upwards until the mapping's start, downwards until its end. `startsHere` is true
 * when the mapping starts on that line (after a `- `), so nothing above belongs to it.
 */
export function siblingKeys(
  lines: readonly LineInfo[],
  lineIndex: number,
  col: number,
  startsHere = false,
): Set<string> {
  const keys = new Set<string>();
  for (let li = startsHere ? -1 : lineIndex - 1; li >= 0; li--) {
    const line = lines[li];
    if (line === undefined || skippable(line)) continue;
    if (firstCol(line) > col) continue;
    const entry = line.entries.find((e) => e.col === col);
    if (entry?.kind !== 'key') break;
    keys.add(entry.key ?? '');
    if (line.entries.some((e) => e.col < col)) break;
  }
  for (let li = lineIndex + 1; li < lines.length; li++) {
    const line = lines[li];
    if (line === undefined || skippable(line)) continue;
    if (firstCol(line) > col) continue;
    const first = line.entries[0];
    if (first?.kind !== 'key' || first.col !== col) break;
    keys.add(first.key ?? '');
  }
  return keys;
}

/** The indentation step the text uses (the smallest positive indentation of a line), 2 by default. */
export function indentUnit(lines: readonly LineInfo[]): number {
  let unit = 0;
  for (const line of lines) {
    if (skippable(line) || line.indent === 0) continue;
    if (unit === 0 || line.indent < unit) unit = line.indent;
    if (unit === 2) break;
  }
  return unit > 0 && unit <= 8 ? unit : 2;
}
