/**
 * Reads an application file from disk as text for the CLI (and any other node-side consumer): size
 * limit, strict UTF-8 decoding (a leading BOM is dropped), and a typed reason when the file cannot be
 * used. Owns no messages: callers render the reasons in their own language.
 */
import { readFileSync, statSync } from 'node:fs';

/** Files larger than this are refused: an application is a few kilobytes; more is a mistake or an attack. */
export const MAX_APPLICATION_BYTES = 20 * 1024 * 1024;

export type ReadFailure =
  | { readonly reason: 'missing' }
  | { readonly reason: 'not-a-file' }
  | { readonly reason: 'too-big'; readonly bytes: number }
  | { readonly reason: 'not-utf8' }
  | { readonly reason: 'unreadable'; readonly detail: string };

export type ReadResult =
  { readonly ok: true; readonly text: string } | ({ readonly ok: false } & ReadFailure);

/** Decodes bytes as UTF-8, or returns undefined when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function readApplicationText(file: string, maxBytes: number = MAX_APPLICATION_BYTES): ReadResult {
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) return { ok: false, reason: 'not-a-file' };
    size = stats.size;
  } catch (error) {
    return failureOf(error);
  }
  if (size > maxBytes) return { ok: false, reason: 'too-big', bytes: size };
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return failureOf(error);
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) return { ok: false, reason: 'too-big', bytes: bytes.length };
  const text = decodeUtf8(bytes);
  return text === undefined ? { ok: false, reason: 'not-utf8' } : { ok: true, text };
}

function failureOf(error: unknown): { readonly ok: false } & ReadFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing' };
  if (code === 'EISDIR') return { ok: false, reason: 'not-a-file' };
  return { ok: false, reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
}
