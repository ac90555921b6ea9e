/**
 * Completion for application files: the keys the schema allows at the cursor (those not yet present;
 * objects and lists inserted as snippets with their required children, indented to fit), and the
 * values a field takes — enum values with their documentation, the 31 provinces, the cities of the
 * entry's province with their GB/T 2260 codes, carriers, the businesses of the licence, the 95
 * segments, dates (today, the application date), the site and link ids of the technical plan, and the
 * seats Erlang C asks for. Items are filtered by what is typed and ordered by what fits the rest of
 * the document. Works on text that does not parse (cursor.ts). Transport-free: the handler converts
 * the items to LSP.
 */
import type { Document } from 'yaml';
import { agentsRequired } from '../checks/erlang';
import { sameText } from '../checks/text';
import { findBusiness, businesses as businessCatalogue } from '../data/businesses';
import { carriers } from '../data/carriers';
import {
  cities,
  citiesOf,
  directCounties,
  directCountiesOf,
  findProvince,
  provinces,
  type City,
  type Province,
} from '../data/divisions';
import { annualFeeFen, formatFen } from '../data/fees';
import { segments, seedListedNote } from '../data/segments';
import { get, getArray, getNumber, getRecord, getString, isRecord } from '../document/data-access';
import type { DataPath, Locale, OffsetRange } from '../types';
import { cursorPosition, type SlotPosition, type ValuePosition } from './cursor';
import { fieldMarkdown, t, type LinkResolver } from './field-docs';
import { pathPattern } from './rule-paths';
import { enumDocs, fieldInfo, pick, type FieldInfo } from './schema-info';

/** What kind of thing an item inserts (the handler maps it to an LSP CompletionItemKind). */
export type CompletionItemKind =
  'section' | 'property' | 'snippet' | 'enum' | 'value' | 'reference' | 'constant';

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

interface Context {
  readonly data: unknown;
  readonly locale: Locale;
  readonly today?: string;
  readonly linkFor?: LinkResolver;
}

/** A candidate before filtering, ranking and insertion text. */
interface Candidate {
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly bucket: number;
  readonly description?: string;
  readonly detail?: string;
  readonly documentation?: string;
  /** Text to insert; the label when absent. */
  readonly insertText?: string;
  readonly snippet?: boolean;
  readonly range: OffsetRange;
  readonly filterText?: string;
  readonly retrigger?: boolean;
  /** Insert as written, never quoted (booleans, numbers, the format version). */
  readonly literal?: boolean;
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
  return VALUE_PATTERNS.has(pathPattern(path));
}

/** Fields without an enum whose values completion still knows. */
const VALUE_PATTERNS = new Set([
  'dialing.routing.*.site',
  'dialing.routing.*.link',
  'licence.businesses.*.code',
  'tech.seats',
]);

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
  const raw = valueCandidates(path, info, context);
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

type ValueCandidate = Omit<Candidate, 'range'>;

function valueCandidates(path: DataPath, info: FieldInfo, context: Context): ValueCandidate[] {
  const pattern = pathPattern(path);
  switch (info.valueType) {
    case 'province':
      return provinceCandidates(path, pattern, context);
    case 'coverage':
      return coverageCandidates(path, context);
    case 'city':
      return cityCandidates(path, pattern, context);
    case 'carrier':
      return carrierCandidates(path, pattern, context);
    case 'date':
      return dateCandidates(pattern, context);
    case 'number95':
      return segmentCandidates(context.locale);
    case 'boolean':
      return ['true', 'false'].map((v, i) => ({ label: v, kind: 'constant', bucket: i, literal: true }));
    default:
      break;
  }
  switch (pattern) {
    case 'usage.businesses.*':
      return usageBusinessCandidates(path, info, context);
    case 'licence.businesses.*.name':
      return licenceBusinessCandidates(path, info, context);
    case 'licence.businesses.*.code':
      return businessCodeCandidates(path, context);
    case 'dialing.routing.*.site':
      return siteCandidates(context);
    case 'dialing.routing.*.link':
      return linkCandidates(path, context);
    case 'tech.seats':
      return seatCandidates(context);
    default:
      return enumCandidates(path, info, context);
  }
}

/** The other items of the list that holds `path` (when `path` is a list item), as strings. */
function siblingValues(data: unknown, path: DataPath): string[] {
  const index = path[path.length - 1];
  if (typeof index !== 'number') return [];
  return getArray(data, path.slice(0, -1))
    .filter((_, i) => i !== index)
    .map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : ''))
    .filter((v) => v !== '');
}

