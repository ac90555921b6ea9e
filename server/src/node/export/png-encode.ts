/**
 * Encodes RGBA pixels (8 bits a channel, rows top to bottom) as a PNG file with Node's native zlib:
 * the "Up" filter on every row (a diagram's flat areas repeat from row to row) and DEFLATE at the
 * default level. Used by the drawing worker instead of resvg's own encoder, which runs as
 * WebAssembly and took about a quarter of the drawing's time.
 */
import { deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(typed.length + 8);
  out.writeUInt32BE(data.length, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(crc32(typed), typed.length + 4);
  return out;
}

const HIGH_BITS = 0x80808080 | 0;
const LOW_BITS = 0x7f7f7f7f;

/**
 * The "Up"-filtered rows (each byte minus the one above it, modulo 256), each after its filter-type
 * byte 2: four bytes at a time, as 32-bit words subtracted byte by byte with no borrow between
 * bytes (SIMD within a register), into one row buffer copied into place — about three times faster
 * than byte by byte. Byte order does not matter: every byte is its own lane.
 */
function upFiltered(rgba: Uint8Array, stride: number, height: number): Buffer {
  const filtered = Buffer.alloc((stride + 1) * height);
  const words = stride >>> 2;
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : new Uint8Array(rgba);
  const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, words * height);
  const row = new Uint32Array(words);
  const rowBytes = new Uint8Array(row.buffer);
  for (let y = 0; y < height; y++) {
    const out = y * (stride + 1);
    filtered[out] = 2;
    if (y === 0) {
      filtered.set(aligned.subarray(0, stride), out + 1);
      continue;
    }
    const here = y * words;
    const above = here - words;
    for (let i = 0; i < words; i++) {
      const a = pixels[here + i] as number;
      const b = pixels[above + i] as number;
      row[i] = ((a | HIGH_BITS) - (b & LOW_BITS)) ^ ((a ^ ~b) & HIGH_BITS);
    }
    filtered.set(rowBytes, out + 1);
  }
  return filtered;
}

/** The PNG bytes of a `width` × `height` RGBA image. */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 4;
  if (rgba.length !== stride * height) throw new Error(`encodePng: ${rgba.length} bytes for ${width} × ${height} pixels`);
  const filtered = upFiltered(rgba, stride, height);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits a channel, RGBA, DEFLATE, adaptive filtering, no interlace.
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(filtered)), chunk('IEND', Buffer.alloc(0))]);
}
