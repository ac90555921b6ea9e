/**
 * The faces of a font collection (.ttc) that one family list asks for, as a font of their own: the
 * drawing worker gives resvg only the faces of the first family of the diagram's font-family list
 * that the collection has (e.g. "Noto Sans CJK SC" out of the ten faces of
 * NotoSansCJK-Regular.ttc), which is the face resvg itself would choose, so it copies and parses
 * less (16.4 MB instead of 19.5 MB). Reads the collection's header, face directories and name
 * tables, then only the chosen faces' tables, each straight into place; writes one face as a plain
 * sfnt and several (the weights of one family) as a smaller collection whose faces still share
 * their tables. Table data and checksums are copied unchanged. Owns the file format only; a file
 * that is no collection, or does not parse, is the caller's to use whole.
 */

/** Where the font's bytes come from: a buffer in tests, a file descriptor in the worker. */
export interface FontSource {
  readonly size: number;
  /** Copies `length` bytes at `position` into `target` at `offset`; throws when they are not all there. */
  read(target: Uint8Array, offset: number, length: number, position: number): void;
}

export interface TableRecord {
  readonly tag: string;
  readonly checksum: number;
  readonly offset: number;
  readonly length: number;
}

export interface CollectionFace {
  /** The face's index in the collection. */
  readonly index: number;
  readonly sfntVersion: number;
  readonly tables: readonly TableRecord[];
  /** The family names resvg's font database matches (typographic family, else family), every language. */
  readonly families: readonly string[];
}

/** Bounds that no real collection exceeds; anything beyond is treated as a damaged file. */
const MAX_FACES = 256;
const MAX_TABLES = 512;
const NAME_TABLE_MAX = 1 << 20;

export class FontFormatError extends Error {
  constructor(message: string) {
    super(`font collection: ${message}`);
    this.name = 'FontFormatError';
  }
}

/** A FontSource over bytes in memory. */
export function bufferSource(bytes: Uint8Array): FontSource {
  return {
    size: bytes.length,
    read(target, offset, length, position) {
      if (position < 0 || position + length > bytes.length) throw new FontFormatError(`${length} bytes at ${position} are past the end`);
      target.set(bytes.subarray(position, position + length), offset);
    },
  };
}

function readBytes(source: FontSource, position: number, length: number): Buffer {
  if (position < 0 || length < 0 || position + length > source.size)
    throw new FontFormatError(`${length} bytes at ${position} are past the end (${source.size} bytes)`);
  const out = Buffer.alloc(length);
  source.read(out, 0, length, position);
  return out;
}

/** Whether the source is a collection (starts with `ttcf`). */
export function isCollection(source: FontSource): boolean {
  return source.size >= 12 && readBytes(source, 0, 4).toString('latin1') === 'ttcf';
}

/** A name record's text: UTF-16BE for the Unicode encodings, Mac Roman read as Latin-1 (family names are ASCII there). */
function decodeName(platform: number, encoding: number, bytes: Buffer): string | undefined {
  if (platform === 0 || (platform === 3 && (encoding === 0 || encoding === 1 || encoding === 10))) {
    const even = bytes.subarray(0, bytes.length & ~1);
    return Buffer.from(even).swap16().toString('utf16le');
  }
  if (platform === 1 && encoding === 0) return bytes.toString('latin1');
  return undefined;
}

/** The family names of a `name` table: those of name ID 16 (typographic family) if any, else of ID 1. */
export function familyNames(name: Buffer): string[] {
  if (name.length < 6) return [];
  const count = name.readUInt16BE(2);
  const strings = name.readUInt16BE(4);
  const byId = new Map<number, string[]>([
    [16, []],
    [1, []],
  ]);
  for (let i = 0; i < count; i++) {
    const at = 6 + 12 * i;
    if (at + 12 > name.length) break;
    const nameId = name.readUInt16BE(at + 6);
    const list = byId.get(nameId);
    if (list === undefined) continue;
    const length = name.readUInt16BE(at + 8);
    const start = strings + name.readUInt16BE(at + 10);
    if (start + length > name.length) continue;
    const text = decodeName(name.readUInt16BE(at), name.readUInt16BE(at + 2), name.subarray(start, start + length));
    if (text !== undefined && text !== '' && !list.includes(text)) list.push(text);
  }
  const typographic = byId.get(16) ?? [];
  return typographic.length > 0 ? typographic : (byId.get(1) ?? []);
}

