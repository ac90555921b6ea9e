/**
 * Completion for application files: the keys the schema allows at the cursor (those not yet present;
 * objects and lists inserted as snippets with their required children, indented to fit), and the
 * values a field takes — enum values with their documentation, the 31 provinces, the cities of the
 * entry's province with their GB/T 2260 codes, carriers, the businesses of the licence, the 95
 * segments, dates (today, the application date), the site and link ids of the technical plan, and the
 * seats Erlang C asks for. Items are filtered by what is typed and ordered by what fits the rest of
 * the document. Works on text that does not parse (cursor.ts). Transport-free: the handler converts
 * the items to LSP. This module is the engine (positions, keys, filtering, ranking, insertion text);
 * the values come from the providers beside their data, through value-providers.ts.
 */
import type { Document } from 'yaml';
import type { DataPath, Locale, OffsetRange } from '../types';
import { cursorPosition, type SlotPosition, type ValuePosition } from './cursor';
import { fieldMarkdown, t, type LinkResolver } from './field-docs';
import { pathPattern } from './rule-paths';
import { fieldInfo, pick, type FieldInfo } from './schema-info';
import type { CompletionContext as Context, CompletionItemKind, ValueCandidate } from './value-provider';
import { hasPatternProvider, valueCandidates } from './value-providers';

export type { CompletionItemKind } from './value-provider';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionItemKind;
  /** Shown next to the label (e.g. the field's title, a city's province). */
  readonly description?: string;
  /** One line of detail (codes, lengths, fees). */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText: string;
  /** `insertText` is a snippet (`$1`, `${1|a,b|}`), with absolute indentation on continuation lines. */
  readonly snippet: boolean;
  /** The text the item replaces. */
  readonly range: OffsetRange;
  readonly sortText: string;
  readonly filterText: string;
  /** Open the completion list again after inserting (a key whose values can be completed). */
  readonly retrigger: boolean;
}

export interface CompletionResult {
  readonly items: readonly CompletionItem[];
  /** True when the list was filtered by a typed prefix: ask again as typing goes on. */
  readonly isIncomplete: boolean;
}

/** What completion reads of a document: the text, its data as parsed (possibly partial) and its AST. */
export interface CompletionDocument {
  readonly text: string;
  readonly value: unknown;
  /** The YAML AST, for flow collections that span lines; the text alone does the rest. */
  readonly yaml?: Document.Parsed;
}

export interface CompletionOptions {
  readonly locale?: Locale;
  /** Today as YYYY-MM-DD (the core has no clock). */
  readonly today?: string;
  /** The character that triggered the request, if any. */
  readonly triggerCharacter?: string;
  readonly linkFor?: LinkResolver;
}

const EMPTY: CompletionResult = { items: [], isIncomplete: false };

/** The completion items at `offset`. Never throws on odd text; returns an empty list where nothing fits. */
export function completionsAt(
  doc: CompletionDocument,
  offset: number,
  options: CompletionOptions = {},
): CompletionResult {
  const position = cursorPosition(doc.text, offset, doc.yaml);
  if (position === undefined || !triggerFits(position, options.triggerCharacter)) return EMPTY;
  const context: Context = {
    data: doc.value,
    locale: options.locale ?? 'zh-cn',
    ...(options.today !== undefined ? { today: options.today } : {}),
    ...(options.linkFor !== undefined ? { linkFor: options.linkFor } : {}),
  };
  if (position.kind === 'slot') {
    const info = fieldInfo(position.path);
    if (info.isObject) return finish(keyItems(position, info, context), position.prefix);
    if (!info.isArray && info.known && (position.afterDash || position.flow))
      return finish(valueItems(position.path, info, position, context), position.prefix);
    return EMPTY;
  }
  const info = fieldInfo(position.path);
  if (!info.known || info.isObject || info.isArray) return EMPTY;
  return finish(valueItems(position.path, info, position, context), position.prefix);
}

/**
 * A space triggers completion only right after `key: `, `- ` or a flow separator, so indenting a line
 * or typing free text does not pop a list; `-` only when it starts an item.
 */
function triggerFits(position: ValuePosition | SlotPosition, trigger: string | undefined): boolean {
  if (trigger === ' ') {
    if (position.prefix !== '') return false;
    return position.kind === 'value' || position.afterDash || position.flow;
  }
  if (trigger === '-') return position.kind === 'slot' && position.afterDash && position.prefix === '';
  return true;
}

