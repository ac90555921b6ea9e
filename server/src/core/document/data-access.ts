/**
 * Typed reads of unvalidated plain data (a parsed document's JS value): the value, string, number,
 * boolean, array, mapping or text at a data path, or undefined (an empty array) when a step is
 * missing or of the wrong kind. Used by the rules, the editor features, the form and the fixer;
 * owns no knowledge of the application's fields.
 */
import type { DataPath } from '../types';

/** True for a plain mapping (not an array, not null). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, or undefined when any step is missing or of the wrong kind. */
export function get(data: unknown, path: DataPath): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment] as unknown;
    } else {
      if (!isRecord(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

/** The string at `path`, or undefined. */
export function getString(data: unknown, path: DataPath): string | undefined {
  const value = get(data, path);
  return typeof value === 'string' ? value : undefined;
}

/** The finite number at `path`, or undefined. */
export function getNumber(data: unknown, path: DataPath): number | undefined {
  const value = get(data, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The boolean at `path`, or undefined. */
export function getBoolean(data: unknown, path: DataPath): boolean | undefined {
  const value = get(data, path);
  return typeof value === 'boolean' ? value : undefined;
}

/** The array at `path`, or an empty array. */
export function getArray(data: unknown, path: DataPath): readonly unknown[] {
  const value = get(data, path);
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** The mapping at `path`, or undefined. */
export function getRecord(data: unknown, path: DataPath): Readonly<Record<string, unknown>> | undefined {
  const value = get(data, path);
  return isRecord(value) ? value : undefined;
}

/** A string or a number as text (candidate numbers may be written either way), or undefined. */
export function getText(data: unknown, path: DataPath): string | undefined {
  const value = get(data, path);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
