/**
 * The two facts the host needs about an editor's URI: the file-system path of a `file:` URI, and
 * whether a URI names a miit95 configuration file. Shared by the server's configuration source,
 * its analysis cache and its configuration sync.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isConfigFileName } from '../core';

/** The file-system path of a `file:` URI, or undefined for other schemes and malformed URIs. */
export function fsPathOf(uri: string): string | undefined {
  if (!/^file:/i.test(uri)) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined; // e.g. a file URI with a host on POSIX
  }
}

/** True when the URI names a miit95 configuration file (`.miit95.yaml`, `.miit95.yml`), any scheme. */
export function isConfigUri(uri: string): boolean {
  const withoutQuery = uri.replace(/[?#].*$/, '');
  const last = withoutQuery.slice(withoutQuery.lastIndexOf('/') + 1);
  let name: string;
  try {
    name = decodeURIComponent(last);
  } catch {
    name = last;
  }
  return isConfigFileName(name);
}
