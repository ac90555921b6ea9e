/**
 * The file-system FileProbe shared by the server and the CLI: tells the core whether an attachment
 * path exists, confined to the application's folder tree. Owns path confinement (absolute paths,
 * `..` escapes, drive letters, symlinks resolving outside → 'outside'); never reads a file's content.
 */
import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { FileKind, FileProbe } from '../core';

/** True when `child` is `root` itself or lies below it (both absolute, normalized). */
export function isInside(root: string, child: string): boolean {
  const rel = path.relative(root, child);
  // '..foo' is a legal name inside the tree; only a whole '..' segment escapes.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** True for paths that are not relative to the application folder on any platform. */
function isAbsoluteAnywhere(p: string): boolean {
  // A drive letter ('C:\\x', 'C:x') or a UNC/rooted path is absolute on Windows even when we run on POSIX.
  return path.posix.isAbsolute(p) || path.win32.isAbsolute(p) || /^[A-Za-z]:/.test(p);
}

/** Realpath that returns undefined instead of throwing. */
function realpathOrUndefined(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/**
 * A probe rooted at `rootDir`, the folder that holds the application file. Paths are resolved
 * relative to it; both separators are accepted, as consultants write Windows paths too.
 */
export function createFileProbe(rootDir: string): FileProbe {
  const root = path.resolve(rootDir);
  let realRoot: string | undefined | null = null; // null: not computed yet
  const getRealRoot = (): string | undefined => {
    if (realRoot === null) realRoot = realpathOrUndefined(root);
    return realRoot;
  };

  return {
    probe(relativePath: string): FileKind {
      if (relativePath.trim() === '' || relativePath.includes('\0')) return 'missing'; // no file named
      const normalized = relativePath.replace(/\\/g, '/');
      if (isAbsoluteAnywhere(relativePath) || isAbsoluteAnywhere(normalized)) return 'outside';
      const resolved = path.resolve(root, normalized);
      if (!isInside(root, resolved)) return 'outside';

      const real = realpathOrUndefined(resolved);
      if (real === undefined) {
        // Missing, or a dangling symlink: say 'outside' when the link itself points out of the tree.
        return danglingLinkLeavesTree(root, resolved) ? 'outside' : 'missing';
      }
      const rootReal = getRealRoot();
      if (rootReal === undefined || !isInside(rootReal, real)) return 'outside';
      try {
        const stats = statSync(real);
        if (stats.isFile()) return 'file';
        if (stats.isDirectory()) return 'directory';
        return 'missing'; // a FIFO, socket or device is not an attachment
      } catch {
        return 'missing';
      }
    },
  };
}

/** A path whose last segment is a symlink to a target outside `root`, even if that target does not exist. */
function danglingLinkLeavesTree(root: string, resolved: string): boolean {
  try {
    if (!lstatSync(resolved).isSymbolicLink()) return false;
  } catch {
    return false;
  }
  const parentReal = realpathOrUndefined(path.dirname(resolved));
  const rootReal = realpathOrUndefined(root);
  if (parentReal === undefined || rootReal === undefined) return true;
  return !isInside(rootReal, parentReal) || !isInside(rootReal, path.resolve(parentReal, readLink(resolved)));
}

function readLink(p: string): string {
  try {
    return readlinkSync(p);
  } catch {
    return '/';
  }
}
