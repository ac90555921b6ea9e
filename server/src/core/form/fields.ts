/**
 * The field tree of the form: one field per schema property (present ones, required ones, unknown
 * ones found in the file), list items, and the optional properties offered for adding, each with its
 * localized title, help, example, widget, picker options, value and place in the text. Findings are
 * attached afterwards (model.ts) through the index of fields by JSON Pointer this builder fills.
 */
import { locate } from '../document/locate';
import { encodePointer } from '../document/pointer';
import type { ParsedDocument } from '../document/parse';
import { fieldInfo, pick } from '../features/schema-info';
import type { DataPath, Locale } from '../types';
import type { FormField, FormFinding, FormPosition, FormScalar, FormWidget } from './types';
import { pickerOptions, unitOf, widgetOf } from './widgets';

/** Deeper than this the form shows the value as text (the schemas nest about six levels). */
const MAX_DEPTH = 10;

/** A field while it is built: its findings are filled in once every field exists. */
export type MutableField = FormField & { readonly findings: FormFinding[] };

export interface FieldContext {
  readonly parsed: ParsedDocument | undefined;
  /** The application's plain value. */
  readonly app: unknown;
  readonly locale: Locale;
  /** Live facts of a value (candidate numbers), by pointer. */
  readonly facts: (path: DataPath) => readonly string[] | undefined;
  /** Filled by the builder: every field by its pointer. */
  readonly index: Map<string, MutableField>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is FormScalar {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function exampleText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Where the value at `path` is written, else its nearest written ancestor. */
function positionOf(ctx: FieldContext, path: DataPath): FormPosition | undefined {
  const parsed = ctx.parsed;
  if (parsed === undefined || !parsed.hasRoot) return undefined;
  try {
    const { range } = locate(parsed, path, 'value');
    return parsed.lines.positionAt(range.start);
  } catch {
    return undefined;
  }
}

/** The widget a value of no known schema gets (an unknown property). */
function widgetOfValue(value: unknown): FormWidget {
  if (Array.isArray(value)) return 'list';
  if (isRecord(value)) return 'object';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  return 'text';
}

export interface FieldSpec {
  readonly path: DataPath;
  readonly value: unknown;
  readonly present: boolean;
  readonly required: boolean;
  readonly removable: boolean;
  readonly depth: number;
}

/** Builds the field at `spec.path` and everything below it. */
export function buildField(ctx: FieldContext, spec: FieldSpec): MutableField {
  const { path, value, present } = spec;
  const info = fieldInfo(path);
  const last = path[path.length - 1];
  const widget = info.known ? widgetOf(path, info) : widgetOfValue(value);
  const title = pick(info.title, ctx.locale);
  const key = typeof last === 'number' ? String(last + 1) : String(last ?? '');
  const label = typeof last === 'number' ? `${title ?? ''} ${last + 1}`.trim() : (title ?? key);
  const help = pick(info.description, ctx.locale);
  const example = exampleText(info.examples[0]);
  const unit = unitOf(title, widget);
  const base = {
    id: encodePointer(path),
    path,
    key,
    label,
    ...(help !== undefined ? { help } : {}),
    ...(example !== undefined && widget !== 'object' && widget !== 'list' ? { example } : {}),
    ...(unit !== undefined ? { unit } : {}),
    widget,
    required: spec.required,
    present,
    removable: spec.removable,
    ...withAt(positionOf(ctx, path)),
    findings: [] as FormFinding[],
  };
  let field: MutableField;
  if (widget === 'object') field = objectField(ctx, spec, base, value);
  else if (widget === 'list') field = listField(ctx, spec, base, value);
  else field = leafField(ctx, spec, base, info, widget, value);
  ctx.index.set(field.id, field);
  return field;
}

function withAt(at: FormPosition | undefined): { at?: FormPosition } {
  return at === undefined ? {} : { at };
}

type Base = Omit<MutableField, 'editable'>;

function notEditable(base: Base, value: unknown): MutableField {
  let raw: string;
  try {
    raw = JSON.stringify(value) ?? String(value);
  } catch {
    raw = String(value);
  }
  return { ...base, editable: false, raw };
}

function objectField(ctx: FieldContext, spec: FieldSpec, base: Base, value: unknown): MutableField {
  if (spec.present && value !== null && !isRecord(value)) return notEditable(base, value);
  if (spec.depth >= MAX_DEPTH) return spec.present ? notEditable(base, value) : { ...base, editable: false };
  const info = fieldInfo(spec.path);
  const record = isRecord(value) ? value : {};
  const children: MutableField[] = [];
  const addable: { key: string; label: string }[] = [];
  for (const name of info.properties) {
    const childPath = [...spec.path, name];
    const has = Object.hasOwn(record, name);
    const required = info.required.includes(name);
    if (has || required) {
      children.push(
        buildField(ctx, { path: childPath, value: record[name], present: has, required, removable: !required, depth: spec.depth + 1 }),
      );
    } else {
      addable.push({ key: name, label: pick(fieldInfo(childPath).title, ctx.locale) ?? name });
    }
  }
  for (const name of Object.keys(record)) {
    if (info.properties.includes(name)) continue;
    children.push(
      buildField(ctx, { path: [...spec.path, name], value: record[name], present: true, required: false, removable: true, depth: spec.depth + 1 }),
    );
  }
  return { ...base, editable: true, children, addable };
}

function listField(ctx: FieldContext, spec: FieldSpec, base: Base, value: unknown): MutableField {
  if (spec.present && value !== null && !Array.isArray(value)) return notEditable(base, value);
  if (spec.depth >= MAX_DEPTH) return spec.present ? notEditable(base, value) : { ...base, editable: false };
  const list = Array.isArray(value) ? (value as unknown[]) : [];
  const items = list.map((item, i) =>
    buildField(ctx, { path: [...spec.path, i], value: item, present: true, required: false, removable: true, depth: spec.depth + 1 }),
  );
  return { ...base, editable: true, items };
}

function leafField(
  ctx: FieldContext,
  spec: FieldSpec,
  base: Base,
  info: ReturnType<typeof fieldInfo>,
  widget: FormWidget,
  value: unknown,
): MutableField {
  const picker = pickerOptions(widget, spec.path, info, ctx.app, ctx.locale);
  const facts = ctx.facts(spec.path);
  const extra = {
    ...(picker !== undefined ? { options: picker.options } : {}),
    ...(picker?.note !== undefined ? { optionsNote: picker.note } : {}),
    ...(facts !== undefined && facts.length > 0 ? { facts } : {}),
  };
  if (!spec.present) return { ...base, ...extra, editable: true };
  if (!isScalar(value)) return { ...notEditable(base, value), ...extra };
  return { ...base, ...extra, editable: true, value };
}
