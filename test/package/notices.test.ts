/**
 * THIRD-PARTY-NOTICES: the generator (scripts/third-party-notices.mjs) on a small fixture, and the notices the
 * build wrote for the extension and the CLI checked against the bundler's own list of inputs (the metafiles
 * the build keeps): every bundled package is listed with its version and licence and carries its licence file's
 * text verbatim; nothing is listed that was not bundled; every licence is one we may bundle.
 */
import * as assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../lsp/client';

interface Metafile {
  inputs: Record<string, unknown>;
}
interface Pkg {
  name: string;
  version: string;
  license?: string;
  text?: string;
  textSource?: string;
}
interface NoticesModule {
  bundledPackages: (this: void, metafiles: Metafile[], root: string) => Pkg[];
  renderNotices: (this: void, product: string, packages: Pkg[], legal?: string[]) => string;
}

// The licences a bundle may carry: permissive, notice-only, plus MPL-2.0 (file-level copyleft: the
// unmodified @resvg/resvg-wasm files may be bundled with its text and where its source is, which the
// notices give; the issue on the office export names that package).
const ALLOWED = new Set([
  'MPL-2.0',
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'BlueOak-1.0.0',
  'Apache-2.0',
  '0BSD',
]);

async function generator(): Promise<NoticesModule> {
  return (await import(path.join(REPO_ROOT, 'scripts', 'third-party-notices.mjs'))) as NoticesModule;
}

/** `node_modules/…/<pkg>` folders named by the metafile inputs, derived here independently of the generator. */
function packageDirs(metafiles: Metafile[]): Set<string> {
  const dirs = new Set<string>();
  for (const m of metafiles)
    for (const input of Object.keys(m.inputs)) {
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match) dirs.add(match[1]!);
    }
  return dirs;
}

function licenceFileText(dir: string): string | undefined {
  const files = readdirSync(dir).filter((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f));
  return files.length === 0 ? undefined : readFileSync(path.join(dir, files[0]!), 'utf8').trim();
}

const ARTEFACTS = [
  { what: 'extension', metafiles: 'dist/extension-metafiles.json', notices: 'dist/THIRD-PARTY-NOTICES.txt' },
  { what: 'CLI', metafiles: 'dist/cli/metafile.json', notices: 'dist/cli/THIRD-PARTY-NOTICES.txt' },
];

