/**
 * `.miit95.yaml` through the same bundled server (dist/server.js, stdio): completion of the keys the
 * configuration schema allows, of rule IDs under `rules:` and of the severities and enum values;
 * hover on a key (its titles and description) and on a rule ID (the rule's description, default
 * severity and docs link), in both languages; validation (an unknown key, a wrong severity). Then Red
 * Hat's yaml-language-server, given the schema exactly as our `yamlValidation` contribution names it,
 * agrees: it flags the same lines of the same text and accepts the text our server accepts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CompletionItem,
  CompletionList,
  Hover,
  MarkupContent,
  Position,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, SERVER_BUNDLE } from './client';

const YAML_LS = path.join(REPO_ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

/** A configuration with two mistakes: a severity that does not exist, and a key the schema does not know. */
const BROKEN =
  'rules:\n  R-COVERAGE-003: loud\nthresholds:\n  coverage:\n    min_provinces: 6\n  nonsense: 1\n';
const VALID =
  'rules:\n  R-COVERAGE-003: info\nthresholds:\n  coverage:\n    min_provinces: 6\n    comparison: ">="\n';

function positionAt(content: string, offset: number): Position {
  return TextDocument.create('x', 'yaml', 1, content).positionAt(offset);
}

function labels(result: CompletionList | CompletionItem[] | null): string[] {
  const items = result === null ? [] : Array.isArray(result) ? result : result.items;
  return items.map((i) => i.label);
}

