/**
 * The core's entry point: validates one application text and returns findings. PLACEHOLDER written by
 * the lead so the server and CLI can be built in parallel; the core helper replaces the body.
 */
import type { Finding } from './types';

/** How an attachment path (relative to the application file) resolves on disk. Injected: the core never touches fs. */
export type FileKind = 'file' | 'directory' | 'missing' | 'outside';
export interface FileProbe {
  probe(relativePath: string): FileKind;
}

export interface ValidateOptions {
  /** Attachment existence, injected by the server/CLI. Without it, attachment rules stay silent. */
  readonly files?: FileProbe;
}

export interface ValidationResult {
  readonly findings: readonly Finding[];
}

export function validate(_text: string, _options: ValidateOptions = {}): ValidationResult {
  return { findings: [] };
}
