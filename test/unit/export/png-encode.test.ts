/**
 * The PNG encoder's "Up" filter (server/src/node/export/png-encode.ts), computed four bytes at a
 * time: for any image — odd widths, one row, bytes that wrap below zero, pixels not 4-byte aligned
 * in memory — the IDAT data inflates to exactly what the byte-by-byte definition of the filter gives.
 */
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { encodePng } from '../../../server/src/node/export';

/** The filtered scanlines by the PNG specification: type byte 2, then each byte minus the one above, modulo 256. */
function upByDefinition(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 4;
  const out = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    out[y * (stride + 1)] = 2;
    for (let x = 0; x < stride; x++) {
      const above = y > 0 ? rgba[(y - 1) * stride + x]! : 0;
      out[y * (stride + 1) + 1 + x] = (rgba[y * stride + x]! - above + 256) % 256;
    }
  }
  return out;
}

function idat(png: Buffer): Buffer {
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  return inflateSync(Buffer.concat(chunks));
}

describe('export: the PNG encoder’s Up filter, four bytes at a time', () => {
  it('equals the filter’s definition for any image, aligned in memory or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 3 }),
        fc.uint8Array({ minLength: 9 * 6 * 4, maxLength: 9 * 6 * 4 }),
        (width, height, shift, noise) => {
          const size = width * height * 4;
          // `shift` bytes before the pixels in the same buffer: byteOffset 1–3 is not 4-aligned.
          const backing = new Uint8Array(size + shift);
          backing.set(noise.subarray(0, size), shift);
          const rgba = backing.subarray(shift, shift + size);
          const png = encodePng(rgba, width, height);
          assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [width, height]);
          assert.ok(idat(png).equals(upByDefinition(rgba, width, height)));
        },
      ),
    );
  });

  it('wraps every byte on its own: 0 under 255, 255 under 0, 128 under 127', () => {
    const rgba = Uint8Array.from([255, 0, 127, 128, 0, 255, 128, 127]);
    assert.deepEqual([...idat(encodePng(rgba, 1, 2))], [2, 255, 0, 127, 128, 2, 1, 255, 1, 255]);
  });
});