describe('third-party notices', function () {
  for (const a of ARTEFACTS) {
    describe(`of the ${a.what} (${a.notices})`, function () {
      let metafiles: Metafile[];
      let notices: string;
      let listed: Map<string, { version: string; license: string }>;

      before(function () {
        const file = path.join(REPO_ROOT, a.metafiles);
        assert.ok(existsSync(file), `${a.metafiles} is missing: run npm run build first`);
        const parsed = JSON.parse(readFileSync(file, 'utf8')) as Metafile | Metafile[];
        metafiles = Array.isArray(parsed) ? parsed : [parsed];
        notices = readFileSync(path.join(REPO_ROOT, a.notices), 'utf8');
        listed = new Map();
        for (const m of notices.matchAll(/^- (\S+) (\S+) \((.+)\)$/gm))
          listed.set(m[1]!, { version: m[2]!, license: m[3]! });
      });

      it('lists every package the bundler took, with its version, licence and licence text', function () {
        const dirs = packageDirs(metafiles);
        assert.ok(dirs.size >= 10, `only ${dirs.size} bundled packages found in the metafiles`);
        for (const dir of dirs) {
          const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, dir, 'package.json'), 'utf8')) as Pkg;
          const entry = listed.get(pkg.name);
          assert.ok(entry, `${pkg.name} (${dir}) is bundled but not in ${a.notices}`);
          assert.equal(entry.version, pkg.version, `${pkg.name}'s version`);
          assert.equal(entry.license, pkg.license, `${pkg.name}'s licence`);
          const text = licenceFileText(path.join(REPO_ROOT, dir));
          if (text !== undefined)
            assert.ok(notices.includes(text), `${pkg.name}'s licence file text is in the notices`);
        }
      });

      it('lists nothing that was not bundled (a package is bundled, or inlined by a bundled prebuilt file)', function () {
        const names = new Set(
          [...packageDirs(metafiles)].map(
            (d) => (JSON.parse(readFileSync(path.join(REPO_ROOT, d, 'package.json'), 'utf8')) as Pkg).name,
          ),
        );
        const inputs = metafiles
          .flatMap((m) => Object.keys(m.inputs))
          .filter((i) => i.includes('node_modules/'));
        for (const name of listed.keys()) {
          if (names.has(name)) continue;
          const inliner = inputs.find((i) =>
            readFileSync(path.join(REPO_ROOT, i), 'utf8').includes(`// node_modules/${name}/`),
          );
          assert.ok(inliner, `${name} is in the notices but neither bundled nor inlined`);
        }
      });

      it('has a licence text for every package, and only licences we may bundle', function () {
        assert.ok(listed.size > 0);
        assert.doesNotMatch(notices, /\(no licence text found\)/);
        for (const [name, { license }] of listed)
          assert.ok(ALLOWED.has(license), `${name}: licence ${license}`);
      });
    });
  }

  describe('the generator', function () {
    let root: string;
    const write = (rel: string, text: string): void => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    };

    beforeEach(function () {
      root = mkdtempSync(path.join(tmpdir(), 'miit95-notices-'));
    });
    afterEach(function () {
      rmSync(root, { recursive: true, force: true });
    });

    it('finds bundled, nested and inlined packages, and reports a missing licence text', async function () {
      const { bundledPackages, renderNotices } = await generator();
      write('node_modules/with-file/package.json', '{"name":"with-file","version":"1.0.0","license":"ISC"}');
      write('node_modules/with-file/LICENSE', 'ISC licence of with-file');
      write('node_modules/with-file/index.js', '// node_modules/inlined/x.js\nmodule.exports = 1;');
      write('node_modules/inlined/package.json', '{"name":"inlined","version":"2.0.0","license":"MIT"}');
      write('node_modules/inlined/LICENSE.md', 'MIT licence of inlined');
      write(
        'node_modules/a/node_modules/@s/nested/package.json',
        '{"name":"@s/nested","version":"3.0.0","license":"MIT","author":"Nested Author <n@example.org>"}',
      );
      write('node_modules/a/node_modules/@s/nested/lib/i.js', '');
      write(
        'node_modules/no-text/package.json',
        '{"name":"no-text","version":"4.0.0","license":"BSD-3-Clause"}',
      );
      write('node_modules/no-text/i.js', '');
      const meta = {
        inputs: {
          'src/own.ts': {},
          'node_modules/with-file/index.js': {},
          'node_modules/a/node_modules/@s/nested/lib/i.js': {},
          'node_modules/no-text/i.js': {},
        },
      };
      const packages = bundledPackages([meta], root);
      assert.deepEqual(
        packages.map((p) => `${p.name}@${p.version}`),
        ['@s/nested@3.0.0', 'inlined@2.0.0', 'no-text@4.0.0', 'with-file@1.0.0'],
      );
      const nested = packages.find((p) => p.name === '@s/nested')!;
      assert.equal(nested.textSource, 'standard-mit');
      assert.match(nested.text!, /Copyright \(c\) Nested Author\n/);
      assert.equal(packages.find((p) => p.name === 'no-text')!.text, undefined);
      const text = renderNotices('test', packages);
      assert.match(text, /^- inlined 2\.0\.0 \(MIT\)$/m);
      assert.match(text, /MIT licence of inlined/);
      assert.match(text, /no-text 4\.0\.0 — BSD-3-Clause\n-+\n\n\(no licence text found\)/);
    });
  });
});