function faceAt(source: FontSource, index: number, offset: number): CollectionFace {
  const header = readBytes(source, offset, 12);
  const sfntVersion = header.readUInt32BE(0);
  const count = header.readUInt16BE(4);
  if (count === 0 || count > MAX_TABLES) throw new FontFormatError(`face ${index} has ${count} tables`);
  const directory = readBytes(source, offset + 12, 16 * count);
  const tables: TableRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = 16 * i;
    const table = {
      tag: directory.toString('latin1', at, at + 4),
      checksum: directory.readUInt32BE(at + 4),
      offset: directory.readUInt32BE(at + 8),
      length: directory.readUInt32BE(at + 12),
    };
    if (table.offset + table.length > source.size) throw new FontFormatError(`table ${table.tag} of face ${index} is past the end`);
    tables.push(table);
  }
  const name = tables.find((t) => t.tag === 'name');
  const families = name !== undefined && name.length <= NAME_TABLE_MAX ? familyNames(readBytes(source, name.offset, name.length)) : [];
  return { index, sfntVersion, tables, families };
}

/** The faces of a collection, in order. Throws FontFormatError when the source is not one or is damaged. */
export function collectionFaces(source: FontSource): CollectionFace[] {
  if (!isCollection(source)) throw new FontFormatError('not a collection (no ttcf header)');
  const count = readBytes(source, 8, 4).readUInt32BE(0);
  if (count === 0 || count > MAX_FACES) throw new FontFormatError(`${count} faces`);
  const offsets = readBytes(source, 12, 4 * count);
  return Array.from({ length: count }, (_, i) => faceAt(source, i, offsets.readUInt32BE(4 * i)));
}

/** Strips the quotes of one entry of a CSS font-family list. */
function familyOf(entry: string): string {
  const trimmed = entry.trim();
  const quoted = /^(['"])(.*)\1$/.exec(trimmed);
  return quoted !== null ? (quoted[2] ?? '') : trimmed;
}

/**
 * The faces of the first family of `wanted` (a CSS font-family list, or its entries) that any face
 * has, matched exactly as resvg's font database does; undefined when the collection has none of them.
 */
export function facesForFamilies(faces: readonly CollectionFace[], wanted: string | readonly string[]): CollectionFace[] | undefined {
  const families = (typeof wanted === 'string' ? wanted.split(',') : wanted).map(familyOf).filter((f) => f !== '');
  for (const family of families) {
    const matching = faces.filter((face) => face.families.includes(family));
    if (matching.length > 0) return matching;
  }
  return undefined;
}

const align4 = (n: number): number => (n + 3) & ~3;

/**
 * The font of `faces` (of the collection `source`): a plain sfnt for one face, else a collection
 * (version 1.0) of them in the order given, each table stored once however many faces share it.
 */
export function writeFaces(source: FontSource, faces: readonly CollectionFace[]): Buffer {
  if (faces.length === 0) throw new FontFormatError('no face to write');
  const collection = faces.length > 1;
  const headerSize = collection ? 12 + 4 * faces.length : 0;
  let at = headerSize;
  const directoryAt = faces.map((face) => {
    const start = at;
    at += 12 + 16 * face.tables.length;
    return start;
  });
  // Each distinct table (by its place in the source) once, 4-byte aligned, after the directories.
  const placed = new Map<string, number>();
  const order: TableRecord[] = [];
  for (const face of faces)
    for (const table of face.tables) {
      const key = `${table.offset}:${table.length}`;
      if (placed.has(key)) continue;
      at = align4(at);
      placed.set(key, at);
      order.push(table);
      at += table.length;
    }
  const out = Buffer.alloc(align4(at));
  if (collection) {
    out.write('ttcf', 0, 'latin1');
    out.writeUInt32BE(0x00010000, 4);
    out.writeUInt32BE(faces.length, 8);
    directoryAt.forEach((d, i) => out.writeUInt32BE(d, 12 + 4 * i));
  }
  faces.forEach((face, i) => {
    const d = directoryAt[i] as number;
    const count = face.tables.length;
    // The sfnt header's binary-search fields, from the table count.
    const power = 2 ** Math.floor(Math.log2(count));
    out.writeUInt32BE(face.sfntVersion, d);
    out.writeUInt16BE(count, d + 4);
    out.writeUInt16BE(power * 16, d + 6);
    out.writeUInt16BE(Math.log2(power), d + 8);
    out.writeUInt16BE(count * 16 - power * 16, d + 10);
    face.tables.forEach((table, t) => {
      const r = d + 12 + 16 * t;
      out.write(table.tag, r, 'latin1');
      out.writeUInt32BE(table.checksum, r + 4);
      out.writeUInt32BE(placed.get(`${table.offset}:${table.length}`) as number, r + 8);
      out.writeUInt32BE(table.length, r + 12);
    });
  });
  for (const table of order) source.read(out, placed.get(`${table.offset}:${table.length}`) as number, table.length, table.offset);
  return out;
}

/**
 * The faces of `source` that `wanted` asks for, as a font of their own; undefined when `source` is
 * not a collection or has none of the families (the caller then uses the whole file). Throws
 * FontFormatError for a damaged collection.
 */
export function extractFamily(source: FontSource, wanted: string | readonly string[]): Buffer | undefined {
  if (!isCollection(source)) return undefined;
  const faces = facesForFamilies(collectionFaces(source), wanted);
  return faces === undefined ? undefined : writeFaces(source, faces);
}
