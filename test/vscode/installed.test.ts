/**
 * The suite tests the copy of miit95 the runner put into the editor: by default the packaged .vsix installed
 * with `--install-extension` (test/e2e/lib/harness.mjs), so a file missing from the package fails here and in
 * every other test; with MIIT95_E2E_FROM=dev the repository loaded unpacked.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extension } from './helpers';

/** The repository: this bundle runs from <repo>/dist/test/. */
const repoRoot = path.resolve(__dirname, '..', '..');

describe('the extension under test', () => {
  it('is the copy the runner installed (the .vsix) or loaded (dev), and it is active', async () => {
    const source = process.env['MIIT95_E2E_EXTENSION_SOURCE'];
    assert.ok(source, 'the runner names the copy it loaded (MIIT95_E2E_EXTENSION_SOURCE)');
    const kind = source.slice(0, source.indexOf(':'));
    const expected = source.slice(kind.length + 1);
    const ext = extension();
    assert.equal(fs.realpathSync(ext.extensionPath), fs.realpathSync(expected));
    await ext.activate();
    assert.ok(ext.isActive);
    const repoManifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    assert.equal((ext.packageJSON as { version: string }).version, repoManifest.version);
    if (kind === 'vsix') {
      assert.notEqual(fs.realpathSync(ext.extensionPath), fs.realpathSync(repoRoot), 'not the repository');
      const has = (p: string): boolean => fs.existsSync(path.join(ext.extensionPath, p));
      assert.ok(has('dist/server-main.js') && has('dist/THIRD-PARTY-NOTICES.txt'), 'the packaged files');
      for (const absent of ['server', 'client', 'node_modules', 'test', 'dist/extension.js.map'])
        assert.equal(has(absent), false, `${absent} is not in the installed package`);
    } else {
      assert.equal(kind, 'dev', `unknown extension source ${source}`);
    }
  });
});