/** The official names of the provinces a list of written names refers to. */
function officialNames(names: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (typeof name !== 'string') continue;
    const found = findProvince(name)?.province.name;
    if (found !== undefined && !out.includes(found)) out.push(found);
  }
  return out;
}

function areaProvinces(data: unknown): string[] {
  return officialNames(getArray(data, ['usage', 'area']).map((e) => get(e, ['province'])));
}

function coverageProvinces(data: unknown): string[] {
  return officialNames(getArray(data, ['licence', 'coverage']));
}

function provinceDoc(p: Province, locale: Locale): string {
  const count = citiesOf(p.code).length;
  const parts = [
    `**${p.name}** · ${t(locale, '行政区划代码', 'division code')} \`${p.code}\`（GB/T 2260）`,
    p.municipality
      ? t(locale, '直辖市，本身算作一个城市。', 'A municipality; it counts as one city.')
      : t(locale, `地级行政区 ${count} 个。`, `${count} prefecture-level divisions.`),
  ];
  if (p.western) parts.push(t(locale, '西部地区（12 省区之一）。', 'One of the 12 western provinces.'));
  return parts.join('\n\n');
}

function provinceCandidates(path: DataPath, pattern: string, context: Context): ValueCandidate[] {
  const { data, locale } = context;
  const entryPath = path.slice(0, -1);
  const index = entryPath[entryPath.length - 1];
  const listPath = entryPath.slice(0, -1);
  const used = new Set<string>();
  if (typeof index === 'number') {
    getArray(data, listPath).forEach((entry, i) => {
      if (i === index) return;
      const name = getString(entry, ['province']);
      const found = name === undefined ? undefined : findProvince(name)?.province.name;
      if (found !== undefined) used.add(found);
    });
  }
  let preferred: string[] = [];
  let preferredNote = '';
  if (pattern === 'usage.area.*.province') {
    preferred = coverageProvinces(data);
    preferredNote = t(locale, '许可证覆盖范围内', 'in the licence coverage');
  } else if (pattern === 'schedule.*.province') {
    preferred = areaProvinces(data);
    preferredNote = t(locale, '使用范围内，尚未安排', 'in the area of use, not scheduled yet');
  } else if (pattern.startsWith('tech.')) {
    preferred = [...new Set([...areaProvinces(data), ...coverageProvinces(data)])];
    preferredNote = t(locale, '使用范围或许可证覆盖范围内', 'in the area of use or the licence coverage');
  }
  // Sites and links may share a province; only the area and the schedule list each one once.
  const listsOnce = pattern === 'usage.area.*.province' || pattern === 'schedule.*.province';
  // The preferred provinces in the order the document lists them, then the rest by code.
  const ordered = [
    ...preferred
      .map((name) => provinces.find((p) => p.name === name))
      .filter((p): p is Province => p !== undefined),
    ...provinces.filter((p) => !preferred.includes(p.name)),
  ];
  return ordered.map((p) => {
    const isUsed = listsOnce && used.has(p.name);
    const rank = preferred.indexOf(p.name);
    const bucket = isUsed ? 3 : rank >= 0 ? 0 : 1;
    const description = isUsed
      ? t(locale, '已列出', 'already listed')
      : rank >= 0
        ? preferredNote
        : undefined;
    return {
      label: p.name,
      kind: 'value',
      bucket,
      ...(description !== undefined ? { description } : {}),
      detail: `${t(locale, '行政区划代码', 'code')} ${p.code}`,
      documentation: provinceDoc(p, locale),
      filterText: p.name,
    };
  });
}

function coverageCandidates(path: DataPath, context: Context): ValueCandidate[] {
  const used = new Set(officialNames(siblingValues(context.data, path)));
  const all: ValueCandidate = {
    label: '全国',
    kind: 'value',
    bucket: 0,
    detail: t(context.locale, '全国范围', 'nationwide'),
  };
  const list = provinces
    .filter((p) => !used.has(p.name))
    .map((p): ValueCandidate => ({
      label: p.name,
      kind: 'value',
      bucket: 1,
      detail: `${t(context.locale, '行政区划代码', 'code')} ${p.code}`,
      documentation: provinceDoc(p, context.locale),
    }));
  return siblingValues(context.data, path).includes('全国') ? list : [all, ...list];
}

