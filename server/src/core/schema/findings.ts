/**
 * Maps ajv errors to findings `schema/<keyword>`: which errors to keep (no `if`, `anyOf`/`oneOf`
 * only when nothing more precise exists, contradictory type errors merged), what to underline per
 * keyword (through the shared locator), the labels and suggestions the messages need, and the fix
 * intents. Owns that policy; wording is in messages.ts, distances in suggest.ts.
 */
import type { ErrorObject } from 'ajv/dist/2020';
import type { DataPath, Finding, FixIntent, LocalizedText, Target } from '../types';
import { locate } from '../document/locate';
import type { ParsedDocument } from '../document/parse';
import { decodePointer, displayPath, encodePointer } from '../document/pointer';
import { formatValue, schemaMessage } from './messages';
import { allowedProperties, exampleAt, titleAt, type SchemaValidator } from './registry';
import { closestMatch } from './suggest';
import { placeholderFor } from './placeholder';
import { markSafe } from '../fixes/safety';

/** Keywords whose finding underlines the collection's key (size and content of arrays/objects). */
const COLLECTION_KEYWORDS = new Set([
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'contains',
  'minContains',
  'maxContains',
  'items',
  'additionalItems',
  'unevaluatedItems',
]);

/** Keywords that apply whatever the type of the value: their presence says nothing about the type. */
const TYPE_AGNOSTIC = new Set(['type', 'enum', 'const', 'not', 'anyOf', 'oneOf', 'if', 'false schema']);

interface PathError {
  readonly error: ErrorObject;
  readonly path: DataPath;
  readonly pointer: string;
}

/** Validates the parsed value and returns the schema findings (unsorted, deduplicated). */
export function schemaFindings(parsed: ParsedDocument, validator: SchemaValidator): Finding[] {
  if (!parsed.hasRoot) return [];
  const errors = validator.validate(parsed.value);
  if (errors.length === 0) return [];
  return mapSchemaErrors(parsed, validator, errors);
}

