/**
 * Lays out the network organisation diagram with @dagrejs/dagre (top to bottom: callers, carrier
 * networks, gateways, platform sites). Node sizes come from an estimate of the Chinese text width
 * (CJK characters one em, others about 0.6 em) with long labels wrapped, so boxes fit their labels;
 * dagre's node separation keeps boxes from overlapping. Owns geometry only; drawing is
 * diagram-svg.ts (rasterised by diagram-raster.ts) and diagram-shapes.ts (the Word files).
 */
/** The part of dagre's graph API this module uses. */
interface DagreGraph {
  setGraph(label: Record<string, unknown>): void;
  setDefaultEdgeLabel(label: () => Record<string, unknown>): void;
  setNode(id: string, label: { width: number; height: number }): void;
  setEdge(from: string, to: string, label: Record<string, unknown>): void;
  graph(): { width?: number; height?: number };
  node(id: string): { x: number; y: number };
  edge(from: string, to: string): { points?: Point[]; x?: number; y?: number; width?: number };
}

interface Dagre {
  graphlib: { Graph: new (options?: { multigraph?: boolean }) => DagreGraph };
  layout(graph: DagreGraph): void;
}

// dagre's type declarations are ES-module only, while the package also ships the CommonJS build
// (dist/dagre.cjs) that esbuild and tsx load; the interface above types what is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dagre = require('@dagrejs/dagre') as Dagre;
import { NODE_KIND_LABELS, type DiagramGraph, type DiagramNode, type DiagramNodeKind } from '../../core/export/types';

export interface TextLine {
  readonly text: string;
  readonly size: number;
  readonly bold: boolean;
}

export interface LaidOutNode extends DiagramNode {
  /** Top-left corner and size, in diagram coordinates (pixels). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly TextLine[];
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface LaidOutEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly points: readonly Point[];
  /** Centre of the label, when there is one. */
  readonly labelAt?: Point;
  readonly labelWidth: number;
}

/** One entry of the legend: a swatch at `x` and the kind's name after it; `y` is the entry's centre line. */
export interface LegendEntry {
  readonly kind: DiagramNodeKind;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  /** Swatch and text. */
  readonly width: number;
}

export interface DiagramLayout {
  readonly title: string;
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly LaidOutNode[];
  readonly edges: readonly LaidOutEdge[];
  /** One entry per node kind drawn, in the legend band under the graph. */
  readonly legend: readonly LegendEntry[];
}

export const LEGEND_SIZE = 12;
const LEGEND_SWATCH = 20;
const LEGEND_GAP = 18;
const LEGEND_MARGIN = 16;

/** The legend's entries (x from the left margin) and its width. */
function legendEntries(graph: DiagramGraph, y: number): { entries: LegendEntry[]; width: number } {
  const kinds = (Object.keys(NODE_KIND_LABELS) as DiagramNodeKind[]).filter((k) => graph.nodes.some((n) => n.kind === k));
  let x = LEGEND_MARGIN;
  const entries = kinds.map((kind) => {
    const label = NODE_KIND_LABELS[kind];
    const width = LEGEND_SWATCH + textWidth(label, LEGEND_SIZE);
    const entry = { kind, label, x, y, width };
    x += width + LEGEND_GAP;
    return entry;
  });
  return { entries, width: entries.length === 0 ? 0 : x - LEGEND_GAP + LEGEND_MARGIN };
}

export const LABEL_SIZE = 15;
export const DETAIL_SIZE = 12;
export const EDGE_LABEL_SIZE = 12;
export const LINE_GAP = 5;
export const PADDING_X = 12;
export const PADDING_Y = 9;
/** Room for the number badge left of the text. */
export const BADGE_SPACE = 28;
/** Height of the title band above the graph and of the legend band below it. */
export const TITLE_BAND = 46;
export const LEGEND_BAND = 40;
const MAX_TEXT_WIDTH = 180;

/** True for characters drawn one em wide (CJK, fullwidth forms, CJK punctuation). */
function isWide(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/** Estimated width of `text` at `size` px (slightly generous, so labels never overflow). */
export function textWidth(text: string, size: number, bold = false): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += isWide(code) ? size : ch === ' ' ? size * 0.33 : size * 0.62;
  }
  return width * (bold ? 1.05 : 1);
}

