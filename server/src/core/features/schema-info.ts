/**
 * What the editor features need to know about a field, read from the JSON Schemas through the
 * registry's `schemasAt` (outermost first): titles and descriptions in both languages, the value kind,
 * enum values with their documentation (from the `- \`value\`：…` lines of `markdownDescription`),
 * the declared and the unconditionally required properties, examples, and which domain value type it
 * is (province, city, carrier, date, 95 number). Owns no rendering beyond small localized picks.
 */
import { allowedProperties, getApplicationValidator, type SchemaNode, type SchemaValidator } from '../schema/registry';
import type { DataPath, Locale } from '../types';

/** The domain type of a scalar field, for the value lists and hovers of completion and hover. */
export type ValueType =
  'province' | 'coverage' | 'city' | 'carrier' | 'date' | 'number95' | 'boolean' | 'none';

/** A field of the format as the schemas describe it. */
export interface FieldInfo {
  readonly known: boolean;
  readonly title: { readonly 'zh-cn'?: string; readonly en?: string };
  readonly description: { readonly 'zh-cn'?: string; readonly en?: string };
  /** `markdownDescription` / `x-markdown-description-en` of the same schema as `description`. */
  readonly markdown: { readonly 'zh-cn'?: string; readonly en?: string };
  /** The first `markdownDescription` of any applicable schema (a `$ref`'d type's list of values). */
  readonly typeMarkdown: { readonly 'zh-cn'?: string; readonly en?: string };
  readonly types: ReadonlySet<string>;
  readonly isObject: boolean;
  readonly isArray: boolean;
  /** Enum (or const) values, in schema order. */
  readonly enumValues: readonly unknown[];
  readonly format: string | undefined;
  readonly pattern: string | undefined;
  readonly maxLength: number | undefined;
  /** Declared property names, in schema order (objects). */
  readonly properties: readonly string[];
  /** Properties required whatever the data (conditional requirements left out). */
  readonly required: readonly string[];
  readonly examples: readonly unknown[];
  readonly valueType: ValueType;
}

const cache = new Map<string, FieldInfo>();

function cacheKey(path: DataPath): string {
  return path.map((s) => (typeof s === 'number' ? '#' : `.${s}`)).join('');
}

/**
 * The field at a data path (array indices are all alike) of the application format, or of another
 * schema set (the `.miit95.yaml` configuration). Cached per schema and path shape.
 */
export function fieldInfo(path: DataPath, schemaSet?: SchemaValidator): FieldInfo {
  const normalized = path.map((s) => (typeof s === 'number' ? 0 : s));
  const validator = schemaSet ?? getApplicationValidator();
  const key = `${validator.rootId}${cacheKey(normalized)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const schemas = validator.schemasAt(normalized);
  const types = new Set<string>();
  let enumValues: readonly unknown[] = [];
  let format: string | undefined;
  let pattern: string | undefined;
  let maxLength: number | undefined;
  const required: string[] = [];
  const examples: unknown[] = [];
  let isArray = false;
  for (const schema of schemas) {
    const type = schema['type'];
    if (typeof type === 'string') types.add(type);
    else if (Array.isArray(type)) for (const t of type) if (typeof t === 'string') types.add(t);
    if (enumValues.length === 0 && Array.isArray(schema['enum'])) enumValues = schema['enum'] as unknown[];
    if (enumValues.length === 0 && schema['const'] !== undefined) enumValues = [schema['const']];
    if (format === undefined && typeof schema['format'] === 'string') format = schema['format'];
    if (pattern === undefined && typeof schema['pattern'] === 'string') pattern = schema['pattern'];
    if (maxLength === undefined && typeof schema['maxLength'] === 'number') maxLength = schema['maxLength'];
    if ('items' in schema) isArray = true;
    // Conditional branches (`then`, `anyOf`) carry no `type`; their requirements depend on the data.
    if (schema['type'] === 'object' && Array.isArray(schema['required']))
      for (const name of schema['required'] as unknown[])
        if (typeof name === 'string' && !required.includes(name)) required.push(name);
    if (examples.length === 0 && Array.isArray(schema['examples']))
      examples.push(...(schema['examples'] as unknown[]));
  }
  // The description of the outermost schema that has one (a field's own words before its type's).
  const described = schemas.find(
    (s) => typeof s['description'] === 'string' || typeof s['markdownDescription'] === 'string',
  );
  const own = described === undefined ? [] : [described];
  if (types.has('array')) isArray = true;
  const isObject = types.has('object');
  const info: FieldInfo = {
    known: schemas.length > 0,
    title: localized(schemas, 'title', 'x-title-en'),
    description: localized(own, 'description', 'x-description-en'),
    markdown: localized(own, 'markdownDescription', 'x-markdown-description-en'),
    typeMarkdown: localized(schemas, 'markdownDescription', 'x-markdown-description-en'),
    types,
    isObject,
    isArray,
    enumValues,
    format,
    pattern,
    maxLength,
    properties: isObject ? allowedProperties(validator, normalized) : [],
    required,
    examples: dedupe(examples),
    valueType: valueTypeOf(normalized, types, enumValues, format, pattern),
  };
  if (cache.size > 2000) cache.clear();
  cache.set(key, info);
  return info;
}

function localized(
  schemas: readonly SchemaNode[],
  zhKey: string,
  enKey: string,
): { 'zh-cn'?: string; en?: string } {
  const zh = first(schemas, zhKey);
  const en = first(schemas, enKey);
  return { ...(zh !== undefined ? { 'zh-cn': zh } : {}), ...(en !== undefined ? { en } : {}) };
}

function first(schemas: readonly SchemaNode[], keyword: string): string | undefined {
  for (const schema of schemas) {
    const value = schema[keyword];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

function dedupe(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function valueTypeOf(
  path: DataPath,
  types: ReadonlySet<string>,
  enumValues: readonly unknown[],
  format: string | undefined,
  pattern: string | undefined,
): ValueType {
  if (enumValues.includes('浙江省') && enumValues.includes('浙江'))
    return enumValues.includes('全国') ? 'coverage' : 'province';
  if (enumValues.includes('中国电信')) return 'carrier';
  if (format === 'date') return 'date';
  if (pattern !== undefined && pattern.startsWith('^95')) return 'number95';
  if (types.has('boolean') && types.size === 1) return 'boolean';
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (types.has('string') && (last === 'city' || (typeof last === 'number' && parent === 'cities')))
    return 'city';
  return 'none';
}

/** The text of a locale, falling back to the other language. */
export function pick(
  text: { readonly 'zh-cn'?: string; readonly en?: string },
  locale: Locale,
): string | undefined {
  return locale === 'en' ? (text.en ?? text['zh-cn']) : (text['zh-cn'] ?? text.en);
}

/** The other language's text, when both exist. */
export function other(
  text: { readonly 'zh-cn'?: string; readonly en?: string },
  locale: Locale,
): string | undefined {
  return locale === 'en' ? text['zh-cn'] : text.en;
}

/**
 * Documentation of enum values as the schemas write it in `markdownDescription`: lines of the form
 * `- \`value\`：text` (or `: text`, or `- \`value\`（B21）`).
 */
export function enumDocs(info: FieldInfo, locale: Locale): ReadonlyMap<string, string> {
  const docs = new Map<string, string>();
  const markdown = pick(info.typeMarkdown, locale);
  if (markdown === undefined) return docs;
  for (const line of markdown.split('\n')) {
    const match = /^\s*-\s+`([^`]+)`\s*[：:]?\s*(.*)$/u.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined && match[2] !== '') docs.set(match[1], match[2]);
  }
  return docs;
}
