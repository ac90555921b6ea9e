/**
 * The JSON Schemas of the application format and the one ajv instance that validates against them:
 * the schema files are imported as JSON through a static list (so esbuild bundles them), compiled
 * once, lazily, and cached. Also answers "which subschemas apply at this data path" (titles, allowed
 * keys, examples) for messages, suggestions and, later, completion and hover. Owns no messages and
 * no ranges.
 */
import Ajv2020, { type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { DataPath, LocalizedText } from '../types';
import { encodePointer } from '../document/pointer';
import { validatorsCurrentByBuild } from './build-stamp';
import precompiledApplication, { SOURCE_HASH as APPLICATION_SOURCE_HASH } from './generated/application-validator';

import applicantSchema from '../../../../schemas/applicant.schema.json';
import applicationSchema from '../../../../schemas/application.schema.json';
import commonSchema from '../../../../schemas/common.schema.json';
import dialingSchema from '../../../../schemas/dialing.schema.json';
import licenceSchema from '../../../../schemas/licence.schema.json';
import numberSchema from '../../../../schemas/number.schema.json';
import outboundSchema from '../../../../schemas/outbound.schema.json';
import pledgeSchema from '../../../../schemas/pledge.schema.json';
import preparationSchema from '../../../../schemas/preparation.schema.json';
import scheduleSchema from '../../../../schemas/schedule.schema.json';
import staffSchema from '../../../../schemas/staff.schema.json';
import techSchema from '../../../../schemas/tech.schema.json';
import usageSchema from '../../../../schemas/usage.schema.json';

/** The base URI of the schema `$id`s. */
export const SCHEMA_BASE_URI = 'https://miit95.dev/schemas/v1/';
/** The `$id` of the root schema. */
export const APPLICATION_SCHEMA_ID = `${SCHEMA_BASE_URI}application.schema.json`;

/** Every schema file of the application format; the root first. */
export const APPLICATION_SCHEMAS: readonly AnySchemaObject[] = [
  applicationSchema,
  commonSchema,
  applicantSchema,
  licenceSchema,
  numberSchema,
  usageSchema,
  techSchema,
  scheduleSchema,
  dialingSchema,
  preparationSchema,
  staffSchema,
  pledgeSchema,
  outboundSchema,
] as readonly AnySchemaObject[];

/**
 * Annotation keywords our schemas (and VS Code's JSON support) use besides the standard ones. Strict
 * mode rejects unknown keywords, so they are declared; every `x-…` key found in the schemas is added
 * as well (a misspelt standard keyword is still caught).
 */
const ANNOTATION_KEYWORDS = [
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'defaultSnippets',
  'deprecationMessage',
  'errorMessage',
  'patternErrorMessage',
  'doNotSuggest',
  'suggestSortText',
  'x-title-en',
  'x-description-en',
  'x-markdown-description-en',
];

/** A schema object as read from the files. */
export type SchemaNode = Readonly<Record<string, unknown>>;

/** The compiled schema set. */
export interface SchemaValidator {
  /** The `$id` of the root schema. */
  readonly rootId: string;
  /** Validates plain data against the root schema; ajv's errors, empty when valid. */
  validate(data: unknown): readonly ErrorObject[];
  /**
   * The subschemas that apply at an instance path, outermost first: `$ref`s, `allOf`/`anyOf`/
   * `oneOf` branches and `then`/`else` are expanded (a conditional's branches are included whatever
   * the data, so this is "may apply", good for titles, allowed keys and examples).
   */
  schemasAt(path: DataPath): readonly SchemaNode[];
  /** True when the validation code was generated at build time rather than compiled at startup. */
  readonly precompiled?: boolean;
}

/**
 * The ajv instance our schema sets are compiled with: the options, the formats and the annotation
 * keywords found in `schemas`. `source: true` keeps the generated code, for the standalone
 * validators written at build time (standalone.ts).
 */
export function createAjv(schemas: readonly AnySchemaObject[], options: { source?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    // Conditional requirements (`if … then: { required: [...] }`) name properties declared in the
    // enclosing schema, which strictRequired cannot see.
    strictRequired: false,
    allErrors: true,
    // parentSchema and data on each error: our messages need titles, limits and the bad value.
    verbose: true,
    // Candidate numbers are `type: ["string", "integer"]`.
    allowUnionTypes: true,
    // The core never writes to the console.
    logger: false,
    ...(options.source === true ? { code: { source: true } } : {}),
  });
  addFormats(ajv);
  for (const keyword of annotationKeywords(schemas)) {
    if (!ajv.getKeyword(keyword))
      ajv.addKeyword({ keyword, schemaType: ['string', 'number', 'boolean', 'array', 'object'] });
  }
  for (const schema of schemas) ajv.addSchema(schema);
  return ajv;
}

