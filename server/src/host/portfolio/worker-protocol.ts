/** The messages between a portfolio worker (worker.ts) and its pool (pool.ts). Plain data only. */
import type { ApplicationSummary } from '../../core/portfolio';
import type { ScanOptions } from './scan';

export interface WorkerRequest {
  readonly id: number;
  /** Absolute paths, and the identity each summary carries (a path or a URI). */
  readonly files: readonly { readonly path: string; readonly id: string }[];
  readonly options: ScanOptions;
  /** A configuration file changed: look the configurations up again. */
  readonly forgetConfigs?: boolean;
}

export interface WorkerReply {
  readonly id: number;
  readonly summaries: readonly ApplicationSummary[];
}
