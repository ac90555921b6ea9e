/**
 * The placeholder value a "add the missing property" fix inserts, read from the schema at the
 * property's path: the `default` if there is one; for values with a fixed form (enum, const, dates,
 * codes, numbers, booleans) the first example or allowed value; for free text a visible placeholder
 * (`待补充（示例：…）`) that the placeholder checks of the rules keep flagging until it is replaced;
 * for a mapping its required properties (recursively, with a simple `if`/`then` on a `const`
 * followed), never a whole example object; for a list one placeholder item when the list may not be
 * empty, never the example list (a sample's data must not pass for the applicant's). Owns that
 * policy only.
 */
import type { DataPath } from '../types';
import type { SchemaNode, SchemaValidator } from './registry';

/** The marker free-text placeholders start with (the rules' placeholder check knows it). */
export const PLACEHOLDER_MARK = '待补充';

/** Examples longer than this are not quoted inside a free-text placeholder. */
const MAX_EXAMPLE_IN_PLACEHOLDER = 30;
const MAX_DEPTH = 6;

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function first<T>(schemas: readonly SchemaNode[], pick: (schema: SchemaNode) => T | undefined): T | undefined {
  for (const schema of schemas) {
    const value = pick(schema);
    if (value !== undefined) return value;
  }
  return undefined;
}

function typesOf(schemas: readonly SchemaNode[]): string[] {
  const types = new Set<string>();
  for (const schema of schemas) {
    const type = schema['type'];
    if (typeof type === 'string') types.add(type);
    if (Array.isArray(type)) for (const t of type) if (typeof t === 'string') types.add(t);
  }
  return [...types];
}

/**
 * The schemas applying to the value, without the `then`/`else` branches (they depend on the data)
 * and without the alternatives of `anyOf`/`oneOf` after the first (one alternative is enough).
 */
function unconditional(schemas: readonly SchemaNode[]): SchemaNode[] {
  const conditional = new Set<unknown>();
  for (const schema of schemas) {
    if (isObject(schema['then'])) conditional.add(schema['then']);
    if (isObject(schema['else'])) conditional.add(schema['else']);
    for (const keyword of ['anyOf', 'oneOf']) {
      const branches = schema[keyword];
      if (Array.isArray(branches)) for (const branch of branches.slice(1)) conditional.add(branch);
    }
  }
  return schemas.filter((schema) => !conditional.has(schema));
}

/** `if: {properties: {x: {const: v}}, required: [x]}` holds for `value` (the one form the schemas use). */
function ifHolds(condition: unknown, value: Readonly<Record<string, unknown>>): boolean {
  if (!isObject(condition)) return false;
  const properties = condition['properties'];
  if (!isObject(properties)) return false;
  return Object.entries(properties).every(([name, sub]) => {
    if (!isObject(sub) || !Object.hasOwn(sub, 'const')) return false;
    return Object.hasOwn(value, name) && value[name] === sub['const'];
  });
}

/**
 * The value to insert for a missing property at `path`, or undefined when the schema says nothing
 * usable. `depth` bounds the recursion into nested required properties.
 */
export function placeholderFor(validator: SchemaValidator, path: DataPath, depth = 0): unknown {
  const all = validator.schemasAt(path);
  if (all.length === 0) return undefined;
  const schemas = unconditional(all);
  const fallback = PLACEHOLDER_MARK;

  const preset = first(schemas, (s) => (Object.hasOwn(s, 'default') ? { value: s['default'] } : undefined));
  if (preset !== undefined) return preset.value;
  const constant = first(schemas, (s) => (Object.hasOwn(s, 'const') ? { value: s['const'] } : undefined));
  if (constant !== undefined) return constant.value;
  const example = first(schemas, (s) =>
    Array.isArray(s['examples']) && s['examples'].length > 0 ? { value: s['examples'][0] as unknown } : undefined,
  );
  const allowed = first(schemas, (s) => (Array.isArray(s['enum']) && s['enum'].length > 0 ? { value: s['enum'][0] as unknown } : undefined));
  if (allowed !== undefined) return example !== undefined && typeof example.value !== 'object' ? example.value : allowed.value;

  const types = typesOf(schemas);
  if (types.includes('object') || schemas.some((s) => isObject(s['properties']))) {
    if (depth >= MAX_DEPTH) return {};
    const value: Record<string, unknown> = {};
    const required = (list: readonly SchemaNode[]): void => {
      for (const schema of list) {
        const names = schema['required'];
        if (!Array.isArray(names)) continue;
        for (const name of names) {
          if (typeof name !== 'string' || Object.hasOwn(value, name)) continue;
          const inner = placeholderFor(validator, [...path, name], depth + 1);
          value[name] = inner === undefined ? fallback : inner;
        }
      }
    };
    required(schemas);
    // Conditional requirements that the skeleton itself now meets (e.g. planned: false ⇒ call_flow).
    for (const schema of all) {
      if (isObject(schema['if']) && isObject(schema['then']) && ifHolds(schema['if'], value)) {
        required([schema['then']]);
      }
    }
    return value;
  }
  if (types.includes('array')) {
    const minItems = first(schemas, (s) => (typeof s['minItems'] === 'number' ? s['minItems'] : undefined)) ?? 0;
    if (minItems === 0) return [];
    // One placeholder item, never the example list: a sample's data must not pass for the applicant's.
    let item = placeholderFor(validator, [...path, 0], depth + 1);
    const listExample: unknown = example !== undefined && Array.isArray(example.value) ? example.value[0] : undefined;
    if (typeof item === 'string' && item.startsWith(PLACEHOLDER_MARK) && typeof listExample === 'string') {
      // The list's own example says more than the generic one of its item type.
      item = freeText(listExample);
    }
    return [item === undefined ? fallback : item];
  }
  if (types.includes('string')) {
    const formatted = schemas.some((s) => typeof s['pattern'] === 'string' || typeof s['format'] === 'string');
    if (formatted && example !== undefined) return example.value;
    return typeof example?.value === 'string' ? freeText(example.value) : fallback;
  }
  if (example !== undefined && (typeof example.value !== 'object' || example.value === null)) return example.value;
  if (types.includes('boolean')) return false;
  if (types.includes('integer') || types.includes('number')) {
    const minimum = first(schemas, (s) => (typeof s['minimum'] === 'number' ? s['minimum'] : undefined));
    return minimum ?? 0;
  }
  return undefined;
}

/** A free-text placeholder quoting a short example: `待补充（示例：王建国）`. */
function freeText(example: string): string {
  return Array.from(example).length <= MAX_EXAMPLE_IN_PLACEHOLDER ? `${PLACEHOLDER_MARK}（示例：${example}）` : PLACEHOLDER_MARK;
}