function cityCandidates(path: DataPath, pattern: string, context: Context): ValueCandidate[] {
  const { data, locale } = context;
  const inList = pattern.endsWith('cities.*');
  const entryPath = inList ? path.slice(0, -2) : path.slice(0, -1);
  const provinceName = getString(data, [...entryPath, 'province']);
  const province = provinceName === undefined ? undefined : findProvince(provinceName)?.province;
  let list: readonly City[];
  // County-level units directly under a province (济源市, 仙桃市, 琼海市 …) follow the prefecture-level cities.
  let direct: readonly City[];
  if (province !== undefined) {
    list = citiesOf(province.code);
    direct = directCountiesOf(province.code);
  } else {
    const area = areaProvinces(data)
      .map((name) => findProvince(name)?.province.code)
      .filter((c): c is string => c !== undefined);
    list = area.length > 0 ? cities.filter((c) => area.includes(c.province)) : cities;
    direct = area.length > 0 ? directCounties.filter((c) => area.includes(c.province)) : directCounties;
  }
  const directCodes = new Set(direct.map((c) => c.code));
  list = [...list, ...direct];
  const used = new Set(inList ? siblingValues(data, path) : []);
  // For a site, a link or a schedule entry: the cities already in the area of use come first.
  const preferred = new Set<string>();
  if (!inList) {
    for (const entry of getArray(data, ['usage', 'area'])) {
      const name = getString(entry, ['province']);
      if (
        province !== undefined &&
        (name === undefined || findProvince(name)?.province.code !== province.code)
      )
        continue;
      for (const c of getArray(entry, ['cities'])) if (typeof c === 'string') preferred.add(c);
    }
  }
  return list
    .filter((c) => !used.has(c.name))
    .map((c): ValueCandidate => {
      const p = findProvinceByCode(c.province);
      const inArea = preferred.has(c.name);
      const isDirect = directCodes.has(c.code);
      const kindNote = isDirect
        ? t(locale, '省直辖县级行政单位（不计入地级城市数）', 'county-level unit directly under the province (not counted as a city)')
        : undefined;
      const where = p === undefined ? undefined : inArea ? `${p.name} · ${t(locale, '使用范围内', 'in the area of use')}` : p.name;
      const description = [where, isDirect ? t(locale, '省直辖', 'directly under the province') : undefined]
        .filter((x) => x !== undefined)
        .join(' · ');
      return {
        label: c.name,
        kind: 'value',
        bucket: inArea ? 0 : isDirect ? 2 : 1,
        detail: `${t(locale, '代码', 'code')} ${c.code}`,
        ...(description !== '' ? { description } : {}),
        documentation:
          `**${c.name}** · ${t(locale, '行政区划代码', 'division code')} \`${c.code}\`（GB/T 2260）${p !== undefined ? ` · ${p.name}` : ''}` +
          (kindNote !== undefined ? `\n\n${kindNote}` : ''),
      };
    });
}

const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
function findProvinceByCode(code: string): Province | undefined {
  return provinceByCode.get(code);
}

function carrierCandidates(path: DataPath, pattern: string, context: Context): ValueCandidate[] {
  const { data, locale } = context;
  const linked = new Set(
    getArray(data, ['tech', 'access', 'links'])
      .map((l) => getString(l, ['carrier']))
      .filter((c): c is string => c !== undefined),
  );
  const index = path[path.length - 2];
  const siblingsOf = (listPath: DataPath): Set<string> =>
    new Set(
      getArray(data, listPath)
        .filter((_, i) => i !== index)
        .map((e) => getString(e, ['carrier']))
        .filter((c): c is string => c !== undefined),
    );
  return carriers.map((c): ValueCandidate => {
    let bucket = 1;
    let description: string | undefined;
    if (pattern === 'tech.access.links.*.carrier') {
      const others = siblingsOf(['tech', 'access', 'links']);
      bucket = others.has(c.name) ? 2 : c.threeNetworks ? 0 : 1;
      if (others.has(c.name)) description = t(locale, '已有链路', 'already linked');
    } else if (pattern === 'dialing.routing.*.carrier') {
      const routed = siblingsOf(['dialing', 'routing']);
      bucket = linked.has(c.name) && !routed.has(c.name) ? 0 : linked.has(c.name) ? 1 : 2;
      if (linked.has(c.name)) description = t(locale, '有接入链路', 'has an access link');
    } else if (pattern === 'preparation.lines.*.carrier') {
      const lined = siblingsOf(['preparation', 'lines']);
      bucket = linked.has(c.name) && !lined.has(c.name) ? 0 : lined.has(c.name) ? 2 : 1;
      if (linked.has(c.name)) description = t(locale, '有接入链路', 'has an access link');
    }
    return {
      label: c.name,
      kind: 'value',
      bucket,
      ...(description !== undefined ? { description } : {}),
      detail: `${c.en} (${c.id})`,
      documentation: c.threeNetworks
        ? t(
            locale,
            `${c.name}：三网之一（三网全直联须直联中国电信、中国移动、中国联通）。`,
            `${c.en}: one of the three networks (direct access to all three needs China Telecom, China Mobile and China Unicom).`,
          )
        : t(
            locale,
            `${c.name}：基础电信运营商，不属于三网。`,
            `${c.en}: a basic telecom operator, not one of the three networks.`,
          ),
    };
  });
}

