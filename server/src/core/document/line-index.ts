/**
 * Converts UTF-16 offsets of a text to zero-based line/character positions and back. Owns line
 * splitting (LF, CRLF and lone CR); knows nothing about YAML.
 */

export interface Position {
  /** Zero-based line. */
  readonly line: number;
  /** Zero-based UTF-16 code-unit column, as LSP counts it. */
  readonly character: number;
}

export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // LF only (the usual case): let indexOf find the breaks, several times faster than a loop.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /**
   * The index of `text`, where text[p, e0 + delta) replaced previous[p, e0) of the text `previous`
   * indexes: the line starts before the change are kept, those after it moved by delta, only the
   * changed span is scanned. A carriage return at the edges of the change (a CRLF it may split)
   * makes it a full index.
   */
  static edited(previous: LineIndex, text: string, p: number, e0: number, delta: number): LineIndex {
    const old = previous.text;
    const e1 = e0 + delta;
    if (
      old.length + delta !== text.length ||
      old.slice(Math.max(0, p - 1), e0 + 1).includes('\r') ||
      text.slice(Math.max(0, p - 1), e1 + 1).includes('\r')
    ) {
      return new LineIndex(text);
    }
    const starts = previous.lineStarts;
    // Starts up to p come from breaks before the change; starts after e0 from breaks at or after it.
    let keep = 0;
    let high = starts.length;
    while (keep < high) {
      const mid = (keep + high) >> 1;
      if ((starts[mid] ?? 0) <= p) keep = mid + 1;
      else high = mid;
    }
    const next = starts.slice(0, keep);
    for (let i = text.indexOf('\n', p); i >= 0 && i < e1; i = text.indexOf('\n', i + 1)) next.push(i + 1);
    let from = keep;
    while (from < starts.length && (starts[from] ?? 0) <= e0) from++;
    for (let k = from; k < starts.length; k++) next.push((starts[k] ?? 0) + delta);
    const index = Object.create(LineIndex.prototype) as LineIndex;
    Object.assign(index, { text, lineStarts: next });
    return index;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of an offset, clamped to the text. */
  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between the \r and the \n of a CRLF is no position of the document: use the line end.
    if (clamped > 0 && this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - (this.lineStarts[low] ?? 0) };
  }

  /** The offset of a position, clamped to the line and the text. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line] ?? 0;
    const next = this.lineStarts[position.line + 1] ?? this.text.length;
    return Math.max(start, Math.min(start + position.character, next));
  }
}
