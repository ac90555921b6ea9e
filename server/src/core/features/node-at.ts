/**
 * What the pointer is on, from the YAML AST: the data path of the key or scalar value under an
 * offset, which of the two it is, and its text range. Flow collections are walked like block ones
 * (`cities: [杭州市, 宁波市]` gives the item). Stops at aliases. Owns no schema knowledge.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { valueEnd, valueRange } from '../document/locate';
import type { DataPath, OffsetRange } from '../types';

export interface NodeTarget {
  readonly path: DataPath;
  /** On a mapping key, or on a value (a scalar or an alias). */
  readonly on: 'key' | 'value';
  readonly range: OffsetRange;
  /** The scalar value under the pointer (the key's own value for a key target: see `node`). */
  readonly value: unknown;
}

/** The key or scalar at `offset`, or undefined on blanks, indicators and comments. */
export function nodeAt(yaml: Document.Parsed, text: string, offset: number): NodeTarget | undefined {
  let node = (yaml.contents as Node | null) ?? null;
  const path: (string | number)[] = [];
  for (let depth = 0; node !== null && depth < 512; depth++) {
    if (isMap(node)) {
      let next: Node | null = null;
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const name = key !== null && isScalar(key) ? String(key.value) : undefined;
        if (key !== null && name !== undefined && within(text, key, offset)) {
          const value = pair.value as Node | null;
          return {
            path: [...path, name],
            on: 'key',
            range: valueRange(text, key),
            value: value !== null && isScalar(value) ? value.value : undefined,
          };
        }
        const value = pair.value as Node | null;
        if (value !== null && name !== undefined && within(text, value, offset)) {
          path.push(name);
          next = value;
          break;
        }
      }
      node = next;
      continue;
    }
    if (isSeq(node)) {
      let next: Node | null = null;
      (node.items as (Node | null)[]).forEach((item, index) => {
        if (next === null && item !== null && within(text, item, offset)) {
          path.push(index);
          next = item;
        }
      });
      node = next;
      continue;
    }
    if (isScalar(node) || isAlias(node)) {
      const range = valueRange(text, node);
      if (range.end <= range.start) return undefined;
      return { path, on: 'value', range, value: isScalar(node) ? node.value : undefined };
    }
    return undefined;
  }
  return undefined;
}

function within(text: string, node: Node, offset: number): boolean {
  const start = node.range?.[0];
  if (start === undefined || offset < start) return false;
  return offset <= valueEnd(text, node);
}
