/**
 * Form edits → text edits: each edit of the form view becomes one fix intent (set, add, remove,
 * reorder, or a finding's own quick fix) carried out by the core's YAML editor through
 * fixes/apply-intent.ts, so that only the target value's text changes (comments, key order, quoting,
 * flow or block style and line breaks kept) and the result is checked before it is offered. Pure.
 */
import type { ParsedDocument } from '../document/parse';
import { intentEdits } from '../fixes/apply-intent';
import type { TextEdit } from '../fixes/text-edit';
import { get } from '../document/data-access';
import { getApplicationValidator } from '../schema/registry';
import { placeholderFor } from '../schema/placeholder';
import type { DataPath, Finding, FixIntent } from '../types';
import type { FormEdit } from './types';

const TITLE = { 'zh-cn': '表单编辑', en: 'Form edit' };

function samePath(a: DataPath, b: DataPath): boolean {
  return a.length === b.length && a.every((segment, i) => String(segment) === String(b[i]));
}

/**
 * The schema's placeholder with its example data blanked: texts empty, numbers null (yes/no kept).
 * A form shows a blank as a field to fill in, and the schema and rules flag it until it is; an
 * example value (浙江省, 95079) could pass unnoticed for the applicant's own.
 */
function blank(value: unknown): unknown {
  if (typeof value === 'string') return '';
  if (typeof value === 'number') return null;
  if (Array.isArray(value)) return value.map(blank);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blank(v)]));
  }
  return value;
}

/** What a new property or item starts as: the schema's shape for it, blanked. */
function placeholder(path: DataPath): unknown {
  try {
    return blank(placeholderFor(getApplicationValidator(), path) ?? '');
  } catch {
    return '';
  }
}

/** The fix intent a form edit stands for; undefined when it does not apply to this document. */
export function formEditIntent(parsed: ParsedDocument, edit: FormEdit, findings: readonly Finding[]): FixIntent | undefined {
  const app = parsed.hasRoot ? parsed.value : undefined;
  switch (edit.kind) {
    case 'set':
      if (edit.path.length === 0) return undefined;
      return { kind: 'replaceValue', path: edit.path, value: edit.value, title: TITLE };
    case 'addProperty': {
      const owner = get(app, edit.path);
      if (owner !== undefined && (owner === null || typeof owner !== 'object' || Array.isArray(owner))) return undefined;
      return { kind: 'insertProperty', path: edit.path, key: edit.key, value: placeholder([...edit.path, edit.key]), title: TITLE };
    }
    case 'addItem': {
      const list = get(app, edit.path);
      if (list !== undefined && list !== null && !Array.isArray(list)) return undefined;
      const index = Array.isArray(list) ? list.length : 0;
      return { kind: 'appendItem', path: edit.path, value: placeholder([...edit.path, index]), title: TITLE };
    }
    case 'remove': {
      if (edit.path.length === 0 || get(app, edit.path) === undefined) return undefined;
      const parent = get(app, edit.path.slice(0, -1));
      return Array.isArray(parent)
        ? { kind: 'removeItem', path: edit.path, title: TITLE }
        : { kind: 'removeProperty', path: edit.path, title: TITLE };
    }
    case 'move': {
      const list = get(app, edit.path);
      if (!Array.isArray(list)) return undefined;
      const { from, to } = edit;
      const inRange = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < list.length;
      if (!inRange(from) || !inRange(to)) return undefined;
      const moved = [...(list as unknown[])];
      const [item] = moved.splice(from, 1);
      moved.splice(to, 0, item);
      return { kind: 'replaceValue', path: edit.path, value: moved, title: TITLE };
    }
    case 'fix': {
      const finding = findings.find((f) => f.code === edit.code && samePath(f.data.path, edit.path));
      return finding?.data.fixes?.[edit.index];
    }
  }
}

/**
 * The minimal text edits for a form edit: `[]` when the file already says it, undefined when it
 * cannot be done safely (no such path, an alias in the way, a result that would not parse).
 */
export function formEditEdits(parsed: ParsedDocument, edit: FormEdit, findings: readonly Finding[] = []): TextEdit[] | undefined {
  const intent = formEditIntent(parsed, edit, findings);
  return intent === undefined ? undefined : intentEdits(parsed, intent);
}
