/**
 * Memoizes pure functions of one string for the per-keystroke path: most texts of a document are
 * the same from one version to the next, so checks that normalize or scan them (NFKC, Unicode
 * regular expressions, keyword scans) answer from the cache. Bounded: a full cache starts over.
 * Results are shared between callers and must be treated as read-only.
 */

/** A cached version of `fn`; at most `limit` texts are kept. */
export function memoizeText<T>(fn: (text: string) => T, limit = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, value);
    return value;
  };
}
