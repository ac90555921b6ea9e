/**
 * The public entry of the pure core: everything the server, the CLI and the tests may use.
 * Nothing here touches the file system, the process or an editor API.
 */
export * from './types';
export { validate } from './service';
export type { FileKind, FileProbe, ValidateOptions, ValidationResult } from './service';
export { LineIndex } from './document/line-index';
export type { Position } from './document/line-index';