/**
 * Compiles a schema set. `schemas` are added by their `$id`; `rootId` names the one to validate
 * against. Throws when a schema does not compile (strict mode). `precompiled` is the same set's
 * standalone validation function (generated at build time): then nothing is compiled.
 */
export function createSchemaValidator(
  schemas: readonly AnySchemaObject[],
  rootId: string,
  precompiled?: ValidateFunction,
): SchemaValidator {
  let validateFn: ValidateFunction;
  if (precompiled !== undefined) {
    validateFn = precompiled;
  } else {
    const compiled = createAjv(schemas).getSchema(rootId);
    if (!compiled) throw new Error(`Schema ${rootId} is not in the schema set`);
    validateFn = compiled;
  }
  const index = new SchemaIndex(schemas);
  const root = index.get(rootId);
  if (root === undefined) throw new Error(`Schema ${rootId} is not in the schema set`);
  const cache = new Map<string, readonly SchemaNode[]>();

  return {
    rootId,
    precompiled: precompiled !== undefined,
    validate(data: unknown): readonly ErrorObject[] {
      return validateFn(data) ? [] : (validateFn.errors ?? []);
    },
    schemasAt(path: DataPath): readonly SchemaNode[] {
      const key = encodePointer(path);
      const cached = cache.get(key);
      if (cached) return cached;
      let entries = index.expand(root, rootId);
      for (const segment of path) {
        entries = entries.flatMap((entry) => index.children(entry, segment));
        if (entries.length === 0) break;
      }
      const result = entries.map((entry) => entry.schema);
      // Paths are bounded by the document, but keep the cache from growing without end.
      if (cache.size > 5000) cache.clear();
      cache.set(key, result);
      return result;
    },
  };
}

let applicationValidator: SchemaValidator | undefined;
let applicationError: Error | undefined;

/** The validator of the application format, compiled on first use and cached (a failure too). */
export function getApplicationValidator(): SchemaValidator {
  if (applicationValidator) return applicationValidator;
  if (applicationError !== undefined) throw applicationError;
  try {
    // The standalone code generated at build time, unless the schemas changed since (then compile:
    // ~0.8 s, which the generated code saves at every start).
    const fresh = validatorsCurrentByBuild() || APPLICATION_SOURCE_HASH === schemaSetHash(APPLICATION_SCHEMAS);
    applicationValidator = createSchemaValidator(
      APPLICATION_SCHEMAS,
      APPLICATION_SCHEMA_ID,
      fresh ? precompiledApplication : undefined,
    );
    return applicationValidator;
  } catch (error) {
    applicationError = error instanceof Error ? error : new Error(String(error));
    throw applicationError;
  }
}

/**
 * A fingerprint of a schema set (FNV-1a over its JSON): tells whether generated standalone code was
 * made from these schemas.
 */
export function schemaSetHash(schemas: readonly AnySchemaObject[]): string {
  const text = JSON.stringify(schemas);
  let hash = 0x811c9dc5;
  let hash2 = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    hash = Math.imul(hash ^ code, 0x01000193) >>> 0;
    hash2 = (Math.imul(hash2, 31) + code) >>> 0;
  }
  return `${hash.toString(16).padStart(8, '0')}${hash2.toString(16).padStart(8, '0')}-${text.length}`;
}

/** The title at a path in both languages (`title`, `x-title-en`), from the outermost schema having one. */
export function titleAt(
  validator: SchemaValidator,
  path: DataPath,
): Partial<Record<keyof LocalizedText, string>> {
  const schemas = validator.schemasAt(path);
  const zh = firstString(schemas, 'title');
  const en = firstString(schemas, 'x-title-en');
  return { ...(zh !== undefined ? { 'zh-cn': zh } : {}), ...(en !== undefined ? { en } : {}) };
}

/** The property names a schema declares for the object at `path` (union over applicable subschemas). */
export function allowedProperties(validator: SchemaValidator, path: DataPath): string[] {
  const names = new Set<string>();
  for (const schema of validator.schemasAt(path)) {
    const properties = schema['properties'];
    if (isObject(properties)) for (const name of Object.keys(properties)) names.add(name);
  }
  return [...names];
}

/** The first example of the value at `path`, if a schema gives one. */
export function exampleAt(validator: SchemaValidator, path: DataPath): unknown {
  for (const schema of validator.schemasAt(path)) {
    const examples = schema['examples'];
    if (Array.isArray(examples) && examples.length > 0) return examples[0] as unknown;
  }
  return undefined;
}

