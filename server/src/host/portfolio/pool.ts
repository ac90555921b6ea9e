/**
 * Runs portfolio scans on worker threads (dist/portfolio-worker.js, beside the bundle that uses it)
 * in batches, in input order, reporting each finished batch (for progress and for showing results
 * as they come). Falls back to the calling thread, one batch per event-loop turn, when no worker
 * file is there (the sources run by tsx) or no worker is wanted. Owns scheduling only; the work is
 * scan.ts.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ApplicationSummary } from '../../core/portfolio';
import { PortfolioScanner, type ScanOptions } from './scan';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

export interface PoolOptions {
  /** Worker threads to start (0: scan on the calling thread). */
  readonly workers: number;
  /** Files per message (default 20). */
  readonly batchSize?: number;
  /** The worker script; dist/portfolio-worker.js beside this bundle by default. */
  readonly workerFile?: string;
}

export interface ScanFile {
  readonly path: string;
  readonly id: string;
}

/** The worker script beside the running bundle (undefined when not built). */
export function defaultWorkerFile(): string | undefined {
  const file = path.join(__dirname, 'portfolio-worker.js');
  return existsSync(file) ? file : undefined;
}

interface Pending {
  readonly resolve: (summaries: readonly ApplicationSummary[]) => void;
  readonly reject: (error: Error) => void;
}

export class PortfolioPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly queue: { request: WorkerRequest; pending: Pending }[] = [];
  private nextId = 1;
  private disposed = false;

  constructor(private readonly options: PoolOptions) {
    const file = options.workerFile ?? defaultWorkerFile();
    if (file === undefined) return;
    for (let i = 0; i < options.workers; i++) {
      const worker = new Worker(file);
      worker.unref(); // never keeps a process alive
      worker.on('message', (reply: WorkerReply) => this.finished(worker, reply));
      worker.on('error', (error) => this.failAll(error));
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** True when the scans run on worker threads. */
  get threaded(): boolean {
    return this.workers.length > 0;
  }

  /** Summarizes `files`; `onBatch` sees each finished batch. Resolves with all summaries, in order. */
  async summarize(
    files: readonly ScanFile[],
    options: ScanOptions,
    onBatch?: (summaries: readonly ApplicationSummary[]) => void,
    forgetConfigs = false,
  ): Promise<ApplicationSummary[]> {
    const size = this.options.batchSize ?? 20;
    const batches: ScanFile[][] = [];
    for (let i = 0; i < files.length; i += size) batches.push(files.slice(i, i + size));
    if (!this.threaded) {
      const scanner = new PortfolioScanner(options);
      const out: ApplicationSummary[] = [];
      for (const batch of batches) {
        if (this.disposed) break;
        const summaries = batch.map((f) => scanner.summarizeFile(f.path, f.id));
        out.push(...summaries);
        onBatch?.(summaries);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return out;
    }
    const results = await Promise.all(
      batches.map(async (batch, i) => {
        const summaries = await this.send({
          id: this.nextId++,
          files: batch,
          options,
          ...(forgetConfigs && i < this.workers.length ? { forgetConfigs: true } : {}),
        });
        onBatch?.(summaries);
        return summaries;
      }),
    );
    return results.flat();
  }

  private send(request: WorkerRequest): Promise<readonly ApplicationSummary[]> {
    return new Promise((resolve, reject) => {
      if (this.disposed) return reject(new Error('portfolio pool disposed'));
      this.queue.push({ request, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const next = this.queue.shift()!;
      this.pending.set(next.request.id, next.pending);
      worker.postMessage(next.request);
    }
  }

  private finished(worker: Worker, reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    this.idle.push(worker);
    this.dispatch();
    pending?.resolve(reply.summaries);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    for (const queued of this.queue.splice(0)) queued.pending.reject(error);
  }

  /** Stops the workers; queued scans are rejected. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.failAll(new Error('portfolio pool disposed'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
