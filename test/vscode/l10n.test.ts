/**
 * The extension's UI text exists in English and Chinese: contributed titles (package.nls*.json)
 * and the client's runtime strings (l10n/bundle.l10n.zh-cn.json against every t('…') in client/src), read
 * from the installed extension (the package) and, for client/src, from the repository.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveBundlePath } from '../../client/src/l10n';
import { extension } from './helpers';

/** The repository: this bundle runs from <repo>/dist/test/. */
const repoRoot = path.resolve(__dirname, '..', '..');

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

/** The first argument of every `t('…')` call, also under an import alias (single-quoted literals, as the client writes them). */
function messagesInCode(files: string[]): Set<string> {
  const out = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    // `t`, and the names it is imported under (`import { t as displayT } from '../l10n'`).
    const names = ['t', ...[...text.matchAll(/\bt as (\w+)/g)].map((m) => m[1]!)];
    const call = new RegExp(`\\b(?:${names.join('|')})\\(\\s*'((?:[^'\\\\]|\\\\.)*)'`, 'g');
    for (const m of text.matchAll(call)) out.add(m[1]!.replace(/\\(.)/g, '$1'));
  }
  return out;
}

describe('miit95 localisation', () => {
  let root: string;
  before(() => {
    root = extension().extensionPath;
  });

  it('defines every %key% of package.json in English and Chinese', () => {
    const used = new Set(
      [...fs.readFileSync(path.join(root, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map(
        (m) => m[1]!,
      ),
    );
    const en = readJson(path.join(root, 'package.nls.json'));
    const zh = readJson(path.join(root, 'package.nls.zh-cn.json'));
    assert.ok(used.size >= 5, `package.json uses nls keys (${used.size})`);
    for (const key of used) {
      assert.equal(typeof en[key], 'string', `package.nls.json: ${key}`);
      assert.equal(typeof zh[key], 'string', `package.nls.zh-cn.json: ${key}`);
    }
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort(), 'both nls files have the same keys');
  });

  it('translates every client UI string into Chinese, with the same placeholders', () => {
    // The client's sources are the repository's (the installed package carries only the bundle).
    const inCode = messagesInCode(sourceFiles(path.join(repoRoot, 'client', 'src')));
    const bundle = readJson(path.join(root, 'l10n', 'bundle.l10n.zh-cn.json'));
    assert.ok(inCode.size >= 5, `found t() calls in client/src (${inCode.size})`);
    for (const message of inCode) {
      const zh = bundle[message];
      assert.equal(typeof zh, 'string', `missing in bundle.l10n.zh-cn.json: ${JSON.stringify(message)}`);
      const placeholders = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
      assert.deepEqual(
        placeholders(zh as string),
        placeholders(message),
        `placeholders of ${JSON.stringify(message)}`,
      );
    }
    assert.deepEqual(
      Object.keys(bundle).filter((k) => !inCode.has(k)),
      [],
      'no unused entries in the bundle',
    );
  });

  it('finds the bundle for the Chinese display language only', () => {
    assert.equal(resolveBundlePath(root, 'zh-cn'), path.join(root, 'l10n', 'bundle.l10n.zh-cn.json'));
    assert.equal(resolveBundlePath(root, 'zh-CN'), path.join(root, 'l10n', 'bundle.l10n.zh-cn.json'));
    assert.equal(resolveBundlePath(root, 'en'), undefined);
    assert.equal(resolveBundlePath(root, 'en-us'), undefined);
    assert.equal(resolveBundlePath(root, 'fr'), undefined);
  });
});
