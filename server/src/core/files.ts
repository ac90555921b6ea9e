/**
 * The core's view of attachments on disk: a probe the host injects (the core never touches fs),
 * asked how a path relative to the application file resolves.
 */

/** How an attachment path (relative to the application file) resolves on disk. */
export type FileKind = 'file' | 'directory' | 'missing' | 'outside';

export interface FileProbe {
  probe(relativePath: string): FileKind;
}
