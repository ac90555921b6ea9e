/**
 * Attachment paths as document links: every attachment path written in an application (the fields
 * the export copies, `attachmentsToCopy`) with the text range of its value. Pure: the server decides
 * which ones become links (only files that exist inside the application's folder) and builds the
 * target URIs; a missing attachment stays the R-DOCS-001 / R-TECH-005 diagnostic it is.
 */
import { isScalar } from 'yaml';
import { walkPath, valueRange } from '../document/locate';
import { attachmentsToCopy } from '../export/index';
import type { DataPath, OffsetRange } from '../types';
import { unquotedRange } from './scalar-range';
import type { LocatableDocument } from '../document/locate';

export interface AttachmentLink {
  /** The data path of the attachment field, e.g. `["licence", "files", 0]`. */
  readonly path: DataPath;
  /** The path as written, relative to the application's folder. */
  readonly target: string;
  /** The value's text range (without quotes). */
  readonly range: OffsetRange;
}

export interface LinkDocument extends LocatableDocument {
  /** The plain value of the document (ParsedDocument.value). */
  readonly value: unknown;
}

/** The attachment paths of the document with their ranges; only plain scalars written in the text. */
export function attachmentLinks(doc: LinkDocument): AttachmentLink[] {
  const links: AttachmentLink[] = [];
  for (const attachment of attachmentsToCopy(doc.value)) {
    const walk = walkPath(doc.yaml, attachment.path);
    const node = walk.node;
    if (walk.alias !== undefined || node === null || !isScalar(node)) continue;
    if (walk.found.length !== attachment.path.length) continue;
    const range = unquotedRange(doc.text, valueRange(doc.text, node));
    if (range.end <= range.start) continue;
    links.push({ path: attachment.path, target: attachment.value.trim(), range });
  }
  return links;
}
