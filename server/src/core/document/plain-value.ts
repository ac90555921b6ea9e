/**
 * The plain JS value of a parsed yaml tree, as yaml's `toJS` builds it for our documents (string
 * keys, no merge keys, no aliases), with each collection's value kept on its node. A tree that
 * reuses nodes of an earlier version (document/incremental.ts copies them with their cached values)
 * then rebuilds only the values of the collections that changed, and the unchanged parts of the new
 * value are the objects of the previous value. Values are shared between versions: read-only. For
 * anything outside that simple shape (an alias, a non-string key, `__proto__`) it gives up and the
 * caller uses yaml's `toJS`.
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';

/** Where a collection node keeps its value (an own enumerable property: node copies carry it along). */
export const CACHED_VALUE: unique symbol = Symbol('miit95.value');

class Unsupported extends Error {}

/** The value of `contents`, or undefined when the tree has a shape this builder leaves to yaml. */
export function plainValue(contents: unknown): { value: unknown } | undefined {
  try {
    return { value: valueOf(contents) };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** Forgets a node's cached value (its items changed). */
export function forgetValue(node: object): void {
  delete (node as { [CACHED_VALUE]?: unknown })[CACHED_VALUE];
}

function valueOf(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'object' && value !== null) throw new Unsupported();
    if (typeof value === 'bigint') throw new Unsupported();
    return value;
  }
  const holder = node as { [CACHED_VALUE]?: unknown };
  const cached = holder[CACHED_VALUE];
  if (cached !== undefined) return cached;
  let value: unknown;
  if (isMap(node)) {
    const object: Record<string, unknown> = {};
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) throw new Unsupported();
      const key = pair.key.value;
      if (typeof key !== 'string' || key === '__proto__') throw new Unsupported();
      object[key] = valueOf(pair.value);
    }
    value = object;
  } else if (isSeq(node)) {
    value = node.items.map((item) => valueOf(item));
  } else if (isAlias(node)) {
    throw new Unsupported();
  } else {
    throw new Unsupported();
  }
  holder[CACHED_VALUE] = value;
  return value;
}
