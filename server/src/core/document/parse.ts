/**
 * Parses an application text once into a ParsedDocument: the YAML AST of the first document with
 * source ranges, its plain JS value (built once, alias expansion capped), the YAML errors and
 * warnings, and the document-level issues yaml does not report itself (empty document, more than one
 * document, alias bombs, alias cycles, unresolved aliases). Owns the yaml options. It renders no
 * messages (syntax.ts does) and validates nothing.
 */
import {
  isAlias,
  isCollection,
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  YAMLParseError,
  type Alias,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import type { OffsetRange } from '../types';
import { LineIndex } from './line-index';
import { plainValue } from './plain-value';
import { MAX_PARSE_DEPTH, nestingOverflow } from './nesting';
import { firstLineRange, lineRangeFrom, nonEmpty, valueRange } from './locate';

/**
 * The cap on alias expansion passed to yaml's `toJS`: above it the document is treated as a
 * resource-exhaustion attack ("billion laughs") and its value is not built.
 */
export const MAX_ALIAS_COUNT = 1000;

/** Document-level problems found by the parse step itself (yaml's own codes come as YAMLError). */
export type ParseIssueCode =
  | 'EMPTY_DOCUMENT'
  | 'MULTI_DOCUMENT'
  | 'ALIAS_COUNT'
  | 'ALIAS_CYCLE'
  | 'UNRESOLVED_ALIAS'
  | 'RESOURCE_EXHAUSTION'
  | 'NESTING_DEPTH';

export interface ParseIssue {
  readonly code: ParseIssueCode;
  readonly range: OffsetRange;
  /** The alias name for alias issues, the underlying error message for RESOURCE_EXHAUSTION. */
  readonly detail?: string;
  /** For an alias cycle: the alias node, so the finding can point at its anchor. */
  readonly alias?: Alias;
}

/** One application text, parsed once and shared by every validation stage. */
export interface ParsedDocument {
  readonly text: string;
  readonly lines: LineIndex;
  /** The first YAML document of the text (the only one validated). */
  readonly yaml: Document.Parsed;
  /** The plain JS value of the first document; `undefined` when `hasRoot` is false. */
  readonly value: unknown;
  /**
   * False when there is nothing to validate: an empty or comment-only document, a `null` root, or a
   * value that could not be built safely (alias problems). Schema validation and rules are skipped.
   */
  readonly hasRoot: boolean;
  /** YAML syntax errors of the first document (the multi-document error is an issue instead). */
  readonly errors: readonly YAMLError[];
  readonly warnings: readonly YAMLError[];
  readonly issues: readonly ParseIssue[];
}

/**
 * yaml options: ranges on every node, keys as strings (JSON Schema sees string keys anyway), the
 * YAML 1.2 core schema forced even under `%YAML 1.1` so dates stay strings, and no resolution of
 * `!!timestamp` and other 1.1 tags. Duplicate keys are found by `duplicateKeyErrors` below, not by
 * yaml's `uniqueKeys`, which compares every key of a mapping with every other (a flat file of a few
 * megabytes took hours).
 */
const PARSE_OPTIONS = {
  uniqueKeys: false,
  stringKeys: true,
  prettyErrors: false,
  schema: 'core',
  resolveKnownTags: false,
  intAsBigInt: false,
  merge: false,
  // 'error' rather than the default 'warn': yaml then never writes to the console (stdout belongs to
  // the LSP), while still reporting a second document as MULTIPLE_DOCS and stopping there ('silent'
  // would parse every document without telling).
  logLevel: 'error',
} as const;

/** Parses an application text. Never throws on bad input: problems become errors and issues. */
export function parseApplication(text: string): ParsedDocument {
  return analyseDocument(text, parseYaml(text));
}

/** The value through plain-value.ts (cached on the nodes for the next version), else yaml's toJS. */
function buildValue(text: string, yaml: Document.Parsed): unknown {
  // Aliases, and the alias count limit, are yaml's business.
  const plain = text.includes('*') ? undefined : plainValue(yaml.contents);
  return plain !== undefined ? plain.value : yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}

/**
 * yaml's parse of a text with the application's options (shared with the incremental reparse),
 * duplicate keys reported as yaml's `uniqueKeys` would: DUPLICATE_KEY on each later key.
 */
export function parseYaml(text: string): Document.Parsed {
  // Too deep for yaml's recursive composer: parse only the part before the overflow (analyseDocument
  // reports NESTING_DEPTH and treats the data as unusable).
  const overflow = nestingOverflow(text);
  const yaml = parseDocument(overflow < 0 ? text : text.slice(0, overflow), PARSE_OPTIONS) as Document.Parsed;
  const duplicates = duplicateKeyErrors(yaml).sort((a, b) => a.pos[0] - b.pos[0]);
  if (duplicates.length > 0) {
    // Merged by position; yaml's own errors keep their order.
    const merged: YAMLError[] = [];
    let next = 0;
    for (const error of yaml.errors) {
      for (let d = duplicates[next]; d !== undefined && d.pos[0] < error.pos[0]; d = duplicates[++next]) merged.push(d);
      merged.push(error);
    }
    merged.push(...duplicates.slice(next));
    yaml.errors.splice(0, yaml.errors.length, ...merged);
  }
  return yaml;
}

/**
 * DUPLICATE_KEY errors, linear in the size of the tree: a key equals an earlier key of the same
 * mapping when both are scalars with the same value (yaml's default equality; a collection or alias
 * key equals only itself). The error points at the first character of the later key, as yaml's does.
 */
function duplicateKeyErrors(yaml: Document.Parsed): YAMLError[] {
  const errors: YAMLError[] = [];
  const stack: unknown[] = [yaml.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          if (seen.has(key.value) && key.range) {
            const start = key.range[0];
            errors.push(new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          } else {
            seen.add(key.value);
          }
        }
        stack.push(pair.value, key);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return errors;
}

/**
 * The rest of `parseApplication` for a yaml document of `text`: errors and document-level issues,
 * the alias and shape checks, and the plain value. `checkShapes: false` skips the shape walk for a
 * tree whose new parts were already checked (the incremental reparse).
 */
export function analyseDocument(
  text: string,
  yaml: Document.Parsed,
  checkShapes = true,
  /** The text's line index when the caller already has it (the incremental reparse updates the previous one). */
  lines?: LineIndex,
): ParsedDocument {
  const finish = (
    text: string,
    yaml: Document.Parsed,
    value: unknown,
    hasRoot: boolean,
    errors: YAMLError[],
    issues: ParseIssue[],
  ): ParsedDocument => finishWith(text, yaml, value, hasRoot, errors, issues, lines);
  const issues: ParseIssue[] = [];
  const errors: YAMLError[] = [];
  for (const error of yaml.errors) {
    if (error.code === 'MULTIPLE_DOCS') {
      issues.push({ code: 'MULTI_DOCUMENT', range: lineRangeFrom(text, error.pos[0]) });
    } else {
      errors.push(error);
    }
  }

  const overflow = yaml.range[2] < text.length ? nestingOverflow(text) : -1;
  if (overflow >= 0) {
    const range = { start: overflow, end: Math.min(text.length, overflow + 1) };
    issues.push({ code: 'NESTING_DEPTH', range, detail: String(MAX_PARSE_DEPTH) });
    // The text was cut at the overflow: yaml's complaints there (one unclosed bracket per level) are
    // artefacts of the cut, not the user's errors.
    const before = errors.filter((error) => error.pos[0] < overflow);
    return finish(text, yaml, undefined, false, before, issues);
  }

  const contents = yaml.contents as Node | null;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    const own = contents === null ? undefined : valueRange(text, contents);
    const range = own !== undefined && own.end > own.start ? own : firstLineRange(text);
    issues.push({ code: 'EMPTY_DOCUMENT', range });
    return finish(text, yaml, undefined, false, errors, issues);
  }

  // Aliases need a `*` in the text; without one the extra walk is skipped.
  let firstAlias: Alias | undefined;
  if (text.includes('*')) {
    const aliasIssues = checkAliases(yaml, text);
    firstAlias = aliasIssues.firstAlias;
    if (aliasIssues.unusable) {
      issues.push(...aliasIssues.issues);
      return finish(text, yaml, undefined, false, errors, issues);
    }
  }

  // Collection keys and deep nesting need `{`, `[` or `?` in the text; without them the walk is skipped.
  if (checkShapes && /[{[?]/.test(text)) {
    const shape = checkShape(yaml, text);
    if (shape.unusable) {
      issues.push(...shape.issues);
      return finish(text, yaml, undefined, false, errors, issues);
    }
  }

  try {
    const value: unknown = buildValue(text, yaml);
    const hasRoot = value !== null && value !== undefined;
    return finish(text, yaml, hasRoot ? value : undefined, hasRoot, errors, issues);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ReferenceError && /alias count/i.test(message)) {
      const range = firstAlias ? nonEmpty(valueRange(text, firstAlias), text) : firstLineRange(text);
      issues.push({ code: 'ALIAS_COUNT', range, detail: String(MAX_ALIAS_COUNT) });
    } else if (error instanceof RangeError) {
      // Stack overflow on absurdly deep nesting.
      issues.push({ code: 'RESOURCE_EXHAUSTION', range: firstLineRange(text), detail: message });
    } else {
      throw error;
    }
    return finish(text, yaml, undefined, false, errors, issues);
  }
}

function finishWith(
  text: string,
  yaml: Document.Parsed,
  value: unknown,
  hasRoot: boolean,
  errors: YAMLError[],
  issues: ParseIssue[],
  lines = new LineIndex(text),
): ParsedDocument {
  return { text, lines, yaml, value, hasRoot, errors, warnings: yaml.warnings, issues };
}

/** Nesting deeper than this is not an application; yaml's conversion would exhaust the stack or time. */
export const MAX_NESTING_DEPTH = 256;

/**
 * Finds what makes `toJS` pathological: a mapping key that is itself a collection (yaml stringifies
 * it, which is quadratic or worse for nested flow collections such as `{{{{…`) and nesting beyond
 * MAX_NESTING_DEPTH. Both make the value unusable; an application has neither.
 */
function checkShape(yaml: Document.Parsed, text: string): { issues: ParseIssue[]; unusable: boolean } {
  const issues: ParseIssue[] = [];
  let unusable = false;
  visit(yaml, {
    Pair(_key, pair, path) {
      if (isCollection(pair.key)) {
        // yaml itself reports NON_STRING_KEY on this key (stringKeys), so no second finding.
        unusable = true;
        return visit.BREAK;
      }
      if (path.length > MAX_NESTING_DEPTH * 2) {
        const node = isNode(pair.value) ? pair.value : isNode(pair.key) ? pair.key : undefined;
        const range = node ? nonEmpty(valueRange(text, node), text) : firstLineRange(text);
        issues.push({ code: 'NESTING_DEPTH', range, detail: String(MAX_NESTING_DEPTH) });
        unusable = true;
        return visit.BREAK;
      }
      return undefined;
    },
    Seq(_key, node, path) {
      if (path.length > MAX_NESTING_DEPTH * 2) {
        issues.push({
          code: 'NESTING_DEPTH',
          range: nonEmpty(valueRange(text, node), text),
          detail: String(MAX_NESTING_DEPTH),
        });
        unusable = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return { issues, unusable };
}

interface AliasCheck {
  readonly issues: ParseIssue[];
  readonly unusable: boolean;
  readonly firstAlias: Alias | undefined;
}

/**
 * One walk in document order, resolving each alias as yaml does (the last anchor of that name
 * before it): an alias without an anchor makes `toJS` throw, and an alias inside its own anchor
 * makes the value cyclic, which would send the schema validator and the rules into endless
 * recursion. Both make the value unusable.
 */
function checkAliases(yaml: Document.Parsed, text: string): AliasCheck {
  const anchors = new Map<string, Node>();
  const issues: ParseIssue[] = [];
  let unusable = false;
  let firstAlias: Alias | undefined;
  visit(yaml, {
    Node(_key, node, path) {
      if (isAlias(node)) {
        firstAlias ??= node;
        const range = nonEmpty(valueRange(text, node), text);
        if (node.source === '') {
          // yaml reports the empty alias itself (BAD_ALIAS); toJS would throw.
          unusable = true;
          return;
        }
        const anchor = anchors.get(node.source);
        if (anchor === undefined) {
          issues.push({ code: 'UNRESOLVED_ALIAS', range, detail: node.source });
          unusable = true;
        } else if (path.includes(anchor)) {
          issues.push({ code: 'ALIAS_CYCLE', range, detail: node.source, alias: node });
          unusable = true;
        }
        return;
      }
      if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return { issues, unusable, firstAlias };
}