function dateCandidates(pattern: string, context: Context): ValueCandidate[] {
  const { data, locale, today } = context;
  const out: ValueCandidate[] = [];
  const applicationDate = getString(data, ['application', 'date']);
  const appOk =
    applicationDate !== undefined &&
    /^\d{4}-\d{2}-\d{2}$/.test(applicationDate) &&
    pattern !== 'application.date';
  const appFirst = pattern === 'pledge.date';
  if (appOk && appFirst)
    out.push({
      label: applicationDate,
      kind: 'value',
      bucket: 0,
      detail: t(locale, '申请日期', 'application date'),
    });
  if (today !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(today) && !(appOk && today === applicationDate))
    out.push({ label: today, kind: 'value', bucket: 1, detail: t(locale, '今天', 'today') });
  if (appOk && !appFirst)
    out.push({
      label: applicationDate,
      kind: 'value',
      bucket: 2,
      detail: t(locale, '申请日期', 'application date'),
    });
  if (appOk && today === applicationDate && out.length === 1 && !appFirst)
    out[0] = { ...out[0]!, detail: t(locale, '申请日期（今天）', 'application date (today)') };
  return out;
}

function segmentCandidates(locale: Locale): ValueCandidate[] {
  return segments
    .filter((s) => s.allowed && s.baseLength !== undefined)
    .map((s): ValueCandidate => {
      const length = s.baseLength ?? 5;
      const fee = annualFeeFen(length);
      const pattern = `${s.prefix}${'X'.repeat(length - 3)}`;
      const rare = s.seedListed === false;
      const detail = [
        t(locale, `${length} 位`, `${length} digits`),
        fee !== undefined
          ? t(locale, `年占用费 ${formatFen(fee)}`, `annual fee ${formatFen(fee)}`)
          : undefined,
        rare ? t(locale, '少见（R-NUMBER-002）', 'rare (R-NUMBER-002)') : undefined,
      ]
        .filter((x) => x !== undefined)
        .join(' · ');
      return {
        label: s.prefix,
        kind: 'value',
        bucket: rare ? 1 : 0,
        description: pattern,
        detail,
        documentation: [
          t(
            locale,
            `**${s.prefix}** 号段：基本号码 ${length} 位（${pattern}）。`,
            `**${s.prefix}** segment: ${length}-digit numbers (${pattern}).`,
          ),
          rare ? seedListedNote[locale] : undefined,
        ]
          .filter((x) => x !== undefined)
          .join('\n\n'),
        // Numbers are written quoted; the cursor lands inside the quotes to type the rest.
        insertText: `"${s.prefix}$1"`,
        snippet: true,
        filterText: s.prefix,
      };
    });
}

function usageBusinessCandidates(path: DataPath, info: FieldInfo, context: Context): ValueCandidate[] {
  const { data, locale } = context;
  const onLicence = getArray(data, ['licence', 'businesses'])
    .map((b) => getString(b, ['name']))
    .filter((n): n is string => n !== undefined);
  const used = siblingValues(data, path);
  return info.enumValues
    .filter((v): v is string => typeof v === 'string')
    .filter((v) => !used.some((u) => sameText(u, v)))
    .map((v): ValueCandidate => {
      const licensed = onLicence.some((n) => sameText(n, v));
      const business = findBusiness(v);
      return {
        label: v,
        kind: 'value',
        bucket: licensed ? 0 : 1,
        description: licensed
          ? t(locale, '许可证已载明', 'on the licence')
          : t(locale, '许可证未载明', 'not on the licence'),
        ...(business !== undefined ? { detail: business.code } : {}),
        ...(business?.note !== undefined ? { documentation: business.note[locale] } : {}),
      };
    });
}

