/**
 * The extension package (`npm run package` → dist/miit95.vsix, read back with yauzl): it holds what the
 * installed extension needs (every file package.json refers to, every rule page the diagnostics link to, the
 * notices, the CLI bundle its workspace check task runs) and nothing else (no source maps, no sources, no tests,
 * no node_modules); the
 * bundles are minified; the manifest carries the marketplace metadata; `vsce package` runs without
 * workaround flags.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../lsp/client';
import { readZip } from '../unit/export/helpers';
import { packageOnce } from './packaged';

interface Manifest {
  [key: string]: unknown;
  main: string;
  icon: string;
  scripts: Record<string, string>;
  engines: { vscode: string };
  keywords: string[];
  contributes: {
    grammars: { path: string }[];
    languages: { configuration?: string }[];
    walkthroughs: { steps: { media: { markdown?: string; image?: string } }[] }[];
  };
}

describe('the extension package (dist/miit95.vsix)', function () {
  this.timeout(240_000);
  let entries: Map<string, Buffer>;
  let names: string[];
  let manifest: Manifest;
  const has = (p: string): boolean => entries.has(`extension/${p.replace(/^\.\//, '')}`);

  before(async function () {
    const { vsix } = packageOnce();
    entries = await readZip(readFileSync(vsix));
    names = [...entries.keys()];
    manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as Manifest;
  });

  it('holds every file the manifest refers to', function () {
    const referred = [
      manifest.main,
      manifest.icon,
      ...manifest.contributes.grammars.map((g) => g.path),
      ...manifest.contributes.languages.flatMap((l) => (l.configuration ? [l.configuration] : [])),
      ...manifest.contributes.walkthroughs.flatMap((w) =>
        w.steps.flatMap((s) =>
          [s.media.markdown, s.media.image].filter((m): m is string => m !== undefined && !m.startsWith('%')),
        ),
      ),
    ];
    for (const f of referred) assert.ok(has(f), `${f} (named in package.json) is in the package`);
    // Walkthrough media are localized through %keys%: every media file of the repository ships.
    for (const f of readdirSync(path.join(REPO_ROOT, 'media', 'walkthrough')))
      assert.ok(has(`media/walkthrough/${f}`), f);
  });

  it('holds the server, the export, the webviews, the schemas, the rule pages, translations and notices', function () {
    for (const f of [
      'dist/server.js',
      'dist/server-main.js',
      'dist/export-render.js',
      'dist/cli.js', // the workspace check task (client/src/tasks/check-task.ts) runs it
      'dist/cli-main.js', // the CLI bundle dist/cli.js runs
      'dist/portfolio-worker.js',
      'dist/webview/fee-preview.js',
      'dist/THIRD-PARTY-NOTICES.txt',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'l10n/bundle.l10n.zh-cn.json',
      'schemas/application.schema.json',
      'docs/configuration.md',
      'changelog.md', // vsce stores README.md and CHANGELOG.md in lower case
      'readme.md',
    ])
      assert.ok(has(f), `${f} is in the package`);
    assert.ok(
      names.some((n) => /^extension\/LICENSE(\.txt)?$/i.test(n)),
      'the licence is in the package',
    );
    for (const page of readdirSync(path.join(REPO_ROOT, 'docs', 'rules')))
      assert.ok(has(`docs/rules/${page}`), `docs/rules/${page} is in the package`);
  });

  it('holds nothing a user does not need', function () {
    const unwanted = names.filter(
      (n) =>
        n.endsWith('.map') ||
        n.endsWith('.ts') ||
        n.endsWith('.LEGAL.txt') ||
        /^extension\/(node_modules|test|server|client|samples|scripts|bench|dist\/test|docs\/dev|dist\/cli)\//.test(
          n,
        ) ||
        n === 'extension/media/icon.svg' ||
        n.endsWith('.tgz') ||
        n.endsWith('.vsix'),
    );
    assert.deepEqual(unwanted, []);
  });

  it('carries minified bundles without source map references', function () {
    for (const f of [
      'dist/extension.js',
      'dist/server-main.js',
      'dist/export-render.js',
      'dist/server.js',
      'dist/cli.js',
      'dist/cli-main.js',
    ]) {
      const text = entries.get(`extension/${f}`)!.toString('utf8');
      assert.doesNotMatch(text, /sourceMappingURL/, `${f} refers to no source map`);
      const lines = text.split('\n').length;
      assert.ok(text.length / lines > 300, `${f} is minified (${lines} lines for ${text.length} characters)`);
    }
  });

  it('has the marketplace metadata', function () {
    assert.equal(manifest['publisher'], 'miit95');
    for (const key of ['repository', 'bugs', 'homepage', 'galleryBanner', 'categories', 'license'])
      assert.ok(manifest[key], `package.json has ${key}`);
    assert.ok(
      manifest.keywords.some((k) => /[\u4e00-\u9fff]/.test(k)),
      'Chinese keywords',
    );
    assert.ok(
      manifest.keywords.some((k) => /^[A-Za-z ]+$/.test(k)),
      'English keywords',
    );
    assert.ok(manifest.keywords.length <= 30, 'the marketplace takes at most 30 keywords');
    const caps = manifest['capabilities'] as { virtualWorkspaces?: unknown };
    assert.notEqual(caps.virtualWorkspaces, undefined, 'virtualWorkspaces is declared');
    const [major, minor] = manifest.engines.vscode.replace(/^\^/, '').split('.').map(Number);
    assert.ok(major === 1 && minor! <= 100, `engines.vscode ${manifest.engines.vscode} ≤ ^1.100.0`);
    for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const strings = JSON.parse(entries.get(`extension/${nls}`)!.toString('utf8')) as Record<string, string>;
      assert.ok(strings['displayName'] && strings['description'], `${nls} names and describes the extension`);
    }
    assert.match(strings(manifest['displayName']), /^%displayName%$/);
  });

  it('has an icon PNG of at least 128×128', function () {
    const png = entries.get(`extension/${manifest.icon}`)!;
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    assert.ok(width >= 128 && height >= 128, `icon is ${width}×${height}`);
  });

  it('is built by vsce without workaround flags, through vscode:prepublish', function () {
    const scripts = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest)
      .scripts;
    assert.doesNotMatch(scripts['package:vsix']!, /--no-dependencies|--no-rewrite-relative-links|--allow-/);
    assert.match(scripts['vscode:prepublish']!, /--production/);
  });

  it('has a README whose relative links vsce made absolute', function () {
    const readme = (entries.get('extension/readme.md') ?? entries.get('extension/README.md'))!.toString(
      'utf8',
    );
    const relative = [...readme.matchAll(/\]\((?!https?:|#|mailto:)([^)]+)\)/g)].map((m) => m[1]);
    assert.deepEqual(relative, [], 'links and images in the packaged README are absolute');
  });
});

function strings(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
