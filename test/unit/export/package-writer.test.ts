/**
 * The package writer's path safety: entry names that could escape the package (zip-slip) are
 * refused before anything is written, on disk and in the ZIP; package paths of attachments.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  packagePathOf,
  safeEntryName,
  UnsafeEntryNameError,
  writePackage,
  writeZip,
} from '../../../server/src/node/export';

describe('export: entry names', () => {
  const accepted: [string, string][] = [
    ['申请表.docx', '申请表.docx'],
    ['附件/营业执照.pdf', '附件/营业执照.pdf'],
    ['附件\\子目录\\a.pdf', '附件/子目录/a.pdf'],
    ['..foo/bar', '..foo/bar'],
    ['e\u0301.pdf', '\u00e9.pdf'], // NFC
  ];
  for (const [input, expected] of accepted) {
    it(`accepts ${JSON.stringify(input)}`, () => assert.equal(safeEntryName(input), expected));
  }
  const refused = [
    '',
    '../etc/passwd',
    '附件/../../x',
    '/etc/passwd',
    '\\\\server\\share\\x',
    'C:\\Windows\\x',
    'c:x',
    'a//b',
    './a',
    'a/./b',
    'a/',
    'a\u0000b',
    'a\nb',
    'file.txt:stream',
  ];
  for (const input of refused) {
    it(`refuses ${JSON.stringify(input)}`, () => assert.throws(() => safeEntryName(input), UnsafeEntryNameError));
  }
});

describe('export: writing with unsafe names', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'miit95-writer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const zip of [false, true]) {
    it(`writes nothing when one file name escapes (${zip ? 'ZIP' : 'folder'})`, async () => {
      const out = path.join(dir, 'out');
      await assert.rejects(
        writePackage({
          outDir: out,
          name: 'pkg',
          zip,
          overwrite: false,
          files: [
            { path: 'ok.txt', data: Buffer.from('ok') },
            { path: '../../evil.txt', data: Buffer.from('evil') },
          ],
        }),
        UnsafeEntryNameError,
      );
      assert.deepEqual(readdirSync(out), [], 'no package and no temporary left');
      assert.ok(!existsSync(path.join(dir, 'evil.txt')));
    });
  }

  it('refuses a package name that is a path', async () => {
    await assert.rejects(
      writePackage({ outDir: dir, name: '../up', zip: false, overwrite: false, files: [] }),
      UnsafeEntryNameError,
    );
    await assert.rejects(writeZip(path.join(dir, 'x.zip'), '../up', [], new Date()), UnsafeEntryNameError);
  });
});

describe('export: package paths of attachments', () => {
  const table: [string, string][] = [
    ['附件/营业执照.pdf', '附件/营业执照.pdf'],
    ['营业执照.pdf', '附件/营业执照.pdf'],
    [`docs${path.sep}许可证.pdf`, '附件/docs/许可证.pdf'],
    ['./附件/./a.pdf', '附件/a.pdf'],
  ];
  for (const [input, expected] of table) {
    it(`${input} → ${expected}`, () => assert.equal(packagePathOf(input), expected));
  }
});
