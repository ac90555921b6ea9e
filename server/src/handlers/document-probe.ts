/**
 * Gives a document its attachment FileProbe: only `file:` URIs get one, rooted at the folder that
 * holds the document (untitled and remote documents get none, so attachment rules stay silent).
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileProbe } from '../core';
import { createFileProbe } from '../node/file-probe';

export function probeForUri(uri: string): FileProbe | undefined {
  if (!/^file:/i.test(uri)) return undefined;
  try {
    return createFileProbe(path.dirname(fileURLToPath(uri)));
  } catch {
    return undefined; // e.g. a file URI with a host on POSIX
  }
}
