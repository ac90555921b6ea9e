/**
 * The one worker thread that draws 网络组织方案图.png (diagram-raster-worker.ts), kept between
 * exports: started on the first `prepare` or `draw`, it keeps resvg's compiled WebAssembly module
 * and the CJK font's bytes, so a second export in the long-lived language server draws at once. It
 * never keeps the process alive while it waits (unref'd, so the one-shot CLI exits as soon as its
 * export is written), and it ends after IDLE_MS without work, or after a failed or timed-out drawing
 * (the next drawing starts a fresh one), which releases its memory (about 50 MB with the font).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FontRef, RasterReply, RasterRequest } from './diagram-raster-worker';

/** How long an idle worker is kept for the next export. */
export const IDLE_MS = 120_000;
const TIMEOUT_MS = 60_000;

interface Pending {
  readonly resolve: (png: Buffer) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

let worker: Worker | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/** The worker script: the bundle beside this one, or the TypeScript source under tsx. */
function startWorker(): Worker {
  const bundled = path.join(__dirname, 'diagram-raster-worker.js');
  if (existsSync(bundled)) return new Worker(bundled);
  return new Worker(path.join(__dirname, 'diagram-raster-worker.ts'), { execArgv: ['--require', 'tsx/cjs'] });
}

/** Ends the worker and fails what it still had to draw. */
function stop(reason: Error): void {
  const ending = worker;
  worker = undefined;
  if (idleTimer !== undefined) clearTimeout(idleTimer);
  idleTimer = undefined;
  for (const [id, p] of pending) {
    clearTimeout(p.timer);
    pending.delete(id);
    p.reject(reason);
  }
  if (ending !== undefined) void ending.terminate();
}

/** Lets the process exit while nothing is being drawn, and ends the worker after IDLE_MS of that. */
function settle(): void {
  if (worker === undefined || pending.size > 0) return;
  worker.unref();
  if (idleTimer !== undefined) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => stop(new Error('idle')), IDLE_MS);
  idleTimer.unref();
}

function running(): Worker {
  if (worker !== undefined) return worker;
  const started = startWorker();
  worker = started;
  started.on('message', (reply: RasterReply) => {
    const p = pending.get(reply.id);
    if (p === undefined) return;
    pending.delete(reply.id);
    clearTimeout(p.timer);
    if (reply.ok) p.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
    else {
      p.reject(new Error(reply.error));
      if (worker === started) stop(new Error(reply.error));
    }
    settle();
  });
  started.on('error', (error) => {
    if (worker === started) stop(error);
  });
  started.on('exit', (code) => {
    if (worker === started) stop(new Error(`the drawing worker ended (exit code ${code})`));
  });
  settle();
  return started;
}

function post(request: RasterRequest): void {
  running().postMessage(request);
}

/** Starts the worker, if needed, and has it compile resvg and read `font` ahead of a drawing. */
export function prepareRaster(font: FontRef): void {
  post({ kind: 'prepare', font });
}

/** Draws `svg` into PNG bytes in the worker; rejects on a drawing error or after TIMEOUT_MS. */
export function drawInWorker(svg: string, font: FontRef, zoom: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    const timer = setTimeout(() => stop(new Error(`no answer in ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    const target = running();
    pending.set(id, { resolve, reject, timer });
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = undefined;
    target.ref();
    target.postMessage({ kind: 'draw', id, svg, font, zoom } satisfies RasterRequest);
  });
}

/** Whether the worker is running (kept for the next export). */
export function rasterWorkerRunning(): boolean {
  return worker !== undefined;
}

/** Ends the worker now (tests, the server's shutdown). */
export function releaseRaster(): void {
  stop(new Error('released'));
}
