/**
 * JSON Pointers (RFC 6901) as ajv reports them in `instancePath`, decoded to the core's DataPath and
 * back, plus the display form used in messages (`usage.area[2].province`). Owns escaping only; it
 * does not know the YAML tree (see locate.ts).
 */
import type { DataPath } from '../types';

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/** Unescapes one reference token: `~1` → `/` first, then `~0` → `~` (the RFC's order). */
export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Escapes one reference token: `~` → `~0` first, then `/` → `~1`. */
export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Decodes a JSON Pointer into a DataPath. A token becomes a number when it is an array index
 * (`0`, `17`, not `01`) AND the data at that point is an array; with no data to consult, all tokens
 * stay strings (the locator accepts numeric strings on sequences too). A leading `#` (URI fragment
 * form) is accepted. The empty pointer is the root, `[]`.
 */
export function decodePointer(pointer: string, data?: unknown): DataPath {
  let text = pointer.startsWith('#') ? safeDecodeURIComponent(pointer.slice(1)) : pointer;
  if (text === '') return [];
  if (!text.startsWith('/')) text = `/${text}`;
  const path: (string | number)[] = [];
  let current: unknown = data;
  for (const raw of text.slice(1).split('/')) {
    const token = unescapeToken(raw);
    if (Array.isArray(current) && ARRAY_INDEX.test(token)) {
      const index = Number(token);
      path.push(index);
      current = current[index] as unknown;
    } else {
      path.push(token);
      current =
        current !== null &&
        typeof current === 'object' &&
        Object.prototype.hasOwnProperty.call(current, token)
          ? (current as Record<string, unknown>)[token]
          : undefined;
    }
  }
  return path;
}

/** Encodes a DataPath as a JSON Pointer (`['a/b', 0]` → `/a~1b/0`). */
export function encodePointer(path: DataPath): string {
  return path.map((segment) => `/${escapeToken(String(segment))}`).join('');
}

/**
 * The human form of a path used in messages: keys joined with dots, indices in brackets
 * (`usage.area[2].province`). Keys that are not simple identifiers are quoted with brackets.
 */
export function displayPath(path: DataPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[^\s.[\]"]+$/u.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

function safeDecodeURIComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
