/**
 * Taking the faces of one family out of a font collection (server/src/node/export/ttc-face.ts): on
 * collections built here (family names in every encoding the name table uses, tables shared between
 * faces, damaged directories), and on the machine's Noto Sans CJK collection, where resvg must draw
 * the diagram with the extracted face exactly as with the whole file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseApplication } from '../../../server/src/core';
import { buildDiagram } from '../../../server/src/core/export';
import { findCjkFont, layoutDiagram, renderDiagramSvg } from '../../../server/src/node/export';
import { FONT_FAMILY } from '../../../server/src/node/export/diagram-fonts';
import {
  bufferSource,
  collectionFaces,
  extractFamily,
  facesForFamilies,
  familyNames,
  FontFormatError,
  isCollection,
  writeFaces,
} from '../../../server/src/node/export/ttc-face';
import { SAMPLE_TEXT } from './helpers';

interface NameRecord {
  readonly platform: number;
  readonly encoding: number;
  readonly nameId: number;
  readonly text: string;
}

/** A `name` table (format 0) holding `records`. */
function nameTable(records: readonly NameRecord[]): Buffer {
  const strings = records.map((r) =>
    r.platform === 1 ? Buffer.from(r.text, 'latin1') : Buffer.from(r.text, 'utf16le').swap16(),
  );
  const header = Buffer.alloc(6 + 12 * records.length);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(records.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  records.forEach((r, i) => {
    const at = 6 + 12 * i;
    header.writeUInt16BE(r.platform, at);
    header.writeUInt16BE(r.encoding, at + 2);
    header.writeUInt16BE(r.platform === 1 ? 0 : 0x409, at + 4);
    header.writeUInt16BE(r.nameId, at + 6);
    header.writeUInt16BE(strings[i]!.length, at + 8);
    header.writeUInt16BE(offset, at + 10);
    offset += strings[i]!.length;
  });
  return Buffer.concat([header, ...strings]);
}

const windowsFamily = (text: string, nameId = 1): NameRecord => ({ platform: 3, encoding: 1, nameId, text });

interface FakeFace {
  /** Tables by tag; the same Buffer object in two faces is stored once, shared. */
  readonly tables: ReadonlyMap<string, Buffer>;
}

/** A collection of `faces`, each table written once (shared tables at one offset), with checksums. */
function collection(faces: readonly FakeFace[]): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.alloc(12 + 4 * faces.length);
  header.write('ttcf', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(faces.length, 8);
  parts.push(header);
  let at = header.length;
  const directories = faces.map((face) => {
    const d = Buffer.alloc(12 + 16 * face.tables.size);
    header.writeUInt32BE(at, 12 + 4 * faces.indexOf(face));
    at += d.length;
    parts.push(d);
    return d;
  });
  const placed = new Map<Buffer, number>();
  faces.forEach((face, f) => {
    const d = directories[f]!;
    d.writeUInt32BE(0x4f54544f, 0); // 'OTTO'
    d.writeUInt16BE(face.tables.size, 4);
    [...face.tables.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .forEach(([tag, data], t) => {
        if (!placed.has(data)) {
          const pad = (4 - (at % 4)) % 4;
          if (pad > 0) parts.push(Buffer.alloc(pad));
          at += pad;
          placed.set(data, at);
          parts.push(data);
          at += data.length;
        }
        const r = 12 + 16 * t;
        d.write(tag, r, 'latin1');
        d.writeUInt32BE(data.length * 7 + t, r + 4); // any checksum: it is copied, not checked
        d.writeUInt32BE(placed.get(data)!, r + 8);
        d.writeUInt32BE(data.length, r + 12);
      });
  });
  return Buffer.concat(parts);
}

/** The tables of the sfnt directory at `offset` of `font`: tag → the bytes it points at. */
function tablesAt(font: Buffer, offset: number): Map<string, Buffer> {
  const count = font.readUInt16BE(offset + 4);
  const out = new Map<string, Buffer>();
  for (let t = 0; t < count; t++) {
    const r = offset + 12 + 16 * t;
    const start = font.readUInt32BE(r + 8);
    assert.equal(start % 4, 0, 'tables are 4-byte aligned');
    out.set(font.toString('latin1', r, r + 4), font.subarray(start, start + font.readUInt32BE(r + 12)));
  }
  return out;
}

const bytes = (text: string): Buffer => Buffer.from(text.repeat(3), 'latin1');

describe('export: the faces of one family taken out of a font collection', () => {
  const shared = bytes('shared glyph outlines ');
  const jp = { tables: new Map([['CFF ', shared], ['cmap', bytes('cmap jp')], ['name', nameTable([windowsFamily('Noto Sans CJK JP')])]]) };
  const sc = {
    tables: new Map([
      ['CFF ', shared],
      ['cmap', bytes('cmap sc')],
      // The Mac Roman record and the Windows one say the same; the typographic family wins over ID 1.
      ['name', nameTable([{ platform: 1, encoding: 0, nameId: 1, text: 'Noto Sans CJK SC' }, windowsFamily('Noto Sans CJK SC')])],
    ]),
  };
  const scBold = {
    tables: new Map([
      ['CFF ', bytes('bold outlines')],
      ['cmap', bytes('cmap sc')],
      ['name', nameTable([windowsFamily('Noto Sans CJK SC Bold'), windowsFamily('Noto Sans CJK SC', 16), windowsFamily('思源黑体 Bold')])],
    ]),
  };
  const ttc = collection([jp, sc, scBold]);

  it('reads every face with the family names resvg matches (typographic family first)', () => {
    assert.ok(isCollection(bufferSource(ttc)));
    const faces = collectionFaces(bufferSource(ttc));
    assert.deepEqual(
      faces.map((f) => [f.index, f.families]),
      [
        [0, ['Noto Sans CJK JP']],
        [1, ['Noto Sans CJK SC']],
        [2, ['Noto Sans CJK SC']],
      ],
    );
    assert.deepEqual(familyNames(nameTable([windowsFamily('微软雅黑'), windowsFamily('Microsoft YaHei')])), ['微软雅黑', 'Microsoft YaHei']);
  });

  it('chooses the faces of the first listed family the collection has, matched exactly', () => {
    const faces = collectionFaces(bufferSource(ttc));
    assert.deepEqual(facesForFamilies(faces, FONT_FAMILY)?.map((f) => f.index), [1, 2]);
    assert.deepEqual(facesForFamilies(faces, "'Noto Sans CJK JP', 'Noto Sans CJK SC'")?.map((f) => f.index), [0]);
    assert.deepEqual(facesForFamilies(faces, ['Nope', 'Noto Sans CJK JP'])?.map((f) => f.index), [0]);
    assert.equal(facesForFamilies(faces, "'noto sans cjk sc',sans-serif"), undefined);
  });

  it('writes one face as a plain sfnt holding exactly its tables', () => {
    const source = bufferSource(ttc);
    const [, face] = collectionFaces(source);
    const font = writeFaces(source, [face!]);
    assert.equal(font.readUInt32BE(0), 0x4f54544f);
    assert.equal(isCollection(bufferSource(font)), false);
    assert.deepEqual(tablesAt(font, 0), sc.tables);
    // The binary-search fields for 3 tables: searchRange 32, entrySelector 1, rangeShift 16.
    assert.deepEqual([font.readUInt16BE(6), font.readUInt16BE(8), font.readUInt16BE(10)], [32, 1, 16]);
  });

  it('writes several faces as a collection that stores a shared table once', () => {
    const source = bufferSource(ttc);
    const faces = collectionFaces(source);
    const font = writeFaces(source, [faces[0]!, faces[1]!]);
    const back = collectionFaces(bufferSource(font));
    assert.deepEqual(back.map((f) => f.families), [['Noto Sans CJK JP'], ['Noto Sans CJK SC']]);
    const offsets = back.map((f) => f.tables.find((t) => t.tag === 'CFF ')!.offset);
    assert.equal(offsets[0], offsets[1], 'the shared CFF table is stored once');
    assert.deepEqual(tablesAt(font, font.readUInt32BE(12)), jp.tables);
    assert.deepEqual(tablesAt(font, font.readUInt32BE(16)), sc.tables);
    assert.ok(font.length < ttc.length);
    // Checksums are carried over unchanged.
    assert.deepEqual(
      back.flatMap((f) => f.tables.map((t) => t.checksum)),
      [faces[0]!, faces[1]!].flatMap((f) => f.tables.map((t) => t.checksum)),
    );
  });

  it('leaves a single font and a collection without the families to the caller, and refuses a damaged one', () => {
    const single = writeFaces(bufferSource(ttc), [collectionFaces(bufferSource(ttc))[0]!]);
    assert.equal(extractFamily(bufferSource(single), FONT_FAMILY), undefined);
    assert.equal(extractFamily(bufferSource(ttc), "'SimSun'"), undefined);
    assert.throws(() => collectionFaces(bufferSource(single)), FontFormatError);
    const truncated = ttc.subarray(0, ttc.length - 10);
    assert.throws(() => extractFamily(bufferSource(truncated), FONT_FAMILY), FontFormatError);
    const badCount = Buffer.from(ttc);
    badCount.writeUInt32BE(100_000, 8);
    assert.throws(() => collectionFaces(bufferSource(badCount)), FontFormatError);
  });

  it('never reads outside the file nor throws anything but FontFormatError on damaged bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(ttc.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), (changes) => {
        const damaged = Buffer.from(ttc);
        for (const [at, value] of changes) damaged[at] = value;
        try {
          const font = extractFamily(bufferSource(damaged), FONT_FAMILY);
          if (font !== undefined) assert.ok(font.length > 0);
        } catch (error) {
          if (!(error instanceof FontFormatError)) throw error;
        }
      }),
    );
  });
});

