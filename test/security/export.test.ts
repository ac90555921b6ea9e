/**
 * The export's security properties beyond the example-based tests in test/unit/export/ (issue 6,
 * item 6): for any entry name — random segments, both separators, drive letters, control and
 * look-alike characters — the writer either refuses it or stores a name that stays inside the
 * package when unpacked on POSIX and on Windows (zip-slip), also in a real ZIP read back with yauzl;
 * and an export whose attachments escape the folder (`..`, absolute, symlinks) never opens a file
 * outside the application's folder tree — watched at the fs calls, not inferred from the output.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { isInside } from '../../server/src/node/file-probe';
import { exportApplication } from '../../server/src/host/export-application';
import { safeEntryName, UnsafeEntryNameError, writeZip } from '../../server/src/node/export';
import { fuzzParameters } from '../fuzz/edits';
import { exportHost, NOW, readZip, SAMPLE_TEXT, scratch } from '../unit/export/helpers';
import { REPO_ROOT } from '../lsp/client';

/** The fs module object itself (an `import * as` namespace is a copy): calls of the code under test go through it. */
const fsModule = createRequire(__filename)('node:fs') as typeof import('node:fs');

const SEGMENTS = [
  '..', '.', '', 'a', '附件', '营业执照.pdf', 'C:', 'c:x', '\\\\server', ' ', '..\\..', '%2e%2e', '．．', '..foo',
  '\u0000', '\u001f', '\u202e', 'e\u0301', ':', 'file.txt:stream', 'CON', '~', '$HOME', '\u2215', '\uFF0F',
];
const entryName: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', '/', '\\', '\\\\', 'C:\\', 'c:/'),
    fc.array(fc.oneof(fc.constantFrom(...SEGMENTS), fc.string({ unit: 'binary', maxLength: 4 })), {
      minLength: 1,
      maxLength: 5,
    }),
    fc.constantFrom('/', '\\'),
  )
  .map(([prefix, segments, separator]) => prefix + segments.join(separator));

/** Names a package really holds, odd but mostly acceptable, so that the ZIP test writes something. */
const plausibleName: fc.Arbitrary<string> = fc
  .array(fc.constantFrom('附件', 'a', '营业执照.pdf', '..foo', 'e\u0301.pdf', ' x ', 'CON', '．．', '%2e%2e', '..'), {
    minLength: 1,
    maxLength: 4,
  })
  .map((segments) => segments.join('/'));

/** The name, unpacked under a folder on POSIX and on Windows, stays below it. */
function assertStaysInside(stored: string, original: string): void {
  const what = `${JSON.stringify(original)} stored as ${JSON.stringify(stored)}`;
  assert.ok(!stored.includes('\\') && !stored.includes(':'), what);
  assert.ok(!stored.split('/').some((s) => s === '..' || s === '.' || s === ''), what);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is checked
  assert.ok(!/[\u0000-\u001f\u007f]/.test(stored), what);
  const posix = path.posix.resolve('/dest', stored);
  assert.ok(posix.startsWith('/dest/'), `${what} → ${posix}`);
  const win = path.win32.resolve('C:\\dest', stored);
  assert.ok(win.startsWith('C:\\dest\\'), `${what} → ${win}`);
}

