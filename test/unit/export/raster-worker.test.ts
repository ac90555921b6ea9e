/**
 * The drawing worker of 网络组织方案图.png kept between exports (diagram-raster-pool.ts): prepared
 * ahead, reused by the next drawing, released on demand and started again after; and the PNG
 * encoder it uses (png-encode.ts), decoded back to the same pixels.
 */
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { parseApplication } from '../../../server/src/core';
import { buildDiagram } from '../../../server/src/core/export';
import {
  encodePng,
  findCjkFont,
  layoutDiagram,
  prepareDiagramRaster,
  rasteriseDiagram,
  rasterWorkerRunning,
  releaseRaster,
  renderDiagramSvg,
} from '../../../server/src/node/export';
import { SAMPLE_TEXT } from './helpers';

const graphOf = (text: string) => buildDiagram(parseApplication(text).value);

/** The RGBA pixels of a PNG with every row "Up"-filtered, as encodePng writes it. */
function decodeUpFiltered(png: Buffer): { width: number; height: number; rgba: Buffer } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.subarray(at + 4, at + 8).toString('ascii') === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const filtered = inflateSync(Buffer.concat(chunks));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    assert.equal(filtered[y * (stride + 1)], 2);
    for (let x = 0; x < stride; x++)
      rgba[y * stride + x] = ((filtered[y * (stride + 1) + 1 + x] as number) + (y > 0 ? (rgba[(y - 1) * stride + x] as number) : 0)) & 0xff;
  }
  return { width, height, rgba };
}

describe('export: the PNG encoder', () => {
  it('writes a PNG whose pixels decode back to the same bytes', () => {
    const rgba = Buffer.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 10, 20, 30, 40, 250, 240, 230, 220, 1, 2, 3, 4]);
    const png = encodePng(rgba, 3, 2);
    assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
    assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
    assert.deepEqual([...png.subarray(24, 29)], [8, 6, 0, 0, 0]);
    assert.equal(png.subarray(png.length - 8, png.length - 4).toString('ascii'), 'IEND');
    const decoded = decodeUpFiltered(png);
    assert.deepEqual({ width: decoded.width, height: decoded.height }, { width: 3, height: 2 });
    assert.ok(decoded.rgba.equals(rgba));
  });

  it('refuses pixels that do not match the size', () => {
    assert.throws(() => encodePng(Buffer.alloc(10), 2, 2), /10 bytes for 2 × 2 pixels/);
  });
});

describe('export: the drawing worker kept between exports', () => {
  after(() => releaseRaster());

  it('is prepared ahead, reused by the next drawing, released, and started again', async function () {
    this.timeout(60_000);
    const font = findCjkFont();
    if (font === undefined) throw new Error('no CJK font on this machine: bash scripts/install-office-tools.sh');
    releaseRaster();
    assert.equal(rasterWorkerRunning(), false);
    prepareDiagramRaster({ fontFile: font });
    assert.equal(rasterWorkerRunning(), true);
    // Titles of their own: drawings no other test has drawn, so none comes from the memory cache.
    const own = (svg: string, title: string): string => svg.replace('<title>', `<title>${title} `);
    const svg = own(renderDiagramSvg(layoutDiagram(graphOf(SAMPLE_TEXT)), { draft: false }), 'worker test');
    const first = await rasteriseDiagram(svg, { fontFile: font });
    assert.ok(first.status === 'written' && !first.cached, JSON.stringify(first));
    assert.equal(rasterWorkerRunning(), true, 'kept for the next export');
    // A different drawing (the draft's) is drawn by the same worker, not taken from the cache.
    const draftSvg = own(renderDiagramSvg(layoutDiagram(graphOf(SAMPLE_TEXT)), { draft: true }), 'worker test');
    const draft = await rasteriseDiagram(draftSvg, { fontFile: font });
    assert.ok(draft.status === 'written' && !draft.cached, JSON.stringify(draft));
    assert.ok(!draft.png.equals(first.png));
    releaseRaster();
    assert.equal(rasterWorkerRunning(), false);
    const again = await rasteriseDiagram(own(svg, 'again'), { fontFile: font });
    assert.ok(again.status === 'written' && !again.cached, JSON.stringify(again));
  });

  it('prepares nothing without a font', () => {
    releaseRaster();
    prepareDiagramRaster({ fontFile: '/no/such/font.ttc' });
    assert.equal(rasterWorkerRunning(), false);
  });
});
