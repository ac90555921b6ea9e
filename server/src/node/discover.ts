/**
 * Finds application files for the CLI (and any node-side consumer): explicit files as given, folders
 * searched recursively for `*.app95.yaml` / `*.app95.yml`, skipping `node_modules` and dot-folders and
 * never following symlinked folders (no cycles). Owns discovery only; reading is read-text.ts.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';

export const APPLICATION_SUFFIXES: readonly string[] = ['.app95.yaml', '.app95.yml'];

export function isApplicationFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return APPLICATION_SUFFIXES.some((suffix) => lower.endsWith(suffix) && lower.length > suffix.length);
}

/** Why an input given on the command line yields nothing to check. */
export interface InputProblem {
  /** The input as the user typed it (or the folder that could not be read). */
  readonly input: string;
  readonly reason: 'missing' | 'no-applications' | 'unreadable';
  readonly detail?: string;
}

export interface Discovery {
  /** Absolute paths, deduplicated, in input order; files found in a folder are sorted. */
  readonly files: readonly string[];
  readonly problems: readonly InputProblem[];
}

function skipFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function walk(dir: string, found: string[], problems: InputProblem[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({
      input: dir,
      reason: 'unreadable',
      detail: error instanceof Error ? error.message : String(error),
    });
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipFolder(entry.name)) walk(full, found, problems);
    } else if (isApplicationFileName(entry.name)) {
      if (entry.isFile()) found.push(full);
      else if (entry.isSymbolicLink() && isFile(full)) found.push(full);
    }
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Resolves command-line inputs (files or folders, relative to `cwd`) to the application files to check. */
export function discoverApplications(inputs: readonly string[], cwd: string): Discovery {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: InputProblem[] = [];
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(
        code === 'ENOENT' || code === 'ENOTDIR'
          ? { input, reason: 'missing' }
          : { input, reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) },
      );
      continue;
    }
    if (!isDirectory) {
      // An explicit file is checked whatever its name: the user asked for it.
      add(absolute);
      continue;
    }
    const found: string[] = [];
    walk(absolute, found, problems);
    if (found.length === 0) problems.push({ input, reason: 'no-applications' });
    found.sort(byCodePoint).forEach(add);
  }
  return { files, problems };
}
