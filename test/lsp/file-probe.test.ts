/**
 * The attachment FileProbe (node/file-probe.ts) and its per-document factory
 * (host/document-probe.ts): existence, kinds, and confinement to the application's folder tree.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { probeForUri } from '../../server/src/host/document-probe';
import { createFileProbe } from '../../server/src/node/file-probe';
import type { FileKind } from '../../server/src/core';

describe('file probe', function () {
  let base: string;
  let app: string; // the application's folder
  before(function () {
    base = mkdtempSync(path.join(tmpdir(), 'miit95-probe-'));
    app = path.join(base, 'app');
    mkdirSync(path.join(app, '附件', 'sub'), { recursive: true });
    writeFileSync(path.join(app, '附件', '营业执照.pdf'), '%PDF');
    writeFileSync(path.join(app, '..foo.pdf'), 'x');
    writeFileSync(path.join(base, 'secret.pdf'), 'secret');
    mkdirSync(path.join(base, 'elsewhere'));
    writeFileSync(path.join(base, 'elsewhere', 'x.pdf'), 'x');
    symlinkSync(path.join(base, 'secret.pdf'), path.join(app, 'link-out.pdf'));
    symlinkSync(path.join(app, '附件', '营业执照.pdf'), path.join(app, 'link-in.pdf'));
    symlinkSync(path.join(base, 'elsewhere'), path.join(app, 'dir-out'));
    symlinkSync(path.join(base, 'nothing-here.pdf'), path.join(app, 'dangling-out.pdf'));
    symlinkSync(path.join(app, 'nothing-here.pdf'), path.join(app, 'dangling-in.pdf'));
  });
  after(function () {
    rmSync(base, { recursive: true, force: true });
  });

  const cases: [string, string, FileKind][] = [
    ['an existing attachment', '附件/营业执照.pdf', 'file'],
    ['an attachment written with backslashes', '附件\\营业执照.pdf', 'file'],
    ['a path through ./ and a harmless ..', './附件/sub/../营业执照.pdf', 'file'],
    ['a folder', '附件', 'directory'],
    ['the application folder itself', '.', 'directory'],
    ['a name that starts with two dots', '..foo.pdf', 'file'],
    ['a missing attachment', '附件/missing.pdf', 'missing'],
    ['a path through a file', '附件/营业执照.pdf/x', 'missing'],
    ['an empty path', '', 'missing'],
    ['a blank path', '  ', 'missing'],
    ['a NUL byte', '附件/营业执照.pdf\u0000.txt', 'missing'],
    ['a .. escape', '../secret.pdf', 'outside'],
    ['a .. escape that comes back', '../app/附件/营业执照.pdf', 'file'],
    ['a deep .. escape', '附件/../../secret.pdf', 'outside'],
    ['a backslash .. escape', '..\\secret.pdf', 'outside'],
    ['an absolute POSIX path', '/etc/passwd', 'outside'],
    ['a Windows drive path', 'C:\\Windows\\win.ini', 'outside'],
    ['a Windows drive-relative path', 'C:secret.pdf', 'outside'],
    ['a UNC path', '\\\\server\\share\\x.pdf', 'outside'],
    ['a symlink to a file outside', 'link-out.pdf', 'outside'],
    ['a symlink to a file inside', 'link-in.pdf', 'file'],
    ['a file under a symlinked folder outside', 'dir-out/x.pdf', 'outside'],
    ['a symlinked folder outside', 'dir-out', 'outside'],
    ['a dangling symlink pointing outside', 'dangling-out.pdf', 'outside'],
    ['a dangling symlink pointing inside', 'dangling-in.pdf', 'missing'],
  ];
  for (const [name, relative, expected] of cases) {
    it(`${name}: ${JSON.stringify(relative)} → ${expected}`, function () {
      assert.equal(createFileProbe(app).probe(relative), expected);
    });
  }

  it('answers missing for everything when the application folder does not exist', function () {
    const probe = createFileProbe(path.join(base, 'no-such-folder'));
    assert.equal(probe.probe('附件/营业执照.pdf'), 'missing');
  });

  it('a root given through a symlink still confines to the real tree', function () {
    const alias = path.join(base, 'alias');
    symlinkSync(app, alias);
    const probe = createFileProbe(alias);
    assert.equal(probe.probe('附件/营业执照.pdf'), 'file');
    assert.equal(probe.probe('link-out.pdf'), 'outside');
  });

  it('gives file: URIs a probe rooted at the document folder, and other schemes none', function () {
    const uri = pathToFileURL(path.join(app, '申请.app95.yaml')).href;
    assert.equal(probeForUri(uri)?.probe('附件/营业执照.pdf'), 'file');
    assert.equal(probeForUri(uri)?.probe('../secret.pdf'), 'outside');
    assert.equal(probeForUri('untitled:Untitled-1'), undefined);
    assert.equal(probeForUri('vscode-remote://ssh/x/a.app95.yaml'), undefined);
    assert.equal(probeForUri('file://remote-host/share/a.app95.yaml'), undefined);
  });
});
