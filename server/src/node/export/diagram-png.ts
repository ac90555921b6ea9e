/**
 * The raster fallback of the diagram for Word processors that cannot show SVG (docx requires one
 * with an SVG image; LibreOffice 7.x and Word 2013 show it instead of the SVG). No rasterizer or
 * CJK font is available to the extension, so this draws the same layout — coloured boxes, arrows,
 * and each node's number in a small built-in digit font — without the Chinese labels; the numbers
 * key into the node table printed under the diagram in 技术方案.docx. Encoded as an 8-bit RGB PNG
 * with node:zlib (the minimal PNG chunks: IHDR, IDAT, IEND).
 */
import { deflateSync } from 'node:zlib';
import { PADDING_X, type DiagramLayout, type Point } from './diagram-layout';
import { EDGE_COLOUR, KIND_COLOURS } from './diagram-svg';

type Rgb = readonly [number, number, number];

function rgb(hex: string): Rgb {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** 3×5 digit glyphs, rows top to bottom, bits left to right. */
const DIGITS: readonly (readonly number[])[] = [
  [0b111, 0b101, 0b101, 0b101, 0b111],
  [0b010, 0b110, 0b010, 0b010, 0b111],
  [0b111, 0b001, 0b111, 0b100, 0b111],
  [0b111, 0b001, 0b111, 0b001, 0b111],
  [0b101, 0b101, 0b111, 0b001, 0b001],
  [0b111, 0b100, 0b111, 0b001, 0b111],
  [0b111, 0b100, 0b111, 0b101, 0b111],
  [0b111, 0b001, 0b010, 0b010, 0b010],
  [0b111, 0b101, 0b111, 0b101, 0b111],
  [0b111, 0b101, 0b111, 0b001, 0b111],
];

class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3).fill(255);
  }

  set(x: number, y: number, colour: Rgb, alpha = 1): void {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= this.width || yi >= this.height) return;
    const o = (yi * this.width + xi) * 3;
    for (let c = 0; c < 3; c++) {
      const old = this.pixels[o + c] ?? 255;
      this.pixels[o + c] = Math.round(old * (1 - alpha) + colour[c]! * alpha);
    }
  }

  fillRect(x: number, y: number, w: number, h: number, colour: Rgb): void {
    for (let yy = Math.floor(y); yy < Math.ceil(y + h); yy++)
      for (let xx = Math.floor(x); xx < Math.ceil(x + w); xx++) this.set(xx, yy, colour);
  }

  fillCircle(cx: number, cy: number, r: number, colour: Rgb): void {
    for (let yy = Math.floor(cy - r); yy <= Math.ceil(cy + r); yy++)
      for (let xx = Math.floor(cx - r); xx <= Math.ceil(cx + r); xx++)
        if ((xx - cx) ** 2 + (yy - cy) ** 2 <= r * r) this.set(xx, yy, colour);
  }

  /** A thick line as a row of discs. */
  line(a: Point, b: Point, thickness: number, colour: Rgb): void {
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const steps = Math.max(1, Math.ceil(length * 2));
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      this.fillCircle(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, thickness / 2, colour);
    }
  }

  strokeRect(x: number, y: number, w: number, h: number, thickness: number, colour: Rgb): void {
    this.fillRect(x, y, w, thickness, colour);
    this.fillRect(x, y + h - thickness, w, thickness, colour);
    this.fillRect(x, y, thickness, h, colour);
    this.fillRect(x + w - thickness, y, thickness, h, colour);
  }

  fillTriangle(p: Point, q: Point, r: Point, colour: Rgb): void {
    const minX = Math.floor(Math.min(p.x, q.x, r.x));
    const maxX = Math.ceil(Math.max(p.x, q.x, r.x));
    const minY = Math.floor(Math.min(p.y, q.y, r.y));
    const maxY = Math.ceil(Math.max(p.y, q.y, r.y));
    const area = (q.x - p.x) * (r.y - p.y) - (r.x - p.x) * (q.y - p.y);
    if (area === 0) return;
    for (let y = minY; y <= maxY; y++) {
      for (let x = minX; x <= maxX; x++) {
        const w0 = ((q.x - x) * (r.y - y) - (r.x - x) * (q.y - y)) / area;
        const w1 = ((r.x - x) * (p.y - y) - (p.x - x) * (r.y - y)) / area;
        const w2 = 1 - w0 - w1;
        if (w0 >= 0 && w1 >= 0 && w2 >= 0) this.set(x, y, colour);
      }
    }
  }

  digits(text: string, cx: number, cy: number, scale: number, colour: Rgb): void {
    const glyphWidth = 3 * scale;
    const gap = scale;
    const total = text.length * glyphWidth + (text.length - 1) * gap;
    let x = cx - total / 2;
    const y = cy - (5 * scale) / 2;
    for (const ch of text) {
      const glyph = DIGITS[Number(ch)];
      if (glyph !== undefined) {
        glyph.forEach((row, ry) => {
          for (let bx = 0; bx < 3; bx++)
            if (row & (1 << (2 - bx))) this.fillRect(x + bx * scale, y + ry * scale, scale, scale, colour);
        });
      }
      x += glyphWidth + gap;
    }
  }
}

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** Encodes RGB pixels as a PNG file. */
export function encodePng(width: number, height: number, pixels: Uint8Array): Buffer {
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type RGB
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The PNG fallback of a laid-out diagram, drawn at `scale` × the SVG size. */
export function renderDiagramPng(layout: DiagramLayout, options: { readonly draft: boolean; readonly scale?: number }): Buffer {
  const s = options.scale ?? 2;
  const canvas = new Canvas(Math.max(1, Math.ceil(layout.width * s)), Math.max(1, Math.ceil(layout.height * s)));
  const edge = rgb(EDGE_COLOUR);
  for (const e of layout.edges) {
    const pts = e.points.map((p) => ({ x: p.x * s, y: p.y * s }));
    for (let i = 1; i < pts.length; i++) canvas.line(pts[i - 1]!, pts[i]!, 1.6 * s, edge);
    const tip = pts[pts.length - 1];
    const before = pts[pts.length - 2];
    if (tip !== undefined && before !== undefined) {
      const angle = Math.atan2(tip.y - before.y, tip.x - before.x);
      const len = 9 * s;
      const spread = 0.45;
      canvas.fillTriangle(
        tip,
        { x: tip.x - len * Math.cos(angle - spread), y: tip.y - len * Math.sin(angle - spread) },
        { x: tip.x - len * Math.cos(angle + spread), y: tip.y - len * Math.sin(angle + spread) },
        edge,
      );
    }
  }
  for (const node of layout.nodes) {
    const colours = KIND_COLOURS[node.kind];
    const stroke = rgb(colours.stroke);
    canvas.fillRect(node.x * s, node.y * s, node.width * s, node.height * s, rgb(colours.fill));
    canvas.strokeRect(node.x * s, node.y * s, node.width * s, node.height * s, 1.6 * s, stroke);
    const cx = (node.x + PADDING_X + 9) * s;
    const cy = (node.y + node.height / 2) * s;
    canvas.fillCircle(cx, cy, 10 * s, stroke);
    canvas.digits(String(node.number), cx, cy, Math.max(1, Math.round(2 * s)), [255, 255, 255]);
  }
  if (options.draft) {
    // A red band across the image: the fallback cannot draw the "草稿" glyphs.
    const red = rgb('#dc2626');
    const h = canvas.height;
    for (let x = 0; x < canvas.width; x++) {
      const y0 = h * 0.75 - (x / canvas.width) * h * 0.5;
      for (let t = -4 * s; t <= 4 * s; t++) canvas.set(x, y0 + t, red, 0.35);
    }
  }
  return encodePng(canvas.width, canvas.height, canvas.pixels);
}
