/**
 * Node-side helpers shared by the CLI and the server: file discovery (node/discover.ts), strict text
 * reading (node/read-text.ts) and the validation guard (node/validate-safely.ts).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { discoverApplications, isApplicationFileName } from '../../server/src/node/discover';
import { decodeUtf8, readApplicationText } from '../../server/src/node/read-text';
import { INTERNAL_ERROR_CODE, validateSafely } from '../../server/src/node/validate-safely';
import type { FileProbe, ValidateOptions } from '../../server/src/core';

describe('node helpers', function () {
  let root: string;
  before(function () {
    root = mkdtempSync(path.join(tmpdir(), 'miit95-node-'));
    const files = [
      'apps/b.app95.yaml',
      'apps/a.app95.yml',
      'apps/sub/c.APP95.YAML',
      'apps/sub/notes.yaml',
      'apps/.hidden/h.app95.yaml',
      'apps/node_modules/pkg/n.app95.yaml',
      'apps/.dot-file.app95.yaml',
      'empty/readme.txt',
      'other/plain.yaml',
    ];
    for (const f of files) {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      writeFileSync(path.join(root, f), 'apiVersion: miit95/v1\n');
    }
    symlinkSync(path.join(root, 'apps'), path.join(root, 'apps', 'sub', 'loop')); // a cycle, never followed
    symlinkSync(path.join(root, 'other', 'plain.yaml'), path.join(root, 'apps', 'linked.app95.yaml'));
  });
  after(function () {
    rmSync(root, { recursive: true, force: true });
  });

  describe('discover', function () {
    const rel = (files: readonly string[]): string[] => files.map((f) => path.relative(root, f));

    it('recognises application file names', function () {
      const table: [string, boolean][] = [
        ['a.app95.yaml', true],
        ['a.app95.yml', true],
        ['A.APP95.YAML', true],
        ['.app95.yaml', false],
        ['a.yaml', false],
        ['a.app95.yaml.bak', false],
      ];
      for (const [name, expected] of table) assert.equal(isApplicationFileName(name), expected, name);
    });

    it('searches folders recursively, sorted, skipping node_modules and dot-folders, not following folder links', function () {
      const { files, problems } = discoverApplications(['apps'], root);
      assert.deepEqual(problems, []);
      assert.deepEqual(rel(files), [
        'apps/.dot-file.app95.yaml',
        'apps/a.app95.yml',
        'apps/b.app95.yaml',
        'apps/linked.app95.yaml',
        'apps/sub/c.APP95.YAML',
      ]);
    });

    it('takes explicit files whatever their name, even in skipped folders, and deduplicates', function () {
      const { files, problems } = discoverApplications(
        [
          'other/plain.yaml',
          'apps/.hidden/h.app95.yaml',
          path.join(root, 'other/plain.yaml'),
          './other/../other/plain.yaml',
        ],
        root,
      );
      assert.deepEqual(problems, []);
      assert.deepEqual(rel(files), ['other/plain.yaml', 'apps/.hidden/h.app95.yaml']);
    });

    it('reports missing inputs and folders without applications, and keeps the rest', function () {
      const { files, problems } = discoverApplications(
        ['nope.app95.yaml', 'empty', 'apps/sub', 'apps/b.app95.yaml/x'],
        root,
      );
      assert.deepEqual(rel(files), ['apps/sub/c.APP95.YAML']);
      assert.deepEqual(problems, [
        { input: 'nope.app95.yaml', reason: 'missing' },
        { input: 'empty', reason: 'no-applications' },
        { input: 'apps/b.app95.yaml/x', reason: 'missing' },
      ]);
    });
  });

  describe('read-text', function () {
    const write = (name: string, bytes: Uint8Array | string): string => {
      const file = path.join(root, name);
      writeFileSync(file, bytes);
      return file;
    };

    it('reads UTF-8 and drops a BOM', function () {
      const file = write(
        'bom.app95.yaml',
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('申请: 是\n')]),
      );
      assert.deepEqual(readApplicationText(file), { ok: true, text: '申请: 是\n' });
    });

    it('refuses bytes that are not UTF-8', function () {
      const file = write('latin1.app95.yaml', Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
      assert.deepEqual(readApplicationText(file), { ok: false, reason: 'not-utf8' });
      const gbk = write('gbk.app95.yaml', Buffer.from([0xc9, 0xea, 0xc7, 0xeb])); // 申请 in GBK
      assert.deepEqual(readApplicationText(gbk), { ok: false, reason: 'not-utf8' });
      assert.equal(
        decodeUtf8(Buffer.from([0xed, 0xa0, 0x80])),
        undefined,
        'an encoded surrogate is not UTF-8',
      );
    });

    it('refuses files over the size limit without reading them', function () {
      const file = write('big.app95.yaml', 'x'.repeat(101));
      assert.deepEqual(readApplicationText(file, 100), { ok: false, reason: 'too-big', bytes: 101 });
      assert.equal(readApplicationText(file, 101).ok, true);
    });

    it('names missing files and folders', function () {
      assert.deepEqual(readApplicationText(path.join(root, 'nothing.yaml')), {
        ok: false,
        reason: 'missing',
      });
      assert.deepEqual(readApplicationText(path.join(root, 'apps')), { ok: false, reason: 'not-a-file' });
    });
  });

  describe('validate-safely', function () {
    it('turns an exception of the core into one internal finding on the first line', function () {
      const text = 'apiVersion: miit95/v1\nx: 1\n';
      const boom = new Error('boom');
      const result = validateSafely(text, undefined, () => {
        throw boom;
      });
      assert.equal(result.error, boom);
      assert.equal(result.findings.length, 1);
      const [finding] = result.findings;
      assert.equal(finding!.code, INTERNAL_ERROR_CODE);
      assert.equal(finding!.severity, 'error');
      assert.equal(text.slice(finding!.range.start, finding!.range.end), 'apiVersion: miit95/v1');
      assert.match(finding!.message['zh-cn'], /内部错误.*boom/);
      assert.match(finding!.message.en, /internal error.*boom/);
    });

    it('survives a thrown non-Error', function () {
      const result = validateSafely('', undefined, () => {
        throw Object.create(null) as unknown;
      });
      assert.equal(result.findings[0]!.code, INTERNAL_ERROR_CODE);
    });

    it('passes the probe through, and no options without one', function () {
      const seen: ValidateOptions[] = [];
      const probe: FileProbe = { probe: () => 'file' };
      validateSafely('a: 1', probe, (_t, options) => {
        seen.push(options ?? {});
        return { findings: [] };
      });
      validateSafely('a: 1', undefined, (_t, options) => {
        seen.push(options ?? {});
        return { findings: [] };
      });
      assert.equal(seen[0]!.files, probe);
      assert.deepEqual(seen[1], {});
    });
  });
});
