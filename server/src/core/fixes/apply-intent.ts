/**
 * Fix intents → text edits: the one place that maps `FixIntent`s (from rules and the schema
 * mapping) onto the YAML edit operations, and checks the result before offering it: the edited text
 * must parse with no new YAML errors and hold exactly the value the intent promised. An intent that
 * cannot be applied (its path is gone, an alias is in the way) or fails the check gives `undefined`,
 * and no action is offered for it. Pure: text in, edits out.
 */
import type { DataPath, FixIntent } from '../types';
import { parseApplication, type ParsedDocument } from '../document/parse';
import { get } from '../document/data-access';
import { allowedProperties, getApplicationValidator } from '../schema/registry';
import { applyEdits, type TextEdit } from './text-edit';
import { detectStyle, finishEdits, YamlEditor, type PropertyOrder } from './yaml-edit';

export interface FixOptions {
  /** The declared order of properties, for placing inserted ones; the application schema's by default. */
  readonly order?: PropertyOrder;
  /**
   * Check the edited text (parses as well as before, holds what the intents promise); true by
   * default. Fix-all turns it off per intent and checks all its edits together once instead.
   */
  readonly verify?: boolean;
}

/** The application schema's property order at a path (empty where it declares none). */
export const schemaOrder: PropertyOrder = (path) => {
  try {
    return allowedProperties(getApplicationValidator(), path);
  } catch {
    return [];
  }
};

function editorFor(parsed: ParsedDocument, options: FixOptions): YamlEditor {
  return new YamlEditor(parsed, detectStyle(parsed), options.order ?? schemaOrder);
}

function samePath(a: DataPath, b: DataPath): boolean {
  return a.length === b.length && a.every((segment, i) => String(segment) === String(b[i]));
}

/**
 * The edits that carry out one intent on the document: `[]` when the document already says what
 * the intent wants, `undefined` when it cannot be done safely.
 */
export function intentEdits(parsed: ParsedDocument, intent: FixIntent, options: FixOptions = {}): TextEdit[] | undefined {
  return intentsEdits(parsed, [intent], options);
}

/**
 * The edits that carry out several intents together (e.g. "add all missing properties"): insertions
 * into one mapping or list are made as one, in the order given. `undefined` when any of them cannot
 * be done or two of them collide.
 */
export function intentsEdits(
  parsed: ParsedDocument,
  intents: readonly FixIntent[],
  options: FixOptions = {},
): TextEdit[] | undefined {
  if (!parsed.hasRoot || intents.length === 0) return undefined;
  const editor = editorFor(parsed, options);
  const all: TextEdit[] = [];
  const done = new Set<number>();
  try {
    for (const [index, intent] of intents.entries()) {
      if (done.has(index)) continue;
      let edits: TextEdit[] | undefined;
      switch (intent.kind) {
        case 'replaceValue':
          edits = editor.replaceValue(intent.path, intent.value);
          break;
        case 'insertProperty': {
          const entries: [string, unknown][] = [];
          intents.forEach((other, i) => {
            if (other.kind === 'insertProperty' && samePath(other.path, intent.path) && !entries.some(([k]) => k === other.key)) {
              entries.push([other.key, other.value]);
              done.add(i);
            }
          });
          edits = editor.insertProperties(intent.path, entries);
          break;
        }
        case 'removeProperty':
          edits = editor.removeProperty(intent.path);
          break;
        case 'renameKey':
          edits = editor.renameKey(intent.path, intent.newKey);
          break;
        case 'appendItem': {
          const values: unknown[] = [];
          intents.forEach((other, i) => {
            if (other.kind === 'appendItem' && samePath(other.path, intent.path)) {
              values.push(other.value);
              done.add(i);
            }
          });
          edits = editor.appendItems(intent.path, values);
          break;
        }
        case 'removeItem': {
          const parent = intent.path.slice(0, -1);
          const indices: (string | number)[] = [];
          intents.forEach((other, i) => {
            if (other.kind === 'removeItem' && samePath(other.path.slice(0, -1), parent)) {
              const index = other.path[other.path.length - 1];
              if (index !== undefined && !indices.some((x) => String(x) === String(index))) indices.push(index);
              done.add(i);
            }
          });
          edits = editor.removeItemsAt(parent, indices);
          break;
        }
      }
      if (edits === undefined) return undefined;
      all.push(...edits);
    }
  } catch {
    return undefined;
  }
  const finished = finishEdits(all);
  if (finished === undefined) return undefined;
  if (finished.length === 0 || options.verify === false) return finished;
  return verified(parsed, finished, intents) ? finished : undefined;
}

/** True when the edited text parses as well as before and holds what every intent promised. */
export function verified(parsed: ParsedDocument, edits: readonly TextEdit[], intents: readonly FixIntent[]): boolean {
  let after: ParsedDocument;
  try {
    after = parseApplication(applyEdits(parsed.text, edits));
  } catch {
    return false;
  }
  if (!after.hasRoot || after.errors.length > parsed.errors.length || after.issues.length > parsed.issues.length) {
    return false;
  }
  const before = parsed.value;
  const now = after.value;
  return intents.every((intent) => {
    switch (intent.kind) {
      case 'replaceValue':
        return deepEqual(get(now, intent.path), intent.value);
      case 'insertProperty':
        return deepEqual(get(now, [...intent.path, intent.key]), intent.value);
      case 'removeProperty':
        return get(now, intent.path) === undefined;
      case 'renameKey': {
        const parent = intent.path.slice(0, -1);
        return (
          deepEqual(get(now, [...parent, intent.newKey]), get(before, intent.path)) &&
          (String(intent.path[intent.path.length - 1]) === intent.newKey || get(now, intent.path) === undefined)
        );
      }
      case 'appendItem': {
        const list = get(now, intent.path);
        return Array.isArray(list) && list.some((item) => deepEqual(item, intent.value));
      }
      case 'removeItem': {
        const parent = intent.path.slice(0, -1);
        const list = get(now, parent);
        const old = get(before, parent);
        const removed = new Set(
          intents.filter((x) => x.kind === 'removeItem' && samePath(x.path.slice(0, -1), parent)).map((x) => String(x.path[x.path.length - 1])),
        );
        return Array.isArray(list) && Array.isArray(old) && list.length === old.length - removed.size;
      }
    }
    return false;
  });
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = Object.keys(ra);
    return keys.length === Object.keys(rb).length && keys.every((k) => Object.hasOwn(rb, k) && deepEqual(ra[k], rb[k]));
  }
  return false;
}
