/** The text range of a scalar's content: inside the quotes of a quoted scalar, the whole value otherwise. */
import type { OffsetRange } from '../types';

export function unquotedRange(text: string, range: OffsetRange): OffsetRange {
  const first = text.charAt(range.start);
  if (
    range.end - range.start >= 2 &&
    (first === '"' || first === "'") &&
    text.charAt(range.end - 1) === first
  )
    return { start: range.start + 1, end: range.end - 1 };
  return range;
}
