/**
 * Offset-based text edits, the fixer's output: `[start, end)` UTF-16 offsets into the text the edit
 * was computed for, and the replacement. Owns sorting, merging insertions at one point, conflict
 * detection and application; knows nothing about YAML. The LSP layer converts these to LSP
 * TextEdits through the core's LineIndex.
 */

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/**
 * Sorts edits by position (stable: insertions at one offset keep their order) and joins insertions
 * at the same offset into one edit, so consumers that reorder equal positions cannot scramble them.
 * Drops edits that change nothing.
 */
export function normalizeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index)
    .map(({ edit }) => edit);
  const out: TextEdit[] = [];
  for (const edit of sorted) {
    if (edit.start === edit.end && edit.newText === '') continue;
    const last = out[out.length - 1];
    if (last !== undefined && last.start === last.end && edit.start === edit.end && last.start === edit.start) {
      out[out.length - 1] = { start: last.start, end: last.end, newText: last.newText + edit.newText };
      continue;
    }
    out.push(edit);
  }
  return out;
}

/**
 * True when two edits cannot both be applied: their ranges overlap, or both insert at the same
 * offset (their order would be a guess), or one inserts strictly inside the other's range.
 */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** True when any edit of `a` conflicts with any edit of `b`. */
export function editSetsConflict(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.some((x) => b.some((y) => editsConflict(x, y)));
}

/**
 * Applies edits computed for `text`. Throws on overlapping edits (a bug in the caller: the fixer
 * never produces them).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = normalizeEdits(edits);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) {
      throw new Error(`overlapping or out-of-range edit [${edit.start}, ${edit.end})`);
    }
    out += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}