/** Maps already computed ajv errors (for the parsed document's value) to findings. */
export function mapSchemaErrors(
  parsed: ParsedDocument,
  validator: SchemaValidator,
  errors: readonly ErrorObject[],
): Finding[] {
  const selected = selectErrors(
    errors.map((error) => ({
      error,
      path: decodePointer(error.instancePath, parsed.value),
      pointer: error.instancePath,
    })),
  );
  const labels = new Labels(validator);
  const mapped = selected.map((item) => toFinding(parsed, validator, labels, item));

  // A misspelt key whose suggestion is a missing required property: the "unknown key" finding and
  // its rename fix say it all, so the "missing property" finding is left out.
  const renamedTo = new Set<string>();
  for (const finding of mapped) {
    if (finding.code === 'schema/additionalProperties' && finding.data.suggestion !== undefined) {
      renamedTo.add(encodePointer([...finding.data.path.slice(0, -1), finding.data.suggestion]));
    }
  }

  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const finding of mapped) {
    if (finding.code === 'schema/required' && renamedTo.has(encodePointer(finding.data.path))) continue;
    const key = `${finding.code}|${finding.range.start}|${finding.range.end}|${finding.message['zh-cn']}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

/**
 * Keeps the errors worth showing:
 * - `if` errors are dropped (the `then`/`else` errors say what is wrong);
 * - an `anyOf`/`oneOf` whose failing branches only miss required properties becomes one finding
 *   "missing one of A or B" instead of one per branch;
 * - `type` errors at one path are merged into one (the alternatives of a union or of `anyOf`
 *   branches), and dropped when a type-specific error exists at or under that path (some branch
 *   accepted the type, so "must be text" would be misleading); `const`/`enum` errors at one path
 *   are merged into one list of allowed values likewise;
 * - other `anyOf`/`oneOf` errors are kept only when no more precise error exists at or under their
 *   path.
 */
export function selectErrors(items: readonly PathError[]): PathError[] {
  let current = items.filter((item) => item.error.keyword !== 'if');
  current = foldRequiredAlternatives(current);

  // Pointers at or above a type-specific error: there the value's type was accepted by some schema.
  const typeAccepted = ancestorsOrSelf(current.filter((item) => !TYPE_AGNOSTIC.has(item.error.keyword)));

  const mergeIndex = new Map<string, number>();
  const result: PathError[] = [];
  for (const item of current) {
    const { error } = item;
    const group =
      error.keyword === 'type'
        ? 'type'
        : error.keyword === 'const' || error.keyword === 'enum'
          ? 'values'
          : undefined;
    if (group === undefined) {
      result.push(item);
      continue;
    }
    if (group === 'type' && typeAccepted.has(item.pointer)) continue;
    const key = `${group}|${item.pointer}`;
    const index = mergeIndex.get(key);
    const previous = index === undefined ? undefined : result[index];
    if (index !== undefined && previous !== undefined) {
      result[index] = group === 'type' ? mergeTypes(previous, item) : mergeValues(previous, item);
      continue;
    }
    mergeIndex.set(key, result.length);
    result.push(item);
  }

  const precise = ancestorsOrSelf(
    result.filter((item) => item.error.keyword !== 'anyOf' && item.error.keyword !== 'oneOf'),
  );
  return result.filter(
    (item) =>
      (item.error.keyword !== 'anyOf' && item.error.keyword !== 'oneOf') ||
      isRequiredAlternatives(item.error) ||
      !precise.has(item.pointer),
  );
}

function isRequiredAlternatives(error: ErrorObject): boolean {
  return Array.isArray((error.params as Record<string, unknown>)['missingProperties']);
}

/**
 * `anyOf: [{required: [a]}, {required: [b]}]` with neither present: ajv reports both `required`
 * errors and the `anyOf`. When every error inside the branches (matched by schema path) is such a
 * `required` at the same instance path, they are folded into the `anyOf` error as
 * `params.missingProperties`.
 */
function foldRequiredAlternatives(items: PathError[]): PathError[] {
  const removed = new Set<PathError>();
  const replaced = new Map<PathError, PathError>();
  for (const item of items) {
    const { error } = item;
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') continue;
    if (Array.isArray((error.params as Record<string, unknown>)['passingSchemas'])) continue;
    const prefix = `${error.schemaPath}/`;
    const branch = items.filter((other) => other !== item && other.error.schemaPath.startsWith(prefix));
    if (branch.length < 2) continue;
    if (!branch.every((other) => other.error.keyword === 'required' && other.pointer === item.pointer))
      continue;
    const missing = [
      ...new Set(
        branch.map((other) => String((other.error.params as Record<string, unknown>)['missingProperty'])),
      ),
    ];
    for (const other of branch) removed.add(other);
    replaced.set(item, {
      ...item,
      error: { ...error, params: { ...error.params, missingProperties: missing } },
    });
  }
  if (removed.size === 0 && replaced.size === 0) return items;
  return items.filter((item) => !removed.has(item)).map((item) => replaced.get(item) ?? item);
}

function mergeTypes(previous: PathError, item: PathError): PathError {
  const union = [...new Set([...typesOf(previous.error), ...typesOf(item.error)])];
  return { ...previous, error: { ...previous.error, params: { type: union } } };
}

function mergeValues(previous: PathError, item: PathError): PathError {
  const values = [...allowedValuesOf(previous.error)];
  for (const value of allowedValuesOf(item.error)) if (!values.some((v) => v === value)) values.push(value);
  return { ...previous, error: { ...previous.error, keyword: 'enum', params: { allowedValues: values } } };
}

function allowedValuesOf(error: ErrorObject): unknown[] {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'const') return [params['allowedValue']];
  return Array.isArray(params['allowedValues']) ? (params['allowedValues'] as unknown[]) : [];
}

/** Every pointer that is an error's own pointer or one of its ancestors. */
function ancestorsOrSelf(items: readonly PathError[]): Set<string> {
  const pointers = new Set<string>();
  for (const { pointer } of items) {
    let current = pointer;
    while (!pointers.has(current)) {
      pointers.add(current);
      if (current === '') break;
      current = current.slice(0, current.lastIndexOf('/'));
    }
  }
  return pointers;
}

function typesOf(error: ErrorObject): string[] {
  const type = (error.params as Record<string, unknown>)['type'];
  if (Array.isArray(type)) return type.map(String);
  if (typeof type === 'string') return type.split(',').map((t) => t.trim());
  return [];
}

function toFinding(
  parsed: ParsedDocument,
  validator: SchemaValidator,
  labels: Labels,
  item: PathError,
): Finding {
  const { error, path } = item;
  const keyword = error.keyword;
  const params = error.params as Record<string, unknown>;
  let dataPath: DataPath = path;
  let locatePath: DataPath = path;
  let target: Target = 'value';
  let property: LocalizedText | undefined;
  let properties: readonly LocalizedText[] | undefined;
  let suggestion: string | undefined;
  const fixes: FixIntent[] = [];

  if (keyword === 'required' || keyword === 'dependentRequired') {
    const missing = String(params['missingProperty']);
    dataPath = [...path, missing];
    target = 'key';
    property = labels.of(dataPath);
    const insert = insertMissing(validator, path, missing);
    if (insert !== undefined) fixes.push(insert);
  } else if (isRequiredAlternatives(error)) {
    const missing = (params['missingProperties'] as unknown[]).map(String);
    target = 'key';
    properties = missing.map((name) => labels.of([...path, name]));
    for (const name of missing) {
      const insert = insertMissing(validator, path, name);
      if (insert !== undefined) fixes.push(insert);
    }
  } else if (
    keyword === 'additionalProperties' ||
    keyword === 'unevaluatedProperties' ||
    keyword === 'propertyNames'
  ) {
    const name = String(
      params[
        keyword === 'additionalProperties'
          ? 'additionalProperty'
          : keyword === 'unevaluatedProperties'
            ? 'unevaluatedProperty'
            : 'propertyName'
      ],
    );
    dataPath = [...path, name];
    locatePath = dataPath;
    target = 'key';
    if (keyword !== 'propertyNames') {
      suggestion = closestMatch(name, allowedProperties(validator, path), presentKeys(error.data));
      if (suggestion !== undefined) {
        fixes.push(
          markSafe({
            kind: 'renameKey',
            path: dataPath,
            newKey: suggestion,
            title: { 'zh-cn': `将“${name}”改为“${suggestion}”`, en: `Rename "${name}" to "${suggestion}"` },
          }),
        );
      }
      fixes.push({
        kind: 'removeProperty',
        path: dataPath,
        title: { 'zh-cn': `删除属性“${name}”`, en: `Remove the property "${name}"` },
      });
    }
  } else if (keyword === 'false schema') {
    target = 'key';
  } else if (COLLECTION_KEYWORDS.has(keyword)) {
    target = 'key';
  } else if (keyword === 'uniqueItems') {
    const later = Math.max(Number(params['i']), Number(params['j']));
    if (Number.isInteger(later)) {
      dataPath = [...path, later];
      locatePath = dataPath;
      fixes.push({
        kind: 'removeItem',
        path: dataPath,
        title: { 'zh-cn': `删除重复的第 ${later + 1} 项`, en: `Remove the repeated item ${later + 1}` },
      });
    }
  } else if (keyword === 'enum') {
    const allowed = Array.isArray(params['allowedValues']) ? (params['allowedValues'] as unknown[]) : [];
    if (typeof error.data === 'string' || typeof error.data === 'number') {
      const candidates = allowed.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
      suggestion = closestMatch(String(error.data), candidates);
      const value = allowed.find((v) => String(v) === suggestion);
      if (suggestion !== undefined) fixes.push(markSafe(replaceValue(path, value)));
    }
  } else if (keyword === 'const') {
    const expected = params['allowedValue'];
    if (expected === null || typeof expected !== 'object') fixes.push(markSafe(replaceValue(path, expected)));
  }

  const location = locate(parsed, locatePath, target);
  const message = schemaMessage({
    keyword,
    params,
    subject: labels.of(path),
    ...(property !== undefined ? { property } : {}),
    ...(properties !== undefined ? { properties } : {}),
    value: error.data,
    example: keyword === 'pattern' || keyword === 'format' ? exampleAt(validator, path) : undefined,
    ...(suggestion !== undefined ? { suggestion } : {}),
    ...(error.message !== undefined ? { ajvMessage: error.message } : {}),
  });
  return {
    code: `schema/${keyword === 'false schema' ? 'false' : keyword}`,
    severity: 'error',
    message,
    range: location.range,
    data: {
      path: dataPath,
      ...(suggestion !== undefined ? { suggestion } : {}),
      ...(fixes.length > 0 ? { fixes } : {}),
    },
    ...(location.related && location.related.length > 0 ? { related: location.related } : {}),
  };
}

function replaceValue(path: DataPath, value: unknown): FixIntent {
  return {
    kind: 'replaceValue',
    path,
    value,
    title: { 'zh-cn': `改为 ${formatValue(value, 'zh-cn')}`, en: `Change to ${formatValue(value, 'en')}` },
  };
}

/**
 * "Add the missing property" with a placeholder from the schema (placeholder.ts). Not safe: a
 * placeholder is no answer, so fix-all leaves it to a person.
 */
function insertMissing(validator: SchemaValidator, path: DataPath, name: string): FixIntent | undefined {
  const value = placeholderFor(validator, [...path, name]);
  if (value === undefined) return undefined;
  return {
    kind: 'insertProperty',
    path,
    key: name,
    value,
    title: {
      'zh-cn': `补充必填项“${name}”（占位值，请按实际填写）`,
      en: `Add the required "${name}" (a placeholder: fill in the real value)`,
    },
  };
}

/**
 * The keys of a mapping, computed once per mapping: every unknown key of one mapping reports the same
 * object as `error.data`, and a fresh set per error made thousands of unknown keys quadratic.
 */
const keySets = new WeakMap<object, ReadonlySet<string>>();
function presentKeys(data: unknown): ReadonlySet<string> {
  if (!isRecord(data)) return new Set<string>();
  let keys = keySets.get(data);
  if (keys === undefined) keySets.set(data, (keys = new Set(Object.keys(data))));
  return keys;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * How a path is named in messages: the schema title and the path (`统一社会信用代码（applicant.credit_code）`,
 * `Unified social credit code (applicant.credit_code)`); an untitled array item is named after its
 * array (`候选号码第 2 项`); the root is "the top level".
 */
export class Labels {
  constructor(private readonly validator: SchemaValidator) {}

  of(path: DataPath): LocalizedText {
    if (path.length === 0) return { 'zh-cn': '文档顶层', en: 'the top level' };
    const display = displayPath(path);
    const title = titleAt(this.validator, path);
    const zh = title['zh-cn'];
    const en = title.en;
    if (zh !== undefined || en !== undefined) {
      return {
        'zh-cn': zh !== undefined ? `${quoteTitle(zh, 'zh-cn')}（${display}）` : display,
        en: en !== undefined ? `${quoteTitle(en, 'en')} (${display})` : display,
      };
    }
    const last = path[path.length - 1];
    if (typeof last === 'number' && path.length > 1) {
      const parent = titleAt(this.validator, path.slice(0, -1));
      if (parent['zh-cn'] !== undefined || parent.en !== undefined) {
        return {
          'zh-cn':
            parent['zh-cn'] !== undefined
              ? `${quoteTitle(parent['zh-cn'], 'zh-cn')}第 ${last + 1} 项（${display}）`
              : display,
          en:
            parent.en !== undefined
              ? `Item ${last + 1} of ${quoteTitle(parent.en, 'en')} (${display})`
              : display,
        };
      }
    }
    return { 'zh-cn': display, en: display };
  }
}

/** A title with its own parentheses is quoted, so the path's parentheses do not nest with it. */
function quoteTitle(title: string, locale: keyof LocalizedText): string {
  if (!/[()（）]/.test(title)) return title;
  return locale === 'zh-cn' ? `“${title}”` : `"${title}"`;
}