/** A candidate placed: what the provider gave and the text it replaces. */
interface Candidate extends ValueCandidate {
  readonly range: OffsetRange;
}

function finish(candidates: readonly Candidate[], prefix: string): CompletionResult {
  const wanted = normalize(prefix);
  const items: CompletionItem[] = [];
  candidates.forEach((c, index) => {
    const filterText = c.filterText ?? c.label;
    if (wanted !== '' && !isSubsequence(wanted, normalize(filterText))) return;
    items.push({
      label: c.label,
      kind: c.kind,
      ...(c.description !== undefined ? { description: c.description } : {}),
      ...(c.detail !== undefined ? { detail: c.detail } : {}),
      ...(c.documentation !== undefined ? { documentation: c.documentation } : {}),
      insertText: c.insertText ?? c.label,
      snippet: c.snippet ?? false,
      range: c.range,
      sortText: `${String(c.bucket).padStart(2, '0')}${String(index).padStart(4, '0')}`,
      filterText,
      retrigger: c.retrigger ?? false,
    });
  });
  items.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
  return { items, isIncomplete: wanted !== '' };
}

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (const ch of haystack) if (ch === needle[i]) i++;
  return i >= needle.length;
}

// ---- keys ----

function keyItems(position: SlotPosition, info: FieldInfo, context: Context): Candidate[] {
  const { locale } = context;
  const out: Candidate[] = [];
  const col = position.keyCol + (position.needsSpace ? 1 : 0);
  const lead = position.needsSpace ? ' ' : '';
  const isItem = typeof position.path[position.path.length - 1] === 'number';

  // A whole list item with its required keys, right after `- `.
  if (
    isItem &&
    position.afterDash &&
    position.existing.size === 0 &&
    info.required.length > 1 &&
    !position.colonFollows
  ) {
    const counter = { n: 1 };
    const lines = info.required.map((name, i) => {
      const text = keySnippet(name, [...position.path, name], col, position.unit, counter, 1);
      return i === 0 ? text : `${spaces(col)}${text}`;
    });
    const title = pick(info.title, locale) ?? t(locale, '列表项', 'Item');
    out.push({
      label: `${title}: ${info.required.join(', ')}`,
      kind: 'snippet',
      bucket: 0,
      description: t(locale, '全部必填项', 'all required keys'),
      documentation: fieldMarkdown(position.path, locale, { heading: true, rules: false }).join('\n\n'),
      insertText: lead + lines.join('\n'),
      snippet: true,
      range: position.range,
      filterText: info.required[0] ?? '',
    });
  }

  info.properties.forEach((name) => {
    if (position.existing.has(name)) return;
    const childPath = [...position.path, name];
    const child = fieldInfo(childPath);
    const required = info.required.includes(name);
    const title = pick(child.title, locale);
    const description =
      title === undefined ? undefined : required ? `${title}${t(locale, '（必填）', ' (required)')}` : title;
    let insertText: string;
    let snippet = false;
    let retrigger = false;
    if (position.colonFollows) {
      insertText = name;
    } else if (position.flow) {
      insertText = `${name}: `;
      retrigger = hasValueCompletions(childPath, child);
    } else if (child.isObject || child.isArray) {
      insertText = keySnippet(name, childPath, col, position.unit, { n: 1 }, 0);
      snippet = true;
      retrigger =
        child.isArray &&
        insertText.endsWith('[$1]') &&
        hasValueCompletions([...childPath, 0], fieldInfo([...childPath, 0]));
    } else if (child.enumValues.length === 1 && typeof child.enumValues[0] === 'string') {
      insertText = `${name}: ${child.enumValues[0]}`;
    } else {
      insertText = `${name}: `;
      retrigger = hasValueCompletions(childPath, child);
    }
    out.push({
      label: name,
      kind: position.path.length === 0 ? 'section' : 'property',
      bucket: required ? 1 : 2,
      ...(description !== undefined ? { description } : {}),
      ...(child.title['zh-cn'] !== undefined || child.title.en !== undefined
        ? { detail: [child.title['zh-cn'], child.title.en].filter((s) => s !== undefined).join(' · ') }
        : {}),
      documentation: fieldMarkdown(childPath, locale, {
        heading: false,
        ...(context.linkFor !== undefined ? { linkFor: context.linkFor } : {}),
      }).join('\n\n'),
      insertText: lead + insertText,
      snippet,
      range: position.range,
      filterText: `${name} ${child.title['zh-cn'] ?? ''}`.trim(),
      retrigger,
    });
  });
  return out;
}