function firstString(schemas: readonly SchemaNode[], keyword: string): string | undefined {
  for (const schema of schemas) {
    const value = schema[keyword];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

function annotationKeywords(schemas: readonly AnySchemaObject[]): Set<string> {
  const keywords = new Set(ANNOTATION_KEYWORDS);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
    } else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (key.startsWith('x-')) keywords.add(key);
        walk(child);
      }
    }
  };
  walk(schemas);
  return keywords;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Entry {
  readonly schema: SchemaNode;
  /** The base URI `$ref`s inside `schema` resolve against. */
  readonly base: string;
}

/** Resolves `$ref`s between the schema files and walks subschemas along instance paths. */
class SchemaIndex {
  private readonly byId = new Map<string, SchemaNode>();

  constructor(schemas: readonly AnySchemaObject[]) {
    for (const schema of schemas) {
      const id = schema['$id'];
      if (typeof id === 'string') this.byId.set(stripHash(id), schema);
    }
  }

  get(id: string): SchemaNode | undefined {
    return this.byId.get(stripHash(id));
  }

  /** A schema and everything it pulls in at the same instance location, outermost first. */
  expand(schema: unknown, base: string, depth = 0, out: Entry[] = [], seen = new Set<unknown>()): Entry[] {
    if (!isObject(schema) || depth > 40 || seen.has(schema)) return out;
    seen.add(schema);
    const id = schema['$id'];
    const here = typeof id === 'string' ? resolveUri(id, base) : base;
    out.push({ schema, base: here });
    const ref = schema['$ref'];
    if (typeof ref === 'string') {
      const target = this.resolve(ref, here);
      if (target) this.expand(target.schema, target.base, depth + 1, out, seen);
    }
    for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
      const branches = schema[keyword];
      if (Array.isArray(branches))
        for (const branch of branches) this.expand(branch, here, depth + 1, out, seen);
    }
    for (const keyword of ['then', 'else']) this.expand(schema[keyword], here, depth + 1, out, seen);
    return out;
  }

  /** The expanded subschemas for one step of an instance path. */
  children(entry: Entry, segment: string | number): Entry[] {
    const { schema, base } = entry;
    const out: Entry[] = [];
    const index =
      typeof segment === 'number'
        ? segment
        : /^(?:0|[1-9][0-9]*)$/.test(segment)
          ? Number(segment)
          : undefined;
    const properties = schema['properties'];
    if (
      typeof segment === 'string' &&
      isObject(properties) &&
      Object.prototype.hasOwnProperty.call(properties, segment)
    ) {
      return this.expand(properties[segment], base);
    }
    if (index !== undefined && ('items' in schema || 'prefixItems' in schema)) {
      const prefix = schema['prefixItems'];
      if (Array.isArray(prefix) && index < prefix.length) return this.expand(prefix[index], base);
      return this.expand(schema['items'], base);
    }
    if (typeof segment === 'string') {
      const patterns = schema['patternProperties'];
      let matched = false;
      if (isObject(patterns)) {
        for (const [pattern, sub] of Object.entries(patterns)) {
          if (safeTest(pattern, segment)) {
            matched = true;
            this.expand(sub, base, 0, out);
          }
        }
      }
      if (!matched && isObject(schema['additionalProperties']))
        this.expand(schema['additionalProperties'], base, 0, out);
    }
    return out;
  }

  private resolve(ref: string, base: string): Entry | undefined {
    const uri = resolveUri(ref, base);
    const hash = uri.indexOf('#');
    const id = hash < 0 ? uri : uri.slice(0, hash);
    const fragment = hash < 0 ? '' : safeDecode(uri.slice(hash + 1));
    const document = this.byId.get(id);
    if (document === undefined) return undefined;
    if (fragment === '') return { schema: document, base: id };
    if (!fragment.startsWith('/')) return undefined;
    let node: unknown = document;
    for (const raw of fragment.slice(1).split('/')) {
      const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (Array.isArray(node)) node = node[Number(token)];
      else if (isObject(node)) node = node[token];
      else return undefined;
    }
    return isObject(node) ? { schema: node, base: id } : undefined;
  }
}

function resolveUri(ref: string, base: string): string {
  try {
    return new URL(ref, base).href;
  } catch {
    return ref;
  }
}

function stripHash(uri: string): string {
  const hash = uri.indexOf('#');
  return hash < 0 ? uri : uri.slice(0, hash);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return false;
  }
}