describe('.miit95.yaml: completion, hover and validation over stdio (dist/server.js)', function () {
  let work: string;
  let zh!: LspClient;
  let en!: LspClient;
  let counter = 0;

  before(async function () {
    assertBundleFresh(SERVER_BUNDLE);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-config-file-'));
    zh = LspClient.start('stdio');
    en = LspClient.start('stdio');
    await zh.initialize({ locale: 'zh-cn', rootUri: fileUri(work) });
    await en.initialize({ locale: 'en', rootUri: fileUri(work) });
  });

  after(async function () {
    for (const client of [zh, en]) {
      if (client === undefined) continue;
      const code = await client.stop();
      assert.equal(code, 0, `server exits cleanly; stderr: ${client.stderr}`);
    }
    rmSync(work, { recursive: true, force: true });
  });

  afterEach(function () {
    for (const client of [zh, en])
      assert.deepEqual(
        client.logs.filter((l) => l.type === 1),
        [],
        'the server logged no errors',
      );
  });

  /** Opens `content` as `<dir>/.miit95.yaml` (language id yaml, as VS Code opens it) in a fresh folder. */
  async function open(client: LspClient, content: string): Promise<string> {
    const uri = fileUri(path.join(work, `folder-${++counter}`, '.miit95.yaml'));
    await client.open(uri, content, 1, 'yaml');
    return uri;
  }

  async function complete(client: LspClient, content: string, offset = content.length): Promise<string[]> {
    const uri = await open(client, content);
    return labels(
      await client.request<CompletionList | null>('textDocument/completion', {
        textDocument: { uri },
        position: positionAt(content, offset),
      }),
    );
  }

  async function hover(client: LspClient, content: string, needle: string): Promise<string> {
    const uri = await open(client, content);
    const result = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionAt(content, content.indexOf(needle) + 1),
    });
    assert.ok(result !== null, `a hover on ${needle}`);
    return (result.contents as MarkupContent).value;
  }

  it('completes the top-level keys of the configuration schema, without the ones already there', async function () {
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas', 'config.schema.json'), 'utf8'));
    const keys = Object.keys(schema.properties as object);
    assert.deepEqual(await complete(zh, ''), keys);
    assert.deepEqual(
      await complete(zh, 'rules: {}\n'),
      keys.filter((k) => k !== 'rules'),
    );
  });

  it('completes the thresholds’ keys and an enum value', async function () {
    assert.deepEqual(await complete(en, 'thresholds:\n  coverage:\n    '), [
      'min_provinces',
      'min_cities',
      'comparison',
    ]);
    assert.deepEqual(await complete(en, 'thresholds:\n  coverage:\n    comparison: '), ['>=', '>']);
  });

  it('completes rule IDs under rules: and the four severities after one', async function () {
    const ids = await complete(zh, 'rules:\n  ');
    assert.ok(ids.length >= 40, `every rule of the catalogue (${ids.length})`);
    assert.ok(ids.includes('R-COVERAGE-003') && ids.includes('R-NUMBER-003'));
    assert.ok(
      ids.every((id) => /^R-[A-Z]+-\d{3}$/.test(id)),
      ids.join(' '),
    );
    const without = await complete(zh, 'rules:\n  R-COVERAGE-003: info\n  ');
    assert.ok(!without.includes('R-COVERAGE-003'), 'a rule already set is not offered again');
    assert.deepEqual(await complete(zh, 'rules:\n  R-COVERAGE-003: '), ['off', 'info', 'warning', 'error']);
  });

  it('hovers a key with its titles and description, in the session’s language first', async function () {
    const zhText = await hover(zh, VALID, 'min_provinces');
    assert.match(zhText, /最少省份数/);
    assert.match(zhText, /Minimum provinces/);
    const enText = await hover(en, VALID, 'min_provinces');
    assert.ok(enText.indexOf('Minimum provinces') < enText.indexOf('最少省份数'), enText);
  });

  it('hovers a rule ID with the rule’s description, default severity and docs link', async function () {
    const zhText = await hover(zh, VALID, 'R-COVERAGE-003');
    assert.match(zhText, /\*\*R-COVERAGE-003\*\*/);
    assert.match(zhText, /默认级别/);
    const enText = await hover(en, VALID, 'R-COVERAGE-003');
    assert.match(enText, /Default severity/);
    assert.match(enText, /docs\/rules\/R-COVERAGE-003\.md/);
  });

  it('validates the file: a wrong severity and an unknown key, on their lines; nothing for a valid file', async function () {
    const mark = zh.mark();
    const uri = await open(zh, BROKEN);
    const published = await zh.waitForVersion(uri, 1, mark);
    const lines = published.diagnostics.map((d) => d.range.start.line).sort();
    assert.deepEqual(lines, [1, 5], JSON.stringify(published.diagnostics));
    const mark2 = zh.mark();
    const valid = await open(zh, VALID);
    assert.deepEqual((await zh.waitForVersion(valid, 1, mark2)).diagnostics, []);
  });

  describe('Red Hat yaml-language-server with the yamlValidation schema', function () {
    let peer: LspClient;
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

    before(async function () {
      const contributions = manifest.contributes.yamlValidation as {
        fileMatch: string | string[];
        url: string;
      }[];
      assert.ok(
        Array.isArray(contributions) && contributions.length === 1,
        'one yamlValidation contribution',
      );
      const [contribution] = contributions;
      // What the YAML extension does with the contribution: the URL relative to the extension folder.
      const schemaUri = pathToFileURL(path.join(REPO_ROOT, contribution!.url)).href;
      const fileMatch = ([] as string[]).concat(contribution!.fileMatch);
      assert.deepEqual(fileMatch.sort(), ['.miit95.yaml', '.miit95.yml']);
      const settings = {
        yaml: {
          schemas: { [schemaUri]: fileMatch.map((f) => `**/${f}`) },
          schemaStore: { enable: false },
          validate: true,
          hover: true,
          completion: true,
          format: { enable: false },
        },
      };
      peer = LspClient.startCommand([YAML_LS, '--stdio']);
      peer.onRequest('workspace/configuration', (params) =>
        (params as { items: { section?: string }[] }).items.map((item) =>
          item.section === 'yaml' ? settings.yaml : item.section?.startsWith('yaml.') ? undefined : settings,
        ),
      );
      await peer.initialize({
        rootUri: fileUri(work),
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
      });
      await peer.notify('workspace/didChangeConfiguration', { settings });
    });

    after(async function () {
      if (peer !== undefined) await peer.stop();
    });

    async function peerDiagnostics(content: string): Promise<PublishDiagnosticsParams> {
      const file = path.join(work, `peer-${++counter}`, '.miit95.yaml');
      const uri = fileUri(file);
      const mark = peer.mark();
      await peer.open(uri, content, 1, 'yaml');
      return peer.waitForDiagnostics(uri, () => true, mark);
    }

    it('flags the same lines as our server in the broken file', async function () {
      const published = await peerDiagnostics(BROKEN);
      const lines = [...new Set(published.diagnostics.map((d) => d.range.start.line))].sort();
      assert.deepEqual(lines, [1, 5], JSON.stringify(published.diagnostics));
    });

    it('accepts the valid file', async function () {
      const published = await peerDiagnostics(VALID);
      assert.deepEqual(published.diagnostics, []);
    });
  });
});
