/**
 * 网络组织方案图.png: the diagram SVG rasterised with every Chinese label, by resvg in a worker thread
 * (diagram-raster-worker.ts) that starts when the export has the SVG and runs while the Word files
 * are rendered. Cached in memory by content (SHA-256 of the SVG, the font file and its size and
 * date, the zoom), so the editor's or the server's next export of an unchanged diagram costs
 * nothing (no cache on disk: the export reads no file outside the application's folder but the
 * font, test/security/export.test.ts). Without a CJK font (cjk-font.ts) or when drawing fails the PNG is left out and the
 * outcome says why; the export goes on.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { findCjkFont } from './cjk-font';
import type { RasterReply, RasterRequest } from './diagram-raster-worker';

export type RasterOutcome =
  | { readonly status: 'written'; readonly png: Buffer; readonly cached: boolean }
  | { readonly status: 'no-font' }
  | { readonly status: 'failed'; readonly error: string };

/** 1.5 × the SVG's pixel size: sharp enough to print at about 10 cm wide, cheap enough to draw. */
export const PNG_ZOOM = 1.5;
const TIMEOUT_MS = 60_000;
const memory = new Map<string, Buffer>();

function cacheKey(svg: string, fontFile: string, zoom: number): string {
  const font = statSync(fontFile);
  return createHash('sha256').update(`resvg-2.6.2\0${zoom}\0${fontFile}\0${font.size}\0${font.mtimeMs}\0`).update(svg).digest('hex');
}

function remember(key: string, png: Buffer): void {
  memory.set(key, png);
  if (memory.size > 16) memory.delete(memory.keys().next().value as string);
}

/** The worker script: the bundle beside this one, or the TypeScript source under tsx. */
function startWorker(): Worker {
  const bundled = path.join(__dirname, 'diagram-raster-worker.js');
  if (existsSync(bundled)) return new Worker(bundled);
  return new Worker(path.join(__dirname, 'diagram-raster-worker.ts'), { execArgv: ['--require', 'tsx/cjs'] });
}

function drawInWorker(request: RasterRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = startWorker();
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`no answer in ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    const done = (): void => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once('message', (reply: RasterReply) => {
      done();
      if (reply.ok) resolve(Buffer.from(reply.png));
      else reject(new Error(reply.error));
    });
    worker.once('error', (error) => {
      done();
      reject(error);
    });
    worker.postMessage(request);
  });
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
    const key = cacheKey(svg, fontFile, zoom);
    const cached = memory.get(key);
    if (cached !== undefined) return { status: 'written', png: cached, cached: true };
    const png = await drawInWorker({ svg, fontFile, zoom });
    remember(key, png);
    return { status: 'written', png, cached: false };
  } catch (error) {
    return { status: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}
