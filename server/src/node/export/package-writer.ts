/**
 * Writes the export package atomically: every file goes into a temporary folder (or ZIP file) beside
 * the target, which is renamed into place only when complete; an existing package is replaced only
 * when `overwrite` is set (the previous one is moved aside first and put back if the swap fails).
 * Every file name is checked (package-names.ts) so that nothing can land outside the package — on
 * disk or in the ZIP (zip-slip). ZIP files are written with yazl. Owns atomicity and the ZIP.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ZipFile } from 'yazl';
import { isInside } from '../file-probe';
import { PackageExistsError, packageTarget, safeEntryName, UnsafeEntryNameError } from './package-names';

/** One file of the package, by its path inside the package (`附件/营业执照.pdf`). */
export interface PackageFile {
  readonly path: string;
  readonly data: Buffer;
}

export interface WriteOptions {
  /** The folder that receives the package. Created when missing. */
  readonly outDir: string;
  /** The package name, `<name>-申报材料`: the folder name, or the ZIP's name without `.zip`. */
  readonly name: string;
  readonly files: readonly PackageFile[];
  readonly zip: boolean;
  readonly overwrite: boolean;
}

function temporaryBeside(target: string, tag: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${tag}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

function writeFolder(folder: string, files: readonly PackageFile[]): void {
  mkdirSync(folder);
  for (const file of files) {
    const entry = safeEntryName(file.path);
    const full = path.join(folder, ...entry.split('/'));
    if (!isInside(folder, full)) throw new UnsafeEntryNameError(file.path);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, file.data, { flag: 'wx' });
  }
}

/** The ZIP of the files, each under `<root>/`; resolves when the file is closed. */
export function writeZip(target: string, root: string, files: readonly PackageFile[], mtime: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile();
    try {
      const prefix = safeEntryName(root);
      for (const file of files) {
        zip.addBuffer(file.data, safeEntryName(`${prefix}/${safeEntryName(file.path)}`), { mtime, mode: 0o100644 });
      }
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const out = createWriteStream(target, { flags: 'wx' });
    out.on('error', reject);
    out.on('close', () => resolve());
    zip.outputStream.on('error', reject);
    zip.outputStream.pipe(out);
    zip.end();
  });
}

/** Moves `temporary` to `target`, replacing an existing target only when `overwrite`. */
function swapIntoPlace(temporary: string, target: string, overwrite: boolean): void {
  if (!existsSync(target)) {
    renameSync(temporary, target);
    return;
  }
  if (!overwrite) throw new PackageExistsError(target);
  const previous = temporaryBeside(target, 'old');
  renameSync(target, previous);
  try {
    renameSync(temporary, target);
  } catch (error) {
    renameSync(previous, target);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}

/** Writes the package and returns its path. Throws PackageExistsError without `overwrite`. */
export async function writePackage(options: WriteOptions, mtime: Date = new Date()): Promise<string> {
  const target = packageTarget(options.outDir, options.name, options.zip);
  if (existsSync(target) && !options.overwrite) throw new PackageExistsError(target);
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = temporaryBeside(target, 'tmp');
  try {
    if (options.zip) await writeZip(temporary, options.name, options.files, mtime);
    else writeFolder(temporary, options.files);
    swapIntoPlace(temporary, target, options.overwrite);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
  return target;
}
