/**
 * Folding ranges of an application: every mapping entry and every list item that spans lines (a
 * section, a site, a schedule entry, a folded text), runs of two or more comment lines, and
 * `# region` / `# endregion` markers. From the YAML AST, so it follows the structure rather than the
 * indentation alone. Lines are zero-based; a range starts where the key or item starts and ends on its
 * last line of content (never on trailing blank lines or comments). Transport-free.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { valueEnd } from '../document/locate';
import type { LineIndex } from '../document/line-index';

export interface FoldRange {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind?: 'comment' | 'region';
}

export interface FoldingDocument {
  readonly text: string;
  readonly yaml: Document.Parsed;
  readonly lines: LineIndex;
}

/** The folding ranges of a document, sorted by start line, at most one per start line. */
export function foldingRanges(doc: FoldingDocument): FoldRange[] {
  const { text, lines } = doc;
  const byStart = new Map<number, FoldRange>();
  const add = (range: FoldRange): void => {
    if (range.endLine <= range.startLine) return;
    const existing = byStart.get(range.startLine);
    if (existing === undefined || existing.endLine < range.endLine) byStart.set(range.startLine, range);
  };
  const lineOf = (offset: number): number => lines.positionAt(offset).line;

  const walk = (node: Node | null, depth: number): void => {
    if (node === null || depth > 256) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const value = (pair.value as Node | null) ?? null;
        if (key?.range && value !== null && !(isScalar(value) && value.value === null)) {
          add({
            startLine: lineOf(key.range[0]),
            endLine: lineOf(Math.max(key.range[0], valueEnd(text, value) - 1)),
          });
        }
        walk(value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items as (Node | null)[]) {
        if (item?.range) {
          // The item's fold starts on its `- ` line.
          add({
            startLine: lineOf(item.range[0]),
            endLine: lineOf(Math.max(item.range[0], valueEnd(text, item) - 1)),
          });
        }
        walk(item, depth + 1);
      }
    }
  };
  walk(doc.yaml.contents ?? null, 0);

  // Comment runs and region markers, from the text.
  const textLines = text.split(/\r\n|\r|\n/);
  const regions: number[] = [];
  let runStart = -1;
  textLines.forEach((line, index) => {
    const trimmed = line.trim();
    const isComment = trimmed.startsWith('#');
    if (/^#\s*region\b/.test(trimmed)) regions.push(index);
    else if (/^#\s*endregion\b/.test(trimmed)) {
      const start = regions.pop();
      if (start !== undefined) add({ startLine: start, endLine: index, kind: 'region' });
    }
    if (isComment && !/^#\s*(?:end)?region\b/.test(trimmed)) {
      if (runStart < 0) runStart = index;
    } else {
      if (runStart >= 0 && index - 1 > runStart && !byStart.has(runStart))
        add({ startLine: runStart, endLine: index - 1, kind: 'comment' });
      runStart = -1;
    }
  });
  if (runStart >= 0 && textLines.length - 1 > runStart)
    add({ startLine: runStart, endLine: textLines.length - 1, kind: 'comment' });

  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}