/**
 * Splits `text` into lines no wider than `max` px (by character; CJK has no spaces), balanced: as
 * many lines as needed, each about as long as the others (no single character left on a line).
 */
export function wrapText(text: string, size: number, max: number, bold = false): string[] {
  const chars = [...text];
  const count = Math.max(1, Math.ceil(textWidth(text, size, bold) / max));
  for (let lines = count; lines <= chars.length; lines++) {
    const target = textWidth(text, size, bold) / lines;
    const out: string[] = [];
    let current = '';
    for (const ch of chars) {
      if (current !== '' && out.length < lines - 1 && textWidth(current + ch, size, bold) > target + size / 2) {
        out.push(current);
        current = '';
      }
      current += ch;
    }
    out.push(current);
    if (out.every((line) => textWidth(line, size, bold) <= max)) return out;
  }
  return chars.length === 0 ? [''] : chars;
}

function nodeLines(node: DiagramNode): TextLine[] {
  return [
    ...wrapText(node.label, LABEL_SIZE, MAX_TEXT_WIDTH, true).map((text) => ({ text, size: LABEL_SIZE, bold: true })),
    ...node.details.flatMap((d) =>
      wrapText(d, DETAIL_SIZE, MAX_TEXT_WIDTH).map((text) => ({ text, size: DETAIL_SIZE, bold: false })),
    ),
  ];
}

function lineHeight(line: TextLine): number {
  return line.size + LINE_GAP;
}

/** Lays the graph out; coordinates include the title band (top) and the legend band (bottom). */
export function layoutDiagram(graph: DiagramGraph): DiagramLayout {
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 50, edgesep: 24, marginx: 24, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map<string, { width: number; height: number; lines: TextLine[] }>();
  for (const node of graph.nodes) {
    const lines = nodeLines(node);
    const width =
      Math.ceil(Math.max(...lines.map((l) => textWidth(l.text, l.size, l.bold)), 60)) + 2 * PADDING_X + BADGE_SPACE;
    const height = Math.ceil(lines.reduce((sum, l) => sum + lineHeight(l), 0)) + 2 * PADDING_Y;
    sizes.set(node.id, { width, height: Math.max(height, 40), lines });
    g.setNode(node.id, { width, height: Math.max(height, 40) });
  }
  for (const edge of graph.edges) {
    const labelWidth = edge.label === undefined ? 0 : Math.ceil(textWidth(edge.label, EDGE_LABEL_SIZE)) + 10;
    g.setEdge(
      edge.from,
      edge.to,
      edge.label === undefined
        ? {}
        : { width: labelWidth, height: EDGE_LABEL_SIZE + 8, labelpos: 'c' },
    );
  }
  dagre.layout(g);
  const graphLabel = g.graph();
  const titleWidth = textWidth(graph.title, 18, true) + 48;
  const height = Math.ceil((graphLabel.height ?? 0) + TITLE_BAND + LEGEND_BAND);
  const legend = legendEntries(graph, height - LEGEND_BAND / 2);
  const innerWidth = Math.max(graphLabel.width ?? 0, titleWidth, legend.width, 420);
  const shift = (innerWidth - (graphLabel.width ?? 0)) / 2;
  const nodes: LaidOutNode[] = graph.nodes.map((node) => {
    const laid = g.node(node.id);
    const size = sizes.get(node.id) ?? { width: 0, height: 0, lines: [] };
    return {
      ...node,
      x: laid.x - size.width / 2 + shift,
      y: laid.y - size.height / 2 + TITLE_BAND,
      width: size.width,
      height: size.height,
      lines: size.lines,
    };
  });
  const edges: LaidOutEdge[] = graph.edges.map((edge) => {
    const laid = g.edge(edge.from, edge.to);
    const points = (laid.points ?? []).map((p) => ({ x: p.x + shift, y: p.y + TITLE_BAND }));
    return {
      from: edge.from,
      to: edge.to,
      ...(edge.label !== undefined ? { label: edge.label } : {}),
      points,
      ...(edge.label !== undefined && laid.x !== undefined && laid.y !== undefined
        ? { labelAt: { x: laid.x + shift, y: laid.y + TITLE_BAND } }
        : {}),
      labelWidth: laid.width ?? 0,
    };
  });
  return {
    title: graph.title,
    width: Math.ceil(innerWidth),
    height,
    nodes,
    edges,
    legend: legend.entries,
  };
}
