/**
 * Draws the laid-out network organisation diagram as native Word drawing shapes (DrawingML `wpg`
 * group of `wps` shapes, written by docx's ShapeGroupRun): one rounded box per node with its text
 * in a text box, a number badge, the edges as lines with arrowheads along the layout's routes, the
 * edge labels as small text boxes, the title and the legend. Word, WPS and LibreOffice render the
 * labels in their own fonts (黑体/宋体 with fallbacks), and a consultant can move a box or edit a label
 * in Word without a drawing tool. Geometry is the layout's (diagram-layout.ts), scaled to `scale`.
 */
import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';
import { ShapeGroupRun, type IShapeGroupChildOptions } from 'docx/shapes';
import { DRAFT_MARK } from '../../core/export/types';
import {
  BADGE_SPACE,
  EDGE_LABEL_SIZE,
  LEGEND_SIZE,
  LINE_GAP,
  PADDING_X,
  textWidth,
  type DiagramLayout,
  type Point,
} from './diagram-layout';
import { EDGE_COLOUR, KIND_COLOURS } from './diagram-svg';

/** Fonts for text in the shapes: 黑体 for labels, 宋体 for details, with Latin fallbacks. */
const LABEL_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'SimHei', cs: 'Arial' };
const DETAIL_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' };

function hex(colour: string): string {
  return colour.replace(/^#/, '').toUpperCase();
}

/** Half-points of a text drawn at `px` pixels (96 dpi), scaled. */
function halfPoints(px: number, scale: number): number {
  return Math.max(8, Math.round(px * 0.75 * scale * 2));
}

/** A paragraph in a text box: no spacing before or after, an exact line height. */
function boxParagraph(
  text: string,
  options: { px: number; scale: number; bold?: boolean; colour?: string; centred?: boolean; label?: boolean },
): Paragraph {
  return new Paragraph({
    alignment: options.centred === true ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: {
      before: 0,
      after: 0,
      line: Math.round((options.px + LINE_GAP) * options.scale * 15),
      lineRule: LineRuleType.EXACT,
    },
    children: [
      new TextRun({
        text,
        size: halfPoints(options.px, options.scale),
        font: options.label === true ? LABEL_FONT : DETAIL_FONT,
        ...(options.bold === true ? { bold: true } : {}),
        color: options.colour ?? '111827',
      }),
    ],
  });
}

const NO_MARGINS = { top: 0, right: 0, bottom: 0, left: 0 } as const;

/** A text box without fill or line. */
function textBox(
  paragraphs: Paragraph[],
  box: { x: number; y: number; width: number; height: number },
  vertical: 'top' | 'center' = 'center',
): IShapeGroupChildOptions {
  return {
    type: 'rectangle',
    transformation: { offset: { left: box.x, top: box.y }, width: box.width, height: box.height },
    fill: 'none',
    line: 'none',
    children: paragraphs,
    textOptions: { verticalAlignment: vertical, margins: NO_MARGINS, wrap: false },
  };
}

/** The segments of an edge route as line shapes; the last one carries the arrowhead. */
function edgeLines(points: readonly Point[], scale: number): IShapeGroupChildOptions[] {
  const shapes: IShapeGroupChildOptions[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const x = Math.min(a.x, b.x) * scale;
    const y = Math.min(a.y, b.y) * scale;
    const width = Math.abs(b.x - a.x) * scale;
    const height = Math.abs(b.y - a.y) * scale;
    if (width < 0.01 && height < 0.01) continue;
    shapes.push({
      type: 'line',
      transformation: {
        offset: { left: x, top: y },
        width,
        height,
        flip: { horizontal: b.x < a.x, vertical: b.y < a.y },
      },
      line: {
        color: hex(EDGE_COLOUR),
        width: 1.2,
        ...(i === points.length - 1 ? { endArrow: { type: 'triangle', width: 'medium', length: 'medium' } } : {}),
      },
    });
  }
  return shapes;
}

/** The diagram as one group of shapes, `scale` × the layout's pixel size. */
export function diagramShapeGroup(
  layout: DiagramLayout,
  options: { readonly scale: number; readonly draft: boolean; readonly altText: string },
): ShapeGroupRun {
  const s = options.scale;
  const children: IShapeGroupChildOptions[] = [];
  // A white frame the size of the whole figure, so the group keeps the layout's bounds.
  children.push({
    type: 'rectangle',
    transformation: { offset: { left: 0, top: 0 }, width: layout.width * s, height: layout.height * s },
    fill: 'FFFFFF',
    line: 'none',
  });
  children.push(
    textBox(
      [boxParagraph(layout.title, { px: 18, scale: s, bold: true, centred: true, label: true })],
      { x: 0, y: 10 * s, width: layout.width * s, height: 28 * s },
    ),
  );
  for (const edge of layout.edges) children.push(...edgeLines(edge.points, s));
  for (const edge of layout.edges) {
    if (edge.label === undefined || edge.labelAt === undefined) continue;
    const w = Math.max(edge.labelWidth, textWidth(edge.label, EDGE_LABEL_SIZE) + 10);
    const h = EDGE_LABEL_SIZE + 8;
    children.push({
      type: 'roundedRectangle',
      transformation: {
        offset: { left: (edge.labelAt.x - w / 2) * s, top: (edge.labelAt.y - h / 2) * s },
        width: w * s,
        height: h * s,
      },
      fill: 'FFFFFF',
      line: { color: 'D1D5DB', width: 0.6 },
      children: [boxParagraph(edge.label, { px: EDGE_LABEL_SIZE, scale: s, centred: true, colour: '374151' })],
      textOptions: { verticalAlignment: 'center', margins: NO_MARGINS, wrap: false },
    });
  }
  for (const node of layout.nodes) {
    const colours = KIND_COLOURS[node.kind];
    children.push({
      type: 'roundedRectangle',
      adjustments: { cornerRadius: 12 },
      transformation: { offset: { left: node.x * s, top: node.y * s }, width: node.width * s, height: node.height * s },
      fill: hex(colours.fill),
      line: { color: hex(colours.stroke), width: 1.2 },
    });
    const cx = node.x + PADDING_X + 9;
    const cy = node.y + node.height / 2;
    children.push({
      type: 'ellipse',
      transformation: { offset: { left: (cx - 10) * s, top: (cy - 10) * s }, width: 20 * s, height: 20 * s },
      fill: hex(colours.stroke),
      line: 'none',
      children: [boxParagraph(String(node.number), { px: 11, scale: s, bold: true, centred: true, colour: 'FFFFFF', label: true })],
      textOptions: { verticalAlignment: 'center', margins: NO_MARGINS, wrap: false },
    });
    const textX = node.x + PADDING_X + BADGE_SPACE;
    children.push(
      textBox(
        node.lines.map((line) =>
          boxParagraph(line.text, {
            px: line.size,
            scale: s,
            bold: line.bold,
            label: line.bold,
            colour: line.bold ? '111827' : '374151',
          }),
        ),
        { x: textX * s, y: node.y * s, width: (node.x + node.width - textX - 4) * s, height: node.height * s },
      ),
    );
  }
  for (const entry of layout.legend) {
    const colours = KIND_COLOURS[entry.kind];
    children.push({
      type: 'roundedRectangle',
      transformation: { offset: { left: entry.x * s, top: (entry.y - 7) * s }, width: 14 * s, height: 14 * s },
      fill: hex(colours.fill),
      line: { color: hex(colours.stroke), width: 1 },
    });
    children.push(
      textBox([boxParagraph(entry.label, { px: LEGEND_SIZE, scale: s, colour: '374151' })], {
        x: (entry.x + 20) * s,
        y: (entry.y - 9) * s,
        width: (entry.width - 20 + 8) * s,
        height: 18 * s,
      }),
    );
  }
  if (options.draft) {
    children.push(
      textBox(
        [boxParagraph(`${DRAFT_MARK} DRAFT`, { px: 40, scale: s, bold: true, centred: true, colour: 'F4A5A5', label: true })],
        { x: 0, y: (layout.height / 2 - 30) * s, width: layout.width * s, height: 60 * s },
      ),
    );
  }
  return new ShapeGroupRun({
    children,
    altText: { name: '网络组织方案图', title: options.altText, description: options.altText },
  });
}
