// The extension's UI text in both languages, checked without VS Code (the in-editor twin is
// test/vscode/l10n.test.ts): every %key% of package.json in package.nls.json and
// package.nls.zh-cn.json, every t('…') of client/src in l10n/bundle.l10n.zh-cn.json with the same
// placeholders, every setting and command described through nls, the walkthrough's media in both
// languages, and the untrusted-workspace declaration.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../../..');

function readJson<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;
}

interface Manifest {
  capabilities?: {
    untrustedWorkspaces?: { supported: unknown; description?: string; restrictedConfigurations?: string[] };
  };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { title: string; properties: Record<string, Record<string, unknown>> };
    walkthroughs?: {
      id: string;
      title: string;
      description: string;
      steps: {
        id: string;
        title: string;
        description: string;
        media: { markdown?: string };
        completionEvents?: string[];
      }[];
    }[];
  };
}

const manifest = readJson<Manifest>('package.json');
const en = readJson<Record<string, string>>('package.nls.json');
const zh = readJson<Record<string, string>>('package.nls.zh-cn.json');
const NLS = /^%([^%]+)%$/;

/** The nls key of a manifest string, failing when it is a literal. */
function keyOf(value: unknown, what: string): string {
  assert.equal(typeof value, 'string', `${what} is a string`);
  const key = NLS.exec(value as string)?.[1];
  assert.ok(key !== undefined, `${what} is localised through package.nls (got ${String(value)})`);
  return key;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

describe('l10n of the extension', () => {
  it('defines every %key% of package.json in English and Chinese, and both files have the same keys', () => {
    const used = [...readFileSync(path.join(ROOT, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map(
      (m) => m[1]!,
    );
    for (const key of used) {
      assert.ok(typeof en[key] === 'string' && en[key] !== '', `package.nls.json: ${key}`);
      assert.ok(typeof zh[key] === 'string' && zh[key] !== '', `package.nls.zh-cn.json: ${key}`);
    }
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  });

  it('translates every t() string of client/src into Chinese, with the same placeholders', () => {
    const bundle = readJson<Record<string, string>>('l10n/bundle.l10n.zh-cn.json');
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    const inCode = new Set<string>();
    for (const file of sourceFiles(path.join(ROOT, 'client', 'src')))
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g))
        inCode.add(m[1]!.replace(/\\(.)/g, '$1'));
    assert.ok(inCode.size >= 10, `t() calls found: ${inCode.size}`);
    for (const message of inCode) {
      const zhText = bundle[message];
      assert.equal(typeof zhText, 'string', `missing in bundle.l10n.zh-cn.json: ${JSON.stringify(message)}`);
      assert.deepEqual(placeholders(zhText!), placeholders(message), `placeholders of ${JSON.stringify(message)}`);
    }
  });

  it('gives every command a localised title and the miit95 / 95号码申请 category', () => {
    for (const c of manifest.contributes.commands) {
      keyOf(c.title, `${c.command} title`);
      assert.equal(c.category, '%command.category%', `${c.command} category`);
    }
    assert.equal(en['command.category'], 'miit95');
    assert.equal(zh['command.category'], '95号码申请');
  });

  it('describes every setting in both languages (description and enum values)', () => {
    const properties = Object.entries(manifest.contributes.configuration.properties);
    assert.ok(properties.length >= 2);
    for (const [name, schema] of properties) {
      assert.match(name, /^miit95\./);
      keyOf(schema['markdownDescription'] ?? schema['description'], `${name} description`);
      const enumDescriptions = schema['enumDescriptions'];
      if (Array.isArray(schema['enum'])) {
        assert.ok(Array.isArray(enumDescriptions), `${name} has enumDescriptions`);
        assert.equal(enumDescriptions.length, schema['enum'].length, `${name} enumDescriptions`);
        enumDescriptions.forEach((d: unknown, i: number) => keyOf(d, `${name} enumDescriptions[${i}]`));
      }
    }
    for (const name of ['miit95.language', 'miit95.trace.server'])
      assert.ok(name in manifest.contributes.configuration.properties, `${name} exists`);
    assert.deepEqual(manifest.contributes.configuration.properties['miit95.language']?.['enum'], ['auto', 'zh-cn', 'en']);
  });

  it('contributes a walkthrough with create, fill, fix, fees and export steps, media in both languages', () => {
    const walkthrough = manifest.contributes.walkthroughs?.find((w) => w.id === 'miit95.gettingStarted');
    assert.ok(walkthrough, 'the miit95.gettingStarted walkthrough');
    keyOf(walkthrough.title, 'walkthrough title');
    keyOf(walkthrough.description, 'walkthrough description');
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['create', 'fill', 'fix', 'fees', 'export'],
    );
    for (const step of walkthrough.steps) {
      keyOf(step.title, `${step.id} title`);
      keyOf(step.description, `${step.id} description`);
      const media = keyOf(step.media.markdown, `${step.id} media`);
      for (const [lang, nls] of [
        ['en', en],
        ['zh-cn', zh],
      ] as const) {
        const file = nls[media]!;
        assert.match(file, /^media\/walkthrough\/[a-z-]+(\.zh-cn)?\.md$/, `${step.id} ${lang} media path`);
        assert.ok(existsSync(path.join(ROOT, file)), `${file} exists`);
      }
      assert.notEqual(en[media], zh[media], `${step.id}: a Chinese and an English page`);
      assert.ok((step.completionEvents ?? []).length > 0, `${step.id} has completion events`);
    }
    const events = walkthrough.steps.flatMap((s) => s.completionEvents ?? []);
    for (const command of ['miit95.newApplication', 'miit95.showFeePreview', 'miit95.export'])
      assert.ok(events.includes(`onCommand:${command}`), `a step completes on ${command}`);
  });

  it('declares limited support for untrusted workspaces, with a localised description', () => {
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.ok(untrusted);
    assert.equal(untrusted.supported, 'limited');
    const key = keyOf(untrusted.description, 'untrustedWorkspaces.description');
    assert.match(en[key]!, /export/i);
    assert.match(zh[key]!, /导出/);
    for (const name of untrusted.restrictedConfigurations ?? [])
      assert.ok(name in manifest.contributes.configuration.properties, `restricted setting ${name} exists`);
  });
});
