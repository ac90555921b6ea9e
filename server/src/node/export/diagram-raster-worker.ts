/**
 * The worker thread that rasterises the diagram SVG into 网络组织方案图.png with resvg (WebAssembly,
 * @resvg/resvg-wasm): it receives the SVG, the CJK font file and the zoom, and answers with the PNG
 * bytes or an error message. In a worker so that the CPU-heavy drawing runs beside the Word files'
 * rendering instead of after it, and never blocks the language server's or the extension's thread.
 * Bundled as dist/diagram-raster-worker.js, next to dist/resvg.wasm.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

// resvg runs once per drawing: V8's baseline WebAssembly compiler alone (no optimising tier-up on
// background threads) draws the diagram in about a third of the CPU time (measured: ~0.2 s instead
// of ~0.7 s for the complete sample). The flag only concerns WebAssembly, which nothing else uses.
setFlagsFromString('--liftoff-only');

export interface RasterRequest {
  readonly svg: string;
  readonly fontFile: string;
  readonly zoom: number;
}

export type RasterReply = { readonly ok: true; readonly png: Uint8Array } | { readonly ok: false; readonly error: string };

/** dist/resvg.wasm beside the bundle, or the package's file when running from source. */
function wasmFile(): string {
  const bundled = path.join(__dirname, 'resvg.wasm');
  if (existsSync(bundled)) return bundled;
  return require.resolve('@resvg/resvg-wasm/index_bg.wasm');
}

let ready: Promise<void> | undefined;

async function rasterise(request: RasterRequest): Promise<Uint8Array> {
  ready ??= initWasm(readFileSync(wasmFile()));
  await ready;
  const resvg = new Resvg(request.svg, {
    font: { fontBuffers: [readFileSync(request.fontFile)] },
    fitTo: { mode: 'zoom', value: request.zoom },
    background: '#ffffff',
  });
  const image = resvg.render();
  const png = image.asPng();
  image.free();
  resvg.free();
  return png;
}

parentPort?.on('message', (request: RasterRequest) => {
  rasterise(request).then(
    (png) => parentPort?.postMessage({ ok: true, png } satisfies RasterReply, [png.buffer as ArrayBuffer]),
    (error: unknown) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies RasterReply),
  );
});