function licenceBusinessCandidates(path: DataPath, info: FieldInfo, context: Context): ValueCandidate[] {
  const { data, locale } = context;
  const index = path[path.length - 2];
  const used = getArray(data, ['licence', 'businesses'])
    .filter((_, i) => i !== index)
    .map((b) => getString(b, ['name']))
    .filter((n): n is string => n !== undefined);
  return info.enumValues
    .filter((v): v is string => typeof v === 'string')
    .filter((v) => !used.some((u) => sameText(u, v)))
    .map((v): ValueCandidate => {
      const business = findBusiness(v);
      const qualifies = business?.qualifies;
      return {
        label: v,
        kind: 'value',
        bucket: qualifies === 'yes' ? 0 : qualifies === 'warning' ? 1 : 2,
        ...(business !== undefined ? { detail: business.code } : {}),
        ...(qualifies !== undefined
          ? {
              description:
                qualifies === 'yes'
                  ? t(locale, '可申请 95 号码', 'qualifies for a 95 number')
                  : qualifies === 'warning'
                    ? t(locale, '能否申请存疑', 'doubtful')
                    : t(locale, '不能申请 95 号码', 'does not qualify'),
            }
          : {}),
        ...(business?.note !== undefined ? { documentation: business.note[locale] } : {}),
      };
    });
}

function businessCodeCandidates(path: DataPath, context: Context): ValueCandidate[] {
  const name = getString(context.data, [...path.slice(0, -1), 'name']);
  const own = name === undefined ? undefined : findBusiness(name)?.code;
  const codes = [...new Set(businessCatalogue.map((b) => b.code))];
  return codes.map((c): ValueCandidate => ({
    label: c,
    kind: 'value',
    bucket: c === own ? 0 : 1,
    description: businessCatalogue
      .filter((b) => b.code === c)
      .map((b) => b.name)
      .join(' / '),
    filterText: c,
  }));
}

function siteCandidates(context: Context): ValueCandidate[] {
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

function linkCandidates(path: DataPath, context: Context): ValueCandidate[] {
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

function seatCandidates(context: Context): ValueCandidate[] {
  const { data, locale } = context;
  const forecast = getRecord(data, ['tech', 'traffic_forecast']);
  const calls = getNumber(forecast, ['busy_hour_calls']);
  const aht = getNumber(forecast, ['average_handle_time_s']);
  if (calls === undefined || aht === undefined || calls <= 0 || aht <= 0) return [];
  const percent = getNumber(forecast, ['service_level', 'target_percent']) ?? 80;
  const within = getNumber(forecast, ['service_level', 'answer_within_s']) ?? 20;
  const result = agentsRequired({
    callsPerHour: calls,
    ahtSeconds: aht,
    targetPercent: percent,
    answerWithinSeconds: within,
  });
  if (!result.ok) return [];
  return [
    {
      label: String(result.agents),
      kind: 'value',
      bucket: 0,
      literal: true,
      description: t(locale, 'Erlang C 所需最少坐席', 'fewest seats by Erlang C'),
      detail: t(
        locale,
        `忙时 ${calls} 次 × ${aht} 秒，${percent}% 在 ${within} 秒内接通`,
        `${calls} busy-hour calls × ${aht} s, ${percent}% within ${within} s`,
      ),
    },
  ];
}

function enumCandidates(path: DataPath, info: FieldInfo, context: Context): ValueCandidate[] {
  // A list's values are documented on the list (`pledge.commitments`), a scalar's on itself.
  const owner = typeof path[path.length - 1] === 'number' ? fieldInfo(path.slice(0, -1)) : info;
  const docs = new Map([...enumDocs(owner, context.locale), ...enumDocs(info, context.locale)]);
  const fieldDoc = pick(owner.description, context.locale);
  const used = new Set(siblingValues(context.data, path));
  return info.enumValues
    .filter((v): v is string => typeof v === 'string')
    .filter((v) => !used.has(v))
    .map((v): ValueCandidate => {
      const doc = docs.get(v);
      return {
        label: v,
        kind: info.enumValues.length === 1 ? 'constant' : 'enum',
        bucket: 0,
        literal: info.enumValues.length === 1,
        ...(doc !== undefined ? { description: doc.length > 30 ? `${doc.slice(0, 29)}…` : doc } : {}),
        ...(doc !== undefined || fieldDoc !== undefined
          ? {
              documentation: [doc !== undefined ? `\`${v}\`: ${doc}` : undefined, fieldDoc]
                .filter((x) => x !== undefined)
                .join('\n\n'),
            }
          : {}),
      };
    });
}
