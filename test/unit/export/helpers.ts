/**
 * Helpers of the export tests: a scratch copy of the complete sample, and reading the produced
 * files back — ZIP entries with yauzl, Word XML parts with @xmldom/xmldom's DOMParser (a real XML
 * parser), the text of a .docx.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DOMParser, type Document as XmlDocument } from '@xmldom/xmldom';
import * as yauzl from 'yauzl';
import { DiskConfigs } from '../../../server/src/host/disk-configs';
import { ValidationHost } from '../../../server/src/host/validation-host';

export const REPO = path.resolve(__dirname, '../../..');
export const SAMPLE_DIR = path.join(REPO, 'samples', 'complete');
export const SAMPLE_NAME = '杭州云声.app95.yaml';
export const SAMPLE_TEXT = readFileSync(path.join(SAMPLE_DIR, SAMPLE_NAME), 'utf8');
/** The sample's date rules are stable on this day. */
export const TODAY = '2026-11-28';
export const NOW = new Date('2026-11-28T08:00:00Z');

export interface Scratch {
  readonly root: string;
  /** The application folder (a copy of samples/complete). */
  readonly appDir: string;
  readonly file: string;
  readonly outDir: string;
  dispose(): void;
}

/** A temporary copy of samples/complete, with the application text replaced when `text` is given. */
export function scratch(text?: string): Scratch {
  const root = mkdtempSync(path.join(os.tmpdir(), 'miit95-export-'));
  const appDir = path.join(root, 'app');
  cpSync(SAMPLE_DIR, appDir, { recursive: true });
  const file = path.join(appDir, SAMPLE_NAME);
  if (text !== undefined) writeFileSync(file, text);
  return { root, appDir, file, outDir: path.join(root, 'out'), dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every entry of a ZIP (a .docx or the package ZIP) with its bytes; entry names as stored. */
export function readZip(data: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true, decodeStrings: true }, (error, zip) => {
      if (error || zip === undefined) return reject(error ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || stream === undefined) return reject(err ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Parses XML, failing the test on any parser error or warning. */
export function parseXml(text: string): XmlDocument {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, message: string) => problems.push(`${level}: ${message}`),
  }).parseFromString(text, 'text/xml');
  assert.deepEqual(problems, [], 'the XML parses without errors');
  assert.equal(doc.getElementsByTagName('parsererror').length, 0, 'no parsererror element');
  return doc;
}

/** A Word file read back: its parts and the text of document.xml and the headers. */
export interface DocxContent {
  readonly parts: Map<string, Buffer>;
  readonly document: XmlDocument;
  /** The text of every w:t of document.xml, concatenated per paragraph and joined with newlines. */
  readonly text: string;
  /** The text of the page headers. */
  readonly headerText: string;
  readonly headerXml: string;
}

function paragraphText(doc: XmlDocument): string {
  const out: string[] = [];
  const paragraphs = doc.getElementsByTagName('w:p');
  for (let i = 0; i < paragraphs.length; i++) {
    const runs = paragraphs.item(i)!.getElementsByTagName('w:t');
    let line = '';
    for (let j = 0; j < runs.length; j++) line += runs.item(j)!.textContent ?? '';
    out.push(line);
  }
  return out.join('\n');
}

export async function readDocx(file: string): Promise<DocxContent> {
  const parts = await readZip(readFileSync(file));
  const xml = parts.get('word/document.xml');
  assert.ok(xml, `${file} has word/document.xml`);
  const document = parseXml(xml.toString('utf8'));
  const headers = [...parts.keys()].filter((name) => /^word\/header\d*\.xml$/.test(name));
  const headerXml = headers.map((h) => parts.get(h)!.toString('utf8')).join('\n');
  const headerText = headers.map((h) => paragraphText(parseXml(parts.get(h)!.toString('utf8')))).join('\n');
  return { parts, document, text: paragraphText(document), headerText, headerXml };
}

/** The host the export tests validate with: the disk's `.miit95.yaml`, TODAY, and the clock stopped at NOW. */
export function exportHost(): ValidationHost {
  return new ValidationHost({ configs: new DiskConfigs(), today: TODAY, clock: () => NOW });
}
