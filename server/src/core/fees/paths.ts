/**
 * The data paths a fee model refers to (every figure's `path`, the notes' and the blocking findings'),
 * each once, with the key a consumer uses to look its location up: the JSON Pointer of the path.
 * Shared by the server's fee-preview request and the CLI's `miit95 fees`.
 */
import { encodePointer } from '../document/pointer';
import type { DataPath } from '../types';
import type { FeeModel } from './model';

/** The lookup key of a path: its JSON Pointer (`['number', 'candidates', 0]` → `/number/candidates/0`). */
export function pathKey(path: DataPath): string {
  return encodePointer(path);
}

function isPath(value: unknown): value is DataPath {
  return Array.isArray(value) && value.every((s) => typeof s === 'string' || typeof s === 'number');
}

/** Every distinct path in the model, in first-seen order. */
export function modelPaths(model: FeeModel): DataPath[] {
  const seen = new Map<string, DataPath>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'path' && isPath(value)) {
        const k = pathKey(value);
        if (!seen.has(k)) seen.set(k, value);
      } else walk(value);
    }
  };
  walk(model);
  return [...seen.values()];
}
