/**
 * Attachment document links and site/link id navigation over the bundled server (dist/server.js,
 * stdio): the capabilities; a link per attachment file that exists (target = the file, range = the
 * path as written), none for a missing one, which keeps its R-DOCS-001 diagnostic; go to definition
 * from a routing scenario's `site`/`link` to the technical plan's id, and find references from a
 * definition to every routing scenario that uses it (with and without the declaration).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  DocumentLink,
  InitializeResult,
  Location,
  Position,
  Range,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, SERVER_BUNDLE } from './client';

const COMPLETE_DIR = path.join(REPO_ROOT, 'samples', 'complete');
const COMPLETE_NAME = '杭州云声.app95.yaml';

describe('attachment links, go to definition and find references over stdio (dist/server.js)', function () {
  let work: string | undefined;
  let text: string;
  let client!: LspClient;
  let capabilities!: InitializeResult['capabilities'];
  let counter = 0;

  before(async function () {
    assertBundleFresh(SERVER_BUNDLE);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-navigation-'));
    cpSync(COMPLETE_DIR, work, { recursive: true });
    text = readFileSync(path.join(COMPLETE_DIR, COMPLETE_NAME), 'utf8');
    client = LspClient.start('stdio');
    capabilities = (await client.initialize({ locale: 'en' })).capabilities;
  });

  after(async function () {
    if (client !== undefined) {
      const code = await client.stop();
      assert.equal(code, 0, `server exits cleanly; stderr: ${client.stderr}`);
    }
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  afterEach(function () {
    assert.deepEqual(
      client.logs.filter((l) => l.type === 1),
      [],
      'the server logged no errors',
    );
  });

  async function open(content: string): Promise<string> {
    const uri = fileUri(path.join(work!, `navigation-${++counter}.app95.yaml`));
    await client.open(uri, content);
    return uri;
  }

  const doc = (content: string): TextDocument => TextDocument.create('x', 'miit95', 1, content);
  const covered = (content: string, range: Range): string => {
    const d = doc(content);
    return content.slice(d.offsetAt(range.start), d.offsetAt(range.end));
  };
  const lineOf = (content: string, range: Range): string => content.split('\n')[range.start.line]!.trim();
  /** The position `delta` characters into the n-th (0-based) occurrence of `needle`. */
  function at(content: string, needle: string, nth = 0, delta = 1): Position {
    let offset = -1;
    for (let i = 0; i <= nth; i++) {
      offset = content.indexOf(needle, offset + 1);
      assert.ok(offset >= 0, `${needle} #${i} is in the text`);
    }
    return doc(content).positionAt(offset + delta);
  }

  it('announces document links, definitions and references', function () {
    assert.deepEqual(capabilities.documentLinkProvider, { resolveProvider: false });
    assert.equal(capabilities.definitionProvider, true);
    assert.equal(capabilities.referencesProvider, true);
  });

  it('links every attachment that exists to its file, range on the path as written', async function () {
    const uri = await open(text);
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', {
      textDocument: { uri },
    });
    const written = links.map((l) => covered(text, l.range));
    // The attachment fields in their order (R-DOCS-001's fields, then the network diagram).
    assert.deepEqual(written, [
      '附件/营业执照.pdf',
      '附件/增值电信业务经营许可证-正文.pdf',
      '附件/增值电信业务经营许可证-附页.pdf',
      '附件/电话接入号码使用承诺书.pdf',
      '附件/网络组织方案图.pdf',
    ]);
    for (const link of links) {
      const target = fileURLToPath(link.target!);
      assert.equal(
        target,
        path.join(work!, covered(text, link.range)),
        'the link opens the file next to the application',
      );
    }
  });

  it('gives no link for a missing attachment, which keeps its R-DOCS-001 diagnostic', async function () {
    const content = text.replace('附件/营业执照.pdf', '附件/不存在的营业执照.pdf');
    const mark = client.mark();
    const uri = await open(content);
    const published = await client.waitForVersion(uri, 1, mark);
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', {
      textDocument: { uri },
    });
    const written = links.map((l) => covered(content, l.range));
    assert.ok(
      !written.includes('附件/不存在的营业执照.pdf'),
      `no link for the missing file: ${written.join(', ')}`,
    );
    assert.ok(written.includes('附件/网络组织方案图.pdf'), 'the other attachments stay links');
    const missing = published.diagnostics.filter((d) => d.code === 'R-DOCS-001');
    assert.equal(missing.length, 1);
    assert.equal(covered(content, missing[0]!.range), '附件/不存在的营业执照.pdf');
  });

  it('gives no link for a path that leaves the application folder', async function () {
    const content = text.replace('附件/营业执照.pdf', '../附件/营业执照.pdf');
    const uri = await open(content);
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', {
      textDocument: { uri },
    });
    assert.ok(!links.some((l) => covered(content, l.range).startsWith('../')));
  });

  it('goes from a routing scenario’s site and link to their definitions in the technical plan', async function () {
    const uri = await open(text);
    const site = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: at(text, 'site: hz-main', 0, 'site: '.length + 2),
    });
    assert.equal(site.length, 1);
    assert.equal(site[0]!.uri, uri);
    assert.equal(covered(text, site[0]!.range), 'hz-main');
    assert.equal(lineOf(text, site[0]!.range), '- id: hz-main');

    const link = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: at(text, 'link: cu-hz', 0, 'link: '.length),
    });
    assert.equal(link.length, 1);
    assert.equal(lineOf(text, link[0]!.range), '- id: cu-hz');
    assert.ok(
      link[0]!.range.start.line < at(text, 'link: cu-hz').line,
      'the definition is the tech plan, above the routing',
    );
  });

  it('finds every routing scenario that uses a site, from its definition', async function () {
    const uri = await open(text);
    const position = at(text, 'id: hz-main', 0, 'id: '.length + 1);
    const uses = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position,
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      uses.map((l) => lineOf(text, l.range)),
      ['site: hz-main', 'site: hz-main', 'site: hz-main'],
    );
    const all = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position,
      context: { includeDeclaration: true },
    });
    assert.equal(all.length, 4);
    assert.equal(lineOf(text, all[0]!.range), '- id: hz-main');
    const links = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: at(text, 'link: cm-hz', 0, 'link: '.length + 1),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      links.map((l) => lineOf(text, l.range)),
      ['- id: cm-hz', 'link: cm-hz'],
    );
  });

  it('gives nothing off an id, and no definition for an id the plan does not define', async function () {
    const content = text.replace('link: cu-hz', 'link: cu-hzz');
    const uri = await open(content);
    const onUnknown = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: at(content, 'link: cu-hzz', 0, 'link: '.length + 1),
    });
    assert.deepEqual(onUnknown, []);
    const onScenario = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: at(content, 'scenario: 中国移动用户呼入', 0, 'scenario: '.length + 1),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(onScenario, []);
  });
});
