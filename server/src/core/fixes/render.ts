/**
 * Renders plain values as YAML text for the fixer, in the style of the format's reference sample:
 * scalars through yaml's `stringify` (plain where plain is valid, so Chinese stays unquoted; quoted
 * when plain would change the type or the structure), short lists of scalars as flow sequences
 * (`[杭州市, 宁波市]`), mappings and longer lists as block collections indented by the document's
 * indentation unit, and the document's line break. Owns value-to-text only; where text goes is
 * yaml-edit.ts's job.
 */
import { stringify } from 'yaml';

/** How the document is written: its line break and indentation. */
export interface RenderStyle {
  readonly eol: string;
  /** Spaces per nesting level of block mappings (2 in the reference sample). */
  readonly indentUnit: number;
  /** Spaces between a key and the `-` of its block sequence (the sample indents: 2; some write 0). */
  readonly seqIndent: number;
}

export const DEFAULT_STYLE: RenderStyle = { eol: '\n', indentUnit: 2, seqIndent: 2 };

/** The quoting of the scalar being replaced, kept when the new value is a string. */
export type QuoteStyle = 'plain' | 'double' | 'single';

/** A flow list of scalars wider than this (in columns) is written as a block sequence. */
const MAX_FLOW_LIST = 60;

export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCollection(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

/**
 * A scalar as YAML text. `flow`: the text goes inside a flow collection, where `,[]{}` end a plain
 * scalar. `quote`: the style of the scalar being replaced; a string keeps double or single quotes.
 */
export function scalarText(value: unknown, options: { flow?: boolean; quote?: QuoteStyle } = {}): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value !== 'string') {
    return stringify(value, { lineWidth: 0 }).replace(/\r?\n$/, '');
  }
  if (options.quote === 'double') return JSON.stringify(value);
  if (options.quote === 'single' && !/[\r\n]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  const text = stringify(value, { lineWidth: 0, blockQuote: false }).replace(/\r?\n$/, '');
  if (/[\r\n]/.test(text)) return JSON.stringify(value);
  const plain = !text.startsWith('"') && !text.startsWith("'");
  if (plain && options.flow === true && /[,[\]{}]/.test(text)) return JSON.stringify(value);
  return text;
}

/** A value as one line of flow YAML: `[a, b]`, `{ k: v }`, or a scalar. */
export function flowText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => flowText(item)).join(', ')}]`;
  if (isPlainObject(value)) {
    const pairs = Object.entries(value).map(([k, v]) => `${scalarText(k, { flow: true })}: ${flowText(v)}`);
    return pairs.length === 0 ? '{}' : `{ ${pairs.join(', ')} }`;
  }
  return scalarText(value, { flow: true });
}

/** The display width of a text: wide (CJK, full-width) characters count two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

/** True for a list short enough, and simple enough, to be written `[a, b]` as the sample does. */
function inlineList(value: readonly unknown[]): boolean {
  return value.every((item) => !isCollection(item)) && displayWidth(flowText(value)) <= MAX_FLOW_LIST;
}

/**
 * The text that follows `key:` for `value`, when the key stands at column `keyColumn` of a block
 * mapping: ` scalar`, ` [a, b]`, ` {}`, or a line break and the block lines of a mapping or list.
 */
export function afterKey(value: unknown, keyColumn: number, style: RenderStyle): string {
  if (Array.isArray(value)) {
    if (value.length === 0 || inlineList(value)) return ` ${flowText(value)}`;
    return style.eol + blockSeqLines(value, keyColumn + style.seqIndent, style).join(style.eol);
  }
  if (isPlainObject(value)) {
    if (Object.keys(value).length === 0) return ' {}';
    return style.eol + blockMapLines(value, keyColumn + style.indentUnit, style).join(style.eol);
  }
  return ` ${scalarText(value)}`;
}

/** `key: value` lines of a block mapping at `column` (the first line indented too). */
export function blockMapLines(value: Readonly<Record<string, unknown>>, column: number, style: RenderStyle): string[] {
  const pad = ' '.repeat(column);
  return Object.entries(value).map(([key, item]) => `${pad}${propertyText(key, item, column, style)}`);
}

/** `key: value` (possibly several lines) for a key at `column`, without the leading indentation. */
export function propertyText(key: string, value: unknown, column: number, style: RenderStyle): string {
  return `${scalarText(key)}:${afterKey(value, column, style)}`;
}

/** `- item` lines of a block sequence whose dashes stand at `column`. */
export function blockSeqLines(value: readonly unknown[], column: number, style: RenderStyle): string[] {
  const pad = ' '.repeat(column);
  return value.map((item) => `${pad}- ${itemText(item, column + 2, style)}`);
}

/**
 * A sequence item's text after `- `, for an item whose content starts at `column`: a mapping puts
 * its first pair on the dash line and the others below it; a scalar or a list is one line.
 */
export function itemText(value: unknown, column: number, style: RenderStyle): string {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    const lines = blockMapLines(value, column, style);
    const first = lines[0] ?? '';
    return [first.slice(column), ...lines.slice(1)].join(style.eol);
  }
  if (Array.isArray(value) || isPlainObject(value)) return flowText(value);
  return scalarText(value);
}
