/**
 * The worker thread that rasterises the diagram SVG into 网络组织方案图.png with resvg (WebAssembly,
 * @resvg/resvg-wasm). It answers two messages: `prepare` (compile the WebAssembly module and read
 * the CJK font — of a collection, only the faces the diagram uses —, ahead of the drawing: the
 * export sends it as soon as it starts) and `draw` (the PNG bytes, encoded by png-encode.ts, or an
 * error message). It keeps the compiled module and the font bytes for its whole life, so the
 * long-lived language server's next export draws at once; diagram-raster-pool.ts
 * decides when it ends. In a worker so that the CPU-heavy drawing runs beside the Word files'
 * rendering instead of after it, and never blocks the language server's or the extension's thread.
 * Bundled as dist/diagram-raster-worker.js, next to dist/resvg.wasm.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { FONT_FAMILY } from './diagram-fonts';
import { encodePng } from './png-encode';
import { useResvgV8Flags } from './resvg-flags';
import { extractFamily, FontFormatError, type FontSource } from './ttc-face';

// V8's baseline WebAssembly compiler alone: see resvg-flags.ts.
useResvgV8Flags();

/** The font file and what identifies its content (size and modification time): a changed file is read again. */
export interface FontRef {
  readonly file: string;
  readonly stamp: string;
}

export type RasterRequest =
  | { readonly kind: 'prepare'; readonly font: FontRef }
  | { readonly kind: 'draw'; readonly id: number; readonly svg: string; readonly font: FontRef; readonly zoom: number };

export type RasterReply =
  | { readonly id: number; readonly ok: true; readonly png: Uint8Array }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** dist/resvg.wasm beside the bundle, or the package's file when running from source. */
function wasmFile(): string {
  const bundled = path.join(__dirname, 'resvg.wasm');
  if (existsSync(bundled)) return bundled;
  return require.resolve('@resvg/resvg-wasm/index_bg.wasm');
}

let ready: Promise<void> | undefined;
let font: { readonly ref: FontRef; readonly bytes: Uint8Array } | undefined;

function wasmReady(): Promise<void> {
  ready ??= initWasm(readFileSync(wasmFile()));
  return ready;
}

/** Positioned reads of an open file, each to the last byte asked for. */
function fileSource(fd: number): FontSource {
  return {
    size: fstatSync(fd).size,
    read(target, offset, length, position) {
      for (let done = 0; done < length; ) {
        const n = readSync(fd, target, offset + done, length - done, position + done);
        if (n === 0) throw new FontFormatError(`the file ends before byte ${position + length}`);
        done += n;
      }
    },
  };
}

/**
 * What resvg is given of the font file: from a collection, only the faces of the first family of
 * the diagram's font-family list that it has — the faces resvg would use (ttc-face.ts) —, else the
 * whole file (a single font, or a collection that has none of the families or does not parse).
 */
function loadFont(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const faces = extractFamily(fileSource(fd), FONT_FAMILY);
    if (faces !== undefined) return faces;
  } catch {
    // Read whole below, as resvg would read it.
  } finally {
    closeSync(fd);
  }
  return readFileSync(file);
}

/** The font's bytes, read once per file content. */
function fontBytes(ref: FontRef): Uint8Array {
  if (font === undefined || font.ref.file !== ref.file || font.ref.stamp !== ref.stamp) font = { ref, bytes: loadFont(ref.file) };
  return font.bytes;
}

async function draw(svg: string, ref: FontRef, zoom: number): Promise<Uint8Array> {
  await wasmReady();
  const resvg = new Resvg(svg, {
    font: { fontBuffers: [fontBytes(ref)] },
    fitTo: { mode: 'zoom', value: zoom },
    background: '#ffffff',
  });
  try {
    const image = resvg.render();
    const png = encodePng(image.pixels, image.width, image.height);
    image.free();
    return png;
  } finally {
    resvg.free();
  }
}

/**
 * Drawn once ahead of the first real drawing: V8 compiles WebAssembly functions when first called,
 * so this compiles resvg's parsing, text layout, rendering and the PNG encoding while the export
 * still validates the file.
 */
const WARM_UP_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect x="1" y="1" width="38" height="18" fill="#dbeafe" stroke="#1d4ed8"/>' +
  '<path d="M2,10 L38,10" stroke="#4b5563" stroke-dasharray="4 2"/><text x="20" y="14" font-size="10" text-anchor="middle" font-weight="bold">网络 A1</text></svg>';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

parentPort?.on('message', (request: RasterRequest) => {
  if (request.kind === 'prepare') {
    // A failure here shows again, with its message, when the drawing is asked for.
    draw(WARM_UP_SVG, request.font, 1).then(
      () => undefined,
      () => undefined,
    );
    return;
  }
  draw(request.svg, request.font, request.zoom).then(
    (png) => parentPort?.postMessage({ id: request.id, ok: true, png } satisfies RasterReply, [png.buffer as ArrayBuffer]),
    (error: unknown) => parentPort?.postMessage({ id: request.id, ok: false, error: message(error) } satisfies RasterReply),
  );
});
