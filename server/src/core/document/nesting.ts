/**
 * A linear pre-scan for nesting too deep to hand to yaml: its composer recurses once per level, and
 * at a few thousand levels V8 can die uncatchably (a regular expression compiled near the stack limit
 * aborts the process). Counts flow brackets outside quotes and comments, and compact sequence dashes
 * (`- - - x`) on one line. Owns the estimate only; parse.ts decides what to do with it.
 */

/** The deepest nesting handed to yaml; far above any application (which nests about 5 levels). */
export const MAX_PARSE_DEPTH = 256;

/** The offset where nesting first exceeds `limit`, or -1 when it never does. */
export function nestingOverflow(text: string, limit = MAX_PARSE_DEPTH): number {
  let depth = 0;
  let quote: '"' | "'" | undefined;
  let lineStart = true;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      lineStart = true;
      dashes = 0;
      if (quote === "'") continue; // single-quoted scalars may span lines
      continue;
    }
    if (quote !== undefined) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ' '))) {
      while (i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      lineStart = false;
    } else if (ch === '[' || ch === '{') {
      if (++depth > limit) return i;
      lineStart = false;
    } else if (ch === ']' || ch === '}') {
      if (depth > 0) depth--;
      lineStart = false;
    } else if (ch === '-' && lineStart && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
      if (++dashes > limit) return i;
    } else if (ch !== ' ' && ch !== '\t') {
      lineStart = false;
    }
  }
  return -1;
}
