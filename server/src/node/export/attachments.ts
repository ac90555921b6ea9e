/**
 * Reads the attachments of an application for the export, confined to the application's folder
 * tree: the same confinement as the validation's FileProbe (absolute paths, `..` escapes, drive
 * letters and symlinks resolving outside → 'outside', never read), then the real path is checked
 * once more and opened with O_NOFOLLOW, so a link swapped in between is not followed. Files above
 * a size limit are not read. Owns the reading and the place of each file in the package
 * (`附件/<path below the application folder>`, without a doubled `附件/`).
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { DataPath } from '../../core';
import type { AttachmentOutcome } from '../../core/export';
import { PACKAGE_FILES } from '../../core/export';
import { createFileProbe, isInside } from '../file-probe';

/** Attachments larger than this are not copied (a scan of a licence is a few megabytes). */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

export interface CollectedAttachment {
  readonly outcome: AttachmentOutcome;
  /** The bytes, when copied (several outcomes may share one package path; only the first has data). */
  readonly data?: Buffer;
}

export interface CollectOptions {
  /** False in an untrusted workspace: nothing is read, every attachment is 'skipped-untrusted'. */
  readonly copy: boolean;
  readonly maxBytes?: number;
}

/** The place of an attachment in the package: `附件/…` below the application folder. */
export function packagePathOf(relativeToRoot: string): string {
  const segments = relativeToRoot.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  const rest = segments[0] === PACKAGE_FILES.attachmentsFolder ? segments.slice(1) : segments;
  return [PACKAGE_FILES.attachmentsFolder, ...rest].join('/');
}

function readConfined(realRoot: string, file: string, maxBytes: number): { data: Buffer } | { status: AttachmentOutcome['status'] } {
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch {
    return { status: 'missing' };
  }
  if (!isInside(realRoot, real)) return { status: 'outside' };
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return { status: 'unreadable' };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { status: 'not-a-file' };
    if (stats.size > maxBytes) return { status: 'too-big' };
    const data = Buffer.alloc(stats.size);
    let offset = 0;
    while (offset < data.length) {
      const read = readSync(fd, data, offset, data.length - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return { data: data.subarray(0, offset) };
  } catch {
    return { status: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

/** Reads (or skips) every attachment; `rootDir` is the folder of the application file. */
export function collectAttachments(
  rootDir: string,
  attachments: readonly { readonly path: DataPath; readonly value: string }[],
  options: CollectOptions,
): CollectedAttachment[] {
  const root = path.resolve(rootDir);
  const probe = createFileProbe(root);
  let realRoot: string | undefined;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    realRoot = undefined;
  }
  const maxBytes = options.maxBytes ?? MAX_ATTACHMENT_BYTES;
  const copiedTo = new Map<string, string>(); // real path → package path
  const used = new Set<string>();
  const out: CollectedAttachment[] = [];
  for (const attachment of attachments) {
    const base = { path: attachment.path, written: attachment.value };
    if (!options.copy) {
      out.push({ outcome: { ...base, status: 'skipped-untrusted' } });
      continue;
    }
    const kind = probe.probe(attachment.value);
    if (kind !== 'file' || realRoot === undefined) {
      const status = kind === 'directory' ? 'not-a-file' : kind === 'file' ? 'outside' : kind;
      out.push({ outcome: { ...base, status } });
      continue;
    }
    const resolved = path.resolve(root, attachment.value.replace(/\\/g, '/'));
    const read = readConfined(realRoot, resolved, maxBytes);
    if (!('data' in read)) {
      out.push({ outcome: { ...base, status: read.status } });
      continue;
    }
    const real = realpathSync.native(resolved);
    const already = copiedTo.get(real);
    if (already !== undefined) {
      out.push({ outcome: { ...base, status: 'copied', packagePath: already, bytes: read.data.length } });
      continue;
    }
    const wanted = packagePathOf(path.relative(root, resolved));
    let packagePath = wanted;
    // Two different files may map to one name only through case or normalisation; keep both.
    for (let i = 2; used.has(packagePath.normalize('NFC').toLowerCase()); i++) {
      const ext = path.posix.extname(wanted);
      packagePath = `${wanted.slice(0, wanted.length - ext.length)}-${i}${ext}`;
    }
    used.add(packagePath.normalize('NFC').toLowerCase());
    copiedTo.set(real, packagePath);
    out.push({
      outcome: { ...base, status: 'copied', packagePath, bytes: read.data.length },
      data: read.data,
    });
  }
  return out;
}