/**
 * `name:` and what the field needs under it, as a snippet whose continuation lines carry absolute
 * indentation (`col` is the key's column): required children of objects (recursively, a few levels),
 * a first list item with its required keys, `[ ]` for short scalar lists, and tab stops or choices
 * for scalars.
 */
function keySnippet(
  name: string,
  path: DataPath,
  col: number,
  unit: number,
  counter: { n: number },
  depth: number,
): string {
  const info = fieldInfo(path);
  const inner = col + unit;
  if (info.isObject) {
    const required = depth < 4 ? info.required : [];
    if (required.length === 0) return `${name}:\n${spaces(inner)}$${counter.n++}`;
    const lines = required.map(
      (r) => `${spaces(inner)}${keySnippet(r, [...path, r], inner, unit, counter, depth + 1)}`,
    );
    return `${name}:\n${lines.join('\n')}`;
  }
  if (info.isArray) {
    const itemPath = [...path, 0];
    const item = fieldInfo(itemPath);
    if (item.isObject) {
      const required = depth < 4 ? item.required : [];
      if (required.length === 0) return `${name}:\n${spaces(inner)}- $${counter.n++}`;
      const itemCol = inner + 2;
      const lines = required.map((r, i) => {
        const text = keySnippet(r, [...itemPath, r], itemCol, unit, counter, depth + 1);
        return i === 0 ? `${spaces(inner)}- ${text}` : `${spaces(itemCol)}${text}`;
      });
      return `${name}:\n${lines.join('\n')}`;
    }
    if (flowFriendly(item)) return `${name}: [$${counter.n++}]`;
    return `${name}:\n${spaces(inner)}- $${counter.n++}`;
  }
  return `${name}: ${scalarPlaceholder(info, counter)}`;
}

function scalarPlaceholder(info: FieldInfo, counter: { n: number }): string {
  const values = info.enumValues.filter((v): v is string => typeof v === 'string');
  if (values.length === 1 && values[0] !== undefined) return escapeSnippet(values[0]);
  if (info.valueType === 'boolean') return `\${${counter.n++}|false,true|}`;
  if (values.length > 1 && values.length <= 12)
    return `\${${counter.n++}|${values.map((v) => v.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`;
  return `$${counter.n++}`;
}

/** Short scalar lists are written in flow style, as the sample does (`cities: [杭州市, 宁波市]`). */
function flowFriendly(item: FieldInfo): boolean {
  if (['province', 'coverage', 'city', 'number95'].includes(item.valueType)) return true;
  const values = item.enumValues.filter((v): v is string => typeof v === 'string');
  return values.length > 0 && values.every((v) => v.length <= 10);
}

function hasValueCompletions(path: DataPath, info: FieldInfo): boolean {
  if (info.isObject || info.isArray) return false;
  if (info.enumValues.length > 0 || info.valueType !== 'none') return true;
  return hasPatternProvider(pathPattern(path));
}

function spaces(n: number): string {
  return ' '.repeat(Math.max(0, n));
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

// ---- values ----

function valueItems(
  path: DataPath,
  info: FieldInfo,
  position: ValuePosition | SlotPosition,
  context: Context,
): Candidate[] {
  const raw = valueCandidates(path, pathPattern(path), info, context);
  const quoted = position.kind === 'value' && position.quoted;
  const lead = position.needsSpace ? ' ' : '';
  return raw.map((c) => {
    const base = { ...c, range: position.range };
    // Inside quotes a snippet that brings its own quotes inserts just the value.
    if (c.snippet === true && quoted) return { ...base, snippet: false, insertText: c.label };
    if (c.snippet === true) return { ...base, insertText: lead + (c.insertText ?? c.label) };
    const text = c.insertText ?? c.label;
    const insert = quoted
      ? text.replace(/["\\]/g, '\\$&')
      : yamlScalar(text, position.flow, c.literal === true);
    return { ...base, insertText: lead + insert };
  });
}

/** A value as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
function yamlScalar(text: string, flow: boolean, literal: boolean): string {
  if (literal) return text;
  const special =
    /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) ||
    /: | #|:$/.test(text) ||
    /\s$/.test(text) ||
    (flow && /[,[\]{}]/.test(text)) ||
    /^(?:true|false|null|~|yes|no|on|off)$/i.test(text) ||
    /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(text);
  return special ? JSON.stringify(text) : text;
}
