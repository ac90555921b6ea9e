/**
 * 网络组织方案图.png: the diagram SVG rasterised with every Chinese label, by resvg in a worker thread
 * (diagram-raster-worker.ts, kept between exports by diagram-raster-pool.ts) that the export starts
 * first (prepareDiagramRaster: resvg compiled and the font read during validation) and that draws
 * while the Word files are rendered. Cached in memory by content (SHA-256 of the SVG, the font file and its size and
 * date, the zoom), so the editor's or the server's next export of an unchanged diagram costs
 * nothing (no cache on disk: the export reads no file outside the application's folder but the
 * font, test/security/export.test.ts). Without a CJK font (cjk-font.ts) or when drawing fails the PNG is left out and the
 * outcome says why; the export goes on.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { findCjkFont } from './cjk-font';
import { drawInWorker, prepareRaster } from './diagram-raster-pool';
import type { FontRef } from './diagram-raster-worker';

export type RasterOutcome =
  | { readonly status: 'written'; readonly png: Buffer; readonly cached: boolean }
  | { readonly status: 'no-font' }
  | { readonly status: 'failed'; readonly error: string };

/** 1.5 × the SVG's pixel size: sharp enough to print at about 10 cm wide, cheap enough to draw. */
export const PNG_ZOOM = 1.5;
const memory = new Map<string, Buffer>();

function cacheKey(svg: string, font: FontRef, zoom: number): string {
  return createHash('sha256').update(`resvg-2.6.2\0${zoom}\0${font.file}\0${font.stamp}\0`).update(svg).digest('hex');
}

function remember(key: string, png: Buffer): void {
  memory.set(key, png);
  if (memory.size > 16) memory.delete(memory.keys().next().value as string);
}

function fontRef(fontFile: string): FontRef {
  const font = statSync(fontFile);
  return { file: fontFile, stamp: `${font.size}\0${font.mtimeMs}` };
}

/**
 * Starts the drawing worker and has it compile resvg and read the CJK font while the caller does
 * other work (the export calls it first, before validating): the drawing then costs only itself.
 * Does nothing without a font. Never throws.
 */
export function prepareDiagramRaster(options: { readonly fontFile?: string } = {}): void {
  try {
    const fontFile = findCjkFont(options.fontFile ?? process.env['MIIT95_CJK_FONT']);
    if (fontFile !== undefined) prepareRaster(fontRef(fontFile));
  } catch {
    // The drawing reports the problem.
  }
}

/** Draws `svg` as a PNG (or takes it from the cache). Never throws. */
export async function rasteriseDiagram(
  svg: string,
  options: { readonly fontFile?: string; readonly zoom?: number } = {},
): Promise<RasterOutcome> {
  const fontFile = findCjkFont(options.fontFile ?? process.env['MIIT95_CJK_FONT']);
  if (fontFile === undefined) return { status: 'no-font' };
  const zoom = options.zoom ?? PNG_ZOOM;
  try {
    const font = fontRef(fontFile);
    const key = cacheKey(svg, font, zoom);
    const cached = memory.get(key);
    if (cached !== undefined) return { status: 'written', png: cached, cached: true };
    const png = await drawInWorker(svg, font, zoom);
    remember(key, png);
    return { status: 'written', png, cached: false };
  } catch (error) {
    return { status: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}
