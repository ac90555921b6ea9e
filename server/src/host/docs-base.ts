/**
 * Where rule documentation links point: `initializationOptions.docsBaseUri` when the client gives an
 * absolute URL, else the extension's own root (the folder above dist/, holding docs/rules/) as a
 * file: URL, so a diagnostic's code opens the packaged page.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The nearest folder at or above `start` that holds a package.json (dist/.. in the bundle). */
function packageRoot(start: string): string | undefined {
  let dir = start;
  for (let i = 0; i < 4; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

export function resolveDocsBase(
  initializationOptions: unknown,
  serverDir: string = __dirname,
): string | undefined {
  if (typeof initializationOptions === 'object' && initializationOptions !== null) {
    const given = (initializationOptions as Record<string, unknown>)['docsBaseUri'];
    if (typeof given === 'string') {
      try {
        return withSlash(new URL(given).href);
      } catch {
        // Not an absolute URL: fall back to the packaged docs.
      }
    }
  }
  const root = packageRoot(serverDir);
  return root === undefined ? undefined : withSlash(pathToFileURL(root).href);
}
