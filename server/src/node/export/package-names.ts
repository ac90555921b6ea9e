/**
 * The names of an export package and of the files in it: the package's path (folder or ZIP) in the
 * output folder, and every entry name normalised and checked so that nothing can land outside the
 * package — on disk or in the ZIP (zip-slip). Light on purpose: the export's model step (in the
 * language server's bundle) asks where a package goes without loading the writer.
 */
import * as path from 'node:path';

export class UnsafeEntryNameError extends Error {
  constructor(readonly entry: string) {
    super(`unsafe file name in the export package: ${JSON.stringify(entry)}`);
    this.name = 'UnsafeEntryNameError';
  }
}

export class PackageExistsError extends Error {
  constructor(readonly target: string) {
    super(`the export package already exists: ${target}`);
    this.name = 'PackageExistsError';
  }
}

/**
 * The entry name as stored: NFC, forward slashes, relative. Throws UnsafeEntryNameError for an
 * empty name, an absolute path, a drive letter, an empty, `.` or `..` segment, a control character,
 * or a `:` (a Windows stream name) — anything that could write outside the package when unpacked.
 */
export function safeEntryName(name: string): string {
  const normalized = name.normalize('NFC').replace(/\\/g, '/');
  // eslint-disable-next-line no-control-regex
  if (normalized === '' || /[\u0000-\u001f\u007f]/.test(normalized)) throw new UnsafeEntryNameError(name);
  if (normalized.startsWith('/') || /^[A-Za-z]:/.test(normalized)) throw new UnsafeEntryNameError(name);
  const segments = normalized.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..' || segment.includes(':'))
      throw new UnsafeEntryNameError(name);
  }
  return segments.join('/');
}

/** Where a package of this name goes. */
export function packageTarget(outDir: string, name: string, zip: boolean): string {
  const safeName = safeEntryName(name);
  if (safeName.includes('/')) throw new UnsafeEntryNameError(name);
  return path.join(path.resolve(outDir), zip ? `${safeName}.zip` : safeName);
}