describe('security: zip-slip in the export writer', function () {
  this.timeout(60_000);

  it('every entry name is refused or stays inside the package, on POSIX and Windows', function () {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(entryName, (name) => {
        let stored: string;
        try {
          stored = safeEntryName(name);
        } catch (error) {
          assert.ok(error instanceof UnsafeEntryNameError, String(error));
          refused++;
          return;
        }
        accepted++;
        assertStaysInside(stored, name);
      }),
      fuzzParameters(2000),
    );
    assert.ok(accepted > 50 && refused > 50, `both outcomes exercised: ${accepted} accepted, ${refused} refused`);
  });

  it('a real ZIP of accepted random names unpacks inside its root folder (read back with yauzl)', async function () {
    const dir = mkdtempSync(path.join(tmpdir(), 'miit95-zipslip-'));
    let zips = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(fc.oneof(plausibleName, entryName), { minLength: 1, maxLength: 12 }), async (names) => {
          const accepted = names.filter((n) => {
            try {
              safeEntryName(n);
              return true;
            } catch {
              return false;
            }
          });
          const stored = [...new Map(accepted.map((n) => [safeEntryName(n).toLowerCase(), n])).values()];
          if (stored.length === 0) return;
          zips++;
          const target = path.join(dir, `p-${Date.now()}-${Math.random().toString(36).slice(2)}.zip`);
          await writeZip(target, '包-申报材料', stored.map((n) => ({ path: n, data: Buffer.from(n) })), NOW);
          const entries = await readZip(readFileSync(target));
          assert.equal(entries.size, stored.length);
          for (const name of entries.keys()) {
            assert.ok(name.startsWith('包-申报材料/'), name);
            assertStaysInside(name, name);
          }
        }),
        fuzzParameters(40),
      );
      assert.ok(zips > 20, `${zips} ZIPs written`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('security: the export never opens a file outside the application folder', function () {
  this.timeout(60_000);

  it('with `..`, absolute and symlinked attachments (and in an untrusted workspace, no attachment at all)', async function () {
    const s = scratch();
    const fs = fsModule as unknown as Record<string, (...args: unknown[]) => unknown>;
    const opened: string[] = [];
    const watched = ['openSync', 'readFileSync', 'createReadStream', 'copyFileSync', 'cpSync', 'open', 'readFile'];
    const originals = watched.map((name) => [name, fs[name]!] as const);
    try {
      const secret = path.join(s.root, 'secret.txt');
      writeFileSync(secret, 'TOP-SECRET');
      symlinkSync(secret, path.join(s.appDir, '附件', 'link.pdf'));
      symlinkSync(s.root, path.join(s.appDir, 'up'));
      writeFileSync(
        s.file,
        SAMPLE_TEXT.replace('business_licence_file: 附件/营业执照.pdf', 'business_licence_file: ../secret.txt')
          .replace('    - 附件/增值电信业务经营许可证-附页.pdf', `    - ${secret}\n    - up/secret.txt`)
          .replace('  file: 附件/电话接入号码使用承诺书.pdf', '  file: 附件/link.pdf'),
      );
      for (const [name, original] of originals) {
        fs[name] = function (this: unknown, ...args: unknown[]): unknown {
          const flags = args[1];
          const { O_WRONLY, O_RDWR, O_CREAT, O_APPEND, O_TRUNC } = fsModule.constants;
          const writing =
            typeof flags === 'string'
              ? /[wa+]/.test(flags)
              : typeof flags === 'number' && (flags & (O_WRONLY | O_RDWR | O_CREAT | O_APPEND | O_TRUNC)) !== 0;
          if (!writing && (typeof args[0] === 'string' || args[0] instanceof URL)) opened.push(String(args[0]));
          return original.apply(this, args);
        };
      }
      const appReal = realpathSync(s.appDir);
      for (const copyAttachments of [true, false]) {
        opened.length = 0;
        const result = await exportApplication({
          file: s.file,
          outDir: path.join(s.outDir, String(copyAttachments)),
          draft: true,
          copyAttachments,
        }, exportHost());
        assert.equal(result.status, 'written');
        assert.ok(opened.length > 0, 'the watch sees the reads');
        for (const file of opened) {
          const real = existsSync(file) ? realpathSync(file) : path.resolve(file);
          const allowed = isInside(appReal, real) || isInside(REPO_ROOT, real);
          assert.ok(allowed, `opened ${file} (${real}) outside the application folder`);
          assert.notEqual(real, realpathSync(secret), `the secret was opened as ${file}`);
        }
        const attachmentReads = opened.filter((f) => isInside(path.join(appReal, '附件'), realpathSync(f)));
        if (!copyAttachments) assert.deepEqual(attachmentReads, [], 'untrusted: no attachment is read');
        else assert.ok(attachmentReads.length > 0, 'trusted: the attachments inside are read');
      }
    } finally {
      for (const [name, original] of originals) fs[name] = original;
      s.dispose();
    }
  });
});
