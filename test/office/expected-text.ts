/**
 * What a rendered document must show, and the check of a rendering against it. The expectation is
 * read from the export model (the document's blocks in reading order: title, headings, paragraphs,
 * form and data tables cell by cell, list items, signature lines; for the diagram every label drawn
 * in it), so it follows the content wherever the content comes from. The check compares the text
 * with all white space removed (pdftotext breaks lines and spaces CJK freely): every fragment must
 * occur after the previous one. The drawing is painted after the page's text (its text comes last in
 * the content stream), so the diagram labels are looked for by position: on the caption's page, in
 * the lines below the text before the diagram and above the caption (the node table under the
 * diagram repeats the labels, so a label missing from the drawing cannot be found there). Every
 * page must carry its own "第 N 页 共 M 页".
 */
import type { PageLine } from './office-render';
import type { Block, DiagramGraph, DocumentSpec } from '../../server/src/core/export';
import { NODE_KIND_LABELS, NOT_GIVEN } from '../../server/src/core/export';

export type Expected =
  | { readonly kind: 'text'; readonly what: string; readonly text: string }
  /** Labels that must all lie between the previous fragment and `caption`. */
  | { readonly kind: 'diagram'; readonly labels: readonly string[]; readonly caption: string };

/**
 * Text without any white space (ASCII, ideographic space, no-break space, line breaks) and without
 * "☐": LibreOffice draws the ballot box (see the page images) but pdftotext reads no character for
 * the glyph it embeds, while "☑" comes through.
 */
export function squeeze(text: string): string {
  return text.replace(/[\s\u3000\u00a0\u200b\u2610]+/g, '');
}

/** A rendered document: the text of every page (content-stream order) and its positioned lines. */
export interface Rendering {
  readonly pages: readonly string[];
  readonly lines: readonly (readonly PageLine[])[];
}

/**
 * The text drawn between the line holding the end of `before` and the caption line, on the first
 * page that has the caption (undefined when no page has it).
 */
function drawingText(rendering: Rendering, before: string, caption: string): string | undefined {
  const wantedCaption = squeeze(caption);
  for (const lines of rendering.lines) {
    // pdftotext may cut one printed line into several (at the ideographic space): join each row.
    const captionLine = lines.find((line) =>
      squeeze(
        lines
          .filter((l) => Math.abs(l.yMin - line.yMin) < 1)
          .sort((a, b) => a.xMin - b.xMin)
          .map((l) => l.text)
          .join(''),
      ).includes(wantedCaption),
    );
    if (captionLine === undefined) continue;
    const tail = squeeze(before).slice(-16);
    const above = lines.filter((l) => l.yMax <= captionLine.yMin + 0.5);
    const anchor = tail === '' ? undefined : [...above].reverse().find((l) => squeeze(l.text).includes(tail));
    const top = anchor?.yMax ?? 0;
    return above
      .filter((l) => l !== anchor && l.yMin >= top - 0.5)
      .map((l) => squeeze(l.text))
      .join('');
  }
  return undefined;
}

/** Every label drawn in the diagram: title, node labels and details, edge labels, legend entries. */
export function diagramLabels(graph: DiagramGraph): string[] {
  const kinds = new Set(graph.nodes.map((n) => n.kind));
  return [
    graph.title,
    ...graph.nodes.flatMap((n) => [n.label, ...n.details]),
    ...graph.edges.flatMap((e) => (e.label === undefined ? [] : [e.label])),
    ...(Object.keys(NODE_KIND_LABELS) as (keyof typeof NODE_KIND_LABELS)[])
      .filter((k) => kinds.has(k))
      .map((k) => NODE_KIND_LABELS[k]),
  ];
}

function lines(text: string, what: string): Expected[] {
  return text
    .split(/\r?\n/)
    .filter((line) => squeeze(line) !== '')
    .map((line) => ({ kind: 'text' as const, what, text: line }));
}

function blockExpected(block: Block, graph: DiagramGraph): Expected[] {
  switch (block.kind) {
    case 'heading':
      return lines(block.text, 'heading');
    case 'paragraph':
      return lines(block.text, 'paragraph');
    case 'fields':
      return block.rows.flatMap((row) => [
        ...lines(row.label, 'field label'),
        ...lines(row.value === '' ? NOT_GIVEN : row.value, `value of ${row.label}`),
      ]);
    case 'table':
      return [
        ...block.columns.flatMap((c) => lines(c.title, 'column title')),
        ...block.rows.flatMap((row) => row.flatMap((cell) => lines(cell, 'table cell'))),
      ];
    case 'list':
      return block.items.flatMap((item, i) => lines(item, `list item ${i + 1}`));
    case 'diagram':
      return [
        { kind: 'diagram', labels: diagramLabels(graph), caption: block.caption },
        ...lines(block.caption, 'diagram caption'),
      ];
    case 'signature':
      return block.lines.map((l) => ({ kind: 'text' as const, what: 'signature line', text: `${l.label}：${l.value}` }));
  }
}

/** The fragments of a document in reading order. */
export function expectedOf(spec: DocumentSpec, graph: DiagramGraph): Expected[] {
  return [
    ...lines(spec.title, 'title'),
    ...(spec.subtitle === undefined ? [] : lines(spec.subtitle, 'subtitle')),
    ...spec.blocks.flatMap((b) => blockExpected(b, graph)),
  ];
}

/** What the rendering lacks or shows out of order, one line each (empty when it is complete). */
export function checkRendering(rendering: Rendering, expected: readonly Expected[]): string[] {
  const { pages } = rendering;
  const problems: string[] = [];
  const text = squeeze(pages.join('\n'));
  let cursor = 0;
  let previous = '';
  for (const item of expected) {
    if (item.kind === 'text') {
      const wanted = squeeze(item.text);
      const at = text.indexOf(wanted, cursor);
      if (at < 0) {
        problems.push(
          text.includes(wanted) ? `out of order: ${item.what} "${item.text}"` : `missing: ${item.what} "${item.text}"`,
        );
        continue;
      }
      cursor = at + wanted.length;
      previous = item.text;
    } else {
      const drawing = drawingText(rendering, previous, item.caption);
      if (drawing === undefined) {
        problems.push(`missing: the diagram's caption "${item.caption}"`);
        continue;
      }
      for (const label of item.labels)
        if (!drawing.includes(squeeze(label))) problems.push(`missing in the diagram: "${label}"`);
    }
  }
  pages.forEach((page, i) => {
    const footer = `第${i + 1}页共${pages.length}页`;
    if (!squeeze(page).includes(footer)) problems.push(`page ${i + 1}: no footer "${footer}"`);
  });
  return problems;
}
