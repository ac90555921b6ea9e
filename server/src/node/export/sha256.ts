/** The SHA-256 of the export's files, as the manifest records it (lower-case hex). */
import { createHash } from 'node:crypto';

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}