describe('export: the Noto Sans CJK face resvg draws the diagram with', function () {
  this.timeout(60_000);
  const file = findCjkFont();

  it('is one face of the machine’s collection, and draws the same pixels as the whole collection', async function () {
    if (file === undefined) throw new Error('no CJK font on this machine: bash scripts/install-office-tools.sh');
    const whole = readFileSync(file);
    if (!isCollection(bufferSource(whole))) this.skip(); // a single font is given to resvg as it is
    const face = extractFamily(bufferSource(whole), FONT_FAMILY);
    assert.ok(face !== undefined, `${file} has one of the diagram's families`);
    assert.equal(isCollection(bufferSource(face)), false, 'one face (Regular) of the family');
    assert.ok(face.length < whole.length * 0.9, `${face.length} of ${whole.length} bytes`);
    const { initWasm, Resvg } = await import('@resvg/resvg-wasm');
    await initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    const svg = renderDiagramSvg(layoutDiagram(buildDiagram(parseApplication(SAMPLE_TEXT).value)), { draft: false });
    const draw = (fonts: Uint8Array[]): Buffer => {
      const resvg = new Resvg(svg, { font: { fontBuffers: fonts }, fitTo: { mode: 'zoom', value: 1.5 }, background: '#ffffff' });
      try {
        const image = resvg.render();
        const pixels = Buffer.from(image.pixels);
        image.free();
        return pixels;
      } finally {
        resvg.free();
      }
    };
    const withFace = draw([face]);
    assert.ok(withFace.equals(draw([whole])), 'the same pixels as with the whole collection');
    assert.ok(!withFace.equals(draw([])), 'the labels are drawn (a drawing without any font differs)');
  });
});
