/**
 * "Did you mean": the closest allowed key or enum value to what the user wrote, by Damerau-
 * Levenshtein distance (optimal string alignment) over code points, so it works for Chinese as well
 * as for snake_case keys. Owns the distance and the threshold; the callers decide what the
 * candidates are.
 */

/**
 * The optimal-string-alignment distance between two strings, counted in code points: insertions,
 * deletions, substitutions and transpositions of adjacent characters each cost 1.
 */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  // Three rolling rows: two back (for transpositions), previous, current.
  let prevPrev: number[] = new Array<number>(t.length + 1).fill(0);
  let prev: number[] = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current: number[] = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (prevPrev[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[t.length] ?? 0;
}

/**
 * The largest distance still worth suggesting for strings of this length (in code points): one edit
 * up to 3 characters (`浙江` → `浙江省`), two up to 6, then a third of the length. A suggestion must
 * also keep at least one character of what was written.
 */
export function maxDistance(length: number): number {
  if (length <= 3) return 1;
  if (length <= 6) return 2;
  return Math.floor(length / 3);
}

/**
 * The candidate closest to `input`, or undefined when none is close enough (within `maxDistance`, or
 * starting with the input when it has two characters or more). Comparison ignores case
 * and surrounding whitespace; ties go to the earlier candidate. `exclude` removes candidates that
 * must not be proposed (e.g. keys already present in the mapping).
 */
export function closestMatch(
  input: string,
  candidates: readonly string[],
  exclude: ReadonlySet<string> = new Set(),
): string | undefined {
  const wanted = normalize(input);
  if (wanted === '') return undefined;
  const wantedLength = Array.from(wanted).length;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === input || exclude.has(candidate)) continue;
    const normalized = normalize(candidate);
    const candidateLength = Array.from(normalized).length;
    const length = Math.max(wantedLength, candidateLength);
    // A prefix of two characters or more also counts: short forms such as 内蒙古 or 广西 for
    // 内蒙古自治区 and 广西壮族自治区 are too far by distance alone.
    const isPrefix = wantedLength >= 2 && normalized.startsWith(wanted);
    // The distance is at least the difference in length: skip the quadratic computation when that
    // alone rules the candidate out (a value of a megabyte against a list of names took seconds).
    if (!isPrefix && Math.abs(wantedLength - candidateLength) > maxDistance(length)) continue;
    const distance = editDistance(wanted, normalized);
    if (!isPrefix && (distance > maxDistance(length) || distance >= wantedLength)) continue;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function normalize(text: string): string {
  return text.trim().toLowerCase();
}
