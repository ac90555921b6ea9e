/**
 * The file-probe policy: an application gets an attachment FileProbe confined to the folder tree
 * that holds it; a document without a file (untitled, remote) gets none, so attachment rules stay
 * silent.
 */
import * as path from 'node:path';
import type { FileProbe } from '../core';
import { createFileProbe } from '../node/file-probe';
import { fsPathOf } from './file-uri';

/** The probe of the application at `file` (absolute path): its own folder tree. */
export function probeForFile(file: string): FileProbe {
  return createFileProbe(path.dirname(file));
}

/** The probe of an editor document: `file:` URIs only. */
export function probeForUri(uri: string): FileProbe | undefined {
  const file = fsPathOf(uri);
  return file === undefined ? undefined : probeForFile(file);
}
