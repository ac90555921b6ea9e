/**
 * Draws the laid-out network organisation diagram as a standalone SVG (网络组织方案图.svg, and
 * rasterised into 网络组织方案图.png): a title, one rounded box per node with its number badge, label and
 * details, arrows along dagre's edge routes with their signalling/trunk labels, a colour legend, and
 * for a draft a diagonal "草稿" mark. Text is escaped; fonts fall back through common CJK families.
 */
import type { DiagramNodeKind } from '../../core/export/types';
import { DRAFT_MARK } from '../../core/export/types';
import {
  BADGE_SPACE,
  EDGE_LABEL_SIZE,
  LEGEND_SIZE,
  LINE_GAP,
  PADDING_X,
  PADDING_Y,
  textWidth,
  type DiagramLayout,
  type Point,
} from './diagram-layout';
import { FONT_FAMILY } from './diagram-fonts';

/** The font-family of the whole drawing (diagram-fonts.ts). */
export { FONT_FAMILY } from './diagram-fonts';

/** Fill and stroke colours per node kind (shared with the Word shapes). */
export const KIND_COLOURS: Readonly<Record<DiagramNodeKind, { readonly fill: string; readonly stroke: string }>> = {
  users: { fill: '#f3f4f6', stroke: '#6b7280' },
  carrier: { fill: '#e8f0fb', stroke: '#2f6db5' },
  transit: { fill: '#fff4e0', stroke: '#c27803' },
  gateway: { fill: '#e9f6ec', stroke: '#2e7d32' },
  site: { fill: '#fdecec', stroke: '#b23b3b' },
};

export const EDGE_COLOUR = '#4b5563';

/** Escapes text for XML character data and attribute values. */
export function xmlEscape(text: string): string {
  // Characters XML 1.0 does not allow at all are dropped.
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function n(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

function pathOf(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x)},${n(p.y)}`).join(' ');
}

/** The SVG text of a laid-out diagram. */
export function renderDiagramSvg(layout: DiagramLayout, options: { readonly draft: boolean }): string {
  const { width, height } = layout;
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlEscape(FONT_FAMILY)}">`,
  );
  out.push(`<title>${xmlEscape(layout.title)}</title>`);
  out.push(
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${EDGE_COLOUR}"/></marker></defs>`,
  );
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(
    `<text x="${n(width / 2)}" y="30" text-anchor="middle" font-size="18" font-weight="bold" fill="#111827">${xmlEscape(layout.title)}</text>`,
  );

  out.push('<g id="edges">');
  for (const edge of layout.edges) {
    if (edge.points.length < 2) continue;
    out.push(
      `<path d="${pathOf(edge.points)}" fill="none" stroke="${EDGE_COLOUR}" stroke-width="1.6" marker-end="url(#arrow)" data-from="${edge.from}" data-to="${edge.to}"/>`,
    );
  }
  for (const edge of layout.edges) {
    if (edge.label === undefined || edge.labelAt === undefined) continue;
    const w = Math.max(edge.labelWidth, textWidth(edge.label, EDGE_LABEL_SIZE) + 10);
    const h = EDGE_LABEL_SIZE + 8;
    out.push(
      `<rect x="${n(edge.labelAt.x - w / 2)}" y="${n(edge.labelAt.y - h / 2)}" width="${n(w)}" height="${h}" rx="3" fill="#ffffff" stroke="#d1d5db" stroke-width="0.8"/>`,
    );
    out.push(
      `<text x="${n(edge.labelAt.x)}" y="${n(edge.labelAt.y + EDGE_LABEL_SIZE * 0.36)}" text-anchor="middle" font-size="${EDGE_LABEL_SIZE}" fill="#374151">${xmlEscape(edge.label)}</text>`,
    );
  }
  out.push('</g>');

  out.push('<g id="nodes">');
  for (const node of layout.nodes) {
    const colours = KIND_COLOURS[node.kind];
    out.push(`<g id="${node.id}" class="node node-${node.kind}" data-number="${node.number}">`);
    out.push(
      `<rect x="${n(node.x)}" y="${n(node.y)}" width="${n(node.width)}" height="${n(node.height)}" rx="7" fill="${colours.fill}" stroke="${colours.stroke}" stroke-width="1.6"/>`,
    );
    const cx = node.x + PADDING_X + 9;
    const cy = node.y + node.height / 2;
    out.push(`<circle cx="${n(cx)}" cy="${n(cy)}" r="10" fill="${colours.stroke}"/>`);
    out.push(
      `<text x="${n(cx)}" y="${n(cy + 4)}" text-anchor="middle" font-size="11" font-weight="bold" fill="#ffffff">${node.number}</text>`,
    );
    const textX = node.x + PADDING_X + BADGE_SPACE;
    const total = node.lines.reduce((sum, l) => sum + l.size + LINE_GAP, 0) - LINE_GAP;
    let y = node.y + Math.max(PADDING_Y, (node.height - total) / 2);
    for (const line of node.lines) {
      y += line.size;
      out.push(
        `<text x="${n(textX)}" y="${n(y - 2)}" font-size="${line.size}"${line.bold ? ' font-weight="bold"' : ''} fill="${line.bold ? '#111827' : '#374151'}">${xmlEscape(line.text)}</text>`,
      );
      y += LINE_GAP;
    }
    out.push('</g>');
  }
  out.push('</g>');

  out.push('<g id="legend">');
  for (const entry of layout.legend) {
    const colours = KIND_COLOURS[entry.kind];
    out.push(
      `<rect x="${n(entry.x)}" y="${n(entry.y - 7)}" width="14" height="14" rx="3" fill="${colours.fill}" stroke="${colours.stroke}" stroke-width="1.4"/>`,
    );
    out.push(`<text x="${n(entry.x + 20)}" y="${n(entry.y + 4.5)}" font-size="${LEGEND_SIZE}" fill="#374151">${xmlEscape(entry.label)}</text>`);
  }
  out.push('</g>');

  if (options.draft) {
    const size = Math.max(48, Math.min(width, height) / 3);
    out.push(
      `<text id="draft-mark" x="${n(width / 2)}" y="${n(height / 2 + size / 3)}" text-anchor="middle" font-size="${n(size)}" font-weight="bold" fill="#dc2626" fill-opacity="0.16" transform="rotate(-30 ${n(width / 2)} ${n(height / 2)})">${DRAFT_MARK} DRAFT</text>`,
    );
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
